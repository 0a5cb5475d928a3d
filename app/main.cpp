// lmwb: without arguments the workbench window; with a subcommand, headless (DESIGN §5).

#include "cli/cli.h"
#include "gui/gui.h"

int main(int argc, char **argv)
{
    if (argc > 1 && lmwb::app::isCliCommand(argv[1]))
        return lmwb::app::runCli(argc, argv);
    return lmwb::app::runGui(argc, argv);
}
