#include "pb/clients/spotifytokens.h"

#include "httpcore.h"
#include "spotifydto.h"

#include <QNetworkAccessManager>

namespace pb::clients {

using detail::HttpRequest;
using detail::HttpResponse;

namespace {

QByteArray formBody(const QList<QPair<QString, QString>> &fields)
{
    return detail::encodeQuery(fields);
}

} // namespace

SpotifyTokenEndpoint::SpotifyTokenEndpoint(QNetworkAccessManager *nam, SpotifyConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    detail::ServiceHooks hooks;
    hooks.serviceName = QStringLiteral("Spotify accounts");
    hooks.errorFor = &detail::spotify::errorFor;
    m_http = std::make_unique<detail::HttpCore>(nam, m_config.policy, std::move(hooks), this);
}

SpotifyTokenEndpoint::~SpotifyTokenEndpoint() = default;

namespace {

RequestHandle postToken(detail::HttpCore &http, const SpotifyConfig &config, QByteArray body, QObject *owner,
                        QObject *context, Callback<SpotifyTokens> done, QString previousRefreshToken)
{
    auto call = detail::makeCall<SpotifyTokens>(owner, context, std::move(done));
    HttpRequest req;
    req.verb = "POST";
    req.url = detail::joinUrl(config.accountsUrl, QStringLiteral("/api/token"));
    req.setHeader("Content-Type", "application/x-www-form-urlencoded");
    req.setHeader("Accept", "application/json");
    req.body = std::move(body);
    // Codes are single use and refresh tokens rotate: a repeated POST could burn them.
    req.idempotent = false;
    http.send(call, std::move(req), [call, previousRefreshToken](pb::Result<HttpResponse> r) {
        if (!r.ok()) {
            call->fail(r.error());
            return;
        }
        auto j = detail::parseJsonBody(*r, QStringLiteral("Spotify accounts"));
        if (!j.ok()) {
            call->fail(j.error());
            return;
        }
        auto dto = detail::parseDto<detail::spotify::TokenDto>(*j, QStringLiteral("Spotify token answer"));
        if (!dto.ok()) {
            call->fail(dto.error());
            return;
        }
        SpotifyTokens tokens = dto->value;
        if (tokens.refreshToken.isEmpty())
            tokens.refreshToken = previousRefreshToken;
        call->complete(std::move(tokens));
    });
    return RequestHandle(call);
}

} // namespace

RequestHandle SpotifyTokenEndpoint::exchangeCode(const QString &code, const QUrl &redirectUri,
                                                 const QString &codeVerifier, QObject *context,
                                                 Callback<SpotifyTokens> done)
{
    const QByteArray body =
        formBody({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
                  {QStringLiteral("client_id"), m_config.clientId},
                  {QStringLiteral("code_verifier"), codeVerifier}});
    return postToken(*m_http, m_config, body, this, context, std::move(done), {});
}

RequestHandle SpotifyTokenEndpoint::refresh(const QString &refreshToken, QObject *context,
                                            Callback<SpotifyTokens> done)
{
    const QByteArray body = formBody({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                      {QStringLiteral("refresh_token"), refreshToken},
                                      {QStringLiteral("client_id"), m_config.clientId}});
    return postToken(*m_http, m_config, body, this, context, std::move(done), refreshToken);
}

} // namespace pb::clients
