#include "wizardtokenizerpage.h"

#include "trainingwizard.h"
#include "wizarddatapage.h"

#include "tokenizer/tokenizer.h"
#include "util/utf8.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace lmwb::widgets {

namespace {

constexpr QChar kPieceSeparator(0x1F);

// The first non-empty line of the corpus, at most 100 characters: the preview sentence.
std::string previewSentence(const std::string &text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos)
            eol = text.size();
        if (eol > pos) {
            std::string line = text.substr(pos, eol - pos);
            // cut after 100 code points, at a code point boundary
            std::size_t cut = 0;
            for (int n = 0; cut < line.size() && n < 100; ++n)
                cut += std::max(1, core::utf8SequenceLength(static_cast<unsigned char>(line[cut])));
            return line.substr(0, std::min(cut, line.size()));
        }
        pos = eol + 1;
    }
    return {};
}

// Cuts text where the tokens end, merging byte-level tokens that end inside a code point
// with the next one, so that each piece is whole characters.
QStringList cutIntoPieces(const std::string &text, const core::Encoding &enc)
{
    QStringList pieces;
    std::size_t begin = 0;
    for (const auto &[b, e] : enc.offsets) {
        (void)b;
        const bool boundary = e >= text.size() || (static_cast<unsigned char>(text[e]) & 0xC0) != 0x80;
        if (boundary && e > begin) {
            pieces << QString::fromUtf8(text.data() + begin, static_cast<qsizetype>(e - begin));
            begin = e;
        }
    }
    if (begin < text.size())
        pieces << QString::fromUtf8(text.data() + begin, static_cast<qsizetype>(text.size() - begin));
    return pieces;
}

// Characters per token on up to 256 KiB of the corpus (cut at a code point boundary).
double measureCharsPerToken(const core::Tokenizer &tok, const std::string &text)
{
    std::size_t n = std::min<std::size_t>(text.size(), 256 * 1024);
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    const std::string_view sample(text.data(), n);
    auto enc = tok.encode(sample);
    if (!enc || enc->ids.empty())
        return 0.0;
    return static_cast<double>(core::countCodePoints(sample)) / static_cast<double>(enc->ids.size());
}

} // namespace

