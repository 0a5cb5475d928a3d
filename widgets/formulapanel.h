#pragma once
// The transformer's formulas filled with the numbers of the selected layer, head and query
// token: Attention(Q, K, V) = softmax(QKᵀ/√d_k)V one row at a time (scores, scaled, masked,
// softmaxed, the weighted sum of the values), MultiHead = Concat(head_1 … head_h)Wᴼ and
// the GELU MLP, so a student can follow one row of the attention heatmap by hand.

#include "teachtypes.h"

#include <QWidget>

class QTextBrowser;

namespace lmwb::widgets {

class FormulaPanel : public QWidget {
    Q_OBJECT
public:
    explicit FormulaPanel(QWidget *parent = nullptr);

    void setSnapshot(const TeachSnapshot &snapshot);
    QString html() const { return m_html; }
    // The softmax row exactly as printed (one string per key), for tests and checking by hand.
    QStringList shownSoftmaxRow() const { return m_shownProbs; }
    static constexpr int kDecimals = 4;

private:
    QTextBrowser *m_view = nullptr;
    QString m_html;
    QStringList m_shownProbs;
};

} // namespace lmwb::widgets
