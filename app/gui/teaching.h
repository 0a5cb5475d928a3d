#pragma once
// Teaching mode, added to the window in one piece: the Teach tab and its worker thread
// (its own model, loaded from the current run's latest checkpoint), the lessons dock,
// presentation mode (F11) with classroom profiles, and "Transformer against LSTM". Lives
// apart from MainWindow so the window only creates it.

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QDockWidget;
class QThread;

namespace lmwb::widgets {
class LessonPanel;
class LessonRunner;
class PresentationMode;
class TeachTab;
} // namespace lmwb::widgets

namespace lmwb::app {

class ArchComparison;
class MainWindow;
class TeachWorker;

class Teaching : public QObject {
    Q_OBJECT
public:
    explicit Teaching(MainWindow *window);
    ~Teaching() override;

    widgets::TeachTab *tab() const { return m_tab; }
    widgets::PresentationMode *presentation() const { return m_presentation; }
    widgets::LessonPanel *lessons() const { return m_lessons; }
    widgets::LessonRunner *runner() const { return m_runner; }
    QDockWidget *lessonDock() const { return m_dock; }
    ArchComparison *comparison() const { return m_comparison; }
    QAction *presentationAction() const { return m_presentationAction; }

    // Loads the current run's latest checkpoint into the Teach tab (or says why not).
    void loadCurrentRun();
    void loadModel(const QString &path);
    QString applyProfile(const QString &path); // empty on success
    void compareArchitectures(int steps = 600);

private:
    void buildMenu();
    void registerLessonVerbs();
    QString language() const;

    MainWindow *m_window;
    widgets::TeachTab *m_tab = nullptr;
    QThread *m_thread = nullptr;
    TeachWorker *m_worker = nullptr;
    widgets::PresentationMode *m_presentation = nullptr;
    widgets::LessonRunner *m_runner = nullptr;
    widgets::LessonPanel *m_lessons = nullptr;
    QDockWidget *m_dock = nullptr;
    ArchComparison *m_comparison = nullptr;
    QAction *m_presentationAction = nullptr;
    QString m_loadedRun;
};

} // namespace lmwb::app
