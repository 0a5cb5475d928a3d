// Renders the README screenshots from the real window, offscreen:
//   wizard-data.png, wizard-model.png  the training wizard on the Tang poems
//   monitor.png                        the monitor mid-training (a live run, not a mock-up)
//   playground.png                     the Playground's distribution view on that run
//
//   QT_QPA_PLATFORM=offscreen lmwb-screenshots OUT_DIR [STEPS] [LANGUAGE]
//
// scripts/screenshots builds and runs it; rerun it when the UI changes.

#include "distributionview.h"
#include "gui/gui.h"
#include "gui/mainwindow.h"
#include "playground.h"
#include "samplerpanel.h"
#include "session/session.h"
#include "trainingmonitor.h"
#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardmodelpage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace lmwb;

namespace {
bool save(QWidget *w, const QString &path)
{
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
// The Playground (issue 6): a checkpoint of the run being trained, a continuation of a
// prompt, and the distribution view of one of its tokens.
bool playgroundShot(app::MainWindow &window, const QString &runDir, const QString &out)
{
    QSignalSpy saved(window.session(), &app::Session::checkpointSaved);
    QMetaObject::invokeMethod(window.session(), &app::Session::saveNow, Qt::QueuedConnection);
    if (!saved.wait(120000)) {
        std::fprintf(stderr, "playground: no checkpoint was saved\n");
        return false;
    }
    widgets::Playground *pg = window.playground();
    window.tabs()->setCurrentWidget(pg);
    pg->refreshCheckpoints();
    pg->pane(0)->setCheckpoint(runDir);
    pg->promptEdit()->setPlainText(QStringLiteral("春风"));
    widgets::PlaygroundSettings s = pg->pane(0)->sampler()->settings();
    s.maxNewTokens = 80;
    s.temperature = 0.9;
    s.seed = 7;
    pg->pane(0)->sampler()->setSettings(s);
    pg->generate();
    if (!QTest::qWaitFor([&] { return !pg->isGenerating(); }, 120000) || pg->pane(0)->tokens().size() < 10) {
        std::fprintf(stderr, "playground: generation failed: %s\n", qPrintable(pg->lastError()));
        return false;
    }
    // The first token the chain had a real choice for, drawn with a visible probability.
    int pick = 5;
    const auto &tokens = pg->pane(0)->tokens();
    for (int i = 2; i < tokens.size(); ++i)
        if (!tokens[i].stages.isEmpty() && tokens[i].stages.back().survivors >= 4 && tokens[i].prob >= 0.2f &&
            tokens[i].prob < 0.6f) {
            pick = i;
            break;
        }
    pg->selectToken(0, pick);
    QTest::qWait(300);
    return save(&window, out + "/playground.png");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: lmwb-screenshots OUT_DIR [STEPS]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const int steps = argc > 2 ? std::atoi(argv[2]) : 600;
    QDir().mkpath(out);
    if (argc > 3)
        app::installTranslators(app, QString::fromLocal8Bit(argv[3]));
    QCoreApplication::setOrganizationName("lmwb-screenshots");
    qputenv("LMWB_NO_DIALOGS", "1");
    QFont font = QApplication::font();
    font.setPointSize(11);
    QApplication::setFont(font);

    QTemporaryDir ws;
    app::MainWindow window;
    window.setWorkspace(ws.path());
    window.resize(1600, 960);
    window.show();

    window.showWizard();
    widgets::TrainingWizard *wizard = window.wizard();
    wizard->resize(1100, 760);
    wizard->next(); // goal: pretrain
    auto *data = wizard->dataPage();
    data->selectSample("tang300");
    QTest::qWaitFor([&] { return !data->isLoading(); }, 20000);
    QTest::qWait(200);
    save(wizard, out + "/wizard-data.png");
    wizard->next(); // data
    wizard->next(); // tokenizer: char
    auto *preset = wizard->modelPage()->findChild<QComboBox *>("modelPresetCombo");
    preset->setCurrentIndex(1); // nanoGPT's CPU configuration
    QTest::qWait(3000);         // the step time is measured in the background
    save(wizard, out + "/wizard-model.png");
    wizard->next(); // model
    wizard->next(); // training
    save(wizard, out + "/wizard-summary.png");
    QJsonDocument doc = QJsonDocument::fromJson(wizard->configJson().toUtf8());
    QJsonObject cfg = doc.object();
    QJsonObject training = cfg["training"].toObject();
    training["max_steps"] = steps * 3;
    training["lr_decay_steps"] = steps * 3;
    training["eval_interval"] = steps / 6;
    training["checkpoint_interval"] = steps * 3;
    cfg["training"] = training;
    const QString runDir = ws.filePath("tang300-nanogpt-cpu");
    wizard->close();

    window.startTraining(QString::fromUtf8(QJsonDocument(cfg).toJson()), runDir);
    const bool reached = QTest::qWaitFor([&] { return window.monitor()->trainPointCount() >= steps; }, 600000);
    QTest::qWait(300);
    save(&window, out + "/monitor.png");
    const bool played = reached && playgroundShot(window, runDir, out);
    window.close();
    return reached && played ? 0 : 1;
}
