#pragma once
// Guided lessons are data: a JSON file per lesson, built in (:/lessons) or written by a
// teacher into the user's lessons folder. Each step has a title, a text, actions that
// drive the real application and the state to expect afterwards:
//
//   {"id": "tokenizer", "title": "What a tokenizer does", "title_zh_CN": "分词器做什么",
//    "steps": [{"title": "...", "text": "...", "text_zh_CN": "...",
//               "actions": [{"tab": "teachTab"}, {"set": "teachPrompt", "value": "12+34="},
//                           {"click": "teachLoadButton"}, {"train": {<run config>}, "run": "lesson-add"}],
//               "expect":  [{"tab": "teachTab"}, {"object": "teachPrompt", "value": "12+34="},
//                           {"object": "teachStatus", "property": "text", "contains": "Step"}]}]}
//
// Every text field may instead be an object {"en": "...", "zh_CN": "..."}. The verbs are
// listed in lessonrunner.h.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace lmwb::widgets {

struct LessonStep {
    QJsonObject source;       // the step as written (title, text and their translations)
    QJsonArray actions;
    QJsonArray expect;
    QString title(const QString &language) const;
    QString text(const QString &language) const;
};

struct Lesson {
    QString id;
    QString file;             // where it was read from
    QJsonObject source;
    QVector<LessonStep> steps;
    QString title(const QString &language) const;
    QString summary(const QString &language) const;
};

// A text field of a lesson object in a language ("zh_CN"), falling back to English.
QString lessonText(const QJsonObject &o, const QString &field, const QString &language);

// Parses one lesson; on failure returns false and says what is wrong, naming the file and the step.
bool parseLesson(const QByteArray &json, const QString &file, Lesson *out, QString *error);

// Every *.json lesson in the folders, in file-name order; a lesson with the id of an earlier
// one replaces it (a teacher's copy overrides the built-in). Problems are collected, not fatal.
QVector<Lesson> loadLessons(const QStringList &folders, QStringList *problems);

// The folders a workbench reads: the built-in :/lessons, then the user's lessons folder
// (LMWB_LESSONS_DIR when set).
QStringList lessonFolders();

} // namespace lmwb::widgets
