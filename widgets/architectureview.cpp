#include "architectureview.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QPainter>
#include <QPainterPath>

namespace lmwb::widgets {

namespace {

QColor fillFor(const QString &kind)
{
    if (kind == QLatin1String("embedding") || kind == QLatin1String("position") || kind == QLatin1String("unembedding"))
        return QColor(0xcf, 0xe2, 0xf3);
    if (kind == QLatin1String("layernorm"))
        return QColor(0xff, 0xf2, 0xcc);
    if (kind == QLatin1String("attention"))
        return QColor(0xfc, 0xe5, 0xcd);
    if (kind == QLatin1String("mlp"))
        return QColor(0xd9, 0xea, 0xd3);
    if (kind == QLatin1String("lstm"))
        return QColor(0xea, 0xd1, 0xdc);
    if (kind == QLatin1String("softmax"))
        return QColor(0xd9, 0xd2, 0xe9);
    if (kind == QLatin1String("add"))
        return QColor(0xee, 0xee, 0xee);
    return QColor(0xf3, 0xf3, 0xf3);
}

QString dims(const QVector<qint64> &s)
{
    QStringList parts;
    for (auto d : s)
        parts << QString::number(d);
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

ArchitectureView::ArchitectureView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("architectureView"));
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    layout();
}

void ArchitectureView::setSnapshot(const TeachSnapshot &snapshot)
{
    const bool sameModel = snapshot.blocks.size() == m_snap.blocks.size();
    m_snap = snapshot;
    if (!sameModel)
        m_selected = -1;
    m_layer = qBound(0, m_layer, qMax(0, m_snap.nLayer - 1));
    layout();
}

void ArchitectureView::setLayer(int layer)
{
    m_layer = qBound(0, layer, qMax(0, m_snap.nLayer - 1));
    layout();
}

void ArchitectureView::selectBlock(int index)
{
    m_selected = index >= 0 && index < m_snap.blocks.size() ? index : -1;
    if (m_selected >= 0 && !m_snap.lstm && m_snap.blocks[m_selected].layer >= 0 &&
        m_snap.blocks[m_selected].layer != m_layer) {
        m_layer = m_snap.blocks[m_selected].layer;
        layout();
    }
    update();
}

QRect ArchitectureView::blockRect(const QString &name) const
{
    const int b = m_snap.blockIndex(name);
    for (const auto &n : m_nodes)
        if (n.block == b && b >= 0)
            return n.rect;
    return {};
}

QString ArchitectureView::blockText(const QString &name) const
{
    const int b = m_snap.blockIndex(name);
    for (const auto &n : m_nodes)
        if (n.block == b && b >= 0)
            return n.title + QLatin1Char('\n') + n.detail;
    return {};
}

int ArchitectureView::minimumDiagramWidth() const
{
    return qMax(440, QFontMetrics(font()).horizontalAdvance(QLatin1Char('M')) * 34);
}

QSize ArchitectureView::sizeHint() const { return QSize(minimumDiagramWidth(), m_size.height()); }

void ArchitectureView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_size.width() != qMax(width(), minimumDiagramWidth()))
        layout(); // the boxes take the width they are given
}

QString ArchitectureView::shapeText(const TeachBlock &b, const QString &prefix) const
{
    // An embedding table gets its own line above what it outputs for the prompt.
    QString s = prefix.isEmpty() ? dims(b.activationShape) : prefix + QStringLiteral("\n→ ") + dims(b.activationShape);
    if (b.parameters > 0)
        s += tr(" · %1 params").arg(QLocale().toString(b.parameters));
    else if (!b.note.isEmpty())
        s += QStringLiteral(" · ") + tr("tied to wte");
    return s;
}

void ArchitectureView::addNode(int block, const QString &title, const QString &detail, int x, int &y, int w, int h)
{
    Node n;
    n.block = block;
    n.rect = QRect(x, y, w, h);
    n.title = title;
    n.detail = detail;
    n.kind = block >= 0 ? m_snap.blocks[block].kind : QString();
    n.round = n.kind == QLatin1String("add");
    m_nodes << n;
    y += h;
}

