#pragma once

namespace lmwb::app {

// Opens the workbench window and runs the event loop.
int runGui(int argc, char **argv);

} // namespace lmwb::app
