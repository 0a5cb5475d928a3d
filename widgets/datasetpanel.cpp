#include "datasetpanel.h"

#include "batchview.h"
#include "inspectorstate.h"
#include "tokenview.h"
#include "trainingwizard.h"

#include "data/corpus.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lmwb::widgets {

namespace {
constexpr std::size_t kPageBytes = 12 * 1024;

QString sampleTitle(const core::SampleCorpus &s)
{
    if (s.id == "synthetic")
        return DatasetPanel::tr("Synthetic additions (built in)");
    if (s.id == "fortunes")
        return DatasetPanel::tr("Debian fortunes (English)");
    if (s.id == "tang300")
        return DatasetPanel::tr("Tang poems (Chinese)");
    if (s.id == "song100")
        return DatasetPanel::tr("Song lyrics (Chinese)");
    if (s.id == "chinese")
        return DatasetPanel::tr("Chinese fortunes");
    return QString::fromStdString(s.title);
}

QTableWidgetItem *numberItem(qint64 v)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, v);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

DatasetPanel::DatasetPanel(InspectorState *state, QWidget *parent)
    : QWidget(parent), m_state(state), m_job(std::make_unique<wizardui::BackgroundJob>(this))
{
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("datasetSourceCombo"));
    m_source->addItem(tr("Choose a corpus…"), QString());
    for (const auto &s : core::sampleCorpora())
        if (s.available)
            m_source->addItem(sampleTitle(s), QString::fromStdString(s.id));
    m_filesButton = new QPushButton(tr("Open files…"), this);
    m_folderButton = new QPushButton(tr("Open folder…"), this);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("datasetFormatCombo"));
    m_format->addItem(tr("Plain text"), QStringLiteral("text"));
    m_format->addItem(tr("Fortune files (% separated)"), QStringLiteral("fortune"));
    m_format->setToolTip(tr("data.format for files you open: fortune files drop their % separators and colour codes."));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("datasetProgressBar"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("datasetStatusLabel"));
    m_error = wizardui::makeErrorLabel(QStringLiteral("datasetErrorLabel"), this);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Corpus:"), this));
    top->addWidget(m_source);
    top->addWidget(m_filesButton);
    top->addWidget(m_folderButton);
    top->addWidget(m_format);
    top->addSpacing(12);
    top->addWidget(m_progress);
    top->addWidget(m_status, 1);

    // --- files ---
    m_files = new QTableWidget(0, 6, this);
    m_files->setObjectName(QStringLiteral("datasetFilesTable"));
    m_files->setHorizontalHeaderLabels(
        {tr("File"), tr("Bytes"), tr("Characters"), tr("Lines"), tr("Distinct characters"), tr("Encoding")});
    m_files->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->setSortingEnabled(true);
    m_files->verticalHeader()->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("datasetSummaryLabel"));
    m_summary->setWordWrap(true);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("datasetPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(wizardui::monospaceFont(this, 1.1));
    m_page = new QSpinBox(this);
    m_page->setObjectName(QStringLiteral("datasetPageSpin"));
    m_page->setRange(1, 1);
    m_pageLabel = new QLabel(this);
    auto *filesTab = new QWidget(this);
    auto *fl = new QVBoxLayout(filesTab);
    fl->addWidget(m_files, 2);
    fl->addWidget(m_summary);
    auto *pageRow = new QHBoxLayout;
    pageRow->addWidget(new QLabel(tr("Preview (the text as training reads it), page"), this));
    pageRow->addWidget(m_page);
    pageRow->addWidget(m_pageLabel, 1);
    fl->addLayout(pageRow);
    fl->addWidget(m_preview, 3);

    // --- token lengths and split ---
    m_tokenizer = new QComboBox(this);
    m_tokenizer->setObjectName(QStringLiteral("datasetTokenizerCombo"));
    m_tokenizer->setMinimumContentsLength(24);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("datasetUnitCombo"));
    m_unit->addItem(tr("Lines"));
    m_unit->addItem(tr("Documents (blocks between blank lines)"));
    m_histogram = new QCustomPlot(this);
    m_histogram->setObjectName(QStringLiteral("datasetHistogram"));
    m_histogram->setMinimumHeight(240);
    m_histogram->xAxis->setLabel(tr("length in tokens"));
    m_histogram->yAxis->setLabel(tr("count"));
    auto *bars = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
    bars->setBrush(QColor(0x74c0fc));
    bars->setPen(QPen(QColor(0x1c7ed6)));
    m_split = new QLabel(this);
    m_split->setObjectName(QStringLiteral("datasetSplitLabel"));
    m_split->setWordWrap(true);
    m_split->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *lengthsTab = new QWidget(this);
    auto *ll = new QVBoxLayout(lengthsTab);
    auto *tokRow = new QHBoxLayout;
    tokRow->addWidget(new QLabel(tr("Tokenizer:"), this));
    tokRow->addWidget(m_tokenizer);
    tokRow->addWidget(new QLabel(tr("Lengths of:"), this));
    tokRow->addWidget(m_unit);
    tokRow->addStretch(1);
    ll->addLayout(tokRow);
    ll->addWidget(m_histogram, 1);
    ll->addWidget(m_split);

    // --- the batch ---
    auto spin = [this](const char *name, int lo, int hi, int value) {
        auto *s = new QSpinBox(this);
        s->setObjectName(QLatin1String(name));
        s->setRange(lo, hi);
        s->setValue(value);
        return s;
    };
    const core::RunConfig defaults;
    m_blockSize = spin("batchBlockSizeSpin", 1, 8192, defaults.model.blockSize);
    m_batchSize = spin("batchBatchSizeSpin", 1, 512, defaults.training.batchSize);
    m_seed = new QLineEdit(QString::number(defaults.training.seed), this);
    m_seed->setObjectName(QStringLiteral("batchSeedEdit"));
    m_seed->setMaximumWidth(200);
    m_batchNumber = spin("batchNumberSpin", 1, 1000000, 1);
    m_blockSize->setToolTip(tr("model.block_size: tokens per row"));
    m_batchSize->setToolTip(tr("training.batch_size: rows per batch"));
    m_seed->setToolTip(tr("training.seed: the trainer seeds its batch sampler with it"));
    m_batchNumber->setToolTip(tr("The n-th batch the trainer draws: the batch of step n when "
                                 "gradient_accumulation_steps is 1 (evaluation uses its own sampler)."));
    auto *drawButton = new QPushButton(tr("Draw batch"), this);
    drawButton->setObjectName(QStringLiteral("drawBatchButton"));
    m_batchInfo = new QLabel(this);
    m_batchInfo->setObjectName(QStringLiteral("batchInfoLabel"));
    m_batchInfo->setWordWrap(true);
    auto *batchTab = new QWidget(this);
    auto *bl = new QVBoxLayout(batchTab);
    auto *batchRow = new QHBoxLayout;
    for (auto [label, w] : {std::pair<QString, QWidget *>{tr("Block size:"), m_blockSize},
                            std::pair<QString, QWidget *>{tr("Batch size:"), m_batchSize},
                            std::pair<QString, QWidget *>{tr("Seed:"), m_seed},
                            std::pair<QString, QWidget *>{tr("Batch number:"), m_batchNumber}}) {
        batchRow->addWidget(new QLabel(label, this));
        batchRow->addWidget(w);
    }
    batchRow->addWidget(drawButton);
    batchRow->addStretch(1);
    bl->addLayout(batchRow);
    bl->addWidget(m_batchInfo);
    m_batchView = new BatchView(this);
    bl->addWidget(m_batchView, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("datasetTabs"));
    m_tabs->addTab(filesTab, tr("Files && preview"));
    m_tabs->addTab(lengthsTab, tr("Token lengths && split"));
    m_tabs->addTab(batchTab, tr("What the model sees"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    connect(m_source, &QComboBox::activated, this, &DatasetPanel::chooseSource);
    connect(m_filesButton, &QPushButton::clicked, this, [this] { openFiles(false); });
    connect(m_folderButton, &QPushButton::clicked, this, [this] { openFiles(true); });
    connect(m_page, &QSpinBox::valueChanged, this, [this](int p) { setPreviewPage(p); });
    connect(m_tokenizer, &QComboBox::currentIndexChanged, this, &DatasetPanel::tokenize);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &DatasetPanel::tokenize);
    connect(drawButton, &QPushButton::clicked, this, &DatasetPanel::drawBatch);
    connect(m_state, &InspectorState::tokenizersChanged, this, [this] {
        m_state->fillCombo(m_tokenizer);
        if (!m_preferred.isEmpty() && m_tokenizer->findText(m_preferred) >= 0) {
            m_tokenizer->setCurrentIndex(m_tokenizer->findText(m_preferred));
            m_preferred.clear();
        }
    });
    connect(m_state, &InspectorState::runConfigChanged, this, [this] {
        const auto &c = m_state->runConfig();
        setBatchSettings(c.model.blockSize, c.training.batchSize, c.training.seed, m_batchNumber->value());
    });
}

