#pragma once

#include "pb/core/types.h"

#include <QString>

#include <vector>

namespace pb::sync {

/// The title of a Plex playlist a sync creates: `chosen` (SyncOptions::plexTitle, from the
/// user's naming pattern) when set, else the Spotify playlist's name ("Liked Songs" for
/// Liked Songs without one).
QString newPlexPlaylistTitle(const QString &chosen, const SourcePlaylist &playlist);

/// `base` if no existing Plex playlist has that title (case-insensitively), else
/// "base (Spotify)", "base (Spotify 2)", …: a playlist we did not create is never touched.
QString unclashedTitle(const QString &base, const std::vector<PlexPlaylist> &existing);

} // namespace pb::sync
