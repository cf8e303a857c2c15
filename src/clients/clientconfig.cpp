#include "pb/clients/clientconfig.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSysInfo>
#include <QUuid>

namespace pb::clients {

namespace {

QUrl envUrl(const char *name, const QUrl &fallback)
{
    const QString value = qEnvironmentVariable(name).trimmed();
    if (value.isEmpty())
        return fallback;
    QUrl url(value, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() ? url : fallback;
}

} // namespace

QStringList spotifyScopes()
{
    return {QStringLiteral("playlist-read-private"), QStringLiteral("playlist-read-collaborative"),
            QStringLiteral("user-library-read")};
}

SpotifyConfig SpotifyConfig::fromEnvironment(const QString &clientId)
{
    SpotifyConfig c;
    c.accountsUrl = envUrl(kEnvSpotifyAccountsUrl, c.accountsUrl);
    c.apiUrl = envUrl(kEnvSpotifyApiUrl, c.apiUrl);
    c.clientId = clientId;
    return c;
}

PlexClientInfo PlexClientInfo::forThisInstall()
{
    PlexClientInfo info;
    QSettings settings;
    const QString key = QStringLiteral("plex/clientIdentifier");
    info.clientIdentifier = settings.value(key).toString();
    if (info.clientIdentifier.isEmpty()) {
        info.clientIdentifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(key, info.clientIdentifier);
    }
    info.version = QCoreApplication::applicationVersion();
    info.platform = QSysInfo::productType();
    info.platformVersion = QSysInfo::productVersion();
    info.device = QSysInfo::kernelType();
    info.deviceName = QSysInfo::machineHostName();
    return info;
}

PlexTvConfig PlexTvConfig::fromEnvironment(PlexClientInfo client)
{
    PlexTvConfig c;
    c.plexTvUrl = envUrl(kEnvPlexTvUrl, c.plexTvUrl);
    c.client = std::move(client);
    return c;
}

} // namespace pb::clients
