#include "syncjob.h"

#include "jobrunner.h"
#include "pb/clients/spotifyclient.h"
#include "pb/core/logging.h"
#include "pb/sources/spotifysource.h"
#include "pb/sync/importer.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

namespace pb::sync {

SyncJob::SyncJob(SourcePlaylist playlist, SyncOptions options, SyncAccounts accounts,
                 SyncServiceOptions serviceOptions, JobSink sink)
    : m_playlist(std::move(playlist)), m_options(std::move(options)), m_accounts(std::move(accounts)),
      m_serviceOptions(std::move(serviceOptions)), m_sink(std::move(sink))
{
    setAutoDelete(false); // the service owns jobs through shared_ptr
}

void SyncJob::run()
{
    // The service drops its reference when the finished report arrives, which this very
    // function posts: keep the job alive until it returns.
    const std::shared_ptr<SyncJob> keepAlive = shared_from_this();
    const QString dbPath =
        m_serviceOptions.databasePath.isEmpty() ? StateStore::defaultPath() : m_serviceOptions.databasePath;
    auto store = StateStore::open(dbPath);
    if (!store) {
        SyncResult r;
        r.playlist = m_playlist.key();
        r.dryRun = m_options.dryRun;
        r.outcome = SyncOutcome::Failed;
        r.error = store.error();
        r.message = QStringLiteral("the sync state could not be opened: ") + store.error().toString();
        r.startedAt = r.finishedAt = QDateTime::currentDateTimeUtc();
        m_sink.finished(r);
        return;
    }

    // Everything below lives and dies on this worker thread.
    QEventLoop loop;
    QNetworkAccessManager nam;
    clients::SpotifyClient spotify(&nam, m_accounts.spotify, m_accounts.spotifyTokens);
    spotify.setTokenVault(m_accounts.spotifyVault);
    // A sync reads whole playlists (and reads them back): bigger pages mean fewer round trips.
    // PMS serves containers of this size without trouble.
    clients::PlexConfig plexConfig = m_accounts.plex;
    plexConfig.pageSize = std::max(plexConfig.pageSize, 500);
    clients::PlexClient plex(&nam, plexConfig);
    // The person's settings, read when this sync was started, refine the service's defaults.
    matching::MatchConfig matchConfig = m_serviceOptions.matchConfig;
    if (m_options.acceptThreshold > 0)
        matchConfig.acceptThreshold = m_options.acceptThreshold;
    const matching::MatchingEngine engine(matchConfig);

    JobContext ctx;
    sources::SpotifySource spotifySource(&spotify, {});
    sources::FileSource fileSource(fileSourceStore(store->get()));
    ctx.plex = &plex;
    ctx.store = store->get();
    ctx.engine = &engine;
    ctx.serviceOptions = m_serviceOptions;
    ctx.serviceOptions.matchConfig = matchConfig;
    if (m_options.searchesInFlight > 0)
        ctx.serviceOptions.maxSearchesInFlight =
            std::min(ctx.serviceOptions.maxSearchesInFlight, m_options.searchesInFlight);
    ctx.options = m_options;
    ctx.cancel = m_cancel;
    ctx.machineIdentifier = m_accounts.machineIdentifier;
    if (m_playlist.source == kSourceSpotify) {
        ctx.source = &spotifySource;
    } else if (m_playlist.source == kSourceFile) {
        ctx.source = &fileSource;
    } else {
        SyncResult r;
        r.playlist = m_playlist.key();
        r.dryRun = m_options.dryRun;
        r.outcome = SyncOutcome::Failed;
        r.error = Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("playlists of \"%1\" cannot be read by this version").arg(m_playlist.source));
        r.message = r.error->message;
        r.startedAt = r.finishedAt = QDateTime::currentDateTimeUtc();
        m_sink.finished(r);
        return;
    }

    QObject::connect(&spotify, &clients::SpotifyClient::tokensChanged, &spotify,
                     [this, &spotify] { m_sink.tokensChanged(spotify.tokens()); });

    {
        JobRunner runner(ctx, m_playlist, m_sink);
        QObject::connect(&runner, &JobRunner::done, &loop, &QEventLoop::quit, Qt::QueuedConnection);
        QTimer::singleShot(0, &runner, &JobRunner::start);
        loop.exec();
    }
    log::sync()->debug("sync job for {} ended", log::str(m_playlist.key().toString()));
}

} // namespace pb::sync
