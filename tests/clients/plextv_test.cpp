// plex.tv PIN sign-in, resources and connection probing against the fakes.
#include "fakefixture.h"

#include "pb/clients/connectionprober.h"
#include "pb/clients/plextvclient.h"

#include <QTcpServer>
#include <QUrlQuery>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;
using std::chrono::milliseconds;

namespace {

class ClientsPlexTv : public FakesTest {
protected:
    void start(pb::fakes::FakeOptions o = {})
    {
        startFakes(o);
        PlexTvConfig config;
        config.plexTvUrl = fakes().plexTvUrl();
        config.client = testPlexClientInfo();
        config.policy = fastPolicy();
        m_tv = std::make_unique<PlexTvClient>(&m_nam, config);
    }

    PinPollOptions fastPolling()
    {
        PinPollOptions p;
        p.interval = milliseconds(20);
        p.maxInterval = milliseconds(50);
        return p;
    }

    std::unique_ptr<PlexTvClient> m_tv;
};

QString headerOf(const pb::fakes::RecordedRequest &r, const QByteArray &name)
{
    for (const auto &h : r.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(h.second);
    }
    return {};
}

} // namespace

TEST_F(ClientsPlexTv, PinSignInEndToEnd)
{
    pb::fakes::FakeOptions o;
    o.pinApproveAfterPolls = 3;
    start(o);
    auto pin = await<PlexPin>([&](auto cb) { m_tv->createPin(nullptr, cb); });
    ASSERT_TRUE(pin.ok()) << pin.error().toString().toStdString();
    EXPECT_EQ(pin->code.size(), 25); // strong PIN
    const QUrl auth = m_tv->authUrl(*pin);
    EXPECT_TRUE(auth.toString().startsWith(QStringLiteral("https://app.plex.tv/auth#?")));
    EXPECT_TRUE(auth.fragment().contains(pin->code));
    EXPECT_TRUE(auth.fragment().contains(QStringLiteral("0b6e4a52-test-install")));

    auto token = await<QString>([&](auto cb) { m_tv->waitForPin(*pin, fastPolling(), nullptr, cb); });
    ASSERT_TRUE(token.ok()) << token.error().toString().toStdString();
    EXPECT_EQ(*token, fakes().plexUserToken());
    EXPECT_EQ(count(QStringLiteral("^/api/v2/pins/\\d+$"), QStringLiteral("GET")), 3);
    // Polling backs off: each wait at least as long as the one before.
    ASSERT_GE(m_waits.size(), 2u);
    for (size_t i = 1; i < m_waits.size(); ++i)
        EXPECT_GE(m_waits[i], m_waits[i - 1]);
    // Every plex.tv request identifies the install the same way.
    for (const auto &r : fakes().requestLog()) {
        EXPECT_EQ(headerOf(r, "X-Plex-Client-Identifier"), QStringLiteral("0b6e4a52-test-install"));
        EXPECT_EQ(headerOf(r, "X-Plex-Product"), QStringLiteral("Playlist Bridge"));
        EXPECT_EQ(headerOf(r, "Accept"), QStringLiteral("application/json"));
    }

    auto account = await<PlexAccount>([&](auto cb) { m_tv->account(*token, nullptr, cb); });
    ASSERT_TRUE(account.ok()) << account.error().toString().toStdString();
}

TEST_F(ClientsPlexTv, PinThatExpires)
{
    pb::fakes::FakeOptions o;
    o.pinApproveAfterPolls = -1;
    o.pinLifetime = std::chrono::seconds(1);
    start(o);
    auto pin = await<PlexPin>([&](auto cb) { m_tv->createPin(nullptr, cb); });
    ASSERT_TRUE(pin.ok());
    PinPollOptions polling = fastPolling();
    polling.interval = milliseconds(100);
    polling.maxInterval = milliseconds(200);
    auto token = await<QString>([&](auto cb) { m_tv->waitForPin(*pin, polling, nullptr, cb); });
    ASSERT_FALSE(token.ok());
    EXPECT_EQ(token.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(token.error().code, QStringLiteral("pin-expired"));
    EXPECT_TRUE(token.error().message.contains(QStringLiteral("expired")));
}

TEST_F(ClientsPlexTv, CancelledPinSignIn)
{
    pb::fakes::FakeOptions o;
    o.pinApproveAfterPolls = -1;
    start(o);
    auto pin = await<PlexPin>([&](auto cb) { m_tv->createPin(nullptr, cb); });
    ASSERT_TRUE(pin.ok());
    std::optional<pb::Result<QString>> result;
    int calls = 0;
    RequestHandle h = m_tv->waitForPin(*pin, fastPolling(), nullptr, [&](pb::Result<QString> r) {
        ++calls;
        result.emplace(std::move(r));
    });
    spin(150);
    EXPECT_FALSE(result.has_value());
    h.cancel();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->error().kind, ErrorKind::Cancelled);
    spin(50); // a poll already on the wire may still reach the fake
    const int polls = count(QStringLiteral("^/api/v2/pins/\\d+$"));
    spin(200);
    EXPECT_EQ(count(QStringLiteral("^/api/v2/pins/\\d+$")), polls); // polling stopped
    EXPECT_EQ(calls, 1);
}

