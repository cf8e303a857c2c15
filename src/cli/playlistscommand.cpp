// playlist-bridge-cli playlists [--json]: the account's Spotify playlists and their link state.
#include "clisession.h"
#include "command.h"

#include "pb/sync/statestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace pb::cli {

namespace {

int runPlaylists(const QStringList &argsIn)
{
    QTextStream out(stdout), err(stderr);
    QStringList args = argsIn;
    auto opts = takeSessionOptions(args);
    if (!opts) {
        err << "playlists: " << opts.error().message << '\n';
        return kExitUsage;
    }
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    if (!args.isEmpty()) {
        err << "playlists: unexpected argument '" << args.first() << "'\n";
        return kExitUsage;
    }
    opts->needSpotify = false;
    auto session = Session::open(*opts);
    if (!session) {
        err << "playlists: " << session.error().message << '\n';
        return exitCodeFor(session.error());
    }
    auto list = (*session)->playlists();
    if (!list) {
        err << "playlists: " << list.error().toString() << '\n';
        return exitCodeFor(list.error());
    }
    // Link state is best effort: a missing or unreadable database just shows "not synced".
    std::unique_ptr<sync::StateStore> store;
    const QString db = (*session)->serviceOptions().databasePath;
    if (auto s = sync::StateStore::open(db.isEmpty() ? sync::StateStore::defaultPath() : db))
        store = std::move(s).value();

    QJsonArray rows;
    for (const SourcePlaylist &p : *list) {
        QJsonObject row{{QStringLiteral("source"), p.source},
                        {QStringLiteral("id"), p.id},
                        {QStringLiteral("name"), p.name},
                        {QStringLiteral("owner"), p.ownerName.isEmpty() ? p.ownerId : p.ownerName},
                        {QStringLiteral("tracks"), p.trackCount},
                        {QStringLiteral("snapshotId"), p.snapshotId}};
        QJsonValue link = QJsonValue::Null;
        if (store) {
            if (auto l = store->link(p.key()); l && *l)
                link =
                    QJsonObject{{QStringLiteral("ratingKey"), (*l)->plexRatingKey},
                                {QStringLiteral("title"), (*l)->plexTitle},
                                {QStringLiteral("lastSyncedAt"), (*l)->lastSyncedAt.toString(Qt::ISODate)}};
        }
        row.insert(QStringLiteral("plexPlaylist"), link);
        rows.append(row);
        if (!json) {
            out << QStringLiteral("%1  %2  %3 tracks%4\n")
                       .arg(p.id, -24)
                       .arg(p.name, -40)
                       .arg(p.trackCount, 5)
                       .arg(link.isNull() ? QString()
                                          : QStringLiteral("  → Plex \"%1\"")
                                                .arg(link[QStringLiteral("title")].toString()));
        }
    }
    if (json)
        out << QJsonDocument(QJsonObject{{QStringLiteral("playlists"), rows}})
                   .toJson(QJsonDocument::Indented);
    return kExitOk;
}

} // namespace

int exitCodeFor(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::AuthRequired: return kExitAuth;
    case ErrorKind::InvalidInput: return kExitUsage;
    case ErrorKind::NotFound: return kExitNotFound;
    default: return kExitFailure;
    }
}

Command playlistsCommand()
{
    return {"playlists", "List the Spotify playlists and which Plex playlist each is linked to",
            &runPlaylists};
}

} // namespace pb::cli
