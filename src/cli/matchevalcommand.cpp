// playlist-bridge-cli match-eval [--corpus FILE] [--json] [--baseline soulsync|spotify-to-plex|none]:
// the matching engine's precision, recall and false-match rate on a labelled corpus. The work
// is pb::matching::runMatchEval; this file only plugs it into the command table.
#include "command.h"

#include "pb/matching/matcheval.h"

#include <QTextStream>

#include <cstdio>

namespace pb::cli {

namespace {

int runMatchEvalCommand(const QStringList &args)
{
    QTextStream out(stdout), err(stderr);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        out << "usage: playlist-bridge-cli match-eval [--corpus FILE] [--json] "
               "[--baseline soulsync|spotify-to-plex|none]\n"
               "Default corpus: "
            << matching::defaultCorpusPath()
            << "\nExit code 0 when the accuracy floors hold, 1 when not, 2 on a usage error.\n";
        return kExitOk;
    }
    return matching::runMatchEval(args, out, err);
}

} // namespace

Command matchEvalCommand()
{
    return {"match-eval", "Measure the matcher on a labelled corpus: precision, recall, false matches",
            &runMatchEvalCommand};
}

} // namespace pb::cli