DatasetPanel::~DatasetPanel() { m_job->stop(); }

bool DatasetPanel::isBusy() const { return m_busy; }

void DatasetPanel::setPreferredTokenizer(const QString &name)
{
    const int i = m_tokenizer->findText(name);
    if (i >= 0)
        m_tokenizer->setCurrentIndex(i);
    else
        m_preferred = name;
}

void DatasetPanel::showError(const QString &error) { wizardui::showProblem(m_error, error); }

QVector<TokenView *> DatasetPanel::batchViews() const { return m_batchView->views(); }

QString DatasetPanel::tokenizerName() const { return m_tokenizer->currentText(); }

void DatasetPanel::chooseSource()
{
    const QString id = m_source->currentData().toString();
    for (const auto &s : core::sampleCorpora())
        if (QString::fromStdString(s.id) == id)
            loadData(core::dataConfigForSample(s), id);
}

void DatasetPanel::openFiles(bool folder)
{
    QStringList paths;
    if (folder) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of text files"));
        if (!dir.isEmpty())
            paths << dir;
    } else {
        paths = QFileDialog::getOpenFileNames(this, tr("Open text files"));
    }
    if (paths.isEmpty())
        return;
    core::DataConfig d;
    d.format = m_format->currentData().toString().toStdString();
    for (const auto &p : paths)
        d.train.push_back(p.toStdString());
    loadData(d, QFileInfo(paths.first()).fileName());
}

