#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/spotifytokens.h"
#include "pb/clients/spotifytokenvault.h"
#include "pb/matching/matchingengine.h"
#include "pb/sync/statestore.h"
#include "pb/sync/syncregistry.h"

#include <QHash>
#include <QThreadPool>

#include <chrono>
#include <memory>

namespace pb::sync {

class SyncJob;

/// The signed-in accounts a sync uses. Copied into each job, which builds its own clients on
/// its worker thread (a QNetworkAccessManager never crosses threads).
struct SyncAccounts {
    clients::SpotifyConfig spotify;
    clients::SpotifyTokens spotifyTokens; ///< secret
    /// The saved account's refresh token, shared with other threads and processes (every
    /// refresh goes through it and it stores the rotated token). Null = tokens in memory only.
    std::shared_ptr<const clients::SpotifyTokenVault> spotifyVault;
    clients::PlexConfig plex;  ///< serverUrl + token (secret)
    QString machineIdentifier; ///< the Plex server; empty = asked with GET /identity
};

/// Tunables of the service.
struct SyncServiceOptions {
    QString databasePath;        ///< empty = StateStore::defaultPath()
    int maxConcurrentJobs = 3;   ///< playlists syncing at once; more wait in the queue
    int maxSearchesInFlight = 8; ///< Plex searches one job runs in parallel
    int searchLimit = 40;        ///< candidates asked per search (limit=)
    /// A track not found in Plex is searched for again after this long (or at once with
    /// SyncOptions::forceRematch); 0 = search again on every sync.
    std::chrono::seconds missRetryAfter{6 * 3600};
    std::chrono::milliseconds progressInterval{100}; ///< coalescing of progress signals
    std::chrono::milliseconds cancelPollInterval{20};
    matching::MatchConfig matchConfig;
};

/// The seed's PlaylistSyncService done properly: each sync runs on a QThreadPool worker with
/// its own network manager and event loop (read → match → plan → write → verify), reports
/// coalesced progress through the SyncRegistry signals, can be cancelled at any moment and
/// never leaves a Plex playlist half-written. Lives on the GUI (or CLI main) thread.
class SyncService : public SyncRegistry {
    Q_OBJECT

public:
    SyncService(SyncAccounts accounts, SyncServiceOptions options = {}, QObject *parent = nullptr);
    /// Cancels every running job and waits for the workers to stop.
    ~SyncService() override;

    /// Replaces the accounts used by syncs started from now on.
    void setAccounts(SyncAccounts accounts);
    const SyncAccounts &accounts() const { return m_accounts; }
    const SyncServiceOptions &options() const { return m_options; }

    bool startSync(const SourcePlaylist &playlist, const SyncOptions &options) override;
    void cancelSync(const PlaylistKey &playlist) override;
    bool isRunning(const PlaylistKey &playlist) const override;
    std::optional<SyncJobSnapshot> snapshot(const PlaylistKey &playlist) const override;

    /// Cancels every running sync.
    void cancelAll();
    /// Number of syncs running or queued.
    int runningCount() const;

    /// Records the user's correction for a source track (SourceTrack::id) on the current Plex
    /// server (an empty rating key means "not in my library"). Every later sync uses it first
    /// and never replaces it. One small write on this thread's state-store connection.
    Status setManualOverride(const QString &trackId, const QString &ratingKey, const QString &note = {});

    /// A playlist's recorded runs, newest first (tracks not loaded): one indexed read on this
    /// thread's state-store connection.
    Result<std::vector<SyncRun>> history(const PlaylistKey &playlist, int limit) const;
    /// The per-track lines of one recorded run.
    Result<std::vector<RunTrack>> runTracks(qint64 runId) const;
    /// The state store on the service's (the GUI's) thread, opened on first use; the sync
    /// workers open their own connections.
    Result<StateStore *> localStore() const;

Q_SIGNALS:
    /// Spotify rotated or refreshed the tokens during a sync: persist the refresh token.
    void spotifyTokensChanged(const pb::clients::SpotifyTokens &tokens);
    /// Every sync finished (emitted after the last syncFinished).
    void allFinished();

private:
    void onProgress(const PlaylistKey &key, const SyncProgress &progress);
    void onTracks(const PlaylistKey &key, const std::vector<TrackOutcome> &outcomes);
    void onFinished(const PlaylistKey &key, const SyncResult &result);

    SyncAccounts m_accounts;
    SyncServiceOptions m_options;
    QThreadPool m_pool;
    QHash<PlaylistKey, std::shared_ptr<SyncJob>> m_jobs;
    QHash<PlaylistKey, SyncJobSnapshot> m_snapshots;
    mutable std::unique_ptr<StateStore> m_store; ///< this thread's connection, for history look-ups
};

} // namespace pb::sync
