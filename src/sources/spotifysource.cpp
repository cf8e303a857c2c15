#include "pb/sources/spotifysource.h"

#include "pb/clients/compositecall.h"
#include "pb/clients/spotifyclient.h"

#include <optional>

namespace pb::sources {

SpotifySource::SpotifySource(clients::SpotifyClient *client, Options options, QObject *parent)
    : PlaylistSource(parent), m_client(client), m_options(std::move(options))
{}

SourcePlaylist SpotifySource::likedSongsPlaylist(int trackCount)
{
    SourcePlaylist liked;
    liked.source = QString(kSourceSpotify);
    liked.id = QString(kLikedSongsId);
    liked.name = tr("Liked Songs");
    liked.isLikedSongs = true;
    liked.trackCount = trackCount;
    return liked;
}

clients::RequestHandle SpotifySource::playlists(QObject *context,
                                                clients::Callback<std::vector<SourcePlaylist>> done)
{
    clients::CompositeCall<std::vector<SourcePlaylist>> call(this, context, std::move(done));
    call.add(m_client->playlists(this, [this, call](Result<std::vector<SourcePlaylist>> owned) {
        if (!owned || !m_options.includeLikedSongs)
            return call.complete(std::move(owned));
        // Liked Songs is not in /me/playlists; its size comes from /me/tracks. A failure there
        // still lists it (its sync reports the error).
        call.add(m_client->likedSongs(this, [this, call, owned = std::move(owned).value()](
                                                Result<std::vector<PlaylistEntry>> liked) mutable {
            if (!liked && liked.error().kind == ErrorKind::Cancelled)
                return call.complete(liked.error());
            SourcePlaylist likedPlaylist = likedSongsPlaylist(liked ? static_cast<int>(liked->size()) : 0);
            likedPlaylist.ownerId = m_options.user.id;
            likedPlaylist.ownerName = m_options.user.displayName;
            std::vector<SourcePlaylist> all;
            all.reserve(owned.size() + 1);
            all.push_back(std::move(likedPlaylist));
            for (SourcePlaylist &p : owned)
                all.push_back(std::move(p));
            call.complete(std::move(all));
        }));
    }));
    return call.handle();
}

clients::RequestHandle SpotifySource::read(const SourcePlaylist &playlist, QObject *context,
                                           clients::Callback<PlaylistRead> done)
{
    clients::CompositeCall<PlaylistRead> call(this, context, std::move(done));
    if (playlist.isLikedSongs) {
        call.add(m_client->likedSongs(this, [call, playlist](Result<std::vector<PlaylistEntry>> r) {
            if (!r)
                return call.complete(r.error());
            PlaylistRead read;
            read.playlist = playlist;
            read.entries = std::move(*r);
            // Liked Songs has no snapshot id: a fingerprint of its track ids, in order, plays
            // that part, so "nothing changed" holds only when nothing changed.
            QStringList ids;
            for (const PlaylistEntry &e : read.entries)
                ids << e.track.id;
            read.playlist.snapshotId = QStringLiteral("liked:") + contentFingerprint(ids);
            read.playlist.trackCount = static_cast<int>(read.entries.size());
            call.complete(std::move(read));
        }));
        return call.handle();
    }
    // The metadata (snapshot id, declared total) and the items do not depend on each other.
    struct Parts {
        std::optional<SourcePlaylist> meta;
        std::optional<std::vector<PlaylistEntry>> entries;
    };
    auto parts = std::make_shared<Parts>();
    auto finish = [call, parts] {
        if (!parts->meta || !parts->entries)
            return;
        PlaylistRead read;
        read.playlist = std::move(*parts->meta);
        read.entries = std::move(*parts->entries);
        read.declaredTotal = read.playlist.trackCount;
        call.complete(std::move(read));
    };
    call.add(m_client->playlist(playlist.id, this, [call, parts, finish](Result<SourcePlaylist> r) {
        if (!r)
            return call.complete(r.error());
        parts->meta = std::move(*r);
        finish();
    }));
    call.add(m_client->playlistEntries(playlist.id, this,
                                       [call, parts, finish](Result<std::vector<PlaylistEntry>> r) {
                                           if (!r)
                                               return call.complete(r.error());
                                           parts->entries = std::move(*r);
                                           finish();
                                       }));
    return call.handle();
}

} // namespace pb::sources