void DatasetPanel::setBusy(const QString &what)
{
    m_busy = !what.isEmpty();
    m_status->setText(m_busy ? what : m_idleText);
    if (m_busy)
        m_progress->setValue(0);
}

void DatasetPanel::onProgress(int request, double fraction)
{
    if (request == m_request)
        m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * m_progress->maximum()));
}

void DatasetPanel::loadData(const core::DataConfig &data, const QString &name, uint64_t seed,
                            const QString &preferredTokenizer)
{
    const int id = ++m_request;
    const int sample = m_source->findData(name);
    m_source->setItemText(0, sample > 0 ? tr("Choose a corpus…") : name);
    m_source->setCurrentIndex(std::max(0, sample));
    if (const int f = m_format->findData(QString::fromStdString(data.format)); f >= 0)
        m_format->setCurrentIndex(f);
    m_preferred.clear();
    setPreferredTokenizer(preferredTokenizer.isEmpty() ? QStringLiteral("char · %1").arg(name) : preferredTokenizer);
    setBusy(tr("Reading %1…").arg(name));
    m_loading = true;
    m_idleText.clear();
    wizardui::showProblem(m_error, {});
    m_job->start([this, id, data, name, seed](const std::atomic_bool &cancelled) -> wizardui::BackgroundJob::Deliver {
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1000;
        auto progress = [&](double f) {
            if (clock.elapsed() - last >= 50) { // at most 20 reports a second
                last = clock.elapsed();
                QMetaObject::invokeMethod(this, [this, id, f] { onProgress(id, f); }, Qt::QueuedConnection);
            }
            return !cancelled.load();
        };
        auto report = std::make_shared<DatasetReport>(readDataset(data, seed, progress));
        // A char tokenizer of the corpus: always there to look at, and what a char run uses.
        core::TokenizerPtr chars;
        if (report->text)
            if (auto t = core::trainTokenizer({core::TokenizerKind::Char, 0, 1.0}, *report->text))
                chars = *t;
        return [this, id, report, data, name, chars] {
            if (id != m_request)
                return;
            m_report = *report;
            m_loading = false;
            setBusy({});
            m_progress->setValue(m_progress->maximum());
            if (m_report.text) {
                m_state->setCorpus(m_report.text, data, name);
                if (chars) {
                    m_state->addTokenizer({QStringLiteral("char · %1").arg(name), QString(), chars});
                }
            }
            showReport();
            emit loaded();
            tokenize();
        };
    });
}

