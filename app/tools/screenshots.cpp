// Renders the README screenshots from the real window, offscreen:
//   wizard-data.png, wizard-model.png  the training wizard on the Tang poems
//   monitor.png                        the monitor mid-training (a live run, not a mock-up)
//   inspector-compare-zh.png, -en.png  the Data & Tokenizer tab comparing three tokenizers
//   inspector-batch.png                a training batch as the model sees it
//   (LMWB_SCREENSHOTS=inspector renders only the inspector's pictures)
//   attention-grid.png, attention-head.png  the Attention tab on a quickly trained adder
//   attention-heatmap.png, attention-stats.png  its heatmap and statistics views
//   playground.png                     the Playground's distribution view on that run
//
//   QT_QPA_PLATFORM=offscreen lmwb-screenshots OUT_DIR [STEPS] [LANGUAGE]
//   QT_QPA_PLATFORM=offscreen lmwb-screenshots OUT_DIR attention   (only the attention ones)
//   teach-architecture.png, teach-formulas.png, teach-lens.png
//                                      the Teach tab on a tiny model trained on the additions
//
//   QT_QPA_PLATFORM=offscreen lmwb-screenshots OUT_DIR [STEPS] [LANGUAGE] [--teach-only]
//   wizard-pairs.png, wizard-lora.png, monitor-finetune.png, playground-compare.png
//                                      LoRA teaches the two-digit adder three-digit sums:
//   QT_QPA_PLATFORM=offscreen lmwb-screenshots OUT_DIR finetune [STEPS]
//
// scripts/screenshots builds and runs it; rerun it when the UI changes.

#include "comparepanel.h"
#include "datainspector.h"
#include "datasetpanel.h"
#include "distributionview.h"
#include "gui/gui.h"
#include "attentionexplorer.h"
#include "attentionheadview.h"
#include "attentionheatmap.h"
#include "gui/mainwindow.h"
#include "tokenizertrainpanel.h"
#include "playground.h"
#include "samplerpanel.h"
#include "gui/teaching.h"
#include "session/session.h"
#include "architectureview.h"
#include "teachtab.h"
#include "trainingmonitor.h"
#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardgoalpage.h"
#include "wizardmodelpage.h"
#include "wizardtrainingpage.h"

#include "data/corpus.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <random>

using namespace lmwb;

