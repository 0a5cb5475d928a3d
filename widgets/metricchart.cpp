#include "metricchart.h"

#include <QApplication>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <tuple>

namespace lmwb::widgets {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Point sizes for a room, not a laptop: readable from the back row at 1200x800.
QFont chartFont(double minimumPoints, int weight = QFont::Normal)
{
    QFont f = QApplication::font();
    f.setPointSizeF(std::max(f.pointSizeF() > 0 ? f.pointSizeF() : 10.0, minimumPoints));
    f.setWeight(QFont::Weight(weight));
    return f;
}

// The finite extent of some graphs. QCustomPlot's own getValueRange() lets a leading NaN
// through, and a skipped step is a NaN, so the charts measure their data themselves.
struct Extent {
    double keyLow = kInf, keyHigh = -kInf, valueLow = kInf, valueHigh = -kInf;

    bool empty() const { return keyLow > keyHigh; }
    void add(const QCPGraph *graph, bool positiveOnly)
    {
        if (!graph || !graph->visible())
            return;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            if (!std::isfinite(it->key) || !std::isfinite(it->value) || (positiveOnly && it->value <= 0))
                continue;
            keyLow = std::min(keyLow, it->key);
            keyHigh = std::max(keyHigh, it->key);
            valueLow = std::min(valueLow, it->value);
            valueHigh = std::max(valueHigh, it->value);
        }
    }
};

} // namespace

QColor okabeIto(OkabeIto colour)
{
    switch (colour) {
    case OkabeIto::Blue: return QColor(0x00, 0x72, 0xB2);
    case OkabeIto::Vermillion: return QColor(0xD5, 0x5E, 0x00);
    case OkabeIto::BluishGreen: return QColor(0x00, 0x9E, 0x73);
    case OkabeIto::ReddishPurple: return QColor(0xCC, 0x79, 0xA7);
    case OkabeIto::Orange: return QColor(0xE6, 0x9F, 0x00);
    case OkabeIto::SkyBlue: return QColor(0x56, 0xB4, 0xE9);
    case OkabeIto::Black: return QColor(0x00, 0x00, 0x00);
    }
    return QColor(Qt::black);
}

void styleChart(QCustomPlot *plot)
{
    const QFont ticks = chartFont(11);
    const QFont labels = chartFont(12);
    const QColor ink(0x33, 0x33, 0x33);
    plot->setBackground(Qt::white);
    // Thick antialiased polylines of thousands of points are slow to stroke as one path in
    // QPainter's raster engine (the time grows with the overlaps); segment by segment it stays
    // linear. The joins this gives up do not show at these pen widths.
    plot->setPlottingHint(QCP::phFastPolylines, true);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setTickLabelFont(ticks);
        axis->setLabelFont(labels);
        axis->setTickLabelColor(ink);
        axis->setLabelColor(ink);
        axis->setBasePen(QPen(ink, 1));
        axis->setTickPen(QPen(ink, 1));
        axis->setSubTickPen(QPen(ink, 1));
        axis->setNumberFormat(QStringLiteral("gbd"));
        axis->setNumberPrecision(4);
        axis->grid()->setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 1, Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->ticker()->setTickCount(6);
    }
    plot->legend->setFont(ticks);
    plot->legend->setBrush(QColor(255, 255, 255, 225));
    plot->legend->setBorderPen(QPen(QColor(0xBB, 0xBB, 0xBB)));
    plot->legend->setIconSize(32, 14);
}

// ---------------------------------------------------------------------------------------

