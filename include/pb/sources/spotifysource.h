#pragma once

#include "pb/sources/playlistsource.h"

namespace pb::clients {
class SpotifyClient;
}

namespace pb::sources {

/// The id of the synthetic "Liked Songs" playlist of the Spotify source.
inline constexpr QLatin1String kLikedSongsId{"liked-songs"};

/// The Spotify Web API as a playlist source, over a SpotifyClient it does not own: the user's
/// playlists from /v1/me/playlists (Liked Songs first, when asked for), their entries from
/// /items (Liked Songs from /v1/me/tracks), Spotify's snapshot_id as the fingerprint.
class SpotifySource final : public PlaylistSource {
    Q_OBJECT

public:
    struct Options {
        bool includeLikedSongs = true;
        SpotifyUser user; ///< named as the owner of Liked Songs
    };

    SpotifySource(clients::SpotifyClient *client, Options options, QObject *parent = nullptr);

    QString sourceId() const override { return QString(kSourceSpotify); }
    clients::RequestHandle playlists(QObject *context,
                                     clients::Callback<std::vector<SourcePlaylist>> done) override;
    clients::RequestHandle read(const SourcePlaylist &playlist, QObject *context,
                                clients::Callback<PlaylistRead> done) override;

    /// The synthetic Liked Songs playlist.
    static SourcePlaylist likedSongsPlaylist(int trackCount = 0);

private:
    clients::SpotifyClient *m_client;
    Options m_options;
};

} // namespace pb::sources
