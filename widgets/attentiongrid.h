#pragma once
// BertViz's model view: one small heatmap per layer and head, layers down, heads across.
// Each tile is rendered into a QImage once per snapshot (a T x T image scaled without
// smoothing), so repainting 144 tiles is 144 image blits. Clicking a tile emits
// headActivated(layer, head).
//
//   grid->setSnapshot(s);  connect(grid, &AttentionGrid::headActivated, ...);

#include "attentiontypes.h"

#include <QImage>
#include <QVector>
#include <QWidget>

class QCPColorGradient;

namespace lmwb::widgets {

// The colour scale of every attention view: viridis (perceptually even, readable in grey).
QCPColorGradient attentionGradient();
// The colour of weight w in 0..1, and of a masked (future) cell.
QRgb attentionColor(float w);
QRgb maskedColor();
// A T x T image of one matrix; upper: the weight drawn in the brightest colour.
QImage renderAttentionImage(const float *matrix, int T, float upper = 1.0f);

class AttentionGrid : public QWidget {
    Q_OBJECT
public:
    explicit AttentionGrid(QWidget *parent = nullptr);

    void setSnapshot(const AttentionSnapshot &s);
    void clear();
    // Per-tile contrast: each tile scaled to its own largest weight.
    void setAutoContrast(bool on);
    void setSelected(int layer, int head);

    int tileCount() const { return int(m_tiles.size()); }
    int layers() const { return m_layers; }
    int heads() const { return m_heads; }
    QRect tileRect(int layer, int head) const;
    const QImage &tileImage(int layer, int head) const { return m_tiles[layer * m_heads + head]; }

    QSize sizeHint() const override;

signals:
    void headActivated(int layer, int head);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void render();
    bool tileAt(const QPoint &pos, int &layer, int &head) const;
    int tileSide() const;

    AttentionSnapshot m_snapshot;
    QVector<QImage> m_tiles;
    int m_layers = 0, m_heads = 0;
    int m_selLayer = -1, m_selHead = -1;
    bool m_autoContrast = false;
};

} // namespace lmwb::widgets
