#include "httpcore.h"

#include "pb/core/logging.h"
#include "pb/core/redaction.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace pb::clients::detail {

using std::chrono::milliseconds;

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QUrl joinUrl(const QUrl &base, const QString &path, const QByteArray &encodedQuery)
{
    QUrl url = base;
    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!encodedQuery.isEmpty())
        url.setQuery(QString::fromLatin1(encodedQuery), QUrl::TolerantMode);
    else
        url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QByteArray encodeQuery(const QList<QPair<QString, QString>> &items)
{
    QByteArray out;
    for (const auto &it : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(it.first) + '=' + QUrl::toPercentEncoding(it.second);
    }
    return out;
}

QString pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

struct HttpCore::Attempt {
    std::shared_ptr<CallState> call;
    HttpRequest request;
    Done done;
    int retries = 0;
    int rateLimitWaits = 0;
    bool refreshedAfter401 = false;
    bool tooLarge = false;
    bool forceRefresh = false;
};

HttpCore::HttpCore(QNetworkAccessManager *nam, HttpPolicy policy, ServiceHooks hooks, QObject *owner)
    : m_nam(nam), m_policy(std::move(policy)), m_hooks(std::move(hooks)), m_owner(owner),
      m_alive(std::make_shared<bool>(true))
{}

HttpCore::~HttpCore()
{
    *m_alive = false;
    // Replies still running belong to calls nobody will hear about: stop them.
    for (const auto &reply : std::as_const(m_active)) {
        if (reply) {
            reply->disconnect();
            reply->abort();
            reply->deleteLater();
        }
    }
}

std::optional<milliseconds> HttpCore::parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok && seconds >= 0 && std::isfinite(seconds))
        return milliseconds(static_cast<qint64>(std::ceil(seconds * 1000.0)));
    QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    const qint64 delta = QDateTime::currentDateTimeUtc().msecsTo(when);
    return milliseconds(std::max<qint64>(0, delta));
}

milliseconds HttpCore::backoffDelay(int retry) const
{
    const double full =
        static_cast<double>(m_policy.backoffBase.count()) * std::pow(2.0, std::min(retry, 16));
    const double half = full / 2.0;
    const double jitter = QRandomGenerator::global()->generateDouble() * half;
    return milliseconds(static_cast<qint64>(half + jitter));
}

void HttpCore::send(const std::shared_ptr<CallState> &call, HttpRequest request, Done done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->call = call;
    attempt->request = std::move(request);
    attempt->done = std::move(done);
    start(attempt);
}

void HttpCore::wait(const std::shared_ptr<CallState> &call, milliseconds nominal, const pb::Error &reason,
                    std::function<void()> then)
{
    if (call->isDone())
        return;
    if (m_policy.onWait)
        m_policy.onWait(nominal, reason);
    const auto scaled = static_cast<int>(std::clamp<double>(
        static_cast<double>(nominal.count()) * m_policy.delayScale, 0.0, 24.0 * 3600 * 1000));
    auto *timer = new QTimer(m_owner);
    timer->setSingleShot(true);
    call->setTimer(timer);
    std::weak_ptr<CallState> weak = call;
    QObject::connect(timer, &QTimer::timeout, m_owner, [timer, weak, then = std::move(then)] {
        timer->deleteLater();
        auto c = weak.lock();
        if (!c || c->isDone())
            return;
        c->setTimer(nullptr);
        then();
    });
    timer->start(scaled);
}

void HttpCore::start(const std::shared_ptr<Attempt> &attempt)
{
    if (attempt->call->isDone())
        return;
    if (!m_hooks.ensureAuth) {
        issue(attempt);
        return;
    }
    const bool force = attempt->forceRefresh;
    attempt->forceRefresh = false;
    std::weak_ptr<bool> alive = m_alive;
    m_hooks.ensureAuth(force, [this, alive, attempt](pb::Status status) {
        if (alive.expired() || attempt->call->isDone())
            return;
        if (!status.ok()) {
            attempt->done(status.error());
            return;
        }
        issue(attempt);
    });
}

void HttpCore::issue(const std::shared_ptr<Attempt> &attempt)
{
    HttpRequest req = attempt->request;
    if (m_hooks.authorize)
        m_hooks.authorize(req);
    QNetworkRequest nr(req.url);
    for (const auto &h : std::as_const(req.headers))
        nr.setRawHeader(h.first, h.second);
    const milliseconds timeout = req.timeout.count() > 0 ? req.timeout : m_policy.transferTimeout;
    nr.setTransferTimeout(static_cast<int>(timeout.count()));
    // Never follow a redirect to another origin with our Authorization / X-Plex-Token headers.
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);

    QNetworkReply *reply = nullptr;
    if (req.verb == "GET")
        reply = m_nam->get(nr);
    else if (req.verb == "DELETE" && req.body.isEmpty())
        reply = m_nam->deleteResource(nr);
    else
        reply = m_nam->sendCustomRequest(nr, req.verb, req.body);

    pb::log::net()->debug("{} {} {}", m_hooks.serviceName.toStdString(), req.verb.toStdString(),
                          pb::redact(req.url.toDisplayString()).toStdString());
    attempt->call->setReply(reply);
    m_active.append(reply);
    std::weak_ptr<bool> alive = m_alive;
    if (m_policy.maxResponseBytes > 0) {
        QObject::connect(reply, &QNetworkReply::downloadProgress, m_owner,
                         [this, alive, attempt, reply](qint64 received, qint64) {
                             if (alive.expired() || attempt->tooLarge ||
                                 received <= m_policy.maxResponseBytes)
                                 return;
                             attempt->tooLarge = true;
                             reply->abort();
                         });
    }
    QObject::connect(reply, &QNetworkReply::finished, m_owner, [this, alive, attempt, reply] {
        reply->deleteLater();
        if (alive.expired())
            return;
        m_active.removeAll(QPointer<QNetworkReply>(reply));
        attempt->call->setReply(nullptr);
        if (attempt->call->isDone())
            return;
        handleReply(attempt, reply);
    });
}

