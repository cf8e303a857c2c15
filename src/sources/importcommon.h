#pragma once
// Helpers shared by the file parsers: text decoding, normalised ids, entries and errors.

#include "pb/sources/importformats.h"

#include <QByteArray>
#include <QString>

namespace pb::sources::detail {

/// A Parse error "FORMAT: WHERE: WHAT" (where = "line 12" or a field path).
Error parseError(ImportFormat format, const QString &where, const QString &what);
/// The file's text: UTF-8 (a BOM is dropped), or Latin-1 when it is not valid UTF-8 (old
/// M3U files).
QString decodeText(const QByteArray &data);
/// Whitespace collapsed, control characters removed, cut to the limit.
QString cleanField(const QString &value, const ImportLimits &limits);
/// The Spotify track id of "spotify:track:<id>" or "https://open.spotify.com/track/<id>", else "".
QString spotifyTrackId(const QString &uriOrUrl);
/// "mbid:<uuid>" for a MusicBrainz recording URL or a bare UUID, else "".
QString recordingId(const QString &identifier);
/// An entry at `position`; its id is `id` when given, else trackIdFor(artist, title, album).
PlaylistEntry makeEntry(int position, const QString &id, const QString &title, const QStringList &artists,
                        const QString &album, std::int64_t durationMs, const QString &isrc = {},
                        const QString &uri = {});
/// False when JSON nests deeper than `maxDepth` (checked before parsing: a hostile file of
/// nested brackets must not exhaust the stack).
bool jsonDepthWithin(const QByteArray &data, int maxDepth);
/// Splits "Artist - Title" (also "–", "—"); false when there is no separator.
bool splitArtistTitle(const QString &text, QString *artist, QString *title);

} // namespace pb::sources::detail