MetricChart::MetricChart(const QString &title, const QColor &colour, QWidget *parent) : QCustomPlot(parent)
{
    styleChart(this);
    m_title = new QCPTextElement(this, title, chartFont(12, QFont::DemiBold));
    m_title->setTextColor(QColor(0x33, 0x33, 0x33));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    m_series = addGraph();
    m_series->setName(title);
    m_series->setPen(QPen(colour, 2));
    xAxis->ticker()->setTickCount(3);
    yAxis->ticker()->setTickCount(4);
    yAxis->setNumberPrecision(6); // 40000 tokens/s, not 4·10^4; 0.0003 stays 0.0003
    // The same left margin for every small chart, so their plot areas line up in a column.
    axisRect()->setMinimumMargins(QMargins(78, 8, 12, 8));
    setMinimumSize(220, 120);
}

QString MetricChart::title() const { return m_title->text(); }

void MetricChart::fitRanges(const QCPRange &keys)
{
    xAxis->setRange(keys);
    Extent e;
    e.add(m_series, false);
    if (e.empty()) {
        yAxis->setRange(0, 1);
        return;
    }
    const double low = e.valueLow >= 0 ? 0.0 : e.valueLow * 1.1;
    const double high = e.valueHigh > low ? e.valueHigh * 1.1 : low + 1.0;
    yAxis->setRange(low, high);
}

// ---------------------------------------------------------------------------------------

LossChart::LossChart(QWidget *parent) : QCustomPlot(parent), m_uniformLoss(qQNaN()), m_baseLoss(qQNaN())
{
    styleChart(this);
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(tr("loss (nats/token)"));
    setMinimumSize(420, 260);

    const QColor blue = okabeIto(OkabeIto::Blue);
    QColor faint = blue;
    faint.setAlpha(100);
    m_raw = addGraph();
    m_raw->setName(tr("train loss (raw)"));
    m_raw->setPen(QPen(faint, 1));
    m_smoothed = addGraph();
    m_smoothed->setName(tr("train loss (smoothed)"));
    m_smoothed->setPen(QPen(blue, 3));
    m_val = addGraph();
    m_val->setName(tr("val loss"));
    const QColor vermillion = okabeIto(OkabeIto::Vermillion);
    m_val->setPen(QPen(vermillion, 2));
    m_val->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(vermillion, 2), QBrush(Qt::white), 9));

    // Reference lines sit under the curves (grid layer), so they read as references, not
    // as data: ln V in grey, labelled on the right; a fine-tuning run's base model in the val
    // colour, dotted, labelled on the left.
    const QColor grey(0x55, 0x55, 0x55);
    std::tie(m_uniformLine, m_uniformLabel) = addReferenceLine(QPen(grey, 1.5, Qt::DashLine), grey, Qt::AlignRight);
    std::tie(m_baseLine, m_baseLabel) = addReferenceLine(QPen(vermillion, 2, Qt::DotLine), vermillion.darker(120), Qt::AlignLeft);

    m_placeholder = new QCPItemText(this);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->setFont(chartFont(14));
    m_placeholder->setColor(QColor(0x88, 0x88, 0x88));
    m_placeholder->setVisible(false);

    legend->setVisible(true);
    // Bottom left: a falling loss curve leaves that corner empty.
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
}

std::pair<QCPItemStraightLine *, QCPItemText *> LossChart::addReferenceLine(const QPen &pen, const QColor &textColour,
                                                                            Qt::Alignment side)
{
    auto *line = new QCPItemStraightLine(this);
    line->setLayer(QStringLiteral("grid"));
    line->setPen(pen);
    line->setVisible(false);
    auto *label = new QCPItemText(this);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->setPositionAlignment(side | Qt::AlignBottom);
    label->setFont(chartFont(11));
    label->setColor(textColour);
    label->setPadding(QMargins(4, 2, 4, 2));
    label->setClipToAxisRect(true);
    label->setVisible(false);
    return {line, label};
}

void LossChart::placeReferenceLine(QCPItemStraightLine *line, QCPItemText *label, double loss, const QString &text)
{
    const bool show = std::isfinite(loss) && loss > 0;
    line->setVisible(show);
    label->setVisible(show);
    if (!show)
        return;
    line->point1->setCoords(0, loss);
    line->point2->setCoords(1, loss);
    label->position->setCoords(label->positionAlignment() & Qt::AlignLeft ? 0.005 : 0.995, loss);
    label->setText(text);
}

