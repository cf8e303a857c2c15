#include "spotifyjson.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace pb::fakes::spotifyjson {

namespace {

const char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

QString apiBase(const FakeState &state)
{
    return state.spotifyApiUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/v1");
}

Json openUrl(const QString &kind, const QString &id)
{
    return Json{{"spotify", u8(QStringLiteral("https://open.spotify.com/%1/%2").arg(kind, id))}};
}

Json artistObject(const FakeState &state, const QString &name)
{
    const QString id = derivedId(QStringLiteral("artist"), name);
    return Json{{"external_urls", openUrl(QStringLiteral("artist"), id)},
                {"href", u8(apiBase(state) + QStringLiteral("/artists/") + id)},
                {"id", u8(id)},
                {"name", u8(name)},
                {"type", "artist"},
                {"uri", u8(QStringLiteral("spotify:artist:") + id)}};
}

QString precisionOf(const QString &date)
{
    if (date.size() == 4)
        return QStringLiteral("year");
    if (date.size() == 7)
        return QStringLiteral("month");
    return QStringLiteral("day");
}

// spotify:local:Artist:Album:Title:seconds, with '+' for spaces as Spotify writes it.
QString localUri(const WorldSpotifyTrack &t)
{
    auto enc = [](const QString &s) {
        return QString::fromLatin1(QUrl::toPercentEncoding(s, " "))
            .replace(QLatin1Char(' '), QLatin1Char('+'));
    };
    return QStringLiteral("spotify:local:%1:%2:%3:%4")
        .arg(enc(t.artists.value(0)), enc(t.album), enc(t.name))
        .arg(t.durationMs / 1000);
}

Json localTrack(const WorldSpotifyTrack &t)
{
    Json artists = Json::array();
    for (const QString &a : t.artists)
        artists.push_back(Json{{"external_urls", Json::object()},
                               {"href", nullptr},
                               {"id", nullptr},
                               {"name", u8(a)},
                               {"type", "artist"},
                               {"uri", nullptr}});
    return Json{{"album",
                 {{"album_type", nullptr},
                  {"artists", Json::array()},
                  {"available_markets", Json::array()},
                  {"external_urls", Json::object()},
                  {"href", nullptr},
                  {"id", nullptr},
                  {"images", Json::array()},
                  {"name", u8(t.album)},
                  {"release_date", nullptr},
                  {"release_date_precision", nullptr},
                  {"type", "album"},
                  {"uri", nullptr}}},
                {"artists", artists},
                {"available_markets", Json::array()},
                {"disc_number", 0},
                {"duration_ms", t.durationMs},
                {"explicit", false},
                {"external_ids", Json::object()},
                {"external_urls", Json::object()},
                {"href", nullptr},
                {"id", nullptr},
                {"is_local", true},
                {"name", u8(t.name)},
                {"popularity", 0},
                {"preview_url", nullptr},
                {"track_number", 0},
                {"type", "track"},
                {"uri", u8(localUri(t))},
                {"episode", false},
                {"track", true}};
}

Json episodeObject(const FakeState &state, const WorldSpotifyTrack &t)
{
    const QString showId = derivedId(QStringLiteral("show"), t.show);
    const Json show{{"available_markets", Json::array()},
                    {"copyrights", Json::array()},
                    {"description", ""},
                    {"html_description", ""},
                    {"explicit", false},
                    {"external_urls", openUrl(QStringLiteral("show"), showId)},
                    {"href", u8(apiBase(state) + QStringLiteral("/shows/") + showId)},
                    {"id", u8(showId)},
                    {"images", Json::array()},
                    {"is_externally_hosted", false},
                    {"languages", Json::array({"en"})},
                    {"media_type", "audio"},
                    {"name", u8(t.show)},
                    {"publisher", u8(t.show)},
                    {"type", "show"},
                    {"uri", u8(QStringLiteral("spotify:show:") + showId)},
                    {"total_episodes", 1}};
    return Json{{"audio_preview_url", nullptr},
                {"description", ""},
                {"html_description", ""},
                {"duration_ms", t.durationMs},
                {"explicit", t.isExplicit},
                {"external_urls", openUrl(QStringLiteral("episode"), t.id)},
                {"href", u8(apiBase(state) + QStringLiteral("/episodes/") + t.id)},
                {"id", u8(t.id)},
                {"images", Json::array()},
                {"is_externally_hosted", false},
                {"is_playable", true},
                {"language", "en"},
                {"languages", Json::array({"en"})},
                {"name", u8(t.name)},
                {"release_date", u8(t.releaseDate)},
                {"release_date_precision", u8(precisionOf(t.releaseDate))},
                {"show", show},
                {"type", "episode"},
                {"uri", u8(QStringLiteral("spotify:episode:") + t.id)},
                {"episode", true},
                {"track", false}};
}

} // namespace

