// ctest-labels: gui e2e
// The Data & Tokenizer inspector, offscreen, through its real widgets: pieces cover the
// right UTF-16 ranges of mixed Chinese, English and emoji text (a byte-level token inside
// a character colours the whole character and shows its bytes on hover); counts and
// compression on a known string; the batch view shows the tokens of the trainer's own
// batch for the same seed (checked against core's TokenDataset/BatchSampler and against
// the sampler state a real Trainer saves); a tokenizer trained from the GUI loads in
// `lmwb tokenize` with the same ids and goes into the wizard with "Use in new run"; a
// 2 MB corpus loads with progress while a GUI-thread timer keeps firing; bad UTF-8 is
// reported with its byte offsets.

#include "comparepanel.h"
#include "datainspector.h"
#include "datasetpanel.h"
#include "gui/mainwindow.h"
#include "inspectorjobs.h"
#include "inspectorstate.h"
#include "tokenizerpanel.h"
#include "tokenizertrainpanel.h"
#include "tokenpieces.h"
#include "tokenview.h"
#include "trainingwizard.h"
#include "wizardtokenizerpage.h"

#include "data/corpus.h"
#include "data/dataset.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolTip>
#include <QHelpEvent>
#include <QtTest>

using namespace lmwb;
using namespace lmwb::widgets;

