#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/plextypes.h"
#include "pb/clients/requesthandle.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace pb::clients {

namespace detail {
class HttpCore;
}

/// How waitForPin polls: starts at `interval`, grows by `backoff` per poll up to `maxInterval`.
struct PinPollOptions {
    std::chrono::milliseconds interval{1000};
    std::chrono::milliseconds maxInterval{5000};
    double backoff = 1.2;
};

/// plex.tv: PIN sign-in, the account, and server discovery. Errors from plex.tv's JSON
/// {"errors":[{code,message}]} become ErrorKind::Api (401 → AuthRequired, expired PIN →
/// AuthRequired with code "pin-expired").
class PlexTvClient : public QObject {
    Q_OBJECT
public:
    PlexTvClient(QNetworkAccessManager *nam, PlexTvConfig config, QObject *parent = nullptr);
    ~PlexTvClient() override;

    /// POST /api/v2/pins?strong=true
    RequestHandle createPin(QObject *context, Callback<PlexPin> done);
    /// The app.plex.tv page where the user approves the PIN.
    QUrl authUrl(const PlexPin &pin) const;
    /// GET /api/v2/pins/{id} once.
    RequestHandle checkPin(qint64 pinId, QObject *context, Callback<PlexPin> done);
    /// Polls the PIN with backoff until it carries a token (→ the user token), expires (404
    /// code 1020 or expiresAt passed → AuthRequired "pin-expired"), or the handle is cancelled.
    RequestHandle waitForPin(const PlexPin &pin, PinPollOptions options, QObject *context,
                             Callback<QString> done);
    /// GET /api/v2/user with the token: validates it (401 → AuthRequired).
    RequestHandle account(const QString &userToken, QObject *context, Callback<PlexAccount> done);
    /// GET /api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1, servers only.
    RequestHandle servers(const QString &userToken, QObject *context,
                          Callback<std::vector<PlexResource>> done);

private:
    PlexTvConfig m_config;
    std::unique_ptr<detail::HttpCore> m_http;
};

} // namespace pb::clients
