#pragma once
// Tokens as coloured boxes that wrap like text; hovering a box shows its tooltip.
//
//   view->setText(text, spans);          // a tokenized text: one box per segment
//   view->setBoxes({{label, colour, tip, /*breakAfter*/ false}, ...});   // any boxes
//
// Spaces, tabs and newlines are drawn visibly (·, →, ↵); a box whose text ends a line
// also ends the row. A box that holds several tokens (a character a byte-level tokenizer
// cuts into bytes) has a dashed outline and the number of its tokens in its corner.

#include "tokenpieces.h"

#include <QColor>
#include <QRect>
#include <QString>
#include <QVector>
#include <QWidget>

namespace lmwb::widgets {

struct TokenBox {
    QString label;
    QColor colour;
    QString toolTip;
    bool breakAfter = false;
    int u16Begin = -1, u16End = -1; // the range of the text it stands for, when it has one
    int tokens = 1;                 // tokens that share the box (byte tokens of one character)
    int minWidth = 0;               // in pixels, to line boxes up in columns
};

class TokenView : public QWidget {
    Q_OBJECT

public:
    explicit TokenView(QWidget *parent = nullptr);

    void setBoxes(const QVector<TokenBox> &boxes);
    // One box per segment of a tokenized text.
    void setText(const QString &text, const QVector<TokenSpan> &spans);
    // One box per token, labelled with its own bytes (<0xE5> for part of a character).
    void setTokens(const QString &text, const QVector<TokenSpan> &spans);
    void clear() { setBoxes({}); }

    const QVector<TokenBox> &boxes() const { return m_boxes; }
    // The box under a point in widget coordinates, -1 when none.
    int boxAt(const QPoint &pos) const;
    QRect boxRect(int index) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Lays the boxes out for width; returns the height used.
    int layoutBoxes(int width, QVector<QRect> *rects) const;
    void relayout();

    QVector<TokenBox> m_boxes;
    QVector<QRect> m_rects;
};

} // namespace lmwb::widgets
