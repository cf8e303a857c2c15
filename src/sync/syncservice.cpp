#include "pb/sync/syncservice.h"

#include "pb/core/logging.h"
#include "syncjob.h"

namespace pb::sync {

namespace {
const int kRegisteredMetaTypes = [] {
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<TrackOutcome>();
    qRegisterMetaType<SyncResult>();
    qRegisterMetaType<PlaylistKey>();
    return 0;
}();
} // namespace

SyncService::SyncService(SyncAccounts accounts, SyncServiceOptions options, QObject *parent)
    : SyncRegistry(parent), m_accounts(std::move(accounts)), m_options(std::move(options))
{
    (void)kRegisteredMetaTypes;
    m_pool.setMaxThreadCount(std::max(1, m_options.maxConcurrentJobs));
    if (m_options.databasePath.isEmpty())
        m_options.databasePath = StateStore::defaultPath();
}

SyncService::~SyncService()
{
    // Queued jobs that never started are dropped; running ones stop within the cancel bound.
    cancelAll();
    m_pool.waitForDone();
}

void SyncService::setAccounts(SyncAccounts accounts)
{
    m_accounts = std::move(accounts);
}

bool SyncService::startSync(const SourcePlaylist &playlist, const SyncOptions &options)
{
    const PlaylistKey id = playlist.key();
    if (!id.isValid() || m_jobs.contains(id))
        return false;
    // Each sink function posts to this thread; the lambdas run here, in order.
    JobSink sink;
    sink.progress = [this, id](const SyncProgress &p) {
        QMetaObject::invokeMethod(
            this, [this, id, p] { onProgress(id, p); }, Qt::QueuedConnection);
    };
    sink.tracks = [this, id](const std::vector<TrackOutcome> &o) {
        QMetaObject::invokeMethod(
            this, [this, id, o] { onTracks(id, o); }, Qt::QueuedConnection);
    };
    sink.finished = [this, id](const SyncResult &r) {
        QMetaObject::invokeMethod(
            this, [this, id, r] { onFinished(id, r); }, Qt::QueuedConnection);
    };
    sink.tokensChanged = [this](const clients::SpotifyTokens &t) {
        QMetaObject::invokeMethod(
            this,
            [this, t] {
                m_accounts.spotifyTokens = t;
                Q_EMIT spotifyTokensChanged(t);
            },
            Qt::QueuedConnection);
    };

    auto job = std::make_shared<SyncJob>(playlist, options, m_accounts, m_options, std::move(sink));
    m_jobs.insert(id, job);

    if (!m_snapshots.contains(id)) {
        // The first sync of this session: how the playlist stood before it, from the history,
        // so a cancel or failure of this run still shows the last completed sync.
        SyncJobSnapshot first;
        if (auto store = localStore()) {
            if (auto standing = (*store)->standing(id))
                first.standing = std::move(*standing);
        }
        m_snapshots.insert(id, std::move(first));
    }
    SyncJobSnapshot &snap = m_snapshots[id];
    snap.playlist = id;
    snap.running = true;
    snap.progress = SyncProgress{};
    snap.progress.totalTracks = playlist.trackCount;
    snap.progress.currentStep = QStringLiteral("Waiting");
    snap.tracks.clear();

    m_pool.start(job.get());
    Q_EMIT syncStarted(id);
    return true;
}

void SyncService::cancelSync(const PlaylistKey &playlist)
{
    auto it = m_jobs.constFind(playlist);
    if (it == m_jobs.cend())
        return;
    (*it)->cancel();
    // A job still waiting for a worker never starts: report it cancelled right away.
    if (m_pool.tryTake(it->get())) {
        SyncResult r;
        r.playlist = playlist;
        r.outcome = SyncOutcome::Cancelled;
        r.dryRun = (*it)->options().dryRun; // a preview that never ran is still not a sync
        r.message = QStringLiteral("Cancelled before it started");
        r.startedAt = r.finishedAt = QDateTime::currentDateTimeUtc();
        onFinished(playlist, r);
    }
}

void SyncService::cancelAll()
{
    const QList<PlaylistKey> keys = m_jobs.keys();
    for (const PlaylistKey &key : keys)
        cancelSync(key);
}

bool SyncService::isRunning(const PlaylistKey &playlist) const
{
    return m_jobs.contains(playlist);
}

int SyncService::runningCount() const
{
    return static_cast<int>(m_jobs.size());
}

Result<StateStore *> SyncService::localStore() const
{
    if (!m_store) {
        auto opened = StateStore::open(m_options.databasePath);
        if (!opened)
            return opened.error();
        m_store = std::move(opened).value();
    }
    return m_store.get();
}

Status SyncService::setManualOverride(const QString &trackId, const QString &ratingKey, const QString &note)
{
    if (m_accounts.machineIdentifier.isEmpty())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("no Plex server is chosen"));
    auto store = localStore();
    if (!store)
        return store.error();
    return (*store)->saveOverride(
        {trackId, m_accounts.machineIdentifier, ratingKey, note, QDateTime::currentDateTimeUtc()});
}

