#include "gui/teaching.h"

#include "gui/archcomparison.h"
#include "gui/mainwindow.h"
#include "lessonpanel.h"
#include "lessonrunner.h"
#include "presentationmode.h"
#include "session/session.h"
#include "session/teachworker.h"
#include "teachtab.h"
#include "trainingmonitor.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

// The lessons' resources live in a static library: pull them in by name.
static void initLessonResources() { Q_INIT_RESOURCE(lessons); }

namespace lmwb::app {

Teaching::Teaching(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("teaching"));
    initLessonResources();
    if (window->monitor()->objectName().isEmpty())
        window->monitor()->setObjectName(QStringLiteral("trainingMonitor"));

    m_tab = new widgets::TeachTab;
    window->tabs()->addTab(m_tab, tr("Teach"));

    // Its own thread and model: looking inside never waits for a training step.
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("lmwb-teach"));
    m_worker = new TeachWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    connect(m_tab, &widgets::TeachTab::loadRequested, this, &Teaching::loadCurrentRun);
    connect(m_tab, &widgets::TeachTab::inspectRequested, m_worker, &TeachWorker::inspect, Qt::QueuedConnection);
    connect(m_worker, &TeachWorker::inspected, m_tab, &widgets::TeachTab::setSnapshot);
    connect(m_worker, &TeachWorker::loaded, m_tab, &widgets::TeachTab::setModel);
    // Opening the tab on a run that is not loaded yet loads its latest checkpoint.
    connect(window->tabs(), &QTabWidget::currentChanged, this, [this] {
        if (m_window->tabs()->currentWidget() == m_tab && !m_window->currentRun().isEmpty() &&
            m_window->currentRun() != m_loadedRun)
            loadCurrentRun();
    });

    // A newer checkpoint of the run: load it the next time the tab is opened (or now, if it is open).
    connect(window->session(), &Session::checkpointSaved, this, [this] {
        m_loadedRun.clear();
        if (m_window->tabs()->currentWidget() == m_tab && m_tab->hasModel())
            loadCurrentRun();
    });

    m_presentation = new widgets::PresentationMode(window, this);
    m_runner = new widgets::LessonRunner(window, this);
    m_lessons = new widgets::LessonPanel(m_runner);
    m_dock = new QDockWidget(tr("Lesson"), window);
    m_dock->setObjectName(QStringLiteral("lessonDock"));
    m_dock->setWidget(m_lessons);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    QStringList problems;
    const auto lessons = widgets::loadLessons(widgets::lessonFolders(), &problems);
    m_lessons->setLanguage(language());
    m_lessons->setLessons(lessons, problems);
    registerLessonVerbs();

    m_comparison = new ArchComparison(window);
    buildMenu();

    if (const QString profile = qEnvironmentVariable("LMWB_CLASSROOM_PROFILE"); !profile.isEmpty()) {
        if (const QString e = applyProfile(profile); !e.isEmpty())
            window->statusBar()->showMessage(e, 10000);
    }
}

Teaching::~Teaching()
{
    m_thread->quit();
    m_thread->wait();
}

QString Teaching::language() const
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QString code = chosen.isEmpty() ? QLocale().name() : chosen;
    return code.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void Teaching::buildMenu()
{
    QMenu *menu = m_window->menuBar()->addMenu(tr("&Teach"));
    m_presentationAction = menu->addAction(tr("&Presentation Mode"));
    m_presentationAction->setCheckable(true);
    // F11, as full-screen elsewhere (F5 is Refresh Runs here).
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentationAction->setShortcutContext(Qt::ApplicationShortcut);
    m_window->addAction(m_presentationAction);
    connect(m_presentationAction, &QAction::toggled, m_presentation, &widgets::PresentationMode::setActive);
    connect(m_presentation, &widgets::PresentationMode::activeChanged, m_presentationAction, &QAction::setChecked);
    menu->addAction(tr("Load &Classroom Profile…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Classroom profile"), QString(),
                                                          tr("Classroom profiles (*.json)"));
        if (path.isEmpty())
            return;
        if (const QString e = applyProfile(path); !e.isEmpty())
            QMessageBox::warning(m_window, tr("Classroom profile"), e);
    });
    menu->addSeparator();
    menu->addAction(tr("&Lessons"), this, [this] {
        m_dock->show();
        m_dock->raise();
    });
    menu->addAction(tr("Load the Current Run into the &Teach Tab"), this, [this] {
        m_window->tabs()->setCurrentWidget(m_tab);
        loadCurrentRun();
    });
    menu->addAction(tr("Train a Transformer and an &LSTM and Compare"), this, [this] { compareArchitectures(); });
}

QString Teaching::applyProfile(const QString &path)
{
    return m_presentation->applyProfile(path);
}

void Teaching::loadCurrentRun()
{
    const QString run = m_window->currentRun();
    if (run.isEmpty()) {
        m_tab->setModel({}, {}, tr("no run is open: train one (File ▸ New Training Run) or open one from the Runs list"));
        return;
    }
    loadModel(run);
}

