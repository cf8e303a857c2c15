#pragma once

#include "callstate.h"
#include "pb/clients/requesthandle.h"
#include "pb/core/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace pb::clients::detail {

/// One HTTP request as the clients describe it (before auth headers are added).
struct HttpRequest {
    QByteArray verb = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Non-idempotent requests (creating, appending) are retried only when nothing was sent
    /// (connection refused, host not found) or on 429.
    bool idempotent = true;
    /// 0 = HttpPolicy::transferTimeout.
    std::chrono::milliseconds timeout{0};
    /// -1 = HttpPolicy::maxRetries.
    int maxRetries = -1;

    void setHeader(const QByteArray &name, const QByteArray &value);
};

/// A response with its status, headers and body.
struct HttpResponse {
    int status = 0;
    QByteArray body;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;

    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool isSuccess() const { return status >= 200 && status < 300; }
};

/// base + path (base's own path kept, without a trailing slash) + an already-encoded query.
/// `path` may hold percent-encoded segments.
QUrl joinUrl(const QUrl &base, const QString &path, const QByteArray &encodedQuery = {});
/// key=value&... with every key and value fully percent-encoded (also '+', '=', '&', ',').
QByteArray encodeQuery(const QList<QPair<QString, QString>> &items);
/// A path segment, percent-encoded.
QString pathSegment(const QString &segment);

/// What a service adds to the core: auth headers, its error format, token refresh.
struct ServiceHooks {
    QString serviceName; ///< "Spotify", "Plex", "plex.tv": used in messages
    /// Adds auth headers right before each attempt (so a refreshed token is used).
    std::function<void(HttpRequest &)> authorize;
    /// Makes sure a usable token exists; `force` after a 401. Calls `then` exactly once.
    std::function<void(bool force, std::function<void(pb::Status)> then)> ensureAuth;
    /// Turns a non-2xx response into a typed error.
    std::function<pb::Error(const HttpResponse &)> errorFor;
    /// Probing: an address that does not answer is an expected outcome, so transport failures
    /// are logged at debug level instead of as warnings (the caller reports the overall result).
    bool transportFailuresExpected = false;
};

/// The HTTP engine both clients share: request building, transfer timeouts, bounded retries
/// with exponential backoff and jitter for 5xx and network errors, 429 waits honouring
/// Retry-After, one token refresh on 401, and cancellation through CallState.
/// Not a QObject: the owner QObject (the client) gives it a thread and a lifetime.
class HttpCore {
public:
    HttpCore(QNetworkAccessManager *nam, HttpPolicy policy, ServiceHooks hooks, QObject *owner);
    ~HttpCore();
    HttpCore(const HttpCore &) = delete;
    HttpCore &operator=(const HttpCore &) = delete;

    using Done = std::function<void(pb::Result<HttpResponse>)>;

    /// Sends with the retry rules; `done` gets a 2xx response or a typed error. `done` is not
    /// called when the call is cancelled or abandoned (the call itself reports Cancelled).
    void send(const std::shared_ptr<CallState> &call, HttpRequest request, Done done);

    /// Runs `then` after `nominal` (scaled by HttpPolicy::delayScale), unless the call stops first.
    void wait(const std::shared_ptr<CallState> &call, std::chrono::milliseconds nominal,
              const pb::Error &reason, std::function<void()> then);

    const HttpPolicy &policy() const { return m_policy; }
    const ServiceHooks &hooks() const { return m_hooks; }
    QObject *owner() const { return m_owner; }

    /// Retry-After in seconds or as an HTTP date; nullopt when absent or unreadable.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value);
    /// The backoff before retry number `retry` (0-based): base * 2^retry, half of it random.
    std::chrono::milliseconds backoffDelay(int retry) const;

private:
    struct Attempt;
    void start(const std::shared_ptr<Attempt> &attempt);
    void issue(const std::shared_ptr<Attempt> &attempt);
    void handleReply(const std::shared_ptr<Attempt> &attempt, QNetworkReply *reply);
    void retryLater(const std::shared_ptr<Attempt> &attempt, std::chrono::milliseconds nominal,
                    const pb::Error &reason);

    QNetworkAccessManager *m_nam;
    HttpPolicy m_policy;
    ServiceHooks m_hooks;
    QObject *m_owner;
    std::shared_ptr<bool> m_alive;
    QList<QPointer<QNetworkReply>> m_active;
};

} // namespace pb::clients::detail