namespace {

const QString kMixed = QStringLiteral("床前 to 🙂!\n");

core::TokenizerPtr train(core::TokenizerKind kind, int vocab, const std::string &text)
{
    auto t = core::trainTokenizer({kind, vocab, 1.0}, text);
    if (!t)
        qFatal("cannot train: %s", t.error().c_str());
    return *t;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A corpus of a few thousand lines, English and Chinese.
QByteArray smallCorpus()
{
    QByteArray out;
    for (int i = 0; i < 400; ++i)
        out += QStringLiteral("Line %1: to be or not to be. 床前明月光，疑是地上霜。\n").arg(i).toUtf8();
    return out;
}

} // namespace

class TestDataInspector : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("lmwb-tst-datainspector"));
        qputenv("LMWB_NO_DIALOGS", "1");
        QVERIFY(m_dir.isValid());
    }

    // Byte offsets map to UTF-16: 床 and 前 are one unit each (three UTF-8 bytes), 🙂 a
    // surrogate pair (four bytes, two units).
    void utf16RangesOfMixedText_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QVector<int>>("begins"); // UTF-16 begin of each token
        QTest::addColumn<QVector<int>>("ends");
        QTest::addColumn<QVector<bool>>("partial");
        // 床 前 ␠ t o ␠ 🙂 ! ↵   (UTF-16: 0 1 2 3 4 5 6-7 8 9)
        QTest::newRow("char") << int(core::TokenizerKind::Char)
                              << QVector<int>{0, 1, 2, 3, 4, 5, 6, 8, 9} << QVector<int>{1, 2, 3, 4, 5, 6, 8, 9, 10}
                              << QVector<bool>(9, false);
        // byte-level BPE without merges: one token per byte
        QTest::newRow("bytes") << int(core::TokenizerKind::ByteBpe)
                               << QVector<int>{0, 0, 0, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 8, 9}
                               << QVector<int>{1, 1, 1, 2, 2, 2, 3, 4, 5, 6, 8, 8, 8, 8, 9, 10}
                               << QVector<bool>{true, true, true, true, true, true, false, false, false, false,
                                                true, true, true, true, false, false};
    }

    void utf16RangesOfMixedText()
    {
        QFETCH(int, kind);
        QFETCH(QVector<int>, begins);
        QFETCH(QVector<int>, ends);
        QFETCH(QVector<bool>, partial);
        const std::string utf8 = kMixed.toStdString();
        auto tok = train(core::TokenizerKind(kind), 256, utf8);
        DataInspector inspector;
        inspector.state()->addTokenizer({QStringLiteral("t"), QString(), tok});
        TokenizerPanel *panel = inspector.tokenizerPanel();
        panel->selectTokenizer(QStringLiteral("t"));
        panel->setText(kMixed);
        const QVector<TokenSpan> &spans = panel->spans();
        QCOMPARE(spans.size(), begins.size());
        for (int i = 0; i < spans.size(); ++i) {
            QCOMPARE(spans[i].u16Begin, begins[i]);
            QCOMPARE(spans[i].u16End, ends[i]);
            QCOMPARE(spans[i].partial, partial[i]);
        }
        // On screen: one box per character, its text the character itself.
        const QVector<TokenBox> &boxes = panel->view()->boxes();
        QCOMPARE(boxes.size(), 9);
        const QStringList labels = {"床", "前", "·", "t", "o", "·", "🙂", "!", "↵"};
        for (int i = 0; i < boxes.size(); ++i) {
            QCOMPARE(boxes[i].label, labels[i]);
            QCOMPARE(visibleWhitespace(kMixed.mid(boxes[i].u16Begin, boxes[i].u16End - boxes[i].u16Begin)), labels[i]);
        }
        QCOMPARE(boxes[6].u16End - boxes[6].u16Begin, 2); // the emoji: both surrogates
        // Hover: id and bytes; a character made of byte tokens lists them all.
        inspector.tabs()->setCurrentWidget(panel);
        inspector.resize(900, 600);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        TokenView *view = panel->view();
        QCOMPARE(view->boxAt(view->boxRect(0).center()), 0);
        QCOMPARE(view->boxAt(view->boxRect(6).center()), 6);
        // a real hover
        QHelpEvent hover(QEvent::ToolTip, view->boxRect(6).center(), view->mapToGlobal(view->boxRect(6).center()));
        QApplication::sendEvent(view, &hover);
        QTRY_COMPARE(QToolTip::text(), boxes[6].toolTip);
        QToolTip::hideText();
        if (core::TokenizerKind(kind) == core::TokenizerKind::ByteBpe) {
            QVERIFY2(boxes[0].toolTip.contains("bytes E5"), qPrintable(boxes[0].toolTip));
            QCOMPARE(boxes[0].toolTip.count(QStringLiteral("part of")), 3);
            QVERIFY(boxes[6].toolTip.contains("bytes F0") && boxes[6].toolTip.contains("bytes 82"));
        } else {
            QVERIFY2(boxes[0].toolTip.contains("bytes E5 BA 8A"), qPrintable(boxes[0].toolTip));
            QVERIFY(boxes[6].toolTip.contains("bytes F0 9F 99 82"));
            QVERIFY(!boxes[0].toolTip.contains("part of"));
        }
        // The ids list is the encoding.
        auto enc = tok->encode(utf8);
        QStringList ids;
        for (int32_t id : enc->ids)
            ids << QString::number(id);
        QCOMPARE(inspector.findChild<QPlainTextEdit *>("tokenizerIdsEdit")->toPlainText(),
                 "[" + ids.join(", ") + "]");
    }

    // "Each token in its own box": byte tokens of 床 show as <0xE5> <0xBA> <0x8A>.
    void eachTokenShowsBytePieces()
    {
        const std::string utf8 = kMixed.toStdString();
        DataInspector inspector;
        inspector.state()->addTokenizer({QStringLiteral("bytes"), QString(), train(core::TokenizerKind::ByteBpe, 256, utf8)});
        TokenizerPanel *panel = inspector.tokenizerPanel();
        panel->setText(kMixed);
        QCOMPARE(panel->view()->boxes().size(), 9);
        QTest::mouseClick(inspector.findChild<QCheckBox *>("eachTokenCheck"), Qt::LeftButton);
        const auto &boxes = panel->view()->boxes();
        QCOMPARE(boxes.size(), 16);
        QCOMPARE(boxes[0].label, QStringLiteral("<0xE5>"));
        QCOMPARE(boxes[1].label, QStringLiteral("<0xBA>"));
        QCOMPARE(boxes[2].label, QStringLiteral("<0x8A>"));
        QCOMPARE(boxes[6].label, QStringLiteral("·"));
        QCOMPARE(boxes[10].label, QStringLiteral("<0xF0>"));
        QVERIFY(boxes[15].breakAfter);
    }

    void byteLabels()
    {
        QCOMPARE(tokenLabel(QByteArray("\xE5", 1)), QStringLiteral("<0xE5>"));
        QCOMPARE(tokenLabel(QByteArray("\xE5\xBA", 2)), QStringLiteral("<0xE5><0xBA>"));
        QCOMPARE(tokenLabel(QByteArray(" a\n")), QStringLiteral("·a↵"));
        QCOMPARE(tokenLabel(QStringLiteral("床").toUtf8()), QStringLiteral("床"));
    }

    // 床前明月光 hello 🙂: 13 characters, 26 bytes.
    void countsAndCompression()
    {
        const QString text = QStringLiteral("床前明月光 hello 🙂");
        const std::string utf8 = text.toStdString();
        DataInspector inspector;
        inspector.state()->addTokenizer({QStringLiteral("char"), QString(), train(core::TokenizerKind::Char, 0, utf8)});
        inspector.state()->addTokenizer({QStringLiteral("bytes"), QString(), train(core::TokenizerKind::ByteBpe, 256, utf8)});
        TokenizerPanel *panel = inspector.tokenizerPanel();
        panel->selectTokenizer(QStringLiteral("char"));
        panel->setText(text);
        QCOMPARE(panel->counts().characters, qint64(13));
        QCOMPARE(panel->counts().bytes, qint64(26));
        QCOMPARE(panel->counts().tokens, qint64(13));
        QCOMPARE(panel->counts().charsPerToken, 1.0);
        QCOMPARE(panel->counts().bytesPerToken, 2.0);
        QVERIFY2(panel->countsLabel()->text().startsWith("13 characters · 26 bytes · 13 tokens"),
                 qPrintable(panel->countsLabel()->text()));
        panel->selectTokenizer(QStringLiteral("bytes"));
        QCOMPARE(panel->counts().tokens, qint64(26));
        QCOMPARE(panel->counts().charsPerToken, 0.5);
        QCOMPARE(panel->counts().bytesPerToken, 1.0);
        QVERIFY(panel->countsLabel()->text().contains(QLocale().toString(0.5, 'f', 2) + " characters/token"));

        // Compare: both side by side on the same text.
        ComparePanel *compare = inspector.comparePanel();
        compare->setText(text);
        compare->selectTokenizer(0, QStringLiteral("char"));
        compare->selectTokenizer(1, QStringLiteral("bytes"));
        compare->selectTokenizer(2, QStringLiteral("(none)"));
        QCOMPARE(compare->counts(0).tokens, qint64(13));
        QCOMPARE(compare->counts(1).tokens, qint64(26));
        QCOMPARE(compare->view(0)->boxes().size(), 13);
        QCOMPARE(compare->view(1)->boxes().size(), 13); // byte tokens of a character share its box
        QVERIFY(compare->view(2)->boxes().isEmpty());

        // A character the char tokenizer never saw: a message, no crash.
        panel->selectTokenizer(QStringLiteral("char"));
        panel->setText(QStringLiteral("猫"));
        auto *error = inspector.findChild<QLabel *>("tokenizerPanelError");
        QVERIFY(!error->isHidden());
        QVERIFY(!error->text().isEmpty());
    }

    // The batch view draws what the trainer draws: same tokens as core's TokenDataset +
    // BatchSampler seeded with training.seed, and the sampler ends where a real Trainer's
    // saved state says it is after the same number of steps.
    void batchIsTheTrainersBatch()
    {
        const QString corpus = m_dir.filePath("batch-corpus.txt");
        QVERIFY(writeFile(corpus, smallCorpus()));
        core::RunConfig cfg;
        cfg.data.train = {corpus.toStdString()};
        cfg.model.nLayer = 1;
        cfg.model.nHead = 1;
        cfg.model.nEmbd = 16;
        cfg.model.blockSize = 24;
        cfg.training.batchSize = 5;
        cfg.training.seed = 5000000042ull; // more than an int holds
        cfg.training.maxSteps = 3;
        cfg.training.warmupSteps = 1;
        cfg.training.lrDecaySteps = 3;
        cfg.training.evalInterval = 3;
        cfg.training.evalSteps = 1;
        cfg.training.checkpointInterval = 3;
        cfg.training.threads = 1;
        const QString runDir = m_dir.filePath("batch-run");
        auto trainer = core::Trainer::create(cfg, runDir.toStdString());
        QVERIFY2(trainer, trainer ? "" : trainer.error().c_str());
        QVERIFY((*trainer)->run({}).ok());
        QFile stateFile(runDir + "/checkpoints/step-3/trainer_state.json");
        QVERIFY(stateFile.open(QIODevice::ReadOnly));
        const QString trainerSampler = QJsonDocument::fromJson(stateFile.readAll()).object()["train_sampler"].toString();
        QVERIFY(!trainerSampler.isEmpty());

        DataInspector inspector;
        DatasetPanel *panel = inspector.datasetPanel();
        inspector.resize(1200, 800);
        inspector.show();
        panel->findChild<QTabWidget *>("datasetTabs")->setCurrentIndex(2);
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QSignalSpy drawn(panel, &DatasetPanel::batchDrawn);
        inspector.setRun(runDir);
        QTRY_COMPARE_WITH_TIMEOUT(panel->tokenizerName(), QStringLiteral("char · run batch-run"), 60000); // the checkpoint's
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && !drawn.isEmpty(), 60000);
        QCOMPARE(panel->findChild<QSpinBox *>("batchBlockSizeSpin")->value(), 24);
        QCOMPARE(panel->findChild<QSpinBox *>("batchBatchSizeSpin")->value(), 5);
        QCOMPARE(panel->findChild<QLineEdit *>("batchSeedEdit")->text(), QStringLiteral("5000000042"));
        panel->findChild<QSpinBox *>("batchNumberSpin")->setValue(3);
        QTest::mouseClick(panel->findChild<QPushButton *>("drawBatchButton"), Qt::LeftButton);
        QVERIFY(drawn.wait(20000));
        const TrainingBatch &b = panel->batch();
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        QCOMPARE(QString::fromStdString(b.samplerState), trainerSampler);

        // The reference, from core directly.
        auto text = core::loadCorpus(cfg.data, cfg.training.seed);
        QVERIFY(text);
        auto tok = train(core::TokenizerKind::Char, 0, text->text);
        auto ds = core::TokenDataset::create(tok->encode(text->text)->ids, cfg.data.valFraction, 24);
        QVERIFY(ds);
        core::BatchSampler sampler(cfg.training.seed);
        std::vector<int64_t> x, y;
        for (int n = 0; n < 3; ++n)
            sampler.nextBatch(ds->train(), 24, 5, x, y);
        QCOMPARE(b.x, x);
        QCOMPARE(b.y, y);
        // ... and on screen, as pieces: row r's inputs then its targets.
        const QVector<TokenView *> views = panel->batchViews();
        QCOMPARE(views.size(), 10);
        for (int r = 0; r < 5; ++r) {
            for (int t = 0; t < 24; ++t) {
                const auto expectIn = QByteArray::fromStdString(tok->pieceBytes(int32_t(x[r * 24 + t])));
                const auto expectOut = QByteArray::fromStdString(tok->pieceBytes(int32_t(y[r * 24 + t])));
                QCOMPARE(views[2 * r]->boxes()[t].label, tokenLabel(expectIn));
                QCOMPARE(views[2 * r + 1]->boxes()[t].label, tokenLabel(expectOut));
            }
        }
    }

    // Train in the GUI, then `lmwb tokenize` on the saved folder: the same ids. Then "Use
    // in new run" puts it into the wizard.
    void trainedInGuiLoadsInCli_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("vocab");
        QTest::addColumn<double>("coverage");
        QTest::newRow("spm-unigram") << "spm-unigram" << 4000 << 0.9995;
        QTest::newRow("bpe") << "bpe" << 400 << 1.0;
    }

    void trainedInGuiLoadsInCli()
    {
        QFETCH(QString, kind);
        QFETCH(int, vocab);
        QFETCH(double, coverage);
        const QString binary = qEnvironmentVariable("LMWB_BINARY");
        QVERIFY2(QFile::exists(binary), "LMWB_BINARY must name the built lmwb");
        const QString tang = QStringLiteral("/usr/share/games/fortunes/tang300");
        if (!QFile::exists(tang))
            QSKIP("fortunes-zh is not installed");
        app::MainWindow window;
        window.setWorkspace(m_dir.filePath("ws"));
        DataInspector *inspector = window.inspector();
        DatasetPanel *data = inspector->datasetPanel();
        QSignalSpy loaded(data, &DatasetPanel::loaded);
        core::DataConfig dc;
        dc.format = "fortune";
        dc.train = {tang.toStdString()};
        data->loadData(dc, QStringLiteral("zh"));
        QVERIFY(loaded.wait(30000));
        QVERIFY(data->report().text);

        TokenizerTrainPanel *panel = inspector->trainPanel();
        window.show();
        window.tabs()->setCurrentWidget(inspector);
        inspector->tabs()->setCurrentWidget(panel);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *kindCombo = panel->findChild<QComboBox *>("trainKindCombo");
        kindCombo->setCurrentIndex(kindCombo->findData(kind));
        QCOMPARE(kindCombo->currentData().toString(), kind);
        auto *vocabSpin = panel->findChild<QSpinBox *>("trainVocabSpin");
        vocabSpin->selectAll();
        QTest::keyClicks(vocabSpin, QString::number(vocab));
        QTest::keyClick(vocabSpin, Qt::Key_Enter);
        QCOMPARE(vocabSpin->value(), vocab);
        panel->findChild<QDoubleSpinBox *>("trainCoverageSpin")->setValue(coverage);
        const QString out = m_dir.filePath("gui-" + QString(QTest::currentDataTag()));
        auto *dirEdit = panel->findChild<QLineEdit *>("trainDirEdit");
        dirEdit->clear();
        QTest::keyClicks(dirEdit, out);
        QSignalSpy trained(panel, &TokenizerTrainPanel::trained);
        QSignalSpy failed(panel, &TokenizerTrainPanel::trainingFailed);
        QTest::mouseClick(panel->findChild<QPushButton *>("trainTokenizerHereButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(trained.count() + failed.count() > 0, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(panel->lastError()));
        QCOMPARE(trained.first().first().toString(), out);
        const QString name = QStringLiteral("%1 %2 · zh").arg(kind).arg(vocab);
        const int index = inspector->state()->indexOf(name);
        QVERIFY(index >= 0);
        auto tok = inspector->state()->tokenizer(index);
        QCOMPARE(tok->vocabSize(), vocab);

        const QString text = QStringLiteral("床前明月光，疑是地上霜。to be 🙂");
        QProcess p;
        p.start(binary, {"tokenize", out, "--text", text, "--json"});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonArray cliIds = QJsonDocument::fromJson(p.readAllStandardOutput()).object()["ids"].toArray();
        auto enc = tok->encode(text.toStdString());
        QVERIFY(enc);
        QCOMPARE(cliIds.size(), qsizetype(enc->ids.size()));
        for (int i = 0; i < cliIds.size(); ++i)
            QCOMPARE(cliIds[i].toInt(), enc->ids[i]);

        // The tokenizer view shows the same ids.
        inspector->tokenizerPanel()->selectTokenizer(name);
        inspector->tokenizerPanel()->setText(text);
        QCOMPARE(inspector->tokenizerPanel()->spans().size(), qsizetype(enc->ids.size()));

        // Use in new run: the wizard opens with it, ready to go past the tokenizer page.
        QTest::mouseClick(panel->findChild<QPushButton *>("useInNewRunButton"), Qt::LeftButton);
        QVERIFY(window.wizard());
        WizardTokenizerPage *page = window.wizard()->tokenizerPage();
        QCOMPARE(page->kind(), *core::parseTokenizerKind(kind.toStdString()));
        QCOMPARE(page->vocabSize(), vocab);
        QCOMPARE(page->trainedDirectory(), out);
        QVERIFY(page->problem().isEmpty());
        // A folder without a tokenizer: core's message on the page, nothing used.
        QVERIFY(!page->useSavedTokenizer(m_dir.filePath("no-tokenizer-here")));
        auto *pageError = page->findChild<QLabel *>("tokenizerErrorLabel");
        QVERIFY(pageError && !pageError->isHidden() && pageError->text().contains("no-tokenizer-here"));
        QVERIFY(page->savedTokenizerDirectory().isEmpty());
        window.wizard()->close();
    }

    void badUtf8IsReportedWithOffsets()
    {
        const QString bad = m_dir.filePath("bad.txt");
        QVERIFY(writeFile(bad, QByteArray("abc\xff\xfe" "def\xe5", 9)));
        const QString good = m_dir.filePath("good.txt");
        QVERIFY(writeFile(good, QStringLiteral("好的\nok\n").toUtf8()));
        DataInspector inspector;
        DatasetPanel *panel = inspector.datasetPanel();
        QSignalSpy loaded(panel, &DatasetPanel::loaded);
        core::DataConfig dc;
        dc.train = {bad.toStdString(), good.toStdString()};
        panel->loadData(dc, QStringLiteral("bad"));
        QVERIFY(loaded.wait(20000));
        const DatasetReport &r = panel->report();
        QCOMPARE(r.files.size(), 2);
        QCOMPARE(r.files[0].firstInvalid, qint64(3));
        QCOMPARE(r.files[0].invalidBytes, qint64(3));
        QCOMPARE(r.files[0].invalidOffsets, (QVector<qint64>{3, 4, 8}));
        QCOMPARE(r.files[0].characters, qint64(6));
        QCOMPARE(r.files[1].firstInvalid, qint64(-1));
        QCOMPARE(r.files[1].characters, qint64(6)); // 好的↵ok↵
        QCOMPARE(r.files[1].lines, qint64(2));
        QCOMPARE(r.files[1].uniqueCharacters, 5);
        QVERIFY(!r.text); // training could not read it
        auto *error = panel->findChild<QLabel *>("datasetErrorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains("byte 3"), qPrintable(error->text()));
        auto *table = panel->findChild<QTableWidget *>("datasetFilesTable");
        QStringList encodings;
        for (int row = 0; row < table->rowCount(); ++row)
            encodings << table->item(row, 5)->text();
        QVERIFY2(encodings.join('|').contains("at 3, 4, 8"), qPrintable(encodings.join('|')));
    }

    void brokenRunIsReported()
    {
        const QString run = m_dir.filePath("broken-run");
        QVERIFY(QDir().mkpath(run));
        QVERIFY(writeFile(run + "/config.json", "{\"training\": {\"max_steps\": -3}}"));
        DataInspector inspector;
        inspector.show();
        QSignalSpy failed(&inspector, &DataInspector::failed);
        inspector.setRun(run);
        QCOMPARE(failed.count(), 1);
        auto *error = inspector.datasetPanel()->findChild<QLabel *>("datasetErrorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains("max_steps"), qPrintable(error->text()));
    }

    // The sweep: one tokenizer per size, compression rising with the vocabulary; a size a
    // kind cannot make is reported, not plotted.
    void sweepPlotsCompression()
    {
        const QString corpus = m_dir.filePath("sweep.txt");
        QVERIFY(writeFile(corpus, smallCorpus()));
        DataInspector inspector;
        QSignalSpy loaded(inspector.datasetPanel(), &DatasetPanel::loaded);
        core::DataConfig dc;
        dc.train = {corpus.toStdString()};
        inspector.datasetPanel()->loadData(dc, QStringLiteral("sweep"));
        QVERIFY(loaded.wait(20000));
        TokenizerTrainPanel *panel = inspector.trainPanel();
        panel->setSpec({core::TokenizerKind::ByteBpe, 256, 1.0});
        panel->findChild<QLineEdit *>("sweepSizesEdit")->setText("512, 100, 256");
        QSignalSpy done(panel, &TokenizerTrainPanel::sweepFinished);
        QTest::mouseClick(panel->findChild<QPushButton *>("sweepButton"), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        const auto &points = panel->sweepPoints();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0].vocabSize, 100); // sorted
        QVERIFY(!points[0].error.isEmpty()); // byte-level BPE needs 256
        QCOMPARE(points[1].actualVocab, 256);
        QCOMPARE(points[1].bytesPerToken, 1.0); // 256: bytes only
        QCOMPARE(points[2].actualVocab, 512);
        QVERIFY(points[2].bytesPerToken > 1.5);
        QVERIFY(points[2].charsPerToken > points[1].charsPerToken);
        auto *error = panel->findChild<QLabel *>("trainErrorLabel");
        QVERIFY(!error->isHidden() && error->text().contains("100"));

        // Bad sizes: a message naming the field, no sweep.
        panel->findChild<QLineEdit *>("sweepSizesEdit")->setText("256, lots");
        QTest::mouseClick(panel->findChild<QPushButton *>("sweepButton"), Qt::LeftButton);
        QVERIFY(error->text().contains("lots"));
    }

    // LMWB_SCREENSHOT_DIR=/tmp writes inspector-<view>.png there (to look at, not to check).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("LMWB_SCREENSHOT_DIR");
        if (dir.isEmpty() || !QFile::exists("/usr/share/games/fortunes/tang300"))
            QSKIP("set LMWB_SCREENSHOT_DIR to write the inspector's views");
        DataInspector inspector;
        inspector.resize(1300, 760);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QSignalSpy tokenized(inspector.datasetPanel(), &DatasetPanel::tokenized);
        core::DataConfig dc;
        dc.format = "fortune";
        dc.train = {"/usr/share/games/fortunes/tang300"};
        inspector.datasetPanel()->loadData(dc, QStringLiteral("tang300"));
        QVERIFY(tokenized.wait(60000));
        auto *tabs = inspector.datasetPanel()->findChild<QTabWidget *>("datasetTabs");
        tabs->setCurrentIndex(0);
        QTest::qWait(200);
        inspector.grab().save(dir + "/inspector-files.png");
        tabs->setCurrentIndex(1);
        QTest::qWait(200);
        inspector.grab().save(dir + "/inspector-lengths.png");
        inspector.tabs()->setCurrentWidget(inspector.tokenizerPanel());
        QTRY_VERIFY(!inspector.tokenizerPanel()->isCounting());
        QTest::qWait(200);
        inspector.grab().save(dir + "/inspector-tokenizer.png");
        TokenizerTrainPanel *train = inspector.trainPanel();
        inspector.tabs()->setCurrentWidget(train);
        train->setSpec({core::TokenizerKind::ByteBpe, 512, 1.0});
        train->setSweepSizes({256, 512, 1024, 2048});
        QSignalSpy done(train, &TokenizerTrainPanel::sweepFinished);
        train->sweep();
        QVERIFY(done.wait(120000));
        QTest::qWait(200);
        inspector.grab().save(dir + "/inspector-train.png");
    }

    // About 2 MB: progress moves and a 10 ms timer on the GUI thread keeps firing while
    // the worker reads, counts and tokenizes.
    void largeCorpusKeepsTheWindowResponsive()
    {
        core::DataConfig dc;
        const QString chinese = QStringLiteral("/usr/share/games/fortunes/chinese");
        const QString shakespeare = qEnvironmentVariable("LMWB_SHARED_DATA") + "/tinyshakespeare.txt";
        if (QFileInfo(chinese).size() > 2000000) {
            dc.format = "fortune";
            dc.train = {chinese.toStdString()};
        } else if (QFile::exists(shakespeare)) {
            QFile in(shakespeare);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray once = in.readAll();
            QVERIFY(writeFile(m_dir.filePath("big.txt"), once + once));
            dc.train = {m_dir.filePath("big.txt").toStdString()};
        } else {
            QSKIP("neither fortunes-zh nor tinyshakespeare.txt is installed");
        }
        DataInspector inspector;
        inspector.resize(1200, 800);
        inspector.show();
        DatasetPanel *panel = inspector.datasetPanel();
        auto *bar = panel->findChild<QProgressBar *>("datasetProgressBar");
        QList<int> progress;
        connect(bar, &QProgressBar::valueChanged, this, [&](int v) { progress << v; });
        int ticksWhileBusy = 0;
        QTimer timer;
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            if (panel->isBusy())
                ++ticksWhileBusy;
        });
        timer.start();
        QSignalSpy tokenized(panel, &DatasetPanel::tokenized);
        panel->loadData(dc, QStringLiteral("big"));
        QVERIFY(panel->isBusy());
        QVERIFY2(tokenized.wait(120000), qPrintable(panel->findChild<QLabel *>("datasetStatusLabel")->text() + " | " +
                                                    panel->report().error + " | " + panel->tokens().error));
        timer.stop();
        QVERIFY2(panel->report().error.isEmpty(), qPrintable(panel->report().error));
        QVERIFY(panel->report().text->size() > 1900000);
        QVERIFY(std::any_of(progress.begin(), progress.end(), [&](int v) { return v > 0 && v < bar->maximum(); }));
        QVERIFY2(ticksWhileBusy >= 3, qPrintable(QString::number(ticksWhileBusy)));
        QVERIFY(panel->tokens().ids && panel->tokens().ids->size() > 600000);
        QVERIFY(panel->previewPageCount() > 100);
        QVERIFY(panel->tokens().splitByte > 0);
        QVERIFY(!panel->tokens().lengths.isEmpty());
    }
};

QTEST_MAIN(TestDataInspector)
#include "tst_datainspector.moc"
