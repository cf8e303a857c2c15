// A client living on a worker thread (as in a sync job), cancelled from another thread; and
// the environment overrides of the base URLs.
#include "fakefixture.h"

#include <QThread>

#include <atomic>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::fakes::Fault;
using std::chrono::milliseconds;

namespace {

class ClientsThreading : public FakesTest {
protected:
    void SetUp() override { startFakes(); }
};

/// Waits on the main thread (which serves the fakes) until `done` holds.
template <typename Pred>
bool spinUntil(Pred done, int guardMs = 20000)
{
    for (int waited = 0; waited < guardMs && !done(); waited += 10)
        spin(10);
    return done();
}

} // namespace

TEST_F(ClientsThreading, ClientOnWorkerThreadCompletesThere)
{
    QThread worker;
    worker.start();
    auto *home = new QObject;
    home->moveToThread(&worker);
    SpotifyConfig cfg = spotifyConfig();
    cfg.policy.onWait = nullptr;
    const SpotifyTokens tokens = issuedTokens();
    std::atomic<int> calls{0};
    std::atomic<bool> onWorker{false};
    QString name;
    QMetaObject::invokeMethod(
        home,
        [&] {
            auto *nam = new QNetworkAccessManager(home);
            auto *client = new SpotifyClient(nam, cfg, tokens, home);
            client->currentUser(home, [&](pb::Result<pb::SpotifyUser> r) {
                onWorker = QThread::currentThread() == &worker;
                name = r.ok() ? r->displayName : r.error().toString();
                ++calls;
            });
        },
        Qt::BlockingQueuedConnection);
    ASSERT_TRUE(spinUntil([&] { return calls.load() == 1; }));
    EXPECT_TRUE(onWorker.load());
    EXPECT_EQ(name, QStringLiteral("Test User"));
    QMetaObject::invokeMethod(
        home, [home] { delete home; }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
}

TEST_F(ClientsThreading, CancelFromAnotherThreadIsDeliveredOnTheClientsThread)
{
    fakes().faults().add(Fault::delayed(milliseconds(10000), QStringLiteral("^/v1/me$"), 1));
    QThread worker;
    worker.start();
    auto *home = new QObject;
    home->moveToThread(&worker);
    SpotifyConfig cfg = spotifyConfig();
    cfg.policy.onWait = nullptr;
    const SpotifyTokens tokens = issuedTokens();
    std::atomic<int> calls{0};
    std::atomic<bool> onWorker{false};
    std::atomic<bool> cancelled{false};
    RequestHandle handle;
    QMetaObject::invokeMethod(
        home,
        [&] {
            auto *nam = new QNetworkAccessManager(home);
            auto *client = new SpotifyClient(nam, cfg, tokens, home);
            handle = client->currentUser(home, [&](pb::Result<pb::SpotifyUser> r) {
                onWorker = QThread::currentThread() == &worker;
                cancelled = !r.ok() && r.error().kind == pb::ErrorKind::Cancelled;
                ++calls;
            });
        },
        Qt::BlockingQueuedConnection);
    ASSERT_TRUE(spinUntil([&] { return count(QStringLiteral("^/v1/me$")) == 1; }));
    handle.cancel(); // from the main thread
    ASSERT_TRUE(spinUntil([&] { return calls.load() == 1; }));
    EXPECT_TRUE(cancelled.load());
    EXPECT_TRUE(onWorker.load());
    EXPECT_TRUE(handle.isFinished());
    spin(100);
    EXPECT_EQ(calls.load(), 1);
    QMetaObject::invokeMethod(
        home, [home] { delete home; }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
}

TEST(ClientsConfig, EnvironmentOverridesBaseUrls)
{
    qputenv(kEnvSpotifyAccountsUrl, "http://127.0.0.1:1111");
    qputenv(kEnvSpotifyApiUrl, "http://127.0.0.1:2222");
    qputenv(kEnvPlexTvUrl, "http://127.0.0.1:3333");
    const SpotifyConfig s = SpotifyConfig::fromEnvironment(QStringLiteral("cid"));
    const PlexTvConfig t = PlexTvConfig::fromEnvironment({});
    qunsetenv(kEnvSpotifyAccountsUrl);
    qunsetenv(kEnvSpotifyApiUrl);
    qunsetenv(kEnvPlexTvUrl);
    EXPECT_EQ(s.accountsUrl.port(), 1111);
    EXPECT_EQ(s.apiUrl.port(), 2222);
    EXPECT_EQ(s.clientId, QStringLiteral("cid"));
    EXPECT_EQ(t.plexTvUrl.port(), 3333);
    EXPECT_EQ(SpotifyConfig::fromEnvironment().apiUrl.host(), QStringLiteral("api.spotify.com"));
}

TEST(ClientsConfig, ClientIdentifierIsStablePerInstall)
{
    const PlexClientInfo a = PlexClientInfo::forThisInstall();
    const PlexClientInfo b = PlexClientInfo::forThisInstall();
    EXPECT_FALSE(a.clientIdentifier.isEmpty());
    EXPECT_EQ(a.clientIdentifier, b.clientIdentifier);
    EXPECT_EQ(a.product, QStringLiteral("Playlist Bridge"));
}
