// playlist-bridge-cli import FILE... [--sync] [--json] [--dry-run] [--strict]
#include "clisession.h"
#include "command.h"
#include "syncrun.h"

#include "pb/sync/importer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace pb::cli {

namespace {

int runImport(const QStringList &argsIn)
{
    QTextStream out(stdout), err(stderr);
    QStringList args = argsIn;
    auto opts = takeSessionOptions(args);
    if (!opts) {
        err << "import: " << opts.error().message << '\n';
        return kExitUsage;
    }
    bool doSync = false, json = false;
    SyncRunOptions run;
    QStringList files;
    for (const QString &a : std::as_const(args)) {
        if (a == QLatin1String("--sync"))
            doSync = true;
        else if (a == QLatin1String("--json"))
            json = run.json = true;
        else if (a == QLatin1String("--dry-run"))
            run.options.dryRun = true;
        else if (a == QLatin1String("--strict"))
            run.strict = true;
        else if (a == QLatin1String("--allow-shrink"))
            run.options.allowShrink = true;
        else if (a.startsWith(QLatin1String("--"))) {
            err << "import: unknown option '" << a << "'\n";
            return kExitUsage;
        } else
            files << a;
    }
    if (files.isEmpty()) {
        err << "import: name one or more playlist files (Spotify data export ZIP or JSON, Exportify CSV, "
               "M3U, XSPF, JSPF, text)\n";
        return kExitUsage;
    }
    if ((run.options.dryRun || run.strict || run.options.allowShrink) && !doSync) {
        err << "import: --dry-run, --strict and --allow-shrink need --sync\n";
        return kExitUsage;
    }
    // Importing needs no account; syncing needs Plex (and no Spotify sign-in).
    opts->needSpotify = false;
    std::unique_ptr<Session> session;
    if (doSync || opts->demo) {
        auto opened = Session::open(*opts);
        if (!opened) {
            err << "import: " << opened.error().message << '\n';
            return exitCodeFor(opened.error());
        }
        session = std::move(*opened);
    }
    const QString db = session ? session->serviceOptions().databasePath : opts->databasePath;
    auto store = sync::StateStore::open(db.isEmpty() ? sync::StateStore::defaultPath() : db);
    if (!store) {
        err << "import: " << store.error().toString() << '\n';
        return kExitFailure;
    }
    std::vector<SourcePlaylist> imported;
    QJsonArray rows;
    for (const QString &file : std::as_const(files)) {
        auto outcomes = sync::importPlaylistFile(**store, file);
        if (!outcomes) {
            err << "import: " << outcomes.error().message << '\n';
            return outcomes.error().kind == ErrorKind::Parse ? kExitFailure : exitCodeFor(outcomes.error());
        }
        for (const sync::ImportOutcome &o : *outcomes) {
            const QString state = o.isNew     ? QStringLiteral("new")
                                  : o.changed ? QStringLiteral("updated")
                                              : QStringLiteral("unchanged");
            if (!json)
                out << QStringLiteral("Imported \"%1\" (%2, %3 tracks): %4 — %5\n")
                           .arg(o.playlist.name, o.format)
                           .arg(o.playlist.trackCount)
                           .arg(state, o.playlist.key().toString());
            rows.append(QJsonObject{{QStringLiteral("source"), o.playlist.source},
                                    {QStringLiteral("id"), o.playlist.id},
                                    {QStringLiteral("name"), o.playlist.name},
                                    {QStringLiteral("format"), o.format},
                                    {QStringLiteral("tracks"), o.playlist.trackCount},
                                    {QStringLiteral("file"), QFileInfo(file).absoluteFilePath()},
                                    {QStringLiteral("state"), state}});
            imported.push_back(o.playlist);
        }
    }
    if (!doSync) {
        if (json)
            out << QJsonDocument(QJsonObject{{QStringLiteral("imported"), rows}})
                       .toJson(QJsonDocument::Indented);
        else
            out << "Sync with 'playlist-bridge-cli sync NAME' or 'import FILE --sync'.\n";
        return kExitOk;
    }
    run.imported = rows;
    return syncPlaylists(*session, imported, run);
}

} // namespace

Command importCommand()
{
    return {"import",
            "Import playlist files (Spotify data export, Exportify CSV, M3U, XSPF, JSPF, text): "
            "import FILE... [--sync]",
            &runImport};
}

} // namespace pb::cli
