#pragma once

#include "pb/core/playlistkey.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

/// Domain value types shared by every layer. Plain data: no QObject, no I/O.
namespace pb {

/// A track of a playlist source (Spotify, a file, Deezer, ListenBrainz) as the app needs it.
struct SourceTrack {
    QString id;  ///< the source's stable track id (Spotify's id for Spotify tracks); empty for local files
    QString uri; ///< spotify:track:<id> or spotify:local:...
    QString name;
    QStringList artists; ///< credited artist names, in the source's order
    QString album;
    std::int64_t durationMs = 0; ///< 0 when unknown
    QString isrc;                ///< external_ids.isrc, may be empty
    bool isExplicit = false;
    bool isLocal = false;

    friend bool operator==(const SourceTrack &, const SourceTrack &) = default;
};

/// Why a playlist entry cannot be matched at all.
enum class SkipReason {
    None,
    LocalFile,
    Episode,
    Unavailable
};

/// One entry of a source playlist, in order. `track` is meaningful unless skipReason says why not.
struct PlaylistEntry {
    int position = 0;
    SourceTrack track;
    SkipReason skipReason = SkipReason::None;
};

/// A playlist as its source lists it (Spotify: /v1/me/playlists); contents are read separately.
struct SourcePlaylist {
    QString source = QString(kSourceSpotify); ///< where it comes from (kSource…)
    QString id;                               ///< unique within the source
    QString name;
    QString description;
    QString ownerId;
    QString ownerName;
    QString snapshotId; ///< the source's change fingerprint (Spotify's snapshot_id, Deezer's checksum, …)
    QString imageUrl;
    bool collaborative = false;
    bool isPublic = false;
    int trackCount = 0;
    bool isLikedSongs = false; ///< the synthetic "Liked Songs" playlist

    PlaylistKey key() const { return {source, id}; }

    friend bool operator==(const SourcePlaylist &, const SourcePlaylist &) = default;
};

/// Whether the source lets an app read the playlist's tracks. Spotify, since 2026, only does
/// for playlists the user owns or collaborates on, and Liked Songs; other sources always do.
/// An unknown Spotify user (empty id) is given the benefit of the doubt: the read then says.
inline bool appCanReadTracks(const SourcePlaylist &playlist, const QString &currentSpotifyUserId)
{
    return playlist.source != kSourceSpotify || playlist.isLikedSongs || playlist.collaborative ||
           currentSpotifyUserId.isEmpty() || playlist.ownerId == currentSpotifyUserId;
}

/// The signed-in Spotify user.
struct SpotifyUser {
    QString id;
    QString displayName;
    QString accountId;
};

/// A Plex library track (type 10).
struct PlexTrack {
    QString ratingKey; ///< opaque string id
    QString title;
    QString grandparentTitle;    ///< album artist
    QString originalTitle;       ///< track artist, when it differs from the album artist
    QString parentTitle;         ///< album
    std::int64_t durationMs = 0; ///< 0 when unknown
    int index = 0;               ///< track number
    int year = 0;
    QStringList guids; ///< mbid://..., plex://..., isrc://...
    QString librarySectionId;
    std::int64_t addedAt = 0;
    std::int64_t updatedAt = 0;

    friend bool operator==(const PlexTrack &, const PlexTrack &) = default;
};

/// An item of a Plex playlist: the track plus its playlistItemID (needed to move or remove it).
struct PlexPlaylistItem {
    std::int64_t playlistItemId = 0;
    PlexTrack track;
};

/// A Plex playlist's metadata.
struct PlexPlaylist {
    QString ratingKey;
    QString title;
    QString summary;
    QString playlistType; ///< audio, video, photo
    bool smart = false;
    int leafCount = 0;
    std::int64_t updatedAt = 0;
};

/// A Plex music library section.
struct PlexSection {
    QString key;
    QString title;
    QString type; ///< "artist" for music
    QString uuid;
};

/// A Plex Media Server the user can reach.
struct PlexServer {
    QString machineIdentifier;
    QString name;
    QString baseUrl;     ///< the chosen connection
    QString accessToken; ///< secret: never log
};

} // namespace pb
