// Keeping tracks added by hand in Plex: what the sync did not put into its Plex playlist stays,
// in place, while the synced tracks follow the source. Hand-adding goes through Plex's own HTTP
// API (PlexClient against the Plex fake), as Plex Web or another app would do it.
#include "handadded.h"
#include "pb/clients/plexclient.h"
#include "syncfixture.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

std::vector<CurrentItem> items(const QStringList &keys)
{
    std::vector<CurrentItem> out;
    qint64 id = 1;
    for (const QString &k : keys)
        out.push_back({id++, k});
    return out;
}

QStringList keys(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

TEST(MergeHandAdded, KeptItemsFollowTheSyncedItemTheyFollowedOrItsPredecessorWhenThatGoes)
{
    // h1 followed b, which the source dropped: it follows a, the synced item before b.
    // h2 was at the top and stays there; h3 followed c and still does, though c moved.
    const HandAddedMerge m = mergeHandAdded(
        items(keys("h2 a b h1 c h3")), keys("c a d"),
        OwnedItems{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}, {QStringLiteral("c"), 1}});
    EXPECT_EQ(m.wanted, keys("h2 c h3 a h1 d"));
    EXPECT_EQ(m.kept, 3);
}

TEST(MergeHandAdded, DuplicatesBeyondWhatTheSyncWroteAreHandAdded)
{
    // The sync wrote one "a"; a second "a" was added by hand and stays.
    const HandAddedMerge m = mergeHandAdded(items(keys("a b a")), keys("b a"),
                                            OwnedItems{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}});
    EXPECT_EQ(m.wanted, keys("b a a"));
    EXPECT_EQ(m.kept, 1);
}

TEST(MergeHandAdded, AHandAddedTrackTheSourceNowHoldsIsNotDoubled)
{
    const HandAddedMerge m =
        mergeHandAdded(items(keys("a h")), keys("a h"), OwnedItems{{QStringLiteral("a"), 1}});
    EXPECT_EQ(m.wanted, keys("a h"));
    EXPECT_EQ(m.kept, 0);
}

TEST(MergeHandAdded, WithoutARecordedSyncEverythingNotWantedIsKept)
{
    const HandAddedMerge m = mergeHandAdded(items(keys("x a y")), keys("a"), std::nullopt);
    EXPECT_EQ(m.wanted, keys("x a y"));
    EXPECT_EQ(m.kept, 2);
}

class SyncKeepTest : public SyncFixture {
protected:
    void SetUp() override { startWorld(smallWorld(10, {}, {0, 1, 2, 3})); }

    static SyncOptions keep(bool on = true)
    {
        SyncOptions o;
        o.keepHandAdded = on;
        return o;
    }

    /// Adds `ratingKey` to the Plex playlist by hand, after the item holding `after` (or at the end).
    void handAdd(const QString &playlist, const QString &ratingKey, const QString &after = {})
    {
        QNetworkAccessManager nam;
        clients::PlexConfig c;
        c.serverUrl = m_fakes->plexServerUrl();
        c.token = m_fakes->plexServerToken();
        c.client.clientIdentifier = QStringLiteral("plex-web");
        c.policy.delayScale = 0.01;
        clients::PlexClient plex(&nam, c);
        QEventLoop loop;
        bool ok = false;
        plex.addItems(playlist, m_fakes->plexMachineIdentifier(), {ratingKey}, &loop, [&](Status s) {
            ok = s.ok();
            loop.quit();
        });
        loop.exec();
        ASSERT_TRUE(ok);
        if (after.isEmpty())
            return;
        std::vector<PlexPlaylistItem> now;
        plex.playlistItems(playlist, &loop, [&](Result<std::vector<PlexPlaylistItem>> r) {
            if (r)
                now = *r;
            loop.quit();
        });
        loop.exec();
        ASSERT_FALSE(now.empty());
        std::optional<qint64> afterId;
        for (const PlexPlaylistItem &i : now)
            if (i.track.ratingKey == after && !afterId)
                afterId = i.playlistItemId;
        ASSERT_TRUE(afterId);
        ok = false;
        plex.moveItem(playlist, now.back().playlistItemId, afterId, &loop, [&](Status s) {
            ok = s.ok();
            loop.quit();
        });
        loop.exec();
        ASSERT_TRUE(ok);
    }
};