QString derivedId(const QString &kind, const QString &name)
{
    const QByteArray h =
        QCryptographicHash::hash((kind + QLatin1Char(':') + name).toUtf8(), QCryptographicHash::Sha256);
    QString id;
    for (int i = 0; i < 22; ++i)
        id.append(QLatin1Char(kBase62[static_cast<unsigned char>(h.at(i)) % 62]));
    return id;
}

Json userRef(const FakeState &state, const QString &userId, const QString &displayName, bool withName)
{
    Json j{{"external_urls", openUrl(QStringLiteral("user"), userId)},
           {"href", u8(apiBase(state) + QStringLiteral("/users/") + userId)},
           {"id", u8(userId)},
           {"type", "user"},
           {"uri", u8(QStringLiteral("spotify:user:") + userId)}};
    if (withName)
        j["display_name"] = displayName.isEmpty() ? Json(nullptr) : Json(u8(displayName));
    return j;
}

Json trackObject(const FakeState &state, const WorldSpotifyTrack &t)
{
    if (t.kind == WorldSpotifyTrack::Kind::Local)
        return localTrack(t);
    Json artists = Json::array();
    for (const QString &a : t.artists)
        artists.push_back(artistObject(state, a));
    const QString albumId =
        derivedId(QStringLiteral("album"), t.album + QLatin1Char('|') + t.artists.value(0));
    const QString image =
        QStringLiteral("https://i.scdn.co/image/") + derivedId(QStringLiteral("image"), albumId);
    Json album{{"album_type", "album"},
               {"artists", Json::array({artistObject(state, t.artists.value(0))})},
               {"available_markets", Json::array({"NL", "US"})},
               {"external_urls", openUrl(QStringLiteral("album"), albumId)},
               {"href", u8(apiBase(state) + QStringLiteral("/albums/") + albumId)},
               {"id", u8(albumId)},
               {"images", Json::array({{{"height", 640}, {"url", u8(image)}, {"width", 640}}})},
               {"is_playable", true},
               {"name", u8(t.album)},
               {"release_date", u8(t.releaseDate)},
               {"release_date_precision", u8(precisionOf(t.releaseDate))},
               {"total_tracks", std::max(t.trackNumber, 1)},
               {"type", "album"},
               {"uri", u8(QStringLiteral("spotify:album:") + albumId)}};
    Json ext = Json::object();
    if (!t.isrc.isEmpty())
        ext["isrc"] = u8(t.isrc);
    return Json{{"album", album},
                {"artists", artists},
                {"available_markets", Json::array({"NL", "US"})},
                {"disc_number", 1},
                {"duration_ms", t.durationMs},
                {"explicit", t.isExplicit},
                {"external_ids", ext},
                {"external_urls", openUrl(QStringLiteral("track"), t.id)},
                {"href", u8(apiBase(state) + QStringLiteral("/tracks/") + t.id)},
                {"id", u8(t.id)},
                {"is_local", false},
                {"is_playable", true},
                {"name", u8(t.name)},
                {"popularity", 50},
                {"preview_url", nullptr},
                {"track_number", t.trackNumber},
                {"type", "track"},
                {"uri", u8(QStringLiteral("spotify:track:") + t.id)},
                {"episode", false},
                {"track", true}};
}

