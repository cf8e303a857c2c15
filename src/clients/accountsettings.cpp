#include "pb/clients/accountsettings.h"

#include <QSettings>

namespace pb::clients {

namespace {
const QString kSpotifyClientId = QStringLiteral("accounts/spotify/clientId");
const QString kSpotifyUserId = QStringLiteral("accounts/spotify/userId");
const QString kSpotifyName = QStringLiteral("accounts/spotify/displayName");
const QString kLastClientId = QStringLiteral("spotify/clientId");
const QString kPlexUrl = QStringLiteral("accounts/plex/serverUrl");
const QString kPlexMachine = QStringLiteral("accounts/plex/machineIdentifier");
const QString kPlexName = QStringLiteral("accounts/plex/serverName");
const QString kPlexSection = QStringLiteral("accounts/plex/sectionKey");
const QString kPlexSectionTitle = QStringLiteral("accounts/plex/sectionTitle");
} // namespace

SavedSpotifyAccount savedSpotifyAccount(const QSettings &settings)
{
    return {settings.value(kSpotifyClientId).toString(), settings.value(kSpotifyUserId).toString(),
            settings.value(kSpotifyName).toString()};
}

void saveSpotifyAccount(QSettings &settings, const SavedSpotifyAccount &account)
{
    settings.setValue(kSpotifyClientId, account.clientId);
    settings.setValue(kSpotifyUserId, account.userId);
    settings.setValue(kSpotifyName, account.displayName);
    settings.sync();
}

void forgetSpotifyAccount(QSettings &settings)
{
    settings.remove(kSpotifyUserId);
    settings.remove(kSpotifyName);
    settings.sync();
}

SavedPlexAccount savedPlexAccount(const QSettings &settings)
{
    return {settings.value(kPlexUrl).toString(), settings.value(kPlexMachine).toString(),
            settings.value(kPlexName).toString(), settings.value(kPlexSection).toString(),
            settings.value(kPlexSectionTitle).toString()};
}

void savePlexAccount(QSettings &settings, const SavedPlexAccount &account)
{
    settings.setValue(kPlexUrl, account.serverUrl);
    settings.setValue(kPlexMachine, account.machineIdentifier);
    settings.setValue(kPlexName, account.serverName);
    settings.setValue(kPlexSection, account.sectionKey);
    settings.setValue(kPlexSectionTitle, account.sectionTitle);
    settings.sync();
}

void forgetPlexAccount(QSettings &settings)
{
    for (const QString &key : {kPlexUrl, kPlexMachine, kPlexName, kPlexSection, kPlexSectionTitle})
        settings.remove(key);
    settings.sync();
}

bool hasSavedAccounts(const QSettings &settings)
{
    return savedSpotifyAccount(settings).isSignedIn() && savedPlexAccount(settings).isSignedIn();
}

QString lastSpotifyClientId(const QSettings &settings)
{
    return settings.value(kLastClientId).toString();
}

void setLastSpotifyClientId(QSettings &settings, const QString &clientId)
{
    settings.setValue(kLastClientId, clientId);
}

} // namespace pb::clients
