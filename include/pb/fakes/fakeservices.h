#pragma once

#include "pb/core/result.h"
#include "pb/fakes/faultinjector.h"
#include "pb/fakes/world.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <vector>

namespace pb::fakes {

/// How the fakes behave. Every field has a default that mirrors the real services.
struct FakeOptions {
    std::chrono::milliseconds latency{0}; ///< added before each answer (timer-based, never blocks)
    std::chrono::milliseconds jitter{0};  ///< uniform extra delay in [0, jitter], seeded
    quint32 seed = 1;
    std::chrono::seconds accessTokenLifetime{3600};
    int rateLimitPerWindow = 0; ///< Spotify Web API calls per window; 0 = unlimited; past it 429
    std::chrono::milliseconds rateWindow{1000};
    int retryAfterSeconds = 1;         ///< Retry-After sent with the rate-limit 429
    bool spotifyQuotaExceeded = false; ///< every Web API call answers the QUOTA_EXCEEDED 429
    int maxRequestLineLength = 8192;   ///< PMS answers 414 beyond it
    bool devMode = true;               ///< Spotify Development-Mode rules (403 on not-owned items, /tracks)
    int pinApproveAfterPolls = 1;      ///< plex.tv PIN gets its authToken on this poll; -1 = never
    std::chrono::seconds pinLifetime{1800};
    bool denyAuthorization = false;                    ///< /authorize redirects with error=access_denied
    std::chrono::hours refreshTokenLifetime{24 * 182}; ///< Spotify: 6 months after consent
    int requestLogLimit = 100000;                      ///< the request log keeps this many newest entries
};

/// One request as the fakes saw it. Header values are kept (test-only); toString() masks secrets.
struct RecordedRequest {
    Service service = Service::SpotifyApi;
    int plexServer = 0; ///< which Plex server answered (0 = the first; see plexServerCount())
    QString method;
    QString path;
    QString query; ///< encoded query string, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int status = 0; ///< 0 while pending or when never answered
    QDateTime at;
    /// "GET /v1/me?limit=5 -> 200" with tokens, codes and verifiers masked.
    QString toString() const;
};

/// Tokens issued by the Spotify accounts fake.
struct SpotifyTokens {
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0;
    QString scope;
};

/// A Plex playlist entry as the fake holds it.
struct FakePlexPlaylistItem {
    qint64 playlistItemId = 0;
    QString ratingKey;
};

/// A Plex playlist as the fake holds it.
struct FakePlexPlaylist {
    QString ratingKey;
    QString title;
    QString summary;
    std::vector<FakePlexPlaylistItem> items;
    qint64 addedAt = 0;
    qint64 updatedAt = 0;
    bool hasPoster = false;
};

class FakeState;

/// Fake Spotify accounts + Web API, plex.tv and Plex Media Server, each on its own loopback
/// listener. Lives on the thread that created it; the state accessors are thread-safe.
class FakeServices : public QObject {
    Q_OBJECT
public:
    explicit FakeServices(FakeOptions options = {}, QObject *parent = nullptr);
    ~FakeServices() override;

    /// Binds the four listeners on 127.0.0.1 (port 0 = any free port; else basePort..basePort+3).
    pb::Status start(quint16 basePort = 0);

    QUrl spotifyAccountsUrl() const; ///< /authorize, /api/token
    QUrl spotifyApiUrl() const;      ///< base WITHOUT /v1
    QUrl plexTvUrl() const;          ///< /api/v2/...
    QUrl plexServerUrl() const;      ///< PMS (the world's first server)
    /// How many Plex servers the world has: the first plus `plex.otherServers`.
    int plexServerCount() const;
    /// Plex server `server`'s own listener (0 = plexServerUrl()); empty past the last or before start().
    QUrl plexServerUrl(int server) const;

    pb::Status loadWorld(const QString &jsonPath);
    pb::Status parseWorld(const QByteArray &json);
    void useWorld(World world);

    FakeOptions options() const;
    void setOptions(const FakeOptions &options);

    FaultInjector &faults();

    std::vector<RecordedRequest> requestLog() const;
    void clearRequestLog();
    /// Requests whose path matches `pathPattern` (regex), optionally only of one method.
    int requestCount(const QString &pathPattern, const QString &method = {}) const;

    // Test helpers that skip the browser dance.
    SpotifyTokens issueSpotifyTokens(const QString &clientId);
    void revokeSpotifyRefreshToken(const QString &refreshToken);
    void expireSpotifyAccessTokens();
    QString plexUserToken() const;
    QString plexServerToken() const;
    QString plexMachineIdentifier() const;
    QString plexServerToken(int server) const;       ///< "" past the last server
    QString plexMachineIdentifier(int server) const; ///< "" past the last server

    // State inspection and edits, for tests.
    std::vector<FakePlexPlaylist> plexPlaylists() const;
    std::vector<QString> plexPlaylistItems(const QString &ratingKey) const; ///< rating keys in order
    /// The playlists of Plex server `server` (0 = the first); empty past the last.
    std::vector<FakePlexPlaylist> plexPlaylists(int server) const;
    /// Rating keys in order of a playlist on Plex server `server`.
    std::vector<QString> plexPlaylistItems(const QString &ratingKey, int server) const;
    std::vector<QString> spotifyPlaylistTracks(const QString &playlistId) const;
    QString spotifySnapshotId(const QString &playlistId) const;
    /// Replaces a Spotify playlist's entries as a user would in the Spotify app (new snapshot).
    bool setSpotifyPlaylistTracks(const QString &playlistId, const std::vector<QString> &trackIds);
    /// Replaces the user's Liked Songs (in /v1/me/tracks order), as liking and unliking would.
    void setSpotifyLikedTracks(const std::vector<QString> &trackIds);

    /// The state shared by the handlers (internal).
    FakeState &state();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pb::fakes
