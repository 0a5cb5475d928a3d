#include "wizarddatapage.h"

#include "trainingwizard.h"

#include "util/utf8.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lmwb::widgets {

namespace {

QString sampleTitle(const core::SampleCorpus &s)
{
    if (s.id == "synthetic")
        return WizardDataPage::tr("Synthetic addition (built in)");
    if (s.id == "fortunes")
        return WizardDataPage::tr("Debian fortunes (English)");
    if (s.id == "tang300")
        return WizardDataPage::tr("Tang poems (Chinese)");
    if (s.id == "song100")
        return WizardDataPage::tr("Song lyrics (Chinese)");
    if (s.id == "chinese")
        return WizardDataPage::tr("Chinese fortunes");
    return QString::fromStdString(s.title);
}

// The first pairs as the model will see them: the prompt, then the response it learns.
QString pairsPreview(const std::vector<core::PromptPair> &pairs)
{
    QStringList out;
    // Newlines shown as ↵ (a response that ends with one teaches the model to stop there).
    const auto cut = [](const std::string &s) {
        QString t = QString::fromStdString(s);
        if (t.size() > 600)
            t = t.left(600) + QStringLiteral("…");
        t.replace(QLatin1Char('\n'), QStringLiteral("↵\n"));
        if (t.endsWith(QLatin1Char('\n')))
            t.chop(1);
        return t;
    };
    for (std::size_t i = 0; i < std::min<std::size_t>(4, pairs.size()); ++i) {
        const auto &p = pairs[i];
        out << WizardDataPage::tr("── %1 line %2 ── prompt:").arg(QFileInfo(QString::fromStdString(p.source)).fileName()).arg(p.line)
            << cut(p.prompt) << WizardDataPage::tr("── response (the loss counts these tokens):") << cut(p.completion)
            << QString();
    }
    return out.join(QLatin1Char('\n'));
}

// Everything the page shows, computed on the worker thread.
CorpusStats readCorpus(const core::DataConfig &data, int generation)
{
    CorpusStats st;
    st.generation = generation;
    auto corpus = core::loadCorpus(data);
    if (!corpus) {
        st.error = QString::fromStdString(corpus.error());
        return st;
    }
    for (const auto &n : corpus->notes)
        st.notes << QString::fromStdString(n);
    auto text = std::make_shared<std::string>(std::move(corpus->text));
    st.bytes = static_cast<qint64>(text->size());
    if (!corpus->sources.empty()) {
        st.bytes = 0;
        for (const auto &s : corpus->sources)
            st.bytes += static_cast<qint64>(s.bytes);
    }
    // Code points and distinct code points in one pass, without a decoded copy (loadCorpus
    // has checked that the text is valid UTF-8).
    std::vector<bool> seen(0x110000, false);
    const auto *bytes = reinterpret_cast<const unsigned char *>(text->data());
    for (std::size_t i = 0, n = text->size(); i < n;) {
        const int len = std::max(1, core::utf8SequenceLength(bytes[i]));
        char32_t c = len == 1 ? bytes[i] : bytes[i] & (0xFF >> (len + 1));
        for (int k = 1; k < len && i + k < n; ++k)
            c = (c << 6) | (bytes[i + k] & 0x3F);
        i += static_cast<std::size_t>(len);
        ++st.characters;
        if (c < seen.size() && !seen[c]) {
            seen[c] = true;
            ++st.distinctCharacters;
        }
    }
    // The first lines, each cut to a screen width.
    QStringList lines;
    std::size_t pos = 0;
    while (lines.size() < 14 && pos < text->size()) {
        std::size_t eol = text->find('\n', pos);
        if (eol == std::string::npos)
            eol = text->size();
        QString line = QString::fromUtf8(text->data() + pos, static_cast<qsizetype>(std::min<std::size_t>(eol - pos, 1000)));
        if (line.size() > 160)
            line = line.left(160) + QStringLiteral("…");
        lines << line;
        pos = eol + 1;
    }
    st.preview = lines.join(QLatin1Char('\n'));
    if (data.format == "pairs") {
        st.preview = pairsPreview(corpus->pairs);
        st.pairs = static_cast<qint64>(corpus->pairs.size());
    }
    st.description = QString::fromStdString(corpus->description);
    st.text = std::move(text);
    st.loaded = true;
    return st;
}

} // namespace

