// ctest-labels: gui
// The Attention tab against real models: the explorer and its AttentionWorker on a worker
// thread load the checkpoint of the step the slider chose, a long prompt is cut to the
// context with a note, an empty prompt draws from the validation text, the JSON export is
// byte for byte what `lmwb attention --json` prints, and the Session's live probe reports
// the training model's attention every N steps.

#include "attentionexplorer.h"
#include "gui/mainwindow.h"
#include "session/attentioncapture.h"
#include "session/attentionworker.h"
#include "session/session.h"

#include "config/runconfig.h"
#include "model/languagemodel.h"
#include "train/trainer.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace lmwb;

namespace {

const char *kConfig = R"({"data": {"format": "synthetic", "synthetic_examples": 3000}, "tokenizer": {"kind": "char"},
    "model": {"n_layer": 2, "n_head": 2, "n_embd": 32, "block_size": 16},
    "training": {"max_steps": 6, "batch_size": 4, "learning_rate": 0.003, "min_lr": 0.0003, "warmup_steps": 2,
                 "lr_decay_steps": 6, "eval_interval": 100, "eval_steps": 2, "checkpoint_interval": 3, "threads": 1}})";

struct WorkerFixture {
    WorkerFixture()
    {
        worker = new app::AttentionWorker;
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        QObject::connect(&explorer, &widgets::AttentionExplorer::computeRequested, worker, &app::AttentionWorker::compute);
        QObject::connect(&explorer, &widgets::AttentionExplorer::sampleRequested, worker, &app::AttentionWorker::sampleText);
        QObject::connect(worker, &app::AttentionWorker::computed, &explorer, &widgets::AttentionExplorer::onComputed);
        QObject::connect(worker, &app::AttentionWorker::textSampled, &explorer, &widgets::AttentionExplorer::onTextSampled);
    }
    ~WorkerFixture()
    {
        thread.quit();
        thread.wait();
    }
    QThread thread;
    app::AttentionWorker *worker;
    widgets::AttentionExplorer explorer;
};

} // namespace

