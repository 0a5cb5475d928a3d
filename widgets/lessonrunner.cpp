#include "lessonrunner.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QApplication>
#include <QDeadlineTimer>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextEdit>
#include <QJsonDocument>
#include <QWidget>

#include <cmath>

namespace lmwb::widgets {

namespace {
// "Data && Tokenizer" is shown as "Data & Tokenizer"; a single & marks the mnemonic.
QString plainTitle(QString t)
{
    t.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    t.remove(QLatin1Char('&'));
    return t.replace(QLatin1Char('\x01'), QLatin1Char('&'));
}
} // namespace

LessonRunner::LessonRunner(QWidget *root, QObject *parent) : QObject(parent), m_root(root) {}

QWidget *LessonRunner::findWidget(const QString &name) const
{
    if (name.isEmpty())
        return nullptr;
    // "parent/child": a child of a named widget (e.g. "playgroundPane0/temperatureSpin"
    // when several panes have a temperature).
    if (const int slash = name.lastIndexOf(QLatin1Char('/')); slash > 0) {
        QWidget *parent = findWidget(name.left(slash));
        return parent ? parent->findChild<QWidget *>(name.mid(slash + 1)) : nullptr;
    }
    QList<QWidget *> tops;
    if (m_root)
        tops << m_root;
    for (QWidget *t : QApplication::topLevelWidgets())
        if (t != m_root)
            tops << t;
    for (QWidget *t : tops) {
        if (t->objectName() == name)
            return t;
        if (auto *w = t->findChild<QWidget *>(name))
            return w;
    }
    return nullptr;
}

QVariant LessonRunner::widgetValue(const QWidget *w)
{
    if (auto *c = qobject_cast<const QComboBox *>(w))
        return c->currentData().isValid() ? c->currentData() : QVariant(c->currentText());
    if (auto *s = qobject_cast<const QSpinBox *>(w))
        return s->value();
    if (auto *s = qobject_cast<const QDoubleSpinBox *>(w))
        return s->value();
    if (auto *e = qobject_cast<const QLineEdit *>(w))
        return e->text();
    if (auto *e = qobject_cast<const QPlainTextEdit *>(w))
        return e->toPlainText();
    if (auto *e = qobject_cast<const QTextEdit *>(w))
        return e->toPlainText();
    if (auto *b = qobject_cast<const QAbstractButton *>(w); b && b->isCheckable())
        return b->isChecked();
    if (auto *s = qobject_cast<const QAbstractSlider *>(w))
        return s->value();
    return w->property("value");
}

bool LessonRunner::valueMatches(const QVariant &actual, const QJsonValue &expected)
{
    if (expected.isBool())
        return actual.toBool() == expected.toBool();
    if (expected.isDouble()) {
        bool ok = false;
        const double a = actual.toDouble(&ok);
        return ok && std::abs(a - expected.toDouble()) <= 1e-9 * std::max(1.0, std::abs(a));
    }
    return actual.toString() == expected.toString();
}

QString LessonRunner::setValue(QWidget *w, const QJsonValue &v)
{
    if (!w->isEnabled() && w->property("lmwbLocked").toBool())
        return tr("%1 is locked by the classroom profile").arg(w->objectName());
    if (auto *c = qobject_cast<QComboBox *>(w)) {
        int i = c->findData(v.toVariant());
        if (i < 0)
            i = c->findData(v.toString());
        if (i < 0)
            i = c->findText(v.toString());
        if (i < 0)
            return tr("%1 has no item \"%2\"").arg(w->objectName(), v.toVariant().toString());
        c->setCurrentIndex(i);
        emit c->activated(i); // some views listen only to what a user picks
        return {};
    }
    if (auto *s = qobject_cast<QSpinBox *>(w)) {
        s->setValue(v.toInt());
        return {};
    }
    if (auto *s = qobject_cast<QDoubleSpinBox *>(w)) {
        s->setValue(v.toDouble());
        return {};
    }
    if (auto *e = qobject_cast<QLineEdit *>(w)) {
        e->setText(v.toString());
        emit e->editingFinished();
        return {};
    }
    if (auto *e = qobject_cast<QPlainTextEdit *>(w)) {
        e->setPlainText(v.toString());
        return {};
    }
    if (auto *e = qobject_cast<QTextEdit *>(w)) {
        e->setPlainText(v.toString());
        return {};
    }
    if (auto *b = qobject_cast<QAbstractButton *>(w); b && b->isCheckable()) {
        if (b->isChecked() != v.toBool())
            b->click(); // as a user would, so toggled() and clicked() fire
        return {};
    }
    if (auto *s = qobject_cast<QAbstractSlider *>(w)) {
        s->setValue(v.toInt());
        return {};
    }
    if (!w->setProperty("value", v.toVariant()))
        return tr("%1 has no value to set").arg(w->objectName());
    return {};
}

QString LessonRunner::switchTab(const QString &name)
{
    QList<QWidget *> tops;
    if (m_root)
        tops << m_root;
    tops += QApplication::topLevelWidgets();
    for (QWidget *t : tops) {
        for (QTabWidget *tabs : t->findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->objectName() == name || plainTitle(tabs->tabText(i)) == name) {
                    tabs->setCurrentIndex(i);
                    return {};
                }
            }
        }
    }
    return tr("there is no tab \"%1\"").arg(name);
}