WizardDataPage::WizardDataPage(QWidget *parent)
    : QWizardPage(parent), m_samples(core::sampleCorpora()), m_job(std::make_unique<wizardui::BackgroundJob>(this))
{
    setTitle(tr("Training data"));
    setSubTitle(tr("The text the model learns from. Choose files or a folder, drop them onto this page, "
                   "or take one of the sample corpora."));
    setAcceptDrops(true);

    // --- sample corpus ---
    m_sampleRadio = new QRadioButton(tr("Sample corpus"), this);
    m_sampleRadio->setObjectName(QStringLiteral("sampleRadio"));
    wizardui::setTip(m_sampleRadio, tr("Train on one of the corpora that come with LM Workbench or with Debian packages."));
    m_sampleCombo = new QComboBox(this);
    m_sampleCombo->setObjectName(QStringLiteral("sampleCorpusCombo"));
    wizardui::setTip(m_sampleCombo,
                     tr("Synthetic addition needs no file and trains in a minute: a good first run. The fortunes "
                        "(English) and the Chinese poems come from the Debian packages fortunes and fortunes-zh; "
                        "grey entries are not installed."));
    auto *model = new QStandardItemModel(m_sampleCombo);
    for (const auto &s : m_samples) {
        auto *item = new QStandardItem(sampleTitle(s));
        item->setData(QString::fromStdString(s.id), Qt::UserRole);
        if (!s.available) {
            item->setText(tr("%1 — install the %2 package").arg(sampleTitle(s), QString::fromStdString(s.package)));
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        }
        model->appendRow(item);
    }
    m_sampleCombo->setModel(model);

    m_syntheticBox = new QWidget(this);
    m_examplesSpin = new QSpinBox(m_syntheticBox);
    m_examplesSpin->setObjectName(QStringLiteral("syntheticExamplesSpin"));
    m_examplesSpin->setRange(10, 10'000'000);
    m_examplesSpin->setSingleStep(1000);
    m_examplesSpin->setValue(20000);
    m_examplesSpin->setGroupSeparatorShown(true);
    m_digitsSpin = new QSpinBox(m_syntheticBox);
    m_digitsSpin->setObjectName(QStringLiteral("syntheticDigitsSpin"));
    m_digitsSpin->setRange(1, 9);
    m_digitsSpin->setValue(2);
    auto *synthForm = new QFormLayout(m_syntheticBox);
    synthForm->setContentsMargins(0, 0, 0, 0);
    auto *examplesLabel = new QLabel(tr("Problems:"), m_syntheticBox);
    auto *digitsLabel = new QLabel(tr("Digits per number:"), m_syntheticBox);
    synthForm->addRow(examplesLabel, m_examplesSpin);
    synthForm->addRow(digitsLabel, m_digitsSpin);
    wizardui::setTip(m_examplesSpin, tr("How many \"a+b=c\" lines to generate (data.synthetic_examples). "
                                        "20,000 is plenty for two-digit numbers."), examplesLabel);
    wizardui::setTip(m_digitsSpin, tr("Digits of each operand (data.synthetic_digits). With 2 a tiny model "
                                      "learns to add in a few hundred steps; 3 or more takes longer."),
                     digitsLabel);

    // --- files ---
    m_filesRadio = new QRadioButton(tr("My files or folder"), this);
    m_filesRadio->setObjectName(QStringLiteral("filesRadio"));
    wizardui::setTip(m_filesRadio, tr("Train on your own UTF-8 text files. A folder is read recursively; "
                                      "hidden files are skipped."));
    m_filesBox = new QWidget(this);
    m_fileList = new QListWidget(m_filesBox);
    m_fileList->setObjectName(QStringLiteral("dataFileList"));
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setMinimumHeight(60);
    m_fileList->setMaximumHeight(110);
    wizardui::setTip(m_fileList, tr("The files and folders to train on, read in this order. Drop files or a "
                                    "folder anywhere on this page to add them."));
    m_addFiles = new QPushButton(tr("Add files…"), m_filesBox);
    m_addFiles->setObjectName(QStringLiteral("addFilesButton"));
    wizardui::setTip(m_addFiles, tr("Add one or more text files (UTF-8)."));
    m_addFolder = new QPushButton(tr("Add folder…"), m_filesBox);
    m_addFolder->setObjectName(QStringLiteral("addFolderButton"));
    wizardui::setTip(m_addFolder, tr("Add every file of a folder and its subfolders."));
    m_removeFile = new QPushButton(tr("Remove"), m_filesBox);
    m_removeFile->setObjectName(QStringLiteral("removeFileButton"));
    wizardui::setTip(m_removeFile, tr("Remove the selected entries from the list."));
    m_formatCombo = new QComboBox(m_filesBox);
    m_formatCombo->setObjectName(QStringLiteral("dataFormatCombo"));
    m_formatCombo->addItem(tr("Plain text"), QStringLiteral("text"));
    m_formatCombo->addItem(tr("Fortune file (entries between % lines)"), QStringLiteral("fortune"));
    m_formatCombo->addItem(tr("Prompt/response pairs (JSONL)"), QStringLiteral("pairs"));
    auto *formatLabel = new QLabel(tr("Format:"), m_filesBox);
    wizardui::setTip(m_formatCombo, tr("data.format. Plain text is used as it is. Fortune files have entries "
                                       "separated by lines holding only %; the separators and colour escapes "
                                       "are removed. Prompt/response pairs are JSONL, one {\"prompt\", "
                                       "\"completion\"} or Alpaca {\"instruction\", \"input\", \"output\"} "
                                       "object a line; the loss counts the response tokens only."),
                     formatLabel);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_addFiles);
    buttons->addWidget(m_addFolder);
    buttons->addWidget(m_removeFile);
    buttons->addStretch(1);
    auto *dropHint = new QLabel(tr("Tip: drop files or a folder anywhere on this page."), m_filesBox);
    dropHint->setStyleSheet(QStringLiteral("QLabel { color: #555555; }"));
    auto *filesGrid = new QGridLayout(m_filesBox);
    filesGrid->setContentsMargins(0, 0, 0, 0);
    filesGrid->addWidget(m_fileList, 0, 0, 1, 2);
    filesGrid->addLayout(buttons, 0, 2);
    filesGrid->addWidget(dropHint, 1, 0, 1, 3);
    filesGrid->addWidget(formatLabel, 2, 0);
    filesGrid->addWidget(m_formatCombo, 2, 1, 1, 2);
    filesGrid->setColumnStretch(1, 1);

    auto *group = new QButtonGroup(this);
    group->addButton(m_sampleRadio);
    group->addButton(m_filesRadio);
    m_sampleRadio->setChecked(true);

    // --- split and what was read ---
    m_valSpin = new QDoubleSpinBox(this);
    m_valSpin->setObjectName(QStringLiteral("valFractionSpin"));
    m_valSpin->setRange(0.0, 0.5);
    m_valSpin->setDecimals(3);
    m_valSpin->setSingleStep(0.05);
    m_valSpin->setValue(0.1);
    auto *valLabel = new QLabel(tr("Validation fraction:"), this);
    wizardui::setTip(m_valSpin, tr("data.val_fraction: the last part of the corpus held out to measure the "
                                   "validation loss, which tells you whether the model generalises or only "
                                   "memorises. 0.1 (10 %) as in nanoGPT; 0 turns validation off."),
                     valLabel);
    m_split = new QLabel(this);
    m_split->setObjectName(QStringLiteral("splitLabel"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("dataInfoLabel"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("dataNotesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; }")); // a warning, not an error
    m_notes->setVisible(false);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("dataPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(wizardui::monospaceFont(this));
    m_preview->setToolTip(tr("The first lines of the corpus, as the tokenizer and the model will see them."));
    m_error = wizardui::makeErrorLabel(QStringLiteral("dataErrorLabel"), this);

    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sampleRadio);
    sampleRow->addWidget(m_sampleCombo, 1);
    auto *valRow = new QHBoxLayout;
    valRow->addWidget(valLabel);
    valRow->addWidget(m_valSpin);
    valRow->addSpacing(12);
    valRow->addWidget(m_split, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sampleRow);
    auto *synthIndent = new QHBoxLayout;
    synthIndent->setContentsMargins(28, 0, 0, 0);
    synthIndent->addWidget(m_syntheticBox);
    synthIndent->addStretch(1);
    layout->addLayout(synthIndent);
    layout->addWidget(m_filesRadio);
    auto *filesIndent = new QHBoxLayout;
    filesIndent->setContentsMargins(28, 0, 0, 0);
    filesIndent->addWidget(m_filesBox);
    layout->addLayout(filesIndent);
    layout->addLayout(valRow);
    layout->addWidget(m_info);
    layout->addWidget(m_notes);
    m_previewLabel = new QLabel(tr("First lines:"), this);
    m_previewLabel->setBuddy(m_preview);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_error);

    connect(m_sampleRadio, &QRadioButton::toggled, this, [this] {
        updateModeWidgets();
        reload();
    });
    connect(m_sampleCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateModeWidgets();
        reload();
    });
    connect(m_examplesSpin, &QSpinBox::valueChanged, this, &WizardDataPage::reload);
    connect(m_digitsSpin, &QSpinBox::valueChanged, this, &WizardDataPage::reload);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateModeWidgets();
        reload();
    });
    connect(m_valSpin, &QDoubleSpinBox::valueChanged, this, [this] {
        updateSplit();
        emit completeChanged();
    });
    connect(m_addFiles, &QPushButton::clicked, this, [this] {
        const bool pairs = m_formatCombo->currentData().toString() == QLatin1String("pairs");
        const QStringList files = QFileDialog::getOpenFileNames(
            this, pairs ? tr("Prompt/response pairs to train on") : tr("Text files to train on"), QString(),
            pairs ? tr("JSON Lines (*.jsonl *.json);;All files (*)") : tr("Text files (*.txt *.md *.csv);;All files (*)"));
        if (!files.isEmpty())
            addPaths(files);
    });
    connect(m_addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of text files to train on"));
        if (!dir.isEmpty())
            addPaths({dir});
    });
    connect(m_removeFile, &QPushButton::clicked, this, [this] {
        const auto selected = m_fileList->selectedItems();
        for (auto *item : selected)
            delete item;
        reload();
    });

    updateModeWidgets();
    reload();
}

