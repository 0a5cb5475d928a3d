#pragma once
// The lesson dock: pick a lesson, read a step, Back/Next. Entering a step runs its
// actions through a LessonRunner; the step's expectations are checked every half second
// and shown as ticks, so the class sees when the application is where the text says.

#include "lesson.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace lmwb::widgets {

class LessonRunner;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(LessonRunner *runner, QWidget *parent = nullptr);

    void setLessons(const QVector<Lesson> &lessons, const QStringList &problems = {});
    void setLanguage(const QString &language);
    const QVector<Lesson> &lessons() const { return m_lessons; }
    bool startLesson(const QString &id); // at its first step
    int currentLesson() const { return m_lesson; }
    int currentStep() const { return m_step; }
    void goToStep(int step);
    void next() { goToStep(m_step + 1); }
    void back() { goToStep(m_step - 1); }
    QStringList lastProblems() const { return m_problems; } // of the actions of the current step
    QStringList unmet() const;                              // expectations of the current step
    QString stepTitle() const;

signals:
    void stepEntered(int step);

private:
    void showStep();
    void refreshChecks();

    LessonRunner *m_runner;
    QVector<Lesson> m_lessons;
    QString m_language;
    int m_lesson = -1, m_step = -1;
    QStringList m_problems;
    QComboBox *m_combo = nullptr;
    QLabel *m_title = nullptr, *m_counter = nullptr, *m_checks = nullptr;
    QTextBrowser *m_text = nullptr;
    QPushButton *m_back = nullptr, *m_next = nullptr, *m_restart = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace lmwb::widgets
