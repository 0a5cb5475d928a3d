#include "tokenizerpanel.h"

#include "inspectorstate.h"
#include "tokenview.h"
#include "trainingwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QAbstractTableModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lmwb::widgets {

namespace {
constexpr int kMaxChars = 20000; // typed text beyond this is not tokenized live

} // namespace

// The vocabulary as plain vectors: a QStandardItemModel behind a sorting proxy re-sorts
// on every item set, which froze the window for a 6,000-piece vocabulary.
class TokenizerPanel::VocabularyModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTokenizer(const core::Tokenizer *tok)
    {
        beginResetModel();
        m_pieces.clear();
        m_bytes.clear();
        m_counts.clear();
        if (tok) {
            const int n = tok->vocabSize();
            m_pieces.reserve(n);
            m_bytes.reserve(n);
            for (int id = 0; id < n; ++id) {
                m_pieces << tokenLabel(QByteArray::fromStdString(tok->piece(id)));
                m_bytes << hexBytes(QByteArray::fromStdString(tok->pieceBytes(id)));
            }
            m_counts.assign(static_cast<std::size_t>(n), 0);
        }
        endResetModel();
    }
    void setCounts(std::vector<qint64> counts)
    {
        if (counts.size() != m_counts.size())
            return;
        m_counts = std::move(counts);
        if (!m_counts.empty())
            emit dataChanged(index(0, 3), index(rowCount() - 1, 3));
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_pieces.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 4; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        const int row = index.row();
        if (role == Qt::TextAlignmentRole)
            return index.column() == 0 || index.column() == 3 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case 0: return row;
        case 1: return m_pieces[row];
        case 2: return m_bytes[row];
        case 3: return m_counts[static_cast<std::size_t>(row)];
        }
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case 0: return TokenizerPanel::tr("Id");
        case 1: return TokenizerPanel::tr("Piece");
        case 2: return TokenizerPanel::tr("Bytes");
        case 3: return TokenizerPanel::tr("Count in corpus");
        }
        return {};
    }

private:
    QStringList m_pieces, m_bytes;
    std::vector<qint64> m_counts;
};

QString countsText(const TextCounts &c)
{
    return TokenizerPanel::tr("%1 characters · %2 bytes · %3 tokens · %4 characters/token · %5 bytes/token")
        .arg(c.characters)
        .arg(c.bytes)
        .arg(c.tokens)
        .arg(QLocale().toString(c.charsPerToken, 'f', 2), QLocale().toString(c.bytesPerToken, 'f', 2));
}

TokenizerPanel::TokenizerPanel(InspectorState *state, QWidget *parent)
    : QWidget(parent), m_state(state), m_job(std::make_unique<wizardui::BackgroundJob>(this))
{
    m_tokenizer = new QComboBox(this);
    m_tokenizer->setObjectName(QStringLiteral("tokenizerCombo"));
    m_tokenizer->setMinimumContentsLength(24);
    auto *fromCorpus = new QPushButton(tr("Text from the corpus"), this);
    fromCorpus->setObjectName(QStringLiteral("textFromCorpusButton"));
    fromCorpus->setToolTip(tr("Take the next passage of the loaded corpus."));
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("tokenizerTextEdit"));
    m_edit->setPlaceholderText(tr("Type or paste text to tokenize"));
    m_edit->setPlainText(QStringLiteral("床前明月光，疑是地上霜。\nTo be, or not to be: that is the question. 🙂"));
    m_edit->setMaximumHeight(120);
    m_view = new TokenView(this);
    m_view->setObjectName(QStringLiteral("tokenizerTokenView"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_view->setFont(big);
    m_view->setToolTip(QString());
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_view);
    m_eachToken = new QCheckBox(tr("Each token in its own box (byte pieces as <0xE5>)"), this);
    m_eachToken->setObjectName(QStringLiteral("eachTokenCheck"));
    m_eachToken->setToolTip(tr("Off: a character that the tokenizer cuts into byte tokens is one box with the "
                               "number of its tokens; hover it for the bytes. On: every token is its own box."));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("tokenizerCountsLabel"));
    m_countsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = wizardui::makeErrorLabel(QStringLiteral("tokenizerPanelError"), this);
    m_ids = new QPlainTextEdit(this);
    m_ids->setObjectName(QStringLiteral("tokenizerIdsEdit"));
    m_ids->setReadOnly(true);
    m_ids->setMaximumHeight(80);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("vocabularySearch"));
    m_search->setPlaceholderText(tr("Search the vocabulary (piece, id or bytes)"));
    m_search->setClearButtonEnabled(true);
    m_vocab = new VocabularyModel(this);
    m_vocabProxy = new QSortFilterProxyModel(this);
    m_vocabProxy->setSourceModel(m_vocab);
    m_vocabProxy->setFilterKeyColumn(-1);
    m_vocabProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("vocabularyTable"));
    m_table->setModel(m_vocabProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setColumnWidth(0, 56);
    m_table->setColumnWidth(1, 80);
    m_table->setColumnWidth(2, 90);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_countProgress = new QProgressBar(this);
    m_countProgress->setRange(0, 0);
    m_countProgress->setMaximumHeight(10);
    m_countProgress->setTextVisible(false);
    m_countProgress->hide();

    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Tokenizer:"), this));
    row->addWidget(m_tokenizer, 1);
    row->addWidget(fromCorpus);
    ll->addLayout(row);
    ll->addWidget(m_edit);
    ll->addWidget(m_countsLabel);
    ll->addWidget(m_eachToken);
    ll->addWidget(m_error);
    ll->addWidget(scroll, 1);
    ll->addWidget(new QLabel(tr("Ids:"), this));
    ll->addWidget(m_ids);
    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->addWidget(new QLabel(tr("Vocabulary (click a column to sort):"), this));
    rl->addWidget(m_search);
    rl->addWidget(m_countProgress);
    rl->addWidget(m_table, 1);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &TokenizerPanel::refresh);
    connect(m_edit, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_tokenizer, &QComboBox::currentIndexChanged, this, [this] {
        refresh();
        fillVocabulary();
    });
    connect(m_eachToken, &QCheckBox::toggled, this, &TokenizerPanel::refresh);
    connect(fromCorpus, &QPushButton::clicked, this, &TokenizerPanel::takeTextFromCorpus);
    connect(m_search, &QLineEdit::textChanged, m_vocabProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_state, &InspectorState::tokenizersChanged, this, [this] { m_state->fillCombo(m_tokenizer); });
    connect(m_state, &InspectorState::corpusChanged, this, &TokenizerPanel::countInCorpus);
}

