#include "pb/app/servicebackend.h"

#include "pb/clients/plexclient.h"
#include "pb/clients/secretstore.h"
#include "pb/clients/spotifyauthflow.h"
#include "pb/clients/spotifyclient.h"
#include "pb/core/logging.h"
#include "pb/sources/filesource.h"
#include "pb/sources/spotifysource.h"
#include "pb/sync/importer.h"
#include "pb/sync/statestore.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace pb::app {

ServiceBackend::ServiceBackend(ServiceConnection connection, QObject *parent)
    : AppBackend(parent), m_connection(std::move(connection)), m_network(new QNetworkAccessManager(this)),
      m_spotify(new pb::clients::SpotifyClient(m_network, m_connection.accounts.spotify,
                                               m_connection.accounts.spotifyTokens, this)),
      m_plex(new pb::clients::PlexClient(m_network, m_connection.accounts.plex, this)),
      m_service(std::make_unique<pb::sync::SyncService>(m_connection.accounts, m_connection.serviceOptions))
{
    m_spotify->setTokenVault(m_connection.accounts.spotifyVault);
    m_sources.push_back(
        new pb::sources::SpotifySource(m_spotify, {true, m_connection.status.spotifyUser}, this));
    // Imported files, read from this thread's state-store connection (opened when first needed).
    pb::sources::FileSource::Store imports;
    imports.list = [this]() -> pb::Result<std::vector<SourcePlaylist>> {
        pb::sync::StateStore *s = store();
        if (!s)
            return std::vector<SourcePlaylist>{}; // no database: no imported playlists to list
        return pb::sync::fileSourceStore(s).list();
    };
    imports.read = [this](const QString &id) -> pb::Result<std::optional<pb::sources::PlaylistRead>> {
        pb::sync::StateStore *s = store();
        if (!s)
            return pb::Error::make(pb::ErrorKind::Storage, tr("The app's database could not be opened."));
        return pb::sync::fileSourceStore(s).read(id);
    };
    m_sources.push_back(new pb::sources::FileSource(std::move(imports), this));
    // The sync workers refresh tokens on their own threads; keep the list client's in step.
    connect(m_service.get(), &pb::sync::SyncService::spotifyTokensChanged, this,
            [this](const pb::clients::SpotifyTokens &tokens) { m_spotify->setTokens(tokens); });
}

ServiceBackend::~ServiceBackend() = default;

pb::sync::SyncRegistry *ServiceBackend::registry() const
{
    return m_service.get();
}

void ServiceBackend::refreshPlaylists()
{
    // Every source lists at once; the list is shown once all have answered, in source order.
    // A source that fails is reported, the others are still listed.
    for (const pb::clients::RequestHandle &h : std::exchange(m_listing, {}))
        h.cancel();
    struct Gather {
        std::vector<std::vector<SourcePlaylist>> lists;
        QStringList errors;
        std::size_t pending = 0;
    };
    auto gather = std::make_shared<Gather>();
    gather->lists.resize(m_sources.size());
    gather->pending = m_sources.size();
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        m_listing.push_back(
            m_sources[i]->playlists(this, [this, gather, i](pb::Result<std::vector<SourcePlaylist>> r) {
                if (r.ok())
                    gather->lists[i] = std::move(r).value();
                else if (r.error().kind == pb::ErrorKind::Cancelled)
                    return; // a newer refresh replaced this one
                else
                    gather->errors << r.error().message;
                if (--gather->pending > 0)
                    return;
                m_listing.clear();
                if (gather->errors.size() == static_cast<qsizetype>(m_sources.size()))
                    return Q_EMIT playlistsFailed(gather->errors.join(QStringLiteral("; ")));
                std::vector<SourcePlaylist> all;
                for (std::vector<SourcePlaylist> &list : gather->lists)
                    for (SourcePlaylist &p : list)
                        all.push_back(std::move(p));
                Q_EMIT playlistsLoaded(all);
                if (!gather->errors.isEmpty())
                    Q_EMIT playlistsFailed(gather->errors.join(QStringLiteral("; ")));
            }));
    }
}

void ServiceBackend::loadEntries(const SourcePlaylist &playlist, QObject *ctx,
                                 GuiCallback<std::vector<PlaylistEntry>> done)
{
    for (pb::sources::PlaylistSource *source : m_sources) {
        if (source->sourceId() != playlist.source)
            continue;
        source->read(playlist, ctx, [done = std::move(done)](pb::Result<pb::sources::PlaylistRead> r) {
            if (!r.ok())
                return done(r.error());
            done(std::move(r->entries));
        });
        return;
    }
    QTimer::singleShot(0, ctx, [done = std::move(done), source = playlist.source] {
        done(pb::Error::make(pb::ErrorKind::InvalidInput,
                             tr("No source can read playlists of \"%1\".").arg(source)));
    });
}

void ServiceBackend::searchPlex(const QString &query, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done)
{
    m_plex->hubSearch(query, m_connection.status.plexSectionKey, 30, ctx, std::move(done));
}

void ServiceBackend::plexTracks(const QStringList &ratingKeys, QObject *ctx,
                                GuiCallback<std::vector<PlexTrack>> done)
{
    m_plex->metadata(ratingKeys, ctx, std::move(done));
}

pb::sync::StateStore *ServiceBackend::store()
{
    // One connection on this thread, shared with the service's history look-ups.
    auto opened = m_service->localStore();
    if (!opened.ok()) {
        pb::log::ui()->error("could not open the state store: {}", pb::log::str(opened.error().toString()));
        return nullptr;
    }
    return *opened;
}

pb::Result<std::vector<pb::sync::SyncRun>> ServiceBackend::syncHistory(const pb::PlaylistKey &playlist,
                                                                       int limit) const
{
    return m_service->history(playlist, limit);
}

pb::Result<std::vector<pb::sync::RunTrack>> ServiceBackend::runTracks(qint64 runId) const
{
    return m_service->runTracks(runId);
}

pb::Status ServiceBackend::setManualOverride(const SourceTrack &track, const PlexTrack &plexTrack)
{
    if (track.id.isEmpty())
        return pb::Error::make(pb::ErrorKind::InvalidInput, tr("Local files cannot be matched by hand."));
    return m_service->setManualOverride(track.id, plexTrack.ratingKey, tr("chosen in the details window"));
}

} // namespace pb::app
