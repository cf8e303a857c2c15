#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/plextypes.h"
#include "pb/clients/requesthandle.h"
#include "pb/core/types.h"

#include <QObject>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace pb::clients {

namespace detail {
class HttpCore;
}

/// Chooses how to reach a Plex server: probes every connection URI of a resource in parallel
/// (GET /identity, short timeout, no retries) and takes the first that answers with the
/// expected machineIdentifier. The others are aborted.
class ConnectionProber : public QObject {
    Q_OBJECT
public:
    ConnectionProber(QNetworkAccessManager *nam, PlexClientInfo client,
                     std::chrono::milliseconds probeTimeout = std::chrono::milliseconds(4000),
                     QObject *parent = nullptr);
    ~ConnectionProber() override;

    /// The server with baseUrl = the first connection that answered, accessToken = the
    /// resource's. All failing → ErrorKind::Network naming each URI and why.
    RequestHandle probe(const PlexResource &server, QObject *context, Callback<pb::PlexServer> done);
    /// The manual alternative: one URL + token, checked with /identity. An empty
    /// expectedMachineIdentifier accepts any server.
    RequestHandle probeUrl(const QUrl &url, const QString &token, const QString &expectedMachineIdentifier,
                           QObject *context, Callback<pb::PlexServer> done);

    /// The probing order: local, then remote, then relay; https before http within each.
    static std::vector<PlexConnection> orderedConnections(const PlexResource &server);

private:
    PlexClientInfo m_client;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<detail::HttpCore> m_http;
};

} // namespace pb::clients
