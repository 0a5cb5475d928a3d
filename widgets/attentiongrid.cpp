#include "attentiongrid.h"

#include <qcustomplot.h>

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace lmwb::widgets {

namespace {
constexpr int kLeft = 34, kTop = 20, kGap = 4;

const QVector<QRgb> &lut()
{
    static const QVector<QRgb> table = [] {
        QVector<QRgb> t(256);
        QCPColorGradient g = attentionGradient();
        for (int i = 0; i < 256; ++i)
            t[i] = g.color(i / 255.0, QCPRange(0.0, 1.0));
        return t;
    }();
    return table;
}
} // namespace

QCPColorGradient attentionGradient()
{
    // viridis at five stops (van der Walt and Smith, matplotlib 2.0)
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    g.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    g.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

QRgb attentionColor(float w)
{
    const int i = std::clamp(int(w * 255.0f + 0.5f), 0, 255);
    return lut()[i];
}

QRgb maskedColor() { return qRgb(225, 225, 225); }

QImage renderAttentionImage(const float *m, int T, float upper)
{
    QImage img(T, T, QImage::Format_RGB32);
    const float scale = upper > 0.0f ? 1.0f / upper : 1.0f;
    const QRgb masked = maskedColor();
    for (int q = 0; q < T; ++q) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(q));
        const float *row = m + qsizetype(q) * T;
        for (int k = 0; k < T; ++k)
            line[k] = k > q ? masked : attentionColor(row[k] * scale);
    }
    return img;
}

AttentionGrid::AttentionGrid(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 160);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void AttentionGrid::setSnapshot(const AttentionSnapshot &s)
{
    m_snapshot = s;
    m_layers = s.isValid() ? s.nLayer : 0;
    m_heads = s.isValid() ? s.nHead : 0;
    if (m_selLayer >= m_layers || m_selHead >= m_heads)
        m_selLayer = m_selHead = -1;
    render();
    updateGeometry();
    update();
}

void AttentionGrid::clear() { setSnapshot({}); }

void AttentionGrid::setAutoContrast(bool on)
{
    if (on == m_autoContrast)
        return;
    m_autoContrast = on;
    render();
    update();
}

void AttentionGrid::setSelected(int layer, int head)
{
    m_selLayer = layer;
    m_selHead = head;
    update();
}

void AttentionGrid::render()
{
    m_tiles.clear();
    m_tiles.reserve(m_layers * m_heads);
    for (int l = 0; l < m_layers; ++l)
        for (int h = 0; h < m_heads; ++h) {
            const float *m = m_snapshot.head(l, h);
            float upper = 1.0f;
            if (m_autoContrast) {
                upper = *std::max_element(m, m + qsizetype(m_snapshot.T) * m_snapshot.T);
                if (upper <= 0.0f)
                    upper = 1.0f;
            }
            m_tiles.push_back(renderAttentionImage(m, m_snapshot.T, upper));
        }
}

int AttentionGrid::tileSide() const
{
    if (m_layers == 0 || m_heads == 0)
        return 0;
    const int w = (width() - kLeft) / m_heads - kGap;
    const int h = (height() - kTop) / m_layers - kGap;
    return std::max(4, std::min(w, h));
}

QRect AttentionGrid::tileRect(int layer, int head) const
{
    const int s = tileSide();
    return QRect(kLeft + head * (s + kGap), kTop + layer * (s + kGap), s, s);
}

bool AttentionGrid::tileAt(const QPoint &pos, int &layer, int &head) const
{
    for (int l = 0; l < m_layers; ++l)
        for (int h = 0; h < m_heads; ++h)
            if (tileRect(l, h).contains(pos)) {
                layer = l;
                head = h;
                return true;
            }
    return false;
}

QSize AttentionGrid::sizeHint() const
{
    const int s = 72;
    return QSize(kLeft + std::max(1, m_heads) * (s + kGap), kTop + std::max(1, m_layers) * (s + kGap));
}

void AttentionGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_tiles.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No attention to show yet."));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.setPen(palette().color(QPalette::Text));
    for (int h = 0; h < m_heads; ++h) {
        const QRect r = tileRect(0, h);
        p.drawText(QRect(r.left(), 0, r.width(), kTop - 2), Qt::AlignCenter | Qt::AlignBottom, tr("H%1").arg(h));
    }
    for (int l = 0; l < m_layers; ++l) {
        const QRect r = tileRect(l, 0);
        p.drawText(QRect(0, r.top(), kLeft - 4, r.height()), Qt::AlignRight | Qt::AlignVCenter, tr("L%1").arg(l));
        for (int h = 0; h < m_heads; ++h)
            p.drawImage(tileRect(l, h), m_tiles[l * m_heads + h]);
    }
    if (m_selLayer >= 0 && m_selHead >= 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(tileRect(m_selLayer, m_selHead).adjusted(-2, -2, 1, 1));
    }
}

void AttentionGrid::mousePressEvent(QMouseEvent *event)
{
    int l = 0, h = 0;
    if (event->button() == Qt::LeftButton && tileAt(event->position().toPoint(), l, h)) {
        setSelected(l, h);
        emit headActivated(l, h);
    }
}

bool AttentionGrid::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        int l = 0, h = 0;
        if (tileAt(help->pos(), l, h))
            QToolTip::showText(help->globalPos(), tr("layer %1, head %2 — click to open").arg(l).arg(h), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace lmwb::widgets
