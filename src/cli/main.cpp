// The composition root of the headless front end: parses the global options and hands the
// rest of the command line to the chosen subcommand.
#include "command.h"

#include "pb/core/appinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

QString commandList()
{
    QString text = QStringLiteral("\nCommands:\n");
    for (const pb::cli::Command &c : pb::cli::commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(c.name), -14)
                    .arg(QString::fromUtf8(c.summary));
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    pb::configureApplicationInfo(app, "playlist-bridge");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Playlist Bridge, headless: sync Spotify playlists into Plex from a terminal or cron.") +
        commandList());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."),
                                 QStringLiteral("command [args...]"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    QTextStream err(stderr);
    if (args.isEmpty()) {
        err << parser.helpText();
        return pb::cli::kExitUsage;
    }
    for (const pb::cli::Command &c : pb::cli::commands()) {
        if (args.first() == QLatin1String(c.name))
            return c.run(args.mid(1));
    }
    err << QStringLiteral("playlist-bridge-cli: unknown command '%1'\n").arg(args.first());
    err << QStringLiteral("Run 'playlist-bridge-cli --help' for the list of commands.\n");
    return pb::cli::kExitUsage;
}
