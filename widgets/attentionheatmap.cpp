#include "attentionheatmap.h"

#include "attentiongrid.h"
#include "attentiontypes.h"

#include <qcustomplot.h>

#include <QHelpEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace lmwb::widgets {

AttentionHeatmap::AttentionHeatmap(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(300, 300);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);

    m_plot->xAxis->setLabel(tr("key (attended token)"));
    m_plot->yAxis->setLabel(tr("query (attending token)"));
    m_plot->yAxis->setRangeReversed(true); // the first query at the top, as in a matrix
    m_plot->xAxis->setTickLabelRotation(-60);
    for (QCPAxis *a : {m_plot->xAxis, m_plot->yAxis}) {
        a->grid()->setVisible(false);
        a->setSubTicks(false);
        a->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    }

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setLabel(tr("weight"));
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_plot->plotLayout()->insertRow(0);
    QFont bold = font();
    bold.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), bold);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_map->setColorScale(m_scale);
    QCPColorGradient g = attentionGradient();
    g.setNanHandling(QCPColorGradient::nhNanColor);
    g.setNanColor(QColor(225, 225, 225)); // the masked (future) half
    m_map->setGradient(g);
    auto *group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_map->setDataRange(QCPRange(0.0, 1.0));
}

void AttentionHeatmap::clear()
{
    m_T = 0;
    m_tokens.clear();
    m_matrix.clear();
    m_map->data()->clear();
    m_title->setText(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionHeatmap::setMatrix(const QStringList &tokens, int T, const QVector<float> &matrix, const QString &title)
{
    Q_ASSERT(matrix.size() == qsizetype(T) * T);
    m_T = T;
    m_tokens = tokens;
    m_matrix = matrix;
    // Cell (x = key, y = query); the coordinates are token positions 0..T-1.
    m_map->data()->setSize(T, T);
    m_map->data()->setRange(QCPRange(0, T - 1), QCPRange(0, T - 1));
    for (int q = 0; q < T; ++q)
        for (int k = 0; k < T; ++k)
            m_map->data()->setCell(k, q, k > q ? qQNaN() : double(matrix[qsizetype(q) * T + k]));
    m_plot->xAxis->setRange(-0.5, T - 0.5);
    m_plot->yAxis->setRange(-0.5, T - 0.5);
    m_title->setText(title);
    updateRange();
    updateTicks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionHeatmap::setAutoContrast(bool on)
{
    m_autoContrast = on;
    updateRange();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionHeatmap::updateRange()
{
    double upper = 1.0;
    if (m_autoContrast && m_T > 0) {
        double mx = 0.0;
        for (int q = 0; q < m_T; ++q)
            for (int k = 0; k <= q; ++k)
                mx = std::max(mx, double(m_matrix[qsizetype(q) * m_T + k]));
        upper = mx > 0.0 ? mx : 1.0;
    }
    m_map->setDataRange(QCPRange(0.0, upper));
}

double AttentionHeatmap::rangeUpper() const { return m_map->dataRange().upper; }

double AttentionHeatmap::cellValue(int query, int key) const
{
    if (query < 0 || key < 0 || query >= m_T || key >= m_T)
        return qQNaN();
    return m_map->data()->cell(key, query);
}

void AttentionHeatmap::updateTicks()
{
    // Every label when they fit, else every n-th: a label needs about a line of height.
    const int line = fontMetrics().height();
    auto ticks = [&](QCPAxis *axis, int pixels) {
        auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
        ticker->clear();
        if (m_T == 0)
            return;
        const int stride = std::max(1, int(std::ceil(double(m_T) * line / std::max(pixels, 1))));
        for (int i = 0; i < m_T; i += stride)
            ticker->addTick(i, displayToken(m_tokens.value(i)));
    };
    ticks(m_plot->xAxis, std::max(50, width() - 140));
    ticks(m_plot->yAxis, std::max(50, height() - 140));
}

void AttentionHeatmap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateTicks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString AttentionHeatmap::toolTipAt(const QPoint &pos) const
{
    if (m_T == 0 || !m_plot->axisRect()->rect().contains(pos))
        return {};
    const int k = int(std::lround(m_plot->xAxis->pixelToCoord(pos.x())));
    const int q = int(std::lround(m_plot->yAxis->pixelToCoord(pos.y())));
    if (q < 0 || k < 0 || q >= m_T || k >= m_T)
        return {};
    const QString query = displayToken(m_tokens.value(q)), key = displayToken(m_tokens.value(k));
    if (k > q)
        return tr("query %1 “%2” cannot see key %3 “%4” (a later token)").arg(q).arg(query).arg(k).arg(key);
    return tr("query %1 “%2” → key %3 “%4”: weight %5")
        .arg(q)
        .arg(query)
        .arg(k)
        .arg(key)
        .arg(double(m_matrix[qsizetype(q) * m_T + k]), 0, 'f', 4);
}

bool AttentionHeatmap::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, m_plot);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace lmwb::widgets
