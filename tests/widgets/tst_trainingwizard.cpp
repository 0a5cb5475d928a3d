// ctest-labels: gui
// The training wizard, offscreen, driven through its real widgets: clicking through gives
// the config core parses; wrong fields block Next with a message on the page; the LR plot
// is core's schedule; parameter counts match the models core builds; a tokenizer trains on
// the page; step timing is requested and its answer shown.
// LMWB_SCREENSHOT_DIR=/tmp makes screenshots() write wizard-<page>.png there.

#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardgoalpage.h"
#include "wizardmodelpage.h"
#include "wizardsummarypage.h"
#include "wizardtokenizerpage.h"
#include "wizardtrainingpage.h"

#include "config/runconfig.h"
#include "data/corpus.h"
#include "model/languagemodel.h"
#include "tokenizer/tokenizer.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

using namespace lmwb;
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

// Replaces the text of a spin box or line edit by typing, as a user would.
void typeInto(QWidget *w, const QString &text)
{
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Delete);
    QTest::keyClicks(w, text);
}

void clickNext(TrainingWizard &wizard)
{
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QVERIFY2(next->isEnabled(), "Next is disabled");
    QTest::mouseClick(next, Qt::LeftButton);
}

// On the indicator: a radio button stretched across the page takes clicks only on its
// indicator and text.
void clickRadio(QRadioButton *radio) { QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2)); }

bool nextEnabled(TrainingWizard &wizard) { return wizard.button(QWizard::NextButton)->isEnabled(); }

QString errorText(QWidget *page, const char *name)
{
    auto *label = field<QLabel>(page, name);
    return label->isVisible() ? label->text() : QString();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Synthetic corpus (default), waits until it is read; ends on the tokenizer page.
void toTokenizerPage(TrainingWizard &wizard, int examples = 2000)
{
    clickNext(wizard); // goal: pretrain (default)
    QCOMPARE(wizard.currentId(), int(TrainingWizard::DataPageId));
    auto *data = wizard.dataPage();
    QCOMPARE(field<QComboBox>(data, "sampleCorpusCombo")->currentData().toString(), QStringLiteral("synthetic"));
    typeInto(field<QSpinBox>(data, "syntheticExamplesSpin"), QString::number(examples));
    QTRY_VERIFY_WITH_TIMEOUT(!data->isLoading() && nextEnabled(wizard), 10000);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(TrainingWizard::TokenizerPageId));
}

} // namespace

