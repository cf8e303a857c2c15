#pragma once

#include "pb/core/result.h"

#include <QtGlobal>

#include <chrono>
#include <functional>
#include <memory>

namespace pb::clients {

/// The completion of an asynchronous client call. Runs on the client's thread, at most once.
template <typename T>
using Callback = std::function<void(pb::Result<T>)>;

namespace detail {
class CallState;
}

/// Cancellable handle of one logical call (including its retries, token refreshes and pages).
/// cancel() makes the callback fire promptly with ErrorKind::Cancelled and never later with
/// anything else; when called on the client's thread the callback has run when cancel() returns.
/// If the context QObject given to the call is destroyed, the callback never fires and the
/// network work is aborted. Copyable; every copy controls the same call. Thread-safe.
class RequestHandle {
public:
    RequestHandle() = default;
    explicit RequestHandle(std::shared_ptr<detail::CallState> state);

    /// Stops the call; the callback receives ErrorKind::Cancelled unless it already ran.
    void cancel() const;
    /// True once the callback has run (or will never run because the context died).
    bool isFinished() const;
    /// False for a default-constructed handle.
    bool isValid() const { return static_cast<bool>(m_state); }

private:
    std::shared_ptr<detail::CallState> m_state;
};

/// How the HTTP core times out, retries and waits. Shared by every client.
struct HttpPolicy {
    /// Abort a request when no bytes moved for this long (QNetworkRequest::setTransferTimeout).
    std::chrono::milliseconds transferTimeout{15000};
    /// Retries after a 5xx or a network error/timeout (idempotent requests only).
    int maxRetries = 3;
    /// First backoff delay; doubles each retry, with random jitter of up to half of it.
    std::chrono::milliseconds backoffBase{400};
    /// How many 429 answers one request may wait out before failing with RateLimited.
    int maxRateLimitRetries = 5;
    /// A Retry-After longer than this fails the call with RateLimited (retryAfter set) at once.
    std::chrono::milliseconds maxRetryAfter{60000};
    /// A larger answer is aborted and reported as ErrorKind::Parse (a hostile or broken server
    /// must not exhaust memory). 0 = no limit.
    qint64 maxResponseBytes = 64LL * 1024 * 1024;
    /// Multiplies every wait (backoff, Retry-After, polling). Tests use a small value so a
    /// "Retry-After: 2" costs milliseconds; the nominal wait is still reported to onWait.
    double delayScale = 1.0;
    /// Observer told about each wait before it starts (nominal, unscaled), e.g. for the UI's
    /// "rate-limited, retrying in 3 s" or for tests. May be empty.
    std::function<void(std::chrono::milliseconds nominal, const pb::Error &reason)> onWait;
};

} // namespace pb::clients
