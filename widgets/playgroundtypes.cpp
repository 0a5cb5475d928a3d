#include "playgroundtypes.h"

namespace lmwb::widgets {

QStringList PlaygroundSettings::defaultOrder()
{
    return {QStringLiteral("penalties"), QStringLiteral("temperature"), QStringLiteral("top_k"),
            QStringLiteral("top_p"),     QStringLiteral("min_p"),       QStringLiteral("typical")};
}

PlaygroundSettings PlaygroundSettings::preset(const QString &name)
{
    PlaygroundSettings s;
    if (name == QLatin1String("greedy")) {
        s.temperature = 0.0;
        s.topK = 0;
        s.topP = 1.0;
        s.minP = 0.0;
        s.repetitionPenalty = 1.0;
    } else if (name == QLatin1String("creative")) {
        s.temperature = 1.1;
        s.topK = 0;
        s.topP = 0.98;
        s.minP = 0.02;
        s.repetitionPenalty = 1.05;
        s.presencePenalty = 0.2;
    }
    return s;
}

bool PlaygroundSettings::operator==(const PlaygroundSettings &o) const
{
    return temperature == o.temperature && topK == o.topK && topP == o.topP && minP == o.minP &&
           typicalP == o.typicalP && repetitionPenalty == o.repetitionPenalty &&
           presencePenalty == o.presencePenalty && frequencyPenalty == o.frequencyPenalty &&
           maxNewTokens == o.maxNewTokens && stopStrings == o.stopStrings && seed == o.seed &&
           fixedSeed == o.fixedSeed && order == o.order && cropContext == o.cropContext &&
           keepTokens == o.keepTokens;
}

void registerPlaygroundTypes()
{
    qRegisterMetaType<PlaygroundToken>();
    qRegisterMetaType<PlaygroundRequest>();
    qRegisterMetaType<PlaygroundSettings>();
    qRegisterMetaType<QVector<PlaygroundRequest>>();
}

} // namespace lmwb::widgets