class TestTrainingWizard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_workspace.isValid());
    }

    void clickThroughGivesTheConfig()
    {
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        toTokenizerPage(wizard, 5000);

        auto *tok = wizard.tokenizerPage();
        QCOMPARE(field<QComboBox>(tok, "tokenizerKindCombo")->currentData().toString(), QStringLiteral("char"));
        QVERIFY(!field<QSpinBox>(tok, "vocabSizeSpin")->isEnabled());
        QCOMPARE(tok->vocabSize(), 13); // 0-9 + = \n
        clickNext(wizard);

        auto *model = wizard.modelPage();
        auto *preset = field<QComboBox>(model, "modelPresetCombo");
        preset->setFocus();
        QTest::keyClick(preset, Qt::Key_Home); // the first preset: Tiny
        QCOMPARE(preset->currentData().toInt(), int(widgets::WizardModelPage::Tiny));
        QCOMPARE(field<QSpinBox>(model, "nLayerSpin")->value(), 2);
        QCOMPARE(field<QSpinBox>(model, "nEmbdSpin")->value(), 64);
        QVERIFY(field<QLabel>(model, "parameterCountLabel")->text().contains(QLocale().toString(
            widgets::modelParameterCount(widgets::WizardModelPage::presetConfig(widgets::WizardModelPage::Tiny), 13))));
        QCOMPARE(field<QLabel>(model, "stepTimeLabel")->text(), QStringLiteral("—")); // no backend
        clickNext(wizard);

        auto *training = wizard.trainingPage();
        typeInto(field<QSpinBox>(training, "maxStepsSpin"), QStringLiteral("300"));
        typeInto(field<QLineEdit>(training, "learningRateEdit"), QStringLiteral("2e-3"));
        typeInto(field<QSpinBox>(training, "warmupStepsSpin"), QStringLiteral("20"));
        typeInto(field<QSpinBox>(training, "seedSpin"), QStringLiteral("7"));
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::SummaryPageId));

        auto *summary = wizard.summaryPage();
        const QString runDir = field<QLineEdit>(summary, "runDirEdit")->text();
        QVERIFY2(runDir.startsWith(QDir::toNativeSeparators(m_workspace.filePath("synthetic-"))), qPrintable(runDir));
        QCOMPARE(field<QLineEdit>(summary, "commandLineEdit")->text(),
                 QStringLiteral("lmwb train CONFIG.json --out %1").arg(wizard.runDirectory()));
        QCOMPARE(field<QPlainTextEdit>(summary, "configEdit")->toPlainText(), wizard.configJson());
        QCOMPARE(wizard.button(QWizard::FinishButton)->text(), QStringLiteral("Start training"));

        QSignalSpy started(&wizard, &TrainingWizard::startRequested);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(1).toString(), wizard.runDirectory());

        auto cfg = core::parseRunConfig(started.at(0).at(0).toString().toStdString());
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().c_str());
        QCOMPARE(cfg->data.format, std::string("synthetic"));
        QVERIFY(cfg->data.train.empty());
        QCOMPARE(cfg->data.syntheticExamples, int64_t(5000));
        QCOMPARE(cfg->data.valFraction, 0.1);
        QCOMPARE(cfg->tokenizer.kind, core::TokenizerKind::Char);
        QVERIFY(cfg->tokenizer.path.empty());
        QCOMPARE(cfg->model.arch, core::Arch::Gpt);
        QCOMPARE(cfg->model.nLayer, 2);
        QCOMPARE(cfg->model.nHead, 2);
        QCOMPARE(cfg->model.nEmbd, 64);
        QCOMPARE(cfg->model.blockSize, 32);
        QCOMPARE(cfg->model.dropout, 0.0);
        QCOMPARE(cfg->model.bias, false);
        QCOMPARE(cfg->training.maxSteps, int64_t(300));
        QCOMPARE(cfg->training.lrDecaySteps, int64_t(300)); // follows the steps
        QCOMPARE(cfg->training.learningRate, 2e-3);
        QCOMPARE(cfg->training.minLr, 1e-4);
        QCOMPARE(cfg->training.warmupSteps, int64_t(20));
        QCOMPARE(cfg->training.batchSize, 12);
        QCOMPARE(cfg->training.seed, uint64_t(7));
        QCOMPARE(cfg->training.precision, std::string("fp32"));
    }

    void wrongModelFieldsBlockNext()
    {
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        toTokenizerPage(wizard);
        clickNext(wizard);
        auto *model = wizard.modelPage();
        QVERIFY(nextEnabled(wizard));
        QCOMPARE(errorText(model, "modelErrorLabel"), QString());

        typeInto(field<QSpinBox>(model, "nEmbdSpin"), QStringLiteral("64"));
        typeInto(field<QSpinBox>(model, "nHeadSpin"), QStringLiteral("3"));
        QVERIFY(!nextEnabled(wizard));
        const QString message = errorText(model, "modelErrorLabel");
        QVERIFY2(message.contains("model.n_head") && message.contains("model.n_embd"), qPrintable(message));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(TrainingWizard::ModelPageId));

        typeInto(field<QSpinBox>(model, "nHeadSpin"), QStringLiteral("4"));
        QVERIFY(nextEnabled(wizard));
        QCOMPARE(errorText(model, "modelErrorLabel"), QString());

        // LSTM has no heads: the same width is fine there.
        typeInto(field<QSpinBox>(model, "nHeadSpin"), QStringLiteral("3"));
        auto *arch = field<QComboBox>(model, "archCombo");
        arch->setFocus();
        QTest::keyClick(arch, Qt::Key_End);
        QVERIFY(nextEnabled(wizard));
        QVERIFY(!field<QSpinBox>(model, "nHeadSpin")->isEnabled());
    }

    void wrongTrainingFieldsBlockNext()
    {
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        toTokenizerPage(wizard);
        clickNext(wizard);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::TrainingPageId));
        auto *page = wizard.trainingPage();
        QVERIFY(nextEnabled(wizard));

        typeInto(field<QLineEdit>(page, "minLrEdit"), QStringLiteral("1e-2"));
        QVERIFY(!nextEnabled(wizard));
        QString message = errorText(page, "trainingErrorLabel");
        QVERIFY2(message.contains("training.min_lr"), qPrintable(message));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(TrainingWizard::TrainingPageId));

        typeInto(field<QLineEdit>(page, "minLrEdit"), QStringLiteral("1e-5"));
        QVERIFY(nextEnabled(wizard));
        typeInto(field<QLineEdit>(page, "learningRateEdit"), QStringLiteral("fast"));
        QVERIFY(!nextEnabled(wizard));
        message = errorText(page, "trainingErrorLabel");
        QVERIFY2(message.contains("training.learning_rate"), qPrintable(message));
        typeInto(field<QLineEdit>(page, "learningRateEdit"), QStringLiteral("0"));
        message = errorText(page, "trainingErrorLabel");
        QVERIFY2(message.contains("training.learning_rate must be > 0"), qPrintable(message));
        typeInto(field<QLineEdit>(page, "learningRateEdit"), QStringLiteral("0.001"));
        QVERIFY(nextEnabled(wizard));
    }

    void dataProblemsBlockNext()
    {
        TrainingWizard wizard;
        wizard.show();
        clickNext(wizard);
        auto *data = wizard.dataPage();
        // files, but none chosen
        clickRadio(field<QRadioButton>(data, "filesRadio"));
        QTRY_VERIFY(!data->isLoading());
        QVERIFY(!nextEnabled(wizard));
        QVERIFY2(errorText(data, "dataErrorLabel").contains("data.train"), qPrintable(errorText(data, "dataErrorLabel")));

        // a file that is not UTF-8: core's message with the byte offset, on the page
        QTemporaryDir dir;
        const QString bad = dir.filePath("latin1.txt");
        writeFile(bad, QByteArray("caf\xe9 au lait\n", 13));
        data->setFiles({bad});
        QTRY_VERIFY(!data->isLoading());
        QVERIFY(!nextEnabled(wizard));
        QString message = errorText(data, "dataErrorLabel");
        QVERIFY2(message.contains("not valid UTF-8") && message.contains("byte 3"), qPrintable(message));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(TrainingWizard::DataPageId));

        // a good file: size, characters, preview and split
        const QString good = dir.filePath("good.txt");
        writeFile(good, QString("héllo wörld\n").repeated(100).toUtf8());
        data->setFiles({good});
        QTRY_VERIFY(!data->isLoading());
        QVERIFY(nextEnabled(wizard));
        QCOMPARE(data->corpus().characters, qint64(1200));
        QCOMPARE(data->corpus().distinctCharacters, 10); // h é l o ␣ w ö r d \n
        QCOMPARE(field<QLabel>(data, "splitLabel")->text(),
                 QStringLiteral("%1 characters train / %2 validation").arg(QLocale().toString(1080), QLocale().toString(120)));
        QVERIFY(field<QPlainTextEdit>(data, "dataPreview")->toPlainText().startsWith("héllo wörld\nhéllo"));
        QCOMPARE(wizard.dataPage()->dataConfig().train.at(0), good.toStdString());

        // too short for the context: the model page says so
        const QString shortFile = dir.filePath("short.txt");
        writeFile(shortFile, QByteArray("to be or not to be, that is the question\n").repeated(3));
        data->setFiles({shortFile});
        QTRY_VERIFY(!data->isLoading());
        clickNext(wizard);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::ModelPageId));
        QVERIFY(!nextEnabled(wizard));
        message = errorText(wizard.modelPage(), "modelErrorLabel");
        QVERIFY2(message.contains("model.block_size"), qPrintable(message));
        typeInto(field<QSpinBox>(wizard.modelPage(), "blockSizeSpin"), QStringLiteral("8"));
        QVERIFY(nextEnabled(wizard));
    }

    void filesCanBeDropped()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("a.txt"), QByteArray("dropped text\n").repeated(50));
        TrainingWizard wizard;
        wizard.show();
        clickNext(wizard);
        auto *data = wizard.dataPage();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dir.path())});
        const QPoint at = data->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(data, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(data, &drop);
        QVERIFY(field<QRadioButton>(data, "filesRadio")->isChecked());
        QCOMPARE(field<QListWidget>(data, "dataFileList")->count(), 1);
        QTRY_VERIFY(!data->isLoading());
        QCOMPARE(data->corpus().characters, qint64(13 * 50));
        QVERIFY(nextEnabled(wizard));
        QCOMPARE(data->corpusName(), QFileInfo(dir.path()).fileName());
    }

    void sampleCorpora()
    {
        TrainingWizard wizard;
        wizard.show();
        clickNext(wizard);
        auto *data = wizard.dataPage();
        auto *combo = field<QComboBox>(data, "sampleCorpusCombo");
        const auto samples = core::sampleCorpora();
        QCOMPARE(combo->count(), int(samples.size()));
        auto *model = qobject_cast<QStandardItemModel *>(combo->model());
        QVERIFY(model);
        for (int i = 0; i < combo->count(); ++i) {
            QCOMPARE(combo->itemData(i).toString().toStdString(), samples[i].id);
            const bool enabled = model->item(i)->flags() & Qt::ItemIsEnabled;
            QCOMPARE(enabled, samples[i].available);
            if (!samples[i].available)
                QVERIFY(combo->itemText(i).contains(QString::fromStdString("install the " + samples[i].package)));
        }
        const auto tang = std::find_if(samples.begin(), samples.end(), [](const auto &s) { return s.id == "tang300"; });
        if (tang == samples.end() || !tang->available)
            QSKIP("fortunes-zh is not installed");
        QVERIFY(data->selectSample("tang300"));
        QTRY_VERIFY_WITH_TIMEOUT(!data->isLoading(), 10000);
        QVERIFY(nextEnabled(wizard));
        QVERIFY(data->corpus().characters > 10000);
        QVERIFY(data->corpus().distinctCharacters > 1000);
        QVERIFY(!field<QPlainTextEdit>(data, "dataPreview")->toPlainText().contains(QChar(0x1b)));
        QCOMPARE(data->dataConfig().format, std::string("fortune"));
        QCOMPARE(data->corpusName(), QStringLiteral("tang300"));
    }

    void lrPlotFollowsTheSchedule()
    {
        TrainingWizard wizard;
        wizard.show();
        auto *page = wizard.trainingPage();
        auto check = [&] {
            const core::TrainingConfig t = page->trainingConfig();
            auto *graph = page->schedulePlot()->graph(0);
            QVERIFY(graph->dataCount() > 100);
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                QCOMPARE(it->value, core::learningRateAt(t, static_cast<int64_t>(it->key)));
            QCOMPARE(graph->data()->constBegin()->key, 0.0);
            QCOMPARE((graph->data()->constEnd() - 1)->key, double(t.maxSteps));
        };
        check();
        typeInto(field<QSpinBox>(page, "maxStepsSpin"), QStringLiteral("1000"));
        typeInto(field<QSpinBox>(page, "warmupStepsSpin"), QStringLiteral("200"));
        typeInto(field<QLineEdit>(page, "learningRateEdit"), QStringLiteral("3e-3"));
        typeInto(field<QLineEdit>(page, "minLrEdit"), QStringLiteral("3e-4"));
        check();
        auto *graph = page->schedulePlot()->graph(0);
        bool found = false;
        const double peak = graph->data()->findBegin(200, false)->value;
        QVERIFY(qFuzzyCompare(peak, 3e-3));
        QCOMPARE((graph->data()->constEnd() - 1)->value, 3e-4);
        // decay steps leave the steps once set by hand
        typeInto(field<QSpinBox>(page, "lrDecayStepsSpin"), QStringLiteral("600"));
        typeInto(field<QSpinBox>(page, "maxStepsSpin"), QStringLiteral("900"));
        QCOMPARE(page->trainingConfig().lrDecaySteps, int64_t(600));
        check();
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            if (it->key > 600) {
                found = true;
                QCOMPARE(it->value, 3e-4);
            }
        QVERIFY(found);
    }

    void parameterCountsMatchTheModels_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("context");
        QTest::addColumn<bool>("bias");
        QTest::addColumn<int>("vocab");
        QTest::newRow("tiny") << "gpt" << 2 << 2 << 64 << 32 << false << 13;
        QTest::newRow("nanogpt cpu") << "gpt" << 4 << 4 << 128 << 64 << false << 65;
        QTest::newRow("gpt bias") << "gpt" << 3 << 2 << 48 << 40 << true << 300;
        QTest::newRow("lstm") << "lstm" << 2 << 1 << 64 << 32 << false << 65;
        QTest::newRow("lstm bias") << "lstm" << 3 << 1 << 40 << 16 << true << 100;
    }

    void parameterCountsMatchTheModels()
    {
        QFETCH(QString, arch);
        QFETCH(int, layers);
        QFETCH(int, heads);
        QFETCH(int, width);
        QFETCH(int, context);
        QFETCH(bool, bias);
        QFETCH(int, vocab);
        core::ModelConfig m;
        m.arch = arch == "lstm" ? core::Arch::Lstm : core::Arch::Gpt;
        m.nLayer = layers, m.nHead = heads, m.nEmbd = width, m.blockSize = context, m.bias = bias;
        m.vocabSize = vocab;
        auto model = core::LanguageModel::create(m, 1);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
        QCOMPARE(widgets::modelParameterCount(m, vocab), qint64(model->parameterCount(true)));
    }

    void presetParameterCounts()
    {
        using widgets::WizardModelPage;
        // V = 65, as nanoGPT's shakespeare_char; position embeddings included.
        QCOMPARE(widgets::modelParameterCount(WizardModelPage::presetConfig(WizardModelPage::NanoGptCpu), 65),
                 qint64(804'096));
        // nanoGPT prints 10.65M for baby GPT, without wpe (256 * 384 = 98,304).
        QCOMPARE(widgets::modelParameterCount(WizardModelPage::presetConfig(WizardModelPage::BabyGpt), 65),
                 qint64(10'745'088));
        QCOMPARE(qint64(10'745'088 - 256 * 384), qint64(10'646'784));
        const auto baby = WizardModelPage::presetConfig(WizardModelPage::BabyGpt);
        QCOMPARE(baby.dropout, 0.2);
        QCOMPARE(widgets::modelTrainingFlopsPerToken(baby, 65), 6.0 * 10'745'088 + 12.0 * 6 * 384 * 256);
        QCOMPARE(widgets::modelTrainingMemoryBytes(baby, 65, 12), 10'745'088 * 16.0 + 12.0 * 256 * 384 * 6 * 16 * 4);

        // On the page, with a corpus of exactly 65 distinct characters.
        QTemporaryDir dir;
        QByteArray text;
        for (int rep = 0; rep < 40; ++rep) {
            for (char c = 32; c < 32 + 64; ++c)
                text += c;
            text += '\n';
        }
        writeFile(dir.filePath("v65.txt"), text);
        TrainingWizard wizard;
        wizard.show();
        clickNext(wizard);
        wizard.dataPage()->setFiles({dir.filePath("v65.txt")});
        QTRY_VERIFY(!wizard.dataPage()->isLoading());
        QCOMPARE(wizard.dataPage()->corpus().distinctCharacters, 65);
        clickNext(wizard);
        clickNext(wizard);
        auto *model = wizard.modelPage();
        auto *preset = field<QComboBox>(model, "modelPresetCombo");
        preset->setCurrentIndex(preset->findData(WizardModelPage::NanoGptCpu));
        QVERIFY2(field<QLabel>(model, "parameterCountLabel")->text().contains(QLocale().toString(804096)),
                 qPrintable(field<QLabel>(model, "parameterCountLabel")->text()));
        // live: one more layer
        typeInto(field<QSpinBox>(model, "nLayerSpin"), QStringLiteral("5"));
        QCOMPARE(preset->currentData().toInt(), int(WizardModelPage::Custom));
        QVERIFY(field<QLabel>(model, "parameterCountLabel")->text().contains(QLocale().toString(804096 + 196864)));
    }

    void bpeTrainsOnThePage()
    {
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        toTokenizerPage(wizard, 3000);
        auto *tok = wizard.tokenizerPage();
        auto *kind = field<QComboBox>(tok, "tokenizerKindCombo");
        kind->setCurrentIndex(kind->findData("bpe"));
        auto *vocab = field<QSpinBox>(tok, "vocabSizeSpin");
        QVERIFY(vocab->isEnabled());
        typeInto(vocab, QStringLiteral("300"));
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(errorText(tok, "tokenizerErrorLabel").contains("not trained"));

        QSignalSpy finished(tok, &widgets::WizardTokenizerPage::trainingFinished);
        QTest::mouseClick(field<QPushButton>(tok, "trainTokenizerButton"), Qt::LeftButton);
        QVERIFY(tok->isTraining());
        QVERIFY(finished.wait(60000));
        QCOMPARE(errorText(tok, "tokenizerErrorLabel"), QString());
        QVERIFY(tok->isTrained());
        QCOMPARE(tok->vocabSize(), 300);
        QVERIFY(tok->charsPerToken() > 1.0);
        const QString result = field<QLabel>(tok, "tokenizerResultLabel")->text();
        QVERIFY2(result.contains("300"), qPrintable(result));
        QVERIFY(field<QLabel>(tok, "tokenizerPreviewLabel")->text().contains("<span"));
        QCOMPARE(field<QProgressBar>(tok, "tokenizerProgressBar")->value(),
                 field<QProgressBar>(tok, "tokenizerProgressBar")->maximum());
        QVERIFY(QFileInfo::exists(tok->trainedDirectory() + "/tokenizer.json"));
        QVERIFY(nextEnabled(wizard));

        // changing the vocabulary invalidates it
        typeInto(vocab, QStringLiteral("310"));
        QVERIFY(!nextEnabled(wizard));
        typeInto(vocab, QStringLiteral("300"));
        QVERIFY(nextEnabled(wizard));

        clickNext(wizard);
        QVERIFY(field<QLabel>(wizard.modelPage(), "parameterCountLabel")->text().contains("300"));
        clickNext(wizard);
        clickNext(wizard);
        QSignalSpy started(&wizard, &TrainingWizard::startRequested);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(started.count(), 1);
        auto cfg = core::parseRunConfig(started.at(0).at(0).toString().toStdString());
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->tokenizer.kind, core::TokenizerKind::ByteBpe);
        QCOMPARE(cfg->tokenizer.vocabSize, 300);
        const QString runDir = started.at(0).at(1).toString();
        QCOMPARE(QString::fromStdString(cfg->tokenizer.path), runDir + "/tokenizer");
        auto loaded = core::loadTokenizer(cfg->tokenizer.path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE((*loaded)->vocabSize(), 300);
    }

    void savedConfigTrainsWithoutTheWizard()
    {
        TrainingWizard wizard;
        wizard.show();
        toTokenizerPage(wizard, 3000);
        auto *tok = wizard.tokenizerPage();
        tok->setKind(core::TokenizerKind::ByteBpe);
        tok->setVocabSize(280);
        QSignalSpy finished(tok, &widgets::WizardTokenizerPage::trainingFinished);
        tok->train();
        QVERIFY(finished.wait(60000));
        clickNext(wizard);
        clickNext(wizard);
        clickNext(wizard);
        QTemporaryDir out;
        QVERIFY(wizard.summaryPage()->saveConfigTo(out.filePath("run.json")));
        QVERIFY(wizard.summaryPage()->commandLine().startsWith("lmwb train " + out.filePath("run.json") + " --out "));
        auto cfg = core::readRunConfigFile(out.filePath("run.json").toStdString());
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().c_str());
        QCOMPARE(QString::fromStdString(cfg->tokenizer.path), out.filePath("run-tokenizer"));
        QVERIFY(core::loadTokenizer(cfg->tokenizer.path).ok());
    }

    void changingOrClosingWhileTraining()
    {
        auto wizard = std::make_unique<TrainingWizard>();
        wizard->show();
        toTokenizerPage(*wizard, 200000);
        auto *tok = wizard->tokenizerPage();
        tok->setKind(core::TokenizerKind::ByteBpe);
        tok->setVocabSize(1500);
        QSignalSpy finished(tok, &widgets::WizardTokenizerPage::trainingFinished);
        tok->train();
        QVERIFY(tok->isTraining());
        QTest::qWait(20);
        // new settings cancel the training in flight; its result never arrives
        tok->setVocabSize(280);
        QVERIFY(!tok->isTraining());
        QVERIFY(!nextEnabled(*wizard));
        tok->train();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(tok->vocabSize(), 280);
        QVERIFY(nextEnabled(*wizard));
        // closing the wizard mid-training waits for the worker, which stops at its next
        // progress report
        tok->setVocabSize(1500);
        tok->train();
        QTest::qWait(20);
        wizard.reset();
    }

    void tokenizerFromTheHost()
    {
        TrainingWizard wizard;
        wizard.show();
        QSignalSpy requested(&wizard, &TrainingWizard::tokenizerRequested); // the host is connected
        toTokenizerPage(wizard);
        auto *tok = wizard.tokenizerPage();
        tok->setKind(core::TokenizerKind::SpmUnigram);
        QVERIFY(field<QDoubleSpinBox>(tok, "characterCoverageSpin")->isEnabled());
        typeInto(field<QSpinBox>(tok, "vocabSizeSpin"), QStringLiteral("400"));
        QTest::mouseClick(field<QPushButton>(tok, "trainTokenizerButton"), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        const int id = requested.at(0).at(0).toInt();
        auto cfg = core::parseRunConfig(requested.at(0).at(1).toString().toStdString());
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->tokenizer.kind, core::TokenizerKind::SpmUnigram);
        QCOMPARE(cfg->tokenizer.vocabSize, 400);
        QVERIFY(requested.at(0).at(2).toString().startsWith(wizard.scratchDirectory()));

        wizard.onTokenizerProgress(id, 0.5);
        QCOMPARE(field<QProgressBar>(tok, "tokenizerProgressBar")->value(), 500);
        wizard.onTokenizerTrained(id + 7, 999, 9.0, "x", QString()); // not ours: ignored
        QVERIFY(!tok->isTrained());
        wizard.onTokenizerTrained(id, 397, 2.5, QStringLiteral("12\x1f+\x1f" "34"), QString());
        QVERIFY(tok->isTrained());
        QCOMPARE(tok->vocabSize(), 397);
        const QString result = field<QLabel>(tok, "tokenizerResultLabel")->text();
        QVERIFY2(result.contains("397") && result.contains(QLocale().toString(2.5, 'f', 2)), qPrintable(result));
        QCOMPARE(field<QLabel>(tok, "tokenizerPreviewLabel")->text().count("<span"), 3);
        QVERIFY(nextEnabled(wizard));

        // an error from the host is shown on the page and blocks Next
        typeInto(field<QSpinBox>(tok, "vocabSizeSpin"), QStringLiteral("500"));
        QTest::mouseClick(field<QPushButton>(tok, "trainTokenizerButton"), Qt::LeftButton);
        QCOMPARE(requested.count(), 2);
        wizard.onTokenizerTrained(requested.at(1).at(0).toInt(), 0, 0, QString(), "vocab too large for this text");
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(errorText(tok, "tokenizerErrorLabel").contains("vocab too large"));
    }

    void stepTimingIsRequestedAndShown()
    {
        TrainingWizard wizard;
        wizard.show();
        QSignalSpy requested(&wizard, &TrainingWizard::stepTimingRequested);
        toTokenizerPage(wizard);
        clickNext(wizard);
        auto *model = wizard.modelPage();
        auto *label = field<QLabel>(model, "stepTimeLabel");
        QCOMPARE(label->text(), QStringLiteral("measuring…"));
        QVERIFY(requested.wait(3000));
        QCOMPARE(requested.count(), 1);
        auto cfg = core::parseRunConfig(requested.at(0).at(1).toString().toStdString());
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->model.vocabSize, 13);
        QCOMPARE(cfg->model.nEmbd, 128);

        // quick edits coalesce into one request 400 ms after the last one
        typeInto(field<QSpinBox>(model, "nEmbdSpin"), QStringLiteral("96"));
        typeInto(field<QSpinBox>(model, "nLayerSpin"), QStringLiteral("3"));
        QTest::qWait(200);
        QCOMPARE(requested.count(), 1);
        QVERIFY(requested.wait(3000));
        QTest::qWait(600);
        QCOMPARE(requested.count(), 2);
        const int id = requested.at(1).at(0).toInt();
        cfg = core::parseRunConfig(requested.at(1).at(1).toString().toStdString());
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->model.nEmbd, 96);
        QCOMPARE(cfg->model.nLayer, 3);

        wizard.onStepTimed(requested.at(0).at(0).toInt(), 99.0, 0, QString()); // stale
        QCOMPARE(label->text(), QStringLiteral("measuring…"));
        wizard.onStepTimed(id, 12.5, model->parameterCount(), QString());
        QVERIFY2(label->text().contains(QLocale().toString(12.5, 'f', 1)) && label->text().contains("ms"),
                 qPrintable(label->text()));
        wizard.onStepTimed(id, 0, 0, "out of memory");
        QVERIFY(label->text().contains("out of memory"));
    }

    void continueGoesToTheSummary()
    {
        const QString run = m_workspace.filePath("old-run");
        QVERIFY(QDir().mkpath(run + "/checkpoints/step-40"));
        writeFile(run + "/config.json", R"({"data": {"format": "synthetic", "train": []}, "tokenizer": {"kind": "char"},
                   "model": {"n_layer": 2, "n_head": 2, "n_embd": 64, "block_size": 32}, "training": {"max_steps": 100}})");
        writeFile(run + "/latest", "step-40\n");
        writeFile(run + "/metrics.jsonl", "{}\n");
        const QString done = m_workspace.filePath("done-run");
        QVERIFY(QDir().mkpath(done + "/checkpoints/step-100"));
        QFile::copy(run + "/config.json", done + "/config.json");

        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        auto *goal = wizard.goalPage();
        clickRadio(field<QRadioButton>(goal, "resumeRadio"));
        QVERIFY(goal->isResume());
        auto *runs = field<QComboBox>(goal, "resumeRunCombo");
        QVERIFY(runs->findText("old-run") >= 0);
        runs->setCurrentIndex(runs->findText("done-run"));
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(errorText(goal, "goalErrorLabel").contains("finished"));
        runs->setCurrentIndex(runs->findText("old-run"));
        QVERIFY(field<QLabel>(goal, "resumeRunInfo")->text().contains("step 40 of 100"));
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::SummaryPageId));
        QVERIFY(wizard.isResume());
        QCOMPARE(wizard.resumeRunDir(), run);
        QCOMPARE(wizard.summaryPage()->commandLine(), "lmwb train --resume " + run);
        QVERIFY(wizard.summaryPage()->configText().contains("\"max_steps\": 100"));
        QSignalSpy resumed(&wizard, &TrainingWizard::resumeRequested);
        QSignalSpy started(&wizard, &TrainingWizard::startRequested);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(resumed.count(), 1);
        QCOMPARE(resumed.at(0).at(0).toString(), run);
        QCOMPARE(started.count(), 0);
    }

    void fineTuneStartsFromTheChosenRun()
    {
        // A finished run is a fine base: fine-tuning starts a new run with training.init_from.
        const QString done = m_workspace.filePath("base-run");
        QVERIFY(QDir().mkpath(done + "/checkpoints/step-100"));
        writeFile(done + "/config.json", R"({"data": {"format": "synthetic", "train": []}, "tokenizer": {"kind": "char"},
                   "model": {"n_layer": 2, "n_head": 2, "n_embd": 64, "block_size": 32}, "training": {"max_steps": 100}})");
        writeFile(done + "/latest", "step-100\n");
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        auto *goal = wizard.goalPage();
        auto *radio = field<QRadioButton>(goal, "fineTuneRadio");
        QVERIFY(radio->isEnabled());
        QVERIFY(field<QLabel>(goal, "pairsTemplateLabel")->text().contains("### Response:"));
        clickRadio(radio);
        QVERIFY(goal->isFineTune());
        auto *runs = field<QComboBox>(goal, "resumeRunCombo");
        QVERIFY(runs->isEnabled());
        runs->setCurrentIndex(runs->findText("base-run"));
        QVERIFY(nextEnabled(wizard));
        QCOMPARE(goal->fineTuneFrom(), done);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(TrainingWizard::DataPageId));
        QCOMPARE(QString::fromStdString(wizard.runConfig().training.initFrom), done);
        QVERIFY(wizard.configJson().contains("init_from"));
    }

    void fineTuneOnPairsSkipsToTrainingWithLora()
    {
        // A GPT base of 2 layers x 64 wide with a 40-token vocabulary.
        const QString base = m_workspace.filePath("pairs-base");
        QVERIFY(QDir().mkpath(base + "/checkpoints/step-50"));
        writeFile(base + "/config.json", R"({"data": {"format": "synthetic", "train": []}, "tokenizer": {"kind": "char"},
                   "model": {"n_layer": 2, "n_head": 2, "n_embd": 64, "block_size": 32, "vocab_size": 40},
                   "training": {"max_steps": 50}})");
        writeFile(base + "/latest", "step-50\n");
        const QString jsonl = m_workspace.filePath("qa.jsonl");
        writeFile(jsonl, "{\"prompt\": \"2+2=\", \"completion\": \"4\"}\n"
                         "{\"instruction\": \"Add\", \"input\": \"1 and 2\", \"output\": \"3\"}\n"
                         "{\"prompt\": \"broken\"\n"
                         "{\"prompt\": \"3+3=\", \"completion\": \"6\"}\n"
                         "{\"prompt\": \"4+4=\", \"completion\": \"8\"}\n");
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        wizard.show();
        auto *goal = wizard.goalPage();
        clickRadio(field<QRadioButton>(goal, "fineTuneRadio"));
        auto *runs = field<QComboBox>(goal, "resumeRunCombo");
        runs->setCurrentIndex(runs->findText("pairs-base"));
        auto *pairsRadio = field<QRadioButton>(goal, "fineTunePairsRadio");
        QVERIFY(pairsRadio->isEnabled());
        QVERIFY(!field<QLabel>(goal, "pairsTemplateLabel")->isVisible()); // only for pairs
        clickRadio(pairsRadio);
        QVERIFY(goal->isPairs());
        QTRY_VERIFY(field<QLabel>(goal, "pairsTemplateLabel")->isVisible());
        QVERIFY(field<QLabel>(goal, "pairsTemplateLabel")->text().contains("### Instruction:"));
        if (const QString dir = qEnvironmentVariable("LMWB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            wizard.resize(1000, 780);
            QTest::qWait(50);
            QVERIFY(wizard.grab().save(QDir(dir).filePath("wizard-goal-pairs.png")));
        }
        clickNext(wizard);

        // The data page takes JSONL pairs only, lists the bad line and previews the pairs.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::DataPageId));
        auto *data = wizard.dataPage();
        QVERIFY(!field<QRadioButton>(data, "sampleRadio")->isEnabled());
        QCOMPARE(field<QComboBox>(data, "dataFormatCombo")->currentData().toString(), QString("pairs"));
        QVERIFY(!nextEnabled(wizard)); // no file yet
        data->addPaths({jsonl});
        QTRY_VERIFY(!data->isLoading());
        QVERIFY2(nextEnabled(wizard), qPrintable(errorText(data, "dataErrorLabel")));
        const QString notes = field<QLabel>(data, "dataNotesLabel")->text();
        QVERIFY2(field<QLabel>(data, "dataNotesLabel")->isVisible() && notes.contains("qa.jsonl line 3: not valid JSON"),
                 qPrintable(notes));
        QVERIFY(field<QLabel>(data, "dataInfoLabel")->text().contains("Prompt/response pairs: 4"));
        const QString preview = field<QPlainTextEdit>(data, "dataPreview")->toPlainText();
        QVERIFY2(preview.contains("2+2=") && preview.contains("### Input:↵\n1 and 2"), qPrintable(preview));
        field<QDoubleSpinBox>(data, "valFractionSpin")->setValue(0.25);
        QCOMPARE(field<QLabel>(data, "splitLabel")->text(), QString("3 pairs train / 1 validation"));
        clickNext(wizard);

        // Straight to the training page: the base decides the tokenizer and the model.
        QCOMPARE(wizard.currentId(), int(TrainingWizard::TrainingPageId));
        auto *training = wizard.trainingPage();
        QVERIFY(training->fineTuneGroup()->isVisible());
        QCOMPARE(field<QSpinBox>(training, "freezeLayersSpin")->maximum(), 2);
        auto *lora = field<QCheckBox>(training, "loraBox");
        QTest::mouseClick(lora, Qt::LeftButton, {}, QPoint(8, lora->height() / 2));
        QVERIFY(lora->isChecked());
        typeInto(field<QSpinBox>(training, "loraRankSpin"), "4");
        // c_attn (64 -> 192) and attn.c_proj (64 -> 64) on 2 layers, rank 4.
        const qint64 expected = 2 * (4 * (64 + 192) + 4 * (64 + 64));
        QCOMPARE(training->trainableParameters(), expected);
        QVERIFY2(field<QLabel>(training, "trainableParametersLabel")->text().contains(QLocale().toString(expected)),
                 qPrintable(field<QLabel>(training, "trainableParametersLabel")->text()));
        // Unticking every projection blocks Next with the key named.
        for (const char *name : {"loraTarget_c_attn", "loraTarget_attn_c_proj"})
            field<QCheckBox>(training, name)->setChecked(false);
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(errorText(training, "trainingErrorLabel").contains("training.lora.targets"));
        field<QCheckBox>(training, "loraTarget_c_fc")->setChecked(true);
        QVERIFY(nextEnabled(wizard));
        clickNext(wizard);

        QCOMPARE(wizard.currentId(), int(TrainingWizard::SummaryPageId));
        auto cfg = core::parseRunConfig(wizard.configJson().toStdString());
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : cfg.error().c_str());
        QCOMPARE(cfg->data.format, std::string("pairs"));
        QCOMPARE(cfg->data.train, std::vector<std::string>{QDir::cleanPath(jsonl).toStdString()});
        QCOMPARE(QString::fromStdString(cfg->training.initFrom), base);
        QCOMPARE(cfg->training.lora.rank, 4);
        QCOMPARE(cfg->training.lora.targets, std::vector<std::string>{"c_fc"});
        QCOMPARE(cfg->model.nEmbd, 64); // the base's model, not the model page's
        QCOMPARE(cfg->model.vocabSize, 40);

        // Back to pretraining: the data page is free again and the fine-tuning keys go.
        wizard.back();
        wizard.back();
        wizard.back();
        QCOMPARE(wizard.currentId(), int(TrainingWizard::GoalPageId));
        clickRadio(field<QRadioButton>(goal, "pretrainRadio"));
        QVERIFY(field<QRadioButton>(data, "sampleRadio")->isEnabled());
        QVERIFY(!training->fineTuneGroup()->isVisibleTo(training));
        QVERIFY(!wizard.configJson().contains("lora"));
    }

    void runDirectoryWithARunIsRefused()
    {
        const QString run = m_workspace.filePath("taken");
        QVERIFY(QDir().mkpath(run + "/checkpoints"));
        TrainingWizard wizard;
        wizard.show();
        toTokenizerPage(wizard);
        clickNext(wizard);
        clickNext(wizard);
        clickNext(wizard);
        auto *summary = wizard.summaryPage();
        typeInto(field<QLineEdit>(summary, "runDirEdit"), run);
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(errorText(summary, "summaryErrorLabel").contains("already holds a run"));
        typeInto(field<QLineEdit>(summary, "runDirEdit"), m_workspace.filePath("fresh"));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(wizard.runDirectory(), m_workspace.filePath("fresh"));
    }

    void everyFieldHasATooltip()
    {
        TrainingWizard wizard;
        for (int id : wizard.pageIds()) {
            for (QWidget *w : wizard.page(id)->findChildren<QWidget *>()) {
                const bool input = qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) ||
                                   qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractButton *>(w);
                if (!input || w->objectName().isEmpty() || w->objectName().startsWith("qt_"))
                    continue;
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName() + " has no tooltip"));
            }
        }
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("LMWB_SCREENSHOT_DIR");
        TrainingWizard wizard;
        wizard.setWorkspace(m_workspace.path());
        QSignalSpy timing(&wizard, &TrainingWizard::stepTimingRequested);
        wizard.resize(1000, 780);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto shoot = [&](const char *name) {
            QTest::qWait(50);
            const QPixmap shot = wizard.grab();
            QVERIFY(!shot.isNull());
            if (!dir.isEmpty())
                QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("wizard-%1.png").arg(name))));
        };
        shoot("goal");
        clickNext(wizard);
        QTRY_VERIFY(!wizard.dataPage()->isLoading());
        shoot("data");
        QTemporaryDir bad;
        writeFile(bad.filePath("gbk.txt"), QByteArray("\xc4\xe3\xba\xc3 hello\n"));
        wizard.dataPage()->setFiles({bad.filePath("gbk.txt")});
        QTRY_VERIFY(!wizard.dataPage()->isLoading());
        shoot("data-error");
        QVERIFY(wizard.dataPage()->selectSample("synthetic"));
        QTRY_VERIFY(!wizard.dataPage()->isLoading());
        clickNext(wizard);
        auto *tok = wizard.tokenizerPage();
        tok->setKind(core::TokenizerKind::ByteBpe);
        tok->setVocabSize(300);
        QSignalSpy finished(tok, &widgets::WizardTokenizerPage::trainingFinished);
        tok->train();
        QVERIFY(finished.wait(60000));
        shoot("tokenizer");
        clickNext(wizard);
        QVERIFY(timing.wait(3000));
        wizard.onStepTimed(timing.last().at(0).toInt(), 41.7, 0, QString());
        shoot("model");
        auto *heads = field<QSpinBox>(wizard.modelPage(), "nHeadSpin");
        typeInto(heads, QStringLiteral("3"));
        shoot("model-error");
        typeInto(heads, QStringLiteral("4"));
        clickNext(wizard);
        shoot("training");
        clickNext(wizard);
        shoot("summary");
    }

private:
    QTemporaryDir m_workspace;
};

QTEST_MAIN(TestTrainingWizard)
#include "tst_trainingwizard.moc"
