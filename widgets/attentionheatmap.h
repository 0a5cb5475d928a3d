#pragma once
// One attention matrix as a QCPColorMap: keys (the attended tokens) along x, queries down
// y, the tokens as labels on both axes. The cells above the diagonal, which a causal model
// never attends to, are drawn in grey so the triangle is visible. The colour scale is fixed
// to 0..1 so heads compare; "auto contrast" stretches it to the matrix's largest weight.
// Hovering a cell shows the query token, the key token and the weight.
//
//   AttentionHeatmap *h = new AttentionHeatmap;
//   h->setMatrix(tokens, T, snapshot.headMatrix(layer, head), tr("layer 0, head 3"));

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPTextElement;

namespace lmwb::widgets {

class AttentionHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit AttentionHeatmap(QWidget *parent = nullptr);

    // matrix: (T, T) row-major, row = query. tokens: T labels (raw; escaped for display).
    void setMatrix(const QStringList &tokens, int T, const QVector<float> &matrix, const QString &title);
    void clear();
    void setAutoContrast(bool on);
    bool autoContrast() const { return m_autoContrast; }

    int size() const { return m_T; }
    // What the map holds at (query, key): the weight, NaN above the diagonal.
    double cellValue(int query, int key) const;
    // The colour scale's range (0..1, or 0..max with auto contrast).
    double rangeUpper() const;
    // The hover text for the cell under a position of plot() (empty outside the map).
    QString toolTipAt(const QPoint &plotPos) const;
    QCustomPlot *plot() const { return m_plot; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateRange();
    void updateTicks();

    QCustomPlot *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPTextElement *m_title;
    QStringList m_tokens;
    QVector<float> m_matrix;
    int m_T = 0;
    bool m_autoContrast = false;
};

} // namespace lmwb::widgets
