#include "runscanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace lmwb::widgets {

bool isRunDirectory(const QString &path)
{
    const QDir d(path);
    return d.exists(QStringLiteral("config.json")) &&
           (d.exists(QStringLiteral("metrics.jsonl")) || d.exists(QStringLiteral("checkpoints")));
}

static double number(const QJsonValue &v) { return v.isDouble() ? v.toDouble() : qQNaN(); }

RunMetrics readMetrics(const QString &runPath)
{
    RunMetrics m;
    QFile f(QDir(runPath).filePath(QStringLiteral("metrics.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;
        const double step = o.value(QStringLiteral("step")).toDouble();
        if (o.value(QStringLiteral("eval")).toBool()) {
            m.evalSteps << step;
            m.evalTrainLoss << number(o.value(QStringLiteral("train_loss")));
            m.evalValLoss << number(o.value(QStringLiteral("val_loss")));
        } else {
            m.steps << step;
            m.trainLoss << number(o.value(QStringLiteral("train_loss")));
            m.lr << number(o.value(QStringLiteral("lr")));
            m.gradNorm << number(o.value(QStringLiteral("grad_norm")));
            m.tokensPerSecond << number(o.value(QStringLiteral("tokens_per_second")));
            m.tokens << number(o.value(QStringLiteral("tokens")));
        }
    }
    return m;
}

RunInfo readRunInfo(const QString &path)
{
    RunInfo r;
    r.path = path;
    r.name = QFileInfo(path).fileName();
    const QDir d(path);
    QFile cfg(d.filePath(QStringLiteral("config.json")));
    if (!cfg.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("no config.json");
        return r;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(cfg.readAll(), &pe);
    if (doc.isNull()) {
        r.error = QStringLiteral("config.json: %1").arg(pe.errorString());
        return r;
    }
    r.configJson = QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    const QJsonObject o = doc.object();
    const QJsonObject model = o.value(QStringLiteral("model")).toObject();
    const QJsonObject tok = o.value(QStringLiteral("tokenizer")).toObject();
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    r.arch = model.value(QStringLiteral("arch")).toString(QStringLiteral("gpt"));
    r.maxSteps = o.value(QStringLiteral("training")).toObject().value(QStringLiteral("max_steps")).toInteger();
    r.summary = QStringLiteral("%1 %2x%3x%4, %5, %6")
                    .arg(r.arch)
                    .arg(model.value(QStringLiteral("n_layer")).toInt())
                    .arg(model.value(QStringLiteral("n_head")).toInt())
                    .arg(model.value(QStringLiteral("n_embd")).toInt())
                    .arg(tok.value(QStringLiteral("kind")).toString())
                    .arg(data.value(QStringLiteral("format")).toString());
    const RunMetrics m = readMetrics(path);
    for (double s : m.steps)
        r.steps = std::max(r.steps, static_cast<qint64>(s));
    for (double v : m.evalValLoss)
        if (std::isfinite(v) && (!std::isfinite(r.bestValLoss) || v < r.bestValLoss))
            r.bestValLoss = v;
    QFile latest(d.filePath(QStringLiteral("latest")));
    if (latest.open(QIODevice::ReadOnly))
        r.latestCheckpoint = QString::fromUtf8(latest.readAll()).trimmed();
    QFileInfo mi(d.filePath(QStringLiteral("metrics.jsonl")));
    r.modified = mi.exists() ? mi.lastModified() : QFileInfo(path).lastModified();
    return r;
}

QList<RunInfo> scanWorkspace(const QString &workspace)
{
    QList<RunInfo> runs;
    const QDir d(workspace);
    for (const QString &name : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString p = d.filePath(name);
        if (isRunDirectory(p))
            runs << readRunInfo(p);
    }
    std::sort(runs.begin(), runs.end(), [](const RunInfo &a, const RunInfo &b) { return a.modified > b.modified; });
    return runs;
}

} // namespace lmwb::widgets
