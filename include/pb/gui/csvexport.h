#pragma once

#include "pb/sync/jobtypes.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace pb::gui {

/// The query a person would type into a store or downloader to find a missing track:
/// "Artist Title" with the primary artist only and version noise kept (it matters for buying).
QString downloadQuery(const SourceTrack &track);

/// The tracks that were not found in Plex as RFC 4180 CSV (UTF-8, CRLF, a header row):
/// position, title, artists, album, duration, isrc, spotify_uri, reason, download_query.
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
QByteArray missingTracksCsv(const std::vector<pb::sync::TrackOutcome> &outcomes);

} // namespace pb::gui