TokenizerPanel::~TokenizerPanel() { m_job->stop(); }

void TokenizerPanel::setText(const QString &text)
{
    m_edit->setPlainText(text);
    refresh();
}

QString TokenizerPanel::text() const { return m_edit->toPlainText(); }

void TokenizerPanel::selectTokenizer(const QString &name)
{
    const int i = m_tokenizer->findText(name);
    if (i >= 0)
        m_tokenizer->setCurrentIndex(i);
}

void TokenizerPanel::setShowEachToken(bool on) { m_eachToken->setChecked(on); }

QAbstractItemModel *TokenizerPanel::vocabulary() const { return m_vocab; }

bool TokenizerPanel::isCounting() const { return m_job->busy(); }

void TokenizerPanel::refresh()
{
    m_debounce->stop();
    const auto tok = m_state->tokenizer(m_tokenizer->currentIndex());
    QString text = m_edit->toPlainText();
    QString note;
    if (text.size() > kMaxChars) {
        text.truncate(kMaxChars);
        if (text.back().isHighSurrogate())
            text.chop(1);
        note = tr("Only the first %1 characters are tokenized here.").arg(kMaxChars);
    }
    m_spans.clear();
    m_counts = {};
    if (!tok) {
        m_view->clear();
        m_ids->clear();
        m_countsLabel->setText(tr("Load a corpus or open a tokenizer to see its tokens."));
        wizardui::showProblem(m_error, {});
        return;
    }
    const std::string utf8 = text.toStdString();
    auto enc = tok->encode(utf8);
    if (!enc) {
        m_view->clear();
        m_ids->clear();
        m_countsLabel->clear();
        wizardui::showProblem(m_error, tr("This tokenizer cannot encode the text: %1").arg(QString::fromStdString(enc.error())));
        return;
    }
    wizardui::showProblem(m_error, note);
    m_spans = tokenSpans(utf8, *enc, *tok);
    m_counts = countText(utf8, static_cast<qint64>(enc->ids.size()));
    if (m_eachToken->isChecked())
        m_view->setTokens(text, m_spans);
    else
        m_view->setText(text, m_spans);
    m_countsLabel->setText(countsText(m_counts));
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(enc->ids.size()));
    for (int32_t id : enc->ids)
        ids << QString::number(id);
    m_ids->setPlainText(QLatin1Char('[') + ids.join(QStringLiteral(", ")) + QLatin1Char(']'));
}

void TokenizerPanel::takeTextFromCorpus()
{
    const auto text = m_state->corpusText();
    if (!text || text->empty())
        return;
    // The next passage: from a line start, about 300 bytes, cut at a line end.
    std::size_t b = m_corpusCursor % text->size();
    const std::size_t nl = text->find('\n', b);
    b = nl == std::string::npos ? 0 : nl + 1;
    if (b >= text->size())
        b = 0;
    std::size_t e = text->find('\n', std::min(text->size(), b + 300));
    e = e == std::string::npos ? text->size() : e;
    m_corpusCursor = e + 7919; // a prime stride walks through the whole corpus
    setText(QString::fromUtf8(text->data() + b, static_cast<qsizetype>(e - b)));
}

void TokenizerPanel::fillVocabulary()
{
    const auto tok = m_state->tokenizer(m_tokenizer->currentIndex());
    m_vocab->setTokenizer(tok.get());
    countInCorpus();
}

void TokenizerPanel::countInCorpus()
{
    const auto tok = m_state->tokenizer(m_tokenizer->currentIndex());
    const auto text = m_state->corpusText();
    if (!tok || !text)
        return;
    const int id = ++m_countRequest;
    m_countProgress->show();
    m_job->start([this, id, tok, text](const std::atomic_bool &) -> wizardui::BackgroundJob::Deliver {
        auto freq = std::make_shared<std::vector<qint64>>(static_cast<std::size_t>(std::max(0, tok->vocabSize())), 0);
        if (auto enc = tok->encode(*text))
            for (int32_t i : enc->ids)
                if (i >= 0 && static_cast<std::size_t>(i) < freq->size())
                    ++(*freq)[static_cast<std::size_t>(i)];
        return [this, id, freq, tok] {
            if (id != m_countRequest)
                return;
            m_countProgress->hide();
            if (tok != m_state->tokenizer(m_tokenizer->currentIndex()))
                return;
            m_vocab->setCounts(std::move(*freq));
            emit vocabularyCounted();
        };
    });
}

} // namespace lmwb::widgets
