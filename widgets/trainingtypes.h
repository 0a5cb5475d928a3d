#pragma once
// Value types that travel from the Session (worker thread) to the views by queued
// signals. Plain Qt values, no torch; registered as metatypes by registerTrainingTypes().

#include <QMetaType>
#include <QString>
#include <QVector>

namespace lmwb::widgets {

struct StepPoint {
    qint64 step = 0;
    double trainLoss = 0.0; // NaN for a skipped step
    double lr = 0.0;
    double gradNorm = 0.0;
    double msPerStep = 0.0;
    double tokensPerSecond = 0.0;
    qint64 tokensSeen = 0;
    double wallSeconds = 0.0; // since the run (or this session of it) started
    bool skipped = false;
};

struct EvalPoint {
    qint64 step = 0;
    double trainLoss = 0.0;
    double valLoss = 0.0;
    double bestValLoss = 0.0;
    qint64 tokensSeen = 0;
    double wallSeconds = 0.0;
};

// What the Session says about a run when it starts or resumes it.
struct RunDescription {
    QString runDir;
    QString configJson;
    qint64 step = 0;
    qint64 maxSteps = 0;
    qint64 parameters = 0;
    qint64 trainableParameters = 0; // fewer than parameters when fine-tuning freezes or adapts
    int vocabSize = 0;
    qint64 trainTokens = 0;
    qint64 valTokens = 0;
    QString corpus;
    int threads = 0;
};

enum class TrainingState { Idle, Preparing, Running, Paused, Stopping, Finished, Failed };

void registerTrainingTypes();

} // namespace lmwb::widgets

Q_DECLARE_METATYPE(lmwb::widgets::StepPoint)
Q_DECLARE_METATYPE(lmwb::widgets::EvalPoint)
Q_DECLARE_METATYPE(lmwb::widgets::RunDescription)
Q_DECLARE_METATYPE(lmwb::widgets::TrainingState)
