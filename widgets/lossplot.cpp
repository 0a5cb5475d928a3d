#include "lossplot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace lmwb::widgets {

LossPlot::LossPlot(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(320, 220);
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("loss (nats per token)"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    m_train = m_plot->addGraph();
    m_train->setName(tr("train loss"));
    m_train->setPen(QPen(QColor(31, 119, 180), 1.5));

    m_val = m_plot->addGraph();
    m_val->setName(tr("val loss"));
    m_val->setPen(QPen(QColor(214, 39, 40), 2.0));
    m_val->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));

    m_uniform = m_plot->addGraph();
    m_uniform->setName(tr("uniform guess ln(V)"));
    QPen dashed(QColor(120, 120, 120), 1.0, Qt::DashLine);
    m_uniform->setPen(dashed);
    m_uniform->setVisible(false);
    m_uniform->removeFromLegend();
}

void LossPlot::clear()
{
    m_train->data()->clear();
    m_val->data()->clear();
    rescale();
}

void LossPlot::setMetrics(const RunMetrics &m)
{
    m_train->setData(m.steps, m.trainLoss);
    m_val->setData(m.evalSteps, m.evalValLoss);
    rescale();
}

void LossPlot::appendStep(double step, double trainLoss)
{
    m_train->addData(step, trainLoss);
    rescale();
}

void LossPlot::appendEval(double step, double valLoss)
{
    m_val->addData(step, valLoss);
    rescale();
}

void LossPlot::setVocabularySize(int vocabSize)
{
    m_uniformLoss = vocabSize > 1 ? std::log(static_cast<double>(vocabSize)) : 0.0;
    m_uniform->setVisible(m_uniformLoss > 0);
    if (m_uniformLoss > 0)
        m_uniform->addToLegend();
    rescale();
}

int LossPlot::trainPointCount() const { return m_train->dataCount(); }
int LossPlot::evalPointCount() const { return m_val->dataCount(); }

void LossPlot::rescale()
{
    bool found = false;
    QCPRange keys = m_train->getKeyRange(found);
    bool foundVal = false;
    QCPRange valKeys = m_val->getKeyRange(foundVal);
    if (foundVal)
        keys = found ? QCPRange(std::min(keys.lower, valKeys.lower), std::max(keys.upper, valKeys.upper)) : valKeys;
    if (!found && !foundVal)
        keys = QCPRange(0, 1);
    if (m_uniformLoss > 0)
        m_uniform->setData({keys.lower, keys.upper}, {m_uniformLoss, m_uniformLoss});
    m_plot->rescaleAxes();
    if (m_uniformLoss > 0)
        m_plot->yAxis->setRangeUpper(std::max(m_plot->yAxis->range().upper, m_uniformLoss * 1.05));
    m_plot->yAxis->setRangeLower(0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace lmwb::widgets
