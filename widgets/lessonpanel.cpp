#include "lessonpanel.h"

#include "lessonrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace lmwb::widgets {

LessonPanel::LessonPanel(LessonRunner *runner, QWidget *parent) : QWidget(parent), m_runner(runner)
{
    setObjectName(QStringLiteral("lessonPanel"));
    m_combo = new QComboBox;
    m_combo->setObjectName(QStringLiteral("lessonCombo"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("lessonStepTitle"));
    m_title->setWordWrap(true);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    m_counter = new QLabel;
    m_counter->setObjectName(QStringLiteral("lessonCounter"));
    m_text = new QTextBrowser;
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setOpenExternalLinks(false);
    m_checks = new QLabel;
    m_checks->setObjectName(QStringLiteral("lessonChecks"));
    m_checks->setWordWrap(true);
    m_back = new QPushButton(tr("◀ Back"));
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next = new QPushButton(tr("Next ▶"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_restart = new QPushButton(tr("Start"));
    m_restart->setObjectName(QStringLiteral("lessonStart"));
    connect(m_back, &QPushButton::clicked, this, &LessonPanel::back);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::next);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (m_combo->currentIndex() >= 0)
            startLesson(m_lessons.value(m_combo->currentIndex()).id);
    });
    connect(m_combo, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        m_lesson = i;
        m_step = -1;
        showStep();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_restart);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_combo);
    l->addWidget(m_counter);
    l->addWidget(m_title);
    l->addWidget(m_text, 1);
    l->addWidget(m_checks);
    l->addLayout(buttons);

    m_timer = new QTimer(this);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &LessonPanel::refreshChecks);
    showStep();
}

void LessonPanel::setLessons(const QVector<Lesson> &lessons, const QStringList &problems)
{
    m_lessons = lessons;
    m_combo->clear();
    for (const auto &l : lessons)
        m_combo->addItem(l.title(m_language), l.id);
    m_lesson = lessons.isEmpty() ? -1 : 0;
    m_step = -1;
    m_problems = problems;
    showStep();
}

void LessonPanel::setLanguage(const QString &language)
{
    m_language = language;
    for (int i = 0; i < m_lessons.size(); ++i)
        m_combo->setItemText(i, m_lessons[i].title(m_language));
    showStep();
}

bool LessonPanel::startLesson(const QString &id)
{
    for (int i = 0; i < m_lessons.size(); ++i) {
        if (m_lessons[i].id == id) {
            m_lesson = i;
            m_combo->setCurrentIndex(i);
            m_step = -1;
            goToStep(0);
            return true;
        }
    }
    return false;
}

void LessonPanel::goToStep(int step)
{
    if (m_lesson < 0)
        return;
    const auto &steps = m_lessons[m_lesson].steps;
    if (step < 0 || step >= steps.size())
        return;
    m_step = step;
    m_problems = m_runner->runActions(steps[step]);
    showStep();
    emit stepEntered(step);
}

QStringList LessonPanel::unmet() const
{
    if (m_lesson < 0 || m_step < 0)
        return {};
    return m_runner->unmet(m_lessons[m_lesson].steps[m_step]);
}

QString LessonPanel::stepTitle() const { return m_title->text(); }

void LessonPanel::showStep()
{
    const bool have = m_lesson >= 0 && m_lesson < m_lessons.size();
    m_restart->setEnabled(have);
    if (!have) {
        m_title->setText(tr("No lessons"));
        m_text->setPlainText(m_problems.join(QLatin1Char('\n')));
        m_counter->clear();
        m_back->setEnabled(false);
        m_next->setEnabled(false);
        m_timer->stop();
        return;
    }
    const Lesson &l = m_lessons[m_lesson];
    if (m_step < 0) {
        m_title->setText(l.title(m_language));
        m_counter->setText(tr("%n steps", nullptr, l.steps.size()));
        m_text->setHtml(l.summary(m_language));
        m_checks->clear();
        m_back->setEnabled(false);
        m_next->setEnabled(true);
        m_next->setText(tr("Begin ▶"));
        m_timer->stop();
        return;
    }
    const LessonStep &s = l.steps[m_step];
    m_title->setText(s.title(m_language));
    m_counter->setText(tr("Step %1 of %2").arg(m_step + 1).arg(l.steps.size()));
    m_text->setHtml(s.text(m_language));
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < l.steps.size());
    m_next->setText(tr("Next ▶"));
    refreshChecks();
    if (!s.expect.isEmpty())
        m_timer->start();
    else
        m_timer->stop();
}

void LessonPanel::refreshChecks()
{
    QStringList lines;
    for (const auto &p : m_problems)
        lines << QStringLiteral("⚠ ") + p.toHtmlEscaped();
    const QStringList open = unmet();
    if (m_lesson >= 0 && m_step >= 0 && !m_lessons[m_lesson].steps[m_step].expect.isEmpty()) {
        if (open.isEmpty())
            lines << QStringLiteral("✓ ") + tr("Ready for the next step.");
        for (const auto &u : open)
            lines << QStringLiteral("… ") + u.toHtmlEscaped();
    }
    m_checks->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace lmwb::widgets
