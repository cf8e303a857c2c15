#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/requesthandle.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace pb::clients {

namespace detail {
class HttpCore;
}

/// Spotify OAuth tokens. Every field but expiresAt and scope is a secret: never log it.
struct SpotifyTokens {
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; ///< UTC; invalid = unknown (treated as expired)
    QString scope;

    bool hasAccessToken() const { return !accessToken.isEmpty(); }
    bool hasRefreshToken() const { return !refreshToken.isEmpty(); }
};

/// The accounts service's /api/token endpoint (PKCE: no client secret, no Basic auth).
/// Errors: 400 invalid_grant → ErrorKind::AuthRequired with code "invalid_grant" (revoked,
/// expired after 6 months, wrong code or code_verifier); other OAuth errors → ErrorKind::Api
/// with the OAuth error as code.
class SpotifyTokenEndpoint : public QObject {
    Q_OBJECT
public:
    SpotifyTokenEndpoint(QNetworkAccessManager *nam, SpotifyConfig config, QObject *parent = nullptr);
    ~SpotifyTokenEndpoint() override;

    /// grant_type=authorization_code with the PKCE code_verifier.
    RequestHandle exchangeCode(const QString &code, const QUrl &redirectUri, const QString &codeVerifier,
                               QObject *context, Callback<SpotifyTokens> done);
    /// grant_type=refresh_token. When the answer carries no new refresh token the old one is kept.
    RequestHandle refresh(const QString &refreshToken, QObject *context, Callback<SpotifyTokens> done);

private:
    SpotifyConfig m_config;
    std::unique_ptr<detail::HttpCore> m_http;
};

} // namespace pb::clients