TEST_F(ClientsPlexTv, BadTokenIsAuthRequired)
{
    start();
    auto account = await<PlexAccount>([&](auto cb) { m_tv->account(QStringLiteral("wrong"), nullptr, cb); });
    ASSERT_FALSE(account.ok());
    EXPECT_EQ(account.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(account.error().code, QStringLiteral("1001"));
}

TEST_F(ClientsPlexTv, ServersThenFirstLiveConnectionWins)
{
    start();
    auto servers = await<std::vector<PlexResource>>(
        [&](auto cb) { m_tv->servers(fakes().plexUserToken(), nullptr, cb); });
    ASSERT_TRUE(servers.ok()) << servers.error().toString().toStdString();
    ASSERT_EQ(servers->size(), 1u); // the player device is not a server
    const PlexResource &server = servers->front();
    EXPECT_EQ(server.clientIdentifier, fakes().plexMachineIdentifier());
    ASSERT_GE(server.connections.size(), 2u);
    EXPECT_NE(server.connections.front().uri.port(), fakes().plexServerUrl().port()); // dead one first

    ConnectionProber prober(&m_nam, testPlexClientInfo(), milliseconds(2000));
    auto chosen = await<pb::PlexServer>([&](auto cb) { prober.probe(server, nullptr, cb); });
    ASSERT_TRUE(chosen.ok()) << chosen.error().toString().toStdString();
    EXPECT_EQ(QUrl(chosen->baseUrl).port(), fakes().plexServerUrl().port());
    EXPECT_EQ(chosen->machineIdentifier, fakes().plexMachineIdentifier());
    EXPECT_EQ(chosen->accessToken, fakes().plexServerToken());
}

TEST_F(ClientsPlexTv, ProbeFailsWhenNoConnectionAnswersOrTheServerDiffers)
{
    start();
    ConnectionProber prober(&m_nam, testPlexClientInfo(), milliseconds(2000));
    PlexResource dead;
    dead.name = QStringLiteral("Gone");
    dead.clientIdentifier = fakes().plexMachineIdentifier();
    PlexConnection c;
    c.uri = QUrl(QStringLiteral("http://127.0.0.1:9"));
    dead.connections.push_back(c);
    auto none = await<pb::PlexServer>([&](auto cb) { prober.probe(dead, nullptr, cb); });
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().kind, ErrorKind::Network);
    EXPECT_TRUE(none.error().message.contains(QStringLiteral("127.0.0.1:9")));

    auto other = await<pb::PlexServer>([&](auto cb) {
        prober.probeUrl(fakes().plexServerUrl(), fakes().plexServerToken(), QStringLiteral("another-server"),
                        nullptr, cb);
    });
    ASSERT_FALSE(other.ok());
    EXPECT_TRUE(other.error().message.contains(QStringLiteral("different server")));
}

TEST_F(ClientsPlexTv, ManualUrlAndToken)
{
    start();
    ConnectionProber prober(&m_nam, testPlexClientInfo());
    auto server = await<pb::PlexServer>([&](auto cb) {
        prober.probeUrl(fakes().plexServerUrl(), fakes().plexServerToken(), QString(), nullptr, cb);
    });
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    EXPECT_EQ(server->machineIdentifier, fakes().plexMachineIdentifier());
    auto bad = await<pb::PlexServer>([&](auto cb) {
        prober.probeUrl(QUrl(QStringLiteral("ftp://nas")), QStringLiteral("t"), QString(), nullptr, cb);
    });
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidInput);
}

TEST_F(ClientsPlexTv, HangingFirstCandidateDoesNotHoldTheChoice)
{
    start();
    QTcpServer silent; // accepts connections and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    PlexResource server;
    server.name = QStringLiteral("NAS");
    server.clientIdentifier = fakes().plexMachineIdentifier();
    server.accessToken = fakes().plexServerToken();
    PlexConnection hanging;
    hanging.uri = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    hanging.local = true;
    PlexConnection live;
    live.uri = fakes().plexServerUrl();
    live.local = true;
    server.connections = {hanging, live};
    ConnectionProber prober(&m_nam, testPlexClientInfo(), milliseconds(20000));
    auto chosen = await<pb::PlexServer>([&](auto cb) { prober.probe(server, nullptr, cb); });
    ASSERT_TRUE(chosen.ok()) << chosen.error().toString().toStdString();
    EXPECT_EQ(QUrl(chosen->baseUrl).port(), fakes().plexServerUrl().port());
}
