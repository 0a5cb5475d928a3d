#pragma once
// TensorBoard's debiased exponential moving average, the smoothing of the loss charts.
//
//   QVector<double> smooth = debiasedEma(losses, 0.6);   // one output per input
//
//   DebiasedEma ema(0.6);                               // the same, one value at a time
//   for (double y : losses) plot(ema.add(y));
//
// For each finite y: last = last*w + (1-w)*y; n += 1; smoothed = last / (1 - w^n).
// Dividing by 1 - w^n removes the pull towards the zero the average starts from, so the
// first smoothed value is the first raw value (TensorBoard, vz_line_chart2/line-chart.ts).
// w = 0 gives the raw values back. A non-finite y gives NaN and leaves the average alone,
// so one skipped step does not poison the rest of the curve.

#include <QVector>

namespace lmwb::widgets {

class DebiasedEma {
public:
    explicit DebiasedEma(double weight = 0.0);

    double add(double value); // the smoothed value for this input (NaN if it is not finite)
    void reset();
    double weight() const { return m_weight; }

private:
    double m_weight;    // in [0, 1]
    double m_last = 0.0;
    double m_decay = 1.0; // w^n, kept as a running product instead of pow() per value
};

QVector<double> debiasedEma(const QVector<double> &values, double weight);

} // namespace lmwb::widgets