void LossChart::setUniformLoss(double loss)
{
    m_uniformLoss = loss;
    placeReferenceLine(m_uniformLine, m_uniformLabel, loss, tr("uniform guess: ln V = %1").arg(loss, 0, 'f', 2));
}

void LossChart::setBaseLoss(double loss, const QString &baseName)
{
    m_baseLoss = loss;
    placeReferenceLine(m_baseLine, m_baseLabel, loss, tr("base model %1: %2").arg(baseName).arg(loss, 0, 'f', 3));
}

void LossChart::setLogY(bool on)
{
    m_logY = on;
    if (on) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(10);
        ticker->setSubTickCount(8);
        ticker->setTickCount(6);
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(ticker);
    } else {
        auto ticker = QSharedPointer<QCPAxisTicker>::create();
        ticker->setTickCount(6);
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(ticker);
    }
}

void LossChart::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
}

LossChart::Overlay LossChart::addOverlay(const QString &name)
{
    static const OkabeIto cycle[] = {OkabeIto::BluishGreen, OkabeIto::ReddishPurple, OkabeIto::Orange,
                                     OkabeIto::SkyBlue, OkabeIto::Black};
    const QColor colour = okabeIto(cycle[m_overlays.size() % int(std::size(cycle))]);
    Overlay o;
    o.name = name;
    o.train = addGraph();
    o.train->setName(name);
    o.train->setPen(QPen(colour, 2));
    o.val = addGraph();
    o.val->setName(name);
    o.val->setLineStyle(QCPGraph::lsNone);
    o.val->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(colour, 1.5), QBrush(colour), 9));
    o.val->removeFromLegend();
    m_overlays.append(o);
    return o;
}

void LossChart::clearOverlays()
{
    for (const Overlay &o : std::as_const(m_overlays)) {
        removeGraph(o.train);
        removeGraph(o.val);
    }
    m_overlays.clear();
}

void LossChart::fitRanges(const QCPRange &emptyKeys)
{
    Extent e;
    const bool positive = m_logY;
    for (const QCPGraph *g : {m_raw, m_smoothed, m_val})
        e.add(g, positive);
    for (const Overlay &o : std::as_const(m_overlays)) {
        e.add(o.train, positive);
        e.add(o.val, positive);
    }
    const bool hasUniform = m_uniformLine->visible();
    if (e.empty()) {
        xAxis->setRange(emptyKeys);
        const double top = hasUniform ? m_uniformLoss * 1.15 : 5.0;
        yAxis->setRange(m_logY ? top / 4 : 0.0, top);
        return;
    }
    // From 0 when the data starts there, with a little room so the markers of the first and
    // the last eval are not cut in half by the axis rect.
    const double keyLow = e.keyLow >= 0 ? 0.0 : e.keyLow;
    const double keyHigh = e.keyHigh > keyLow ? e.keyHigh : keyLow + 1;
    const double pad = 0.015 * (keyHigh - keyLow);
    xAxis->setRange(keyLow - pad, keyHigh + pad);

    double low = e.valueLow, high = e.valueHigh;
    if (hasUniform) {
        low = std::min(low, m_uniformLoss);
        high = std::max(high, m_uniformLoss);
    }
    if (m_baseLine->visible()) {
        low = std::min(low, m_baseLoss);
        high = std::max(high, m_baseLoss);
    }
    if (m_logY) {
        yAxis->setRange(low / 1.08, high * 1.15); // room above the ln(V) label
    } else {
        const double span = high > low ? high - low : std::max(1.0, std::abs(high));
        yAxis->setRange(std::max(0.0, low - 0.05 * span), high + 0.1 * span);
    }
}

} // namespace lmwb::widgets