namespace {
bool save(QWidget *w, const QString &path)
{
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
// ---- the Data & Tokenizer tab (issue 5) ----

// Loads a corpus into the inspector and trains tokenizers on it from the train view.
bool prepareInspector(widgets::DataInspector *inspector, const core::DataConfig &data, const QString &name,
                      const QList<core::TokenizerSpec> &specs, const QString &dir)
{
    auto *dataset = inspector->datasetPanel();
    QSignalSpy tokenized(dataset, &widgets::DatasetPanel::tokenized);
    dataset->loadData(data, name);
    if (!tokenized.wait(120000))
        return false;
    auto *train = inspector->trainPanel();
    for (const auto &spec : specs) {
        QSignalSpy trained(train, &widgets::TokenizerTrainPanel::trained);
        train->setSpec(spec);
        train->setOutputDirectory(QStringLiteral("%1/%2-%3-%4").arg(dir, QString::fromStdString(core::tokenizerKindName(spec.kind))).arg(spec.vocabSize).arg(name));
        train->train();
        if (!trained.wait(300000)) {
            std::fprintf(stderr, "training %s failed: %s\n", core::tokenizerKindName(spec.kind).c_str(),
                         qPrintable(train->lastError()));
            return false;
        }
    }
    return true;
}

bool compareShot(app::MainWindow &window, const QString &corpus, const QString &text, const QStringList &names,
                 const QString &path)
{
    auto *compare = window.inspector()->comparePanel();
    window.inspector()->tabs()->setCurrentWidget(compare);
    compare->setText(text);
    for (int i = 0; i < names.size(); ++i)
        compare->selectTokenizer(i, names[i] + QStringLiteral(" · ") + corpus);
    QTest::qWait(300);
    return save(&window, path);
}

bool inspectorScreenshots(app::MainWindow &window, const QString &out, const QString &scratch)
{
    const QSize size = window.size();
    window.resize(1500, 720); // the pieces fill the top; no empty half
    window.tabs()->setCurrentWidget(window.inspector());
    auto *inspector = window.inspector();
    const core::TokenizerSpec bpe512{core::TokenizerKind::ByteBpe, 512, 1.0};
    bool ok = true;

    core::DataConfig zh;
    zh.format = "fortune";
    zh.train = {"/usr/share/games/fortunes/tang300"};
    ok = prepareInspector(inspector, zh, QStringLiteral("tang300"),
                          {bpe512, {core::TokenizerKind::SpmUnigram, 4000, 0.9995}}, scratch) && ok;
    ok = compareShot(window, QStringLiteral("tang300"),
                     QStringLiteral("床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n"
                                    "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"),
                     {QStringLiteral("char"), QStringLiteral("bpe 512"), QStringLiteral("spm-unigram 4000")},
                     out + "/inspector-compare-zh.png") && ok;

    auto *dataset = inspector->datasetPanel();
    QSignalSpy drawn(dataset, &widgets::DatasetPanel::batchDrawn);
    dataset->setPreferredTokenizer(QStringLiteral("spm-unigram 4000 · tang300"));
    dataset->setBatchSettings(32, 4, 1337, 1);
    inspector->tabs()->setCurrentWidget(dataset);
    dataset->findChild<QTabWidget *>("datasetTabs")->setCurrentIndex(2);
    ok = drawn.wait(60000) && ok;
    QTest::qWait(300);
    ok = save(&window, out + "/inspector-batch.png") && ok;

    core::DataConfig en;
    en.format = "fortune";
    en.train = {"/usr/share/games/fortunes/cookie", "/usr/share/games/fortunes/literature"};
    ok = prepareInspector(inspector, en, QStringLiteral("fortunes"),
                          {bpe512, {core::TokenizerKind::SpmUnigram, 2000, 1.0}}, scratch) && ok;
    ok = compareShot(window, QStringLiteral("fortunes"),
                     QStringLiteral("To be, or not to be, that is the question:\nWhether 'tis nobler in the mind to "
                                    "suffer the slings and arrows of outrageous fortune."),
                     {QStringLiteral("char"), QStringLiteral("bpe 512"), QStringLiteral("spm-unigram 2000")},
                     out + "/inspector-compare-en.png") && ok;
    window.tabs()->setCurrentIndex(0);
    window.resize(size);
    return ok;
}

// The Attention tab on a small GPT trained for a minute on the built-in additions: the
// grid of every layer and head, and the head view of the last layer.
bool attentionScreenshots(const QString &out)
{
    QTemporaryDir ws;
    app::MainWindow window;
    window.setWorkspace(ws.path());
    window.resize(1600, 960);
    window.show();
    const QString config = QStringLiteral(
        R"({"data": {"format": "synthetic", "synthetic_examples": 20000}, "tokenizer": {"kind": "char"},
            "model": {"n_layer": 3, "n_head": 4, "n_embd": 64, "block_size": 32},
            "training": {"max_steps": 1200, "batch_size": 32, "learning_rate": 0.003, "min_lr": 0.0003,
                         "warmup_steps": 50, "lr_decay_steps": 1200, "eval_interval": 400, "eval_steps": 5,
                         "checkpoint_interval": 400}})");
    const QString runDir = ws.filePath("adder");
    window.startTraining(config, runDir);
    const bool trained = QTest::qWaitFor([&] { return window.trainingState() == widgets::TrainingState::Finished; },
                                         900000);
    widgets::AttentionExplorer *explorer = window.attention();
    QSignalSpy shown(explorer, &widgets::AttentionExplorer::snapshotShown);
    explorer->setPrompt(QStringLiteral("12+34=46\n57+21=78\n"));
    window.openRun(runDir);
    window.tabs()->setCurrentWidget(explorer);
    const bool computed = shown.wait(60000);
    explorer->setView(widgets::AttentionExplorer::GridView);
    QTest::qWait(300);
    bool ok = save(&window, out + "/attention-grid.png");
    // The head view of the layer with the clearest previous-token head, showing that head
    // and the most focused (lowest-entropy) other head of the layer.
    const auto stats = widgets::computeHeadStats(explorer->snapshot());
    widgets::HeadStats best;
    for (const auto &st : stats)
        if (st.previousToken > best.previousToken)
            best = st;
    widgets::HeadStats focused;
    focused.entropy = 1e9;
    for (const auto &st : stats)
        if (st.layer == best.layer && st.head != best.head && st.entropy < focused.entropy)
            focused = st;
    explorer->openHead(best.layer, best.head);
    QTest::qWait(300);
    ok = save(explorer->heatmap(), out + "/attention-heatmap.png") && ok;
    explorer->setView(widgets::AttentionExplorer::StatsView);
    QTest::qWait(300);
    ok = save(explorer, out + "/attention-stats.png") && ok;
    explorer->setView(widgets::AttentionExplorer::HeadView);
    auto *heads = explorer->headView();
    for (int h = 0; h < explorer->snapshot().nHead; ++h)
        heads->setHeadSelected(h, h == best.head || h == focused.head);
    QTest::qWait(300);
    ok = save(&window, out + "/attention-head.png") && ok;
    window.close();
    return trained && computed && ok;
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

// ---- fine-tuning (issue 7) ----

// Three-digit sums as prompt/response pairs, "123+456=" -> "579\n": a skill the base, trained
// on the two-digit additions, has never seen.
QString writeSums(const QString &path, int count)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ") + path;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> operand(100, 999);
    for (int i = 0; i < count; ++i) {
        const int a = operand(rng), b = operand(rng);
        QJsonObject o{{QStringLiteral("prompt"), QStringLiteral("%1+%2=").arg(a).arg(b)},
                      {QStringLiteral("completion"), QStringLiteral("%1\n").arg(a + b)}};
        f.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    }
    return {};
}

bool finetuneScreenshots(app::MainWindow &window, const QString &out, const QString &ws, int steps)
{
    // The base: the README's adder (two-digit operands).
    core::RunConfig base;
    base.data.format = "synthetic";
    base.data.train.clear();
    base.model.nLayer = 3;
    base.model.nEmbd = 128;
    base.model.blockSize = 32;
    base.training.maxSteps = steps;
    base.training.lrDecaySteps = steps;
    base.training.batchSize = 32;
    base.training.learningRate = 2e-3;
    base.training.minLr = 2e-4;
    base.training.evalInterval = steps / 6;
    base.training.checkpointInterval = steps;
    const QString baseDir = QDir(ws).filePath(QStringLiteral("adder-2-digits"));
    window.startTraining(QString::fromStdString(core::toJson(base)), baseDir);
    if (!QTest::qWaitFor([&] { return window.trainingState() == widgets::TrainingState::Finished; }, 900000)) {
        std::fprintf(stderr, "finetune: the base run did not finish: %s\n", qPrintable(window.lastError()));
        return false;
    }
    const QString jsonl = QDir(ws).filePath(QStringLiteral("sums-3-digits.jsonl"));
    if (const QString e = writeSums(jsonl, 4000); !e.isEmpty()) {
        std::fprintf(stderr, "finetune: %s\n", qPrintable(e));
        return false;
    }

    window.showWizard();
    widgets::TrainingWizard *wizard = window.wizard();
    wizard->resize(1100, 820);
    auto *goal = wizard->goalPage();
    goal->setPairs(true);
    auto *runs = goal->findChild<QComboBox *>(QStringLiteral("resumeRunCombo"));
    runs->setCurrentIndex(runs->findData(baseDir));
    wizard->next();
    auto *data = wizard->dataPage();
    data->addPaths({jsonl});
    if (!QTest::qWaitFor([&] { return !data->isLoading(); }, 60000)) {
        std::fprintf(stderr, "finetune: the pairs did not load\n");
        return false;
    }
    QTest::qWait(200);
    save(wizard, out + "/wizard-pairs.png");
    wizard->next();
    auto *training = wizard->trainingPage();
    const int tuneSteps = 600;
    training->findChild<QCheckBox *>(QStringLiteral("loraBox"))->setChecked(true);
    for (const char *name : {"loraTarget_c_fc", "loraTarget_mlp_c_proj"})
        training->findChild<QCheckBox *>(QLatin1String(name))->setChecked(true);
    training->findChild<QSpinBox *>(QStringLiteral("maxStepsSpin"))->setValue(tuneSteps);
    training->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"))->setValue(32);
    training->findChild<QSpinBox *>(QStringLiteral("warmupStepsSpin"))->setValue(30);
    training->findChild<QSpinBox *>(QStringLiteral("evalIntervalSpin"))->setValue(50);
    training->findChild<QSpinBox *>(QStringLiteral("checkpointIntervalSpin"))->setValue(tuneSteps);
    training->findChild<QLineEdit *>(QStringLiteral("learningRateEdit"))->setText(QStringLiteral("3e-3"));
    training->findChild<QLineEdit *>(QStringLiteral("minLrEdit"))->setText(QStringLiteral("3e-4"));
    QTest::qWait(200);
    save(wizard, out + "/wizard-lora.png");
    wizard->next();
    const QString runDir = QDir(ws).filePath(QStringLiteral("adder-3-digits-lora"));
    wizard->setRunDirectory(runDir);
    QTest::qWait(100);
    wizard->accept();
    // The base run's state is Finished too: wait for this run's last step.
    const bool trained = QTest::qWaitFor([&] {
        return window.currentRun() == runDir && window.trainingState() == widgets::TrainingState::Finished &&
               window.monitor()->trainPointCount() == tuneSteps;
    }, 900000);
    if (!trained) {
        std::fprintf(stderr, "finetune: the LoRA run did not finish: %s\n", qPrintable(window.lastError()));
        return false;
    }
    QTest::qWait(300);
    bool ok = save(&window, out + "/monitor-finetune.png");

    // Base and fine-tuned side by side on a three-digit sum (greedy, up to the newline).
    widgets::Playground *pg = window.playground();
    window.tabs()->setCurrentWidget(pg);
    pg->refreshCheckpoints();
    pg->pane(0)->setCheckpoint(runDir);
    pg->setCompareMode(true);
    pg->promptEdit()->setPlainText(QStringLiteral("123+456="));
    for (int i = 0; i < 2; ++i) {
        widgets::PlaygroundSettings s = pg->pane(i)->sampler()->settings();
        s.maxNewTokens = 5;
        s.temperature = 0.0;
        s.stopStrings = {QStringLiteral("\n")};
        pg->pane(i)->sampler()->setSettings(s);
    }
    pg->generate();
    if (!QTest::qWaitFor([&] { return !pg->isGenerating(); }, 120000)) {
        std::fprintf(stderr, "finetune: generation failed: %s\n", qPrintable(pg->lastError()));
        return false;
    }
    pg->selectToken(0, 0);
    QTest::qWait(300);
    ok = save(&window, out + "/playground-compare.png") && ok;
    return ok;
}

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
    if (args.value(1) == QLatin1String("attention")) {
        QDir().mkpath(out);
        qputenv("LMWB_NO_DIALOGS", "1");
        return attentionScreenshots(out) ? 0 : 1;
    }
    const bool finetune = args.value(1) == QLatin1String("finetune");
    const int steps = finetune ? (args.size() > 2 ? args[2].toInt() : 1500) : (args.size() > 1 ? args[1].toInt() : 600);
    QDir().mkpath(out);
    if (args.size() > 2 && !finetune)
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
    if (finetune) {
        const bool ok = finetuneScreenshots(window, out, ws.path(), steps);
        window.close();
        return ok ? 0 : 1;
    }
    if (QCoreApplication::arguments().contains(QStringLiteral("--teach-only"))) {
        const bool ok = teachScreenshots(window, out, ws.path());
        window.close();
        return ok ? 0 : 1;
    }

    if (!inspectorScreenshots(window, out, ws.path()))
        std::fprintf(stderr, "the inspector screenshots are incomplete\n");
    if (qEnvironmentVariable("LMWB_SCREENSHOTS") == QLatin1String("inspector"))
        return 0;

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
    QMetaObject::invokeMethod(window.session(), &app::Session::stop, Qt::QueuedConnection);
    const bool stopped = QTest::qWaitFor([&] {
        const auto st = window.trainingState();
        return st == widgets::TrainingState::Idle || st == widgets::TrainingState::Finished;
    }, 60000);
    const bool teach = stopped && teachScreenshots(window, out, ws.path());
    window.close();
    const bool attention = attentionScreenshots(out);
    return reached && played && teach && attention ? 0 : 1;
}
