// Spotify's account data export: Playlist*.json and YourLibrary.json.
#include "importcommon.h"

#include <nlohmann/json.hpp>

namespace pb::sources {

using nlohmann::json;
using namespace detail;

namespace {

constexpr int kMaxDepth = 32;

Result<json> parseJson(const QByteArray &data, ImportFormat format, const ImportLimits &limits)
{
    if (data.size() > limits.maxFileBytes)
        return parseError(format, QStringLiteral("file"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    if (!jsonDepthWithin(data, kMaxDepth))
        return parseError(format, QStringLiteral("file"), QStringLiteral("nested too deeply"));
    json j = json::parse(data.constBegin(), data.constEnd(), nullptr, false);
    if (j.is_discarded())
        return parseError(format, QStringLiteral("file"), QStringLiteral("not valid JSON"));
    return j;
}

QString text(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

Result<std::vector<ImportedPlaylist>> parseSpotifyPlaylistsJson(const QByteArray &data,
                                                                const ImportLimits &limits)
{
    constexpr ImportFormat kFormat = ImportFormat::SpotifyExport;
    auto parsed = parseJson(data, kFormat, limits);
    if (!parsed)
        return parsed.error();
    const json &root = *parsed;
    if (!root.is_object() || !root.contains("playlists") || !root["playlists"].is_array())
        return parseError(kFormat, QStringLiteral("playlists"),
                          QStringLiteral("missing (not a Playlist*.json file)"));
    const json &playlists = root["playlists"];
    if (playlists.size() > static_cast<std::size_t>(limits.maxPlaylists))
        return parseError(kFormat, QStringLiteral("playlists"),
                          QStringLiteral("more than %1").arg(limits.maxPlaylists));
    std::vector<ImportedPlaylist> out;
    for (std::size_t p = 0; p < playlists.size(); ++p) {
        const QString where = QStringLiteral("playlists[%1]").arg(p);
        const json &pl = playlists[p];
        if (!pl.is_object())
            return parseError(kFormat, where, QStringLiteral("not an object"));
        ImportedPlaylist playlist;
        playlist.format = kFormat;
        playlist.name = cleanField(text(pl, "name"), limits);
        if (playlist.name.isEmpty())
            return parseError(kFormat, where + QStringLiteral(".name"), QStringLiteral("missing or empty"));
        playlist.description = cleanField(text(pl, "description"), limits);
        const auto items = pl.find("items");
        if (items == pl.end() || !items->is_array())
            return parseError(kFormat, where + QStringLiteral(".items"), QStringLiteral("missing"));
        if (items->size() > static_cast<std::size_t>(limits.maxEntries))
            return parseError(kFormat, where + QStringLiteral(".items"),
                              QStringLiteral("more than %1 entries").arg(limits.maxEntries));
        for (std::size_t i = 0; i < items->size(); ++i) {
            const QString itemWhere = where + QStringLiteral(".items[%1]").arg(i);
            const json &item = (*items)[i];
            if (!item.is_object())
                return parseError(kFormat, itemWhere, QStringLiteral("not an object"));
            const int position = static_cast<int>(playlist.entries.size());
            const auto track = item.find("track");
            if (track != item.end() && track->is_object()) {
                const QString title = cleanField(text(*track, "trackName"), limits);
                const QString artist = cleanField(text(*track, "artistName"), limits);
                if (title.isEmpty())
                    return parseError(kFormat, itemWhere + QStringLiteral(".track.trackName"),
                                      QStringLiteral("missing or empty"));
                const QString uri = text(*track, "trackUri").trimmed();
                PlaylistEntry e = makeEntry(position, spotifyTrackId(uri), title,
                                            artist.isEmpty() ? QStringList() : QStringList{artist},
                                            cleanField(text(*track, "albumName"), limits), 0, {}, uri);
                playlist.entries.push_back(std::move(e));
                continue;
            }
            // Episodes and local files keep their place, reported as skipped like Spotify's.
            PlaylistEntry e;
            e.position = position;
            if (const auto ep = item.find("episode"); ep != item.end() && ep->is_object()) {
                e.skipReason = SkipReason::Episode;
                e.track.name = cleanField(text(*ep, "episodeName"), limits);
                e.track.uri = text(*ep, "episodeUri");
            } else if (const auto local = item.find("localTrack");
                       local != item.end() && local->is_object()) {
                e.skipReason = SkipReason::LocalFile;
                e.track.isLocal = true;
                e.track.uri = text(*local, "uri");
                e.track.name = cleanField(text(*local, "trackName"), limits);
            } else {
                e.skipReason = SkipReason::Unavailable;
            }
            playlist.entries.push_back(std::move(e));
        }
        out.push_back(std::move(playlist));
    }
    return out;
}

Result<ImportedPlaylist> parseSpotifyLibraryJson(const QByteArray &data, const ImportLimits &limits)
{
    constexpr ImportFormat kFormat = ImportFormat::SpotifyLibrary;
    auto parsed = parseJson(data, kFormat, limits);
    if (!parsed)
        return parsed.error();
    const json &root = *parsed;
    if (!root.is_object() || !root.contains("tracks") || !root["tracks"].is_array())
        return parseError(kFormat, QStringLiteral("tracks"),
                          QStringLiteral("missing (not a YourLibrary.json file)"));
    const json &tracks = root["tracks"];
    if (tracks.size() > static_cast<std::size_t>(limits.maxEntries))
        return parseError(kFormat, QStringLiteral("tracks"),
                          QStringLiteral("more than %1 entries").arg(limits.maxEntries));
    ImportedPlaylist liked;
    liked.format = kFormat;
    liked.name = QStringLiteral("Liked Songs");
    liked.isLikedSongs = true;
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        const QString where = QStringLiteral("tracks[%1]").arg(i);
        const json &t = tracks[i];
        if (!t.is_object())
            return parseError(kFormat, where, QStringLiteral("not an object"));
        const QString title = cleanField(text(t, "track"), limits);
        if (title.isEmpty())
            return parseError(kFormat, where + QStringLiteral(".track"), QStringLiteral("missing or empty"));
        const QString artist = cleanField(text(t, "artist"), limits);
        const QString uri = text(t, "uri").trimmed();
        liked.entries.push_back(makeEntry(static_cast<int>(i), spotifyTrackId(uri), title,
                                          artist.isEmpty() ? QStringList() : QStringList{artist},
                                          cleanField(text(t, "album"), limits), 0, {}, uri));
    }
    return liked;
}

} // namespace pb::sources
