#pragma once

#include "pb/clients/requesthandle.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace pb::clients {

/// Environment variables that override the service base URLs. A testing aid: they let the CLI,
/// the app and scripted tests point at the fakes. Empty or unset = the real service.
inline constexpr const char *kEnvSpotifyAccountsUrl = "PLAYLIST_BRIDGE_SPOTIFY_ACCOUNTS_URL";
inline constexpr const char *kEnvSpotifyApiUrl = "PLAYLIST_BRIDGE_SPOTIFY_API_URL";
inline constexpr const char *kEnvPlexTvUrl = "PLAYLIST_BRIDGE_PLEX_TV_URL";

/// The scopes the app asks Spotify for: read playlists (own and collaborative) and Liked Songs.
QStringList spotifyScopes();

/// Spotify endpoints and the user's own Client ID (no secret: PKCE).
struct SpotifyConfig {
    QUrl accountsUrl{QStringLiteral("https://accounts.spotify.com")}; ///< /authorize, /api/token
    QUrl apiUrl{QStringLiteral("https://api.spotify.com")};           ///< WITHOUT /v1
    QString clientId;
    HttpPolicy policy;
    /// Refresh the access token when it expires within this margin.
    std::chrono::seconds refreshMargin{60};
    int pageSize = 50; ///< limit= on paged reads (Spotify's documented maximum for /items)

    /// The defaults with the environment overrides (kEnvSpotify*) applied.
    static SpotifyConfig fromEnvironment(const QString &clientId = {});
};

/// Who we are to Plex: the X-Plex-* headers. The client identifier must be stable per install.
struct PlexClientInfo {
    QString clientIdentifier; ///< a UUID kept in settings; see stableClientIdentifier()
    QString product = QStringLiteral("Playlist Bridge");
    QString version;
    QString platform;
    QString platformVersion;
    QString device;
    QString deviceName;

    /// Product/version/platform/device filled from the application and OS; the identifier is
    /// read from QSettings ("plex/clientIdentifier"), created once and saved if missing.
    static PlexClientInfo forThisInstall();
};

/// plex.tv (PIN sign-in, account, resources).
struct PlexTvConfig {
    QUrl plexTvUrl{QStringLiteral("https://plex.tv")};           ///< /api/v2/...
    QUrl authAppUrl{QStringLiteral("https://app.plex.tv/auth")}; ///< the page the user approves on
    PlexClientInfo client;
    HttpPolicy policy;

    /// The defaults with kEnvPlexTvUrl applied.
    static PlexTvConfig fromEnvironment(PlexClientInfo client);
};

/// One Plex Media Server connection.
struct PlexConfig {
    QUrl serverUrl;
    QString token; ///< secret: never logged
    PlexClientInfo client;
    HttpPolicy policy;
    int pageSize = 100;               ///< X-Plex-Container-Size on paged reads
    int maxUrlLength = 4000;          ///< playlist writes are chunked to keep request URLs below this
    int maxKeysPerMetadataCall = 200; ///< rating keys per /library/metadata/{k1,k2,...} request
};

} // namespace pb::clients
