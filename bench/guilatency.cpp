// GUI responsiveness while training (issue 3, DESIGN §2): the real MainWindow trains a
// run through its Session on the worker thread while a 10 ms QTimer on the GUI thread
// records how late each tick fires. Prints one JSON object: the lateness percentiles and
// the median ms per step of the run (read back from its metrics.jsonl).
//
//   lmwb-guilatency CONFIG.json RUN_DIR [STEPS]
//
// bench/gui_latency.sh runs it next to a headless `lmwb train` of the same config.

#include "gui/mainwindow.h"
#include "session/session.h"
#include "trainingtypes.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lmwb;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: lmwb-guilatency CONFIG.json RUN_DIR [STEPS]\n");
        return 2;
    }
    const QString configPath = QString::fromLocal8Bit(argv[1]);
    const QString runDir = QString::fromLocal8Bit(argv[2]);
    const int steps = argc > 3 ? std::atoi(argv[3]) : 300;
    QFile f(configPath);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    QJsonObject cfg = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject training = cfg.value("training").toObject();
    training["max_steps"] = steps;
    cfg["training"] = training;

    QCoreApplication::setOrganizationName("lmwb-bench");
    qputenv("LMWB_NO_DIALOGS", "1");
    app::MainWindow window;
    window.resize(1400, 880);
    window.show();

    std::vector<double> lateness;
    QElapsedTimer clock;
    qint64 expected = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (expected > 0)
            lateness.push_back(std::max<double>(0.0, (now - expected) / 1e6));
        expected = now + 10'000'000;
    });

    QObject::connect(window.session(), &app::Session::finished, &app, [&] { QTimer::singleShot(200, &app, &QApplication::quit); });
    QObject::connect(window.session(), &app::Session::failed, &app, [&](const QString &e) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(e));
        app.exit(1);
    });
    QTimer::singleShot(500, [&] {
        clock.start();
        tick.start();
        window.startTraining(QString::fromUtf8(QJsonDocument(cfg).toJson()), runDir);
    });
    const int rc = app.exec();
    if (rc != 0)
        return rc;

    std::vector<double> ms;
    QFile metrics(QDir(runDir).filePath("metrics.jsonl"));
    if (metrics.open(QIODevice::ReadOnly))
        while (!metrics.atEnd()) {
            const auto o = QJsonDocument::fromJson(metrics.readLine()).object();
            if (o.contains("ms_per_step"))
                ms.push_back(o.value("ms_per_step").toDouble());
        }
    if (ms.size() > 10)
        ms.erase(ms.begin(), ms.begin() + 10);
    auto pct = [](std::vector<double> v, double p) {
        if (v.empty())
            return 0.0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
    };
    std::printf("{\"ticks\": %zu, \"lateness_p50_ms\": %.2f, \"lateness_p99_ms\": %.2f, \"lateness_max_ms\": %.2f, "
                "\"ms_per_step_median\": %.2f, \"steps\": %zu}\n",
                lateness.size(), pct(lateness, 0.5), pct(lateness, 0.99), pct(lateness, 1.0), pct(ms, 0.5), ms.size());
    return 0;
}
