#pragma once

#include "pb/core/result.h"
#include "pb/core/types.h"
#include "pb/sync/statestore.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace pb::sync {
class SyncRegistry;
}

namespace pb::gui {

/// What the window shows in its account bar.
struct AccountStatus {
    bool demo = false;       ///< running on the built-in fakes
    bool demoForced = false; ///< --demo: no way to connect real accounts from this window
    bool spotifyConnected = false;
    SpotifyUser spotifyUser;
    bool plexConnected = false;
    QString plexServerName;
    QString plexLibraryName;
    QString plexSectionKey;
};

/// A Plex server the user can pick after signing in with Plex.
struct PlexServerChoice {
    QString machineIdentifier;
    QString name;
    std::vector<PlexSection> sections; ///< music sections only
};

template <typename T>
using GuiCallback = std::function<void(pb::Result<T>)>;

/// What importing one playlist of a file did.
struct ImportedSummary {
    SourcePlaylist playlist;
    QString format;       ///< "M3U", "Spotify data export", …
    bool isNew = false;   ///< not imported before
    bool changed = false; ///< its tracks differ from the last import
};

/// The seam between the widgets and everything else. The composition root (src/app)
/// implements it with the real clients and sync service, or with the in-process fakes for the
/// demo; tests implement it with doubles. Every call is asynchronous and made on the GUI
/// thread; callbacks never fire after `ctx` is destroyed.
class AppBackend : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~AppBackend() override = default;

    /// The accounts as currently known.
    virtual AccountStatus accountStatus() const = 0;
    /// The sync job registry the UI observes; owned by the backend.
    virtual pb::sync::SyncRegistry *registry() const = 0;

    /// Reloads the playlist list (Liked Songs first); answers with playlistsLoaded/Failed.
    virtual void refreshPlaylists() = 0;
    /// Reads a playlist's entries for the details table before any sync ran.
    virtual void loadEntries(const SourcePlaylist &playlist, QObject *ctx,
                             GuiCallback<std::vector<PlaylistEntry>> done) = 0;
    /// Searches the connected Plex music library (for fixing a match by hand).
    virtual void searchPlex(const QString &query, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done) = 0;
    /// The Plex tracks with these rating keys (unknown keys are left out), to name the matches
    /// of a sync read back from the history. The default answers "not available".
    virtual void plexTracks(const QStringList &ratingKeys, QObject *ctx,
                            GuiCallback<std::vector<PlexTrack>> done);
    /// Stores a manual override: this Spotify track is that Plex track, on every later sync.
    virtual pb::Status setManualOverride(const SourceTrack &track, const PlexTrack &plexTrack) = 0;

    // Sync history (from the state store). The defaults answer "no runs" for test doubles.
    /// A playlist's recorded runs, newest first, at most `limit`.
    virtual pb::Result<std::vector<pb::sync::SyncRun>> syncHistory(const pb::PlaylistKey &playlist,
                                                                   int limit) const;
    /// The per-track lines of one run of syncHistory().
    virtual pb::Result<std::vector<pb::sync::RunTrack>> runTracks(qint64 runId) const;

    /// Imports a playlist file (parsed off the GUI thread): every playlist in it joins the list
    /// as an imported one. The default answers "not available".
    virtual void importPlaylistFile(const QString &path, QObject *ctx,
                                    GuiCallback<std::vector<ImportedSummary>> done);

    // Sign-in. The defaults answer "not available" so test doubles need not implement them.

    /// The loopback redirect URI the user must register in the Spotify dashboard.
    virtual QString spotifyRedirectUri() const;
    /// The scopes the app asks for (shown to the user).
    virtual QStringList spotifyScopes() const;
    /// Starts Spotify sign-in with the user's Client ID: opens the browser, waits for the
    /// loopback redirect. Answers once with the signed-in user or an error (Cancelled too).
    virtual void connectSpotify(const QString &clientId, QObject *ctx, GuiCallback<SpotifyUser> done);
    /// Stops a Spotify sign-in in progress.
    virtual void cancelSpotifySignIn();
    /// Sign in with Plex through the PIN page; answers with the servers the account can use.
    virtual void connectPlexWithPin(QObject *ctx, GuiCallback<std::vector<PlexServerChoice>> done);
    /// Connects to a server by URL and token; answers with that one server.
    virtual void connectPlexWithToken(const QString &url, const QString &token, QObject *ctx,
                                      GuiCallback<std::vector<PlexServerChoice>> done);
    /// Stops a Plex sign-in in progress.
    virtual void cancelPlexSignIn();
    /// Uses this server and music section from now on.
    virtual pb::Status choosePlexLibrary(const QString &machineIdentifier, const QString &sectionKey);
    virtual void disconnectSpotify();
    virtual void disconnectPlex();

Q_SIGNALS:
    void accountStatusChanged();
    void playlistsLoaded(const std::vector<pb::SourcePlaylist> &playlists);
    void playlistsFailed(const QString &message);
    /// Accounts were connected or disconnected and saved: the composition root rebuilds the
    /// backend (and the window) on them.
    void accountsSaved();
};

} // namespace pb::gui
