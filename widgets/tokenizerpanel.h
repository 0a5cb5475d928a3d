#pragma once
// The inspector's tokenizer view: a text (typed, or taken from the corpus) cut into
// coloured pieces with visible whitespace; hovering a piece shows its id and bytes; the
// list of ids; characters, bytes, tokens and the compression; and a searchable
// vocabulary browser sorted by id or by how often each piece occurs in the corpus (the
// count runs on a worker thread).

#include "tokenpieces.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QAbstractItemModel;
class QCheckBox;
class QTableView;
class QTimer;

namespace lmwb::widgets {

class InspectorState;
class TokenView;
namespace wizardui {
class BackgroundJob;
}

// The counts line under a tokenized text: "13 characters · 26 bytes · 13 tokens · ...".
QString countsText(const TextCounts &counts);

class TokenizerPanel : public QWidget {
    Q_OBJECT

public:
    explicit TokenizerPanel(InspectorState *state, QWidget *parent = nullptr);
    ~TokenizerPanel() override;

    void setText(const QString &text);
    QString text() const;
    void selectTokenizer(const QString &name);
    // Tokenizes now (it also happens shortly after every edit).
    void refresh();

    const QVector<TokenSpan> &spans() const { return m_spans; }
    const TextCounts &counts() const { return m_counts; }
    TokenView *view() const { return m_view; }
    // Each token in its own box (byte pieces as <0xE5>) instead of whole characters.
    void setShowEachToken(bool on);
    QLabel *countsLabel() const { return m_countsLabel; }
    QAbstractItemModel *vocabulary() const;
    QSortFilterProxyModel *vocabularyView() const { return m_vocabProxy; }
    bool isCounting() const;
    void takeTextFromCorpus();

signals:
    void vocabularyCounted();

private:
    void fillVocabulary();
    void countInCorpus();

    InspectorState *m_state;
    QComboBox *m_tokenizer = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    TokenView *m_view = nullptr;
    QCheckBox *m_eachToken = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_error = nullptr;
    QPlainTextEdit *m_ids = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    class VocabularyModel;
    VocabularyModel *m_vocab = nullptr;
    QSortFilterProxyModel *m_vocabProxy = nullptr;
    QProgressBar *m_countProgress = nullptr;
    QTimer *m_debounce = nullptr;
    QVector<TokenSpan> m_spans;
    TextCounts m_counts;
    int m_countRequest = 0;
    quint64 m_corpusCursor = 0;
    std::unique_ptr<wizardui::BackgroundJob> m_job;
};

} // namespace lmwb::widgets
