#pragma once
// The Playground's worker: one QObject on its own QThread (owned by the main window, apart
// from the training Session), holding the models it generates with. The window sends it
// queued generate() calls and hears back through signals with value types (DESIGN §2).
//
//   auto *w = new PlaygroundWorker;  w->moveToThread(thread);
//   QMetaObject::invokeMethod(w, "generate", Qt::QueuedConnection, Q_ARG(int, serial),
//                             Q_ARG(QVector<lmwb::widgets::PlaygroundRequest>, requests));
//   w->requestStop(serial);   // from any thread: ends within one token
//
// A generate() call runs its requests one after another (the Compare panes) on the same
// prompt and seed. Stop is an atomic the token callback reads, so it takes effect after
// the token being computed, also when the worker's event queue is busy.

#include "playgroundtypes.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <map>
#include <memory>

namespace lmwb::core {
class LanguageModel;
}

namespace lmwb::app {

class PlaygroundWorker : public QObject {
    Q_OBJECT
public:
    explicit PlaygroundWorker(QObject *parent = nullptr);
    ~PlaygroundWorker() override;

    // Thread-safe. Stops the generate() call with this serial and every earlier one.
    void requestStop(int serial);
    // How many tokens the worker has emitted in all (thread-safe; for tests).
    int tokensEmitted() const { return m_emitted.load(); }

public slots:
    void generate(int serial, const QVector<lmwb::widgets::PlaygroundRequest> &requests);
    void unloadModels();

signals:
    void paneStarted(int serial, int pane, const QString &modelDescription, int blockSize);
    void token(int serial, int pane, const lmwb::widgets::PlaygroundToken &token);
    void paneFinished(int serial, int pane, const QString &stopReason, double tokensPerSecond);
    void failed(int serial, int pane, const QString &error);
    void finished(int serial);

private:
    bool runOne(int serial, const widgets::PlaygroundRequest &request); // false when stopped
    core::LanguageModel *model(const QString &path, QString &error);

    std::map<QString, std::unique_ptr<core::LanguageModel>> m_models; // by checkpoint dir
    std::atomic<int> m_stopSerial{-1};
    std::atomic<int> m_emitted{0};
};

} // namespace lmwb::app
