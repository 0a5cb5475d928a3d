// ctest-labels: gui
// The workbench window, offscreen: the run browser lists the runs of a workspace and shows
// a run's configuration and loss curves.

#include "gui/mainwindow.h"
#include "lossplot.h"
#include "runscanner.h"

#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace lmwb;

namespace {

void writeRun(const QString &dir, int steps, double finalVal)
{
    QDir().mkpath(dir + "/checkpoints/step-" + QString::number(steps));
    QFile cfg(dir + "/config.json");
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(R"({"data": {"format": "synthetic", "train": []}, "tokenizer": {"kind": "char"},
                 "model": {"arch": "gpt", "n_layer": 3, "n_head": 2, "n_embd": 64, "block_size": 32},
                 "training": {"max_steps": 100}})");
    QFile m(dir + "/metrics.jsonl");
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(R"({"step": 0, "eval": true, "train_loss": 2.6, "val_loss": 2.61})" "\n");
    for (int s = 1; s <= steps; ++s)
        m.write(QString(R"({"step": %1, "train_loss": %2, "lr": 0.001, "grad_norm": 1.0})" "\n")
                    .arg(s)
                    .arg(2.6 - s * 0.01)
                    .toUtf8());
    m.write(QString(R"({"step": %1, "eval": true, "train_loss": %2, "val_loss": %3})" "\n")
                .arg(steps)
                .arg(finalVal - 0.05)
                .arg(finalVal)
                .toUtf8());
    m.write(R"({"step": 7, "train_loss": null, "skipped": true})" "\n");
    QFile latest(dir + "/latest");
    QVERIFY(latest.open(QIODevice::WriteOnly));
    latest.write(QString("step-%1\n").arg(steps).toUtf8());
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("lmwb-tests");
    }

    void runScannerReadsRuns()
    {
        QTemporaryDir ws;
        writeRun(ws.filePath("alpha"), 30, 2.1);
        QDir().mkpath(ws.filePath("not-a-run"));
        const auto runs = widgets::scanWorkspace(ws.path());
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].name, QString("alpha"));
        QCOMPARE(runs[0].steps, qint64(30));
        QCOMPARE(runs[0].maxSteps, qint64(100));
        QCOMPARE(runs[0].bestValLoss, 2.1);
        QCOMPARE(runs[0].latestCheckpoint, QString("step-30"));
        QVERIFY(runs[0].summary.contains("gpt 3x2x64"));
        const auto m = widgets::readMetrics(runs[0].path);
        QCOMPARE(m.steps.size(), 31); // 30 steps + the skipped one
        QVERIFY(qIsNaN(m.trainLoss.last()));
        QCOMPARE(m.evalSteps.size(), 2);
    }

    void windowListsAndShowsRuns()
    {
        QTemporaryDir ws;
        writeRun(ws.filePath("alpha"), 30, 2.1);
        writeRun(ws.filePath("beta"), 12, 2.4);
        app::MainWindow w;
        w.setWorkspace(ws.path());
        w.show();
        QCOMPARE(w.runList()->topLevelItemCount(), 2);
        w.selectRun(ws.filePath("alpha"));
        QTRY_VERIFY(w.configView()->toPlainText().contains("n_layer"));
        QCOMPARE(w.lossPlot()->trainPointCount(), 31);
        QCOMPARE(w.lossPlot()->evalPointCount(), 2);
        // a new run appears on refresh
        writeRun(ws.filePath("gamma"), 5, 2.5);
        w.refreshRuns();
        QCOMPARE(w.runList()->topLevelItemCount(), 3);
        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        if (qEnvironmentVariableIsSet("LMWB_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("LMWB_SCREENSHOT_DIR") + "/mainwindow.png");
    }

    void brokenRunIsShownWithItsError()
    {
        QTemporaryDir ws;
        QDir().mkpath(ws.filePath("broken/checkpoints"));
        QFile cfg(ws.filePath("broken/config.json"));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("{not json");
        cfg.close();
        app::MainWindow w;
        w.setWorkspace(ws.path());
        QCOMPARE(w.runList()->topLevelItemCount(), 1);
        w.selectRun(ws.filePath("broken"));
        QTRY_VERIFY(w.configView()->toPlainText().contains("config.json"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
