#pragma once
// Runs lesson steps against the live application: finds widgets by objectName in every
// window (the main window, the wizard, docks) and drives them as a user would.
//
// Actions (one verb per object):
//   {"tab": NAME}                      the tab whose page has objectName NAME, or whose title is NAME
//   {"set": NAME, "value": V}          combo box (item data or text), spin box, line/text edit,
//                                      check box / radio button (bool), slider; else property "value"
//   {"click": NAME}                    a button (or anything with a click() slot)
//   {"property": NAME, "name": P, "value": V}   any Qt property
//   other verbs ("train", "wizard", "load_model", ...) go to handlers the window registers
// Expectations:
//   {"tab": NAME}                      that tab is current
//   {"object": NAME, "value": V}       the widget's value as "set" reads it
//   {"object": NAME, "property": P, ("equals": V | "contains": S | "at_least": X)}
//   {"visible": NAME} / {"exists": NAME}
//   other keys go to the registered expectation handlers ("training": "running", ...)

#include "lesson.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace lmwb::widgets {

class LessonRunner : public QObject {
    Q_OBJECT
public:
    // Returns the problem, or an empty string when it did what was asked / the state holds.
    using Handler = std::function<QString(const QJsonObject &entry)>;

    explicit LessonRunner(QWidget *root, QObject *parent = nullptr);

    void setActionHandler(const QString &verb, Handler h) { m_actions.insert(verb, std::move(h)); }
    void setExpectationHandler(const QString &key, Handler h) { m_expectations.insert(key, std::move(h)); }

    // Runs the step's actions in order; returns the problems (empty: all done).
    QStringList runActions(const LessonStep &step);
    // The expectations of the step that do not hold now (empty: the state is as declared).
    QStringList unmet(const LessonStep &step) const;

    QWidget *findWidget(const QString &name) const;
    static QVariant widgetValue(const QWidget *w);
    static bool valueMatches(const QVariant &actual, const QJsonValue &expected);

private:
    QString runAction(const QJsonObject &a);
    QString check(const QJsonObject &e) const;
    QString setValue(QWidget *w, const QJsonValue &v);
    QString switchTab(const QString &name);
    QString currentTabMismatch(const QString &name) const;

    QPointer<QWidget> m_root;
    QHash<QString, Handler> m_actions, m_expectations;
};

} // namespace lmwb::widgets