WizardDataPage::~WizardDataPage() { m_job->stop(); }

const core::SampleCorpus *WizardDataPage::currentSample() const
{
    const QString id = m_sampleCombo->currentData().toString();
    for (const auto &s : m_samples)
        if (QString::fromStdString(s.id) == id)
            return &s;
    return nullptr;
}

bool WizardDataPage::selectSample(const QString &id)
{
    for (int i = 0; i < m_sampleCombo->count(); ++i) {
        if (m_sampleCombo->itemData(i).toString() != id)
            continue;
        auto *model = static_cast<QStandardItemModel *>(m_sampleCombo->model());
        if (!(model->item(i)->flags() & Qt::ItemIsEnabled))
            return false;
        m_sampleRadio->setChecked(true);
        m_sampleCombo->setCurrentIndex(i);
        return true;
    }
    return false;
}

void WizardDataPage::setFiles(const QStringList &paths)
{
    m_fileList->clear();
    addPaths(paths);
}

void WizardDataPage::addPaths(const QStringList &paths)
{
    for (const QString &p : paths) {
        const QString clean = QDir::cleanPath(QFileInfo(p).absoluteFilePath());
        if (m_fileList->findItems(QDir::toNativeSeparators(clean), Qt::MatchExactly).isEmpty()) {
            auto *item = new QListWidgetItem(QDir::toNativeSeparators(clean), m_fileList);
            item->setData(Qt::UserRole, clean);
            item->setToolTip(QFileInfo(clean).isDir() ? tr("Folder, read recursively") : tr("File"));
        }
    }
    const QSignalBlocker block(m_sampleRadio);
    m_filesRadio->setChecked(true);
    updateModeWidgets();
    reload();
}

