#include "tokenizertrainpanel.h"

#include "inspectorstate.h"
#include "tokenpieces.h"
#include "trainingwizard.h"

#include "util/utf8.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace lmwb::widgets {

namespace {
constexpr std::size_t kSweepBytes = 512 * 1024; // the sweep trains on this much of the corpus

std::string_view headOf(const std::string &text, std::size_t n)
{
    n = std::min(n, text.size());
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return std::string_view(text.data(), n);
}
} // namespace

TokenizerTrainPanel::TokenizerTrainPanel(InspectorState *state, QWidget *parent)
    : QWidget(parent), m_state(state), m_workspace(QDir::home().filePath(QStringLiteral("lmwb-runs"))),
      m_job(std::make_unique<wizardui::BackgroundJob>(this))
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("trainKindCombo"));
    m_kind->addItem(tr("SentencePiece unigram"), QStringLiteral("spm-unigram"));
    m_kind->addItem(tr("SentencePiece BPE"), QStringLiteral("spm-bpe"));
    m_kind->addItem(tr("Byte-level BPE (as GPT-2)"), QStringLiteral("bpe"));
    m_kind->addItem(tr("Characters (char)"), QStringLiteral("char"));
    m_vocab = new QSpinBox(this);
    m_vocab->setObjectName(QStringLiteral("trainVocabSpin"));
    m_vocab->setRange(8, 200000);
    m_vocab->setValue(2000);
    m_vocab->setSingleStep(256);
    m_vocab->setGroupSeparatorShown(true);
    m_coverage = new QDoubleSpinBox(this);
    m_coverage->setObjectName(QStringLiteral("trainCoverageSpin"));
    m_coverage->setRange(0.5, 1.0);
    m_coverage->setDecimals(4);
    m_coverage->setSingleStep(0.0005);
    m_coverage->setValue(1.0);
    m_coverage->setToolTip(tr("The share of the corpus's characters that get their own piece; the rarest rest "
                              "fall back to byte pieces. 1.0 for English, 0.9995 for Chinese."));
    m_dir = new QLineEdit(this);
    m_dir->setObjectName(QStringLiteral("trainDirEdit"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    m_trainButton = new QPushButton(tr("Train tokenizer"), this);
    m_trainButton->setObjectName(QStringLiteral("trainTokenizerHereButton"));
    m_useButton = new QPushButton(tr("Use in new run…"), this);
    m_useButton->setObjectName(QStringLiteral("useInNewRunButton"));
    m_useButton->setToolTip(tr("Open the training wizard with this tokenizer."));
    m_useButton->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("trainProgressBar"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("trainResultLabel"));
    m_result->setWordWrap(true);
    m_error = wizardui::makeErrorLabel(QStringLiteral("trainErrorLabel"), this);

    m_sweepSizes = new QLineEdit(QStringLiteral("256, 512, 1024, 2048, 4096, 8192"), this);
    m_sweepSizes->setObjectName(QStringLiteral("sweepSizesEdit"));
    m_sweepButton = new QPushButton(tr("Sweep"), this);
    m_sweepButton->setObjectName(QStringLiteral("sweepButton"));
    m_sweepButton->setToolTip(tr("Train one tokenizer of the chosen kind per vocabulary size on the first 512 KiB "
                                 "of the corpus and plot how many characters one token covers."));
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("sweepPlot"));
    m_plot->setMinimumHeight(260);
    m_plot->xAxis->setLabel(tr("vocabulary size"));
    m_plot->yAxis->setLabel(tr("per token"));
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(2);
    m_plot->xAxis->setTicker(ticker);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    auto *chars = m_plot->addGraph();
    chars->setName(tr("characters per token"));
    chars->setPen(QPen(QColor(0x1c7ed6), 2));
    chars->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    auto *bytes = m_plot->addGraph();
    bytes->setName(tr("bytes per token"));
    bytes->setPen(QPen(QColor(0xe8590c), 2));
    bytes->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 7));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_kind->setMinimumContentsLength(24);
    m_dir->setMinimumWidth(520);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Vocabulary size:"), m_vocab);
    form->addRow(tr("Character coverage:"), m_coverage);
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dir, 1);
    dirRow->addWidget(browse);
    form->addRow(tr("Save to:"), dirRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_trainButton);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_useButton);
    auto *sweepRow = new QHBoxLayout;
    sweepRow->addWidget(new QLabel(tr("Compression against vocabulary size, sizes:"), this));
    sweepRow->addWidget(m_sweepSizes, 1);
    sweepRow->addWidget(m_sweepButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    layout->addSpacing(12);
    layout->addLayout(sweepRow);
    layout->addWidget(m_plot, 1);

    auto kindChanged = [this] {
        const auto k = spec().kind;
        m_vocab->setEnabled(k != core::TokenizerKind::Char);
        m_coverage->setEnabled(k == core::TokenizerKind::SpmBpe || k == core::TokenizerKind::SpmUnigram);
        m_sweepButton->setEnabled(k != core::TokenizerKind::Char);
        proposeDirectory();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, kindChanged);
    connect(m_vocab, &QSpinBox::valueChanged, this, &TokenizerTrainPanel::proposeDirectory);
    connect(m_dir, &QLineEdit::textEdited, this, [this] { m_dirEdited = true; });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Save the tokenizer in"), m_dir->text());
        if (!d.isEmpty())
            setOutputDirectory(d);
    });
    connect(m_trainButton, &QPushButton::clicked, this, &TokenizerTrainPanel::train);
    connect(m_sweepButton, &QPushButton::clicked, this, &TokenizerTrainPanel::sweep);
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        if (!m_trainedDir.isEmpty())
            emit useInNewRunRequested(m_trainedDir);
    });
    connect(m_state, &InspectorState::corpusChanged, this, &TokenizerTrainPanel::proposeDirectory);
    kindChanged();
}

