#pragma once
// The Attention tab's worker: one QObject on its own QThread holding its own
// LanguageModel (the last checkpoint it was asked about), so exploring a run never waits
// for, or slows, the Session's training. One request in, one value-typed signal out.
//
//   auto *thread = new QThread;  auto *w = new AttentionWorker;  w->moveToThread(thread);
//   connect(thread, &QThread::finished, w, &QObject::deleteLater);  thread->start();
//   connect(explorer, &AttentionExplorer::computeRequested, w, &AttentionWorker::compute);  // queued

#include "attentiontypes.h"

#include <QObject>
#include <QString>

#include <memory>
#include <random>

namespace lmwb::core {
class LanguageModel;
}

namespace lmwb::app {

class AttentionWorker : public QObject {
    Q_OBJECT
public:
    explicit AttentionWorker(QObject *parent = nullptr);
    ~AttentionWorker() override;

public slots:
    // The attention of prompt through the checkpoint in checkpointDir (or a run's latest).
    void compute(int requestId, const QString &checkpointDir, const QString &prompt);
    // A random passage of about maxChars characters from the validation part of the
    // corpus named by the config.json in dir (a run or checkpoint directory).
    void sampleText(int requestId, const QString &dir, int maxChars);

signals:
    void computed(int requestId, const lmwb::widgets::AttentionSnapshot &snapshot);
    void textSampled(int requestId, const QString &text, const QString &error);

private:
    QString m_modelDir;
    std::unique_ptr<core::LanguageModel> m_model;
    QString m_corpusDir;
    std::string m_validation; // the validation part of m_corpusDir's corpus
    std::mt19937 m_rng{20240611};
};

} // namespace lmwb::app
