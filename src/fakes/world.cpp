// The world fixture loader (format: docs/fixtures.md). Unknown fields are ignored; a missing
// required field or a field of the wrong type is an error that names it.
#include "pb/fakes/world.h"

#include "fakehttp.h"
#include "worldfiller.h"

#include <QFile>

#include <limits>

namespace pb::fakes {

namespace {

// Bounds that keep a fixture's numbers meaningful and its world buildable: a track of at most
// a week, at most a million filler tracks (a fixture asking for two billion would never load).
constexpr long long kMaxDurationMs = 7LL * 24 * 3600 * 1000;
constexpr long long kMaxFillerTracks = 1000000;

struct ParseError {
    QString message;
};

class Reader {
public:
    Reader(const Json &j, QString path) : m_j(j), m_path(std::move(path)) {}

    bool has(const char *key) const { return m_j.is_object() && m_j.contains(key) && !m_j[key].is_null(); }
    QString where(const char *key) const
    {
        return m_path.isEmpty() ? QString::fromLatin1(key)
                                : m_path + QLatin1Char('.') + QString::fromLatin1(key);
    }

    QString str(const char *key, bool required, const QString &def = {}) const
    {
        if (!has(key)) {
            if (required)
                throw ParseError{where(key) + QStringLiteral(" is required")};
            return def;
        }
        const Json &v = m_j[key];
        if (v.is_string())
            return QString::fromStdString(v.get<std::string>());
        if (v.is_number_integer())
            return QString::fromStdString(v.dump()); // every digit, also past the int64 range
        throw ParseError{where(key) + QStringLiteral(" must be a string")};
    }
    /// A whole number within [min, max] (a float such as 1e300 has no integer value to take).
    long long num(const char *key, bool required, long long def = 0, long long min = 0,
                  long long max = std::numeric_limits<int>::max()) const
    {
        if (!has(key)) {
            if (required)
                throw ParseError{where(key) + QStringLiteral(" is required")};
            return def;
        }
        const Json &v = m_j[key];
        if (!v.is_number_integer())
            throw ParseError{where(key) + QStringLiteral(" must be a whole number")};
        const bool inRange = v.is_number_unsigned()
                                 ? v.get<unsigned long long>() <= static_cast<unsigned long long>(max)
                                 : v.get<long long>() >= min && v.get<long long>() <= max;
        if (!inRange)
            throw ParseError{where(key) + QStringLiteral(" must be from %1 to %2").arg(min).arg(max)};
        return v.get<long long>();
    }
    bool flag(const char *key, bool def) const
    {
        if (!has(key))
            return def;
        if (!m_j[key].is_boolean())
            throw ParseError{where(key) + QStringLiteral(" must be true or false")};
        return m_j[key].get<bool>();
    }
    const Json &array(const char *key, bool required) const
    {
        static const Json empty = Json::array();
        if (!has(key)) {
            if (required)
                throw ParseError{where(key) + QStringLiteral(" is required")};
            return empty;
        }
        if (!m_j[key].is_array())
            throw ParseError{where(key) + QStringLiteral(" must be an array")};
        return m_j[key];
    }
    Reader object(const char *key, bool required) const
    {
        static const Json empty = Json::object();
        if (!has(key)) {
            if (required)
                throw ParseError{where(key) + QStringLiteral(" is required")};
            return Reader(empty, where(key));
        }
        if (!m_j[key].is_object())
            throw ParseError{where(key) + QStringLiteral(" must be an object")};
        return Reader(m_j[key], where(key));
    }
    QStringList strings(const char *key, bool required) const
    {
        QStringList out;
        const Json &a = array(key, required);
        for (size_t i = 0; i < a.size(); ++i) {
            if (!a[i].is_string())
                throw ParseError{QStringLiteral("%1[%2] must be a string").arg(where(key)).arg(i)};
            out.append(QString::fromStdString(a[i].get<std::string>()));
        }
        return out;
    }

private:
    const Json &m_j;
    QString m_path;
};

QString indexPath(const QString &base, size_t i)
{
    return QStringLiteral("%1[%2]").arg(base).arg(i);
}

void parseSpotify(const Reader &root, World &w)
{
    const Reader sp = root.object("spotify", true);
    const Reader user = sp.object("user", true);
    w.spotify.userId = user.str("id", true);
    w.spotify.displayName = user.str("display_name", false, w.spotify.userId);
    w.spotify.clientIds = sp.strings("clientIds", false);
    const Json &tracks = sp.array("tracks", true);
    for (size_t i = 0; i < tracks.size(); ++i) {
        const Reader t(tracks[i], indexPath(sp.where("tracks"), i));
        if (!tracks[i].is_object())
            throw ParseError{indexPath(sp.where("tracks"), i) + QStringLiteral(" must be an object")};
        WorldSpotifyTrack x;
        x.id = t.str("id", true);
        x.name = t.str("name", true);
        x.artists = t.strings("artists", true);
        x.album = t.str("album", false);
        x.durationMs = t.num("duration_ms", true, 0, 0, kMaxDurationMs);
        x.isrc = t.str("isrc", false);
        x.isExplicit = t.flag("explicit", false);
        x.releaseDate = t.str("release_date", false, x.releaseDate);
        x.trackNumber = static_cast<int>(t.num("track_number", false, 1));
        const QString type = t.str("type", false, QStringLiteral("track"));
        x.kind = type == QLatin1String("episode") ? WorldSpotifyTrack::Kind::Episode
                 : (type == QLatin1String("local") || t.flag("is_local", false))
                     ? WorldSpotifyTrack::Kind::Local
                     : WorldSpotifyTrack::Kind::Track;
        x.show = t.str("show", false, x.album);
        w.spotify.tracks.push_back(std::move(x));
    }
    const Json &pls = sp.array("playlists", false);
    for (size_t i = 0; i < pls.size(); ++i) {
        if (!pls[i].is_object())
            throw ParseError{indexPath(sp.where("playlists"), i) + QStringLiteral(" must be an object")};
        const Reader p(pls[i], indexPath(sp.where("playlists"), i));
        WorldSpotifyPlaylist x;
        x.id = p.str("id", true);
        x.name = p.str("name", true);
        x.description = p.str("description", false);
        x.owner = p.str("owner", false, w.spotify.userId);
        x.ownerDisplayName = p.str("owner_display_name", false, x.owner);
        x.collaborative = p.flag("collaborative", false);
        x.isPublic = p.flag("public", true);
        x.hasImage = p.flag("has_image", true);
        // A null entry is a track that is no longer available (item: null).
        const Json &entries = p.array("tracks", true);
        for (size_t k = 0; k < entries.size(); ++k) {
            if (entries[k].is_null())
                x.tracks.push_back(QString());
            else if (entries[k].is_string())
                x.tracks.push_back(QString::fromStdString(entries[k].get<std::string>()));
            else
                throw ParseError{QStringLiteral("%1.tracks[%2] must be a track id or null")
                                     .arg(p.where("id").chopped(3))
                                     .arg(k)};
        }
        w.spotify.playlists.push_back(std::move(x));
    }
    for (const QString &id : sp.strings("liked", false))
        w.spotify.liked.push_back(id);
}

const QStringList &connectionKinds()
{
    static const QStringList kinds{QStringLiteral("local"), QStringLiteral("remote"), QStringLiteral("relay"),
                                   QStringLiteral("dead-local"), QStringLiteral("dead-remote")};
    return kinds;
}

/// A server's identity and how plex.tv lists it (`plex.server` or a `plex.otherServers[]` entry).
void parsePlexServer(const Reader &server, WorldPlex &p, bool required)
{
    p.machineIdentifier = server.str("machineIdentifier", required, p.machineIdentifier);
    p.name = server.str("name", required, p.name);
    p.accessToken = server.str("accessToken", false, p.accessToken);
    p.owned = server.flag("owned", p.owned);
    p.sourceTitle = server.str("sourceTitle", false, p.sourceTitle);
    if (server.has("connections")) {
        p.connections = server.strings("connections", false);
        for (qsizetype i = 0; i < p.connections.size(); ++i) {
            if (!connectionKinds().contains(p.connections.at(i)))
                throw ParseError{QStringLiteral("%1[%2] must be one of %3")
                                     .arg(server.where("connections"))
                                     .arg(i)
                                     .arg(connectionKinds().join(QStringLiteral(", ")))};
        }
    }
}

/// A server's libraries, tracks and playlists (from `plex` itself or an `otherServers[]` entry).
void parsePlexLibrary(const Reader &px, WorldPlex &p, bool tracksRequired)
{
    const Json &secs = px.array("sections", false);
    if (!secs.empty())
        p.sections.clear();
    for (size_t i = 0; i < secs.size(); ++i) {
        const Reader s(secs[i], indexPath(px.where("sections"), i));
        p.sections.push_back(WorldPlexSection{s.str("key", true),
                                              s.str("title", false, QStringLiteral("Music")),
                                              s.str("type", false, QStringLiteral("artist"))});
    }
    const Json &tracks = px.array("tracks", tracksRequired);
    for (size_t i = 0; i < tracks.size(); ++i) {
        if (!tracks[i].is_object())
            throw ParseError{indexPath(px.where("tracks"), i) + QStringLiteral(" must be an object")};
        const Reader t(tracks[i], indexPath(px.where("tracks"), i));
        WorldPlexTrack x;
        x.ratingKey = t.str("ratingKey", true);
        x.section = t.str("section", false);
        x.title = t.str("title", true);
        x.artist = t.str("artist", true);
        x.originalTitle = t.str("originalTitle", false);
        x.album = t.str("album", false);
        x.duration = t.num("duration", false, 0, 0, kMaxDurationMs);
        x.index = static_cast<int>(t.num("index", false));
        x.year = static_cast<int>(t.num("year", false, 0, 0, 9999));
        x.guids = t.strings("guids", false);
        p.tracks.push_back(std::move(x));
    }
    const Json &pls = px.array("playlists", false);
    for (size_t i = 0; i < pls.size(); ++i) {
        const Reader pl(pls[i], indexPath(px.where("playlists"), i));
        WorldPlexPlaylist x;
        x.ratingKey = pl.str("ratingKey", true);
        x.title = pl.str("title", true);
        x.summary = pl.str("summary", false);
        for (const QString &k : pl.strings("items", false))
            x.items.push_back(k);
        p.playlists.push_back(std::move(x));
    }
}

void parsePlex(const Reader &root, World &w)
{
    const Reader px = root.object("plex", true);
    parsePlexServer(px.object("server", false), w.plex, false);
    const Reader user = px.object("user", false);
    w.plex.userToken = user.str("token", false, w.plex.userToken);
    w.plex.username = user.str("username", false, w.plex.username);
    parsePlexLibrary(px, w.plex, true);

    // More servers of the same account. Each needs its own identity; the account is shared.
    QStringList ids{w.plex.machineIdentifier};
    const Json &others = px.array("otherServers", false);
    for (size_t i = 0; i < others.size(); ++i) {
        const QString path = indexPath(px.where("otherServers"), i);
        if (!others[i].is_object())
            throw ParseError{path + QStringLiteral(" must be an object")};
        const Reader o(others[i], path);
        WorldPlex p;
        p.userToken = w.plex.userToken;
        p.username = w.plex.username;
        p.accessToken = QStringLiteral("fake-plex-server-token-%1").arg(i + 2);
        parsePlexServer(o, p, true);
        if (ids.contains(p.machineIdentifier))
            throw ParseError{o.where("machineIdentifier") +
                             QStringLiteral(" is already used by another server")};
        ids << p.machineIdentifier;
        parsePlexLibrary(o, p, false);
        w.otherPlexServers.push_back(std::move(p));
    }
}

} // namespace

pb::Result<World> parseWorld(const QByteArray &json)
{
    const auto doc = parseJson(json);
    if (!doc || !doc->is_object())
        return pb::Error::make(ErrorKind::Parse, QStringLiteral("the world fixture is not a JSON object"));
    try {
        const Reader root(*doc, {});
        World w;
        parseSpotify(root, w);
        parsePlex(root, w);
        const Reader filler = root.object("filler", false);
        const int extra = static_cast<int>(filler.num("plexTracks", false, 0, 0, kMaxFillerTracks));
        if (extra > 0)
            appendFillerTracks(
                w, extra,
                static_cast<quint32>(filler.num("seed", false, 1, 0, std::numeric_limits<quint32>::max())));
        return w;
    } catch (const ParseError &e) {
        return pb::Error::make(ErrorKind::InvalidInput, QStringLiteral("world fixture: ") + e.message);
    } catch (const std::exception &) {
        return pb::Error::make(ErrorKind::Parse, QStringLiteral("world fixture: unexpected value types"));
    }
}

pb::Result<World> loadWorld(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return pb::Error::make(ErrorKind::Storage,
                               QStringLiteral("cannot read world fixture %1: %2").arg(path, f.errorString()));
    return parseWorld(f.readAll());
}

World demoWorld()
{
    QFile f(QStringLiteral(":/pb/fakes/demo/world.json"));
    if (f.open(QIODevice::ReadOnly)) {
        auto w = parseWorld(f.readAll());
        if (w)
            return std::move(w).value();
    }
    // The resource is compiled in; this only happens if it is broken. Serve something usable.
    GenerateOptions o;
    o.libraryTracks = 300;
    o.playlists = 3;
    o.tracksPerPlaylist = 50;
    return generateWorld(o);
}

} // namespace pb::fakes
