// SpotifyTokenVault: clients sharing one saved refresh token, which the fake Spotify rotates
// like the real one (a used refresh token is refused once its successor was issued).
#include "fakefixture.h"

#include "pb/clients/secretstore.h"
#include "pb/clients/spotifytokenvault.h"
#include "pb/core/filelock.h"

#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTest>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;
using std::chrono::milliseconds;

namespace {

/// The owner-only file store, with a hook run right after a read has taken its value (the
/// answer arrives later): a scripted "meanwhile, elsewhere".
class HookedStore : public FileSecretStore {
public:
    HookedStore(QString path, std::function<void()> &afterRead)
        : FileSecretStore(std::move(path)), m_hook(afterRead)
    {}
    void read(const QString &key, QObject *context, Callback<std::optional<QString>> done) override
    {
        FileSecretStore::read(key, context, std::move(done));
        if (m_hook)
            std::exchange(m_hook, {})();
    }

private:
    std::function<void()> &m_hook;
};

class ClientsTokenVault : public FakesTest {
protected:
    void SetUp() override
    {
        startFakes();
        ASSERT_TRUE(m_dir.isValid());
        SpotifyTokenVault::Options o;
        o.lockPath = m_dir.filePath(QStringLiteral("spotify-token.lock"));
        const QString secrets = m_dir.filePath(QStringLiteral("secrets.json"));
        o.makeStore = [this, secrets] { return std::make_unique<HookedStore>(secrets, m_afterRead); };
        o.maxWait = milliseconds(1500);
        m_vault = std::make_shared<SpotifyTokenVault>(o);
    }

    QString stored()
    {
        FileSecretStore store(m_dir.filePath(QStringLiteral("secrets.json")));
        auto r = await<std::optional<QString>>(
            [&](auto cb) { store.read(QString::fromLatin1(kSecretSpotifyRefreshToken), nullptr, cb); });
        return r.ok() && *r ? **r : QString();
    }

    void store(const QString &token)
    {
        FileSecretStore store(m_dir.filePath(QStringLiteral("secrets.json")));
        auto r = await<void>([&](auto cb) {
            store.write(QString::fromLatin1(kSecretSpotifyRefreshToken), token, nullptr, cb);
        });
        ASSERT_TRUE(r.ok());
    }