void WizardDataPage::setValFraction(double fraction) { m_valSpin->setValue(fraction); }

void WizardDataPage::setPairsMode(bool on)
{
    if (on == m_pairsMode)
        return;
    m_pairsMode = on;
    {
        const QSignalBlocker blockRadio(m_sampleRadio);
        const QSignalBlocker blockFormat(m_formatCombo);
        if (on) {
            m_filesRadio->setChecked(true);
            m_formatCombo->setCurrentIndex(m_formatCombo->findData(QStringLiteral("pairs")));
        } else if (m_formatCombo->currentData().toString() == QLatin1String("pairs")) {
            m_formatCombo->setCurrentIndex(m_formatCombo->findData(QStringLiteral("text")));
        }
    }
    setSubTitle(on ? tr("The prompt/response pairs to fine-tune on: JSONL files, one example a line. Lines that "
                        "are not valid JSON or lack their fields are listed and skipped; the rest loads.")
                   : tr("The text the model learns from. Choose files or a folder, drop them onto this page, "
                        "or take one of the sample corpora."));
    updateModeWidgets();
    reload();
}

int WizardDataPage::nextId() const
{
    const auto *w = qobject_cast<const TrainingWizard *>(wizard());
    return w && w->isFineTune() ? TrainingWizard::TrainingPageId : TrainingWizard::TokenizerPageId;
}

