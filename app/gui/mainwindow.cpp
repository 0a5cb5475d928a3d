#include "gui/mainwindow.h"

#include "datainspector.h"
#include "inspectorstate.h"
#include "attentionexplorer.h"
#include "gui/teaching.h"
#include "runbrowser.h"
#include "session/attentionworker.h"
#include "playground.h"
#include "session/playgroundworker.h"
#include "session/session.h"
#include "trainingmonitor.h"
#include "trainingwizard.h"
#include "wizarddatapage.h"
#include "wizardtokenizerpage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace lmwb::app {

using widgets::TrainingState;

QString MainWindow::defaultWorkspace()
{
    if (const QByteArray env = qgetenv("LMWB_WORKSPACE"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::HomeLocation)).filePath(QStringLiteral("lmwb-runs"));
}

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    widgets::registerTrainingTypes();
    setWindowTitle(tr("LM Workbench"));
    setObjectName(QStringLiteral("mainWindow"));

    // The worker thread that owns every torch object.
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("lmwb-session"));
    m_session = new Session;
    m_session->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_session, &QObject::deleteLater);
    m_thread->start();

    m_monitor = new widgets::TrainingMonitor;
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_monitor, tr("Train"));
    m_inspector = new widgets::DataInspector;
    m_tabs->addTab(m_inspector, tr("Data && Tokenizer"));
    connect(m_inspector, &widgets::DataInspector::useInNewRunRequested, this, &MainWindow::newRunWithTokenizer);
    connect(m_inspector, &widgets::DataInspector::failed, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_attention = new widgets::AttentionExplorer;
    m_tabs->addTab(m_attention, tr("Attention"));
    m_playground = new widgets::Playground;
    m_tabs->addTab(m_playground, tr("Playground"));
    m_playThread = new QThread(this);
    m_playThread->setObjectName(QStringLiteral("lmwb-playground"));
    m_playWorker = new PlaygroundWorker;
    m_playWorker->moveToThread(m_playThread);
    connect(m_playThread, &QThread::finished, m_playWorker, &QObject::deleteLater);
    m_playThread->start();
    connect(m_playground, &widgets::Playground::generateRequested, m_playWorker, &PlaygroundWorker::generate,
            Qt::QueuedConnection);
    // requestStop is thread-safe (an atomic the token callback reads): called directly.
    connect(m_playground, &widgets::Playground::stopRequested, this,
            [this](int serial) { m_playWorker->requestStop(serial); });
    connect(m_playWorker, &PlaygroundWorker::paneStarted, m_playground, &widgets::Playground::onPaneStarted);
    connect(m_playWorker, &PlaygroundWorker::token, m_playground, &widgets::Playground::onToken);
    connect(m_playWorker, &PlaygroundWorker::paneFinished, m_playground, &widgets::Playground::onPaneFinished);
    connect(m_playWorker, &PlaygroundWorker::failed, m_playground, &widgets::Playground::onFailed);
    connect(m_playWorker, &PlaygroundWorker::finished, m_playground, &widgets::Playground::onFinished);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (m_tabs->widget(i) == m_playground)
            m_playground->refreshCheckpoints();
    });
    setCentralWidget(m_tabs);

    m_browser = new widgets::RunBrowser;
    auto *dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName(QStringLiteral("runsDock"));
    dock->setWidget(m_browser);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_browser, &widgets::RunBrowser::openRequested, this, &MainWindow::openRun);
    connect(m_browser, &widgets::RunBrowser::compareRequested, this, [this](const QStringList &runs) {
        m_monitor->clearOverlays();
        for (const auto &r : runs)
            if (r != m_currentRun)
                m_monitor->addOverlay(r);
        m_tabs->setCurrentWidget(m_monitor);
    });

    connect(m_monitor, &widgets::TrainingMonitor::pauseRequested, m_session, &Session::pause, Qt::QueuedConnection);
    connect(m_monitor, &widgets::TrainingMonitor::resumeRequested, m_session, &Session::resume, Qt::QueuedConnection);
    connect(m_monitor, &widgets::TrainingMonitor::stopRequested, m_session, &Session::stop, Qt::QueuedConnection);
    connect(m_monitor, &widgets::TrainingMonitor::stepRequested, m_session, &Session::step, Qt::QueuedConnection);
    connect(m_monitor, &widgets::TrainingMonitor::saveRequested, m_session, &Session::saveNow, Qt::QueuedConnection);
    connect(m_monitor, &widgets::TrainingMonitor::sampleRequested, m_session, &Session::sampleNow,
            Qt::QueuedConnection);

    buildMenus();
    buildStatusBar();
    connectSession();
    connectAttention();
    connectHf();
    m_teaching = new Teaching(this);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 880);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    setWorkspace(settings.value(QStringLiteral("workspace"), defaultWorkspace()).toString());
    onStateChanged(TrainingState::Idle);
}

