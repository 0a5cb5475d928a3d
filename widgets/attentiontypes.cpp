#include "attentiontypes.h"

#include <cmath>

namespace lmwb::widgets {

QVector<float> AttentionSnapshot::headMatrix(int l, int h) const
{
    const float *p = head(l, h);
    return QVector<float>(p, p + qsizetype(T) * T);
}

QVector<float> AttentionSnapshot::layerAverage(int l) const
{
    QVector<float> out(qsizetype(T) * T, 0.0f);
    for (int h = 0; h < nHead; ++h) {
        const float *p = head(l, h);
        for (qsizetype i = 0; i < out.size(); ++i)
            out[i] += p[i];
    }
    for (auto &v : out)
        v /= float(nHead);
    return out;
}

HeadStats computeHeadStats(const float *m, int T, const QVector<int> &ids)
{
    HeadStats s;
    double entropy = 0, distance = 0, prev = 0, first = 0, self = 0, same = 0;
    int sameRows = 0;
    for (int q = 0; q < T; ++q) {
        const float *row = m + qsizetype(q) * T;
        double sameHere = 0;
        bool hasCopy = false;
        for (int k = 0; k <= q; ++k) {
            const double p = row[k];
            if (p > 0)
                entropy -= p * std::log(p);
            distance += p * (q - k);
            if (k < q && k < ids.size() && q < ids.size() && ids[k] == ids[q]) {
                sameHere += p;
                hasCopy = true;
            }
        }
        if (q >= 1) {
            prev += row[q - 1];
            first += row[0];
            self += row[q];
        }
        if (hasCopy) {
            same += sameHere;
            ++sameRows;
        }
    }
    s.entropy = T > 0 ? entropy / T : 0.0;
    s.meanDistance = T > 0 ? distance / T : 0.0;
    s.previousToken = T > 1 ? prev / (T - 1) : 0.0;
    s.firstToken = T > 1 ? first / (T - 1) : 0.0;
    s.selfToken = T > 1 ? self / (T - 1) : 0.0;
    s.sameToken = sameRows > 0 ? same / sameRows : -1.0;
    return s;
}

QVector<HeadStats> computeHeadStats(const AttentionSnapshot &s)
{
    QVector<HeadStats> out;
    if (!s.isValid())
        return out;
    out.reserve(s.nLayer * s.nHead);
    for (int l = 0; l < s.nLayer; ++l)
        for (int h = 0; h < s.nHead; ++h) {
            HeadStats st = computeHeadStats(s.head(l, h), s.T, s.ids);
            st.layer = l;
            st.head = h;
            out.push_back(st);
        }
    return out;
}

QString displayToken(const QString &token)
{
    QString out;
    for (QChar c : token) {
        switch (c.unicode()) {
        case ' ': out += QChar(0x2423); break;  // ␣
        case '\n': out += QChar(0x21B5); break; // ↵
        case '\t': out += QChar(0x21E5); break; // ⇥
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out.isEmpty() ? QStringLiteral("∅") : out;
}

void registerAttentionTypes() { qRegisterMetaType<AttentionSnapshot>(); }

} // namespace lmwb::widgets