WizardTokenizerPage::WizardTokenizerPage(QWidget *parent)
    : QWizardPage(parent), m_job(std::make_unique<wizardui::BackgroundJob>(this))
{
    setTitle(tr("Tokenizer"));
    setSubTitle(tr("How the text is cut into tokens, the units the model reads and predicts."));

    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("tokenizerKindCombo"));
    m_kindCombo->addItem(tr("Characters (char)"), QStringLiteral("char"));
    m_kindCombo->addItem(tr("Byte-level BPE (as GPT-2)"), QStringLiteral("bpe"));
    m_kindCombo->addItem(tr("SentencePiece BPE"), QStringLiteral("spm-bpe"));
    m_kindCombo->addItem(tr("SentencePiece unigram"), QStringLiteral("spm-unigram"));
    auto *kindLabel = new QLabel(tr("Kind:"), this);
    wizardui::setTip(m_kindCombo,
                     tr("tokenizer.kind. Char: one token per character, nothing to train, the easiest to "
                        "understand (nanoGPT's shakespeare_char). Byte-level BPE: GPT-2's method, merges "
                        "frequent byte pairs, never meets an unknown character. SentencePiece BPE or unigram: "
                        "good for Chinese and other text without spaces."),
                     kindLabel);

    m_vocabSpin = new QSpinBox(this);
    m_vocabSpin->setObjectName(QStringLiteral("vocabSizeSpin"));
    m_vocabSpin->setRange(8, 200000);
    m_vocabSpin->setValue(512);
    m_vocabSpin->setSingleStep(64);
    m_vocabSpin->setGroupSeparatorShown(true);
    auto *vocabLabel = new QLabel(tr("Vocabulary size:"), this);
    wizardui::setTip(m_vocabSpin,
                     tr("tokenizer.vocab_size: how many different tokens there are. Bigger means fewer, longer "
                        "tokens (a shorter sequence for the same text) but a bigger embedding table and rarer "
                        "tokens. 256 + a few hundred for a small corpus; GPT-2 uses 50,257. Byte-level BPE "
                        "needs at least 256."),
                     vocabLabel);

    m_coverageSpin = new QDoubleSpinBox(this);
    m_coverageSpin->setObjectName(QStringLiteral("characterCoverageSpin"));
    m_coverageSpin->setRange(0.5, 1.0);
    m_coverageSpin->setDecimals(4);
    m_coverageSpin->setSingleStep(0.0005);
    m_coverageSpin->setValue(1.0);
    auto *coverageLabel = new QLabel(tr("Character coverage:"), this);
    wizardui::setTip(m_coverageSpin,
                     tr("tokenizer.character_coverage (SentencePiece only): the share of the corpus's characters "
                        "that get their own token; the rarest rest become byte pieces. 1.0 for English, "
                        "0.9995 for Chinese or Japanese."),
                     coverageLabel);

    m_trainButton = new QPushButton(tr("Train tokenizer"), this);
    m_trainButton->setObjectName(QStringLiteral("trainTokenizerButton"));
    wizardui::setTip(m_trainButton, tr("Train the tokenizer on the chosen corpus now. The window stays usable "
                                       "meanwhile; a large corpus with a big vocabulary can take a minute."));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("tokenizerProgressBar"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setToolTip(tr("Progress of the tokenizer training."));

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("tokenizerResultLabel"));
    m_result->setWordWrap(true);
    QFont big = m_result->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setBold(true);
    m_result->setFont(big);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("tokenizerPreviewLabel"));
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setWordWrap(true);
    m_preview->setToolTip(tr("The first sentence of the corpus, cut into tokens: each coloured box is one "
                             "token; · marks a space."));
    m_preview->setFont(wizardui::monospaceFont(this, 1.5));
    m_error = wizardui::makeErrorLabel(QStringLiteral("tokenizerErrorLabel"), this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(kindLabel, m_kindCombo);
    form->addRow(vocabLabel, m_vocabSpin);
    form->addRow(coverageLabel, m_coverageSpin);
    auto *trainRow = new QHBoxLayout;
    trainRow->addWidget(m_trainButton);
    trainRow->addWidget(m_progress, 1);
    auto *savedButton = new QPushButton(tr("Use a saved tokenizer…"), this);
    savedButton->setObjectName(QStringLiteral("savedTokenizerButton"));
    savedButton->setToolTip(tr("Use a tokenizer folder trained before (in the Data & Tokenizer tab or with "
                               "lmwb tokenizer-train) instead of training one here."));
    trainRow->addWidget(savedButton);
    connect(savedButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a tokenizer folder"));
        if (!dir.isEmpty())
            useSavedTokenizer(dir);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addLayout(trainRow);
    layout->addSpacing(8);
    layout->addWidget(m_result);
    auto *previewCaption = new QLabel(tr("The first line of the corpus, cut into tokens:"), this);
    layout->addWidget(previewCaption);
    layout->addWidget(m_preview);
    layout->addStretch(1);
    layout->addWidget(m_error);

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        const auto k = kind();
        m_vocabSpin->setEnabled(k != core::TokenizerKind::Char);
        m_vocabSpin->setMinimum(k == core::TokenizerKind::ByteBpe ? 256 : 8);
        m_coverageSpin->setEnabled(k == core::TokenizerKind::SpmBpe || k == core::TokenizerKind::SpmUnigram);
        m_trainButton->setEnabled(k != core::TokenizerKind::Char);
        settingsChanged();
    });
    connect(m_vocabSpin, &QSpinBox::valueChanged, this, &WizardTokenizerPage::settingsChanged);
    connect(m_coverageSpin, &QDoubleSpinBox::valueChanged, this, &WizardTokenizerPage::settingsChanged);
    connect(m_trainButton, &QPushButton::clicked, this, &WizardTokenizerPage::train);

    m_vocabSpin->setEnabled(false);
    m_coverageSpin->setEnabled(false);
    m_trainButton->setEnabled(false);
}

