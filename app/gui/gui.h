#pragma once

class QApplication;
class QString;

namespace lmwb::app {

// Installs the translators of `language` ("zh_CN", "en"; empty: the settings' choice,
// else the system locale).
void installTranslators(QApplication &app, const QString &language);

// Opens the workbench window and runs the event loop.
int runGui(int argc, char **argv);

} // namespace lmwb::app
