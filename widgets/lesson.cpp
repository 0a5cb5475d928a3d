#include "lesson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>

namespace lmwb::widgets {

QString lessonText(const QJsonObject &o, const QString &field, const QString &language)
{
    const QJsonValue v = o.value(field);
    if (v.isObject()) {
        const QJsonObject t = v.toObject();
        if (!language.isEmpty() && t.contains(language))
            return t.value(language).toString();
        return t.value(QStringLiteral("en")).toString();
    }
    if (!language.isEmpty()) {
        const QJsonValue local = o.value(field + QLatin1Char('_') + language);
        if (local.isString())
            return local.toString();
    }
    return v.toString();
}

QString LessonStep::title(const QString &language) const { return lessonText(source, QStringLiteral("title"), language); }
QString LessonStep::text(const QString &language) const { return lessonText(source, QStringLiteral("text"), language); }
QString Lesson::title(const QString &language) const { return lessonText(source, QStringLiteral("title"), language); }
QString Lesson::summary(const QString &language) const
{
    return lessonText(source, QStringLiteral("summary"), language);
}

namespace {
bool isText(const QJsonValue &v) { return v.isString() || (v.isObject() && v.toObject().value("en").isString()); }
} // namespace

bool parseLesson(const QByteArray &json, const QString &file, Lesson *out, QString *error)
{
    auto fail = [&](const QString &m) {
        if (error)
            *error = file + QStringLiteral(": ") + m;
        return false;
    };
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "not valid JSON at offset %1 (%2)")
                        .arg(err.offset)
                        .arg(err.errorString()));
    if (!doc.isObject())
        return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "a lesson is a JSON object"));
    const QJsonObject o = doc.object();
    Lesson l;
    l.file = file;
    l.source = o;
    l.id = o.value(QStringLiteral("id")).toString();
    if (l.id.isEmpty())
        return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "the lesson has no \"id\""));
    if (!isText(o.value(QStringLiteral("title"))))
        return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "the lesson has no \"title\""));
    const QJsonValue steps = o.value(QStringLiteral("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty())
        return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "\"steps\" must be a non-empty list"));
    int n = 0;
    for (const auto &sv : steps.toArray()) {
        ++n;
        if (!sv.isObject())
            return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "step %1 is not an object").arg(n));
        const QJsonObject so = sv.toObject();
        if (!isText(so.value(QStringLiteral("title"))) || !isText(so.value(QStringLiteral("text"))))
            return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "step %1 needs a \"title\" and a \"text\"").arg(n));
        LessonStep s;
        s.source = so;
        for (const char *key : {"actions", "expect"}) {
            const QJsonValue v = so.value(QLatin1String(key));
            if (!v.isUndefined() && !v.isArray())
                return fail(QCoreApplication::translate("lmwb::widgets::Lesson", "step %1: \"%2\" must be a list")
                                .arg(n)
                                .arg(QLatin1String(key)));
            for (const auto &a : v.toArray())
                if (!a.isObject())
                    return fail(QCoreApplication::translate("lmwb::widgets::Lesson",
                                                            "step %1: every entry of \"%2\" must be an object")
                                    .arg(n)
                                    .arg(QLatin1String(key)));
        }
        s.actions = so.value(QStringLiteral("actions")).toArray();
        s.expect = so.value(QStringLiteral("expect")).toArray();
        l.steps << s;
    }
    *out = l;
    return true;
}

QVector<Lesson> loadLessons(const QStringList &folders, QStringList *problems)
{
    QVector<Lesson> out;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly)) {
                if (problems)
                    *problems << dir.filePath(name) + QStringLiteral(": ") + f.errorString();
                continue;
            }
            Lesson l;
            QString error;
            if (!parseLesson(f.readAll(), dir.filePath(name), &l, &error)) {
                if (problems)
                    *problems << error;
                continue;
            }
            auto same = std::find_if(out.begin(), out.end(), [&](const Lesson &o) { return o.id == l.id; });
            if (same != out.end())
                *same = l;
            else
                out << l;
        }
    }
    return out;
}

QStringList lessonFolders()
{
    QStringList dirs{QStringLiteral(":/lessons")};
    const QString env = qEnvironmentVariable("LMWB_LESSONS_DIR");
    if (!env.isEmpty())
        dirs << env;
    else
        dirs << QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("lessons"));
    return dirs;
}

} // namespace lmwb::widgets