WizardTokenizerPage::~WizardTokenizerPage() { m_job->stop(); }

void WizardTokenizerPage::setKind(core::TokenizerKind k)
{
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(QString::fromStdString(core::tokenizerKindName(k))));
}

core::TokenizerKind WizardTokenizerPage::kind() const
{
    auto k = core::parseTokenizerKind(m_kindCombo->currentData().toString().toStdString());
    return k ? *k : core::TokenizerKind::Char;
}

void WizardTokenizerPage::setVocabSize(int vocabSize) { m_vocabSpin->setValue(vocabSize); }

core::TokenizerConfig WizardTokenizerPage::tokenizerConfig() const
{
    core::TokenizerConfig t;
    t.kind = kind();
    if (t.kind != core::TokenizerKind::Char)
        t.vocabSize = m_vocabSpin->value();
    t.characterCoverage = m_coverageSpin->value();
    return t;
}

int WizardTokenizerPage::vocabSize() const
{
    if (kind() == core::TokenizerKind::Char) {
        auto *w = qobject_cast<TrainingWizard *>(wizard());
        return w ? w->dataPage()->corpus().distinctCharacters : 0;
    }
    if (usesSavedTokenizer())
        return m_savedVocab;
    return isTrained() ? m_trainedVocab : m_vocabSpin->value();
}

double WizardTokenizerPage::charsPerToken() const
{
    if (kind() == core::TokenizerKind::Char)
        return 1.0;
    return isTrained() ? m_trainedCharsPerToken : 0.0;
}

bool WizardTokenizerPage::isTrained() const
{
    return kind() == core::TokenizerKind::Char || usesSavedTokenizer() ||
           (!m_trainedKey.isEmpty() && m_trainedKey == settingsKey());
}

QString WizardTokenizerPage::trainedDirectory() const
{
    if (kind() == core::TokenizerKind::Char)
        return {};
    if (usesSavedTokenizer())
        return m_savedDir;
    return isTrained() ? m_trainedDir : QString();
}

QString WizardTokenizerPage::tokenizerKey() const
{
    QString key = QStringLiteral("%1|%2").arg(m_kindCombo->currentData().toString()).arg(m_vocabSpin->value());
    if (m_coverageSpin->isEnabled())
        key += QStringLiteral("|%1").arg(m_coverageSpin->value());
    return key;
}

QString WizardTokenizerPage::settingsKey() const
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    const int corpus = w ? w->dataPage()->corpus().generation : 0;
    return tokenizerKey() + QStringLiteral("|corpus %1").arg(corpus);
}

bool WizardTokenizerPage::usesSavedTokenizer() const { return !m_savedDir.isEmpty() && m_savedKey == tokenizerKey(); }

bool WizardTokenizerPage::useSavedTokenizer(const QString &dir)
{
    auto tok = core::loadTokenizer(dir.toStdString());
    if (!tok) {
        m_savedDir.clear();
        wizardui::showProblem(m_error, tr("Cannot use the tokenizer in %1: %2")
                                           .arg(QDir::toNativeSeparators(dir), QString::fromStdString(tok.error())));
        return false;
    }
    m_savedDir.clear();
    setKind((*tok)->kind());
    if ((*tok)->kind() != core::TokenizerKind::Char)
        setVocabSize((*tok)->vocabSize());
    m_savedDir = dir;
    m_savedKey = tokenizerKey();
    m_savedVocab = (*tok)->vocabSize();
    settingsChanged();
    return true;
}

void WizardTokenizerPage::initializePage() { settingsChanged(); }

