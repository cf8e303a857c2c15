// SpotifyClient against the fake Spotify: paging, item shapes, tokens, and every fault the
// Web API can produce.
#include "fakefixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;
using pb::fakes::Fault;
using pb::fakes::FaultKind;
using std::chrono::milliseconds;

namespace {

class ClientsSpotify : public FakesTest {
protected:
    void SetUp() override { startFakes(); }

    pb::Result<pb::SpotifyUser> me(SpotifyClient &c)
    {
        return await<pb::SpotifyUser>([&](auto cb) { c.currentUser(nullptr, cb); });
    }
    pb::Result<std::vector<pb::PlaylistEntry>> entries(SpotifyClient &c, const QString &id)
    {
        return await<std::vector<pb::PlaylistEntry>>([&](auto cb) { c.playlistEntries(id, nullptr, cb); });
    }
};

} // namespace

TEST_F(ClientsSpotify, CurrentUser)
{
    auto c = spotify();
    auto user = me(*c);
    ASSERT_TRUE(user.ok()) << user.error().toString().toStdString();
    EXPECT_EQ(user->id, QStringLiteral("me"));
    EXPECT_EQ(user->displayName, QStringLiteral("Test User"));
}

TEST_F(ClientsSpotify, AllPlaylistsAcrossPages)
{
    auto c = spotify();
    auto lists = await<std::vector<pb::SourcePlaylist>>([&](auto cb) { c->playlists(nullptr, cb); });
    ASSERT_TRUE(lists.ok()) << lists.error().toString().toStdString();
    ASSERT_EQ(lists->size(), 125u);
    EXPECT_EQ(lists->front().id, QStringLiteral("big"));
    EXPECT_EQ(lists->back().id, QStringLiteral("filler119"));
    EXPECT_EQ(count(QStringLiteral("^/v1/me/playlists$")), 3); // 50 + 50 + 25
    const auto mixed =
        std::find_if(lists->begin(), lists->end(), [](auto &p) { return p.id == QLatin1String("mixed"); });
    ASSERT_NE(mixed, lists->end());
    EXPECT_TRUE(mixed->imageUrl.isEmpty()); // images: null
    EXPECT_EQ(mixed->trackCount, 5);
}

TEST_F(ClientsSpotify, EntriesAcrossPagesInOrder)
{
    auto c = spotify();
    auto big = entries(*c, QStringLiteral("big"));
    ASSERT_TRUE(big.ok()) << big.error().toString().toStdString();
    ASSERT_EQ(big->size(), 137u);
    for (int i = 0; i < 137; ++i) {
        EXPECT_EQ((*big)[static_cast<size_t>(i)].position, i);
        EXPECT_EQ((*big)[static_cast<size_t>(i)].track.id,
                  QStringLiteral("trk%1").arg(i, 4, 10, QLatin1Char('0')));
    }
    EXPECT_EQ(big->back().track.isrc, QStringLiteral("USABC0000136"));
    EXPECT_EQ(count(QStringLiteral("^/v1/playlists/big/items$")), 3);
}

TEST_F(ClientsSpotify, PagingEdges)
{
    auto c = spotify();
    auto empty = entries(*c, QStringLiteral("empty"));
    ASSERT_TRUE(empty.ok()) << empty.error().toString().toStdString();
    EXPECT_TRUE(empty->empty());
    EXPECT_EQ(count(QStringLiteral("^/v1/playlists/empty/items$")), 1);

    auto exact = entries(*c, QStringLiteral("exact"));
    ASSERT_TRUE(exact.ok());
    EXPECT_EQ(exact->size(), 100u);
    EXPECT_EQ(count(QStringLiteral("^/v1/playlists/exact/items$")), 2); // no third, empty page

    SpotifyConfig one = spotifyConfig();
    one.pageSize = 1;
    auto c1 = spotify(one);
    auto mixed = entries(*c1, QStringLiteral("mixed"));
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(mixed->size(), 5u);
    EXPECT_EQ(count(QStringLiteral("^/v1/playlists/mixed/items$")), 5);
}

TEST_F(ClientsSpotify, LocalFilesEpisodesAndNullItemsSurviveWithReasons)
{
    auto c = spotify();
    auto mixed = entries(*c, QStringLiteral("mixed"));
    ASSERT_TRUE(mixed.ok()) << mixed.error().toString().toStdString();
    ASSERT_EQ(mixed->size(), 5u);
    EXPECT_EQ((*mixed)[0].skipReason, pb::SkipReason::None);
    EXPECT_EQ((*mixed)[0].track.name, QStringLiteral("Song 1"));
    EXPECT_EQ((*mixed)[1].skipReason, pb::SkipReason::Unavailable);
    EXPECT_EQ((*mixed)[2].skipReason, pb::SkipReason::LocalFile);
    EXPECT_EQ((*mixed)[2].track.name, QStringLiteral("Home Recording"));
    EXPECT_EQ((*mixed)[3].skipReason, pb::SkipReason::Episode);
    EXPECT_EQ((*mixed)[4].track.name, QStringLiteral("Song 2"));
    EXPECT_EQ((*mixed)[4].position, 4);
}