TokenizerTrainPanel::~TokenizerTrainPanel() { m_job->stop(); }

void TokenizerTrainPanel::setSpec(const core::TokenizerSpec &s)
{
    m_kind->setCurrentIndex(m_kind->findData(QString::fromStdString(core::tokenizerKindName(s.kind))));
    if (s.vocabSize > 0)
        m_vocab->setValue(s.vocabSize);
    m_coverage->setValue(s.characterCoverage);
}

core::TokenizerSpec TokenizerTrainPanel::spec() const
{
    auto k = core::parseTokenizerKind(m_kind->currentData().toString().toStdString());
    core::TokenizerSpec s;
    s.kind = k ? *k : core::TokenizerKind::Char;
    s.vocabSize = s.kind == core::TokenizerKind::Char ? 0 : m_vocab->value();
    s.characterCoverage = m_coverage->value();
    return s;
}

void TokenizerTrainPanel::setOutputDirectory(const QString &dir)
{
    m_dir->setText(dir);
    m_dirEdited = true;
}

QString TokenizerTrainPanel::outputDirectory() const { return m_dir->text(); }

void TokenizerTrainPanel::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    proposeDirectory();
}

void TokenizerTrainPanel::proposeDirectory()
{
    if (m_dirEdited)
        return;
    const auto s = spec();
    QString name = QString::fromStdString(core::tokenizerKindName(s.kind));
    if (s.kind != core::TokenizerKind::Char)
        name += QStringLiteral("-%1").arg(s.vocabSize);
    if (!m_state->corpusName().isEmpty())
        name += QLatin1Char('-') + m_state->corpusName();
    m_dir->setText(QDir(m_workspace).filePath(QStringLiteral("tokenizers/") + name));
}

bool TokenizerTrainPanel::isBusy() const { return m_job->busy(); }

void TokenizerTrainPanel::onProgress(int request, double fraction)
{
    if (request == m_request)
        m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * m_progress->maximum()));
}

void TokenizerTrainPanel::train()
{
    const auto text = m_state->corpusText();
    m_lastError.clear();
    if (!text) {
        m_lastError = tr("Load a corpus in the Dataset view first: the tokenizer learns from it.");
        wizardui::showProblem(m_error, m_lastError);
        emit trainingFailed(m_lastError);
        return;
    }
    const QString dir = m_dir->text().trimmed();
    if (dir.isEmpty()) {
        m_lastError = tr("Choose the folder to save the tokenizer in.");
        wizardui::showProblem(m_error, m_lastError);
        emit trainingFailed(m_lastError);
        return;
    }
    const auto s = spec();
    const int id = ++m_request;
    const QString name = QStringLiteral("%1%2 · %3")
                             .arg(QString::fromStdString(core::tokenizerKindName(s.kind)),
                                  s.kind == core::TokenizerKind::Char ? QString() : QStringLiteral(" %1").arg(s.vocabSize),
                                  m_state->corpusName());
    wizardui::showProblem(m_error, {});
    m_result->setText(tr("Training…"));
    m_progress->setValue(0);
    m_trainButton->setEnabled(false);
    m_job->start([this, id, s, text, dir, name](const std::atomic_bool &cancelled) -> wizardui::BackgroundJob::Deliver {
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1000;
        auto progress = [&](double f) {
            if (clock.elapsed() - last >= 50) {
                last = clock.elapsed();
                QMetaObject::invokeMethod(this, [this, id, f] { onProgress(id, f); }, Qt::QueuedConnection);
            }
            return !cancelled.load();
        };
        QString error;
        core::TokenizerPtr tok;
        TextCounts counts;
        auto made = core::trainTokenizer(s, *text, progress);
        if (!made) {
            error = QString::fromStdString(made.error());
        } else if (core::Status saved = (*made)->save(dir.toStdString()); !saved) {
            error = tr("Cannot save the tokenizer: %1").arg(QString::fromStdString(saved.error()));
        } else {
            tok = *made;
            const std::string_view head = headOf(*text, kSweepBytes);
            if (auto enc = tok->encode(head))
                counts = countText(std::string(head), static_cast<qint64>(enc->ids.size()));
        }
        return [this, id, error, tok, counts, dir, name] {
            if (id != m_request)
                return;
            m_trainButton->setEnabled(true);
            if (!error.isEmpty()) {
                m_lastError = error;
                m_progress->setValue(0);
                m_result->setText(tr("Training failed."));
                wizardui::showProblem(m_error, error);
                emit trainingFailed(error);
                return;
            }
            m_progress->setValue(m_progress->maximum());
            m_trainedDir = dir;
            m_useButton->setEnabled(true);
            m_result->setText(tr("Saved %1 tokens to %2 · %3 characters/token, %4 bytes/token on the corpus.")
                                  .arg(tok->vocabSize())
                                  .arg(QDir::toNativeSeparators(dir))
                                  .arg(QLocale().toString(counts.charsPerToken, 'f', 2),
                                       QLocale().toString(counts.bytesPerToken, 'f', 2)));
            m_state->addTokenizer({name, dir, tok});
            emit trained(dir);
        };
    });
}

