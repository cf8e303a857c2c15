#include "testbackend.h"

#include <QPointer>
#include <QTimer>

namespace pb::gui::test {

using namespace pb::sync;

bool TestRegistry::startSync(const SourcePlaylist &playlist, const SyncOptions &options)
{
    if (isRunning(playlist.key()))
        return false;
    started.emplace_back(playlist.key(), options);
    SyncJobSnapshot &job = m_jobs[playlist.key()];
    job.playlist = playlist.key();
    job.running = true;
    job.progress = {};
    for (TrackOutcome &o : job.tracks)
        o.status = TrackStatus::Pending;
    Q_EMIT syncStarted(playlist.key());
    return true;
}

void TestRegistry::cancelSync(const pb::PlaylistKey &id)
{
    cancelled << id;
}

bool TestRegistry::isRunning(const pb::PlaylistKey &id) const
{
    const auto it = m_jobs.find(id);
    return it != m_jobs.end() && it->second.running;
}

std::optional<SyncJobSnapshot> TestRegistry::snapshot(const pb::PlaylistKey &id) const
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return std::nullopt;
    return it->second;
}

void TestRegistry::progress(const pb::PlaylistKey &id, const SyncProgress &p)
{
    m_jobs[id].progress = p;
    Q_EMIT progressChanged(id, p);
}

void TestRegistry::resolve(const pb::PlaylistKey &id, const TrackOutcome &outcome)
{
    auto &tracks = m_jobs[id].tracks;
    if (tracks.size() <= static_cast<size_t>(outcome.position))
        tracks.resize(static_cast<size_t>(outcome.position) + 1);
    tracks[static_cast<size_t>(outcome.position)] = outcome;
    Q_EMIT trackResolved(id, outcome);
}

void TestRegistry::finish(const pb::PlaylistKey &id, const SyncResult &result)
{
    SyncJobSnapshot &job = m_jobs[id];
    job.running = false;
    job.result = result;
    job.standing.add(result);
    Q_EMIT syncFinished(id, result);
}

void TestBackend::importPlaylistFile(const QString &path, QObject *ctx,
                                     GuiCallback<std::vector<ImportedSummary>> done)
{
    imported << path;
    QTimer::singleShot(0, ctx, [path, done = std::move(done)] {
        if (path.endsWith(QLatin1String(".bad")))
            return done(pb::Error::make(pb::ErrorKind::Parse, QStringLiteral("M3U: line 2: not a number")));
        SourcePlaylist p;
        p.source = QString(pb::kSourceFile);
        p.id = QStringLiteral("mix");
        p.name = QStringLiteral("Mix");
        p.trackCount = 3;
        done(std::vector<ImportedSummary>{{p, QStringLiteral("M3U"), true, true}});
    });
}

TestBackend::TestBackend(QObject *parent) : AppBackend(parent), m_registry(new TestRegistry(this)) {}

void TestBackend::refreshPlaylists()
{
    Q_EMIT playlistsLoaded(playlists);
}

void TestBackend::loadEntries(const SourcePlaylist &playlist, QObject *ctx,
                              GuiCallback<std::vector<PlaylistEntry>> done)
{
    const auto it = entries.find(playlist.id);
    std::vector<PlaylistEntry> result = it == entries.end() ? std::vector<PlaylistEntry>{} : it->second;
    QTimer::singleShot(0, ctx, [done = std::move(done), result] { done(result); });
}

void TestBackend::searchPlex(const QString &query, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done)
{
    searches << query;
    QTimer::singleShot(0, ctx, [done = std::move(done), r = searchResults] { done(r); });
}

pb::Status TestBackend::setManualOverride(const SourceTrack &track, const PlexTrack &plexTrack)
{
    overrides.emplace_back(track, plexTrack);
    return {};
}

