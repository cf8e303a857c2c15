// The composition root of the headless front end: parses the global options (which may come
// before the command name) and hands the rest of the command line to the chosen subcommand.
#include "command.h"

#include "pb/core/appinfo.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

QString helpText()
{
    QString text = QStringLiteral(
        "Usage: playlist-bridge-cli [--demo[=FIXTURE]] [--latency-ms N] [--faults FILE] [--db PATH]\n"
        "                           COMMAND [ARGS...]\n\n"
        "Playlist Bridge, headless: sync Spotify playlists into Plex from a terminal or cron.\n\n"
        "Global options (also accepted after the command name):\n"
        "  --demo[=FIXTURE]  use the built-in fake Spotify and Plex (or a fixture world), already\n"
        "                    signed in, with a temporary state database\n"
        "  --latency-ms N    with --demo: every fake answer takes N ms longer\n"
        "  --faults FILE     with --demo: inject the faults listed in FILE (docs/cli.md)\n"
        "  --db PATH         the state database to use\n"
        "  -h, --help        show this help\n"
        "  -v, --version     show the version\n\n"
        "Commands:\n");
    for (const pb::cli::Command &c : pb::cli::commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(c.name), -14)
                    .arg(QString::fromUtf8(c.summary));
    text += QStringLiteral("\nExit codes: 0 ok, 1 failure, 2 usage, 3 not signed in, 4 not found, "
                           "5 tracks missing (sync --strict).\n");
    return text;
}

/// True for an option taking its value in the next argument when not written as --name=VALUE.
bool takesValue(const QString &option)
{
    return option == QLatin1String("--latency-ms") || option == QLatin1String("--faults") ||
           option == QLatin1String("--db");
}

bool isGlobalOption(const QString &arg)
{
    const QString name = arg.section(QLatin1Char('='), 0, 0);
    return name == QLatin1String("--demo") || takesValue(name);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    pb::configureApplicationInfo(app, "playlist-bridge");

    QTextStream out(stdout), err(stderr);
    const QStringList all = QCoreApplication::arguments().mid(1);
    // Options before the command name are global: they are handed to the command in front of
    // its own arguments, and the commands that open a session take them from there.
    QStringList globals;
    qsizetype i = 0;
    for (; i < all.size() && all.at(i).startsWith(QLatin1Char('-')); ++i) {
        const QString &a = all.at(i);
        if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("--help-all")) {
            out << helpText();
            return pb::cli::kExitOk;
        }
        if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
            // The program's own name; the application name stays the app's, for the shared settings.
            out << "playlist-bridge-cli " << QCoreApplication::applicationVersion() << '\n';
            return pb::cli::kExitOk;
        }
        if (!isGlobalOption(a)) {
            err << QStringLiteral("playlist-bridge-cli: unknown option '%1'\n").arg(a);
            err << QStringLiteral("Run 'playlist-bridge-cli --help' for the options and commands.\n");
            return pb::cli::kExitUsage;
        }
        globals << a;
        if (takesValue(a)) {
            if (i + 1 >= all.size()) {
                err << QStringLiteral("playlist-bridge-cli: %1 needs a value\n").arg(a);
                return pb::cli::kExitUsage;
            }
            globals << all.at(++i);
        }
    }
    if (i >= all.size()) {
        err << helpText();
        return pb::cli::kExitUsage;
    }
    const QString name = all.at(i);
    for (const pb::cli::Command &c : pb::cli::commands()) {
        if (name == QLatin1String(c.name))
            return c.run(globals + all.mid(i + 1));
    }
    err << QStringLiteral("playlist-bridge-cli: unknown command '%1'\n").arg(name);
    err << QStringLiteral("Run 'playlist-bridge-cli --help' for the list of commands.\n");
    return pb::cli::kExitUsage;
}
