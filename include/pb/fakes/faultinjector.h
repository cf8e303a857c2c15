#pragma once

#include "pb/core/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>

#include <chrono>
#include <mutex>
#include <optional>
#include <random>
#include <vector>

namespace pb::fakes {

/// Which of the four fake services a request went to.
enum class Service {
    SpotifyAccounts,
    SpotifyApi,
    PlexTv,
    PlexServer
};

/// What an injected fault does to a matching request.
enum class FaultKind {
    Status,    ///< answer `status` with `body`/`headers` instead of the real answer (5xx bursts, 429 ...)
    Delay,     ///< answer normally, `delay` later
    Reset,     ///< send the headers and half the body, then reset the connection
    Malformed, ///< send the real status with the body cut in half (truncated, invalid JSON/XML)
    Html,      ///< send an HTML error page with status `status` (default 200) where JSON was expected
    Timeout    ///< never answer (the client's transfer timeout must fire)
};

/// One fault rule. It matches on method (empty = any), service (unset = any) and a regular
/// expression searched in the path; it fires for `count` matching requests (-1 = forever)
/// after letting the first `skip` through, each with `probability` from a seeded generator.
struct Fault {
    FaultKind kind = FaultKind::Status;
    QString method;
    QString pathPattern = QStringLiteral(".*");
    std::optional<Service> service;
    int count = 1;
    int skip = 0;
    double probability = 1.0;
    int status = 500;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    std::chrono::milliseconds delay{0};

    /// A status answer (for example a 503 burst of `count` requests).
    static Fault httpStatus(int status, QString pathPattern, int count = 1, QByteArray body = {});
    /// Spotify's 429 with Retry-After (and the QUOTA_EXCEEDED body when `quota`).
    static Fault spotifyRateLimit(int retryAfterSeconds, QString pathPattern = QStringLiteral("^/v1/"),
                                  int count = 1, bool quota = false);
    static Fault withKind(FaultKind kind, QString pathPattern, int count = 1);
    static Fault delayed(std::chrono::milliseconds delay, QString pathPattern, int count = 1);
};

/// The faults queued on a FakeServices. Thread-safe: tests add faults from any thread.
class FaultInjector {
public:
    explicit FaultInjector(quint32 seed = 1);

    /// Queues a fault. Invalid patterns are reported as false and ignored.
    bool add(Fault fault);
    /// Removes every queued fault.
    void clear();
    /// How many queued faults still have firings left.
    int pending() const;
    /// Reseeds the probability generator.
    void reseed(quint32 seed);

    /// Finds the first live fault for a request and consumes one firing of it (internal use).
    std::optional<Fault> take(Service service, const QString &method, const QString &path);

private:
    struct Entry {
        Fault fault;
        QRegularExpression regex;
        int seen = 0;
        int fired = 0;
    };
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
    std::mt19937 m_rng;
};

/// Parses a faults file: a JSON array of {method?, path?, service?, kind ("status", "delay",
/// "reset", "malformed", "html", "timeout"), status?, body?, headers?{}, delayMs?, count?,
/// skip?, probability?}. A bad entry is an InvalidInput error naming it.
pb::Result<std::vector<Fault>> parseFaults(const QByteArray &json);

/// A short name for a service ("spotify-accounts", "spotify-api", "plex-tv", "plex-server").
QString serviceName(Service service);

} // namespace pb::fakes