void DatasetPanel::showReport()
{
    const DatasetReport &r = m_report;
    wizardui::showProblem(m_error, r.error);
    m_files->setSortingEnabled(false);
    m_files->setRowCount(static_cast<int>(r.files.size()));
    for (int i = 0; i < r.files.size(); ++i) {
        const FileReport &f = r.files[i];
        auto *name = new QTableWidgetItem(QDir::toNativeSeparators(f.path));
        name->setToolTip(name->text());
        m_files->setItem(i, 0, name);
        m_files->setItem(i, 1, numberItem(f.bytes));
        m_files->setItem(i, 2, numberItem(f.characters));
        m_files->setItem(i, 3, numberItem(f.lines));
        m_files->setItem(i, 4, numberItem(f.uniqueCharacters));
        QString enc;
        if (!f.error.isEmpty())
            enc = f.error;
        else if (f.firstInvalid < 0)
            enc = tr("UTF-8 ✓");
        else {
            QStringList offsets;
            for (qint64 o : f.invalidOffsets)
                offsets << QString::number(o);
            enc = tr("not UTF-8: %n bad byte(s) at %1", nullptr, static_cast<int>(f.invalidBytes))
                      .arg(offsets.join(QStringLiteral(", ")) + (f.invalidBytes > f.invalidOffsets.size() ? QStringLiteral(", …") : QString()));
        }
        auto *e = new QTableWidgetItem(enc);
        if (f.firstInvalid >= 0 || !f.error.isEmpty())
            e->setForeground(QColor(0xc62828));
        m_files->setItem(i, 5, e);
    }
    m_files->setSortingEnabled(true);
    m_files->resizeColumnsToContents();
    if (r.text) {
        m_summary->setText(tr("As training reads it: %1 bytes, %2 characters, %3 lines, %4 distinct characters (%5).")
                               .arg(QLocale().toString(static_cast<qint64>(r.text->size())),
                                    QLocale().toString(r.characters), QLocale().toString(r.lines),
                                    QLocale().toString(r.uniqueCharacters), r.description));
    } else {
        m_summary->clear();
    }
    // Preview pages cut at character boundaries.
    m_pageStarts.clear();
    if (r.text) {
        const std::string &t = *r.text;
        for (std::size_t p = 0; p < t.size();) {
            m_pageStarts.push_back(p);
            std::size_t e = std::min(t.size(), p + kPageBytes);
            const std::size_t nl = e < t.size() ? t.rfind('\n', e) : std::string::npos;
            if (nl != std::string::npos && nl > p + kPageBytes / 2)
                e = nl + 1; // end pages at a line end when one is near
            while (e < t.size() && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80)
                ++e;
            p = e;
        }
    }
    m_page->setRange(1, std::max<int>(1, static_cast<int>(m_pageStarts.size())));
    setPreviewPage(1);
}

int DatasetPanel::previewPageCount() const { return static_cast<int>(m_pageStarts.size()); }

void DatasetPanel::setPreviewPage(int page)
{
    if (m_page->value() != page) {
        m_page->setValue(page); // comes back here through valueChanged
        return;
    }
    if (!m_report.text || m_pageStarts.empty()) {
        m_preview->clear();
        m_pageLabel->clear();
        return;
    }
    const auto i = static_cast<std::size_t>(std::clamp(page, 1, previewPageCount()) - 1);
    const std::size_t b = m_pageStarts[i];
    const std::size_t e = i + 1 < m_pageStarts.size() ? m_pageStarts[i + 1] : m_report.text->size();
    m_preview->setPlainText(QString::fromUtf8(m_report.text->data() + b, static_cast<qsizetype>(e - b)));
    m_pageLabel->setText(tr("of %1 · bytes %2–%3").arg(previewPageCount()).arg(b).arg(e));
}

void DatasetPanel::tokenize()
{
    const auto tok = m_state->tokenizer(m_tokenizer->currentIndex());
    const auto text = m_state->corpusText();
    if (!tok || !text || m_loading)
        return;
    const int id = ++m_request;
    setBusy(tr("Tokenizing with %1…").arg(m_tokenizer->currentText()));
    const double valFraction = m_state->dataConfig().valFraction;
    const LengthUnit unit = m_unit->currentIndex() == 0 ? LengthUnit::Lines : LengthUnit::Documents;
    m_job->start([this, id, tok, text, valFraction, unit](const std::atomic_bool &cancelled) -> wizardui::BackgroundJob::Deliver {
        auto progress = [&](double f) {
            QMetaObject::invokeMethod(this, [this, id, f] { onProgress(id, f); }, Qt::QueuedConnection);
            return !cancelled.load();
        };
        auto r = std::make_shared<TokenReport>(tokenizeCorpus(*text, *tok, valFraction, unit, progress));
        return [this, id, r, tok] {
            if (id != m_request)
                return;
            m_tokens = *r;
            m_tokensTokenizer = tok;
            setBusy({});
            m_idleText = m_tokens.ids ? tr("%1 tokens of %2").arg(QLocale().toString(static_cast<qint64>(m_tokens.ids->size())),
                                                                  m_tokenizer->currentText())
                                      : QString();
            m_status->setText(m_idleText);
            m_progress->setValue(m_progress->maximum());
            showTokens();
            emit tokenized();
            drawBatch();
        };
    });
}

