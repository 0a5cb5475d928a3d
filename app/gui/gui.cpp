#include "gui/gui.h"

#include "gui/mainwindow.h"
#include "runbrowser.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>
#include <QTreeWidget>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace lmwb::app {

// The language comes from the settings ("language": "zh_CN", "en", or empty for the
// system locale).
void installTranslators(QApplication &app, const QString &language)
{
    const QString chosen = language.isEmpty() ? QSettings().value(QStringLiteral("language")).toString() : language;
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
    installTranslators(app, QString());
    MainWindow window;
    window.show();
    // A first start (an empty workspace) opens the wizard on the built-in synthetic corpus,
    // ready to train.
    if (window.runBrowser()->tree()->topLevelItemCount() == 0)
        QTimer::singleShot(0, &window, &MainWindow::showWizard);
    return app.exec();
}

} // namespace lmwb::app
