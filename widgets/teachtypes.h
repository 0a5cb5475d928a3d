#pragma once
// Value types that travel from the TeachWorker (worker thread) to the teaching views: one
// snapshot of one forward pass — the blocks of the model, one attention row traced step by
// step, and the logit lens. Plain Qt values, no torch; registered by registerTeachTypes().

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace lmwb::widgets {

struct TeachBlock {
    QString name;           // "h.0.attn"
    QString kind;           // tokens, embedding, position, add, layernorm, attention, mlp, lstm, unembedding, softmax
    int layer = -1;
    qint64 parameters = 0;
    QStringList paramNames;
    QVector<QVector<qint64>> paramShapes;
    QVector<qint64> activationShape; // the output for the prompt, e.g. (T, C)
    float histMin = 0.0f, histMax = 0.0f;
    QVector<qint64> histCounts;
    QVector<float> activation;       // the output vector at the selected token
    QString note;
};

struct TeachLensStep {
    QString name;                    // "embeddings", "h.0", ...
    QStringList topPieces;
    QVector<float> topProbs;
};

struct TeachSnapshot {
    int requestId = 0;
    QString error;                   // non-empty: nothing else is valid
    QString checkpoint;
    qint64 step = 0;
    bool lstm = false;
    int nLayer = 0, nHead = 0, nEmbd = 0, blockSize = 0, vocabSize = 0;
    qint64 parameterCount = 0;
    QStringList tokens;
    int selectedToken = 0;
    QVector<TeachBlock> blocks;
    QStringList nextPieces;          // the most likely next tokens after selectedToken
    QVector<float> nextProbs;

    // The attention row of (layer, head, query = selectedToken), GPT only.
    bool hasTrace = false;
    QString traceError;
    int layer = 0, head = 0, headSize = 0;
    double scale = 1.0;
    QVector<float> q;
    QVector<QVector<float>> k, v;
    QVector<float> scores, scaled, masked, probs, output, captured;
    QVector<float> concat, projected, mlpIn, mlpHidden, mlpActivated, mlpOut;

    // The logit lens at selectedToken, GPT only.
    QVector<TeachLensStep> lens;

    int blockIndex(const QString &name) const
    {
        for (int i = 0; i < blocks.size(); ++i)
            if (blocks[i].name == name)
                return i;
        return -1;
    }
};

void registerTeachTypes();

} // namespace lmwb::widgets

Q_DECLARE_METATYPE(lmwb::widgets::TeachSnapshot)