void DatasetPanel::showTokens()
{
    const TokenReport &t = m_tokens;
    wizardui::showProblem(m_error, t.error);
    auto *bars = static_cast<QCPBars *>(m_histogram->plottable(0));
    bars->data()->clear();
    if (!t.lengths.isEmpty()) {
        const double maxLen = *std::max_element(t.lengths.begin(), t.lengths.end());
        const double width = std::max(1.0, std::ceil((maxLen + 1) / 60.0)); // at most 60 bars
        const int binCount = static_cast<int>(std::ceil((maxLen + 1) / width));
        QVector<double> keys(binCount), values(binCount, 0.0);
        for (int i = 0; i < binCount; ++i)
            keys[i] = (i + 0.5) * width;
        for (double len : t.lengths)
            values[std::min(binCount - 1, static_cast<int>(len / width))] += 1.0;
        bars->setWidth(width * 0.9);
        bars->setData(keys, values, true);
        m_histogram->rescaleAxes();
        m_histogram->xAxis->setRangeLower(0);
        m_histogram->yAxis->setRangeLower(0);
        const double mean = std::accumulate(t.lengths.begin(), t.lengths.end(), 0.0) / t.lengths.size();
        m_histogram->xAxis->setLabel(tr("length in tokens (%n unit(s), mean %1, longest %2)", nullptr,
                                        static_cast<int>(t.lengths.size()))
                                         .arg(mean, 0, 'f', 1)
                                         .arg(maxLen, 0, 'f', 0));
    }
    m_histogram->replot(QCustomPlot::rpQueuedReplot);
    if (t.ids) {
        QString split = tr("%1 tokens: the first %2 train, the last %3 are validation (val_fraction %4).")
                            .arg(QLocale().toString(static_cast<qint64>(t.ids->size())),
                                 QLocale().toString(t.trainTokens), QLocale().toString(t.valTokens))
                            .arg(m_state->dataConfig().valFraction);
        if (t.splitByte >= 0)
            split += QLatin1Char(' ') + tr("Validation begins at byte %1, line %2: “%3”")
                                            .arg(t.splitByte)
                                            .arg(t.splitLine)
                                            .arg(visibleWhitespace(t.splitContext));
        m_split->setText(split);
    } else {
        m_split->clear();
    }
}

void DatasetPanel::setBatchSettings(int blockSize, int batchSize, uint64_t seed, int batchNumber)
{
    m_blockSize->setValue(blockSize);
    m_batchSize->setValue(batchSize);
    m_seed->setText(QString::number(seed));
    m_batchNumber->setValue(batchNumber);
}

void DatasetPanel::drawBatch()
{
    if (!m_tokens.ids || !m_tokensTokenizer || m_busy)
        return;
    const auto ids = m_tokens.ids;
    const double valFraction = m_state->dataConfig().valFraction;
    const int T = m_blockSize->value(), B = m_batchSize->value(), n = m_batchNumber->value();
    bool seedOk = false;
    const auto seed = static_cast<uint64_t>(m_seed->text().trimmed().toULongLong(&seedOk));
    if (!seedOk) {
        m_batchInfo->setText(tr("The seed must be a whole number from 0 to 18446744073709551615, not “%1”.")
                                 .arg(m_seed->text()));
        return;
    }
    const int id = ++m_request;
    setBusy(tr("Drawing batch %1…").arg(n));
    m_job->start([this, id, ids, valFraction, T, B, n, seed](const std::atomic_bool &) -> wizardui::BackgroundJob::Deliver {
        auto b = std::make_shared<TrainingBatch>(drawTrainingBatch(*ids, valFraction, T, B, seed, n));
        return [this, id, b] {
            if (id != m_request)
                return;
            m_batch = *b;
            setBusy({});
            m_progress->setValue(m_progress->maximum());
            showBatch();
            emit batchDrawn();
        };
    });
}

void DatasetPanel::showBatch()
{
    const TrainingBatch &b = m_batch;
    if (!b.error.isEmpty()) {
        m_batchView->clear();
        m_batchInfo->setText(b.error);
        return;
    }
    m_batchInfo->setText(tr("Batch %1 as the trainer draws it with seed %2: %3 rows of %4 tokens of %5. The model "
                            "reads each input row and must predict the target row, the same tokens shifted by one.")
                             .arg(m_batchNumber->value())
                             .arg(m_seed->text().trimmed())
                             .arg(b.batchSize)
                             .arg(b.blockSize)
                             .arg(m_tokenizer->currentText()));
    m_batchView->setBatch(b, *m_tokensTokenizer);
    const int shown = std::min(b.batchSize, BatchView::kMaxRows);
    if (shown < b.batchSize)
        m_batchInfo->setText(m_batchInfo->text() + QLatin1Char(' ') + tr("The first %1 rows are shown.").arg(shown));
}

} // namespace lmwb::widgets
