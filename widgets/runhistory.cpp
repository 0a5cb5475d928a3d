#include "runhistory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace lmwb::widgets {

namespace {

double number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : qQNaN(); // NaN is written as null
}

QJsonObject readJsonObject(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString initFromOf(const QJsonObject &cfg)
{
    return cfg.value(QLatin1String("training")).toObject().value(QLatin1String("init_from")).toString();
}

void readConfig(const QString &runDir, RunHistory &h)
{
    const QDir dir(runDir);
    QJsonObject cfg = readJsonObject(dir.filePath(QStringLiteral("config.json")));
    h.vocabSize = cfg.value(QLatin1String("model")).toObject().value(QLatin1String("vocab_size")).toInt();
    if (h.vocabSize <= 0) {
        // The run's config may leave the vocabulary to the tokenizer; its checkpoints know it.
        QFile latest(dir.filePath(QStringLiteral("latest")));
        if (latest.open(QIODevice::ReadOnly)) {
            const QString name = QString::fromUtf8(latest.readAll()).trimmed();
            const QJsonObject ck = readJsonObject(dir.filePath(QStringLiteral("checkpoints/%1/config.json").arg(name)));
            h.vocabSize = ck.value(QLatin1String("model")).toObject().value(QLatin1String("vocab_size")).toInt();
        }
    }
    h.maxSteps = cfg.value(QLatin1String("training")).toObject().value(QLatin1String("max_steps")).toInteger();
    h.initFrom = initFromOf(cfg);
    const QJsonObject data = cfg.value(QLatin1String("data")).toObject();
    QStringList files;
    for (const QJsonValue &v : data.value(QLatin1String("train")).toArray())
        files << QFileInfo(v.toString()).fileName();
    h.corpus = files.isEmpty() ? data.value(QLatin1String("format")).toString() : files.join(QStringLiteral(", "));
}

} // namespace

QString initFromOfConfig(const QByteArray &configJson)
{
    return initFromOf(QJsonDocument::fromJson(configJson).object());
}

QString initFromOfRun(const QString &runOrCheckpointDir)
{
    if (runOrCheckpointDir.isEmpty())
        return {};
    return initFromOf(readJsonObject(QDir(runOrCheckpointDir).filePath(QStringLiteral("config.json"))));
}

// metrics.jsonl: one object a line. Lines a resumed run rewrote (a step at or before the
// last one read) replace the ones after them, so the history is one increasing curve.
// Wall time is the running sum of ms_per_step unless a line carries wall_seconds.
RunHistory readRunHistory(const QString &runDir, qint64 upToStep)
{
    RunHistory h;
    QFile f(QDir(runDir).filePath(QStringLiteral("metrics.jsonl")));
    if (!f.open(QIODevice::ReadOnly)) {
        h.error = QStringLiteral("%1: %2").arg(f.fileName(), f.errorString());
        return h;
    }
    readConfig(runDir, h);
    double wall = 0.0, tokens = 0.0;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine().trimmed()).object();
        if (o.isEmpty() || !o.value(QLatin1String("step")).isDouble())
            continue;
        const qint64 step = o.value(QLatin1String("step")).toInteger();
        if (step > upToStep)
            continue;
        if (o.value(QLatin1String("eval")).toBool()) {
            while (!h.evals.isEmpty() && h.evals.last().step >= step)
                h.evals.removeLast();
            EvalPoint e;
            e.step = step;
            e.trainLoss = number(o, "train_loss");
            e.valLoss = number(o, "val_loss");
            e.tokensSeen = !h.steps.isEmpty() && h.steps.last().step <= step ? h.steps.last().tokensSeen : 0;
            e.wallSeconds = !h.steps.isEmpty() && h.steps.last().step <= step ? h.steps.last().wallSeconds : 0.0;
            h.evals << e;
            continue;
        }
        if (!h.steps.isEmpty() && h.steps.last().step >= step) { // a resume rewrote these
            while (!h.steps.isEmpty() && h.steps.last().step >= step)
                h.steps.removeLast();
            while (!h.evals.isEmpty() && h.evals.last().step >= step)
                h.evals.removeLast();
        }
        if (!h.steps.isEmpty()) {
            wall = h.steps.last().wallSeconds;
            tokens = double(h.steps.last().tokensSeen);
        } else {
            wall = tokens = 0.0;
        }
        StepPoint p;
        p.step = step;
        p.trainLoss = number(o, "train_loss");
        p.lr = number(o, "lr");
        p.gradNorm = number(o, "grad_norm");
        p.msPerStep = number(o, "ms_per_step");
        p.tokensPerSecond = number(o, "tokens_per_second");
        p.skipped = o.value(QLatin1String("skipped")).toBool();
        const double stepSeconds = std::isfinite(p.msPerStep) ? p.msPerStep / 1000.0 : 0.0;
        const double ws = number(o, "wall_seconds");
        p.wallSeconds = std::isfinite(ws) ? ws : wall + stepSeconds;
        const double seen = number(o, "tokens");
        const double perStep = std::isfinite(p.tokensPerSecond) ? p.tokensPerSecond * stepSeconds : 0.0;
        p.tokensSeen = qint64(std::llround(std::isfinite(seen) ? seen : tokens + perStep));
        h.steps << p;
    }
    QFile s(QDir(runDir).filePath(QStringLiteral("samples.jsonl")));
    if (s.open(QIODevice::ReadOnly)) {
        while (!s.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(s.readLine().trimmed()).object();
            const qint64 step = o.value(QLatin1String("step")).toInteger();
            if (!o.isEmpty() && step <= upToStep)
                h.samples.append({step, o.value(QLatin1String("text")).toString()});
        }
    }
    return h;
}

} // namespace lmwb::widgets
