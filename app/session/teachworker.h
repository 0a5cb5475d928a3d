#pragma once
// The teaching views' worker: one QObject on its own QThread with its own LanguageModel
// (loaded from a checkpoint, apart from the training Session's), so looking inside a model
// never waits for a training step. Queued calls in, one value-typed signal out.
//
//   auto *w = new TeachWorker;  w->moveToThread(thread);
//   QMetaObject::invokeMethod(w, "load", Qt::QueuedConnection, Q_ARG(QString, runOrCheckpointDir));
//   QMetaObject::invokeMethod(w, "inspect", Qt::QueuedConnection, Q_ARG(int, id), Q_ARG(QString, prompt), ...);
//   connect(w, &TeachWorker::inspected, view, &TeachTab::setSnapshot);

#include "teachtypes.h"

#include <QObject>
#include <QString>

#include <memory>

namespace lmwb::core {
class LanguageModel;
}

namespace lmwb::app {

class TeachWorker : public QObject {
    Q_OBJECT
public:
    explicit TeachWorker(QObject *parent = nullptr);
    ~TeachWorker() override;

public slots:
    // A run directory (its latest checkpoint) or a checkpoint directory.
    void load(const QString &path);
    // token -1 = the last token of the prompt. Needs a loaded model.
    void inspect(int requestId, const QString &prompt, int token, int layer, int head);

signals:
    void loaded(const QString &checkpoint, const QString &description, const QString &error);
    void inspected(const lmwb::widgets::TeachSnapshot &snapshot);

private:
    std::unique_ptr<core::LanguageModel> m_model;
};

} // namespace lmwb::app