MainWindow::~MainWindow()
{
    m_attentionThread->quit();
    m_attentionThread->wait();
    if (m_playThread->isRunning()) {
        m_playWorker->requestStop(m_playground->serial());
        m_playThread->quit();
        m_playThread->wait();
    }
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(m_session, &Session::shutdown, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

QWidget *MainWindow::comingTab(const QString &title, const QString &text)
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    auto *t = new QLabel(QStringLiteral("<h2>%1</h2><p>%2</p>").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    t->setWordWrap(true);
    t->setMaximumWidth(720);
    l->addStretch();
    l->addWidget(t, 0, Qt::AlignHCenter);
    l->addStretch(2);
    return w;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newRun = file->addAction(tr("&New Training Run…"), this, &MainWindow::showWizard);
    newRun->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open Run…"), this, &MainWindow::openRunDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Hugging Face Model Folder…"), this, &MainWindow::openHfFolderDialog)
        ->setObjectName(QStringLiteral("openHfFolderAction"));
    m_recent = file->addMenu(tr("Recent &Runs"));
    file->addAction(tr("Choose &Workspace…"), this, &MainWindow::chooseWorkspace);
    file->addSeparator();
    file->addAction(tr("Export Chart as &PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), m_workspace + "/loss.png",
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !m_monitor->exportPng(path))
            QMessageBox::warning(this, tr("Export chart"), tr("Could not write %1.").arg(path));
    });
    file->addAction(tr("Export Metrics as &CSV…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics"), m_workspace + "/metrics.csv",
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !m_monitor->exportCsv(path))
            QMessageBox::warning(this, tr("Export metrics"), tr("Could not write %1.").arg(path));
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    m_pauseAction = run->addAction(tr("&Pause"), this, [this] {
        if (m_state == TrainingState::Paused)
            QMetaObject::invokeMethod(m_session, &Session::resume, Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(m_session, &Session::pause, Qt::QueuedConnection);
    });
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_stepAction = run->addAction(tr("Single S&tep"), this,
                                  [this] { QMetaObject::invokeMethod(m_session, &Session::step, Qt::QueuedConnection); });
    m_stepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_stopAction = run->addAction(tr("&Stop"), this,
                                  [this] { QMetaObject::invokeMethod(m_session, &Session::stop, Qt::QueuedConnection); });
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    run->addSeparator();
    m_saveAction = run->addAction(tr("Save Checkpoint &Now"), this, [this] {
        QMetaObject::invokeMethod(m_session, &Session::saveNow, Qt::QueuedConnection);
    });
    m_saveAction->setShortcut(QKeySequence::Save);
    m_sampleAction = run->addAction(tr("Sa&mple Now"), this, [this] {
        QMetaObject::invokeMethod(m_session, &Session::sampleNow, Qt::QueuedConnection);
    });
    m_sampleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    run->addSeparator();
    run->addAction(tr("&Refresh Runs"), m_browser, &widgets::RunBrowser::refresh)->setShortcut(QKeySequence::Refresh);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const QList<QPair<QString, QString>> languages = {
        {QString(), tr("System default")}, {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, name] : languages) {
        QAction *a = language->addAction(name, this, [this, c = code] { setLanguage(c); });
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LM Workbench"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    m_job = new QLabel(tr("Ready"));
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_eta = new QLabel;
    statusBar()->addWidget(m_job, 1);
    statusBar()->addPermanentWidget(m_eta);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::connectSession()
{
    // Every connection from the Session is queued: it lives on the worker thread.
    connect(m_session, &Session::runStarted, this, &MainWindow::onRunStarted);
    connect(m_session, &Session::progressed, this, &MainWindow::onProgress);
    connect(m_session, &Session::evaluated, m_monitor, &widgets::TrainingMonitor::addEval);
    connect(m_session, &Session::sampled, m_monitor, &widgets::TrainingMonitor::addSample);
    connect(m_session, &Session::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &Session::failed, this, &MainWindow::onFailed);
    connect(m_session, &Session::message, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_session, &Session::checkpointSaved, this, [this](qint64 step, const QString &) {
        statusBar()->showMessage(tr("Checkpoint saved at step %1").arg(step), 4000);
        m_browser->refresh();
    });
    connect(m_session, &Session::finished, this, [this](const QString &) { m_browser->refresh(); });
}

void MainWindow::connectAttention()
{
    // The Attention tab's own worker and model, so exploring never waits for training.
    m_attentionThread = new QThread(this);
    m_attentionThread->setObjectName(QStringLiteral("lmwb-attention"));
    auto *worker = new AttentionWorker;
    worker->moveToThread(m_attentionThread);
    connect(m_attentionThread, &QThread::finished, worker, &QObject::deleteLater);
    m_attentionThread->start();
    // Queued both ways: the worker and the Session live on other threads.
    connect(m_attention, &widgets::AttentionExplorer::computeRequested, worker, &AttentionWorker::compute);
    connect(m_attention, &widgets::AttentionExplorer::sampleRequested, worker, &AttentionWorker::sampleText);
    connect(worker, &AttentionWorker::computed, m_attention, &widgets::AttentionExplorer::onComputed);
    connect(worker, &AttentionWorker::textSampled, m_attention, &widgets::AttentionExplorer::onTextSampled);
    connect(m_attention, &widgets::AttentionExplorer::probeChanged, m_session, &Session::setAttentionProbe);
    connect(m_session, &Session::attentionProbed, m_attention, &widgets::AttentionExplorer::onProbed);
    connect(m_session, &Session::runStarted, m_attention, [this](const widgets::RunDescription &run) {
        m_attention->setLiveRun(run.runDir, run.configJson);
        m_attention->openRun(run.runDir);
    });
    connect(m_session, &Session::stateChanged, m_attention, [this](TrainingState s) {
        m_attention->setLiveRunning(s == TrainingState::Running || s == TrainingState::Paused);
    });
    connect(m_session, &Session::checkpointSaved, m_attention, &widgets::AttentionExplorer::refreshCheckpoints);
}

void MainWindow::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    QDir().mkpath(dir);
    QSettings().setValue(QStringLiteral("workspace"), dir);
    m_browser->setWorkspace(dir);
    m_inspector->setWorkspace(dir);
    m_playground->setWorkspace(dir);
    updateRecentMenu();
}

void MainWindow::newRunWithTokenizer(const QString &tokenizerDir)
{
    showWizard();
    const core::DataConfig &data = m_inspector->state()->dataConfig();
    if (m_inspector->state()->corpusText()) {
        bool sample = false;
        for (const auto &s : core::sampleCorpora())
            if (s.available && s.paths == data.train && s.format == data.format)
                sample = m_wizard->dataPage()->selectSample(QString::fromStdString(s.id));
        if (!sample && data.format == "synthetic")
            m_wizard->dataPage()->selectSample(QStringLiteral("synthetic"));
        else if (!sample) {
            QStringList paths;
            for (const auto &p : data.train)
                paths << QString::fromStdString(p);
            m_wizard->dataPage()->setFiles(paths);
        }
    }
    m_wizard->tokenizerPage()->useSavedTokenizer(tokenizerDir);
}

void MainWindow::showWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    auto *w = new widgets::TrainingWizard(this);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setWorkspace(m_workspace);
    m_wizard = w;
    connect(w, &widgets::TrainingWizard::startRequested, this, &MainWindow::startTraining);
    connect(w, &widgets::TrainingWizard::resumeRequested, this, &MainWindow::resumeTraining);
    connect(w, &widgets::TrainingWizard::stepTimingRequested, m_session, &Session::measureStep, Qt::QueuedConnection);
    connect(m_session, &Session::stepTimed, w, &widgets::TrainingWizard::onStepTimed);
    w->show();
}

