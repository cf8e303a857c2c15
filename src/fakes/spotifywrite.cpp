// Fake Spotify playlist writes, so a test can edit a playlist between two syncs the way a
// user would: add, remove, reorder, replace items, change details, create. Every edit of the
// items changes snapshot_id.
#include "spotifyjson.h"

namespace pb::fakes {

namespace {

bool mayEdit(const FakeState &state, const FakeState::SpotifyPlaylistState &p)
{
    return p.data.owner == state.world.spotify.userId || p.data.collaborative;
}

FakeReply snapshotReply(FakeState &state, FakeState::SpotifyPlaylistState &p, int status)
{
    ++p.version;
    return jsonReply(status, Json{{"snapshot_id", u8(state.snapshotId(p))}});
}

// Collects track ids from `uris` (JSON array or comma list); an error reply on bad uris.
std::optional<FakeReply> readUris(const FakeState &state, const Json &uris, std::vector<QString> &out)
{
    if (!uris.is_array())
        return spotifyError(400, QStringLiteral("Invalid request"));
    if (uris.empty())
        return spotifyError(400, QStringLiteral("No uris provided"));
    if (uris.size() > 100)
        return spotifyError(400, QStringLiteral("Too many ids requested"));
    for (const Json &u : uris) {
        if (!u.is_string())
            return spotifyError(400, QStringLiteral("Invalid request"));
        const QString uri = QString::fromStdString(u.get<std::string>());
        const QString id = uri.section(QLatin1Char(':'), 2);
        if (!(uri.startsWith(QLatin1String("spotify:track:")) ||
              uri.startsWith(QLatin1String("spotify:episode:"))) ||
            !state.spotifyTrack(id))
            return spotifyError(400, QStringLiteral("Invalid base62 id"));
        out.push_back(id);
    }
    return std::nullopt;
}

Json bodyOrEmpty(const FakeRequest &req)
{
    if (req.body.trimmed().isEmpty())
        return Json::object();
    if (auto j = parseJson(req.body); j && j->is_object())
        return *j;
    return Json(nullptr);
}

FakeReply addItems(FakeState &state, const FakeRequest &req, FakeState::SpotifyPlaylistState &p,
                   const Json &body)
{
    Json uris = body.contains("uris") ? body["uris"] : Json(nullptr);
    if (uris.is_null() && req.param(QStringLiteral("uris"))) {
        uris = Json::array();
        for (const QString &u :
             req.paramOr(QStringLiteral("uris")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            uris.push_back(u8(u));
    }
    std::vector<QString> ids;
    if (auto err = readUris(state, uris, ids))
        return *err;
    auto &tracks = p.data.tracks;
    size_t pos = tracks.size();
    const Json position = body.contains("position") ? body["position"] : Json(nullptr);
    if (!position.is_null() && !position.is_number_integer())
        return spotifyError(400, QStringLiteral("Invalid position"));
    if (position.is_number_integer()) {
        const auto v = position.get<long long>();
        if (v < 0 || v > static_cast<long long>(tracks.size()))
            return spotifyError(400, QStringLiteral("Index out of bounds"));
        pos = static_cast<size_t>(v);
    }
    tracks.insert(tracks.begin() + static_cast<std::ptrdiff_t>(pos), ids.begin(), ids.end());
    return snapshotReply(state, p, 201);
}

FakeReply removeItems(FakeState &state, FakeState::SpotifyPlaylistState &p, const Json &body)
{
    const Json list =
        body.contains("items") ? body["items"] : (body.contains("tracks") ? body["tracks"] : Json());
    if (!list.is_array() || list.size() > 100)
        return spotifyError(400, QStringLiteral("Invalid request"));
    for (const Json &e : list) {
        if (!e.is_object() || !e.contains("uri") || !e["uri"].is_string())
            return spotifyError(400, QStringLiteral("Invalid request"));
        const QString id = QString::fromStdString(e["uri"].get<std::string>()).section(QLatin1Char(':'), 2);
        auto &t = p.data.tracks;
        t.erase(std::remove(t.begin(), t.end(), id), t.end());
    }
    return snapshotReply(state, p, 200);
}

FakeReply updateItems(FakeState &state, FakeState::SpotifyPlaylistState &p, const Json &body)
{
    if (body.contains("uris")) {
        std::vector<QString> ids;
        if (auto err = readUris(state, body["uris"], ids))
            return *err;
        p.data.tracks = ids;
        return snapshotReply(state, p, 200);
    }
    if (!body.contains("range_start") || !body.contains("insert_before") ||
        !body["range_start"].is_number_integer() || !body["insert_before"].is_number_integer() ||
        (body.contains("range_length") && !body["range_length"].is_number_integer()))
        return spotifyError(400, QStringLiteral("Invalid request"));
    const long long n = static_cast<long long>(p.data.tracks.size());
    const long long start = body["range_start"].get<long long>();
    const long long before = body["insert_before"].get<long long>();
    const long long length = body.value("range_length", 1LL);
    // `length > n - start`, not `start + length > n`: that sum can overflow.
    if (start < 0 || start > n || length < 1 || length > n - start || before < 0 || before > n)
        return spotifyError(400, QStringLiteral("Index out of bounds"));
    auto &t = p.data.tracks;
    std::vector<QString> moved(t.begin() + start, t.begin() + start + length);
    t.erase(t.begin() + start, t.begin() + start + length);
    long long dest = before > start ? before - length : before;
    dest = std::clamp(dest, 0LL, static_cast<long long>(t.size()));
    t.insert(t.begin() + dest, moved.begin(), moved.end());
    return snapshotReply(state, p, 200);
}

FakeReply changeDetails(FakeState::SpotifyPlaylistState &p, const Json &body)
{
    if (body.contains("name") && body["name"].is_string())
        p.data.name = QString::fromStdString(body["name"].get<std::string>());
    if (body.contains("description") && body["description"].is_string())
        p.data.description = QString::fromStdString(body["description"].get<std::string>());
    if (body.contains("public") && body["public"].is_boolean())
        p.data.isPublic = body["public"].get<bool>();
    if (body.contains("collaborative") && body["collaborative"].is_boolean())
        p.data.collaborative = body["collaborative"].get<bool>();
    return emptyReply(200);
}

FakeReply createPlaylist(FakeState &state, const Json &body)
{
    if (!body.contains("name") || !body["name"].is_string())
        return spotifyError(400, QStringLiteral("Missing required field: name"));
    FakeState::SpotifyPlaylistState p;
    p.data.id = spotifyjson::derivedId(QStringLiteral("playlist"), state.randomToken(16));
    p.data.name = QString::fromStdString(body["name"].get<std::string>());
    p.data.description = QString::fromStdString(body.value("description", std::string()));
    p.data.isPublic = body.value("public", false);
    p.data.collaborative = body.value("collaborative", false);
    p.data.owner = state.world.spotify.userId;
    p.data.hasImage = false;
    state.spotifyPlaylists.insert(state.spotifyPlaylists.begin(), p);
    // The 201 body is the full playlist object, with empty paging objects (recorded shape).
    Json j = spotifyjson::simplifiedPlaylist(state, p);
    j["images"] = Json::array();
    j["followers"] = {{"href", nullptr}, {"total", 0}};
    const QString base = QStringLiteral("/v1/playlists/") + p.data.id;
    j["tracks"] = spotifyjson::paging(state, base + QStringLiteral("/tracks"), 0, 100, 0, Json::array());
    j["items"] = spotifyjson::paging(state, base + QStringLiteral("/items"), 0, 100, 0, Json::array());
    return jsonReply(201, j);
}

} // namespace

std::optional<FakeReply> handleSpotifyWrite(FakeState &state, const FakeRequest &req)
{
    if (req.method == QLatin1String("GET") || req.method == QLatin1String("HEAD"))
        return std::nullopt;
    const QStringList seg = req.segments();
    const Json body = bodyOrEmpty(req);
    if (body.is_null())
        return spotifyError(400, QStringLiteral("Error parsing JSON."));
    if (seg.size() == 3 && seg[1] == QLatin1String("me") && seg[2] == QLatin1String("playlists") &&
        req.method == QLatin1String("POST"))
        return createPlaylist(state, body);
    if (seg.size() < 3 || seg[1] != QLatin1String("playlists"))
        return std::nullopt;
    FakeState::SpotifyPlaylistState *p = state.spotifyPlaylist(seg[2]);
    if (!p)
        return spotifyError(404, QStringLiteral("Resource not found"));
    if (!mayEdit(state, *p))
        return spotifyError(403, QStringLiteral("Forbidden"));
    if (seg.size() == 3 && req.method == QLatin1String("PUT"))
        return changeDetails(*p, body);
    if (seg.size() != 4)
        return std::nullopt;
    if (seg[3] == QLatin1String("tracks") && state.options.devMode)
        return spotifyError(403, QStringLiteral("Forbidden"));
    if (seg[3] != QLatin1String("items") && seg[3] != QLatin1String("tracks"))
        return std::nullopt;
    if (req.method == QLatin1String("POST"))
        return addItems(state, req, *p, body);
    if (req.method == QLatin1String("DELETE"))
        return removeItems(state, *p, body);
    if (req.method == QLatin1String("PUT"))
        return updateItems(state, *p, body);
    return std::nullopt;
}

} // namespace pb::fakes
