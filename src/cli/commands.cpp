#include "command.h"

namespace pb::cli {

// Each subcommand lives in its own file (<name>command.cpp) and is listed here.
const std::vector<Command> &commands()
{
    static const std::vector<Command> kCommands = {};
    return kCommands;
}

} // namespace pb::cli
