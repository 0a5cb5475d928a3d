#pragma once
// A run directory's history (DESIGN §4: config.json, metrics.jsonl, samples.jsonl) as the
// monitor's value types, wall time and tokens included (runscanner's RunMetrics has no
// wall time, which the monitor's x axis needs).
//
//   RunHistory h = readRunHistory(runDir, std::numeric_limits<qint64>::max());

#include "trainingtypes.h"

#include <QPair>
#include <QString>
#include <QVector>

namespace lmwb::widgets {

struct RunHistory {
    QVector<StepPoint> steps;
    QVector<EvalPoint> evals;
    QVector<QPair<qint64, QString>> samples;
    int vocabSize = 0;
    qint64 maxSteps = 0;
    QString corpus;
    QString initFrom; // training.init_from: the base model a fine-tuning run started from
    QString error;
};

// Lines a resumed run rewrote (a step at or before the last one read) replace the ones
// after them, so the history is one increasing curve. Steps after upToStep are left out.
RunHistory readRunHistory(const QString &runDir, qint64 upToStep);

// training.init_from of a run config (JSON text), or of the config.json in a run or
// checkpoint folder: the base model a fine-tuning run started from; empty otherwise.
QString initFromOfConfig(const QByteArray &configJson);
QString initFromOfRun(const QString &runOrCheckpointDir);

} // namespace lmwb::widgets
