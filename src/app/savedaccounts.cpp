#include "pb/app/savedaccounts.h"

#include "pb/clients/accountsettings.h"
#include "pb/clients/secretstore.h"
#include "pb/core/logging.h"

#include <QEventLoop>
#include <QSettings>
#include <QTimer>

namespace pb::app {

namespace {

std::optional<QString> readSecret(pb::clients::SecretStore &store, const QString &key)
{
    std::optional<QString> value;
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit); // a keychain that never answers
    store.read(key, &loop, [&](pb::Result<std::optional<QString>> r) {
        if (r.ok())
            value = *r;
        else
            pb::log::app()->warn("could not read a saved secret: {}", pb::log::str(r.error().toString()));
        loop.quit();
    });
    loop.exec();
    return value;
}

} // namespace

bool hasSavedAccounts()
{
    return pb::clients::hasSavedAccounts(QSettings());
}

std::optional<pb::app::ServiceConnection> loadSavedAccounts()
{
    const QSettings settings;
    const pb::clients::SavedSpotifyAccount spotify = pb::clients::savedSpotifyAccount(settings);
    const pb::clients::SavedPlexAccount plex = pb::clients::savedPlexAccount(settings);
    if (!spotify.isSignedIn() || !plex.isSignedIn())
        return std::nullopt;

    const auto store = pb::clients::createSystemSecretStore();
    const auto refresh = readSecret(*store, QString::fromLatin1(pb::clients::kSecretSpotifyRefreshToken));
    const auto plexToken = readSecret(*store, QString::fromLatin1(pb::clients::kSecretPlexServerToken));
    if (!refresh || refresh->isEmpty() || !plexToken || plexToken->isEmpty())
        return std::nullopt;

    pb::app::ServiceConnection c;
    c.accounts.spotify = pb::clients::SpotifyConfig::fromEnvironment(spotify.clientId);
    c.accounts.spotifyTokens.refreshToken = *refresh;
    // The app, its sync workers and scheduled CLI runs share this token: refreshes take turns.
    c.accounts.spotifyVault = std::make_shared<pb::clients::SpotifyTokenVault>();
    c.accounts.plex.serverUrl = QUrl(plex.serverUrl);
    c.accounts.plex.token = *plexToken;
    c.accounts.plex.client = pb::clients::PlexClientInfo::forThisInstall();
    c.accounts.machineIdentifier = plex.machineIdentifier;
    c.status.spotifyConnected = true;
    c.status.spotifyUser.id = spotify.userId;
    c.status.spotifyUser.displayName = spotify.displayName;
    c.status.plexConnected = true;
    c.status.plexServerName = plex.serverName;
    c.status.plexLibraryName = plex.sectionTitle;
    c.status.plexSectionKey = plex.sectionKey;
    return c;
}

} // namespace pb::app
