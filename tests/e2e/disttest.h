#pragma once
// Helpers of the data-parallel end-to-end tests (tst_dist, tst_distfailure): run the real
// binary, read a checkpoint's parameters, read metrics.jsonl.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cmath>
#include <cstring>
#include <map>

namespace disttest {

struct Run {
    int code = -1;
    QByteArray out, err;
};

inline Run lmwb(const QStringList &args, const QMap<QString, QString> &env = {}, int timeoutMs = 120000,
                const QString &program = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.setProgram(program.isEmpty() ? qEnvironmentVariable("LMWB_BINARY") : program);
    p.setArguments(args);
    p.start();
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out: " + p.readAllStandardError();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

// model.safetensors as name -> fp32 values (the checkpoint writer stores F32).
inline std::map<QString, std::vector<float>> readModel(const QString &path)
{
    std::map<QString, std::vector<float>> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray bytes = f.readAll();
    if (bytes.size() < 8)
        return out;
    quint64 n = 0;
    std::memcpy(&n, bytes.constData(), 8);
    const QJsonObject header = QJsonDocument::fromJson(bytes.mid(8, static_cast<int>(n))).object();
    const char *data = bytes.constData() + 8 + n;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__" || it.value().toObject().value("dtype").toString() != "F32")
            continue;
        const QJsonArray off = it.value().toObject().value("data_offsets").toArray();
        const auto begin = static_cast<qint64>(off.at(0).toDouble()), end = static_cast<qint64>(off.at(1).toDouble());
        std::vector<float> v(static_cast<std::size_t>((end - begin) / 4));
        std::memcpy(v.data(), data + begin, static_cast<std::size_t>(end - begin));
        out[it.key()] = std::move(v);
    }
    return out;
}

// The largest |a - b| over all parameters; infinity when the sets differ.
inline double maxDifference(const std::map<QString, std::vector<float>> &a, const std::map<QString, std::vector<float>> &b)
{
    if (a.empty() || a.size() != b.size())
        return INFINITY;
    double worst = 0.0;
    for (const auto &[name, va] : a) {
        auto it = b.find(name);
        if (it == b.end() || it->second.size() != va.size())
            return INFINITY;
        for (std::size_t i = 0; i < va.size(); ++i)
            worst = std::max(worst, std::abs(static_cast<double>(va[i]) - it->second[i]));
    }
    return worst;
}

inline QList<QJsonObject> metricLines(const QString &runDir)
{
    QList<QJsonObject> lines;
    QFile f(runDir + "/metrics.jsonl");
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty())
            lines << QJsonDocument::fromJson(l).object();
    return lines;
}

inline QList<double> trainLosses(const QString &runDir)
{
    QList<double> out;
    for (const QJsonObject &o : metricLines(runDir))
        if (!o.contains("eval"))
            out << o.value("train_loss").toDouble();
    return out;
}


// A tiny GPT on the built-in corpus; `extra` adds keys to "training".
inline QString writeConfig(const QTemporaryDir &dir, const QString &name, int batch, int maxSteps,
                           const QString &extra = {})
{
    const QString path = dir.filePath(name + ".json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QStringLiteral(
                R"({"data": {"format": "synthetic", "synthetic_examples": 2000},
                    "tokenizer": {"kind": "char"},
                    "model": {"n_layer": 2, "n_head": 2, "n_embd": 32, "block_size": 16},
                    "training": {"max_steps": %1, "batch_size": %2, "learning_rate": 0.001, "min_lr": 0.0001,
                                 "warmup_steps": 2, "lr_decay_steps": 10, "eval_interval": 5, "eval_steps": 2,
                                 "checkpoint_interval": 5, "threads": 1, "dist_timeout": 20 %3}})")
                .arg(maxSteps)
                .arg(batch)
                .arg(extra)
                .toUtf8());
    return path;
}

} // namespace disttest
