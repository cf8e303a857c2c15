// The short-read guard: a read that looks short never removes anything from Plex.
#include "syncfixture.h"

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

class SyncShrinkTest : public SyncFixture {
protected:
    void SetUp() override { startWorld(smallWorld(10, {}, {0, 1, 2, 3, 4, 5})); }

    /// Syncs once so the playlist is linked and in Plex.
    QString linkedPlexPlaylist()
    {
        const SyncResult r = sync();
        EXPECT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
        EXPECT_EQ(plexItems(r.plexPlaylistRatingKey).size(), 6);
        return r.plexPlaylistRatingKey;
    }

    void expectStoppedAndUntouched(const SyncResult &r, const QString &ratingKey, const char *reason)
    {
        EXPECT_EQ(r.outcome, SyncOutcome::Failed);
        ASSERT_TRUE(r.error);
        EXPECT_EQ(r.error->kind, ErrorKind::ShortRead);
        EXPECT_TRUE(r.message.contains(QString::fromUtf8(reason))) << r.message.toStdString();
        EXPECT_TRUE(r.plexPlaylistUnchanged);
        EXPECT_EQ(plexItems(ratingKey), expectedKeys({0, 1, 2, 3, 4, 5}, {}));
        EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/playlists/[^/]+/items"), QStringLiteral("DELETE")),
                  0);
        EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/playlists/[^/]+/items"), QStringLiteral("PUT")), 0);
    }
};

// Spotify's 2026 answer for a playlist it will not serve: 200, the metadata with its total, and
// no tracks. It must never read as "the playlist is now empty".
TEST_F(SyncShrinkTest, AnEmpty200FromSpotifyForALinkedPlaylistLeavesThePlexPlaylistUntouched)
{
    const QString key = linkedPlexPlaylist();
    m_fakes->clearRequestLog();
    m_fakes->faults().add(fakes::Fault::httpStatus(
        200, QStringLiteral("^/v1/playlists/pl1/items"), -1,
        R"({"href":"x","items":[],"limit":50,"next":null,"offset":0,"previous":null,"total":0})"));
    const SyncResult r = sync();
    expectStoppedAndUntouched(r, key, "says \"Road Trip\" has 6 tracks but gave 0");
    // The link still names the good state: the next good read is a normal sync.
    auto link = store()->link(PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_TRUE(link.ok() && link->has_value());
    EXPECT_EQ((*link)->plexRatingKey, key);
}

TEST_F(SyncShrinkTest, NoEntriesWhereTheLastSyncHadSomeStopsEvenWhenTheTotalAgrees)
{
    const QString key = linkedPlexPlaylist();
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {}));
    m_fakes->clearRequestLog();
    const SyncResult r = sync();
    expectStoppedAndUntouched(r, key, "gave no tracks for \"Road Trip\", which had 6 at its last sync");

    // Asked to go on (the GUI's "Sync anyway", the CLI's --allow-shrink), it empties it.
    SyncOptions allow;
    allow.allowShrink = true;
    const SyncResult forced = sync(allow);
    EXPECT_EQ(forced.outcome, SyncOutcome::Succeeded) << forced.message.toStdString();
    EXPECT_TRUE(plexItems(key).isEmpty());
}

TEST_F(SyncShrinkTest, ADeclaredTotalThatDisagreesWithTheEntriesStops)
{
    const QString key = linkedPlexPlaylist();
    // A page lost on the way: the last page of items answers empty while the total says 6.
    m_fakes->faults().add(fakes::Fault::httpStatus(
        200, QStringLiteral("^/v1/playlists/pl1/items"), -1,
        R"({"href":"x","items":[],"limit":50,"next":null,"offset":0,"previous":null,"total":6})"));
    m_fakes->clearRequestLog();
    const SyncResult r = sync();
    expectStoppedAndUntouched(r, key, "has 6 tracks but gave 0");
}

TEST_F(SyncShrinkTest, RemovingMoreThanHalfThePlexPlaylistStopsUnlessAllowed)
{
    const QString key = linkedPlexPlaylist();
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(0), sid(7)}));
    m_fakes->clearRequestLog();
    const SyncResult r = sync();
    expectStoppedAndUntouched(r, key, "would remove 5 of the 6 tracks");

    // Half exactly is a normal edit.
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(0), sid(1), sid(2), sid(8)}));
    const SyncResult half = sync();
    EXPECT_EQ(half.outcome, SyncOutcome::Succeeded) << half.message.toStdString();
    EXPECT_EQ(plexItems(key), expectedKeys({0, 1, 2, 8}, {}));

    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(9)}));
    SyncOptions allow;
    allow.allowShrink = true;
    const SyncResult forced = sync(allow);
    EXPECT_EQ(forced.outcome, SyncOutcome::Succeeded) << forced.message.toStdString();
    EXPECT_EQ(plexItems(key), expectedKeys({9}, {}));
}

TEST_F(SyncShrinkTest, ADryRunReportsTheEditWithoutStopping)
{
    const QString key = linkedPlexPlaylist();
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(0)}));
    SyncOptions dry;
    dry.dryRun = true;
    const SyncResult r = sync(dry);
    EXPECT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(r.edit.removed, 5);
    EXPECT_EQ(plexItems(key).size(), 6);
}

} // namespace