void WizardTokenizerPage::settingsChanged()
{
    // A training in flight is for settings that no longer hold.
    if (m_pendingRequest != 0 && m_pendingKey != settingsKey()) {
        m_pendingRequest = 0;
        m_job->cancel();
        m_progress->setValue(0);
    }
    m_trainError.clear();
    if (kind() == core::TokenizerKind::Char) {
        showCharResult();
    } else if (usesSavedTokenizer()) {
        m_result->setText(tr("Using the saved tokenizer in %1: %2 tokens.")
                              .arg(QDir::toNativeSeparators(m_savedDir), QLocale().toString(m_savedVocab)));
        m_preview->clear();
        m_progress->setValue(m_progress->maximum());
    } else if (isTrained()) {
        // unchanged settings: keep showing the result
    } else if (m_pendingRequest == 0) {
        m_result->setText(tr("Not trained yet for these settings."));
        m_preview->clear();
        m_progress->setValue(0);
    }
    wizardui::showProblem(m_error, problem());
    emit completeChanged();
}

void WizardTokenizerPage::showCharResult()
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w || !w->dataPage()->corpus().loaded) {
        m_result->clear();
        m_preview->clear();
        return;
    }
    const CorpusStats &c = w->dataPage()->corpus();
    m_result->setText(tr("Vocabulary: %1 tokens (the distinct characters) · 1 character per token · "
                         "no training needed")
                          .arg(QLocale().toString(c.distinctCharacters)));
    QStringList pieces;
    for (char32_t cp : core::decodeUtf8(previewSentence(*c.text)))
        pieces << QString::fromUcs4(&cp, 1);
    m_preview->setText(piecesHtml(pieces.join(kPieceSeparator)));
    m_progress->setValue(m_progress->maximum());
}

void WizardTokenizerPage::train()
{
    auto *w = qobject_cast<TrainingWizard *>(wizard());
    if (!w)
        return;
    if (kind() == core::TokenizerKind::Char) {
        showCharResult();
        return;
    }
    const CorpusStats &corpus = w->dataPage()->corpus();
    if (!corpus.loaded) {
        wizardui::showProblem(m_error, tr("Choose a corpus on the data page first."));
        return;
    }
    m_savedDir.clear(); // training here replaces a saved tokenizer
    const int id = ++m_lastRequest;
    m_pendingRequest = id;
    m_pendingKey = settingsKey();
    m_pendingDir = QDir(w->scratchDirectory()).filePath(QStringLiteral("tokenizer-%1").arg(id));
    m_trainError.clear();
    m_progress->setValue(0);
    m_result->setText(tr("Training…"));
    m_preview->clear();
    wizardui::showProblem(m_error, {});
    emit completeChanged();

    const QString configJson = QString::fromStdString(core::toJson(w->runConfigWithTokenizerPath({})));
    if (w->hasTokenizerBackend()) {
        w->requestTokenizer(id, configJson, m_pendingDir);
        return;
    }
    const core::TokenizerSpec spec{kind(), m_vocabSpin->value(), m_coverageSpin->value()};
    const auto text = corpus.text;
    const std::string outDir = m_pendingDir.toStdString();
    m_job->start([this, id, spec, text, outDir](const std::atomic_bool &cancelled) -> wizardui::BackgroundJob::Deliver {
        QElapsedTimer clock;
        clock.start();
        qint64 lastReport = -1000;
        auto progress = [&](double fraction) {
            // at most 20 reports a second reach the GUI
            if (clock.elapsed() - lastReport >= 50) {
                lastReport = clock.elapsed();
                QMetaObject::invokeMethod(
                    this, [this, id, fraction] { onTokenizerProgress(id, fraction); }, Qt::QueuedConnection);
            }
            return !cancelled.load();
        };
        int vocab = 0;
        double cpt = 0.0;
        QString pieces, error;
        auto tok = core::trainTokenizer(spec, *text, progress);
        if (!tok) {
            error = QString::fromStdString(tok.error());
        } else if (core::Status saved = (*tok)->save(outDir); !saved) {
            error = tr("Cannot save the tokenizer: %1").arg(QString::fromStdString(saved.error()));
        } else {
            vocab = (*tok)->vocabSize();
            cpt = measureCharsPerToken(**tok, *text);
            const std::string sentence = previewSentence(*text);
            if (auto enc = (*tok)->encode(sentence))
                pieces = cutIntoPieces(sentence, *enc).join(kPieceSeparator);
        }
        return [=] { onTokenizerTrained(id, vocab, cpt, pieces, error); };
    });
}