void HttpCore::retryLater(const std::shared_ptr<Attempt> &attempt, milliseconds nominal,
                          const pb::Error &reason)
{
    std::weak_ptr<bool> alive = m_alive;
    wait(attempt->call, nominal, reason, [this, alive, attempt] {
        if (!alive.expired())
            start(attempt);
    });
}

namespace {

bool isTransportError(QNetworkReply::NetworkError e)
{
    return e != QNetworkReply::NoError && static_cast<int>(e) < 200;
}

bool nothingWasSent(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError;
}

/// True when the server announced more bytes than arrived. Only an identity-encoded body can be
/// compared: with Content-Encoding, Content-Length counts the compressed bytes.
bool isShortBody(const QNetworkReply &reply, const QByteArray &verb, qsizetype received)
{
    if (verb == "HEAD" || !reply.hasRawHeader("Content-Length") || reply.hasRawHeader("Content-Encoding"))
        return false;
    bool ok = false;
    const qint64 announced = reply.rawHeader("Content-Length").trimmed().toLongLong(&ok);
    return ok && received < announced;
}

} // namespace

void HttpCore::handleReply(const std::shared_ptr<Attempt> &attempt, QNetworkReply *reply)
{
    const auto err = reply->error();
    const int maxRetries =
        attempt->request.maxRetries >= 0 ? attempt->request.maxRetries : m_policy.maxRetries;
    const QString host = attempt->request.url.host();

    if (attempt->tooLarge) {
        attempt->done(pb::Error::make(
            pb::ErrorKind::Parse, QStringLiteral("%1 (%2) sent an answer larger than %3 MB; it was refused")
                                      .arg(m_hooks.serviceName, host)
                                      .arg(m_policy.maxResponseBytes / (1024 * 1024))));
        return;
    }

    auto failTransport = [&](pb::Error e, bool retryable) {
        pb::log::net()->log(m_hooks.transportFailuresExpected ? spdlog::level::debug : spdlog::level::warn,
                            "{} {}: {}", m_hooks.serviceName.toStdString(),
                            attempt->request.verb.toStdString(), e.toString().toStdString());
        if (retryable && attempt->retries < maxRetries) {
            const auto delay = backoffDelay(attempt->retries++);
            retryLater(attempt, delay, e);
            return;
        }
        attempt->done(std::move(e));
    };

    if (isTransportError(err)) {
        pb::Error e;
        if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
            e = pb::Error::make(
                pb::ErrorKind::Timeout,
                QStringLiteral("%1 (%2) did not answer in time").arg(m_hooks.serviceName, host));
        } else {
            e = pb::Error::make(pb::ErrorKind::Network,
                                QStringLiteral("Could not talk to %1 (%2): %3")
                                    .arg(m_hooks.serviceName, host, pb::redact(reply->errorString())));
        }
        failTransport(e, attempt->request.idempotent || nothingWasSent(err));
        return;
    }

    HttpResponse resp;
    resp.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    resp.body = reply->readAll();
    if (isShortBody(*reply, attempt->request.verb, resp.body.size())) {
        // Qt may report a connection closed mid-body as a complete answer; it is a transport
        // failure (retried like one), never a body to parse.
        failTransport(
            pb::Error::make(pb::ErrorKind::Network,
                            QStringLiteral("The connection to %1 (%2) closed before the answer was complete")
                                .arg(m_hooks.serviceName, host)),
            attempt->request.idempotent);
        return;
    }
    resp.url = reply->url();
    for (const auto &pair : reply->rawHeaderPairs())
        resp.headers.append({pair.first, pair.second});

    if (resp.isSuccess()) {
        attempt->done(std::move(resp));
        return;
    }
    pb::Error e = m_hooks.errorFor ? m_hooks.errorFor(resp)
                                   : pb::Error::make(pb::ErrorKind::HttpStatus,
                                                     QStringLiteral("HTTP %1").arg(resp.status), resp.status);
    if (e.httpStatus == 0)
        e.httpStatus = resp.status;

    if (resp.status == 429 && e.kind != pb::ErrorKind::QuotaExceeded) {
        const auto retryAfter = parseRetryAfter(resp.header("Retry-After")).value_or(milliseconds(1000));
        e.kind = pb::ErrorKind::RateLimited;
        e.retryAfter = retryAfter;
        if (attempt->rateLimitWaits < m_policy.maxRateLimitRetries && retryAfter <= m_policy.maxRetryAfter) {
            ++attempt->rateLimitWaits;
            retryLater(attempt, retryAfter, e);
            return;
        }
        attempt->done(std::move(e));
        return;
    }
    if (resp.status == 401 && m_hooks.ensureAuth && !attempt->refreshedAfter401) {
        attempt->refreshedAfter401 = true;
        attempt->forceRefresh = true;
        start(attempt);
        return;
    }
    if (resp.status >= 500 && attempt->request.idempotent && attempt->retries < maxRetries) {
        auto delay = backoffDelay(attempt->retries++);
        if (const auto ra = parseRetryAfter(resp.header("Retry-After")); ra && *ra <= m_policy.maxRetryAfter)
            delay = std::max(delay, *ra);
        retryLater(attempt, delay, e);
        return;
    }
    attempt->done(std::move(e));
}

} // namespace pb::clients::detail
