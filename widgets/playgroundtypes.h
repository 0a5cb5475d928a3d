#pragma once
// Value types between the Playground (GUI thread) and the PlaygroundWorker (worker
// thread): a generation request with its sampler settings, and each generated token with
// the candidates before and after every stage of the sampler chain. Plain Qt values, no
// torch; registered as metatypes by registerPlaygroundTypes().

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace lmwb::widgets {

struct PlaygroundCandidate {
    int id = 0;
    QString text; // the token as text (may show a replacement character for a partial byte)
    float prob = 0.0f;
};

struct PlaygroundStage {
    QString name; // "penalties", "temperature", "top_k", "top_p", "min_p", "typical"
    QVector<PlaygroundCandidate> candidates; // the survivors, most likely first (top 20)
    int survivors = 0;
};

struct PlaygroundToken {
    int id = 0;
    QString text;          // what it adds to the output (complete UTF-8 only)
    float prob = 0.0f;     // in the distribution it was drawn from
    float rawProb = 0.0f;  // under the model's raw softmax
    bool forced = false;   // chosen by the user (a branch), not drawn
    QVector<PlaygroundCandidate> top;     // the raw distribution, most likely first
    QVector<PlaygroundStage> stages;      // after each stage, in chain order
};

// Everything the controls set. Stage names as in PlaygroundStage::name.
struct PlaygroundSettings {
    double temperature = 0.8;
    int topK = 40;
    double topP = 0.95;
    double minP = 0.05;
    double typicalP = 1.0;
    double repetitionPenalty = 1.1;
    double presencePenalty = 0.0;
    double frequencyPenalty = 0.0;
    int maxNewTokens = 200;
    QStringList stopStrings;
    quint64 seed = 1337;
    bool fixedSeed = true;
    QStringList order = defaultOrder(); // the enabled stages, in chain order
    bool cropContext = false;           // false: context shift (generator.h)
    int keepTokens = 0;                 // 0 = block_size/2
    bool bf16 = false;                  // generate on a bfloat16 copy of the weights (GPT)

    static QStringList defaultOrder();
    static QStringList allStages() { return defaultOrder(); }
    // "greedy", "balanced", "creative"; anything else gives the defaults (= balanced).
    static PlaygroundSettings preset(const QString &name);
    bool operator==(const PlaygroundSettings &o) const;
    bool operator!=(const PlaygroundSettings &o) const { return !(*this == o); }
};

struct PlaygroundRequest {
    int pane = 0;
    QString checkpoint; // a checkpoint or run directory
    QString prompt;
    QVector<int> forcedIds; // appended to the encoded prompt (a branch's prefix and choice)
    PlaygroundSettings settings;
};

void registerPlaygroundTypes();

} // namespace lmwb::widgets

Q_DECLARE_METATYPE(lmwb::widgets::PlaygroundToken)
Q_DECLARE_METATYPE(lmwb::widgets::PlaygroundRequest)
Q_DECLARE_METATYPE(lmwb::widgets::PlaygroundSettings)
