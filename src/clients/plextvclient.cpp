#include "pb/clients/plextvclient.h"

#include "httpcore.h"
#include "jsonutil.h"
#include "plexcommon.h"
#include "plexdto.h"

#include "pb/core/logging.h"

#include <QNetworkAccessManager>

#include <algorithm>

namespace pb::clients {

using detail::HttpRequest;
using detail::HttpResponse;
namespace px = detail::plex;

PlexTvClient::PlexTvClient(QNetworkAccessManager *nam, PlexTvConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    detail::ServiceHooks hooks;
    hooks.serviceName = QStringLiteral("plex.tv");
    hooks.errorFor = &px::plexTvErrorFor;
    m_http = std::make_unique<detail::HttpCore>(nam, m_config.policy, std::move(hooks), this);
}

PlexTvClient::~PlexTvClient() = default;

namespace {

HttpRequest plexTvRequest(const PlexTvConfig &config, const QString &path, const QString &token,
                          const QList<QPair<QString, QString>> &query = {})
{
    HttpRequest req;
    req.url = detail::joinUrl(config.plexTvUrl, path, detail::encodeQuery(query));
    px::addPlexHeaders(req, config.client, token);
    return req;
}

} // namespace

RequestHandle PlexTvClient::createPin(QObject *context, Callback<PlexPin> done)
{
    auto call = detail::makeCall<PlexPin>(this, context, std::move(done));
    HttpRequest req = plexTvRequest(m_config, QStringLiteral("/api/v2/pins"), {},
                                    {{QStringLiteral("strong"), QStringLiteral("true")}});
    req.verb = "POST";
    detail::sendForJson(*m_http, call, std::move(req), QStringLiteral("plex.tv PIN"),
                        [](const detail::json &j) { return j.get<px::PinDto>().value; });
    return RequestHandle(call);
}

QUrl PlexTvClient::authUrl(const PlexPin &pin) const
{
    QUrl url = m_config.authAppUrl;
    const QByteArray fragment =
        "?" + detail::encodeQuery({{QStringLiteral("clientID"), m_config.client.clientIdentifier},
                                   {QStringLiteral("code"), pin.code},
                                   {QStringLiteral("context[device][product]"), m_config.client.product}});
    url.setFragment(QString::fromLatin1(fragment), QUrl::TolerantMode);
    return url;
}

RequestHandle PlexTvClient::checkPin(qint64 pinId, QObject *context, Callback<PlexPin> done)
{
    auto call = detail::makeCall<PlexPin>(this, context, std::move(done));
    detail::sendForJson(
        *m_http, call, plexTvRequest(m_config, QStringLiteral("/api/v2/pins/%1").arg(pinId), {}),
        QStringLiteral("plex.tv PIN"), [](const detail::json &j) { return j.get<px::PinDto>().value; });
    return RequestHandle(call);
}

namespace {

/// Polls one PIN until approved, expired or cancelled, waiting longer between polls each time.
struct PinPoller : std::enable_shared_from_this<PinPoller> {
    detail::HttpCore *http = nullptr;
    PlexTvConfig config;
    PlexPin pin;
    PinPollOptions options;
    std::shared_ptr<detail::Call<QString>> call;
    std::chrono::milliseconds interval{1000};

    void poll()
    {
        auto self = shared_from_this();
        http->send(call, plexTvRequest(config, QStringLiteral("/api/v2/pins/%1").arg(pin.id), {}),
                   [self](pb::Result<HttpResponse> r) { self->onAnswer(std::move(r)); });
    }

    void onAnswer(pb::Result<HttpResponse> r)
    {
        if (!r.ok())
            return call->fail(r.error());
        auto j = detail::parseJsonBody(*r, QStringLiteral("plex.tv"));
        if (!j.ok())
            return call->fail(j.error());
        auto dto = detail::parseDto<px::PinDto>(*j, QStringLiteral("plex.tv PIN"));
        if (!dto.ok())
            return call->fail(dto.error());
        if (!dto->value.authToken.isEmpty()) {
            pb::log::auth()->info("plex.tv PIN approved");
            return call->complete(dto->value.authToken);
        }
        if (pin.expiresAt.isValid() && QDateTime::currentDateTimeUtc() >= pin.expiresAt)
            return call->fail(pb::Error::make(
                pb::ErrorKind::AuthRequired,
                QStringLiteral("The Plex sign-in code expired before it was approved. Start again."), 0,
                QStringLiteral("pin-expired")));
        const auto wait = interval;
        interval = std::min(options.maxInterval,
                            std::chrono::milliseconds(static_cast<qint64>(
                                static_cast<double>(interval.count()) * std::max(1.0, options.backoff))));
        auto self = shared_from_this();
        http->wait(
            call, wait,
            pb::Error::make(pb::ErrorKind::AuthRequired, QStringLiteral("Waiting for the Plex sign-in")),
            [self] { self->poll(); });
    }
};

} // namespace

RequestHandle PlexTvClient::waitForPin(const PlexPin &pin, PinPollOptions options, QObject *context,
                                       Callback<QString> done)
{
    auto call = detail::makeCall<QString>(this, context, std::move(done));
    auto poller = std::make_shared<PinPoller>();
    poller->http = m_http.get();
    poller->config = m_config;
    poller->pin = pin;
    poller->options = options;
    poller->interval = options.interval;
    poller->call = call;
    poller->poll();
    return RequestHandle(call);
}

RequestHandle PlexTvClient::account(const QString &userToken, QObject *context, Callback<PlexAccount> done)
{
    auto call = detail::makeCall<PlexAccount>(this, context, std::move(done));
    detail::sendForJson(*m_http, call, plexTvRequest(m_config, QStringLiteral("/api/v2/user"), userToken),
                        QStringLiteral("plex.tv account"),
                        [](const detail::json &j) { return j.get<px::AccountDto>().value; });
    return RequestHandle(call);
}

RequestHandle PlexTvClient::servers(const QString &userToken, QObject *context,
                                    Callback<std::vector<PlexResource>> done)
{
    auto call = detail::makeCall<std::vector<PlexResource>>(this, context, std::move(done));
    detail::sendForJson(*m_http, call,
                        plexTvRequest(m_config, QStringLiteral("/api/v2/resources"), userToken,
                                      {{QStringLiteral("includeHttps"), QStringLiteral("1")},
                                       {QStringLiteral("includeRelay"), QStringLiteral("1")},
                                       {QStringLiteral("includeIPv6"), QStringLiteral("1")}}),
                        QStringLiteral("plex.tv resources"), [](const detail::json &j) {
                            if (!j.is_array())
                                throw detail::ShapeError(std::string("resources should be an array but is ") +
                                                         j.type_name());
                            std::vector<PlexResource> out;
                            for (const detail::json &item : j) {
                                PlexResource r = item.get<px::ResourceDto>().value;
                                if (r.isServer())
                                    out.push_back(std::move(r));
                            }
                            return out;
                        });
    return RequestHandle(call);
}

} // namespace pb::clients