Json itemObject(const FakeState &state, const WorldSpotifyTrack &t)
{
    if (t.kind == WorldSpotifyTrack::Kind::Episode)
        return episodeObject(state, t);
    return trackObject(state, t);
}

Json playlistEntry(const FakeState &state, const WorldSpotifyTrack *t, const QString &addedBy, int position)
{
    // A fixed date per position keeps the answers deterministic.
    const QDateTime added = QDateTime(QDate(2024, 1, 1), QTime(12, 0), Qt::UTC).addSecs(3600LL * position);
    Json item = t ? itemObject(state, *t) : Json(nullptr);
    return Json{{"added_at", u8(added.toString(Qt::ISODate))},
                {"added_by", userRef(state, addedBy, {}, false)},
                {"is_local", t && t->kind == WorldSpotifyTrack::Kind::Local},
                {"primary_color", nullptr},
                {"track", item},
                {"item", item},
                {"video_thumbnail", {{"url", nullptr}}}};
}

Json simplifiedPlaylist(const FakeState &state, const FakeState::SpotifyPlaylistState &p)
{
    const auto &d = p.data;
    const QString href = apiBase(state) + QStringLiteral("/playlists/") + d.id;
    const QString ownerName =
        d.owner == state.world.spotify.userId ? state.world.spotify.displayName : d.ownerDisplayName;
    Json images = nullptr;
    if (d.hasImage)
        images = Json::array({{{"height", nullptr},
                               {"url", u8(QStringLiteral("https://i.scdn.co/image/") +
                                          derivedId(QStringLiteral("cover"), d.id))},
                               {"width", nullptr}}});
    const int total = static_cast<int>(d.tracks.size());
    return Json{{"collaborative", d.collaborative},
                {"description", u8(d.description)},
                {"external_urls", openUrl(QStringLiteral("playlist"), d.id)},
                {"href", u8(href)},
                {"id", u8(d.id)},
                {"images", images},
                {"name", u8(d.name)},
                {"owner", userRef(state, d.owner, ownerName, true)},
                {"primary_color", nullptr},
                {"public", d.isPublic},
                {"snapshot_id", u8(state.snapshotId(p))},
                {"tracks", {{"href", u8(href + QStringLiteral("/tracks"))}, {"total", total}}},
                {"items", {{"href", u8(href + QStringLiteral("/items"))}, {"total", total}}},
                {"type", "playlist"},
                {"uri", u8(QStringLiteral("spotify:playlist:") + d.id)}};
}

Json paging(const FakeState &state, const QString &path, int offset, int limit, int total, Json items,
            const QString &extra)
{
    const QString base = state.spotifyApiUrl.toString(QUrl::StripTrailingSlash) + path;
    auto url = [&](int off) {
        return u8(QStringLiteral("%1?offset=%2&limit=%3%4").arg(base).arg(off).arg(limit).arg(extra));
    };
    Json next = offset + limit < total ? Json(url(offset + limit)) : Json(nullptr);
    Json previous = offset > 0 ? Json(url(std::max(0, offset - limit))) : Json(nullptr);
    return Json{{"href", url(offset)}, {"items", std::move(items)}, {"limit", limit}, {"next", next},
                {"offset", offset},    {"previous", previous},      {"total", total}};
}

Json currentUser(const FakeState &state)
{
    const auto &s = state.world.spotify;
    Json j = userRef(state, s.userId, s.displayName, true);
    j["country"] = "NL";
    j["explicit_content"] = {{"filter_enabled", false}, {"filter_locked", false}};
    j["followers"] = {{"href", nullptr}, {"total", 0}};
    const QString avatar =
        QStringLiteral("https://i.scdn.co/image/") + derivedId(QStringLiteral("avatar"), s.userId);
    j["images"] = Json::array({{{"height", 300}, {"url", u8(avatar)}, {"width", 300}},
                               {{"height", 64}, {"url", u8(avatar + QStringLiteral("-64"))}, {"width", 64}}});
    j["product"] = "premium";
    j["account_id"] = u8(derivedId(QStringLiteral("account"), s.userId));
    return j;
}

} // namespace pb::fakes::spotifyjson
