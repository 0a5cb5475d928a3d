// ctest-labels: gui
// The workbench window and its run browser, offscreen: runs of a workspace are listed with
// their config; open shows a run in the monitor; rename, delete (with confirmation) and
// compare work; broken runs show their error.

#include "gui/mainwindow.h"
#include "runbrowser.h"
#include "runscanner.h"
#include "trainingmonitor.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
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
                 "model": {"arch": "gpt", "n_layer": 3, "n_head": 2, "n_embd": 64, "block_size": 32, "vocab_size": 13},
                 "training": {"max_steps": 100}})");
    QFile m(dir + "/metrics.jsonl");
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(R"({"step": 0, "eval": true, "train_loss": 2.6, "val_loss": 2.61})" "\n");
    for (int s = 1; s <= steps; ++s)
        if (s == 7)
            m.write(R"({"step": 7, "train_loss": null, "skipped": true, "tokens": 1792})" "\n");
        else
            m.write(QString(R"({"step": %1, "train_loss": %2, "lr": 0.001, "grad_norm": 1.0, "tokens": %3, "ms_per_step": 5})" "\n")
                    .arg(s)
                    .arg(2.6 - s * 0.01)
                    .arg(s * 256)
                    .toUtf8());
    m.write(QString(R"({"step": %1, "eval": true, "train_loss": %2, "val_loss": %3})" "\n")
                .arg(steps)
                .arg(finalVal - 0.05)
                .arg(finalVal)
                .toUtf8());
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
        qputenv("LMWB_NO_DIALOGS", "1");
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
        QCOMPARE(m.steps.size(), 30);
        QVERIFY(qIsNaN(m.trainLoss.at(6))); // the skipped step: null in the file
        QCOMPARE(m.evalSteps.size(), 2);
    }

    void windowListsOpensAndComparesRuns()
    {
        QTemporaryDir ws;
        writeRun(ws.filePath("alpha"), 30, 2.1);
        writeRun(ws.filePath("beta"), 12, 2.4);
        app::MainWindow w;
        w.setWorkspace(ws.path());
        w.show();
        QCOMPARE(w.tabs()->count(), 5); // Train, Data & Tokenizer, Attention, Playground, Teach
        auto *browser = w.runBrowser();
        QCOMPARE(browser->tree()->topLevelItemCount(), 2);
        browser->selectRun(ws.filePath("alpha"));
        QTRY_VERIFY(browser->configView()->toPlainText().contains("n_layer"));
        QPushButton *open = nullptr;
        for (auto *b : browser->findChildren<QPushButton *>())
            if (b->text() == "Open")
                open = b;
        QVERIFY(open && open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(w.currentRun(), ws.filePath("alpha"));
        QCOMPARE(w.monitor()->trainPointCount(), 30);
        QCOMPARE(w.monitor()->evalPointCount(), 2);
        // compare: the other run is overlaid
        QSignalSpy compare(browser, &widgets::RunBrowser::compareRequested);
        browser->tree()->selectAll();
        for (auto *b : browser->findChildren<QPushButton *>())
            if (b->text() == "Compare")
                QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(compare.size(), 1);
        QCOMPARE(compare.first().first().toStringList().size(), 2);
        // a new run appears on refresh
        writeRun(ws.filePath("gamma"), 5, 2.5);
        browser->refresh();
        QCOMPARE(browser->tree()->topLevelItemCount(), 3);
        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        if (qEnvironmentVariableIsSet("LMWB_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("LMWB_SCREENSHOT_DIR") + "/mainwindow.png");
    }

    void renameAndDelete()
    {
        QTemporaryDir ws;
        writeRun(ws.filePath("alpha"), 3, 2.1);
        writeRun(ws.filePath("beta"), 3, 2.4);
        widgets::RunBrowser b;
        b.setWorkspace(ws.path());
        QString error;
        QVERIFY(!b.renameRun(ws.filePath("alpha"), "beta", &error));
        QVERIFY(error.contains("already exists"));
        QVERIFY(!b.renameRun(ws.filePath("alpha"), "a/b", &error));
        QVERIFY(b.renameRun(ws.filePath("alpha"), "first", &error));
        QVERIFY(QFileInfo::exists(ws.filePath("first/config.json")));
        QCOMPARE(b.tree()->topLevelItemCount(), 2);
        b.setBusyRun(ws.filePath("beta"));
        QVERIFY(!b.deleteRun(ws.filePath("beta"), &error));
        QVERIFY(error.contains("being trained"));
        b.setBusyRun({});
        QDir().mkpath(ws.filePath("precious"));
        QVERIFY(!b.deleteRun(ws.filePath("precious"), &error)); // not a run: never removed
        QVERIFY(QFileInfo::exists(ws.filePath("precious")));
        QVERIFY(b.deleteRun(ws.filePath("beta"), &error));
        QVERIFY(!QFileInfo::exists(ws.filePath("beta")));
        QCOMPARE(b.tree()->topLevelItemCount(), 1);
    }

    void brokenRunIsShownWithItsError()
    {
        QTemporaryDir ws;
        QDir().mkpath(ws.filePath("broken/checkpoints"));
        QFile cfg(ws.filePath("broken/config.json"));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("{not json");
        cfg.close();
        widgets::RunBrowser b;
        b.setWorkspace(ws.path());
        QCOMPARE(b.tree()->topLevelItemCount(), 1);
        b.selectRun(ws.filePath("broken"));
        QTRY_VERIFY(b.configView()->toPlainText().contains("config.json"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