TEST_F(ClientsSpotify, NotOwnedPlaylistIsForbiddenWithExplanation)
{
    auto c = spotify();
    auto r = entries(*c, QStringLiteral("followed"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Forbidden);
    EXPECT_EQ(r.error().httpStatus, 403);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("own or collaborate on")));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("make a copy")));
}

TEST_F(ClientsSpotify, PlaylistMetadataAndLikedSongs)
{
    auto c = spotify();
    auto p =
        await<pb::SourcePlaylist>([&](auto cb) { c->playlist(QStringLiteral("followed"), nullptr, cb); });
    ASSERT_TRUE(p.ok()) << p.error().toString().toStdString();
    EXPECT_EQ(p->ownerId, QStringLiteral("someone"));
    auto liked = await<std::vector<pb::PlaylistEntry>>([&](auto cb) { c->likedSongs(nullptr, cb); });
    ASSERT_TRUE(liked.ok()) << liked.error().toString().toStdString();
    ASSERT_EQ(liked->size(), 60u);
    EXPECT_EQ(liked->at(59).track.id, QStringLiteral("trk0059"));
}

TEST_F(ClientsSpotify, ExpiredAccessTokenRefreshedOnceAfter401)
{
    auto c = spotify();
    QSignalSpy changed(c.get(), &SpotifyClient::tokensChanged);
    const QString oldRefresh = c->tokens().refreshToken;
    fakes().expireSpotifyAccessTokens();
    auto user = me(*c);
    ASSERT_TRUE(user.ok()) << user.error().toString().toStdString();
    EXPECT_EQ(count(QStringLiteral("^/api/token$"), QStringLiteral("POST")), 1);
    EXPECT_EQ(count(QStringLiteral("^/v1/me$")), 2); // 401, then the retry
    EXPECT_EQ(changed.count(), 1);
    EXPECT_NE(c->tokens().refreshToken, oldRefresh); // rotated
}

TEST_F(ClientsSpotify, TokenRefreshedBeforeExpiry)
{
    SpotifyTokens t = issuedTokens();
    t.expiresAt = QDateTime::currentDateTimeUtc().addSecs(20); // inside the 60 s margin
    SpotifyClient c(&m_nam, spotifyConfig(), t);
    auto user = me(c);
    ASSERT_TRUE(user.ok());
    EXPECT_EQ(count(QStringLiteral("^/api/token$")), 1);
    EXPECT_EQ(count(QStringLiteral("^/v1/me$")), 1); // no 401 round trip
    EXPECT_GT(c.tokens().expiresAt, QDateTime::currentDateTimeUtc().addSecs(600));
}

TEST_F(ClientsSpotify, SecondConsecutive401IsAuthRequiredNotALoop)
{
    auto c = spotify();
    fakes().faults().add(Fault::httpStatus(401, QStringLiteral("^/v1/me$"), 5,
                                           R"({"error":{"status":401,"message":"Invalid access token"}})"));
    auto user = me(*c);
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(count(QStringLiteral("^/v1/me$")), 2);
    EXPECT_EQ(count(QStringLiteral("^/api/token$")), 1);
}

TEST_F(ClientsSpotify, InvalidGrantMeansReconnect)
{
    auto c = spotify();
    QSignalSpy reconnect(c.get(), &SpotifyClient::reconnectRequired);
    fakes().revokeSpotifyRefreshToken(c->tokens().refreshToken);
    fakes().expireSpotifyAccessTokens();
    auto user = me(*c);
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(user.error().code, QStringLiteral("invalid_grant"));
    EXPECT_TRUE(user.error().message.contains(QStringLiteral("Reconnect Spotify")));
    EXPECT_EQ(reconnect.count(), 1);
    EXPECT_EQ(c->authState(), SpotifyClient::AuthState::ReconnectRequired);
    // Later calls fail at once, without touching the network.
    const int before = static_cast<int>(fakes().requestLog().size());
    auto again = me(*c);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(static_cast<int>(fakes().requestLog().size()), before);
}

TEST_F(ClientsSpotify, RateLimitHonoursRetryAfter)
{
    auto c = spotify();
    fakes().faults().add(Fault::spotifyRateLimit(2, QStringLiteral("^/v1/me$"), 1));
    auto user = me(*c);
    ASSERT_TRUE(user.ok()) << user.error().toString().toStdString();
    ASSERT_EQ(m_waits.size(), 1u);
    EXPECT_EQ(m_waits[0], milliseconds(2000)); // nominal wait = Retry-After
    EXPECT_EQ(m_waitReasons[0], ErrorKind::RateLimited);
    EXPECT_EQ(count(QStringLiteral("^/v1/me$")), 2);
}