void MainWindow::startTraining(const QString &configJson, const QString &runDir)
{
    m_lastError.clear();
    m_currentRun = runDir;
    m_monitor->clearOverlays();
    m_tabs->setCurrentWidget(m_monitor);
    m_job->setText(tr("Preparing %1…").arg(QDir::toNativeSeparators(runDir)));
    QMetaObject::invokeMethod(m_session, "startTraining", Qt::QueuedConnection, Q_ARG(QString, configJson),
                              Q_ARG(QString, runDir));
}

void MainWindow::resumeTraining(const QString &runDir)
{
    m_lastError.clear();
    m_currentRun = runDir;
    m_monitor->loadRun(runDir);
    m_tabs->setCurrentWidget(m_monitor);
    QMetaObject::invokeMethod(m_session, "resumeTraining", Qt::QueuedConnection, Q_ARG(QString, runDir),
                              Q_ARG(qint64, 0));
}

void MainWindow::openRun(const QString &runDir)
{
    m_attention->openRun(runDir);
    if (m_state == TrainingState::Running || m_state == TrainingState::Paused) {
        if (runDir != m_currentRun)
            m_monitor->addOverlay(runDir); // keep the live run on screen; show the other beside it
        return;
    }
    m_currentRun = runDir;
    m_monitor->loadRun(runDir);
    m_inspector->setRun(runDir);
    m_tabs->setCurrentWidget(m_monitor);
    rememberRecent(runDir);
    m_browser->selectRun(runDir);
}

