#pragma once
// The Playground tab: a prompt, Generate / Stop, one output pane (or two side by side in
// Compare: two checkpoints or two sampler settings, same prompt and seed), each with its
// checkpoint chooser and its SamplerPanel; below them the DistributionView of the current
// step or of any clicked token, and that token's alternatives: choosing one branches the
// generation from there (the prefix, then that token, then newly generated text).
//
// Torch-free: it only emits generateRequested / stopRequested and shows what the worker
// (app/session/playgroundworker.h) reports through the on*() slots.

#include "playgroundtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSplitter;

namespace lmwb::widgets {

class DistributionView;
class SamplerPanel;
class OutputTokenView;

class PlaygroundPane : public QWidget {
    Q_OBJECT
public:
    explicit PlaygroundPane(int index, QWidget *parent = nullptr);

    int index() const { return m_index; }
    QString checkpoint() const;
    void setCheckpoint(const QString &path); // adds it to the chooser when missing
    void setCheckpointChoices(const QList<QPair<QString, QString>> &labelAndPath);
    SamplerPanel *sampler() const { return m_sampler; }
    OutputTokenView *output() const { return m_output; }
    QComboBox *checkpointCombo() const { return m_checkpoint; }

    void start(const QString &prompt); // clears the output
    void appendToken(const PlaygroundToken &t);
    void truncate(int tokens);
    const QVector<PlaygroundToken> &tokens() const { return m_tokens; }
    QString prompt() const { return m_prompt; }
    QString text() const; // prompt + output
    void setStatus(const QString &text);
    QString status() const;

signals:
    void tokenClicked(int pane, int index);

private:
    int m_index;
    QComboBox *m_checkpoint = nullptr;
    SamplerPanel *m_sampler = nullptr;
    OutputTokenView *m_output = nullptr;
    QLabel *m_status = nullptr;
    QString m_prompt;
    QVector<PlaygroundToken> m_tokens;
};

class Playground : public QWidget {
    Q_OBJECT
public:
    explicit Playground(QWidget *parent = nullptr);

    void setWorkspace(const QString &dir); // lists its runs' checkpoints
    void refreshCheckpoints();
    PlaygroundPane *pane(int i) const { return m_panes[i]; }
    DistributionView *distribution() const { return m_distribution; }
    QListWidget *alternatives() const { return m_alternatives; }
    QPlainTextEdit *promptEdit() const { return m_prompt; }
    bool isGenerating() const { return m_generating; }
    bool compareMode() const;
    // Turning Compare on puts pane A's base model (training.init_from of a fine-tuned run)
    // into pane B, so base and fine-tuned answer the same prompt side by side.
    void setCompareMode(bool on);
    static QString baseModelOf(const QString &checkpoint); // empty when not fine-tuned
    int serial() const { return m_serial; }
    QString lastError() const { return m_lastError; }
    // The token the distribution view shows: (pane, index), index -1 for none.
    QPair<int, int> selectedToken() const { return {m_selPane, m_selIndex}; }

    void generate();
    void stop();
    void selectToken(int pane, int index);
    // Regenerates pane `pane` from its prompt + tokens[0, index) + candidate `id`.
    void branch(int pane, int index, int id);

signals:
    void generateRequested(int serial, const QVector<lmwb::widgets::PlaygroundRequest> &requests);
    void stopRequested(int serial);

public slots:
    void onPaneStarted(int serial, int pane, const QString &modelDescription, int blockSize);
    void onToken(int serial, int pane, const lmwb::widgets::PlaygroundToken &token);
    void onPaneFinished(int serial, int pane, const QString &stopReason, double tokensPerSecond);
    void onFailed(int serial, int pane, const QString &error);
    void onFinished(int serial);

private:
    void browse(int pane);
    void setGenerating(bool on);
    void showAlternatives();
    PlaygroundRequest request(int pane, quint64 seed) const;

    QString m_workspace;
    QPlainTextEdit *m_prompt = nullptr;
    QPushButton *m_generate = nullptr, *m_stop = nullptr;
    QCheckBox *m_compare = nullptr;
    QLabel *m_status = nullptr;
    QSplitter *m_panesSplitter = nullptr;
    PlaygroundPane *m_panes[2] = {nullptr, nullptr};
    DistributionView *m_distribution = nullptr;
    QListWidget *m_alternatives = nullptr;
    int m_serial = 0;
    bool m_generating = false;
    bool m_follow = true; // the distribution view follows the newest token
    int m_selPane = 0, m_selIndex = -1;
    QString m_lastError;
};

} // namespace lmwb::widgets
