#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/requesthandle.h"
#include "pb/clients/spotifytokens.h"
#include "pb/clients/spotifytokenvault.h"
#include "pb/core/types.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace pb::clients {

namespace detail {
class HttpCore;
}

/// The Spotify Web API (read side) for the signed-in user. Lives on one thread and uses that
/// thread's QNetworkAccessManager. Access tokens are refreshed before they expire and once on
/// a 401; a refused refresh (invalid_grant) puts the client in the reconnect-required state.
///
/// Errors (pb::ErrorKind): AuthRequired (no tokens, invalid_grant, 401 after a refresh),
/// Forbidden (403; on playlist contents the message explains Development Mode), NotFound,
/// RateLimited (429 waited out up to HttpPolicy limits), QuotaExceeded (never retried),
/// HttpStatus (5xx after retries), Network, Timeout, Parse, Cancelled.
class SpotifyClient : public QObject {
    Q_OBJECT
public:
    enum class AuthState {
        SignedOut,        ///< no refresh token
        SignedIn,         ///< tokens present
        ReconnectRequired ///< Spotify refused the refresh token: sign in again
    };
    Q_ENUM(AuthState)

    SpotifyClient(QNetworkAccessManager *nam, SpotifyConfig config, SpotifyTokens tokens = {},
                  QObject *parent = nullptr);
    ~SpotifyClient() override;

    /// Replaces the tokens (after a sign-in, or loaded from the SecretStore).
    void setTokens(SpotifyTokens tokens);
    /// The current tokens (secret). Without a vault, persist refreshToken when tokensChanged() fires.
    SpotifyTokens tokens() const;
    /// Refreshes go through `vault` (the saved account's token, shared with other threads and
    /// processes), which also stores each rotated refresh token. Null = tokens live in memory.
    void setTokenVault(std::shared_ptr<const SpotifyTokenVault> vault) { m_vault = std::move(vault); }
    AuthState authState() const { return m_authState; }
    const SpotifyConfig &config() const { return m_config; }

    /// GET /v1/me
    RequestHandle currentUser(QObject *context, Callback<SpotifyUser> done);
    /// GET /v1/me/playlists, every page (owned and followed playlists).
    RequestHandle playlists(QObject *context, Callback<std::vector<SourcePlaylist>> done);
    /// GET /v1/playlists/{id} (metadata only; contents via playlistEntries).
    RequestHandle playlist(const QString &playlistId, QObject *context, Callback<SourcePlaylist> done);
    /// GET /v1/playlists/{id}/items, every page, in playlist order. Reads `item`, falling back to
    /// `track`; local files, episodes and null items are kept as entries with a skipReason.
    /// A 403 (not owned, Development Mode) → ErrorKind::Forbidden with an explanation.
    RequestHandle playlistEntries(const QString &playlistId, QObject *context,
                                  Callback<std::vector<PlaylistEntry>> done);
    /// GET /v1/me/tracks (Liked Songs), every page.
    RequestHandle likedSongs(QObject *context, Callback<std::vector<PlaylistEntry>> done);

    /// The message of the Forbidden error for a playlist the user neither owns nor collaborates on.
    static QString notOwnedExplanation(const QString &playlistName = {});

Q_SIGNALS:
    /// The tokens changed (refresh, rotation, setTokens). Save the refresh token.
    void tokensChanged();
    /// Spotify refused the refresh token (revoked, or the 6-month limit): "Reconnect Spotify".
    void reconnectRequired();
    /// The auth state changed.
    void authStateChanged(pb::clients::SpotifyClient::AuthState state);

private:
    void ensureAccessToken(bool force, std::function<void(pb::Status)> then);
    void applyTokens(SpotifyTokens tokens, bool emitChanged);
    void setAuthState(AuthState state);

    SpotifyConfig m_config;
    SpotifyTokens m_tokens;
    AuthState m_authState = AuthState::SignedOut;
    std::unique_ptr<detail::HttpCore> m_http;
    SpotifyTokenEndpoint *m_tokenEndpoint = nullptr;
    std::shared_ptr<const SpotifyTokenVault> m_vault;
    bool m_refreshing = false;
    quint64 m_tokenGeneration = 0; ///< bumped by setTokens(): a refresh started before is stale
    RequestHandle m_refreshCall;
    std::vector<std::function<void(pb::Status)>> m_refreshWaiters;
};

} // namespace pb::clients
