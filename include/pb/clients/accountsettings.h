#pragma once

#include <QString>

class QSettings;

namespace pb::clients {

/// The public part of a saved Spotify sign-in (the refresh token is in the SecretStore).
struct SavedSpotifyAccount {
    QString clientId; ///< the person's own Spotify app Client ID (a public identifier)
    QString userId;
    QString displayName;
    bool isSignedIn() const { return !clientId.isEmpty() && !userId.isEmpty(); }
};

/// The public part of a saved Plex sign-in (the server token is in the SecretStore).
struct SavedPlexAccount {
    QString serverUrl;
    QString machineIdentifier;
    QString serverName;
    QString sectionKey; ///< the chosen music library
    QString sectionTitle;
    bool isSignedIn() const
    {
        return !serverUrl.isEmpty() && !machineIdentifier.isEmpty() && !sectionKey.isEmpty();
    }
};

// The one definition of where the accounts live in QSettings ("accounts/spotify/…",
// "accounts/plex/…"), used by the app's sign-in, its saved-account loader and the CLI, so an
// account signed in with either front end works in both.

/// The saved Spotify account (empty fields where none is saved).
SavedSpotifyAccount savedSpotifyAccount(const QSettings &settings);
void saveSpotifyAccount(QSettings &settings, const SavedSpotifyAccount &account);
/// Forgets who signed in; the Client ID stays, so signing in again needs no new one.
void forgetSpotifyAccount(QSettings &settings);

SavedPlexAccount savedPlexAccount(const QSettings &settings);
void savePlexAccount(QSettings &settings, const SavedPlexAccount &account);
void forgetPlexAccount(QSettings &settings);

/// Both accounts are saved (their tokens may still be missing from the SecretStore).
bool hasSavedAccounts(const QSettings &settings);

/// The Client ID the Spotify sign-in pre-fills: the last one typed, even if signing in failed.
QString lastSpotifyClientId(const QSettings &settings);
void setLastSpotifyClientId(QSettings &settings, const QString &clientId);

} // namespace pb::clients
