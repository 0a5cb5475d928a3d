// ctest-labels: gui slow
// Teaching mode end to end in the real window, offscreen: the built-in lessons run from the
// first step to the last and leave the application in the state each step declares (the
// tokenizer lesson trains a BPE tokenizer in the wizard, "learn to add" trains a GPT and
// loads it into the Teach tab); a lesson on controls that are not there says which; the
// transformer-against-LSTM action trains both at about the same size and overlays them.
// LMWB_LESSON_MAX_STEPS caps the lessons' training runs.

#include "gui/archcomparison.h"
#include "gui/mainwindow.h"
#include "gui/teaching.h"
#include "lessonpanel.h"
#include "lessonrunner.h"
#include "playground.h"
#include "session/teachworker.h"
#include "teachtab.h"
#include "train/trainer.h"

#include <QDialog>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace lmwb;

namespace {

widgets::TeachSnapshot inspect(const QString &run, const QString &prompt)
{
    app::TeachWorker worker;
    widgets::TeachSnapshot out;
    QObject::connect(&worker, &app::TeachWorker::inspected, [&](const widgets::TeachSnapshot &s) { out = s; });
    worker.load(run);
    worker.inspect(1, prompt, -1, 0, 0);
    return out;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("lmwb-tests-lessons");
        qputenv("LMWB_NO_DIALOGS", "1");
        qputenv("LMWB_LESSONS_DIR", m_dir.filePath("no-user-lessons").toUtf8());
        qputenv("LMWB_LESSON_MAX_STEPS", "120");
    }

    void lessonRunsFirstToLast_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("tokenizer") << "tokenizer";
        QTest::newRow("learn-to-add") << "learn-to-add";
    }

    void lessonRunsFirstToLast()
    {
        QFETCH(QString, id);
        app::MainWindow window;
        window.setWorkspace(m_dir.filePath("ws-lesson-" + id));
        window.resize(1300, 850);
        window.show();
        auto *panel = window.teaching()->lessons();
        QVERIFY(panel->startLesson(id));
        const int steps = panel->lessons()[panel->currentLesson()].steps.size();
        for (int i = 0; i < steps; ++i) {
            if (i > 0)
                QTest::mouseClick(panel->findChild<QPushButton *>("lessonNext"), Qt::LeftButton);
            QCOMPARE(panel->currentStep(), i);
            QVERIFY2(panel->lastProblems().isEmpty(),
                     qPrintable(QString("step %1: %2").arg(i + 1).arg(panel->lastProblems().join("; "))));
            QTRY_VERIFY2_WITH_TIMEOUT(panel->unmet().isEmpty(),
                                      qPrintable(QString("step %1 (%2): %3")
                                                     .arg(i + 1)
                                                     .arg(panel->stepTitle(), panel->unmet().join("; "))),
                                      180000);
        }
        QVERIFY(!panel->findChild<QPushButton *>("lessonNext")->isEnabled());
        if (id == "learn-to-add") {
            QVERIFY(window.teaching()->tab()->hasModel());
            QCOMPARE(window.teaching()->tab()->snapshot().nLayer, 2);
            QCOMPARE(window.teaching()->tab()->snapshot().layer, 1);
            QCOMPARE(window.teaching()->tab()->property("shownLayer").toInt(), 1);
        }
        if (window.wizard())
            window.wizard()->close();
    }

    void temperatureLessonDrivesThePlayground()
    {
        // "Temperature and top-p" sets the Playground's controls of the first pane and
        // clicks Generate; every step's declared state must hold.
        // A tiny trained run in the workspace: the Playground offers it first.
        const QString ws = m_dir.filePath("ws-lesson-temp");
        core::RunConfig c;
        c.data.format = "synthetic";
        c.data.syntheticExamples = 2000;
        c.model.nLayer = 1;
        c.model.nHead = 2;
        c.model.nEmbd = 32;
        c.model.blockSize = 16;
        c.training.maxSteps = 30;
        c.training.batchSize = 8;
        c.training.evalInterval = 1000;
        c.training.evalSteps = 1;
        c.training.checkpointInterval = 1000;
        c.training.warmupSteps = 5;
        c.training.lrDecaySteps = 30;
        auto trainer = core::Trainer::create(c, (ws + "/tiny").toStdString());
        QVERIFY2(trainer.ok(), trainer.ok() ? "" : trainer.error().c_str());
        QVERIFY((*trainer)->run({}).ok());
        trainer->reset();

        app::MainWindow window;
        window.setWorkspace(ws);
        window.show();
        auto *panel = window.teaching()->lessons();
        QVERIFY(panel->startLesson("temperature-top-p"));
        QVERIFY2(panel->lastProblems().isEmpty(), qPrintable(panel->lastProblems().join("; ")));
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.playground()));
        panel->next();
        QVERIFY2(panel->lastProblems().isEmpty(), qPrintable(panel->lastProblems().join("; ")));
        auto *temperature = window.findChild<QWidget *>("playgroundPane0")->findChild<QDoubleSpinBox *>("temperatureSpin");
        QVERIFY(temperature);
        QCOMPARE(temperature->value(), 0.0);
        QVERIFY(QTest::qWaitFor([&] { return !window.playground()->isGenerating(); }, 60000));
        QVERIFY2(!window.playground()->pane(0)->tokens().isEmpty(), qPrintable(window.playground()->lastError()));
        panel->next();
        QCOMPARE(temperature->value(), 1.5);
        panel->next();
        QVERIFY2(panel->lastProblems().isEmpty(), qPrintable(panel->lastProblems().join("; ")));
        auto *topP = window.findChild<QWidget *>("playgroundPane0")->findChild<QDoubleSpinBox *>("topPSpin");
        QCOMPARE(topP->value(), 0.9);
        // A name that does not exist is reported by name, not skipped silently.
        widgets::LessonRunner runner(&window);
        QCOMPARE(runner.findWidget("playgroundPane0/temperatureSpin"), static_cast<QWidget *>(temperature));
        QVERIFY(!runner.findWidget("playgroundPane0/noSuchSpin"));
        QVERIFY(!runner.findWidget("noSuchPane/temperatureSpin"));
    }

    void transformerAgainstLstm()
    {
        app::MainWindow window;
        window.setWorkspace(m_dir.filePath("ws-compare"));
        window.show();
        auto *cmp = window.teaching()->comparison();
        QSignalSpy done(cmp, &app::ArchComparison::done);
        QJsonObject cfg = app::ArchComparison::defaultConfig(30);
        QJsonObject model = cfg["model"].toObject();
        model["n_embd"] = 32;
        model["n_head"] = 2;
        cfg["model"] = model;
        cmp->start(cfg, window.workspace());
        QVERIFY(done.wait(240000));
        QVERIFY(QFileInfo::exists(cmp->gptRun() + "/latest"));
        QVERIFY(QFileInfo::exists(cmp->lstmRun() + "/latest"));
        const double ratio = double(cmp->lstmParametersPlanned()) / cmp->gptParameters();
        QVERIFY2(ratio > 0.95 && ratio < 1.05, qPrintable(QString::number(ratio)));
        const auto lstm = inspect(cmp->lstmRun(), "1+2=");
        QVERIFY(lstm.lstm);
        QCOMPARE(lstm.parameterCount, cmp->lstmParametersPlanned());
        auto *dialog = window.findChild<QDialog *>("archCompareDialog");
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QTextBrowser *>("archCompareText")->toPlainText().contains("LSTM"));
        QCOMPARE(window.currentRun(), cmp->lstmRun());
        dialog->close();
    }
};

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
