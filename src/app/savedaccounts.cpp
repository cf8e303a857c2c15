#include "savedaccounts.h"

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
    const QSettings settings;
    for (const char *key : {"accounts/spotify/clientId", "accounts/spotify/userId", "accounts/plex/serverUrl",
                            "accounts/plex/machineIdentifier", "accounts/plex/sectionKey"}) {
        if (settings.value(QString::fromLatin1(key)).toString().isEmpty())
            return false;
    }
    return true;
}

std::optional<pb::gui::ServiceConnection> loadSavedAccounts()
{
    const QSettings settings;
    if (!hasSavedAccounts())
        return std::nullopt;
    const QString clientId = settings.value(QStringLiteral("accounts/spotify/clientId")).toString();
    const QString serverUrl = settings.value(QStringLiteral("accounts/plex/serverUrl")).toString();
    const QString machine = settings.value(QStringLiteral("accounts/plex/machineIdentifier")).toString();
    const QString section = settings.value(QStringLiteral("accounts/plex/sectionKey")).toString();
    if (clientId.isEmpty() || serverUrl.isEmpty() || machine.isEmpty() || section.isEmpty())
        return std::nullopt;

    const auto store = pb::clients::createSystemSecretStore();
    const auto refresh = readSecret(*store, QString::fromLatin1(pb::clients::kSecretSpotifyRefreshToken));
    const auto plexToken = readSecret(*store, QString::fromLatin1(pb::clients::kSecretPlexServerToken));
    if (!refresh || refresh->isEmpty() || !plexToken || plexToken->isEmpty())
        return std::nullopt;

    pb::gui::ServiceConnection c;
    c.accounts.spotify = pb::clients::SpotifyConfig::fromEnvironment(clientId);
    c.accounts.spotifyTokens.refreshToken = *refresh;
    // The app, its sync workers and scheduled CLI runs share this token: refreshes take turns.
    c.accounts.spotifyVault = std::make_shared<pb::clients::SpotifyTokenVault>();
    c.accounts.plex.serverUrl = QUrl(serverUrl);
    c.accounts.plex.token = *plexToken;
    c.accounts.plex.client = pb::clients::PlexClientInfo::forThisInstall();
    c.accounts.machineIdentifier = machine;
    c.status.spotifyConnected = true;
    c.status.spotifyUser.id = settings.value(QStringLiteral("accounts/spotify/userId")).toString();
    c.status.spotifyUser.displayName =
        settings.value(QStringLiteral("accounts/spotify/displayName")).toString();
    c.status.plexConnected = true;
    c.status.plexServerName = settings.value(QStringLiteral("accounts/plex/serverName")).toString();
    c.status.plexLibraryName = settings.value(QStringLiteral("accounts/plex/sectionTitle")).toString();
    c.status.plexSectionKey = section;
    return c;
}

} // namespace pb::app
