#include "pb/clients/connectionprober.h"

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

ConnectionProber::ConnectionProber(QNetworkAccessManager *nam, PlexClientInfo client,
                                   std::chrono::milliseconds probeTimeout, QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_timeout(probeTimeout)
{
    HttpPolicy policy;
    policy.transferTimeout = m_timeout;
    policy.maxRetries = 0; // a dead candidate is not retried: another one will answer
    policy.maxRateLimitRetries = 0;
    detail::ServiceHooks hooks;
    hooks.serviceName = QStringLiteral("Plex server");
    hooks.errorFor = &px::pmsErrorFor;
    hooks.transportFailuresExpected = true;
    m_http = std::make_unique<detail::HttpCore>(nam, policy, std::move(hooks), this);
}

ConnectionProber::~ConnectionProber() = default;

std::vector<PlexConnection> ConnectionProber::orderedConnections(const PlexResource &server)
{
    std::vector<PlexConnection> out = server.connections;
    auto rank = [](const PlexConnection &c) {
        const int tier = c.relay ? 2 : (c.local ? 0 : 1);
        const int https = c.uri.scheme() == QLatin1String("https") ? 0 : 1;
        return tier * 2 + https;
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const PlexConnection &a, const PlexConnection &b) { return rank(a) < rank(b); });
    return out;
}

namespace {

/// All probes of one server; the first good answer completes the call and aborts the rest.
struct ProbeRace {
    std::shared_ptr<detail::Call<pb::PlexServer>> call;
    QString expected;
    QString name;
    QString token;
    int pending = 0;
    QStringList failures;
    std::vector<std::shared_ptr<detail::CallState>> probes;
};

HttpRequest identityRequest(const QUrl &base, const PlexClientInfo &client, const QString &token)
{
    HttpRequest req;
    req.url = detail::joinUrl(base, QStringLiteral("/identity"));
    px::addPlexHeaders(req, client, token);
    return req;
}

} // namespace

RequestHandle ConnectionProber::probe(const PlexResource &server, QObject *context,
                                      Callback<pb::PlexServer> done)
{
    auto call = detail::makeCall<pb::PlexServer>(this, context, std::move(done));
    const auto candidates = orderedConnections(server);
    if (candidates.empty()) {
        call->fail(pb::Error::make(
            pb::ErrorKind::Network,
            QStringLiteral("plex.tv lists no connection for the server “%1”").arg(server.name)));
        return RequestHandle(call);
    }
    auto race = std::make_shared<ProbeRace>();
    race->call = call;
    race->expected = server.clientIdentifier;
    race->name = server.name;
    race->token = server.accessToken;
    race->pending = static_cast<int>(candidates.size());
    // Cancelling the race cancels every probe still running.
    std::weak_ptr<ProbeRace> weakRace = race;
    call->addAbortHook([weakRace] {
        if (auto r = weakRace.lock()) {
            for (auto &p : r->probes)
                p->abandon();
        }
    });
    for (const PlexConnection &conn : candidates) {
        // Each probe is its own call so it can be aborted alone; its context is this prober.
        const QUrl uri = conn.uri;
        auto probeCall = detail::makeCall<QString>(this, nullptr, [race, uri](pb::Result<QString> r) {
            if (race->call->isDone())
                return;
            --race->pending;
            if (r.ok() && (race->expected.isEmpty() || *r == race->expected)) {
                pb::log::net()->info("Plex server reachable at {}", uri.toDisplayString().toStdString());
                for (auto &p : race->probes)
                    p->abandon();
                pb::PlexServer s;
                s.machineIdentifier = *r;
                s.name = race->name;
                s.baseUrl = uri.toString(QUrl::FullyEncoded);
                s.accessToken = race->token;
                race->call->complete(std::move(s));
                return;
            }
            race->failures.append(QStringLiteral("%1: %2").arg(
                uri.toDisplayString(),
                r.ok() ? QStringLiteral("a different server answered (%1)").arg(*r) : r.error().message));
            if (race->pending == 0)
                race->call->fail(
                    pb::Error::make(pb::ErrorKind::Network,
                                    QStringLiteral("No connection to the Plex server “%1” answered: %2")
                                        .arg(race->name, race->failures.join(QStringLiteral("; ")))));
        });
        race->probes.push_back(probeCall);
        detail::sendForJson(*m_http, probeCall, identityRequest(uri, m_client, server.accessToken),
                            QStringLiteral("Plex identity"),
                            [](const detail::json &j) { return j.get<px::IdentityDto>().machineIdentifier; });
    }
    return RequestHandle(call);
}

RequestHandle ConnectionProber::probeUrl(const QUrl &url, const QString &token,
                                         const QString &expectedMachineIdentifier, QObject *context,
                                         Callback<pb::PlexServer> done)
{
    PlexResource manual;
    manual.name = url.host();
    manual.clientIdentifier = expectedMachineIdentifier;
    manual.accessToken = token;
    PlexConnection conn;
    conn.uri = url;
    manual.connections.push_back(conn);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        auto call = detail::makeCall<pb::PlexServer>(this, context, std::move(done));
        call->fail(pb::Error::make(
            pb::ErrorKind::InvalidInput,
            QStringLiteral("“%1” is not an http(s) URL of a Plex server").arg(url.toDisplayString())));
        return RequestHandle(call);
    }
    return probe(manual, context, std::move(done));
}

} // namespace pb::clients
