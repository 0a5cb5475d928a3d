// ctest-labels: gui
// The Session on its worker thread: queued commands in, value-typed signals out; progress
// at most ~20 times a second; pause, single step, save, sample and stop act within one
// step; errors arrive as failed() and nothing escapes a slot.

#include "session/session.h"

#include "model/languagemodel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace lmwb;
using widgets::TrainingState;

namespace {

QString config(int steps, int checkpointInterval = 1000)
{
    return QString(R"({"data": {"format": "synthetic", "synthetic_examples": 4000}, "tokenizer": {"kind": "char"},
        "model": {"n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 16},
        "training": {"max_steps": %1, "batch_size": 8, "learning_rate": 0.003, "min_lr": 0.0003, "warmup_steps": 5,
                     "lr_decay_steps": %1, "eval_interval": 50, "eval_steps": 2, "checkpoint_interval": %2, "threads": 1}})")
        .arg(steps)
        .arg(checkpointInterval);
}

class Fixture {
public:
    Fixture()
    {
        session = new app::Session;
        session->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, session, &QObject::deleteLater);
        thread.start();
    }
    ~Fixture()
    {
        QMetaObject::invokeMethod(session, &app::Session::shutdown, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    template <typename F>
    void call(F f)
    {
        QMetaObject::invokeMethod(session, f, Qt::QueuedConnection);
    }
    QThread thread;
    app::Session *session = nullptr;
};

} // namespace

class TestSession : public QObject {
    Q_OBJECT

private slots:
    void trainsAndThrottlesProgress()
    {
        QTemporaryDir dir;
        Fixture f;
        QSignalSpy progress(f.session, &app::Session::progressed);
        QSignalSpy evals(f.session, &app::Session::evaluated);
        QSignalSpy done(f.session, &app::Session::finished);
        QSignalSpy started(f.session, &app::Session::runStarted);
        QElapsedTimer clock;
        clock.start();
        const QString run = dir.filePath("r");
        QMetaObject::invokeMethod(f.session, "startTraining", Qt::QueuedConnection, Q_ARG(QString, config(200)),
                                  Q_ARG(QString, run));
        QVERIFY(done.wait(120000));
        const double seconds = clock.elapsed() / 1000.0;
        QCOMPARE(started.size(), 1);
        const auto desc = started.first().first().value<widgets::RunDescription>();
        QCOMPARE(desc.maxSteps, qint64(200));
        QVERIFY(desc.vocabSize >= 12);
        qint64 points = 0, lastStep = 0;
        for (const auto &args : progress) {
            const auto batch = args.first().value<QVector<widgets::StepPoint>>();
            for (const auto &p : batch) {
                QCOMPARE(p.step, lastStep + 1); // nothing lost, nothing twice
                lastStep = p.step;
            }
            points += batch.size();
        }
        QCOMPARE(points, qint64(200));
        // at most ~20 emissions a second (plus forced flushes at each eval and the end)
        QVERIFY2(progress.size() <= int(seconds * 20) + evals.size() + 3,
                 qPrintable(QString("%1 emissions in %2 s").arg(progress.size()).arg(seconds)));
        QVERIFY(progress.size() < 200); // batched, not one signal per step
        QCOMPARE(evals.size(), 5);       // 0, 50, 100, 150, 200
        QVERIFY(QFile::exists(run + "/checkpoints/step-200/model.safetensors"));
    }

    void pauseStepSaveSampleStop()
    {
        QTemporaryDir dir;
        Fixture f;
        QSignalSpy progress(f.session, &app::Session::progressed);
        QSignalSpy states(f.session, &app::Session::stateChanged);
        QSignalSpy saved(f.session, &app::Session::checkpointSaved);
        QSignalSpy samples(f.session, &app::Session::sampled);
        const QString run = dir.filePath("r");
        QMetaObject::invokeMethod(f.session, "startTraining", Qt::QueuedConnection, Q_ARG(QString, config(100000)),
                                  Q_ARG(QString, run));
        QVERIFY(progress.wait(60000));
        f.call(&app::Session::pause);
        QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && states.last().first().value<TrainingState>() == TrainingState::Paused,
                                 10000);
        auto lastStep = [&] {
            return progress.last().first().value<QVector<widgets::StepPoint>>().last().step;
        };
        const qint64 pausedAt = lastStep();
        QTest::qWait(300);
        QCOMPARE(lastStep(), pausedAt); // paused means no steps
        f.call(&app::Session::step);
        QTRY_COMPARE_WITH_TIMEOUT(lastStep(), pausedAt + 1, 10000);
        f.call(&app::Session::saveNow);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 20000);
        QCOMPARE(saved.last().first().toLongLong(), pausedAt + 1);
        f.call(&app::Session::sampleNow);
        QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), 20000);
        f.call(&app::Session::resume);
        QTRY_VERIFY_WITH_TIMEOUT(lastStep() > pausedAt + 3, 20000);
        f.call(&app::Session::stop);
        QTRY_VERIFY_WITH_TIMEOUT(states.last().first().value<TrainingState>() == TrainingState::Idle, 20000);
        const qint64 stoppedAt = lastStep();
        QTRY_VERIFY(QFile::exists(run + QString("/checkpoints/step-%1/model.safetensors").arg(stoppedAt)));
        auto m = core::LanguageModel::load(run.toStdString());
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        QCOMPARE(m->step(), stoppedAt);
    }

    void errorsArriveAsMessages()
    {
        QTemporaryDir dir;
        Fixture f;
        QSignalSpy failed(f.session, &app::Session::failed);
        QMetaObject::invokeMethod(f.session, "startTraining", Qt::QueuedConnection,
                                  Q_ARG(QString, QString(R"({"data": {"format": "synthetic"}, "model": {"n_layers": 2}})")),
                                  Q_ARG(QString, dir.filePath("x")));
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains("model.n_layers"));
        QMetaObject::invokeMethod(f.session, "resumeTraining", Qt::QueuedConnection,
                                  Q_ARG(QString, dir.filePath("nothing-here")), Q_ARG(qint64, 0));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000); // the first wait may have seen both
        QVERIFY(failed.last().first().toString().contains("nothing-here"));
        // The session still works after errors.
        QSignalSpy done(f.session, &app::Session::finished);
        QMetaObject::invokeMethod(f.session, "startTraining", Qt::QueuedConnection, Q_ARG(QString, config(5)),
                                  Q_ARG(QString, dir.filePath("ok")));
        QVERIFY(done.wait(60000));
    }

    void measuresAStep()
    {
        Fixture f;
        QSignalSpy timed(f.session, &app::Session::stepTimed);
        QString cfg = config(10);
        cfg.replace(R"("block_size": 16})", R"("block_size": 16, "vocab_size": 13})");
        QMetaObject::invokeMethod(f.session, "measureStep", Qt::QueuedConnection, Q_ARG(int, 7), Q_ARG(QString, cfg));
        QVERIFY(timed.wait(30000));
        QCOMPARE(timed.first().at(0).toInt(), 7);
        QVERIFY(timed.first().at(1).toDouble() > 0.0);
        QVERIFY(timed.first().at(2).toLongLong() > 0);
        QVERIFY(timed.first().at(3).toString().isEmpty());
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
