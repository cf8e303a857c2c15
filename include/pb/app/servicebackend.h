#pragma once

#include "pb/clients/requesthandle.h"
#include "pb/gui/appbackend.h"
#include "pb/sync/syncservice.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace pb::clients {
class PlexClient;
class SecretStore;
class SpotifyAuthFlow;
class SpotifyClient;
} // namespace pb::clients

namespace pb::sources {
class PlaylistSource;
}

namespace pb::sync {
class StateStore;
}

namespace pb::app {

// The backend speaks the GUI's backend vocabulary (pb/gui/appbackend.h).
using gui::AccountStatus;
using gui::AppBackend;
using gui::GuiCallback;
using gui::ImportedSummary;
using gui::PlexServerChoice;

/// Everything a ServiceBackend needs: the signed-in accounts (real services or the demo's
/// fakes), what the account bar shows and the sync service's tunables.
struct ServiceConnection {
    pb::sync::SyncAccounts accounts;
    AccountStatus status;
    pb::sync::SyncServiceOptions serviceOptions;
};

/// The AppBackend of a connected app, built by the composition root (main.cpp): the playlist sources (the
/// Spotify Web API over the real SpotifyClient) and the PlexClient on the GUI thread's network manager for
/// listing and searching (asynchronous, never blocking), the SyncService as the registry, and the state store
/// for manual overrides. The composition root gives it real accounts or the demo's fakes; the widgets cannot
/// tell the difference.
class ServiceBackend : public AppBackend {
    Q_OBJECT

public:
    explicit ServiceBackend(ServiceConnection connection, QObject *parent = nullptr);
    ~ServiceBackend() override;

    AccountStatus accountStatus() const override { return m_connection.status; }
    pb::sync::SyncRegistry *registry() const override;
    pb::sync::SyncService *service() const { return m_service.get(); }

    void refreshPlaylists() override;
    void loadEntries(const SourcePlaylist &playlist, QObject *ctx,
                     GuiCallback<std::vector<PlaylistEntry>> done) override;
    void searchPlex(const QString &query, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done) override;
    void plexTracks(const QStringList &ratingKeys, QObject *ctx,
                    GuiCallback<std::vector<PlexTrack>> done) override;
    pb::Status setManualOverride(const SourceTrack &track, const PlexTrack &plexTrack) override;
    void importPlaylistFile(const QString &path, QObject *ctx,
                            GuiCallback<std::vector<ImportedSummary>> done) override;
    pb::Result<std::vector<pb::sync::SyncRun>> syncHistory(const pb::PlaylistKey &playlist,
                                                           int limit) const override;
    pb::Result<std::vector<pb::sync::RunTrack>> runTracks(qint64 runId) const override;

    // Sign-in against the real services (servicebackend_signin.cpp). Results are saved (public
    // parts in QSettings "accounts/...", tokens in the keychain) and accountsSaved() asks the
    // composition root to rebuild the backend on them.
    QString spotifyRedirectUri() const override;
    QStringList spotifyScopes() const override;
    void connectSpotify(const QString &clientId, QObject *ctx, GuiCallback<SpotifyUser> done) override;
    void cancelSpotifySignIn() override;
    void connectPlexWithPin(QObject *ctx, GuiCallback<std::vector<PlexServerChoice>> done) override;
    void connectPlexWithToken(const QString &url, const QString &token, QObject *ctx,
                              GuiCallback<std::vector<PlexServerChoice>> done) override;
    void cancelPlexSignIn() override;
    pb::Status choosePlexLibrary(const QString &machineIdentifier, const QString &sectionKey) override;
    void disconnectSpotify() override;
    void disconnectPlex() override;

    /// How sign-in pages are opened; QDesktopServices::openUrl (the system browser) by default.
    /// Tests pass a hook that follows the page's redirect themselves.
    void setBrowserHook(std::function<void(const QUrl &)> hook) { m_openBrowser = std::move(hook); }

private:
    pb::sync::StateStore *store();
    pb::clients::SecretStore *secrets();
    void openBrowser(const QUrl &url);
    void describeServers(std::vector<pb::PlexServer> servers, QObject *ctx,
                         GuiCallback<std::vector<PlexServerChoice>> done);

    ServiceConnection m_connection;
    QNetworkAccessManager *m_network;                     // parent: this
    pb::clients::SpotifyClient *m_spotify;                // parent: this
    pb::clients::PlexClient *m_plex;                      // parent: this
    std::vector<pb::sources::PlaylistSource *> m_sources; // parent: this; listed in this order
    std::unique_ptr<pb::sync::SyncService> m_service;
    std::vector<pb::clients::RequestHandle> m_listing; ///< the list calls of the current refresh
    // Sign-in state.
    std::unique_ptr<pb::clients::SecretStore> m_secrets;
    QPointer<pb::clients::SpotifyAuthFlow> m_spotifyAuth;
    std::vector<pb::clients::RequestHandle> m_plexCalls;
    QHash<QString, pb::PlexServer> m_plexCandidates; ///< by machine identifier (holds tokens)
    QHash<QString, PlexServerChoice> m_plexChoices;
    std::function<void(const QUrl &)> m_openBrowser;
};

} // namespace pb::app