TEST_F(ClientsSpotify, RetryAfterBeyondTheLimitFailsWithRetryAfter)
{
    SpotifyConfig cfg = spotifyConfig();
    cfg.policy.maxRetryAfter = milliseconds(5000);
    auto c = spotify(cfg);
    fakes().faults().add(Fault::spotifyRateLimit(30, QStringLiteral("^/v1/me$"), 1));
    auto user = me(*c);
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::RateLimited);
    ASSERT_TRUE(user.error().retryAfter.has_value());
    EXPECT_EQ(*user.error().retryAfter, milliseconds(30000));
}

TEST_F(ClientsSpotify, QuotaExceededIsReportedNotRetried)
{
    auto c = spotify();
    fakes().faults().add(Fault::spotifyRateLimit(1, QStringLiteral("^/v1/me$"), 3, true));
    auto user = me(*c);
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::QuotaExceeded);
    EXPECT_EQ(count(QStringLiteral("^/v1/me$")), 1);
    EXPECT_TRUE(m_waits.empty());
}

TEST_F(ClientsSpotify, ServerErrorsThenSuccess)
{
    auto c = spotify();
    fakes().faults().add(Fault::httpStatus(503, QStringLiteral("^/v1/playlists/big/items$"), 2));
    auto big = entries(*c, QStringLiteral("big"));
    ASSERT_TRUE(big.ok()) << big.error().toString().toStdString();
    EXPECT_EQ(big->size(), 137u);
    EXPECT_EQ(m_waits.size(), 2u);
    EXPECT_LT(m_waits[0], m_waits[1] + milliseconds(1)); // backoff does not shrink... on average
}

TEST_F(ClientsSpotify, ServerErrorsBeyondRetriesFail)
{
    auto c = spotify();
    fakes().faults().add(Fault::httpStatus(500, QStringLiteral("^/v1/me$"), -1));
    auto user = me(*c);
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.error().kind, ErrorKind::HttpStatus);
    EXPECT_EQ(user.error().httpStatus, 500);
    EXPECT_EQ(count(QStringLiteral("^/v1/me$")), 4); // 1 + maxRetries (3)
}

TEST_F(ClientsSpotify, TimeoutIsRetriedThenReported)
{
    SpotifyConfig cfg = spotifyConfig();
    cfg.policy.transferTimeout = milliseconds(300);
    auto c = spotify(cfg);
    fakes().faults().add(Fault::withKind(FaultKind::Timeout, QStringLiteral("^/v1/me$"), 1));
    auto ok = me(*c);
    ASSERT_TRUE(ok.ok()) << ok.error().toString().toStdString();
    ASSERT_FALSE(m_waitReasons.empty());
    EXPECT_EQ(m_waitReasons[0], ErrorKind::Timeout);

    cfg.policy.maxRetries = 0;
    auto c0 = spotify(cfg);
    fakes().faults().add(Fault::withKind(FaultKind::Timeout, QStringLiteral("^/v1/me$"), 1));
    auto timedOut = me(*c0);
    ASSERT_FALSE(timedOut.ok());
    EXPECT_EQ(timedOut.error().kind, ErrorKind::Timeout);
}

TEST_F(ClientsSpotify, ConnectionResetMidBody)
{
    SpotifyConfig cfg = spotifyConfig();
    cfg.policy.maxRetries = 0;
    auto c = spotify(cfg);
    fakes().faults().add(Fault::withKind(FaultKind::Reset, QStringLiteral("^/v1/playlists/big/items$"), 1));
    auto r = entries(*c, QStringLiteral("big"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Network) << r.error().toString().toStdString();

    auto retrying = spotify();
    fakes().faults().add(Fault::withKind(FaultKind::Reset, QStringLiteral("^/v1/playlists/big/items$"), 1));
    auto ok = entries(*retrying, QStringLiteral("big"));
    ASSERT_TRUE(ok.ok()) << ok.error().toString().toStdString();
    EXPECT_EQ(ok->size(), 137u);
}

TEST_F(ClientsSpotify, MalformedJsonIsParseError)
{
    auto c = spotify();
    fakes().faults().add(Fault::withKind(FaultKind::Malformed, QStringLiteral("^/v1/me/playlists$"), 1));
    auto r = await<std::vector<pb::SourcePlaylist>>([&](auto cb) { c->playlists(nullptr, cb); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Parse);
}

TEST_F(ClientsSpotify, HtmlWhereJsonExpectedIsParseError)
{
    auto c = spotify();
    fakes().faults().add(Fault::withKind(FaultKind::Html, QStringLiteral("^/v1/me$"), 1));
    auto r = me(*c);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Parse);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("HTML"))) << r.error().message.toStdString();
}

