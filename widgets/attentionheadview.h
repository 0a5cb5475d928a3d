#pragma once
// A head view in the manner of BertViz: the tokens of the prompt in two columns, each
// query on the left joined to the keys it attends to on the right by a line whose opacity
// is the weight, one colour per head; toggle heads to overlay them. Hovering a token on
// the left shows only its lines. Painted with QPainter.
//
//   view->setSnapshot(s);  view->setLayer(2);  view->setHeadSelected(0, false);

#include "attentiontypes.h"

#include <QWidget>

class QScrollArea;
class QToolButton;
class QHBoxLayout;
class QLabel;

namespace lmwb::widgets {

QColor headColor(int head);

// The painted part: two columns of tokens and the lines between them.
class AttentionHeadCanvas : public QWidget {
    Q_OBJECT
public:
    explicit AttentionHeadCanvas(QWidget *parent = nullptr);
    void setData(const AttentionSnapshot *s, int layer, const QVector<bool> &heads);
    int rowHeight() const;
    int hoveredToken() const { return m_hover; }
    int linesDrawn() const { return m_linesDrawn; } // by the last paint
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    const AttentionSnapshot *m_s = nullptr;
    int m_layer = 0;
    QVector<bool> m_heads;
    int m_hover = -1;
    int m_linesDrawn = 0;
};

class AttentionHeadView : public QWidget {
    Q_OBJECT
public:
    explicit AttentionHeadView(QWidget *parent = nullptr);

    void setSnapshot(const AttentionSnapshot &s);
    void clear();
    void setLayer(int layer);
    int layer() const { return m_layer; }
    void setHeadSelected(int head, bool on);
    QVector<bool> selectedHeads() const { return m_heads; }
    AttentionHeadCanvas *canvas() const { return m_canvas; }

private:
    void rebuildButtons();
    void refresh();

    AttentionSnapshot m_s;
    int m_layer = 0;
    QVector<bool> m_heads;
    QHBoxLayout *m_buttonRow;
    QVector<QToolButton *> m_buttons;
    QLabel *m_caption;
    QScrollArea *m_scroll;
    AttentionHeadCanvas *m_canvas;
};

} // namespace lmwb::widgets
