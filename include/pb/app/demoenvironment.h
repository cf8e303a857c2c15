#pragma once

#include "pb/app/servicebackend.h"
#include "pb/core/result.h"
#include "pb/fakes/world.h"

#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>

namespace pb::fakes {
class FakeServices;
class FakeServicesThread;
} // namespace pb::fakes

namespace pb::app {

/// Options of the built-in demo.
struct DemoOptions {
    /// Added by the fakes before each answer, so progress can be watched.
    std::chrono::milliseconds latency{60};
    /// A world fixture (docs/fixtures.md format); empty = the bundled demo world.
    QString worldPath;
    /// A world given directly (tests, the benchmark); wins over worldPath.
    std::optional<pb::fakes::World> world;
    /// Plex searches one sync runs in parallel (lower = slower, easier to watch).
    int searchesInFlight = 4;
};

/// The demo: the in-process fakes (Spotify, plex.tv, Plex Media Server) on their own thread,
/// serving the demo world, already signed in, with the sync state in a throw-away directory
/// so the demo never touches the user's real state.
class DemoEnvironment {
public:
    explicit DemoEnvironment(DemoOptions options = {});
    ~DemoEnvironment();

    pb::Status start();
    /// Accounts, account-bar status and service options pointing at the fakes.
    pb::app::ServiceConnection connection() const;
    /// The running fakes (thread-safe accessors only).
    pb::fakes::FakeServices *fakes() const;
    /// The demo's throw-away state database (it holds the demo's imported file from the start).
    QString databasePath() const;

private:
    DemoOptions m_options;
    QTemporaryDir m_dataDir;
    std::unique_ptr<pb::fakes::FakeServicesThread> m_thread;
    QString m_userName;
    QString m_userId;
    QString m_serverName;
    QString m_sectionKey;
    QString m_sectionTitle;
};

} // namespace pb::app
