#include "smoothing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lmwb::widgets {

DebiasedEma::DebiasedEma(double weight) : m_weight(std::clamp(std::isfinite(weight) ? weight : 0.0, 0.0, 1.0)) {}

double DebiasedEma::add(double value)
{
    if (!std::isfinite(value))
        return std::numeric_limits<double>::quiet_NaN();
    m_last = m_last * m_weight + (1.0 - m_weight) * value;
    m_decay *= m_weight;
    // TensorBoard does not debias at w = 1 (the curve is then flat at zero); neither do we.
    const double debias = m_weight < 1.0 ? 1.0 - m_decay : 1.0;
    return m_last / debias;
}

void DebiasedEma::reset()
{
    m_last = 0.0;
    m_decay = 1.0;
}

QVector<double> debiasedEma(const QVector<double> &values, double weight)
{
    DebiasedEma ema(weight);
    QVector<double> out;
    out.reserve(values.size());
    for (double v : values)
        out.append(ema.add(v));
    return out;
}

} // namespace lmwb::widgets
