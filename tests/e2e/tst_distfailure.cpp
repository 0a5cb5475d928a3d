// ctest-labels: e2e
// Data-parallel training on c10d (issue 9) when a rank fails: a rank that is killed or hangs
// makes the other exit non-zero with a clear message within the timeout, instead of
// waiting forever; Ctrl-C stops both ranks after the same step, with a checkpoint a 2-rank
// resume continues from.

#include "disttest.h"

#include <csignal>

using namespace disttest;

class TestDistFailure : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString config(const QString &name, int batch, int maxSteps, const QString &extra = {})
    {
        return disttest::writeConfig(m_dir, name, batch, maxSteps, extra);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("LMWB_BINARY")), "LMWB_BINARY must name the built lmwb");
        QVERIFY(m_dir.isValid());
    }

    void aLostRankStopsTheOther_data()
    {
        QTest::addColumn<int>("victim");
        QTest::addColumn<bool>("hang");
        QTest::addRow("rank 1 killed") << 1 << false;
        QTest::addRow("rank 0 killed") << 0 << false;
        QTest::addRow("rank 1 hangs") << 1 << true;
    }

    void aLostRankStopsTheOther()
    {
        QFETCH(int, victim);
        QFETCH(bool, hang);
        const QString run = m_dir.filePath(QString("lost-%1-%2").arg(victim).arg(hang));
        const QString cfg = config("long", 4, 1000000);
        const int port = freePort();
        QVERIFY(port > 0);
        const int timeoutS = 4;
        QProcess ranks[2];
        for (int r = 0; r < 2; ++r) {
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert("RANK", QString::number(r));
            e.insert("WORLD_SIZE", "2");
            e.insert("LOCAL_RANK", QString::number(r));
            e.insert("LOCAL_WORLD_SIZE", "2");
            e.insert("MASTER_ADDR", "127.0.0.1");
            e.insert("MASTER_PORT", QString::number(port));
            ranks[r].setProcessEnvironment(e);
            ranks[r].start(qEnvironmentVariable("LMWB_BINARY"),
                           {"train", cfg, "--out", run, "--dist-timeout", QString::number(timeoutS)});
        }
        // Both ranks are training once rank 0 has written a few steps.
        QTRY_VERIFY_WITH_TIMEOUT(trainLosses(run).size() >= 3, 60000);
        QProcess &gone = ranks[victim];
        QProcess &other = ranks[1 - victim];
        QElapsedTimer clock;
        clock.start();
        if (hang)
            ::kill(static_cast<pid_t>(gone.processId()), SIGSTOP);
        else
            gone.kill();
        const bool ended = other.waitForFinished((timeoutS + 20) * 1000);
        const qint64 ms = clock.elapsed();
        if (hang)
            ::kill(static_cast<pid_t>(gone.processId()), SIGCONT);
        gone.kill();
        gone.waitForFinished();
        if (!ended) {
            other.kill();
            other.waitForFinished();
        }
        QVERIFY2(ended, "the surviving rank kept waiting");
        const QByteArray err = other.readAllStandardError();
        QCOMPARE(other.exitStatus(), QProcess::NormalExit);
        QVERIFY(other.exitCode() != 0);
        QVERIFY2(err.contains("lost contact with the other ranks"), err.constData());
        QVERIFY2(err.contains(QByteArray("within ") + QByteArray::number(timeoutS) + " s"), err.constData());
        qInfo("the other rank stopped %lld ms after rank %d was %s", ms, victim, hang ? "stopped" : "killed");
    }

    void ctrlCStopsEveryRankAtTheSameStep()
    {
        const QString run = m_dir.filePath("interrupted");
        QProcess p;
        p.start(qEnvironmentVariable("LMWB_BINARY"), {"train", config("long", 4, 1000000), "--out", run, "--nproc", "2"});
        QTRY_VERIFY_WITH_TIMEOUT(trainLosses(run).size() >= 3, 60000);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT); // the launcher passes it to every rank
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput(), err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(out.contains("[rank 0] interrupted at step"), (out.right(1000) + err).constData());
        const int stopped = static_cast<int>(trainLosses(run).size());
        QVERIFY(QFile::exists(run + QString("/checkpoints/step-%1/model.safetensors").arg(stopped)));
        // Both ranks stopped after that step: a resume with 2 ranks goes on from it.
        Run more = lmwb({"train", "--resume", run, "--nproc", "2", "--steps", QString::number(stopped + 2)});
        QVERIFY2(more.code == 0, more.err.constData());
        QCOMPARE(static_cast<int>(trainLosses(run).size()), stopped + 2);
    }

};

QTEST_GUILESS_MAIN(TestDistFailure)
#include "tst_distfailure.moc"
