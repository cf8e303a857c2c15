// The composition root of the headless front end.
#include "pb/core/appinfo.h"
#include "pb/core/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

/// Exit codes, documented in README.md.
enum ExitCode {
    kOk = 0,
    kFailure = 1,
    kUsage = 2
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    pb::configureApplicationInfo(app, "playlist-bridge");

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Playlist Bridge, headless: sync Spotify playlists into Plex from a terminal or cron."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    QTextStream err(stderr);
    if (args.isEmpty()) {
        err << parser.helpText();
        return kUsage;
    }
    err << QStringLiteral("playlist-bridge-cli: unknown command '%1'\n").arg(args.first());
    err << QStringLiteral("Run 'playlist-bridge-cli --help' for the list of commands.\n");
    return kUsage;
}