void MainWindow::onRunStarted(const widgets::RunDescription &run)
{
    m_currentRun = run.runDir;
    m_maxSteps = run.maxSteps;
    m_msPerStep = 0.0;
    m_browser->setBusyRun(run.runDir);
    if (run.step == 0)
        m_monitor->setRun(run);
    m_inspector->setRun(run.runDir);
    m_browser->refresh();
    m_browser->selectRun(run.runDir);
    rememberRecent(run.runDir);
    m_progress->setRange(0, int(std::min<qint64>(run.maxSteps, INT_MAX)));
    m_progress->setValue(int(run.step));
    m_progress->show();
}

void MainWindow::onProgress(const QVector<widgets::StepPoint> &points)
{
    m_monitor->addSteps(points);
    if (points.isEmpty())
        return;
    const auto &last = points.last();
    for (const auto &p : points)
        m_msPerStep = m_msPerStep == 0.0 ? p.msPerStep : 0.95 * m_msPerStep + 0.05 * p.msPerStep;
    m_progress->setValue(int(last.step));
    m_job->setText(tr("Training %1: step %2 of %3, loss %4")
                       .arg(QFileInfo(m_currentRun).fileName())
                       .arg(last.step)
                       .arg(m_maxSteps)
                       .arg(last.trainLoss, 0, 'f', 3));
    const double seconds = (m_maxSteps - last.step) * m_msPerStep / 1000.0;
    const int s = int(seconds);
    m_eta->setText(tr("ETA %1").arg(s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                                              : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))));
}

