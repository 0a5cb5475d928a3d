#include "tokenview.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace lmwb::widgets {

namespace {
constexpr int kPadX = 3, kPadY = 2, kGapX = 2, kGapY = 4, kMargin = 4;
}

TokenView::TokenView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TokenView::setBoxes(const QVector<TokenBox> &boxes)
{
    m_boxes = boxes;
    relayout();
}

void TokenView::setText(const QString &text, const QVector<TokenSpan> &spans)
{
    const QVector<TokenSegment> segs = tokenSegments(spans);
    QVector<TokenBox> boxes;
    boxes.reserve(segs.size());
    for (int i = 0; i < segs.size(); ++i) {
        const TokenSegment &seg = segs[i];
        TokenBox b;
        const QString chars = text.mid(seg.u16Begin, seg.u16End - seg.u16Begin);
        b.label = chars.isEmpty() ? tokenLabel(spans[seg.tokens.first()].piece.toUtf8()) : visibleWhitespace(chars);
        b.colour = pieceColour(i);
        if (seg.tokens.size() > 1)
            b.colour = b.colour.darker(115); // several tokens share these characters
        b.toolTip = segmentToolTip(spans, seg, text);
        b.tokens = static_cast<int>(seg.tokens.size());
        b.breakAfter = chars.endsWith(QLatin1Char('\n'));
        b.u16Begin = seg.u16Begin;
        b.u16End = seg.u16End;
        boxes.push_back(std::move(b));
    }
    setBoxes(boxes);
}

void TokenView::setTokens(const QString &text, const QVector<TokenSpan> &spans)
{
    QVector<TokenBox> boxes;
    boxes.reserve(spans.size());
    for (int i = 0; i < spans.size(); ++i) {
        const TokenSpan &s = spans[i];
        TokenBox b;
        b.label = tokenLabel(s.bytes);
        b.colour = pieceColour(i);
        b.toolTip = segmentToolTip(spans, TokenSegment{s.u16Begin, s.u16End, {i}}, text);
        b.breakAfter = s.bytes.endsWith('\n');
        b.u16Begin = s.u16Begin;
        b.u16End = s.u16End;
        boxes.push_back(std::move(b));
    }
    setBoxes(boxes);
}

int TokenView::layoutBoxes(int width, QVector<QRect> *rects) const
{
    const QFontMetrics fm(font());
    const int h = fm.height() + 2 * kPadY;
    int x = kMargin, y = kMargin;
    if (rects)
        rects->resize(m_boxes.size());
    for (int i = 0; i < m_boxes.size(); ++i) {
        int w = std::max(fm.horizontalAdvance(m_boxes[i].label), fm.averageCharWidth()) + 2 * kPadX;
        if (m_boxes[i].tokens > 1)
            w += fm.averageCharWidth() / 2 + 2; // room for the count
        w = std::max(w, m_boxes[i].minWidth);
        if (x > kMargin && x + w > width - kMargin) {
            x = kMargin;
            y += h + kGapY;
        }
        if (rects)
            (*rects)[i] = QRect(x, y, w, h);
        x += w + kGapX;
        if (m_boxes[i].breakAfter) {
            x = kMargin;
            y += h + kGapY;
        }
    }
    return m_boxes.isEmpty() ? 2 * kMargin + h : y + h + kMargin;
}

void TokenView::relayout()
{
    const int height = layoutBoxes(width(), &m_rects);
    if (minimumHeight() != height)
        setMinimumHeight(height);
    updateGeometry();
    update();
}

int TokenView::heightForWidth(int width) const { return layoutBoxes(width, nullptr); }

QSize TokenView::sizeHint() const { return {400, heightForWidth(400)}; }

QSize TokenView::minimumSizeHint() const { return {100, QFontMetrics(font()).height() + 2 * (kPadY + kMargin)}; }

int TokenView::boxAt(const QPoint &pos) const
{
    for (int i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(pos))
            return i;
    return -1;
}

QRect TokenView::boxRect(int index) const { return index >= 0 && index < m_rects.size() ? m_rects[index] : QRect(); }

bool TokenView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int i = boxAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), m_boxes[i].toolTip, this, m_rects[i]);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void TokenView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect visible = rect();
    for (int i = 0; i < m_boxes.size(); ++i) {
        const QRect r = m_rects[i];
        if (!r.intersects(visible))
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(m_boxes[i].colour);
        p.drawRoundedRect(r, 3, 3);
        p.setPen(QColor(0x11, 0x11, 0x11));
        p.drawText(r.adjusted(kPadX, 0, -kPadX, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                   m_boxes[i].label);
        if (m_boxes[i].tokens > 1) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(QColor(0x33, 0x33, 0x33), 1, Qt::DashLine));
            p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
            QFont small = font();
            small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.55));
            p.setFont(small);
            p.drawText(r.adjusted(0, 0, -2, -1), Qt::AlignBottom | Qt::AlignRight, QString::number(m_boxes[i].tokens));
            p.setFont(font());
        }
    }
}

void TokenView::resizeEvent(QResizeEvent *e)
{
    QWidget::resizeEvent(e);
    relayout();
}

void TokenView::changeEvent(QEvent *e)
{
    QWidget::changeEvent(e);
    if (e->type() == QEvent::FontChange)
        relayout();
}

} // namespace lmwb::widgets
