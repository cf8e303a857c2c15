#pragma once

#include "pb/clients/requesthandle.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace pb::clients {

/// Well-known secret keys.
inline constexpr const char *kSecretSpotifyRefreshToken = "spotify/refresh-token";
inline constexpr const char *kSecretPlexUserToken = "plex/user-token";
inline constexpr const char *kSecretPlexServerToken = "plex/server-token";

/// Where secrets (the Spotify refresh token, Plex tokens) live. Never QSettings, never a log.
/// Asynchronous because the system keychain is; callbacks run on the store's thread, never
/// synchronously inside the call, and not at all once `context` is destroyed.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~SecretStore() override = default;

    /// The secret, or nullopt when none is stored under key.
    virtual void read(const QString &key, QObject *context, Callback<std::optional<QString>> done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback<void> done) = 0;
    /// Removing a missing key succeeds.
    virtual void remove(const QString &key, QObject *context, Callback<void> done) = 0;
    /// A short description for the UI: "system keychain", "file readable only by you", "memory".
    virtual QString backendName() const = 0;
};

/// Keeps secrets in memory only (tests, or "do not remember me").
class InMemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void read(const QString &key, QObject *context, Callback<std::optional<QString>> done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback<void> done) override;
    void remove(const QString &key, QObject *context, Callback<void> done) override;
    QString backendName() const override { return QStringLiteral("memory"); }

private:
    QHash<QString, QString> m_secrets;
};

/// A JSON file created with owner-only permissions (0600) in the app's config directory.
/// The fallback where no keychain exists (headless servers).
class FileSecretStore : public SecretStore {
    Q_OBJECT
public:
    /// `path` empty = <AppConfigLocation>/secrets.json
    explicit FileSecretStore(QString path = {}, QObject *parent = nullptr);
    void read(const QString &key, QObject *context, Callback<std::optional<QString>> done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback<void> done) override;
    void remove(const QString &key, QObject *context, Callback<void> done) override;
    QString backendName() const override { return QStringLiteral("file readable only by you"); }
    QString path() const { return m_path; }

private:
    QString m_path;
};

/// The system keychain through QtKeychain when the build has it and a keychain answers;
/// otherwise a FileSecretStore. `service` names the keychain entries.
std::unique_ptr<SecretStore>
createSystemSecretStore(const QString &service = QStringLiteral("playlist-bridge"),
                        QObject *parent = nullptr);

/// Whether this build can use the system keychain (QtKeychain was found at build time).
bool systemKeychainAvailable();

} // namespace pb::clients