void ArchitectureView::layout()
{
    m_nodes.clear();
    m_edges.clear();
    m_residuals.clear();
    m_group = {};
    const QFontMetrics fm(font());
    const int line = fm.height();
    const int boxH = 2 * line + 12, addH = line + 10, gap = line + 4;
    const int width = qMax(this->width(), minimumDiagramWidth());
    const int margin = line;
    // Boxes no wider than reads well, centred in what the view is given.
    const int w = qMin(width - 3 * line - margin, fm.horizontalAdvance(QLatin1Char('M')) * 44);
    const int x = qMax(margin + 2 * line, (width - w) / 2 + line);
    int y = margin;
    auto idx = [&](const QString &name) { return m_snap.blockIndex(name); };
    auto chain = [&](int from) {
        if (from >= 0 && m_nodes.size() > from + 1)
            m_edges << qMakePair(from, int(m_nodes.size()) - 1);
    };
    if (m_snap.blocks.isEmpty()) {
        addNode(-1, tr("No model loaded"), tr("Load a checkpoint to see its architecture."), x, y, w, boxH);
        m_size = QSize(width, y + margin);
        updateGeometry();
        update();
        return;
    }
    const int C = m_snap.nEmbd, V = m_snap.vocabSize;
    addNode(idx(QStringLiteral("tokens")), tr("Tokens: %1").arg(m_snap.tokens.size()),
            m_snap.tokens.join(QStringLiteral(" · ")).left(60), x, y, w, boxH);
    y += gap;
    int last = m_nodes.size() - 1;
    if (!m_snap.lstm) {
        const int half = (w - line) / 2;
        int yy = y;
        addNode(idx(QStringLiteral("wte")), tr("Token embedding"),
                shapeText(m_snap.blocks[idx(QStringLiteral("wte"))], QStringLiteral("wte %1×%2").arg(V).arg(C)), x, yy,
                half, boxH + line);
        m_edges << qMakePair(last, int(m_nodes.size()) - 1);
        yy = y;
        addNode(idx(QStringLiteral("wpe")), tr("Position embedding"),
                shapeText(m_snap.blocks[idx(QStringLiteral("wpe"))], QStringLiteral("wpe %1×%2").arg(m_snap.blockSize).arg(C)),
                x + half + line, yy, w - half - line, boxH + line);
        m_edges << qMakePair(last, int(m_nodes.size()) - 1);
        y = yy + gap;
        addNode(idx(QStringLiteral("embed")), tr("+  token + position"), QString(), x, y, w, addH);
        m_edges << qMakePair(int(m_nodes.size()) - 3, int(m_nodes.size()) - 1)
                << qMakePair(int(m_nodes.size()) - 2, int(m_nodes.size()) - 1);
        last = m_nodes.size() - 1;
        y += gap + line;

        // The transformer block, drawn once for the chosen layer, "× N".
        const int top = y - line;
        y += line;
        const QString p = QStringLiteral("h.%1.").arg(m_layer);
        const int hs = m_snap.nHead > 0 ? C / m_snap.nHead : 0;
        struct Row {
            const char *suffix;
            QString title;
        };
        const QVector<Row> rows = {
            {"ln_1", tr("LayerNorm ln_1")},
            {"attn", tr("Self-attention: %1 heads × d_k %2").arg(m_snap.nHead).arg(hs)},
            {"add_1", tr("+  residual")},
            {"ln_2", tr("LayerNorm ln_2")},
            {"mlp", tr("MLP  %1 → %2 → %1, GELU").arg(C).arg(4 * C)},
            {"add_2", tr("+  residual")}};
        int beforeLn1 = last, beforeLn2 = -1;
        for (const auto &r : rows) {
            const int b = idx(p + QLatin1String(r.suffix));
            const bool add = b >= 0 && m_snap.blocks[b].kind == QLatin1String("add");
            if (QLatin1String(r.suffix) == QLatin1String("ln_2"))
                beforeLn2 = m_nodes.size() - 1;
            addNode(b, r.title, add || b < 0 ? QString() : shapeText(m_snap.blocks[b]), x + line, y, w - 2 * line,
                    add ? addH : boxH);
            m_edges << qMakePair(last, int(m_nodes.size()) - 1);
            last = m_nodes.size() - 1;
            if (QLatin1String(r.suffix) == QLatin1String("add_1"))
                m_residuals << qMakePair(beforeLn1, last);
            if (QLatin1String(r.suffix) == QLatin1String("add_2"))
                m_residuals << qMakePair(beforeLn2, last);
            y += gap;
        }
        m_group = QRect(x - line / 2, top, w + line, y - top - gap + line);
        m_groupTitle = tr("Block × %1 · layer %2").arg(m_snap.nLayer).arg(m_layer);
        y = m_group.bottom() + gap;
    } else {
        addNode(idx(QStringLiteral("wte")), tr("Token embedding"),
                shapeText(m_snap.blocks[idx(QStringLiteral("wte"))], QStringLiteral("wte %1×%2").arg(V).arg(C)), x, y, w,
                boxH + line);
        chain(last);
        last = m_nodes.size() - 1;
        y += gap + line;
        const int top = y - line;
        y += line / 2;
        for (int l = 0; l < m_snap.nLayer; ++l) {
            const int b = idx(QStringLiteral("lstm.%1").arg(l));
            addNode(b, tr("LSTM layer %1: gates i f g o, cell c, h = o ⊙ tanh(c)").arg(l),
                    b >= 0 ? shapeText(m_snap.blocks[b]) : QString(), x + line, y, w - 2 * line, boxH);
            m_edges << qMakePair(last, int(m_nodes.size()) - 1);
            last = m_nodes.size() - 1;
            y += gap;
        }
        m_group = QRect(x - line / 2, top, w + line, y - top - gap + line);
        m_groupTitle = tr("LSTM × %1 · hidden %2").arg(m_snap.nLayer).arg(C);
        y = m_group.bottom() + gap;
    }
    const QVector<QPair<QString, QString>> tail = {
        {QStringLiteral("ln_f"), tr("Final LayerNorm ln_f")},
        {QStringLiteral("lm_head"), m_snap.lstm ? tr("Linear head lm_head  %1 → %2").arg(C).arg(V)
                                                : tr("Unembedding  x · wteᵀ  %1 → %2").arg(C).arg(V)},
        {QStringLiteral("softmax"), tr("Softmax → next-token probabilities")}};
    for (const auto &[name, title] : tail) {
        const int b = idx(name);
        addNode(b, title, b >= 0 ? shapeText(m_snap.blocks[b]) : QString(), x, y, w, boxH);
        m_edges << qMakePair(last, int(m_nodes.size()) - 1);
        last = m_nodes.size() - 1;
        y += gap;
    }
    QStringList next;
    for (int i = 0; i < qMin(3, m_snap.nextPieces.size()); ++i)
        next << QStringLiteral("%1 %2%").arg(m_snap.nextPieces[i]).arg(100.0 * m_snap.nextProbs[i], 0, 'f', 1);
    addNode(-1, tr("Next token after “%1”").arg(m_snap.tokens.value(m_snap.selectedToken)), next.join(QStringLiteral("   ")),
            x, y, w, boxH);
    m_edges << qMakePair(last, int(m_nodes.size()) - 1);
    m_size = QSize(width, y + margin);
    updateGeometry();
    update();
}