TEST_F(ClientsSpotify, CancelMidRequestIsPrompt)
{
    auto c = spotify();
    fakes().faults().add(Fault::delayed(milliseconds(10000), QStringLiteral("^/v1/me$"), 1));
    int calls = 0;
    std::optional<pb::Result<pb::SpotifyUser>> result;
    RequestHandle h = c->currentUser(nullptr, [&](pb::Result<pb::SpotifyUser> r) {
        ++calls;
        result.emplace(std::move(r));
    });
    spin(100); // the request is in flight at the fake
    QElapsedTimer timer;
    timer.start();
    h.cancel();
    const qint64 elapsed = timer.elapsed();
    ASSERT_EQ(calls, 1);
    EXPECT_EQ(result->error().kind, ErrorKind::Cancelled);
    EXPECT_LT(elapsed, 250); // the product's cancel bound, measured generously
    spin(200);
    EXPECT_EQ(calls, 1); // nothing after the cancellation
}

TEST_F(ClientsSpotify, DestroyedContextGetsNoCallback)
{
    auto c = spotify();
    fakes().faults().add(Fault::delayed(milliseconds(300), QStringLiteral("^/v1/me$"), 1));
    int calls = 0;
    auto *context = new QObject;
    RequestHandle h = c->currentUser(context, [&](pb::Result<pb::SpotifyUser>) { ++calls; });
    spin(50);
    delete context;
    spin(500);
    EXPECT_EQ(calls, 0);
    EXPECT_TRUE(h.isFinished());
}

TEST_F(ClientsSpotify, TokensNeverInErrorsOrLogs)
{
    auto c = spotify();
    const QString token = c->tokens().accessToken;
    fakes().faults().add(Fault::httpStatus(500, QStringLiteral("^/v1/me$"), -1));
    auto r = me(*c);
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(r.error().toString().contains(token));
    // The bearer token travels in the header only, never in a URL.
    for (const auto &req : fakes().requestLog())
        EXPECT_FALSE(req.query.contains(token));
}

TEST_F(ClientsSpotify, DestroyingTheClientMeansNoCallback)
{
    int calls = 0;
    auto c = spotify();
    fakes().faults().add(Fault::delayed(milliseconds(2000), QStringLiteral("^/v1/me$"), 1));
    c->currentUser(nullptr, [&](pb::Result<pb::SpotifyUser>) { ++calls; });
    spin(50);
    c.reset();
    spin(100);
    EXPECT_EQ(calls, 0);

    // Also while the call waits for a token refresh.
    auto refreshing = spotify();
    fakes().expireSpotifyAccessTokens();
    fakes().faults().add(Fault::delayed(milliseconds(2000), QStringLiteral("^/api/token$"), 1));
    SpotifyTokens stale = refreshing->tokens();
    stale.expiresAt = QDateTime::currentDateTimeUtc();
    refreshing->setTokens(stale);
    refreshing->currentUser(nullptr, [&](pb::Result<pb::SpotifyUser>) { ++calls; });
    spin(50);
    refreshing.reset();
    spin(100);
    EXPECT_EQ(calls, 0);
}

TEST_F(ClientsSpotify, OversizedAnswerIsRefused)
{
    SpotifyConfig cfg = spotifyConfig();
    cfg.policy.maxResponseBytes = 1024 * 1024;
    auto c = spotify(cfg);
    fakes().faults().add(
        Fault::httpStatus(200, QStringLiteral("^/v1/me$"), 1, QByteArray(3 * 1024 * 1024, ' ')));
    auto r = me(*c);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Parse);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("larger than 1 MB")))
        << r.error().message.toStdString();
}

TEST_F(ClientsSpotify, TokensSetDuringARefreshWin)
{
    auto c = spotify();
    SpotifyTokens stale = c->tokens();
    stale.expiresAt = QDateTime::currentDateTimeUtc(); // forces a refresh before the call
    c->setTokens(stale);
    fakes().faults().add(Fault::delayed(milliseconds(300), QStringLiteral("^/api/token$"), 1));
    std::optional<pb::Result<pb::SpotifyUser>> result;
    c->currentUser(nullptr, [&](pb::Result<pb::SpotifyUser> r) { result.emplace(std::move(r)); });
    spin(50);
    const SpotifyTokens fresh = issuedTokens(); // a new sign-in while the refresh runs
    c->setTokens(fresh);
    for (int i = 0; i < 200 && !result; ++i)
        spin(10);
    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(result->ok()) << result->error().toString().toStdString();
    EXPECT_EQ(c->tokens().refreshToken, fresh.refreshToken);
    EXPECT_EQ(c->tokens().accessToken, fresh.accessToken);
}