class TestAttentionWorker : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_run;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("lmwb-tests");
        qputenv("LMWB_NO_DIALOGS", "1");
        m_run = m_dir.filePath("run");
        auto cfg = core::parseRunConfig(kConfig);
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().c_str());
        auto t = core::Trainer::create(*cfg, m_run.toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
        QVERIFY((*t)->run({}).ok());
    }

    void sliderLoadsTheChosenCheckpoint()
    {
        WorkerFixture f;
        QSignalSpy shown(&f.explorer, &widgets::AttentionExplorer::snapshotShown);
        f.explorer.setPrompt("12+34=46");
        f.explorer.openRun(m_run);
        QCOMPARE(f.explorer.checkpoints().size(), 2); // steps 3 and 6
        QVERIFY(shown.wait(30000));
        QCOMPARE(f.explorer.snapshot().step, qint64(6));
        f.explorer.checkpointSlider()->setValue(0);
        QVERIFY(shown.wait(30000));
        const auto &s = f.explorer.snapshot();
        QCOMPARE(s.step, qint64(3));
        QVERIFY2(s.source.endsWith("step-3"), qPrintable(s.source));
        // the values are that checkpoint's
        auto m = core::LanguageModel::load((m_run + "/checkpoints/step-3").toStdString());
        QVERIFY(m.ok());
        auto enc = m->tokenizer()->encode("12+34=46");
        auto att = m->attention(enc->ids);
        QVERIFY(att.ok());
        QCOMPARE(s.T, 8);
        QCOMPARE(s.weights, QVector<float>(att->values.begin(), att->values.end()));
    }

    void longPromptIsCutToTheContext()
    {
        WorkerFixture f;
        QSignalSpy shown(&f.explorer, &widgets::AttentionExplorer::snapshotShown);
        f.explorer.setPrompt("11+22=33\n44+55=99\n66+77=143\n");
        f.explorer.openRun(m_run);
        QVERIFY(shown.wait(30000));
        QCOMPARE(f.explorer.snapshot().T, 16);
        QVERIFY2(f.explorer.note().contains("context"), qPrintable(f.explorer.note()));
    }

    void emptyPromptDrawsFromTheValidationText()
    {
        WorkerFixture f;
        QSignalSpy shown(&f.explorer, &widgets::AttentionExplorer::snapshotShown);
        f.explorer.openRun(m_run);
        QVERIFY(shown.wait(30000));
        QVERIFY(!f.explorer.prompt().isEmpty());
        QVERIFY(f.explorer.prompt().contains('+'));
        QVERIFY(f.explorer.snapshot().T > 0);
    }

    void jsonExportIsWhatTheCliPrints()
    {
        const QString binary = qEnvironmentVariable("LMWB_BINARY");
        if (binary.isEmpty() || !QFile::exists(binary))
            QSKIP("LMWB_BINARY is not built");
        WorkerFixture f;
        QSignalSpy shown(&f.explorer, &widgets::AttentionExplorer::snapshotShown);
        f.explorer.setPrompt("7+8=15");
        f.explorer.openRun(m_run);
        QVERIFY(shown.wait(30000));
        const QString path = m_dir.filePath("export.json");
        QVERIFY(f.explorer.exportJson(path));
        QProcess p;
        p.start(binary, {"attention", m_run, "--text", "7+8=15", "--json"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), p.readAllStandardOutput());
    }

    void sessionProbesTheTrainingModelEveryNSteps()
    {
        QTemporaryDir dir;
        QThread thread;
        auto *session = new app::Session;
        session->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, session, &QObject::deleteLater);
        thread.start();
        QSignalSpy probes(session, &app::Session::attentionProbed);
        QSignalSpy done(session, &app::Session::finished);
        QString cfg = QString::fromUtf8(kConfig).replace("\"max_steps\": 6", "\"max_steps\": 20");
        // Set before the run: probes follow whatever run the Session trains.
        QMetaObject::invokeMethod(session, "setAttentionProbe", Qt::QueuedConnection, Q_ARG(QString, "1+2=3"),
                                  Q_ARG(int, 5));
        QMetaObject::invokeMethod(session, "startTraining", Qt::QueuedConnection, Q_ARG(QString, cfg),
                                  Q_ARG(QString, dir.filePath("live")));
        QVERIFY(done.wait(60000));
        QMetaObject::invokeMethod(session, &app::Session::shutdown, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        QList<qint64> steps;
        for (const auto &args : probes) {
            const auto s = args.first().value<widgets::AttentionSnapshot>();
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QVERIFY(s.live);
            QCOMPARE(s.T, 5);
            QCOMPARE(s.nLayer, 2);
            steps << s.step;
        }
        QCOMPARE(steps, (QList<qint64>{5, 10, 15, 20}));
        const auto first = probes.first().first().value<widgets::AttentionSnapshot>();
        const auto last = probes.last().first().value<widgets::AttentionSnapshot>();
        QVERIFY(first.weights != last.weights); // the heads moved while it trained
    }

    void windowShowsTheLiveRunsAttention()
    {
        // The real window's wiring: Live in the tab -> the Session's probe -> the tab.
        QTemporaryDir ws;
        app::MainWindow w;
        w.setWorkspace(ws.path());
        w.show();
        widgets::AttentionExplorer *e = w.attention();
        QCOMPARE(w.tabs()->indexOf(e), 2);
        QString cfg = QString::fromUtf8(kConfig)
                          .replace("\"max_steps\": 6", "\"max_steps\": 400")
                          .replace("\"lr_decay_steps\": 6", "\"lr_decay_steps\": 400");
        w.startTraining(cfg, ws.filePath("live"));
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingState() == widgets::TrainingState::Running, 30000);
        e->setPrompt("12+3=15");
        e->setFollowLive(true);
        QTRY_VERIFY_WITH_TIMEOUT(e->snapshot().live && e->snapshot().T == 7, 30000);
        const qint64 first = e->snapshot().step; // at once, wherever the run is
        QTRY_VERIFY_WITH_TIMEOUT(e->snapshot().step > first, 30000); // then as the run goes on
        QCOMPARE(e->snapshot().step % 25, qint64(0));                // every 25 steps (the default)
        QVERIFY(!e->isShowingNote());
        e->setFollowLive(false);
        QMetaObject::invokeMethod(w.session(), &app::Session::stop, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingState() == widgets::TrainingState::Idle, 30000);
    }

    void explorerFollowsTheLiveRun()
    {
        widgets::AttentionExplorer e;
        QSignalSpy probe(&e, &widgets::AttentionExplorer::probeChanged);
        e.setLiveRun(m_run, QString::fromUtf8(kConfig));
        e.setLiveRunning(true);
        e.setPrompt("3+4=7");
        e.setFollowLive(true);
        QVERIFY(probe.size() >= 1);
        QCOMPARE(probe.last().at(0).toString(), QStringLiteral("3+4=7"));
        QCOMPARE(probe.last().at(1).toInt(), 25);
        widgets::AttentionSnapshot s;
        s.nLayer = s.nHead = 1;
        s.T = 1;
        s.weights = {1.0f};
        s.pieces = {"3"};
        s.ids = {3};
        s.live = true;
        s.step = 50;
        e.onProbed(s);
        QCOMPARE(e.snapshot().step, qint64(50));
        e.setFollowLive(false);
        QCOMPARE(probe.last().at(1).toInt(), 0); // off
    }
};

QTEST_MAIN(TestAttentionWorker)
#include "tst_attentionworker.moc"
