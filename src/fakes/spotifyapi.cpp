// Fake api.spotify.com/v1 read side: /me, /me/playlists, /playlists/{id}, /items, /tracks
// (403 in Development Mode), /me/tracks, /me/library/contains. Bearer checks as Spotify does.
#include "spotifyjson.h"

namespace pb::fakes {

namespace {

namespace sj = spotifyjson;

FakeReply unauthorized(const QString &message, bool invalidToken)
{
    FakeReply r = spotifyError(401, message);
    QByteArray h = "Bearer realm=\"spotify\"";
    if (invalidToken)
        h += ", error=\"invalid_token\", error_description=\"" + message.toUtf8() + "\"";
    r.addHeader("WWW-Authenticate", h);
    return r;
}

// Checks the bearer token; on success `userToken` says whether it carries a user.
std::optional<FakeReply> checkAuth(FakeState &state, const FakeRequest &req, bool needUser)
{
    const QByteArray auth = req.header("authorization");
    if (auth.isEmpty())
        return unauthorized(QStringLiteral("No token provided"), false);
    if (!auth.startsWith("Bearer "))
        return spotifyError(400, QStringLiteral("Only valid bearer authentication supported"));
    const QString token = QString::fromUtf8(auth.mid(7).trimmed());
    const auto it = state.accessTokens.constFind(token);
    if (it == state.accessTokens.constEnd())
        return unauthorized(QStringLiteral("Invalid access token"), true);
    if (it->expires <= QDateTime::currentDateTimeUtc())
        return unauthorized(QStringLiteral("The access token expired"), true);
    if (needUser && !it->user)
        return unauthorized(QStringLiteral("Valid user authentication required"), false);
    return std::nullopt;
}

// Reads limit/offset the way Spotify validates them; an error reply on bad values.
std::optional<FakeReply> readPaging(const FakeRequest &req, int defLimit, int maxLimit, int &limit,
                                    int &offset)
{
    limit = defLimit;
    offset = 0;
    if (const auto l = req.param(QStringLiteral("limit"))) {
        bool ok = false;
        limit = l->toInt(&ok);
        if (!ok || limit < 1 || limit > maxLimit)
            return spotifyError(400, QStringLiteral("Invalid limit"));
    }
    if (const auto o = req.param(QStringLiteral("offset"))) {
        bool ok = false;
        offset = o->toInt(&ok);
        if (!ok || offset < 0 || offset > 100000)
            return spotifyError(400, QStringLiteral("Invalid offset"));
    }
    return std::nullopt;
}

bool canReadItems(const FakeState &state, const FakeState::SpotifyPlaylistState &p)
{
    return p.data.owner == state.world.spotify.userId || p.data.collaborative;
}

FakeReply myPlaylists(FakeState &state, const FakeRequest &req)
{
    int limit = 0, offset = 0;
    if (auto err = readPaging(req, 20, 50, limit, offset))
        return *err;
    Json items = Json::array();
    const int total = static_cast<int>(state.spotifyPlaylists.size());
    for (int i = offset; i < total && i < offset + limit; ++i)
        items.push_back(sj::simplifiedPlaylist(state, state.spotifyPlaylists[static_cast<size_t>(i)]));
    // Spotify's own paging links point at the /users/{id}/playlists form.
    return jsonReply(200, sj::paging(state,
                                     QStringLiteral("/v1/users/%1/playlists").arg(state.world.spotify.userId),
                                     offset, limit, total, std::move(items)));
}

Json entriesPage(FakeState &state, const FakeState::SpotifyPlaylistState &p, const QString &path, int offset,
                 int limit, bool withItem)
{
    Json items = Json::array();
    const int total = static_cast<int>(p.data.tracks.size());
    const QString addedBy = p.data.owner;
    for (int i = offset; i < total && i < offset + limit; ++i) {
        const WorldSpotifyTrack *t = state.spotifyTrack(p.data.tracks[static_cast<size_t>(i)]);
        Json e = sj::playlistEntry(state, t, addedBy, i);
        if (!withItem)
            e.erase("item");
        items.push_back(std::move(e));
    }
    return sj::paging(state, path, offset, limit, total, std::move(items));
}

FakeReply playlist(FakeState &state, const FakeRequest &req, FakeState::SpotifyPlaylistState &p)
{
    Json j = sj::simplifiedPlaylist(state, p);
    j["followers"] = {{"href", nullptr}, {"total", 0}};
    const QString base = QStringLiteral("/v1/playlists/") + p.data.id;
    // Not owned in Development Mode: metadata only. Assumption (the real shape is unknown):
    // the paging objects are present with their totals and no entries.
    const bool readable = canReadItems(state, p) || !state.options.devMode;
    j["tracks"] = entriesPage(state, p, base + QStringLiteral("/tracks"), 0, readable ? 100 : 0, true);
    j["items"] = entriesPage(state, p, base + QStringLiteral("/items"), 0, readable ? 100 : 0, true);
    if (!readable) {
        for (const char *k : {"tracks", "items"}) {
            j[k]["limit"] = 100;
            j[k]["next"] = nullptr;
        }
    }
    (void)req;
    return jsonReply(200, j);
}

FakeReply likedSongs(FakeState &state, const FakeRequest &req)
{
    int limit = 0, offset = 0;
    if (auto err = readPaging(req, 20, 50, limit, offset))
        return *err;
    Json items = Json::array();
    const auto &liked = state.world.spotify.liked;
    const int total = static_cast<int>(liked.size());
    for (int i = offset; i < total && i < offset + limit; ++i) {
        const WorldSpotifyTrack *t = state.spotifyTrack(liked[static_cast<size_t>(i)]);
        const QDateTime added = QDateTime(QDate(2026, 2, 23), QTime(13, 0), Qt::UTC).addSecs(-3600LL * i);
        items.push_back(Json{{"added_at", u8(added.toString(Qt::ISODate))},
                             {"track", t ? sj::trackObject(state, *t) : Json(nullptr)}});
    }
    return jsonReply(
        200, sj::paging(state, QStringLiteral("/v1/me/tracks"), offset, limit, total, std::move(items)));
}

FakeReply libraryContains(FakeState &state, const FakeRequest &req)
{
    const QStringList uris = req.paramOr(QStringLiteral("uris")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (uris.isEmpty() || uris.size() > 40)
        return spotifyError(400, QStringLiteral("Invalid uris"));
    Json out = Json::array();
    for (const QString &uri : uris) {
        const QString id = uri.section(QLatin1Char(':'), 2);
        bool found = false;
        for (const QString &l : state.world.spotify.liked)
            found = found || l == id;
        out.push_back(found);
    }
    return jsonReply(200, out);
}

} // namespace

FakeReply handleSpotifyApi(FakeState &state, const FakeRequest &req)
{
    const QStringList seg = req.segments();
    if (seg.isEmpty() || seg.first() != QLatin1String("v1"))
        return spotifyError(404, QStringLiteral("Service not found"));
    const bool userEndpoint =
        seg.size() >= 2 && (seg[1] == QLatin1String("me") || seg[1] == QLatin1String("users") ||
                            seg[1] == QLatin1String("playlists"));
    if (auto err = checkAuth(state, req, userEndpoint))
        return *err;
    if (auto w = handleSpotifyWrite(state, req))
        return *w;
    if (req.method != QLatin1String("GET"))
        return spotifyError(405, QStringLiteral("Method not allowed"));

    if (seg.size() == 2 && seg[1] == QLatin1String("me"))
        return jsonReply(200, sj::currentUser(state));
    if (seg.size() == 3 && seg[1] == QLatin1String("me") && seg[2] == QLatin1String("playlists"))
        return myPlaylists(state, req);
    if (seg.size() == 4 && seg[1] == QLatin1String("users") && seg[3] == QLatin1String("playlists")) {
        if (seg[2] != state.world.spotify.userId)
            return spotifyError(403, QStringLiteral("Forbidden"));
        return myPlaylists(state, req);
    }
    if (seg.size() == 3 && seg[1] == QLatin1String("me") && seg[2] == QLatin1String("tracks"))
        return likedSongs(state, req);
    if (seg.size() == 4 && seg[1] == QLatin1String("me") && seg[2] == QLatin1String("library") &&
        seg[3] == QLatin1String("contains"))
        return libraryContains(state, req);
    if (seg.size() >= 3 && seg[1] == QLatin1String("playlists")) {
        FakeState::SpotifyPlaylistState *p = state.spotifyPlaylist(seg[2]);
        if (!p)
            return spotifyError(404, QStringLiteral("Resource not found"));
        if (seg.size() == 3)
            return playlist(state, req, *p);
        if (seg.size() == 4 && seg[3] == QLatin1String("items")) {
            if (state.options.devMode && !canReadItems(state, *p))
                return spotifyError(403, QStringLiteral("Forbidden"));
            int limit = 0, offset = 0;
            if (auto err = readPaging(req, 20, 50, limit, offset))
                return *err;
            return jsonReply(200,
                             entriesPage(state, *p, QStringLiteral("/v1/playlists/%1/items").arg(p->data.id),
                                         offset, limit, true));
        }
        if (seg.size() == 4 && seg[3] == QLatin1String("tracks")) {
            // Development Mode since 2026-03-09: the old path is 403 for every playlist.
            if (state.options.devMode)
                return spotifyError(403, QStringLiteral("Forbidden"));
            int limit = 0, offset = 0;
            if (auto err = readPaging(req, 100, 100, limit, offset))
                return *err;
            return jsonReply(200,
                             entriesPage(state, *p, QStringLiteral("/v1/playlists/%1/tracks").arg(p->data.id),
                                         offset, limit, false));
        }
    }
    return spotifyError(404, QStringLiteral("Service not found"));
}

} // namespace pb::fakes