core::DataConfig WizardDataPage::dataConfig() const
{
    core::DataConfig d;
    if (m_sampleRadio->isChecked()) {
        if (const auto *s = currentSample())
            d = core::dataConfigForSample(*s);
        if (d.format == "synthetic") {
            d.syntheticExamples = m_examplesSpin->value();
            d.syntheticDigits = m_digitsSpin->value();
        }
    } else {
        d.format = m_formatCombo->currentData().toString().toStdString();
        for (int i = 0; i < m_fileList->count(); ++i)
            d.train.push_back(m_fileList->item(i)->data(Qt::UserRole).toString().toStdString());
    }
    d.valFraction = m_valSpin->value();
    return d;
}

QString WizardDataPage::corpusName() const
{
    QString name;
    if (m_sampleRadio->isChecked())
        name = m_sampleCombo->currentData().toString();
    else if (m_fileList->count() > 0)
        name = QFileInfo(m_fileList->item(0)->data(Qt::UserRole).toString()).completeBaseName();
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
    return name.isEmpty() ? QStringLiteral("run") : name;
}

bool WizardDataPage::isLoading() const { return m_stats.generation != m_generation; }

void WizardDataPage::updateModeWidgets()
{
    const bool sample = m_sampleRadio->isChecked();
    m_sampleCombo->setEnabled(sample);
    const auto *s = currentSample();
    m_syntheticBox->setVisible(sample && s && s->format == "synthetic");
    m_filesBox->setEnabled(!sample);
    m_sampleRadio->setEnabled(!m_pairsMode);
    m_formatCombo->setEnabled(!m_pairsMode);
    const bool pairs = !sample && m_formatCombo->currentData().toString() == QLatin1String("pairs");
    m_previewLabel->setText(pairs ? tr("First pairs:") : tr("First lines:"));
    m_preview->setToolTip(pairs ? tr("The first pairs: the prompt the model reads and the response it learns.")
                                : tr("The first lines of the corpus, as the tokenizer and the model will see them."));
}

void WizardDataPage::reload()
{
    const int generation = ++m_generation;
    const core::DataConfig data = dataConfig();
    m_info->setText(tr("Reading the corpus…"));
    emit completeChanged();
    if (!m_sampleRadio->isChecked() && data.train.empty()) {
        CorpusStats none;
        none.generation = generation;
        m_stats = none;
        showStats();
        return;
    }
    m_job->start([this, data, generation](const std::atomic_bool &) -> wizardui::BackgroundJob::Deliver {
        auto stats = std::make_shared<CorpusStats>(readCorpus(data, generation));
        return [this, stats] {
            if (stats->generation != m_generation)
                return;
            m_stats = *stats;
            showStats();
        };
    });
}

