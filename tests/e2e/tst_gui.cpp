// ctest-labels: gui e2e
// The whole window end to end, as a person uses it: the wizard on the built-in synthetic
// corpus, 30 steps of training watched in the monitor (the loss falls, a checkpoint
// appears), pause / resume / stop, and closing the window mid-training leaves a loadable
// checkpoint.

#include "gui/mainwindow.h"
#include "runbrowser.h"
#include "trainingmonitor.h"
#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardmodelpage.h"
#include "wizardtrainingpage.h"

#include "model/languagemodel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace lmwb;
using widgets::TrainingState;
using widgets::TrainingWizard;

namespace {

template <class T>
T *field(QWidget *root, const char *name)
{
    auto *w = root->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no widget named %s", name);
    return w;
}

void typeInto(QWidget *w, const QString &text)
{
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Delete);
    QTest::keyClicks(w, text);
}

bool clickNext(TrainingWizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    if (!next->isEnabled())
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    return true;
}

// Clicks through the wizard: synthetic corpus, char tokenizer, the Tiny preset, `steps`
// steps; returns the run directory that Start will use.
QString runWizard(app::MainWindow &w, int steps, int evalInterval, int checkpointInterval)
{
    w.showWizard();
    TrainingWizard *wizard = w.wizard();
    if (!wizard)
        return {};
    clickNext(wizard); // goal: pretrain from scratch
    auto *data = wizard->dataPage();
    typeInto(field<QSpinBox>(data, "syntheticExamplesSpin"), "3000");
    if (!QTest::qWaitFor([&] { return !data->isLoading() && wizard->button(QWizard::NextButton)->isEnabled(); }, 10000))
        return {};
    clickNext(wizard); // data
    clickNext(wizard); // tokenizer: char
    auto *preset = field<QComboBox>(wizard->modelPage(), "modelPresetCombo");
    preset->setCurrentIndex(0); // Tiny
    clickNext(wizard); // model
    auto *training = wizard->trainingPage();
    typeInto(field<QSpinBox>(training, "maxStepsSpin"), QString::number(steps));
    typeInto(field<QSpinBox>(training, "evalIntervalSpin"), QString::number(evalInterval));
    typeInto(field<QSpinBox>(training, "checkpointIntervalSpin"), QString::number(checkpointInterval));
    typeInto(field<QSpinBox>(training, "threadsSpin"), "1");
    if (!clickNext(wizard)) // training
        return {};
    // A name of our own: the proposed one has a timestamp to the second.
    static int s_runs = 0;
    const QString runDir = QDir(w.workspace()).filePath(QStringLiteral("e2e-run-%1").arg(++s_runs));
    wizard->setRunDirectory(runDir);
    QAbstractButton *start = wizard->button(QWizard::FinishButton);
    if (!QTest::qWaitFor([&] { return start->isEnabled(); }, 5000)) {
        qWarning("Start training stays disabled");
        return {};
    }
    QTest::mouseClick(start, Qt::LeftButton);
    return runDir;
}

} // namespace

class TestGui : public QObject {
    Q_OBJECT

    QTemporaryDir m_ws;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("lmwb-e2e");
        qputenv("LMWB_NO_DIALOGS", "1");
        QVERIFY(m_ws.isValid());
    }

    void wizardTrainsThirtySteps()
    {
        app::MainWindow w;
        w.setWorkspace(m_ws.path());
        w.show();
        const QString run = runWizard(w, 30, 10, 10);
        QVERIFY2(!run.isEmpty(), "the wizard did not reach Start");
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingState() == TrainingState::Finished, 120000);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QCOMPARE(w.currentRun(), run);
        QCOMPARE(w.monitor()->trainPointCount(), 30);
        QCOMPARE(w.monitor()->evalPointCount(), 4); // 0, 10, 20, 30
        const auto losses = w.monitor()->smoothedLosses();
        QVERIFY2(losses.last() < losses.first() - 0.1, qPrintable(QString("%1 -> %2").arg(losses.first()).arg(losses.last())));
        QVERIFY(QFile::exists(run + "/checkpoints/step-30/model.safetensors"));
        QVERIFY(core::LanguageModel::load(run.toStdString()).ok());
        QTRY_VERIFY(w.runBrowser()->tree()->topLevelItemCount() >= 1);
        if (qEnvironmentVariableIsSet("LMWB_SCREENSHOT_DIR"))
            w.grab().save(qEnvironmentVariable("LMWB_SCREENSHOT_DIR") + "/monitor-finished.png");
    }

    void pauseResumeStop()
    {
        app::MainWindow w;
        w.setWorkspace(m_ws.path());
        w.show();
        const QString run = runWizard(w, 100000, 200, 100000);
        QVERIFY(!run.isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(w.monitor()->trainPointCount() > 5, qPrintable(w.lastError()), 60000);
        auto *pause = field<QAbstractButton>(w.monitor(), "pauseButton");
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingState() == TrainingState::Paused, 10000);
        QTest::qWait(100);
        const int pausedAt = w.monitor()->trainPointCount();
        QTest::qWait(400);
        QCOMPARE(w.monitor()->trainPointCount(), pausedAt);
        auto *step = field<QAbstractButton>(w.monitor(), "stepButton");
        QVERIFY(step->isEnabled());
        QTest::mouseClick(step, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->trainPointCount(), pausedAt + 1, 10000);
        QTest::mouseClick(pause, Qt::LeftButton); // resume
        QTRY_VERIFY_WITH_TIMEOUT(w.monitor()->trainPointCount() > pausedAt + 5, 20000);
        QTest::mouseClick(field<QAbstractButton>(w.monitor(), "stopButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingState() == TrainingState::Idle, 20000);
        auto m = core::LanguageModel::load(run.toStdString());
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        QVERIFY(m->step() > pausedAt);
    }

    void closingMidTrainingLeavesACheckpoint()
    {
        QString run;
        {
            auto *w = new app::MainWindow;
            w->setWorkspace(m_ws.path());
            w->show();
            run = runWizard(*w, 100000, 1000, 100000);
            QVERIFY(!run.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(w->monitor()->trainPointCount() > 10, 60000);
            QVERIFY(!QFileInfo::exists(run + "/latest")); // no checkpoint yet
            w->close();
            delete w;
        }
        auto m = core::LanguageModel::load(run.toStdString());
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        QVERIFY(m->step() > 10);
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
