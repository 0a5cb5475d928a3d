#pragma once
// The loaded model drawn as its data flow, from the tokens to the next token: for a GPT,
// token + position embeddings, the transformer block (LayerNorm -> multi-head self-attention
// -> residual add -> LayerNorm -> MLP -> residual add) repeated N times, the final LayerNorm,
// the unembedding and the softmax; for the LSTM, its stacked recurrent layers. The real
// widths, heads and shapes of the prompt are written on the boxes. Every box is clickable.
//
//   view->setSnapshot(snapshot);          // from the TeachWorker
//   connect(view, &ArchitectureView::blockClicked, details, ...);
//   view->selectBlock(snapshot.blockIndex("h.0.attn"));

#include "teachtypes.h"

#include <QWidget>

namespace lmwb::widgets {

class ArchitectureView : public QWidget {
    Q_OBJECT
public:
    explicit ArchitectureView(QWidget *parent = nullptr);

    void setSnapshot(const TeachSnapshot &snapshot);
    const TeachSnapshot &snapshot() const { return m_snap; }
    // Which transformer layer the drawn block shows (the diagram draws one, "× N").
    void setLayer(int layer);
    int layer() const { return m_layer; }
    void selectBlock(int index); // -1: none
    int selectedBlock() const { return m_selected; }
    // The box of a block (by name) in widget coordinates; empty when not drawn.
    QRect blockRect(const QString &name) const;
    // The text written on a block's box (title and the shape/parameter line), for tests.
    QString blockText(const QString &name) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
    int minimumDiagramWidth() const;

signals:
    void blockClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Node {
        int block = -1;   // index into m_snap.blocks, -1 for a label-only node
        QRect rect;
        QString title, detail;
        QString kind;
        bool round = false; // a residual add
    };
    void layout();
    void addNode(int block, const QString &title, const QString &detail, int x, int &y, int w, int h);
    QString shapeText(const TeachBlock &b, const QString &prefix = {}) const;

    TeachSnapshot m_snap;
    QVector<Node> m_nodes;
    QVector<QPair<int, int>> m_edges;      // node -> node, straight down
    QVector<QPair<int, int>> m_residuals;  // node whose input is bypassed -> add node
    QRect m_group;                         // the repeated transformer block / the LSTM stack
    QString m_groupTitle;
    int m_layer = 0;
    int m_selected = -1;
    QSize m_size{440, 400};
};

} // namespace lmwb::widgets