QString LessonRunner::currentTabMismatch(const QString &name) const
{
    QList<QWidget *> tops;
    if (m_root)
        tops << m_root;
    tops += QApplication::topLevelWidgets();
    for (QWidget *t : tops) {
        for (QTabWidget *tabs : t->findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->objectName() == name || plainTitle(tabs->tabText(i)) == name)
                    return tabs->currentIndex() == i
                               ? QString()
                               : tr("tab \"%1\" is not the current one (\"%2\" is)")
                                     .arg(name, plainTitle(tabs->tabText(tabs->currentIndex())));
            }
        }
    }
    return tr("there is no tab \"%1\"").arg(name);
}

QString LessonRunner::runAction(const QJsonObject &a)
{
    if (a.contains(QStringLiteral("tab")))
        return switchTab(a.value(QStringLiteral("tab")).toString());
    if (a.contains(QStringLiteral("set"))) {
        const QString name = a.value(QStringLiteral("set")).toString();
        QWidget *w = findWidget(name);
        if (!w)
            return tr("no control named \"%1\" is open").arg(name);
        return setValue(w, a.value(QStringLiteral("value")));
    }
    if (a.contains(QStringLiteral("click"))) {
        const QString name = a.value(QStringLiteral("click")).toString();
        QWidget *w = findWidget(name);
        if (!w)
            return tr("no control named \"%1\" is open").arg(name);
        // A button the application disabled for a moment (Generate while a generation is
        // still streaming, Train while a tokenizer trains) is waited for, as a person would.
        QDeadlineTimer deadline(30000);
        while (!w->isEnabled() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!w->isEnabled())
            return tr("%1 cannot be clicked now (it is disabled)").arg(name);
        if (auto *b = qobject_cast<QAbstractButton *>(w)) {
            b->click();
            return {};
        }
        if (QMetaObject::invokeMethod(w, "click"))
            return {};
        return tr("%1 is not something to click").arg(name);
    }
    if (a.contains(QStringLiteral("property"))) {
        const QString name = a.value(QStringLiteral("property")).toString();
        QWidget *w = findWidget(name);
        if (!w)
            return tr("no control named \"%1\" is open").arg(name);
        w->setProperty(a.value(QStringLiteral("name")).toString().toUtf8().constData(),
                       a.value(QStringLiteral("value")).toVariant());
        return {};
    }
    for (auto it = m_actions.begin(); it != m_actions.end(); ++it)
        if (a.contains(it.key()))
            return it.value()(a);
    return tr("unknown lesson action %1").arg(QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
}

QStringList LessonRunner::runActions(const LessonStep &step)
{
    QStringList problems;
    for (const auto &a : step.actions)
        if (QString p = runAction(a.toObject()); !p.isEmpty())
            problems << p;
    return problems;
}

QString LessonRunner::check(const QJsonObject &e) const
{
    if (e.contains(QStringLiteral("tab")))
        return currentTabMismatch(e.value(QStringLiteral("tab")).toString());
    for (const char *key : {"object", "visible", "exists"}) {
        if (!e.contains(QLatin1String(key)))
            continue;
        const QString name = e.value(QLatin1String(key)).toString();
        QWidget *w = findWidget(name);
        if (!w)
            return tr("no control named \"%1\" is open").arg(name);
        if (QLatin1String(key) == QLatin1String("exists"))
            return {};
        if (QLatin1String(key) == QLatin1String("visible"))
            return w->isVisible() ? QString() : tr("%1 is not visible").arg(name);
        QVariant actual;
        if (e.contains(QStringLiteral("property")))
            actual = w->property(e.value(QStringLiteral("property")).toString().toUtf8().constData());
        else
            actual = widgetValue(w);
        if (e.contains(QStringLiteral("contains"))) {
            const QString want = e.value(QStringLiteral("contains")).toString();
            return actual.toString().contains(want) ? QString()
                                                    : tr("%1 does not contain \"%2\"").arg(name, want);
        }
        if (e.contains(QStringLiteral("at_least"))) {
            const double want = e.value(QStringLiteral("at_least")).toDouble();
            return actual.toDouble() >= want ? QString()
                                             : tr("%1 is %2, less than %3").arg(name, actual.toString()).arg(want);
        }
        const QJsonValue want = e.contains(QStringLiteral("equals")) ? e.value(QStringLiteral("equals"))
                                                                     : e.value(QStringLiteral("value"));
        return valueMatches(actual, want) ? QString()
                                          : tr("%1 is \"%2\", not \"%3\"").arg(name, actual.toString(),
                                                                               want.toVariant().toString());
    }
    for (auto it = m_expectations.begin(); it != m_expectations.end(); ++it)
        if (e.contains(it.key()))
            return it.value()(e);
    return tr("unknown expectation %1").arg(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)));
}

QStringList LessonRunner::unmet(const LessonStep &step) const
{
    QStringList out;
    for (const auto &e : step.expect)
        if (QString p = check(e.toObject()); !p.isEmpty())
            out << p;
    return out;
}

} // namespace lmwb::widgets
