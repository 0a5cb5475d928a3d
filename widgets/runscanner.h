#pragma once
// Reads run directories (DESIGN §4) for the run browser: config, metrics, checkpoints.
//
//   QList<RunInfo> runs = scanWorkspace(workspaceDir);
//   RunMetrics m = readMetrics(runs[0].path);   // steps, losses, evals
//
// Plain Qt Core, no torch: the GUI can list runs without loading a model.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVector>

namespace lmwb::widgets {

struct RunInfo {
    QString path;
    QString name;            // the directory name
    QString configJson;      // the run's config.json, pretty-printed ("" if missing)
    QString arch;            // "gpt" / "lstm"
    QString summary;         // "gpt 4x4x128, char, synthetic"
    qint64 steps = 0;        // the last step in metrics.jsonl
    qint64 maxSteps = 0;
    double bestValLoss = qQNaN();
    QDateTime modified;
    QString latestCheckpoint; // "step-500" or ""
    QString error;           // why the directory could not be read, if it could not
};

struct RunMetrics {
    QVector<double> steps, trainLoss, lr, gradNorm, tokensPerSecond, tokens;
    QVector<double> evalSteps, evalTrainLoss, evalValLoss;
};

bool isRunDirectory(const QString &path);
RunInfo readRunInfo(const QString &path);
QList<RunInfo> scanWorkspace(const QString &workspace); // newest first
RunMetrics readMetrics(const QString &runPath);

} // namespace lmwb::widgets