pb::Result<std::vector<SyncRun>> TestBackend::syncHistory(const pb::PlaylistKey &playlist, int limit) const
{
    if (historyError)
        return *historyError;
    const auto it = history.find(playlist.id);
    std::vector<SyncRun> runs = it == history.end() ? std::vector<SyncRun>{} : it->second;
    if (runs.size() > static_cast<size_t>(limit))
        runs.resize(static_cast<size_t>(limit));
    return runs;
}

pb::Result<std::vector<RunTrack>> TestBackend::runTracks(qint64 runId) const
{
    if (historyError)
        return *historyError;
    const auto it = runLines.find(runId);
    return it == runLines.end() ? std::vector<RunTrack>{} : it->second;
}

void TestBackend::connectSpotify(const QString &clientId, QObject *, GuiCallback<SpotifyUser> done)
{
    spotifyClientId = clientId;
    pendingSpotify = std::move(done);
}

void TestBackend::cancelSpotifySignIn()
{
    spotifyCancelled = true;
    if (auto done = std::exchange(pendingSpotify, nullptr))
        done(pb::Error::make(pb::ErrorKind::Cancelled, QStringLiteral("cancelled")));
}

void TestBackend::connectPlexWithToken(const QString &, const QString &, QObject *ctx,
                                       GuiCallback<std::vector<PlexServerChoice>> done)
{
    QTimer::singleShot(0, ctx, [done = std::move(done), s = plexServers] { done(s); });
}

pb::Status TestBackend::choosePlexLibrary(const QString &machineIdentifier, const QString &sectionKey)
{
    chosenServer = machineIdentifier;
    chosenSection = sectionKey;
    return {};
}

std::vector<PlaylistEntry> makeEntries(int n)
{
    std::vector<PlaylistEntry> result;
    for (int i = 0; i < n; ++i) {
        PlaylistEntry e;
        e.position = i;
        e.track.id = QStringLiteral("t%1").arg(i);
        e.track.uri = QStringLiteral("spotify:track:t%1").arg(i);
        e.track.name = QStringLiteral("Track %1").arg(i);
        e.track.artists = {QStringLiteral("Artist %1").arg(i)};
        e.track.album = QStringLiteral("Album");
        e.track.durationMs = 200000 + i;
        result.push_back(e);
    }
    return result;
}

void fillDemo(TestBackend &backend)
{
    backend.status.demo = true;
    backend.status.spotifyConnected = true;
    backend.status.spotifyUser = {QStringLiteral("demo-user"), QStringLiteral("Demo User"), {}};
    backend.status.plexConnected = true;
    backend.status.plexServerName = QStringLiteral("Demo Server");
    backend.status.plexLibraryName = QStringLiteral("Music");
    backend.status.plexSectionKey = QStringLiteral("1");

    SourcePlaylist liked;
    liked.id = QStringLiteral("liked");
    liked.name = QStringLiteral("Liked Songs");
    liked.isLikedSongs = true;
    liked.trackCount = 3;
    liked.ownerId = QStringLiteral("demo-user");
    SourcePlaylist road;
    road.id = QStringLiteral("road");
    road.name = QStringLiteral("Road Trip");
    road.ownerId = QStringLiteral("demo-user");
    road.ownerName = QStringLiteral("Demo User");
    road.trackCount = 5;
    SourcePlaylist chill;
    chill.id = QStringLiteral("chill");
    chill.name = QStringLiteral("Chill Evenings");
    chill.ownerId = QStringLiteral("demo-user");
    chill.ownerName = QStringLiteral("Demo User");
    chill.trackCount = 4;
    SourcePlaylist followed;
    followed.id = QStringLiteral("followed");
    followed.name = QStringLiteral("Today's Top Hits");
    followed.ownerId = QStringLiteral("spotify");
    followed.ownerName = QStringLiteral("Spotify");
    followed.trackCount = 50;
    backend.playlists = {liked, road, chill, followed};
    backend.entries[road.id] = makeEntries(5);
    backend.entries[chill.id] = makeEntries(4);
}

} // namespace pb::gui::test
