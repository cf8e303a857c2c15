#pragma once

#include "pb/core/result.h"

#include <QString>

#include <optional>

namespace pb::clients {
class SecretStore;
}

namespace pb::cli {

/// The QSettings keys of the signed-in accounts. The same keys as the app's sign-in dialogs
/// (src/gui/servicebackend_signin.cpp) and saved-account loader (src/app/savedaccounts.cpp),
/// so an account signed in with either front end works in both.
namespace keys {
inline const QString spotifyClientId = QStringLiteral("accounts/spotify/clientId");
inline const QString spotifyUserId = QStringLiteral("accounts/spotify/userId");
inline const QString spotifyName = QStringLiteral("accounts/spotify/displayName");
/// The Client ID the app's Spotify dialog pre-fills (a public identifier, not a secret).
inline const QString spotifyDialogClientId = QStringLiteral("spotify/clientId");
inline const QString plexUrl = QStringLiteral("accounts/plex/serverUrl");
inline const QString plexMachine = QStringLiteral("accounts/plex/machineIdentifier");
inline const QString plexName = QStringLiteral("accounts/plex/serverName");
inline const QString plexSection = QStringLiteral("accounts/plex/sectionKey");
inline const QString plexSectionTitle = QStringLiteral("accounts/plex/sectionTitle");
} // namespace keys

/// The secret store the app uses (system keychain, or the owner-only file where none answers),
/// driven synchronously: each call runs a local event loop until the store answers.
class Secrets {
public:
    Secrets();
    ~Secrets();
    Secrets(const Secrets &) = delete;
    Secrets &operator=(const Secrets &) = delete;

    /// The secret under `key`; nullopt when none is stored (or the store cannot be read).
    std::optional<QString> read(const char *key);
    Status write(const char *key, const QString &secret);
    Status remove(const char *key);
    /// "system keychain", "file readable only by you", ...
    QString backendName() const;

private:
    std::unique_ptr<clients::SecretStore> m_store;
};

} // namespace pb::cli
