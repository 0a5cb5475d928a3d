#include "attentionheadview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lmwb::widgets {

namespace {
constexpr int kColumn = 160;   // width of a token column
constexpr int kBetween = 300;  // the space the lines cross
constexpr float kFaint = 0.01f; // lines fainter than this are not drawn
} // namespace

QColor headColor(int head)
{
    // Tableau 10, as BertViz (via d3.schemeCategory10), then repeated darker.
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    QColor c(palette[head % 10]);
    return head >= 10 ? c.darker(140) : c;
}

AttentionHeadCanvas::AttentionHeadCanvas(QWidget *parent) : QWidget(parent) { setMouseTracking(true); }

void AttentionHeadCanvas::setData(const AttentionSnapshot *s, int layer, const QVector<bool> &heads)
{
    m_s = s;
    m_layer = layer;
    m_heads = heads;
    m_hover = -1;
    updateGeometry();
    resize(sizeHint());
    update();
}

int AttentionHeadCanvas::rowHeight() const { return fontMetrics().height() + 8; }

QSize AttentionHeadCanvas::sizeHint() const
{
    const int T = m_s && m_s->isValid() ? m_s->T : 1;
    return QSize(2 * kColumn + kBetween, 12 + T * rowHeight());
}

void AttentionHeadCanvas::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.fillRect(event->rect(), palette().base());
    m_linesDrawn = 0;
    if (!m_s || !m_s->isValid())
        return;
    const int T = m_s->T, rh = rowHeight();
    const int leftX = kColumn, rightX = kColumn + kBetween;
    auto y = [&](int i) { return 6 + i * rh + rh / 2; };
    const QRect exposed = event->rect();

    // Lines first, tokens on top. A long prompt through near-uniform heads has tens of
    // thousands of faint lines: then they are drawn thin and without antialiasing (several
    // times faster), and the nearly invisible ones (opacity under 3 %) are left out.
    auto visible = [&](int q) { return m_hover < 0 || q == m_hover; };
    float faint = kFaint;
    int candidates = 0;
    for (int h = 0; h < m_s->nHead; ++h)
        if (m_heads.value(h))
            for (int q = 0; q < T; ++q)
                if (visible(q))
                    for (int k = 0; k <= q; ++k)
                        candidates += m_s->at(m_layer, h, q, k) >= kFaint;
    const bool many = candidates > 4000;
    if (many)
        faint = 0.03f;
    p.setRenderHint(QPainter::Antialiasing, !many);
    const double width = m_hover >= 0 ? 3.0 : (many ? 1.0 : 2.0);
    for (int h = 0; h < m_s->nHead; ++h) {
        if (!m_heads.value(h))
            continue;
        QColor c = headColor(h);
        const float *m = m_s->head(m_layer, h);
        for (int q = 0; q < T; ++q) {
            if (!visible(q))
                continue;
            const float *row = m + qsizetype(q) * T;
            for (int k = 0; k <= q; ++k) {
                const float w = row[k];
                if (w < faint)
                    continue;
                const int y0 = y(q), y1 = y(k);
                if (std::max(y0, y1) < exposed.top() - rh || std::min(y0, y1) > exposed.bottom() + rh)
                    continue;
                c.setAlphaF(std::min(1.0f, w));
                p.setPen(QPen(c, width));
                p.drawLine(QPointF(leftX + 4, y0), QPointF(rightX - 4, y1));
                ++m_linesDrawn;
            }
        }
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    const int first = std::max(0, (exposed.top() - 6) / rh - 1), last = std::min(T - 1, (exposed.bottom() - 6) / rh + 1);
    for (int i = first; i <= last; ++i) {
        const QString label = displayToken(m_s->token(i));
        const QRect l(0, y(i) - rh / 2, leftX - 6, rh), r(rightX + 6, y(i) - rh / 2, kColumn - 6, rh);
        if (i == m_hover) {
            p.fillRect(l, palette().highlight());
            p.setPen(palette().color(QPalette::HighlightedText));
        } else {
            p.setPen(palette().color(QPalette::Text));
        }
        p.drawText(l, Qt::AlignRight | Qt::AlignVCenter, fontMetrics().elidedText(label, Qt::ElideLeft, l.width()));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(label, Qt::ElideRight, r.width()));
    }
}

void AttentionHeadCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_s || !m_s->isValid())
        return;
    const QPoint pos = event->position().toPoint();
    int hover = -1;
    if (pos.x() < kColumn) {
        const int i = (pos.y() - 6) / rowHeight();
        if (pos.y() >= 6 && i < m_s->T)
            hover = i;
    }
    if (hover != m_hover) {
        m_hover = hover;
        update();
    }
}

void AttentionHeadCanvas::leaveEvent(QEvent *)
{
    if (m_hover != -1) {
        m_hover = -1;
        update();
    }
}

AttentionHeadView::AttentionHeadView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_caption = new QLabel;
    top->addWidget(m_caption);
    m_buttonRow = new QHBoxLayout;
    m_buttonRow->setSpacing(2);
    top->addLayout(m_buttonRow);
    top->addStretch();
    layout->addLayout(top);
    m_canvas = new AttentionHeadCanvas;
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setBackgroundRole(QPalette::Base);
    layout->addWidget(m_scroll, 1);
    auto *hint = new QLabel(tr("Left: the attending token (query); right: the tokens it attends to (keys). "
                               "Line opacity is the weight. Hover a token on the left to see only its lines."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
}

void AttentionHeadView::setSnapshot(const AttentionSnapshot &s)
{
    const bool sameShape = s.nHead == m_s.nHead;
    m_s = s;
    if (!sameShape || m_heads.size() != s.nHead) {
        m_heads = QVector<bool>(s.nHead, true);
        rebuildButtons();
    }
    if (m_layer >= s.nLayer)
        m_layer = 0;
    refresh();
}

void AttentionHeadView::clear() { setSnapshot({}); }

void AttentionHeadView::setLayer(int layer)
{
    if (layer < 0 || layer >= std::max(1, m_s.nLayer))
        return;
    m_layer = layer;
    refresh();
}

void AttentionHeadView::setHeadSelected(int head, bool on)
{
    if (head < 0 || head >= m_heads.size())
        return;
    m_heads[head] = on;
    if (QToolButton *b = m_buttons.value(head))
        b->setChecked(on);
    refresh();
}

void AttentionHeadView::rebuildButtons()
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (int h = 0; h < m_s.nHead; ++h) {
        auto *b = new QToolButton;
        b->setText(tr("H%1").arg(h));
        b->setCheckable(true);
        b->setChecked(true);
        b->setToolTip(tr("Show head %1 (its colour)").arg(h));
        const QColor c = headColor(h);
        b->setStyleSheet(QStringLiteral("QToolButton { border: 2px solid %1; border-radius: 3px; padding: 1px 4px; }"
                                        "QToolButton:checked { background: %1; color: white; }")
                             .arg(c.name()));
        connect(b, &QToolButton::toggled, this, [this, h](bool on) {
            if (m_heads.value(h) != on) {
                m_heads[h] = on;
                refresh();
            }
        });
        m_buttonRow->addWidget(b);
        m_buttons.push_back(b);
    }
}

void AttentionHeadView::refresh()
{
    m_caption->setText(m_s.isValid() ? tr("Layer %1, heads:").arg(m_layer) : QString());
    m_canvas->setData(m_s.isValid() ? &m_s : nullptr, m_layer, m_heads);
}

} // namespace lmwb::widgets