void WizardTokenizerPage::onTokenizerProgress(int requestId, double fraction)
{
    if (requestId != m_pendingRequest)
        return;
    m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * m_progress->maximum()));
}

void WizardTokenizerPage::onTokenizerTrained(int requestId, int vocabSize, double charsPerToken,
                                             const QString &previewPieces, const QString &error)
{
    if (requestId != m_pendingRequest)
        return; // superseded by newer settings
    m_pendingRequest = 0;
    if (!error.isEmpty()) {
        m_trainError = error;
        m_trainedKey.clear();
        m_progress->setValue(0);
        m_result->setText(tr("Training failed."));
        m_preview->clear();
    } else {
        m_trainedKey = m_pendingKey;
        m_trainedDir = m_pendingDir;
        m_trainedVocab = vocabSize;
        m_trainedCharsPerToken = charsPerToken;
        m_progress->setValue(m_progress->maximum());
        m_result->setText(tr("Vocabulary: %1 tokens · %2 characters per token")
                              .arg(QLocale().toString(vocabSize))
                              .arg(QLocale().toString(charsPerToken, 'f', 2)));
        m_preview->setText(piecesHtml(previewPieces));
    }
    wizardui::showProblem(m_error, problem());
    emit completeChanged();
    emit trainingFinished();
}

QString WizardTokenizerPage::piecesHtml(const QString &joinedPieces)
{
    // Four clearly different hues, light enough for dark text on a projector.
    static const char *colours[] = {"#ffc078", "#74c0fc", "#8ce99a", "#faa2c1"};
    QString html;
    int i = 0;
    for (const QString &piece : joinedPieces.split(kPieceSeparator, Qt::SkipEmptyParts)) {
        QString shown = piece.toHtmlEscaped();
        shown.replace(QLatin1Char(' '), QStringLiteral("·"));
        shown.replace(QLatin1Char('\t'), QStringLiteral("→"));
        shown.replace(QLatin1Char('\n'), QStringLiteral("↵"));
        html += QStringLiteral("<span style=\"background-color:%1; color:#111111;\">%2</span>&#8203;")
                    .arg(QLatin1String(colours[i++ % 4]), shown);
    }
    return html;
}

QString WizardTokenizerPage::problem() const
{
    core::RunConfig cfg = wizardui::baselineConfig();
    cfg.tokenizer = tokenizerConfig();
    if (QString p = wizardui::coreProblem(cfg); !p.isEmpty())
        return p;
    if (kind() == core::TokenizerKind::Char || usesSavedTokenizer())
        return {};
    if (!m_trainError.isEmpty())
        return tr("The tokenizer could not be trained: %1").arg(m_trainError);
    if (m_pendingRequest != 0)
        return {}; // training: Next waits, no complaint
    if (!m_trainedKey.isEmpty() && m_trainedKey != settingsKey())
        return tr("The settings or the corpus changed since the tokenizer was trained: press “Train tokenizer” "
                  "again.");
    if (!isTrained())
        return tr("The tokenizer is not trained yet: press “Train tokenizer” (Next needs a trained tokenizer).");
    return {};
}

bool WizardTokenizerPage::isComplete() const { return m_pendingRequest == 0 && problem().isEmpty() && isTrained(); }

bool WizardTokenizerPage::validatePage()
{
    wizardui::showProblem(m_error, problem());
    return isComplete();
}

} // namespace lmwb::widgets
