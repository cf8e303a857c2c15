// playlist-bridge-cli status [--json] [--db PATH]: linked playlists and their last sync, from
// the state database only (no network).
#include "accounts.h"
#include "clisession.h"
#include "command.h"

#include "pb/sync/statestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTextStream>

namespace pb::cli {

namespace {

int runStatus(const QStringList &argsIn)
{
    QTextStream out(stdout), err(stderr);
    QStringList args = argsIn;
    auto opts = takeSessionOptions(args);
    if (!opts) {
        err << "status: " << opts.error().message << '\n';
        return kExitUsage;
    }
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    if (!args.isEmpty()) {
        err << "status: unexpected argument '" << args.first() << "'\n";
        return kExitUsage;
    }
    // Who is signed in (settings only: no keychain, no network). `logout` clears these keys.
    const QSettings settings;
    const clients::SavedSpotifyAccount spotifyAccount = clients::savedSpotifyAccount(settings);
    const clients::SavedPlexAccount plex = clients::savedPlexAccount(settings);
    const QString spotifyUser = spotifyAccount.userId;
    const QString spotifyName = spotifyAccount.displayName;
    const QString plexUrl = plex.serverUrl;
    const QJsonObject accounts{
        {QStringLiteral("spotify"), spotifyUser.isEmpty()
                                        ? QJsonValue()
                                        : QJsonObject{{QStringLiteral("userId"), spotifyUser},
                                                      {QStringLiteral("displayName"), spotifyName}}},
        {QStringLiteral("plex"), plexUrl.isEmpty()
                                     ? QJsonValue()
                                     : QJsonObject{{QStringLiteral("server"), plex.serverName},
                                                   {QStringLiteral("url"), plexUrl},
                                                   {QStringLiteral("sectionKey"), plex.sectionKey},
                                                   {QStringLiteral("library"), plex.sectionTitle}}}};
    if (!json) {
        out << "Spotify: "
            << (spotifyUser.isEmpty()
                    ? QStringLiteral("not signed in ('playlist-bridge-cli login spotify')")
                    : QStringLiteral("signed in as %1 (%2)")
                          .arg(spotifyName.isEmpty() ? spotifyUser : spotifyName, spotifyUser))
            << '\n';
        out << "Plex:    "
            << (plexUrl.isEmpty() ? QStringLiteral("not signed in ('playlist-bridge-cli login plex')")
                                  : QStringLiteral("server \"%1\" at %2, library \"%3\"")
                                        .arg(plex.serverName, plexUrl, plex.sectionTitle))
            << "\n\n";
    }
    const QString path = opts->databasePath.isEmpty() ? sync::StateStore::defaultPath() : opts->databasePath;
    auto store = sync::StateStore::open(path);
    if (!store) {
        err << "status: " << store.error().toString() << '\n';
        return kExitFailure;
    }
    auto links = (*store)->links();
    if (!links) {
        err << "status: " << links.error().toString() << '\n';
        return kExitFailure;
    }
    QJsonArray rows;
    for (const sync::PlaylistLink &l : *links) {
        QJsonObject row{
            {QStringLiteral("source"), l.playlist.source},
            {QStringLiteral("playlistId"), l.playlist.id},
            {QStringLiteral("plexPlaylist"), QJsonObject{{QStringLiteral("ratingKey"), l.plexRatingKey},
                                                         {QStringLiteral("title"), l.plexTitle}}},
            {QStringLiteral("lastSyncedAt"), l.lastSyncedAt.toString(Qt::ISODate)}};
        QString last;
        if (auto h = (*store)->history(l.playlist, 1); h && !h->empty()) {
            const sync::SyncResult &r = h->front().result;
            last = r.message;
            row.insert(QStringLiteral("lastRun"),
                       QJsonObject{{QStringLiteral("finishedAt"), r.finishedAt.toString(Qt::ISODate)},
                                   {QStringLiteral("matched"), r.matched},
                                   {QStringLiteral("missing"), r.missing},
                                   {QStringLiteral("message"), r.message}});
        }
        rows.append(row);
        if (!json)
            out << l.playlist.toString() << "  → \"" << l.plexTitle << "\" (" << l.plexRatingKey << ")  "
                << (l.lastSyncedAt.isValid() ? l.lastSyncedAt.toString(Qt::ISODate) : QStringLiteral("never"))
                << "  " << last << '\n';
    }
    if (json)
        out << QJsonDocument(
                   QJsonObject{{QStringLiteral("accounts"), accounts}, {QStringLiteral("links"), rows}})
                   .toJson(QJsonDocument::Indented);
    else if (rows.isEmpty())
        out << "No playlist is linked yet. Run 'playlist-bridge-cli sync NAME'.\n";
    return kExitOk;
}

} // namespace

Command statusCommand()
{
    return {"status", "Show linked playlists and their last sync (offline)", &runStatus};
}

} // namespace pb::cli
