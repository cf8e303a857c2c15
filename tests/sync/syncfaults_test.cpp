// The outside world misbehaving during a sync: every fault ends in a correct playlist or a
// clear error, never a half-written playlist; the next clean sync converges.
#include "syncfixture.h"

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

std::vector<int> range(int n)
{
    std::vector<int> v;
    for (int i = 0; i < n; ++i)
        v.push_back(i);
    return v;
}

class SyncFaultsTest : public SyncFixture {
protected:
    void SetUp() override {}
    void start(int tracks = 24, fakes::FakeOptions options = {})
    {
        m_list = range(tracks);
        startWorld(smallWorld(tracks + 4, {}, m_list), options);
    }
    QStringList wanted() const { return expectedKeys(m_list, {}); }
    void reorder(std::vector<int> order)
    {
        m_list = std::move(order);
        std::vector<QString> ids;
        for (int i : m_list)
            ids.push_back(sid(i));
        ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), ids));
    }
    static const QString kSearch;
    std::vector<int> m_list;
};
const QString SyncFaultsTest::kSearch = QStringLiteral("^/library/sections/[^/]+/all");

TEST_F(SyncFaultsTest, PlexRateLimitStormIsWaitedOut)
{
    start();
    fakes::Fault f = fakes::Fault::httpStatus(429, kSearch, 6);
    f.headers.append({QByteArray("Retry-After"), QByteArray("1")});
    m_fakes->faults().add(f);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), wanted());
}

TEST_F(SyncFaultsTest, ServerErrorsAreRetried)
{
    start();
    m_fakes->faults().add(fakes::Fault::httpStatus(503, kSearch, 2));
    m_fakes->faults().add(fakes::Fault::httpStatus(500, QStringLiteral("^/v1/playlists/pl1/items"), 1));
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), wanted());
}

TEST_F(SyncFaultsTest, TimeoutsAndResetsAreRetried)
{
    start();
    m_fakes->faults().add(fakes::Fault::withKind(fakes::FaultKind::Timeout, kSearch, 1));
    m_fakes->faults().add(fakes::Fault::withKind(fakes::FaultKind::Reset, kSearch, 2));
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), wanted());
}

TEST_F(SyncFaultsTest, MalformedBodyIsAClearErrorAndNothingIsWritten)
{
    start();
    m_fakes->faults().add(fakes::Fault::withKind(fakes::FaultKind::Malformed, kSearch, -1));
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Failed);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->kind, ErrorKind::Parse) << r.message.toStdString();
    EXPECT_FALSE(r.message.isEmpty());
    EXPECT_TRUE(m_fakes->plexPlaylists().empty());
    m_fakes->faults().clear();
    const SyncResult again = sync();
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(plexItems(again.plexPlaylistRatingKey), wanted());
}

TEST_F(SyncFaultsTest, HtmlErrorPageFromSpotifyIsAClearError)
{
    start();
    m_fakes->faults().add(
        fakes::Fault::withKind(fakes::FaultKind::Html, QStringLiteral("^/v1/playlists/pl1/items"), -1));
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Failed);
    EXPECT_TRUE(m_fakes->plexPlaylists().empty());
}

TEST_F(SyncFaultsTest, ExpiredSpotifyTokenIsRefreshedMidSync)
{
    start();
    m_fakes->expireSpotifyAccessTokens();
    QSignalSpy tokens(m_service.get(), &SyncService::spotifyTokensChanged);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_GE(m_fakes->requestCount(QStringLiteral("^/api/token"), QStringLiteral("POST")), 1);
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), wanted());
    QCoreApplication::processEvents();
    EXPECT_GE(tokens.count(), 1);
}

TEST_F(SyncFaultsTest, RevokedSpotifyAccessIsAnAuthError)
{
    start();
    m_fakes->expireSpotifyAccessTokens();
    m_fakes->revokeSpotifyRefreshToken(m_service->accounts().spotifyTokens.refreshToken);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Failed);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->kind, ErrorKind::AuthRequired) << r.message.toStdString();
}

TEST_F(SyncFaultsTest, LongWritesAreChunkedPast414)
{
    fakes::FakeOptions o;
    o.maxRequestLineLength = 1400;
    start(300, o);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), wanted());
}

TEST_F(SyncFaultsTest, FailedMoveRollsBackThenNextSyncConverges)
{
    start();
    const SyncResult first = sync();
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    const QStringList before = plexItems(first.plexPlaylistRatingKey);
    std::vector<int> order = m_list;
    std::reverse(order.begin(), order.end());
    reorder(order);
    // A permanent refusal (moves are idempotent, so a 5xx would just be retried).
    fakes::Fault f = fakes::Fault::httpStatus(400, QStringLiteral("/items/\\d+/move"), 1);
    f.method = QStringLiteral("PUT");
    f.skip = 3;
    m_fakes->faults().add(f);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Failed);
    EXPECT_TRUE(r.plexPlaylistUnchanged) << r.message.toStdString();
    EXPECT_EQ(plexItems(first.plexPlaylistRatingKey), before);
    const SyncResult again = sync();
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(again.plexPlaylistRatingKey, first.plexPlaylistRatingKey);
    EXPECT_EQ(plexItems(first.plexPlaylistRatingKey), wanted());
}

TEST_F(SyncFaultsTest, FailedAppendDuringCreateLeavesNoHalfPlaylist)
{
    fakes::FakeOptions o;
    o.maxRequestLineLength = 1400; // forces create + appends
    start(300, o);
    fakes::Fault f = fakes::Fault::httpStatus(500, QStringLiteral("^/playlists/\\d+/items$"), 1);
    f.method = QStringLiteral("PUT");
    m_fakes->faults().add(f);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Failed) << r.message.toStdString();
    EXPECT_TRUE(r.plexPlaylistUnchanged);
    EXPECT_TRUE(m_fakes->plexPlaylists().empty());
    const SyncResult again = sync();
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(plexItems(again.plexPlaylistRatingKey), wanted());
}

} // namespace