TEST_F(SyncKeepTest, HandAddedTracksSurviveASyncThatReordersAndDropsTracks)
{
    const SyncResult first = sync(keep());
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    const QString pl = first.plexPlaylistRatingKey;
    handAdd(pl, rk(7), rk(1)); // after a track the source will drop
    handAdd(pl, rk(8));        // at the end, after rk(3)
    ASSERT_EQ(plexItems(pl), QStringList({rk(0), rk(1), rk(7), rk(2), rk(3), rk(8)}));

    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(3), sid(2), sid(0), sid(5)}));
    const SyncResult r = sync(keep());
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(pl), QStringList({rk(3), rk(8), rk(2), rk(0), rk(7), rk(5)}));
    EXPECT_EQ(r.edit.removed, 1); // rk(1), which the sync had put there
    EXPECT_TRUE(r.message.contains(QStringLiteral("kept 2 tracks added in Plex by hand")))
        << r.message.toStdString();

    // The next sync finds nothing to do and still keeps them.
    const SyncResult again = sync(keep());
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(again.edit.added + again.edit.removed + again.edit.moved, 0);
    EXPECT_EQ(plexItems(pl), QStringList({rk(3), rk(8), rk(2), rk(0), rk(7), rk(5)}));
}

TEST_F(SyncKeepTest, OffTheSyncMirrorsTheSourceAndRemovesHandAddedTracks)
{
    const SyncResult first = sync();
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    const QString pl = first.plexPlaylistRatingKey;
    handAdd(pl, rk(7), rk(1));
    const SyncResult r = sync(keep(false));
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(pl), expectedKeys({0, 1, 2, 3}, {}));
    EXPECT_EQ(r.edit.removed, 1);
}

TEST_F(SyncKeepTest, ADryRunCountsOnlyTheRemovalsOfSyncedTracks)
{
    const QString pl = sync(keep()).plexPlaylistRatingKey;
    handAdd(pl, rk(9));
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(0), sid(1), sid(2)}));
    SyncOptions o = keep();
    o.dryRun = true;
    const SyncResult r = sync(o);
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(r.edit.removed, 1);
    EXPECT_EQ(r.edit.added, 0);
    EXPECT_EQ(plexItems(pl), QStringList({rk(0), rk(1), rk(2), rk(3), rk(9)}));
}

TEST_F(SyncKeepTest, ATrackAnEarlierSyncAddedIsRemovedWhenTheSourceDropsIt)
{
    // rk(4) came in with the second sync, after the hand-added rk(9): it is the sync's, so it
    // goes when the source drops it, and rk(9) stays.
    const QString pl = sync(keep()).plexPlaylistRatingKey;
    handAdd(pl, rk(9));
    ASSERT_TRUE(
        m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(0), sid(1), sid(2), sid(3), sid(4)}));
    ASSERT_EQ(sync(keep()).outcome, SyncOutcome::Succeeded);
    ASSERT_EQ(plexItems(pl), QStringList({rk(0), rk(1), rk(2), rk(3), rk(9), rk(4)}));
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(0), sid(1), sid(2), sid(3)}));
    const SyncResult r = sync(keep());
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(pl), QStringList({rk(0), rk(1), rk(2), rk(3), rk(9)}));
}

TEST_F(SyncKeepTest, TurningTheOptionOffRemovesWhatItKeptAtTheNextSync)
{
    const QString pl = sync(keep()).plexPlaylistRatingKey;
    handAdd(pl, rk(9), rk(0));
    ASSERT_EQ(sync(keep()).outcome, SyncOutcome::Succeeded);
    ASSERT_EQ(plexItems(pl), QStringList({rk(0), rk(9), rk(1), rk(2), rk(3)}));
    // Nothing changed on either side since, yet the sync must not stop at "up to date".
    const SyncResult r = sync(keep(false));
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(r.edit.removed, 1);
    EXPECT_EQ(plexItems(pl), expectedKeys({0, 1, 2, 3}, {}));
}

} // namespace
