// Fake accounts.spotify.com: GET /authorize (PKCE, loopback redirect rules) and POST /api/token.
#include "fakestate.h"

#include <QCryptographicHash>
#include <QUrlQuery>

namespace pb::fakes {

namespace {

FakeReply tokenError(const QString &error, const QString &description)
{
    return jsonReply(400, Json{{"error", u8(error)}, {"error_description", u8(description)}});
}

FakeReply htmlError(int status, const QString &text)
{
    FakeReply r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>" +
             text.toHtmlEscaped().toUtf8() + "</h1></body></html>";
    return r;
}

// Spotify accepts http only for loopback IP literals; `localhost` is refused since 2025-11-27.
bool isAllowedRedirect(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1String("http") || !url.fragment().isEmpty())
        return false;
    const QString host = url.host();
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

bool clientKnown(const FakeState &state, const QString &clientId)
{
    if (clientId.isEmpty())
        return false;
    const QStringList &ids = state.world.spotify.clientIds;
    return ids.isEmpty() || ids.contains(clientId);
}

FakeReply redirectTo(QUrl target, const QList<QPair<QString, QString>> &items)
{
    QUrlQuery q(target);
    for (const auto &it : items)
        q.addQueryItem(it.first, QString::fromLatin1(QUrl::toPercentEncoding(it.second)));
    target.setQuery(q);
    FakeReply r = emptyReply(302, "text/html");
    r.addHeader("Location", target.toEncoded());
    return r;
}

FakeReply authorize(FakeState &state, const FakeRequest &req)
{
    const QString clientId = req.paramOr(QStringLiteral("client_id"));
    if (!clientKnown(state, clientId))
        return htmlError(400, QStringLiteral("INVALID_CLIENT: Invalid client"));
    const QUrl redirect(req.paramOr(QStringLiteral("redirect_uri")), QUrl::StrictMode);
    if (!isAllowedRedirect(redirect))
        return htmlError(400, QStringLiteral("INVALID_CLIENT: Invalid redirect URI"));
    const QString st = req.paramOr(QStringLiteral("state"));
    auto withState = [&](QList<QPair<QString, QString>> items) {
        if (req.param(QStringLiteral("state")))
            items.append({QStringLiteral("state"), st});
        return items;
    };
    if (req.paramOr(QStringLiteral("response_type")) != QLatin1String("code"))
        return redirectTo(
            redirect, withState({{QStringLiteral("error"), QStringLiteral("unsupported_response_type")}}));
    const QString challenge = req.paramOr(QStringLiteral("code_challenge"));
    if (req.paramOr(QStringLiteral("code_challenge_method")) != QLatin1String("S256") ||
        challenge.size() < 43)
        return redirectTo(redirect, withState({{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                               {QStringLiteral("error_description"),
                                                QStringLiteral("code_challenge_method must be S256")}}));
    if (state.options.denyAuthorization)
        return redirectTo(redirect, withState({{QStringLiteral("error"), QStringLiteral("access_denied")}}));

    const QString code = QStringLiteral("AQ") + state.randomToken(120);
    state.codes.insert(code, FakeState::AuthCode{clientId, req.paramOr(QStringLiteral("redirect_uri")),
                                                 challenge, req.paramOr(QStringLiteral("scope")),
                                                 QDateTime::currentDateTimeUtc().addSecs(600)});
    return redirectTo(redirect, withState({{QStringLiteral("code"), code}}));
}

Json issueTokens(FakeState &state, const QString &clientId, const QString &scope,
                 const QDateTime &consentExpires, bool withRefresh)
{
    const SpotifyTokens t = state.issueTokens(clientId, scope, consentExpires, withRefresh);
    Json j{{"access_token", u8(t.accessToken)},
           {"token_type", "Bearer"},
           {"scope", u8(scope)},
           {"expires_in", t.expiresIn}};
    if (withRefresh)
        j["refresh_token"] = u8(t.refreshToken);
    return j;
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

FakeReply token(FakeState &state, const FakeRequest &req)
{
    if (!req.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return tokenError(QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("grant_type parameter is missing"));
    const std::vector<Param> form = parseParams(req.body);
    auto field = [&](const char *name) {
        for (const Param &p : form) {
            if (p.key == QLatin1String(name))
                return p.value;
        }
        return QString();
    };
    const QString grant = field("grant_type");
    if (grant.isEmpty())
        return tokenError(QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("grant_type parameter is missing"));

    if (grant == QLatin1String("authorization_code")) {
        const QString code = field("code");
        if (code.isEmpty())
            return tokenError(QStringLiteral("invalid_request"), QStringLiteral("code must be supplied"));
        // A code is single use: any attempt consumes it.
        const auto it = state.codes.constFind(code);
        if (it == state.codes.constEnd() || it->expires < QDateTime::currentDateTimeUtc()) {
            state.codes.remove(code);
            return tokenError(QStringLiteral("invalid_grant"), QStringLiteral("Invalid authorization code"));
        }
        const FakeState::AuthCode ac = *it;
        state.codes.remove(code);
        if (field("client_id") != ac.clientId)
            return jsonReply(400, Json{{"error", "invalid_client"}, {"error_description", "Invalid client"}});
        if (field("redirect_uri") != ac.redirectUri)
            return tokenError(QStringLiteral("invalid_grant"), QStringLiteral("Invalid redirect URI"));
        const QString verifier = field("code_verifier");
        if (verifier.isEmpty())
            return tokenError(QStringLiteral("invalid_request"), QStringLiteral("code_verifier required"));
        if (s256(verifier) != ac.challenge)
            return tokenError(QStringLiteral("invalid_grant"), QStringLiteral("code_verifier was incorrect"));
        const QDateTime consentExpires = QDateTime::currentDateTimeUtc().addSecs(
            std::chrono::duration_cast<std::chrono::seconds>(state.options.refreshTokenLifetime).count());
        return jsonReply(200, issueTokens(state, ac.clientId, ac.scope, consentExpires, true));
    }
    if (grant == QLatin1String("refresh_token")) {
        const QString refresh = field("refresh_token");
        if (refresh.isEmpty())
            return tokenError(QStringLiteral("invalid_request"),
                              QStringLiteral("refresh_token must be supplied"));
        const auto it = state.refreshTokens.constFind(refresh);
        if (it == state.refreshTokens.constEnd() || it->revoked ||
            it->consentExpires < QDateTime::currentDateTimeUtc())
            return tokenError(QStringLiteral("invalid_grant"), QStringLiteral("Refresh token revoked"));
        const FakeState::RefreshToken rt = *it;
        if (!field("client_id").isEmpty() && field("client_id") != rt.clientId)
            return jsonReply(400, Json{{"error", "invalid_client"}, {"error_description", "Invalid client"}});
        // PKCE refresh tokens rotate: the old one only worked for this exchange. Refreshing
        // does not extend the 6-month consent lifetime.
        state.refreshTokens.remove(refresh);
        return jsonReply(200, issueTokens(state, rt.clientId, rt.scope, rt.consentExpires, true));
    }
    if (grant == QLatin1String("client_credentials")) {
        const QByteArray auth = req.header("authorization");
        if (!auth.startsWith("Basic "))
            return jsonReply(400, Json{{"error", "invalid_client"}, {"error_description", "Invalid client"}});
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6));
        const QString clientId = QString::fromUtf8(decoded.left(decoded.indexOf(':')));
        if (!clientKnown(state, clientId))
            return jsonReply(400, Json{{"error", "invalid_client"}, {"error_description", "Invalid client"}});
        return jsonReply(200, issueTokens(state, clientId, {}, {}, false));
    }
    return tokenError(
        QStringLiteral("unsupported_grant_type"),
        QStringLiteral("grant_type must be client_credentials, authorization_code or refresh_token"));
}

} // namespace

FakeReply handleSpotifyAccounts(FakeState &state, const FakeRequest &req)
{
    if (req.path == QLatin1String("/authorize")) {
        if (req.method != QLatin1String("GET"))
            return htmlError(405, QStringLiteral("Method Not Allowed"));
        return authorize(state, req);
    }
    if (req.path == QLatin1String("/api/token")) {
        if (req.method != QLatin1String("POST"))
            return htmlError(405, QStringLiteral("Method Not Allowed"));
        return token(state, req);
    }
    return htmlError(404, QStringLiteral("Not Found"));
}

} // namespace pb::fakes
