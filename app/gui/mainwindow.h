#pragma once
// The workbench window: the Train, Data & Tokenizer, Attention and Playground tabs, the
// run browser dock, menus, and a status bar with the current job, its progress and ETA.
// All torch work happens in the Session on its worker thread; this class only sends it
// queued requests and shows what it reports (DESIGN §2).

#include "trainingtypes.h"
#include "trainingwizard.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QProgressBar;
class QTabWidget;
class QThread;
class QMenu;
class QAction;

namespace lmwb::widgets {
class DataInspector;
class AttentionExplorer;
class Playground;
class RunBrowser;
class TrainingMonitor;
} // namespace lmwb::widgets

namespace lmwb::app {

class PlaygroundWorker;
class Session;
class HfController;
class Teaching;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QString workspace() const { return m_workspace; }
    void setWorkspace(const QString &dir);
    static QString defaultWorkspace();

    // What the wizard's Start does, callable directly (tests, scripts).
    void startTraining(const QString &configJson, const QString &runDir);
    void resumeTraining(const QString &runDir);
    void openRun(const QString &runDir);

    widgets::RunBrowser *runBrowser() const { return m_browser; }
    widgets::TrainingMonitor *monitor() const { return m_monitor; }
    widgets::DataInspector *inspector() const { return m_inspector; }
    // Opens the wizard with a saved tokenizer and the inspector's corpus.
    void newRunWithTokenizer(const QString &tokenizerDir);
    widgets::AttentionExplorer *attention() const { return m_attention; }
    widgets::Playground *playground() const { return m_playground; }
    PlaygroundWorker *playgroundWorker() const { return m_playWorker; }
    QTabWidget *tabs() const { return m_tabs; }
    widgets::TrainingState trainingState() const { return m_state; }
    QString currentRun() const { return m_currentRun; }
    Session *session() const { return m_session; }
    QString lastError() const { return m_lastError; }
    // The wizard of the last "New training run" (null when closed).
    widgets::TrainingWizard *wizard() const { return m_wizard; }
    void showWizard();
    // Hugging Face GPT-2 folders (mainwindow_hf.cpp): import into the workspace as a run;
    // export a run. Without a dialog, for tests.
    void importHfFolder(const QString &hfDir);
    void exportRunToHf(const QString &runDir, const QString &outDir);
    HfController *hf() const { return m_hf; }
    // Teaching mode: the Teach tab, lessons, presentation mode (teaching.h).
    Teaching *teaching() const { return m_teaching; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void connectSession();
    void connectAttention();
    void onStateChanged(widgets::TrainingState state);
    void onProgress(const QVector<widgets::StepPoint> &points);
    void onRunStarted(const widgets::RunDescription &run);
    void onFailed(const QString &error);
    void updateRecentMenu();
    void rememberRecent(const QString &runDir);
    void chooseWorkspace();
    void openRunDialog();
    void setLanguage(const QString &code);
    void about();
    QWidget *comingTab(const QString &title, const QString &text);
    void connectHf();
    void openHfFolderDialog();
    void exportRunDialog(const QString &runDir);

    QString m_workspace;
    QString m_currentRun;
    QString m_lastError;
    widgets::TrainingState m_state = widgets::TrainingState::Idle;
    qint64 m_maxSteps = 0;
    double m_msPerStep = 0.0;

    QThread *m_thread = nullptr;
    Session *m_session = nullptr;
    HfController *m_hf = nullptr;

    // The Playground's own worker thread and model (apart from the training Session).
    QThread *m_playThread = nullptr;
    PlaygroundWorker *m_playWorker = nullptr;
    widgets::Playground *m_playground = nullptr;
    Teaching *m_teaching = nullptr;

    QTabWidget *m_tabs = nullptr;
    widgets::RunBrowser *m_browser = nullptr;
    widgets::TrainingMonitor *m_monitor = nullptr;
    widgets::DataInspector *m_inspector = nullptr;
    widgets::AttentionExplorer *m_attention = nullptr;
    QThread *m_attentionThread = nullptr;
    QPointer<widgets::TrainingWizard> m_wizard;
    QLabel *m_job = nullptr;
    QLabel *m_eta = nullptr;
    QProgressBar *m_progress = nullptr;
    QMenu *m_recent = nullptr;
    QAction *m_pauseAction = nullptr, *m_stopAction = nullptr, *m_stepAction = nullptr, *m_saveAction = nullptr,
            *m_sampleAction = nullptr;
};

} // namespace lmwb::app
