#include "command.h"

namespace pb::cli {

Command playlistsCommand();
Command syncCommand();
Command statusCommand();
Command matchEvalCommand();
Command loginCommand();
Command logoutCommand();
Command importCommand();

// Each subcommand lives in its own file (<name>command.cpp) and is listed here.
const std::vector<Command> &commands()
{
    static const std::vector<Command> kCommands = {playlistsCommand(), syncCommand(),      importCommand(),
                                                   statusCommand(),    matchEvalCommand(), loginCommand(),
                                                   logoutCommand()};
    return kCommands;
}

} // namespace pb::cli
