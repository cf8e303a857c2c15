#pragma once

#include "pb/core/result.h"
#include "pb/sync/syncservice.h"

#include <QStringList>

#include <memory>

namespace pb::fakes {
class FakeServices;
}

namespace pb::cli {

/// Exit codes beyond command.h's 0/1/2 (docs/sync.md lists them all).
inline constexpr int kExitAuth = 3;     ///< not signed in, or the sign-in expired
inline constexpr int kExitNotFound = 4; ///< a named playlist does not exist
inline constexpr int kExitPartial = 5;  ///< synced, but some tracks are missing from Plex (sync --strict)

/// The exit code for an error.
int exitCodeFor(const Error &e);

/// The options every sync-related command accepts (before or after its own arguments):
/// --demo[=FIXTURE], --latency-ms N, --faults FILE, --db PATH.
struct SessionOptions {
    bool demo = false;
    QString fixture; ///< empty = the bundled demo world
    int latencyMs = 0;
    QString faultsFile;
    QString databasePath; ///< empty = the app's state database (a temporary one with --demo)
    /// Whether the command fails without a Spotify sign-in (imported playlists need none).
    bool needSpotify = true;
};

/// Removes the session options from `args` (what remains is the command's own arguments).
/// Returns an error message for a malformed option.
Result<SessionOptions> takeSessionOptions(QStringList &args);

/// The accounts a command works with: the in-process fakes, already signed in (--demo), or
/// the accounts signed in with the app (settings + secret store).
class Session {
public:
    ~Session();
    static Result<std::unique_ptr<Session>> open(const SessionOptions &options);

    const sync::SyncAccounts &accounts() const { return m_accounts; }
    sync::SyncServiceOptions serviceOptions() const;
    /// Every playlist of the sources: Spotify's (when signed in), then the imported files
    /// (blocks on a local event loop).
    Result<std::vector<SourcePlaylist>> playlists();
    /// The signed-in Spotify user (GET /v1/me; blocks on a local event loop).
    Result<SpotifyUser> spotifyUser();
    bool isDemo() const { return m_options.demo; }
    bool hasSpotify() const { return m_hasSpotify; }
    /// Spotify refreshed (and, with PKCE, rotated) the tokens: keep them for the next call and,
    /// for a saved account, store the new refresh token (the old one no longer works).
    void updateSpotifyTokens(const clients::SpotifyTokens &tokens);
    /// The Plex music section chosen at sign-in (empty with --demo: every music section).
    QString sectionKey() const { return m_sectionKey; }

private:
    Session() = default;
    SessionOptions m_options;
    sync::SyncAccounts m_accounts;
    std::unique_ptr<fakes::FakeServices> m_fakes;
    QString m_tempDir;
    QString m_sectionKey;
    bool m_hasSpotify = true;
};

/// Loads a faults file into the fakes: pb::fakes::parseFaults's format (docs/fakes.md) plus
/// "retryAfter": N, sent as a Retry-After header (docs/cli.md).
Status loadFaults(fakes::FakeServices &fakes, const QString &path);

} // namespace pb::cli
