#pragma once

// Test doubles for the widget tests: a SyncRegistry the test drives by hand and an AppBackend
// with canned accounts and playlists. Not product code; the product's registry is pb_sync's.
#include "pb/gui/appbackend.h"
#include "pb/sync/syncregistry.h"

#include <QHash>

#include <map>
#include <vector>

namespace pb::gui::test {

class TestRegistry : public pb::sync::SyncRegistry {
    Q_OBJECT

public:
    using SyncRegistry::SyncRegistry;

    bool startSync(const SourcePlaylist &playlist, const pb::sync::SyncOptions &options) override;
    void cancelSync(const pb::PlaylistKey &playlist) override;
    bool isRunning(const pb::PlaylistKey &playlist) const override;
    std::optional<pb::sync::SyncJobSnapshot> snapshot(const pb::PlaylistKey &playlist) const override;

    // Drivers: what the service would report.
    void progress(const pb::PlaylistKey &id, const pb::sync::SyncProgress &progress);
    void resolve(const pb::PlaylistKey &id, const pb::sync::TrackOutcome &outcome);
    void finish(const pb::PlaylistKey &id, const pb::sync::SyncResult &result);

    std::vector<std::pair<pb::PlaylistKey, pb::sync::SyncOptions>> started;
    QList<pb::PlaylistKey> cancelled;

private:
    std::map<pb::PlaylistKey, pb::sync::SyncJobSnapshot> m_jobs;
};

class TestBackend : public AppBackend {
    Q_OBJECT

public:
    explicit TestBackend(QObject *parent = nullptr);

    AccountStatus accountStatus() const override { return status; }
    pb::sync::SyncRegistry *registry() const override { return m_registry; }
    void refreshPlaylists() override;
    void loadEntries(const SourcePlaylist &playlist, QObject *ctx,
                     GuiCallback<std::vector<PlaylistEntry>> done) override;
    void searchPlex(const QString &query, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done) override;
    pb::Status setManualOverride(const SourceTrack &track, const PlexTrack &plexTrack) override;
    pb::Result<std::vector<pb::sync::SyncRun>> syncHistory(const pb::PlaylistKey &playlist,
                                                           int limit) const override;
    pb::Result<std::vector<pb::sync::RunTrack>> runTracks(qint64 runId) const override;

    void connectSpotify(const QString &clientId, QObject *ctx, GuiCallback<SpotifyUser> done) override;
    void cancelSpotifySignIn() override;
    void connectPlexWithToken(const QString &url, const QString &token, QObject *ctx,
                              GuiCallback<std::vector<PlexServerChoice>> done) override;
    pb::Status choosePlexLibrary(const QString &machineIdentifier, const QString &sectionKey) override;

    void importPlaylistFile(const QString &path, QObject *ctx,
                            GuiCallback<std::vector<ImportedSummary>> done) override;

    TestRegistry *testRegistry() const { return m_registry; }
    QStringList imported; ///< paths given to importPlaylistFile

    AccountStatus status;
    std::vector<SourcePlaylist> playlists;
    std::map<QString, std::vector<PlaylistEntry>> entries;
    std::vector<PlexTrack> searchResults;
    std::vector<std::pair<SourceTrack, PlexTrack>> overrides;
    QStringList searches;
    // Sync history: the runs per playlist (newest first) and each run's lines; an error
    // here is what every history read answers.
    std::map<QString, std::vector<pb::sync::SyncRun>> history;
    std::map<qint64, std::vector<pb::sync::RunTrack>> runLines;
    std::optional<pb::Error> historyError;
    // Sign-in: the pending callback, answered by the test.
    GuiCallback<SpotifyUser> pendingSpotify;
    QString spotifyClientId;
    bool spotifyCancelled = false;
    std::vector<PlexServerChoice> plexServers;
    QString chosenServer, chosenSection;

private:
    TestRegistry *m_registry;
};

/// The key of the Spotify playlist `id` (the doubles' playlists are Spotify ones).
inline pb::PlaylistKey key(const char *id)
{
    return pb::PlaylistKey::spotify(QString::fromUtf8(id));
}

/// A demo-like account and playlists: two owned, one followed (unreadable), Liked Songs.
void fillDemo(TestBackend &backend);
/// `n` entries "Track i" by "Artist i".
std::vector<PlaylistEntry> makeEntries(int n);

} // namespace pb::gui::test