void TokenizerTrainPanel::setSweepSizes(const QVector<int> &sizes)
{
    QStringList s;
    for (int v : sizes)
        s << QString::number(v);
    m_sweepSizes->setText(s.join(QStringLiteral(", ")));
}

void TokenizerTrainPanel::sweep()
{
    const auto text = m_state->corpusText();
    if (!text) {
        wizardui::showProblem(m_error, tr("Load a corpus in the Dataset view first: the sweep trains on it."));
        return;
    }
    QVector<int> sizes;
    for (const QString &part : m_sweepSizes->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok || v < 8 || v > 200000) {
            wizardui::showProblem(m_error, tr("The sweep sizes must be whole numbers from 8 to 200000 separated by "
                                              "commas; “%1” is not.").arg(part.trimmed()));
            return;
        }
        sizes << v;
    }
    if (sizes.isEmpty()) {
        wizardui::showProblem(m_error, tr("Give at least one vocabulary size for the sweep."));
        return;
    }
    std::sort(sizes.begin(), sizes.end());
    wizardui::showProblem(m_error, {});
    const auto base = spec();
    const int id = ++m_request;
    m_progress->setValue(0);
    m_sweepButton->setEnabled(false);
    m_result->setText(tr("Sweeping %n vocabulary size(s)…", nullptr, static_cast<int>(sizes.size())));
    m_job->start([this, id, base, text, sizes](const std::atomic_bool &cancelled) -> wizardui::BackgroundJob::Deliver {
        const std::string sample(headOf(*text, kSweepBytes));
        auto points = std::make_shared<QVector<SweepPoint>>();
        for (int i = 0; i < sizes.size() && !cancelled.load(); ++i) {
            core::TokenizerSpec s = base;
            s.vocabSize = sizes[i];
            auto progress = [&](double f) {
                const double total = (i + f) / sizes.size();
                QMetaObject::invokeMethod(this, [this, id, total] { onProgress(id, total); }, Qt::QueuedConnection);
                return !cancelled.load();
            };
            SweepPoint p;
            p.vocabSize = sizes[i];
            auto tok = core::trainTokenizer(s, sample, progress);
            if (!tok) {
                p.error = QString::fromStdString(tok.error());
            } else if (auto enc = (*tok)->encode(sample); !enc) {
                p.error = QString::fromStdString(enc.error());
            } else {
                const TextCounts c = countText(sample, static_cast<qint64>(enc->ids.size()));
                p.actualVocab = (*tok)->vocabSize();
                p.charsPerToken = c.charsPerToken;
                p.bytesPerToken = c.bytesPerToken;
            }
            *points << p;
        }
        return [this, id, points] {
            if (id != m_request)
                return;
            m_sweepButton->setEnabled(spec().kind != core::TokenizerKind::Char);
            m_progress->setValue(m_progress->maximum());
            m_sweep = *points;
            showSweep();
            emit sweepFinished();
        };
    });
}

void TokenizerTrainPanel::showSweep()
{
    QVector<double> x, chars, bytes;
    QStringList failed;
    for (const SweepPoint &p : m_sweep) {
        if (p.actualVocab == 0) {
            failed << tr("%1: %2").arg(p.vocabSize).arg(p.error);
            continue;
        }
        x << p.actualVocab;
        chars << p.charsPerToken;
        bytes << p.bytesPerToken;
    }
    m_plot->graph(0)->setData(x, chars, true);
    m_plot->graph(1)->setData(x, bytes, true);
    m_plot->rescaleAxes();
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis->setRangeUpper(m_plot->yAxis->range().upper * 1.1);
    m_plot->xAxis->scaleRange(1.15, m_plot->xAxis->range().center());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    m_result->setText(tr("Sweep done: %n tokenizer(s) trained on the first 512 KiB of the corpus.", nullptr,
                         static_cast<int>(x.size())));
    wizardui::showProblem(m_error, failed.isEmpty() ? QString() : tr("Some sizes failed — %1").arg(failed.join(QStringLiteral("; "))));
}

} // namespace lmwb::widgets