void WizardDataPage::showStats()
{
    const QLocale loc;
    if (m_stats.loaded && m_stats.pairs > 0) {
        m_info->setText(tr("Prompt/response pairs: %1 · %2")
                            .arg(loc.toString(m_stats.pairs), loc.formattedDataSize(m_stats.bytes)));
        m_preview->setPlainText(m_stats.preview);
    } else if (m_stats.loaded) {
        m_info->setText(tr("%1 · %2 characters · %3 distinct characters · %4")
                            .arg(loc.formattedDataSize(m_stats.bytes), loc.toString(m_stats.characters),
                                 loc.toString(m_stats.distinctCharacters), m_stats.description));
        m_preview->setPlainText(m_stats.preview);
    } else {
        m_info->setText(QString());
        m_preview->clear();
    }
    if (!m_stats.notes.isEmpty()) {
        constexpr int kShown = 6;
        QStringList shown = m_stats.notes.mid(0, kShown);
        for (QString &n : shown)
            n = QDir::toNativeSeparators(n);
        QString text = tr("Lines skipped (the rest is used): %1").arg(loc.toString(m_stats.notes.size())) +
                       QStringLiteral("\n• ") + shown.join(QStringLiteral("\n• "));
        if (m_stats.notes.size() > kShown)
            text += QLatin1Char('\n') + tr("… and %1 more").arg(loc.toString(m_stats.notes.size() - kShown));
        m_notes->setText(text);
    }
    m_notes->setVisible(!m_stats.notes.isEmpty());
    updateSplit();
    wizardui::showProblem(m_error, problem());
    emit completeChanged();
    emit corpusChanged();
}

void WizardDataPage::updateSplit()
{
    if (!m_stats.loaded) {
        m_split->clear();
        return;
    }
    const QLocale loc;
    const double f = m_valSpin->value();
    if (m_stats.pairs > 0) {
        // As the trainer splits them: the last val_fraction of the pairs, at least one.
        const qint64 n = m_stats.pairs;
        const qint64 val = core::validationPairs(n, f);
        if (val == 0)
            m_split->setText(tr("%1 pairs train / no validation").arg(loc.toString(n)));
        else
            m_split->setText(tr("%1 pairs train / %2 validation").arg(loc.toString(n - val), loc.toString(val)));
        return;
    }
    const auto train = static_cast<qint64>(std::floor(static_cast<double>(m_stats.characters) * (1.0 - f)));
    const qint64 val = m_stats.characters - train;
    if (f <= 0.0)
        m_split->setText(tr("%1 characters train / no validation").arg(loc.toString(train)));
    else
        m_split->setText(tr("%1 characters train / %2 validation").arg(loc.toString(train), loc.toString(val)));
}

QString WizardDataPage::problem() const
{
    if (m_filesRadio->isChecked() && m_fileList->count() == 0)
        return tr("No data chosen (data.train is empty): add a text file or a folder, drop one onto this "
                  "page, or choose a sample corpus.");
    if (m_sampleRadio->isChecked() && !currentSample())
        return tr("Choose a sample corpus.");
    if (isLoading())
        return {};
    if (!m_stats.error.isEmpty())
        return tr("This corpus cannot be used: %1").arg(m_stats.error);
    if (m_pairsMode && m_formatCombo->currentData().toString() != QLatin1String("pairs"))
        return tr("Fine-tuning on prompt/response pairs needs JSONL files in the pairs format.");
    if (m_stats.pairs > 0 && m_stats.pairs - core::validationPairs(m_stats.pairs, m_valSpin->value()) < 1)
        return tr("Too few pairs (%1) for a validation split: add pairs or set the validation fraction to 0.")
            .arg(m_stats.pairs);
    core::RunConfig cfg = wizardui::baselineConfig();
    cfg.data = dataConfig();
    return wizardui::coreProblem(cfg);
}

bool WizardDataPage::isComplete() const { return !isLoading() && m_stats.loaded && problem().isEmpty(); }

bool WizardDataPage::validatePage()
{
    wizardui::showProblem(m_error, problem());
    return isComplete();
}

void WizardDataPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
    event->ignore();
}

void WizardDataPage::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    addPaths(paths);
    event->acceptProposedAction();
}

} // namespace lmwb::widgets
