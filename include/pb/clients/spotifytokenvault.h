#pragma once

#include "pb/clients/requesthandle.h"
#include "pb/clients/spotifytokens.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QObject;

namespace pb::clients {

class SecretStore;

/// The saved Spotify refresh token, shared by every client that uses it: the sync workers of one
/// process, and other processes on the same profile (the app and a scheduled CLI run). Spotify
/// rotates refresh tokens — a used one stops working once its successor is issued — so refreshes
/// take turns: each takes the lock (a file held with flock(2), which the system releases when its
/// process dies, even by kill -9), reads the token stored now (another client may have rotated
/// it meanwhile), refreshes with it and stores the new one before the lock is released.
/// Immutable once built; one vault may be shared by clients on any thread.
class SpotifyTokenVault {
public:
    /// Makes a secret store on the calling thread (stores are QObjects bound to one thread).
    using StoreFactory = std::function<std::unique_ptr<SecretStore>()>;

    struct Options {
        QString lockPath;       ///< the lock file; empty = defaultLockPath()
        StoreFactory makeStore; ///< empty = createSystemSecretStore()
        /// How long a refresh waits for another one before failing with ErrorKind::Timeout.
        std::chrono::milliseconds maxWait{120000};
        std::chrono::milliseconds pollInterval{20}; ///< how often a waiting refresh tries the lock
    };

    /// The app's saved account: the system secret store, defaultLockPath().
    SpotifyTokenVault();
    explicit SpotifyTokenVault(Options options);

    /// <AppConfigLocation>/spotify-token.lock, beside the owner-only secrets file.
    static QString defaultLockPath();

    /// Refreshes under the lock with the stored refresh token (`current` when none is stored;
    /// then nothing is stored either). Waiting never blocks the thread. An invalid_grant is
    /// answered by reading the stored token once more: if it changed (a sign-in elsewhere), that
    /// one is tried before the error stands. Once the request is sent its answer is stored even
    /// if the call is cancelled meanwhile (the old token is spent either way).
    RequestHandle refresh(SpotifyTokenEndpoint *endpoint, const QString &current, QObject *context,
                          Callback<SpotifyTokens> done) const;

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

} // namespace pb::clients
