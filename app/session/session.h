#pragma once
// The Session: one QObject on one worker QThread that owns every torch object (trainer,
// model); the window talks to it only by queued calls and hears back only through signals
// carrying value types (DESIGN §2).
//
//   auto *thread = new QThread;  auto *s = new Session;  s->moveToThread(thread);
//   connect(thread, &QThread::finished, s, &QObject::deleteLater);  thread->start();
//   QMetaObject::invokeMethod(s, "startTraining", Qt::QueuedConnection, Q_ARG(QString, json), ...);
//
// Training runs one optimizer step per queued event, so pause, stop, single step, "save
// now" and "sample now" queued behind it take effect within one step. Progress is batched
// and emitted at most every 50 ms (~20 times a second) whatever the step rate. No exception
// escapes a slot: failures arrive as failed(message), and the run directory keeps what was
// written (checkpoints are atomic).

#include "attentiontypes.h"
#include "trainingtypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

#include "util/result.h"

namespace lmwb::core {
class Trainer;
}

namespace lmwb::app {

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    widgets::TrainingState state() const { return m_state; } // worker thread only

public slots:
    void startTraining(const QString &configJson, const QString &runDir);
    void resumeTraining(const QString &runDir, qint64 maxSteps = 0);
    void pause();
    void resume();
    void stop();
    void step();
    void saveNow();
    void sampleNow();
    // Stops a running job and writes a checkpoint; the window calls it (blocking) on close.
    void shutdown();

    // The wizard's model page: the time of one step of this configuration (its
    // model.vocab_size says the vocabulary).
    void measureStep(int requestId, const QString &configJson);
    // The wizard's tokenizer page: trains the tokenizer of configJson on its corpus.
    void trainTokenizer(int requestId, const QString &configJson, const QString &outDir);

    // The Attention tab's live probe: the attention of prompt through the training model,
    // now and every everySteps steps (0 turns it off), as attentionProbed.
    void setAttentionProbe(const QString &prompt, int everySteps);

signals:
    void runStarted(const lmwb::widgets::RunDescription &run);
    void progressed(const QVector<lmwb::widgets::StepPoint> &points);
    void evaluated(const lmwb::widgets::EvalPoint &eval);
    void sampled(qint64 step, const QString &text);
    void checkpointSaved(qint64 step, const QString &dir);
    void stateChanged(lmwb::widgets::TrainingState state);
    void message(const QString &text);
    void failed(const QString &error);
    void finished(const QString &runDir);

    void stepTimed(int requestId, double msPerStep, qint64 parameters, const QString &error);
    void tokenizerProgress(int requestId, double fraction);
    void tokenizerTrained(int requestId, int vocabSize, double charsPerToken, const QString &preview,
                          const QString &error);
    void attentionProbed(const lmwb::widgets::AttentionSnapshot &snapshot);

private:
    bool busy(); // a run is in progress (and says so)
    void begin(const std::function<core::Result<std::unique_ptr<core::Trainer>>()> &make);
    void setState(widgets::TrainingState s);
    void scheduleStep();
    void runOneStep();
    bool advanceOnce();       // false on failure (already reported)
    void flushProgress(bool force);
    void started();
    void finishRun();
    void probeAttention(bool due); // due: only when the step is a multiple of the interval

    std::unique_ptr<core::Trainer> m_trainer;
    widgets::TrainingState m_state = widgets::TrainingState::Idle;
    QVector<widgets::StepPoint> m_pending;
    QElapsedTimer m_sinceEmit;
    QElapsedTimer m_wall;
    double m_wallOffset = 0.0;
    bool m_stepScheduled = false;
    std::string m_probePrompt;
    int m_probeEvery = 0;
};

} // namespace lmwb::app
