#pragma once
// "Transformer against LSTM": trains a GPT, then an LSTM of about the same parameter count,
// on the same corpus with the same schedule, one after the other through the window's
// Session; when both are done the monitor overlays their curves and a dialog shows their
// final losses and last samples side by side.

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

namespace lmwb::widgets {
struct RunDescription;
}

namespace lmwb::app {

class MainWindow;

// The LSTM width whose parameter count is closest to `parameters` (wte, nLayer LSTM layers,
// ln_f, a linear head with bias), for a vocabulary of vocabSize.
int lstmWidthFor(qint64 parameters, int vocabSize, int nLayer, bool bias = false);
qint64 lstmParameters(int width, int vocabSize, int nLayer, bool bias = false);

class ArchComparison : public QObject {
    Q_OBJECT
public:
    explicit ArchComparison(MainWindow *window);

    // gptConfig: a run config (a GPT); the LSTM copies its data and training sections.
    void start(const QJsonObject &gptConfig, const QString &workspace);
    bool isRunning() const { return m_phase != Phase::Idle; }
    QString gptRun() const { return m_gptRun; }
    QString lstmRun() const { return m_lstmRun; }
    qint64 gptParameters() const { return m_gptParams; }
    qint64 lstmParametersPlanned() const { return m_lstmParams; }
    static QJsonObject defaultConfig(int steps = 600);

signals:
    void done(const QString &gptRun, const QString &lstmRun);

private:
    enum class Phase { Idle, Gpt, Lstm };
    void onRunStarted(const lmwb::widgets::RunDescription &run);
    void onFinished(const QString &runDir);
    void showResult();

    MainWindow *m_window;
    Phase m_phase = Phase::Idle;
    QJsonObject m_config;
    QString m_gptRun, m_lstmRun;
    qint64 m_gptParams = 0, m_lstmParams = 0;
    int m_vocab = 0;
};

} // namespace lmwb::app