void ArchitectureView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QColor ink = palette().color(QPalette::Text);
    const QFontMetrics fm(font());
    const int line = fm.height();

    if (m_group.isValid()) {
        // The repeated block: shadows behind it say "× N".
        const int copies = qMin(m_snap.nLayer, 3) - 1;
        for (int i = copies; i >= 1; --i) {
            p.setPen(QPen(ink.lighter(150), 1));
            p.setBrush(palette().alternateBase());
            p.drawRoundedRect(m_group.translated(6 * i, 6 * i), 8, 8);
        }
        p.setPen(QPen(ink, 1.5));
        p.setBrush(palette().alternateBase());
        p.drawRoundedRect(m_group, 8, 8);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        // In the left half, clear of the arrow that runs down the middle.
        const QRect titleRect(m_group.left() + line / 2, m_group.top() + 2, m_group.width() / 2 - line, line + 2);
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop, QFontMetrics(bold).elidedText(m_groupTitle, Qt::ElideRight, titleRect.width()));
        p.setFont(font());
    }

    auto arrow = [&](QPoint a, QPoint b) {
        p.drawLine(a, b);
        const QPointF dir = QPointF(b - a) / std::max(1.0, std::hypot(double(b.x() - a.x()), double(b.y() - a.y())));
        const QPointF n(-dir.y(), dir.x());
        const QPointF tip(b);
        QPolygonF head({tip, tip - 7 * dir + 4 * n, tip - 7 * dir - 4 * n});
        p.setBrush(ink);
        p.drawPolygon(head);
    };
    p.setPen(QPen(ink, 1.4));
    for (const auto &[from, to] : m_edges) {
        const QRect a = m_nodes[from].rect, b = m_nodes[to].rect;
        QPoint start(a.center().x(), a.bottom());
        QPoint end(b.center().x(), b.top());
        if (qAbs(start.x() - end.x()) > 4 && !m_nodes[to].round)
            start.setX(end.x()); // side by side: straight down into each
        arrow(start, end);
    }
    // Residual connections: around the left of the block, into the add.
    p.setPen(QPen(QColor(0x3c, 0x78, 0xd8), 1.6, Qt::DashLine));
    for (const auto &[from, to] : m_residuals) {
        const QRect a = m_nodes[from].rect, b = m_nodes[to].rect;
        const int yStart = a.bottom() + (line + 4) / 2;
        const int xLeft = m_group.left() + line / 3;
        QPainterPath path(QPointF(a.center().x(), yStart));
        path.lineTo(xLeft, yStart);
        path.lineTo(xLeft, b.center().y());
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        arrow(QPoint(xLeft, b.center().y()), QPoint(b.left(), b.center().y()));
        p.setPen(QPen(QColor(0x3c, 0x78, 0xd8), 1.6, Qt::DashLine));
    }

    for (int i = 0; i < m_nodes.size(); ++i) {
        const Node &n = m_nodes[i];
        const bool selected = n.block >= 0 && n.block == m_selected;
        p.setPen(QPen(selected ? QColor(0xd0, 0x30, 0x20) : ink, selected ? 3.0 : 1.2));
        p.setBrush(fillFor(n.kind));
        if (n.round)
            p.drawRoundedRect(n.rect, n.rect.height() / 2.0, n.rect.height() / 2.0);
        else
            p.drawRoundedRect(n.rect, 5, 5);
        p.setPen(Qt::black); // the fills are light in every palette
        QFont bold = font();
        bold.setBold(true);
        const QRect inner = n.rect.adjusted(8, 4, -8, -4);
        if (n.detail.isEmpty()) {
            p.setFont(bold);
            p.drawText(inner, Qt::AlignCenter, fm.elidedText(n.title, Qt::ElideRight, inner.width()));
        } else {
            p.setFont(bold);
            p.drawText(inner, Qt::AlignLeft | Qt::AlignTop, QFontMetrics(bold).elidedText(n.title, Qt::ElideRight, inner.width()));
            p.setFont(font());
            const QStringList lines = n.detail.split(QLatin1Char('\n'));
            int y = inner.bottom() - fm.height() * int(lines.size()) + 1;
            for (const QString &l : lines) {
                p.drawText(QRect(inner.left(), y, inner.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                           fm.elidedText(l, Qt::ElideRight, inner.width()));
                y += fm.height();
            }
        }
        p.setFont(font());
    }
}

void ArchitectureView::mousePressEvent(QMouseEvent *event)
{
    for (const auto &n : m_nodes) {
        if (n.block >= 0 && n.rect.contains(event->position().toPoint())) {
            selectBlock(n.block);
            emit blockClicked(n.block);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void ArchitectureView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        layout(); // presentation mode: the boxes grow with the text
    QWidget::changeEvent(event);
}

} // namespace lmwb::widgets
