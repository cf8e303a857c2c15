#include "pb/gui/servicebackend.h"

#include "pb/clients/plexclient.h"
#include "pb/clients/secretstore.h"
#include "pb/clients/spotifyauthflow.h"
#include "pb/clients/spotifyclient.h"
#include "pb/core/logging.h"
#include "pb/sync/statestore.h"

#include <QNetworkAccessManager>

namespace pb::gui {

ServiceBackend::ServiceBackend(ServiceConnection connection, QObject *parent)
    : AppBackend(parent), m_connection(std::move(connection)), m_network(new QNetworkAccessManager(this)),
      m_spotify(new pb::clients::SpotifyClient(m_network, m_connection.accounts.spotify,
                                               m_connection.accounts.spotifyTokens, this)),
      m_plex(new pb::clients::PlexClient(m_network, m_connection.accounts.plex, this)),
      m_service(std::make_unique<pb::sync::SyncService>(m_connection.accounts, m_connection.serviceOptions))
{
    // The sync workers refresh tokens on their own threads; keep the list client's in step.
    connect(m_service.get(), &pb::sync::SyncService::spotifyTokensChanged, this,
            [this](const pb::clients::SpotifyTokens &tokens) { m_spotify->setTokens(tokens); });
}

ServiceBackend::~ServiceBackend() = default;

pb::sync::SyncRegistry *ServiceBackend::registry() const
{
    return m_service.get();
}

SourcePlaylist ServiceBackend::likedSongsPlaylist(int trackCount)
{
    SourcePlaylist liked;
    liked.id = kLikedSongsId;
    liked.name = tr("Liked Songs");
    liked.isLikedSongs = true;
    liked.trackCount = trackCount;
    return liked;
}

void ServiceBackend::refreshPlaylists()
{
    m_spotify->playlists(this, [this](pb::Result<std::vector<SourcePlaylist>> playlists) {
        if (!playlists.ok()) {
            Q_EMIT playlistsFailed(playlists.error().message);
            return;
        }
        // Liked Songs is not in /me/playlists; its size comes from /me/tracks.
        m_spotify->likedSongs(this, [this, owned = std::move(playlists).value()](
                                        pb::Result<std::vector<PlaylistEntry>> liked) mutable {
            if (liked.ok())
                m_likedCount = static_cast<int>(liked->size());
            std::vector<SourcePlaylist> all;
            all.reserve(owned.size() + 1);
            SourcePlaylist likedPlaylist = likedSongsPlaylist(m_likedCount);
            likedPlaylist.ownerId = m_connection.status.spotifyUser.id;
            likedPlaylist.ownerName = m_connection.status.spotifyUser.displayName;
            all.push_back(likedPlaylist);
            for (SourcePlaylist &p : owned)
                all.push_back(std::move(p));
            Q_EMIT playlistsLoaded(all);
        });
    });
}

void ServiceBackend::loadEntries(const SourcePlaylist &playlist, QObject *ctx,
                                 GuiCallback<std::vector<PlaylistEntry>> done)
{
    if (playlist.isLikedSongs) {
        m_spotify->likedSongs(ctx, [this, done = std::move(done)](pb::Result<std::vector<PlaylistEntry>> r) {
            if (r.ok())
                m_likedCount = static_cast<int>(r->size());
            done(std::move(r));
        });
        return;
    }
    m_spotify->playlistEntries(playlist.id, ctx, std::move(done));
}

void ServiceBackend::searchPlex(const QString &query, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done)
{
    m_plex->hubSearch(query, m_connection.status.plexSectionKey, 30, ctx, std::move(done));
}

pb::sync::StateStore *ServiceBackend::store()
{
    if (!m_store) {
        const QString path = m_connection.serviceOptions.databasePath.isEmpty()
                                 ? pb::sync::StateStore::defaultPath()
                                 : m_connection.serviceOptions.databasePath;
        auto opened = pb::sync::StateStore::open(path);
        if (!opened.ok()) {
            pb::log::ui()->error("could not open the state store: {}",
                                 pb::log::str(opened.error().toString()));
            return nullptr;
        }
        m_store = std::move(opened).value();
    }
    return m_store.get();
}

pb::Result<std::vector<pb::sync::SyncRun>> ServiceBackend::syncHistory(const QString &spotifyPlaylistId,
                                                                       int limit) const
{
    return m_service->history(spotifyPlaylistId, limit);
}

pb::Result<std::vector<pb::sync::RunTrack>> ServiceBackend::runTracks(qint64 runId) const
{
    return m_service->runTracks(runId);
}

pb::Status ServiceBackend::setManualOverride(const SourceTrack &track, const PlexTrack &plexTrack)
{
    if (track.id.isEmpty())
        return pb::Error::make(pb::ErrorKind::InvalidInput, tr("Local files cannot be matched by hand."));
    pb::sync::StateStore *s = store();
    if (!s)
        return pb::Error::make(pb::ErrorKind::Storage, tr("The app's database could not be opened."));
    pb::sync::ManualOverride o;
    o.spotifyTrackId = track.id;
    o.machineIdentifier = m_connection.accounts.machineIdentifier;
    o.ratingKey = plexTrack.ratingKey;
    o.note = tr("chosen in the details window");
    o.createdAt = QDateTime::currentDateTimeUtc();
    return s->saveOverride(o);
}

} // namespace pb::gui
