#pragma once

#include <QStringList>

#include <vector>

namespace pb::cli {

/// Exit codes of playlist-bridge-cli, documented in README.md.
enum ExitCode : int {
    kExitOk = 0,      ///< the command did what was asked
    kExitFailure = 1, ///< the command ran and failed (network, service, storage, ...)
    kExitUsage = 2,   ///< wrong arguments
};

/// One subcommand: `playlist-bridge-cli NAME ARGS...`. `run` receives the arguments after
/// the name, parses them itself and returns an ExitCode.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

/// Every subcommand, in the order --help lists them (defined in commands.cpp).
const std::vector<Command> &commands();

} // namespace pb::cli
