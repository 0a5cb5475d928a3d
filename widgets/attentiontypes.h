#pragma once
// The attention of one prompt through one model: what the worker computes and every view
// of the Attention tab draws. Plain Qt values, no torch; crosses threads by queued signals
// (registered by registerAttentionTypes()).
//
//   AttentionSnapshot s = ...;                 // from AttentionWorker or Session
//   float w = s.at(layer, head, query, key);   // row = query, column = key, causal
//   QVector<float> avg = s.layerAverage(layer); // (T, T), mean over the heads
//   QVector<HeadStats> st = computeHeadStats(s);
//
// Notation: L layers, H heads, T tokens.

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace lmwb::widgets {

struct AttentionSnapshot {
    QVector<QByteArray> pieces; // the raw bytes of each token (what decode({id}) gives)
    QVector<int> ids;
    int nLayer = 0, nHead = 0, T = 0;
    QVector<float> weights;     // (L, H, T, T) row-major, row = query, column = key
    qint64 step = -1;           // the training step of the model, -1 if unknown
    QString source;             // the checkpoint directory, or the live run's directory
    bool live = false;          // from the model while it trains
    QString note;               // e.g. "the prompt was cut to the model's context of 64 tokens"
    QString error;              // non-empty: nothing was computed, and this says why

    bool isValid() const { return nLayer > 0 && nHead > 0 && T > 0 && weights.size() == qsizetype(nLayer) * nHead * T * T; }
    float at(int l, int h, int q, int k) const
    {
        return weights[((qsizetype(l) * nHead + h) * T + q) * T + k];
    }
    const float *head(int l, int h) const { return weights.constData() + (qsizetype(l) * nHead + h) * T * T; }
    QVector<float> headMatrix(int l, int h) const;
    QVector<float> layerAverage(int l) const;
    QString token(int i) const { return QString::fromUtf8(pieces.value(i)); }
};

// Statistics of one head over the prompt, for hunting heads that do something.
struct HeadStats {
    int layer = 0, head = 0;
    double entropy = 0.0;       // mean over query rows of -sum p ln p (nats)
    double meanDistance = 0.0;  // mean over rows of sum_k p(q,k) (q - k), in tokens
    double previousToken = 0.0; // mean over q >= 1 of p(q, q-1)
    double firstToken = 0.0;    // mean over q >= 1 of p(q, 0)
    double selfToken = 0.0;     // mean over q >= 1 of p(q, q)
    double sameToken = 0.0;     // mean over queries with an earlier copy of their token of
                                // the weight on those copies (-1: no query has one)
};

HeadStats computeHeadStats(const float *matrix, int T, const QVector<int> &ids);
QVector<HeadStats> computeHeadStats(const AttentionSnapshot &s);

// A token as a label: whitespace and control characters made visible ("␣", "↵", "⇥",
// "\x07"), so " the" and "the" and a newline can be told apart.
QString displayToken(const QString &token);

void registerAttentionTypes();

} // namespace lmwb::widgets

Q_DECLARE_METATYPE(lmwb::widgets::AttentionSnapshot)
