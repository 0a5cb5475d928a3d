#include "gui/gui.h"

#include "gui/mainwindow.h"

#include <QApplication>

namespace lmwb::app {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lmwb"));
    QApplication::setApplicationDisplayName(QStringLiteral("LM Workbench"));
    QApplication::setOrganizationName(QStringLiteral("LM Workbench"));
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace lmwb::app
