#pragma once
// The output of a generation: the prompt, then every token with a background coloured by
// the probability it was drawn with (red unlikely, green likely). Hovering a token lists
// its alternatives; clicking it emits tokenClicked(index).

#include "playgroundtypes.h"

#include <QTextBrowser>

namespace lmwb::widgets {

class OutputTokenView : public QTextBrowser {
    Q_OBJECT
public:
    explicit OutputTokenView(QWidget *parent = nullptr);

    void setContent(const QString &prompt, const QVector<PlaygroundToken> &tokens);
    void appendToken(int index, const PlaygroundToken &token);
    void setSelectedToken(int index); // -1: none

    static QColor colourFor(float prob);
    static QString tooltipFor(const PlaygroundToken &token);

signals:
    void tokenClicked(int index);

private:
    QString m_prompt;
    QVector<PlaygroundToken> m_tokens;
    int m_selected = -1;
};

} // namespace lmwb::widgets
