// ctest-labels: gui e2e
// The whole window end to end, as a person uses it: the wizard on the built-in synthetic
// corpus, 30 steps of training watched in the monitor (the loss falls, a checkpoint
// appears), pause / resume / stop, closing the window mid-training leaves a loadable
// checkpoint, and fine-tuning that run with LoRA on prompt/response pairs from the wizard
// (the monitor's base-model line, the merged checkpoint).

#include "gui/mainwindow.h"
#include "runbrowser.h"
#include "metricchart.h"
#include "trainingmonitor.h"
#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardgoalpage.h"
#include "wizardmodelpage.h"
#include "wizardtrainingpage.h"

#include "model/languagemodel.h"

#include <QCheckBox>
#include <QLabel>
#include <QRadioButton>
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

    void fineTuneOnPairsWithLoraFromTheWizard()
    {
        app::MainWindow w;
        w.setWorkspace(m_ws.path());
        w.show();
        const QString base = runWizard(w, 40, 20, 40);
        QVERIFY(!base.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingState() == TrainingState::Finished, 120000);

        // Additions as prompt/response pairs, one bad line, one pair the base cannot spell.
        const QString jsonl = m_ws.filePath("sums.jsonl");
        {
            QFile f(jsonl);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 40; ++i) {
                const int a = (i * 37) % 90 + 10, b = (i * 53) % 90 + 10;
                f.write(QStringLiteral("{\"prompt\": \"%1+%2=\", \"completion\": \"%3\\n\"}\n").arg(a).arg(b).arg(a + b).toUtf8());
                if (i == 5)
                    f.write("{\"prompt\": \"7+7=\"\n"); // line 7
                if (i == 9)
                    f.write("{\"prompt\": \"x+y=\", \"completion\": \"z\"}\n"); // line 12: not in the vocabulary
            }
        }
        w.showWizard();
        TrainingWizard *wizard = w.wizard();
        QVERIFY(wizard);
        auto *goal = wizard->goalPage();
        auto click = [](QAbstractButton *b) { QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(8, b->height() / 2)); };
        click(field<QRadioButton>(goal, "fineTuneRadio"));
        auto *runs = field<QComboBox>(goal, "resumeRunCombo");
        runs->setCurrentIndex(runs->findData(base));
        QCOMPARE(goal->fineTuneFrom(), base);
        click(field<QRadioButton>(goal, "fineTunePairsRadio"));
        QVERIFY(clickNext(wizard));
        auto *data = wizard->dataPage();
        data->addPaths({jsonl});
        QTRY_VERIFY_WITH_TIMEOUT(!data->isLoading() && wizard->button(QWizard::NextButton)->isEnabled(), 10000);
        QVERIFY(field<QLabel>(data, "dataNotesLabel")->text().contains("line 7"));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(TrainingWizard::TrainingPageId));
        auto *training = wizard->trainingPage();
        click(field<QCheckBox>(training, "loraBox"));
        typeInto(field<QSpinBox>(training, "loraRankSpin"), "4");
        typeInto(field<QLineEdit>(training, "learningRateEdit"), "1e-2");
        typeInto(field<QLineEdit>(training, "minLrEdit"), "1e-3");
        typeInto(field<QSpinBox>(training, "maxStepsSpin"), "30");
        typeInto(field<QSpinBox>(training, "warmupStepsSpin"), "0");
        typeInto(field<QSpinBox>(training, "evalIntervalSpin"), "10");
        typeInto(field<QSpinBox>(training, "checkpointIntervalSpin"), "30");
        typeInto(field<QSpinBox>(training, "threadsSpin"), "1");
        QVERIFY(clickNext(wizard));
        const QString run = QDir(w.workspace()).filePath(QStringLiteral("e2e-lora"));
        wizard->setRunDirectory(run);
        QAbstractButton *start = wizard->button(QWizard::FinishButton);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 5000);
        QTest::mouseClick(start, Qt::LeftButton);
        // The base run's state is Finished too: wait for this run's last step.
        auto *monitor = w.monitor();
        QTRY_VERIFY2_WITH_TIMEOUT((w.trainingState() == TrainingState::Finished && w.currentRun() == run &&
                                   monitor->trainPointCount() == 30) ||
                                      !w.lastError().isEmpty(),
                                  qPrintable(w.lastError()), 120000);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));

        // The monitor: the base model's loss as a line, and the response loss below it.
        QCOMPARE(monitor->evalPointCount(), 4); // 0, 10, 20, 30
        QVERIFY(std::isfinite(monitor->baseLoss()));
        QVERIFY(monitor->lossChartView()->baseLine()->visible());
        QVERIFY(monitor->lossChartView()->baseLabel()->text().contains(QFileInfo(base).fileName()));
        const QVector<double> val = [&] {
            QVector<double> v;
            for (auto it = monitor->lossChartView()->valGraph()->data()->constBegin();
                 it != monitor->lossChartView()->valGraph()->data()->constEnd(); ++it)
                v << it->value;
            return v;
        }();
        QCOMPARE(val.first(), monitor->baseLoss());
        QVERIFY2(val.last() < val.first(), qPrintable(QStringLiteral("%1 -> %2").arg(val.first()).arg(val.last())));
        if (qEnvironmentVariableIsSet("LMWB_SCREENSHOT_DIR"))
            w.grab().save(qEnvironmentVariable("LMWB_SCREENSHOT_DIR") + "/monitor-finetune.png");

        // The run: the pairs format and LoRA in its config, the merged weights in the checkpoint.
        QFile cfg(run + "/config.json");
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        const QByteArray text = cfg.readAll();
        QVERIFY2(text.contains("\"pairs\"") && text.contains("\"lora\"") && text.contains(base.toUtf8()), text.constData());
        auto tuned = core::LanguageModel::load(run.toStdString());
        QVERIFY2(tuned.ok(), tuned.ok() ? "" : tuned.error().c_str());
        QCOMPARE(tuned->step(), qint64(30));
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
