#pragma once
// Hugging Face GPT-2 folders in the window: File > Open Hugging Face Model Folder… imports
// one into the workspace as a run directory (checkpoints/step-0) that the run browser
// lists and every view opens; the run browser's "Export to Hugging Face Format…" writes a
// run's latest checkpoint in that layout. The conversions run on a worker thread of their
// own (torch work never on the GUI thread); results come back as queued signals.
//
//   auto *hf = new HfController(window);
//   hf->importFolder(hfDir, workspace);   // -> imported(runDir) or failed(message)
//   hf->exportRun(runDir, outDir);        // -> exported(outDir) or failed(message)

#include <QObject>
#include <QString>

class QThread;

namespace lmwb::app {

class HfWorker : public QObject {
    Q_OBJECT
public slots:
    void importFolder(const QString &hfDir, const QString &runDir);
    void exportRun(const QString &runDir, const QString &outDir);
signals:
    void imported(const QString &runDir);
    void exported(const QString &outDir);
    void failed(const QString &message);
};

class HfController : public QObject {
    Q_OBJECT
public:
    explicit HfController(QObject *parent = nullptr);
    ~HfController() override;

    // A fresh run directory under workspace named after the folder ("gpt2", "gpt2-2", ...).
    static QString runDirFor(const QString &hfDir, const QString &workspace);

    void importFolder(const QString &hfDir, const QString &workspace);
    void exportRun(const QString &runDir, const QString &outDir);
    bool busy() const { return m_busy; }

signals:
    void imported(const QString &runDir);
    void exported(const QString &outDir);
    void failed(const QString &message);

private:
    QThread *m_thread = nullptr;
    HfWorker *m_worker = nullptr;
    bool m_busy = false;
};

} // namespace lmwb::app
