#pragma once
// The charts of the live training monitor, styled for a projector: large fonts, the
// Okabe–Ito colour-blind-safe palette, no chart junk.
//
//   LossChart *loss = new LossChart;          // train (raw + smoothed), val, ln(V) line
//   loss->setUniformLoss(std::log(65.0));
//   loss->rawGraph()->addData(keys, values, true);
//   loss->fitRanges();  loss->replot(QCustomPlot::rpQueuedReplot);
//
//   MetricChart *lr = new MetricChart(tr("learning rate"), okabeIto(OkabeIto::BluishGreen));
//   lr->series()->addData(keys, values, true);  lr->fitRanges(loss->xAxis->range());
//
// The charts only draw; the TrainingMonitor owns the data and decides when to replot.

#include <qcustomplot.h>

#include <QColor>
#include <QVector>

#include <utility>

namespace lmwb::widgets {

// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
// colour-vision deficiency. Yellow is left out: it vanishes on white under a projector.
enum class OkabeIto { Blue, Vermillion, BluishGreen, ReddishPurple, Orange, SkyBlue, Black };
QColor okabeIto(OkabeIto colour);

// Fonts, grid and margins shared by every monitor chart.
void styleChart(QCustomPlot *plot);

// One metric against the monitor's x axis (learning rate, gradient norm, tokens/s).
class MetricChart : public QCustomPlot {
    Q_OBJECT
public:
    MetricChart(const QString &title, const QColor &colour, QWidget *parent = nullptr);

    QCPGraph *series() const { return m_series; }
    QString title() const;
    // Keys from the caller (so every chart shares the loss chart's x range), values from
    // the data: from 0 (or just below the smallest value) to a little above the largest.
    void fitRanges(const QCPRange &keys);

private:
    QCPTextElement *m_title = nullptr;
    QCPGraph *m_series = nullptr;
};

// Train loss per step (raw, faint; smoothed, bold), val loss per eval, the uniform-guess
// line at ln(V), and the loss curves of other runs laid over them.
class LossChart : public QCustomPlot {
    Q_OBJECT
public:
    struct Overlay {
        QString name;
        QCPGraph *train = nullptr; // smoothed train loss, in the legend under the run's name
        QCPGraph *val = nullptr;   // val loss markers in the same colour, not in the legend
    };

    explicit LossChart(QWidget *parent = nullptr);

    QCPGraph *rawGraph() const { return m_raw; }
    QCPGraph *smoothedGraph() const { return m_smoothed; }
    QCPGraph *valGraph() const { return m_val; }

    // ln(V), the loss of guessing uniformly over V tokens; NaN hides the line.
    void setUniformLoss(double loss);
    double uniformLoss() const { return m_uniformLoss; }
    QCPItemStraightLine *uniformLine() const { return m_uniformLine; }
    QCPItemText *uniformLabel() const { return m_uniformLabel; }

    // A fine-tuning run's reference: the loss of the model it started from (the eval at
    // step 0), drawn across the chart and labelled with the base model's name; NaN hides it.
    void setBaseLoss(double loss, const QString &baseName);
    double baseLoss() const { return m_baseLoss; }
    QCPItemStraightLine *baseLine() const { return m_baseLine; }
    QCPItemText *baseLabel() const { return m_baseLabel; }

    void setLogY(bool on);
    bool logY() const { return m_logY; }
    // A hint in the middle of an empty chart; an empty string hides it.
    void setPlaceholder(const QString &text);

    Overlay addOverlay(const QString &name);
    void clearOverlays();
    const QVector<Overlay> &overlays() const { return m_overlays; }

    // Fits both axes to the finite data and the ln(V) line; keys start at 0 when the data
    // does. `emptyKeys` is the x range to show while there is no data at all.
    void fitRanges(const QCPRange &emptyKeys = QCPRange(0, 1));

private:
    // A horizontal line across the chart with its label at one side, both hidden.
    std::pair<QCPItemStraightLine *, QCPItemText *> addReferenceLine(const QPen &pen, const QColor &textColour,
                                                                     Qt::Alignment side);
    // Shows it at y = loss with text, or hides it when loss is not a positive number.
    static void placeReferenceLine(QCPItemStraightLine *line, QCPItemText *label, double loss, const QString &text);

    QCPGraph *m_raw = nullptr;
    QCPGraph *m_smoothed = nullptr;
    QCPGraph *m_val = nullptr;
    QCPItemStraightLine *m_uniformLine = nullptr;
    QCPItemText *m_uniformLabel = nullptr;
    QCPItemText *m_placeholder = nullptr;
    QCPItemStraightLine *m_baseLine = nullptr;
    QCPItemText *m_baseLabel = nullptr;
    QVector<Overlay> m_overlays;
    double m_uniformLoss;
    double m_baseLoss;
    bool m_logY = false;
};

} // namespace lmwb::widgets