    /// A client as a process starts one: the saved refresh token, no access token yet.
    std::unique_ptr<SpotifyClient> fromSaved(const QString &refreshToken)
    {
        SpotifyTokens t;
        t.refreshToken = refreshToken;
        auto c = std::make_unique<SpotifyClient>(&m_nam, spotifyConfig(), t);
        c->setTokenVault(m_vault);
        return c;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<SpotifyTokenVault> m_vault;
    std::function<void()> m_afterRead; ///< runs once, after the vault's next read
};

} // namespace

TEST_F(ClientsTokenVault, TwoClientsRefreshingAtOnceTakeTurnsAndTheStoredTokenStaysValid)
{
    const QString saved = issuedTokens().refreshToken;
    store(saved);
    // A slow token endpoint: both refreshes are in progress at the same time.
    pb::fakes::Fault slow = pb::fakes::Fault::delayed(milliseconds(200), QStringLiteral("^/api/token$"), -1);
    ASSERT_TRUE(fakes().faults().add(slow));
    auto a = fromSaved(saved);
    auto b = fromSaved(saved);
    std::optional<pb::Result<pb::SpotifyUser>> ra, rb;
    QEventLoop loop;
    auto done = [&] {
        if (ra && rb)
            loop.quit();
    };
    a->currentUser(nullptr, [&](pb::Result<pb::SpotifyUser> r) {
        ra.emplace(std::move(r));
        done();
    });
    b->currentUser(nullptr, [&](pb::Result<pb::SpotifyUser> r) {
        rb.emplace(std::move(r));
        done();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(ra && rb);
    EXPECT_TRUE(ra->ok()) << ra->error().toString().toStdString();
    EXPECT_TRUE(rb->ok()) << rb->error().toString().toStdString();
    EXPECT_EQ(a->authState(), SpotifyClient::AuthState::SignedIn);
    EXPECT_EQ(b->authState(), SpotifyClient::AuthState::SignedIn);
    EXPECT_EQ(count(QStringLiteral("^/api/token$"), QStringLiteral("POST")), 2);
    // The second used the token the first stored, and stored its own successor.
    EXPECT_NE(stored(), saved);
    EXPECT_TRUE(stored() == a->tokens().refreshToken || stored() == b->tokens().refreshToken);
    fakes().faults().clear();
    auto c = fromSaved(stored());
    auto user = await<pb::SpotifyUser>([&](auto cb) { c->currentUser(nullptr, cb); });
    EXPECT_TRUE(user.ok()) << user.error().toString().toStdString();
}

TEST_F(ClientsTokenVault, AClientWithAnOldTokenUsesTheOneStoredSince)
{
    const QString first = issuedTokens().refreshToken;
    store(first);
    auto early = fromSaved(first);
    ASSERT_TRUE(await<pb::SpotifyUser>([&](auto cb) { early->currentUser(nullptr, cb); }).ok());
    ASSERT_NE(stored(), first); // rotated and stored
    // Another client still holding the first token (read before the rotation) is not signed out.
    auto late = fromSaved(first);
    auto user = await<pb::SpotifyUser>([&](auto cb) { late->currentUser(nullptr, cb); });
    EXPECT_TRUE(user.ok()) << user.error().toString().toStdString();
    EXPECT_EQ(late->tokens().refreshToken, stored());
}

TEST_F(ClientsTokenVault, ARefusedTokenIsAnsweredByReadingTheStoredOneOnceMore)
{
    const QString revoked = issuedTokens().refreshToken;
    store(revoked);
    // Just after the vault read the saved token, it is revoked and a sign-in elsewhere stores
    // a new one (sign-ins write without the lock).
    QString fresh;
    m_afterRead = [&] {
        fakes().revokeSpotifyRefreshToken(revoked);
        fresh = issuedTokens().refreshToken;
        store(fresh);
    };
    auto c = fromSaved(revoked);
    auto user = await<pb::SpotifyUser>([&](auto cb) { c->currentUser(nullptr, cb); });
    EXPECT_TRUE(user.ok()) << user.error().toString().toStdString();
    EXPECT_EQ(c->authState(), SpotifyClient::AuthState::SignedIn);
    EXPECT_EQ(count(QStringLiteral("^/api/token$"), QStringLiteral("POST")),
              2); // refused, then the fresh one
    EXPECT_FALSE(fresh.isEmpty());
    EXPECT_NE(stored(), fresh); // the fresh one was used and its successor stored
    EXPECT_EQ(stored(), c->tokens().refreshToken);
}

TEST_F(ClientsTokenVault, ARevokedTokenWithNothingNewerStoredStillAsksToReconnect)
{
    const QString revoked = issuedTokens().refreshToken;
    store(revoked);
    fakes().revokeSpotifyRefreshToken(revoked);
    auto c = fromSaved(revoked);
    auto user = await<pb::SpotifyUser>([&](auto cb) { c->currentUser(nullptr, cb); });
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(c->authState(), SpotifyClient::AuthState::ReconnectRequired);
    EXPECT_EQ(count(QStringLiteral("^/api/token$"), QStringLiteral("POST")), 1); // not tried twice
}

TEST_F(ClientsTokenVault, ALockHeldTooLongIsATimeoutNotASignOut)
{
    const QString saved = issuedTokens().refreshToken;
    store(saved);
    pb::FileLock other(m_vault->options().lockPath);
    ASSERT_EQ(other.tryLock(), pb::FileLock::State::Held);
    auto c = fromSaved(saved);
    auto user = await<pb::SpotifyUser>([&](auto cb) { c->currentUser(nullptr, cb); });
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::Timeout) << user.error().toString().toStdString();
    EXPECT_EQ(c->authState(), SpotifyClient::AuthState::SignedIn);
    EXPECT_EQ(count(QStringLiteral("^/api/token$")), 0);
    EXPECT_EQ(stored(), saved);
    // Released (as when its process dies): the next call goes through.
    other.unlock();
    EXPECT_TRUE(await<pb::SpotifyUser>([&](auto cb) { c->currentUser(nullptr, cb); }).ok());
}

TEST(FileLock, ExcludesASecondHolderAndIsFreeAgainOnceReleased)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/a.lock"));
    pb::FileLock a(path);
    pb::FileLock b(path);
    EXPECT_EQ(a.tryLock(), pb::FileLock::State::Held);
    EXPECT_EQ(b.tryLock(), pb::FileLock::State::Busy);
    {
        pb::FileLock c(path);
        EXPECT_EQ(c.tryLock(), pb::FileLock::State::Busy);
    }
    a.unlock();
    EXPECT_EQ(b.tryLock(), pb::FileLock::State::Held);
    pb::FileLock bad(dir.filePath(QStringLiteral("a-dir")));
    QDir().mkpath(dir.filePath(QStringLiteral("a-dir")));
    EXPECT_EQ(bad.tryLock(), pb::FileLock::State::Unavailable);
    EXPECT_FALSE(bad.errorString().isEmpty());
}
