#pragma once
// The loss chart: train loss per step and val loss per eval on one QCustomPlot.
//
//   LossPlot plot;  plot.setMetrics(readMetrics(runDir));   // or appendStep()/appendEval()

#include "runscanner.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace lmwb::widgets {

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget *parent = nullptr);

    void clear();
    void setMetrics(const RunMetrics &metrics);
    void appendStep(double step, double trainLoss);
    void appendEval(double step, double valLoss);
    // A dashed line at ln(V): the loss of a uniform guess over the vocabulary.
    void setVocabularySize(int vocabSize);

    QCustomPlot *plot() const { return m_plot; }
    int trainPointCount() const;
    int evalPointCount() const;

private:
    void rescale();

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_train = nullptr;
    QCPGraph *m_val = nullptr;
    QCPGraph *m_uniform = nullptr;
    double m_uniformLoss = 0.0;
};

} // namespace lmwb::widgets
