#pragma once

#include "pb/core/result.h"
#include "pb/core/types.h"

#include <QByteArray>
#include <QString>

#include <vector>

/// Pure parsers of playlist files: bytes in, playlists out, or a Parse error naming the line
/// or field. No QObject, no file system, no network: safe to call from anywhere (fuzz targets
/// included). Every input is untrusted; none of them crashes, hangs or allocates without bound.
namespace pb::sources {

/// The file formats Playlist Bridge imports.
enum class ImportFormat {
    SpotifyExport,  ///< Spotify's account data export: Playlist*.json (or the ZIP holding it)
    SpotifyLibrary, ///< the same export's YourLibrary.json: Liked Songs
    ExportifyCsv,   ///< a CSV written by Exportify (one playlist)
    M3u,            ///< M3U / M3U8, with or without #EXTINF
    Xspf,           ///< XSPF (XML Shareable Playlist Format)
    Jspf,           ///< JSPF (XSPF as JSON, as ListenBrainz exports it)
    PlainText       ///< one "Artist - Title" per line
};

/// A short name of a format ("Spotify data export", "M3U", ...).
QString importFormatName(ImportFormat format);

/// One playlist read from a file. Entries carry stable track ids: the service's own where the
/// file has one (Spotify URI → its id, MusicBrainz recording → "mbid:<uuid>", Deezer →
/// "deezer:<id>"), otherwise one derived from the normalised artist, title and album
/// (trackIdFor), so the match cache and manual fixes carry over to the next import.
struct ImportedPlaylist {
    QString name; ///< from the file when it has one, else from the file name
    QString description;
    ImportFormat format = ImportFormat::PlainText;
    bool isLikedSongs = false; ///< the export's Liked Songs
    std::vector<PlaylistEntry> entries;
};

/// Bounds on what a parser accepts (hostile files).
struct ImportLimits {
    qsizetype maxFileBytes = 64LL * 1024 * 1024; ///< a larger file is refused before parsing
    int maxEntries = 100000;                     ///< per playlist
    int maxPlaylists = 5000;                     ///< per file or archive
    qsizetype maxFieldChars = 4096;              ///< a longer title, artist or album is cut
};

/// Playlist*.json of Spotify's account data export: {"playlists": [{"name", "items": [{"track":
/// {"trackName", "artistName", "albumName", "trackUri"}, "episode", "localTrack"}]}]}.
Result<std::vector<ImportedPlaylist>> parseSpotifyPlaylistsJson(const QByteArray &data,
                                                                const ImportLimits &limits = {});
/// YourLibrary.json of the same export: {"tracks": [{"artist", "album", "track", "uri"}]} as
/// the Liked Songs playlist.
Result<ImportedPlaylist> parseSpotifyLibraryJson(const QByteArray &data, const ImportLimits &limits = {});
/// An Exportify CSV (header row with "Track URI", "Track Name", "Artist Name(s)", "Album Name",
/// "Track Duration (ms)" or "Duration (ms)", optional "ISRC" and "Name" = the playlist name).
/// `fallbackName` names the playlist when the file does not (usually the file name).
Result<ImportedPlaylist> parseExportifyCsv(const QByteArray &data, const QString &fallbackName,
                                           const ImportLimits &limits = {});
/// M3U/M3U8: #EXTM3U, #PLAYLIST:name, #EXTINF:seconds,Artist - Title, #EXTALB:, #EXTART:, and
/// path or URL lines (a line without #EXTINF is read from its file name).
Result<ImportedPlaylist> parseM3u(const QByteArray &data, const QString &fallbackName,
                                  const ImportLimits &limits = {});
/// XSPF (http://xspf.org/ns/0/): playlist/title, trackList/track with title, creator, album,
/// duration (ms), identifier and location.
Result<ImportedPlaylist> parseXspf(const QByteArray &data, const QString &fallbackName,
                                   const ImportLimits &limits = {});
/// JSPF: {"playlist": {"title", "track": [{"title", "creator", "album", "duration",
/// "identifier": string or [strings]}]}} (ListenBrainz's MusicBrainz recording identifiers).
Result<ImportedPlaylist> parseJspf(const QByteArray &data, const QString &fallbackName,
                                   const ImportLimits &limits = {});
/// Plain text: one "Artist - Title" per line ("–" and "—" also separate); blank lines and
/// lines starting with '#' are skipped.
Result<ImportedPlaylist> parsePlainText(const QByteArray &data, const QString &fallbackName,
                                        const ImportLimits &limits = {});
/// The ZIP of Spotify's account data export (or an Exportify "Export All" ZIP): every
/// Playlist*.json, YourLibrary.json and *.csv in it. Entries are read in memory only, never
/// written to disk; an archive with too many entries, too many bytes once inflated, an
/// encrypted entry or a path with ".." or a leading "/" is refused with a Parse error.
Result<std::vector<ImportedPlaylist>> parseSpotifyExportZip(const QByteArray &data,
                                                            const ImportLimits &limits = {});

/// Picks the format from the file name and the first bytes, then parses. `fileName` is only a
/// hint (its base name names a playlist that has no name inside the file).
Result<std::vector<ImportedPlaylist>> parsePlaylistFile(const QString &fileName, const QByteArray &data,
                                                        const ImportLimits &limits = {});

/// The stable id of a track known only by its text: "text:" + a hash of the normalised
/// artist, title and album (case, accents, spacing and punctuation ignored).
QString trackIdFor(const QString &artist, const QString &title, const QString &album);
/// The stable id of an imported playlist: its name, normalised (case, spacing, "_" for " ",
/// a browser's " (1)" download suffix ignored). Re-importing "My Playlist" from a newer file
/// updates the same Plex playlist.
QString importedPlaylistId(const QString &name);
/// A playlist name from a file name: the base name without extension, "_" read as " ".
QString playlistNameFromFileName(const QString &fileName);

} // namespace pb::sources