Result<std::vector<SyncRun>> SyncService::history(const PlaylistKey &playlist, int limit) const
{
    auto store = localStore();
    if (!store)
        return store.error();
    return (*store)->history(playlist, limit);
}

Result<std::vector<RunTrack>> SyncService::runTracks(qint64 runId) const
{
    auto store = localStore();
    if (!store)
        return store.error();
    return (*store)->runTracks(runId);
}

std::optional<SyncJobSnapshot> SyncService::snapshot(const PlaylistKey &playlist) const
{
    if (auto it = m_snapshots.constFind(playlist); it != m_snapshots.cend())
        return *it;
    // Not synced this session: the newest run in the history, if any (one indexed read).
    auto store = localStore();
    if (!store)
        return std::nullopt;
    auto runs = (*store)->history(playlist, 1);
    if (!runs || runs->empty())
        return std::nullopt;
    SyncJobSnapshot snap;
    snap.playlist = playlist;
    snap.fromHistory = true;
    snap.result = runs->front().result;
    if (auto standing = (*store)->standing(playlist))
        snap.standing = std::move(*standing);
    snap.progress.totalTracks = snap.result->total;
    snap.progress.matchedTracks = snap.result->matched;
    snap.progress.failedTracks = snap.result->missing;
    snap.progress.skippedTracks = snap.result->skipped;
    if (auto tracks = (*store)->runTracks(runs->front().id)) {
        for (const RunTrack &t : *tracks) {
            TrackOutcome o;
            o.position = t.position;
            o.track.id = t.trackId;
            o.status = t.status;
            o.plexTrack.ratingKey = t.ratingKey;
            o.confidence = t.confidence;
            o.reason = t.reason;
            snap.tracks.push_back(std::move(o));
        }
    }
    return snap;
}

void SyncService::onProgress(const PlaylistKey &id, const SyncProgress &progress)
{
    if (!m_jobs.contains(id))
        return;
    m_snapshots[id].progress = progress;
    Q_EMIT progressChanged(id, progress);
}

void SyncService::onTracks(const PlaylistKey &id, const std::vector<TrackOutcome> &outcomes)
{
    if (!m_jobs.contains(id))
        return;
    SyncJobSnapshot &snap = m_snapshots[id];
    for (const TrackOutcome &o : outcomes) {
        if (o.position < 0)
            continue;
        if (static_cast<std::size_t>(o.position) >= snap.tracks.size())
            snap.tracks.resize(static_cast<std::size_t>(o.position) + 1);
        snap.tracks[static_cast<std::size_t>(o.position)] = o;
    }
    for (const TrackOutcome &o : outcomes)
        Q_EMIT trackResolved(id, o);
}

void SyncService::onFinished(const PlaylistKey &id, const SyncResult &result)
{
    if (!m_jobs.remove(id))
        return;
    SyncJobSnapshot &snap = m_snapshots[id];
    snap.running = false;
    snap.result = result;
    snap.standing.add(result);
    log::sync()->info("sync of {} finished: {}", log::str(id.toString()), log::str(result.message));
    Q_EMIT syncFinished(id, result);
    if (m_jobs.isEmpty())
        Q_EMIT allFinished();
}

} // namespace pb::sync
