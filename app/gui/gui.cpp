#include "gui/gui.h"

#include "gui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace lmwb::app {

// The language comes from the settings ("language": "zh_CN", "en", or empty for the
// system locale).
void installTranslators(QApplication &app)
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("lmwb"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lmwb"));
    QApplication::setApplicationDisplayName(QStringLiteral("LM Workbench"));
    QApplication::setOrganizationName(QStringLiteral("LM Workbench"));
    QGuiApplication::setDesktopFileName(QStringLiteral("lmwb"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lmwb.svg")));
    installTranslators(app);
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace lmwb::app