void Teaching::loadModel(const QString &path)
{
    m_loadedRun = path;
    QMetaObject::invokeMethod(m_worker, "load", Qt::QueuedConnection, Q_ARG(QString, path));
}

void Teaching::compareArchitectures(int steps)
{
    if (m_comparison->isRunning())
        return;
    const auto s = m_window->trainingState();
    if (s == widgets::TrainingState::Running || s == widgets::TrainingState::Paused) {
        QMessageBox::information(m_window, tr("Transformer against LSTM"), tr("Stop the current run first."));
        return;
    }
    m_comparison->start(ArchComparison::defaultConfig(steps), m_window->workspace());
}

void Teaching::registerLessonVerbs()
{
    // {"train": {run config}, "run": "name"}: a short training in the workspace.
    m_runner->setActionHandler(QStringLiteral("train"), [this](const QJsonObject &a) -> QString {
        const QJsonValue cfg = a.value(QStringLiteral("train"));
        if (!cfg.isObject())
            return tr("\"train\" needs a run configuration object");
        const auto s = m_window->trainingState();
        if (s == widgets::TrainingState::Running || s == widgets::TrainingState::Paused)
            return tr("a run is already in progress; stop it first");
        QJsonObject config = cfg.toObject();
        // LMWB_LESSON_MAX_STEPS shortens the lessons' runs (tests, a slow classroom machine).
        if (const int cap = qEnvironmentVariableIntValue("LMWB_LESSON_MAX_STEPS"); cap > 0) {
            QJsonObject t = config.value(QStringLiteral("training")).toObject();
            for (const char *key : {"max_steps", "lr_decay_steps", "eval_interval", "checkpoint_interval"})
                if (t.value(QLatin1String(key)).toInt(cap) > cap)
                    t[QLatin1String(key)] = cap;
            config[QStringLiteral("training")] = t;
        }
        const QString name = a.value(QStringLiteral("run")).toString(QStringLiteral("lesson"));
        const QString dir = QDir(m_window->workspace())
                                .filePath(name + QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss")));
        m_window->startTraining(QString::fromUtf8(QJsonDocument(config).toJson()), dir);
        return {};
    });
    // {"wizard": "open" | "next" | "close"}
    m_runner->setActionHandler(QStringLiteral("wizard"), [this](const QJsonObject &a) -> QString {
        const QString what = a.value(QStringLiteral("wizard")).toString();
        if (what == QLatin1String("open")) {
            m_window->showWizard();
            return {};
        }
        auto *w = m_window->wizard();
        if (!w)
            return tr("the training wizard is not open");
        if (what == QLatin1String("next"))
            w->next();
        else if (what == QLatin1String("back"))
            w->back();
        else if (what == QLatin1String("close"))
            w->close();
        else
            return tr("unknown wizard action \"%1\" (open, next, back, close)").arg(what);
        return {};
    });
    // {"load_model": "current"}: the current run's latest checkpoint into the Teach tab.
    m_runner->setActionHandler(QStringLiteral("load_model"), [this](const QJsonObject &) -> QString {
        if (m_window->currentRun().isEmpty())
            return tr("no run is open to load");
        loadCurrentRun();
        return {};
    });
    // {"presentation": true}
    m_runner->setActionHandler(QStringLiteral("presentation"), [this](const QJsonObject &a) -> QString {
        m_presentation->setActive(a.value(QStringLiteral("presentation")).toBool());
        return {};
    });
    // {"training": "running" | "finished" | "idle" | "active" | "done"}
    m_runner->setExpectationHandler(QStringLiteral("training"), [this](const QJsonObject &e) -> QString {
        const QString want = e.value(QStringLiteral("training")).toString();
        const auto s = m_window->trainingState();
        using S = widgets::TrainingState;
        const bool ok = (want == QLatin1String("running") && s == S::Running) ||
                        (want == QLatin1String("active") && (s == S::Running || s == S::Paused || s == S::Preparing)) ||
                        (want == QLatin1String("finished") && s == S::Finished) ||
                        (want == QLatin1String("done") && (s == S::Finished || s == S::Idle)) ||
                        (want == QLatin1String("idle") && s == S::Idle);
        return ok ? QString() : tr("training is not %1 yet").arg(want);
    });
    // {"wizard_complete": true}: the wizard's current page lets Next go on (its data has loaded, ...).
    m_runner->setExpectationHandler(QStringLiteral("wizard_complete"), [this](const QJsonObject &) -> QString {
        auto *w = m_window->wizard();
        if (!w || !w->currentPage())
            return tr("the training wizard is not open");
        return w->currentPage()->isComplete() ? QString() : tr("the wizard's page is not complete yet");
    });
    // {"model_loaded": true}
    m_runner->setExpectationHandler(QStringLiteral("model_loaded"), [this](const QJsonObject &e) -> QString {
        const bool want = e.value(QStringLiteral("model_loaded")).toBool(true);
        return m_tab->hasModel() == want && (!want || !m_tab->snapshot().blocks.isEmpty())
                   ? QString()
                   : tr("the Teach tab has not loaded the model yet");
    });
}

} // namespace lmwb::app