void MainWindow::onStateChanged(TrainingState state)
{
    m_state = state;
    m_monitor->setState(state);
    const bool active = state == TrainingState::Running || state == TrainingState::Paused;
    m_pauseAction->setEnabled(active);
    m_pauseAction->setText(state == TrainingState::Paused ? tr("&Resume") : tr("&Pause"));
    m_stepAction->setEnabled(state == TrainingState::Paused);
    m_stopAction->setEnabled(active);
    m_saveAction->setEnabled(active);
    m_sampleAction->setEnabled(active);
    switch (state) {
    case TrainingState::Paused:
        m_job->setText(tr("Paused at step %1").arg(m_progress->value()));
        break;
    case TrainingState::Finished:
        m_job->setText(tr("Finished %1").arg(QFileInfo(m_currentRun).fileName()));
        m_eta->clear();
        m_browser->setBusyRun({});
        break;
    case TrainingState::Idle:
        if (!m_currentRun.isEmpty() && m_progress->isVisible())
            m_job->setText(tr("Stopped %1 at step %2").arg(QFileInfo(m_currentRun).fileName()).arg(m_progress->value()));
        m_eta->clear();
        m_browser->setBusyRun({});
        break;
    case TrainingState::Failed:
        m_eta->clear();
        m_browser->setBusyRun({});
        break;
    default:
        break;
    }
}

void MainWindow::onFailed(const QString &error)
{
    m_lastError = error;
    m_job->setText(tr("Error: %1").arg(error));
    if (!qEnvironmentVariableIsSet("LMWB_NO_DIALOGS"))
        QMessageBox::warning(this, tr("LM Workbench"), error);
}

void MainWindow::rememberRecent(const QString &runDir)
{
    QSettings s;
    QStringList recent = s.value(QStringLiteral("recentRuns")).toStringList();
    recent.removeAll(runDir);
    recent.prepend(runDir);
    while (recent.size() > 8)
        recent.removeLast();
    s.setValue(QStringLiteral("recentRuns"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentRuns")).toStringList();
    for (const auto &r : recent) {
        if (!QFileInfo::exists(r))
            continue;
        m_recent->addAction(QDir::toNativeSeparators(r), this, [this, r] { openRun(r); });
    }
    m_recent->setEnabled(!m_recent->isEmpty());
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the workspace folder"), m_workspace);
    if (!dir.isEmpty())
        setWorkspace(dir);
}

void MainWindow::openRunDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a run directory"), m_workspace);
    if (dir.isEmpty())
        return;
    if (!QFileInfo::exists(dir + "/config.json")) {
        QMessageBox::warning(this, tr("Open run"), tr("%1 is not a run directory (it has no config.json).").arg(dir));
        return;
    }
    openRun(dir);
}

void MainWindow::setLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("language"), code);
    QMessageBox::information(this, tr("Language"), tr("The new language takes effect when LM Workbench is restarted."));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About LM Workbench"),
                       tr("<h3>LM Workbench %1</h3><p>Train small language models from scratch on your own "
                          "computer and look inside them while they learn.</p><p>Built with Qt %2, LibTorch, "
                          "QCustomPlot and sentencepiece. Licensed under the GNU GPL, version 3 or later.</p>")
                           .arg(QStringLiteral(LMWB_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    if (m_state == TrainingState::Running || m_state == TrainingState::Paused) {
        // Closing mid-training: the session stops after the current step and writes a
        // checkpoint, so the run can be resumed. This is the one place the GUI waits.
        m_job->setText(tr("Saving a checkpoint…"));
        QMetaObject::invokeMethod(m_session, &Session::shutdown, Qt::BlockingQueuedConnection);
    }
    if (m_wizard)
        m_wizard->close();
    event->accept();
}

} // namespace lmwb::app
