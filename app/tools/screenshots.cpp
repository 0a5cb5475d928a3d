// Renders the README screenshots from the real window, offscreen:
//   wizard-data.png, wizard-model.png  the training wizard on the Tang poems
//   monitor.png                        the monitor mid-training (a live run, not a mock-up)
//   teach-architecture.png, teach-formulas.png, teach-lens.png
//                                      the Teach tab on a tiny model trained on the additions
//
//   QT_QPA_PLATFORM=offscreen lmwb-screenshots OUT_DIR [STEPS] [LANGUAGE] [--teach-only]
//
// scripts/screenshots builds and runs it; rerun it when the UI changes.

#include "gui/gui.h"
#include "gui/mainwindow.h"
#include "gui/teaching.h"
#include "session/session.h"
#include "architectureview.h"
#include "teachtab.h"
#include "trainingmonitor.h"
#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardmodelpage.h"

#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
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

// The Teach tab: a small GPT trained for a few hundred steps on the synthetic additions,
// its architecture with the second layer's attention block selected, the formulas with the
// numbers of one head at the last token, and the logit lens.
bool teachScreenshots(app::MainWindow &window, const QString &out, const QString &workspace)
{
    const QString config = QStringLiteral(
        "{\"data\": {\"format\": \"synthetic\"}, \"tokenizer\": {\"kind\": \"char\"},"
        " \"model\": {\"n_layer\": 2, \"n_head\": 4, \"n_embd\": 64, \"block_size\": 16},"
        " \"training\": {\"max_steps\": 500, \"batch_size\": 16, \"learning_rate\": 0.003, \"min_lr\": 0.0003,"
        " \"warmup_steps\": 50, \"lr_decay_steps\": 500, \"eval_interval\": 100, \"checkpoint_interval\": 500}}");
    const QString runDir = QDir(workspace).filePath(QStringLiteral("addition-tiny"));
    window.startTraining(config, runDir);
    if (!QTest::qWaitFor([&] { return window.trainingState() == widgets::TrainingState::Finished; }, 1800000)) {
        std::fprintf(stderr, "the teaching run did not finish: %s\n", qPrintable(window.lastError()));
        return false;
    }
    auto *tab = window.teaching()->tab();
    window.resize(1600, 1180); // the whole diagram of a 2-layer model, without scrolling
    window.tabs()->setCurrentWidget(tab);
    tab->setPrompt(QStringLiteral("12+34="));
    window.teaching()->loadCurrentRun();
    if (!QTest::qWaitFor([&] { return !tab->snapshot().blocks.isEmpty(); }, 120000)) {
        std::fprintf(stderr, "the Teach tab shows no model: %s\n", qPrintable(tab->statusText()));
        return false;
    }
    tab->setLayer(1);
    tab->setHead(2);
    tab->requestNow();
    if (!QTest::qWaitFor([&] { return tab->snapshot().layer == 1 && tab->snapshot().head == 2; }, 120000)) {
        std::fprintf(stderr, "the Teach tab did not show layer 1, head 2: %s\n", qPrintable(tab->statusText()));
        return false;
    }
    QTest::qWait(300);
    const int attn = tab->snapshot().blockIndex(QStringLiteral("h.1.attn"));
    tab->architecture()->selectBlock(attn);
    tab->stepTo(attn);
    QTest::qWait(300);
    bool ok = save(&window, out + "/teach-architecture.png");
    // The formulas at the token "3", so the masked keys after it show.
    tab->setSelectedToken(3);
    tab->requestNow();
    ok = QTest::qWaitFor([&] { return tab->snapshot().selectedToken == 3; }, 120000) && ok;
    tab->views()->setCurrentIndex(1);
    QTest::qWait(300);
    ok = save(tab, out + "/teach-formulas.png") && ok;
    tab->setSelectedToken(-1);
    tab->requestNow();
    ok = QTest::qWaitFor([&] { return tab->snapshot().selectedToken == 5; }, 120000) && ok;
    tab->views()->setCurrentIndex(2);
    QTest::qWait(300);
    ok = save(tab, out + "/teach-lens.png") && ok;
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: lmwb-screenshots OUT_DIR [STEPS] [LANGUAGE] [--teach-only]\n");
        return 2;
    }
    QStringList args = QCoreApplication::arguments().mid(1);
    args.removeAll(QStringLiteral("--teach-only"));
    const QString out = args.value(0);
    const int steps = args.size() > 1 ? args[1].toInt() : 600;
    QDir().mkpath(out);
    if (args.size() > 2)
        app::installTranslators(app, args[2]);
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
    if (QCoreApplication::arguments().contains(QStringLiteral("--teach-only"))) {
        const bool ok = teachScreenshots(window, out, ws.path());
        window.close();
        return ok ? 0 : 1;
    }

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
    QMetaObject::invokeMethod(window.session(), &app::Session::stop, Qt::QueuedConnection);
    const bool stopped = QTest::qWaitFor([&] {
        const auto st = window.trainingState();
        return st == widgets::TrainingState::Idle || st == widgets::TrainingState::Finished;
    }, 60000);
    const bool teach = stopped && teachScreenshots(window, out, ws.path());
    window.close();
    return reached && teach ? 0 : 1;
}
