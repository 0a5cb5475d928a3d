#pragma once
// Two or three tokenizers side by side on the same text, each with its pieces and its
// compression (characters and bytes per token).

#include "tokenpieces.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTimer;

namespace lmwb::widgets {

class InspectorState;
class TokenView;

class ComparePanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kColumns = 3;

    explicit ComparePanel(InspectorState *state, QWidget *parent = nullptr);

    void setText(const QString &text);
    // Column i shows the tokenizer with this name (none: the column stays empty).
    void selectTokenizer(int column, const QString &name);
    void refresh();

    TokenView *view(int column) const { return m_columns[column].view; }
    QLabel *countsLabel(int column) const { return m_columns[column].counts; }
    const TextCounts &counts(int column) const { return m_columns[column].result; }

private:
    struct Column {
        QComboBox *combo = nullptr;
        QLabel *counts = nullptr;
        TokenView *view = nullptr;
        TextCounts result;
    };
    void refreshColumn(Column &c);

    InspectorState *m_state;
    QPlainTextEdit *m_edit = nullptr;
    QTimer *m_debounce = nullptr;
    Column m_columns[kColumns];
};

} // namespace lmwb::widgets
