// Liked Songs (read through /me/tracks, no snapshot id), the Plex title chosen for a new
// playlist (SyncOptions::plexTitle), and the history of cancelled and repaired runs.
#include "plextitle.h"
#include "syncfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

const std::vector<int> kLiked = {4, 2, 7, 0, 9};

class LikedSongsTest : public SyncFixture {
protected:
    void SetUp() override
    {
        fakes::World w = smallWorld(12, {}, {0, 1, 2});
        for (int i : kLiked)
            w.spotify.liked.push_back(sid(i));
        startWorld(std::move(w));
    }

    static SourcePlaylist liked()
    {
        SourcePlaylist p;
        p.id = QStringLiteral("liked-songs");
        p.name = QStringLiteral("Liked Songs");
        p.isLikedSongs = true;
        return p;
    }

    SyncResult syncLiked(SyncOptions options = {})
    {
        QSignalSpy finished(m_service.get(), &SyncRegistry::syncFinished);
        EXPECT_TRUE(m_service->startSync(liked(), options));
        EXPECT_TRUE(finished.count() > 0 || finished.wait(60000));
        if (finished.isEmpty())
            return {};
        return finished.takeFirst().at(1).value<SyncResult>();
    }

    void setLiked(const std::vector<int> &tracks)
    {
        std::vector<QString> ids;
        for (int i : tracks)
            ids.push_back(sid(i));
        m_fakes->setSpotifyLikedTracks(ids);
    }
};

TEST_F(LikedSongsTest, SyncsThroughMeTracksIntoLikedSongs)
{
    const SyncResult r = syncLiked();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_TRUE(r.edit.created);
    EXPECT_EQ(r.plexPlaylistTitle, QStringLiteral("Liked Songs"));
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), expectedKeys(kLiked, {}));
    EXPECT_GT(m_fakes->requestCount(QStringLiteral("^/v1/me/tracks")), 0);
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/v1/playlists/")), 0);
    auto link = store()->link(pb::PlaylistKey::spotify(QStringLiteral("liked-songs")));
    ASSERT_TRUE(link.ok() && link->has_value());
    EXPECT_FALSE((*link)->snapshotId.isEmpty()); // the track-id fingerprint
}

TEST_F(LikedSongsTest, UnchangedShortcutFollowsTheTrackIds)
{
    const SyncResult first = syncLiked();
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    const SyncResult same = syncLiked();
    ASSERT_EQ(same.outcome, SyncOutcome::Succeeded) << same.message.toStdString();
    EXPECT_TRUE(same.message.contains(QStringLiteral("up to date"))) << same.message.toStdString();

    // A new like (Spotify puts it first): no snapshot id changes, but the sync must see it.
    const std::vector<int> changed = {11, 4, 2, 7, 0, 9};
    setLiked(changed);
    const SyncResult next = syncLiked();
    ASSERT_EQ(next.outcome, SyncOutcome::Succeeded) << next.message.toStdString();
    EXPECT_FALSE(next.message.contains(QStringLiteral("up to date"))) << next.message.toStdString();
    EXPECT_EQ(next.plexPlaylistRatingKey, first.plexPlaylistRatingKey);
    EXPECT_EQ(next.edit.added, 1);
    EXPECT_EQ(plexItems(first.plexPlaylistRatingKey), expectedKeys(changed, {}));
}

TEST_F(LikedSongsTest, TitleClashGivesItsOwnPlaylist)
{
    fakes::World w = smallWorld(12, {}, {0});
    for (int i : kLiked)
        w.spotify.liked.push_back(sid(i));
    w.plex.playlists.push_back(
        {QStringLiteral("777"), QStringLiteral("liked songs"), QStringLiteral("mine"), {rk(5)}});
    startWorld(std::move(w));
    const SyncResult r = syncLiked();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(r.plexPlaylistTitle, QStringLiteral("Liked Songs (Spotify)"));
    EXPECT_EQ(plexItems(QStringLiteral("777")), (QStringList{rk(5)}));
}

TEST(PlexTitleRules, ChosenTitleThenNameThenClashSuffix)
{
    SourcePlaylist p;
    p.name = QStringLiteral(" Road Trip ");
    EXPECT_EQ(newPlexPlaylistTitle({}, p), QStringLiteral("Road Trip"));
    EXPECT_EQ(newPlexPlaylistTitle(QStringLiteral(" Mine "), p), QStringLiteral("Mine"));
    SourcePlaylist liked;
    liked.isLikedSongs = true;
    EXPECT_EQ(newPlexPlaylistTitle({}, liked), QStringLiteral("Liked Songs"));
    std::vector<PlexPlaylist> existing(2);
    existing[0].title = QStringLiteral("ROAD TRIP");
    existing[1].title = QStringLiteral("Road Trip (Spotify)");
    EXPECT_EQ(unclashedTitle(QStringLiteral("Road Trip"), existing), QStringLiteral("Road Trip (Spotify 2)"));
    EXPECT_EQ(unclashedTitle(QStringLiteral("Other"), existing), QStringLiteral("Other"));
}

class PlexTitleTest : public SyncFixture {
protected:
    void SetUp() override { startWorld(smallWorld(10, {}, {0, 1, 2, 3})); }
};

TEST_F(PlexTitleTest, NamesTheCreatedPlaylistAndNeverRenamesIt)
{
    SyncOptions o;
    o.plexTitle = QStringLiteral("Road Trip (Spotify)");
    const SyncResult first = sync(o);
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    EXPECT_EQ(first.plexPlaylistTitle, QStringLiteral("Road Trip (Spotify)"));
    ASSERT_TRUE(plexPlaylistByKey(first.plexPlaylistRatingKey).has_value());
    EXPECT_EQ(plexPlaylistByKey(first.plexPlaylistRatingKey)->title, QStringLiteral("Road Trip (Spotify)"));

    // The pattern changed (or the user renamed it in Plex): the linked playlist keeps its title.
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), {sid(3), sid(2), sid(5)}));
    o.plexTitle = QStringLiteral("Something Else");
    const SyncResult second = sync(o);
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded) << second.message.toStdString();
    EXPECT_EQ(second.plexPlaylistRatingKey, first.plexPlaylistRatingKey);
    EXPECT_EQ(second.plexPlaylistTitle, QStringLiteral("Road Trip (Spotify)"));
    EXPECT_EQ(plexPlaylistByKey(first.plexPlaylistRatingKey)->title, QStringLiteral("Road Trip (Spotify)"));
    EXPECT_EQ(m_fakes->plexPlaylists().size(), 1u);
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/playlists/[^/]+$"), QStringLiteral("PUT")), 0);
}

TEST_F(PlexTitleTest, ClashRulesApplyToTheChosenTitle)
{
    fakes::World w = smallWorld(10, {}, {0, 1});
    w.plex.playlists.push_back(
        {QStringLiteral("777"), QStringLiteral("Mix"), QStringLiteral("mine"), {rk(5)}});
    startWorld(std::move(w));
    SyncOptions o;
    o.plexTitle = QStringLiteral("Mix");
    const SyncResult r = sync(o);
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(r.plexPlaylistTitle, QStringLiteral("Mix (Spotify)"));
    EXPECT_EQ(plexItems(QStringLiteral("777")), (QStringList{rk(5)}));
}

// The history of a run is one row per Spotify entry (position = index), whatever the outcome.
class RunHistoryTest : public SyncFixture {
protected:
    void expectStored(SyncOutcome outcome, const std::vector<int> &list)
    {
        auto s = store();
        ASSERT_TRUE(s);
        auto runs = s->history(pb::PlaylistKey::spotify(QStringLiteral("pl1")), 1);
        ASSERT_TRUE(runs.ok()) << runs.error().toString().toStdString();
        ASSERT_EQ(runs->size(), 1u) << "the run was not recorded";
        EXPECT_EQ(runs->front().result.outcome, outcome);
        auto tracks = s->runTracks(runs->front().id);
        ASSERT_TRUE(tracks.ok()) << tracks.error().toString().toStdString();
        ASSERT_EQ(tracks->size(), list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            EXPECT_EQ((*tracks)[i].position, static_cast<int>(i));
            EXPECT_EQ((*tracks)[i].trackId, sid(list[i])) << "position " << i;
        }
    }
};

TEST_F(RunHistoryTest, CancelledRunIsStoredWithEveryEntry)
{
    std::vector<int> list;
    for (int i = 0; i < 40; ++i)
        list.push_back(i);
    fakes::FakeOptions o;
    o.latency = std::chrono::milliseconds(15);
    startWorld(smallWorld(40, {}, list), o);
    QSignalSpy finished(m_service.get(), &SyncRegistry::syncFinished);
    QSignalSpy tracks(m_service.get(), &SyncRegistry::trackResolved);
    ASSERT_TRUE(m_service->startSync(playlist(), {}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return tracks.count() >= 3 || !finished.isEmpty(); }, 60000));
    ASSERT_TRUE(finished.isEmpty()) << "the sync ended before it could be cancelled";
    m_service->cancelSync(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_TRUE(finished.wait(60000));
    const SyncResult r = finished.takeFirst().at(1).value<SyncResult>();
    ASSERT_EQ(r.outcome, SyncOutcome::Cancelled) << r.message.toStdString();
    ASSERT_LT(r.matched + r.missing + r.skipped, r.total) << "every track resolved before the cancel";
    expectStored(SyncOutcome::Cancelled, list);
}

TEST_F(RunHistoryTest, RepairedRunIsStored)
{
    const std::vector<int> list = {0, 1, 2, 3, 4, 5, 2, 6, 7};
    startWorld(smallWorld(10, {}, list));
    ASSERT_EQ(sync().outcome, SyncOutcome::Succeeded);
    const std::vector<int> reordered = {7, 2, 6, 5, 4, 2, 3, 1, 0};
    std::vector<QString> ids;
    for (int i : reordered)
        ids.push_back(sid(i));
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), ids));
    // Plex answers one move with 200 but does not do it: the read-back differs and is repaired.
    fakes::Fault f = fakes::Fault::httpStatus(200, QStringLiteral("/items/\\d+/move"), 1);
    f.method = QStringLiteral("PUT");
    m_fakes->faults().add(f);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("repaired"))) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), expectedKeys(reordered, {}));
    auto s = store();
    auto runs = s->history(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_TRUE(runs.ok());
    ASSERT_EQ(runs->size(), 2u);
    // history() is newest first; check the repaired (second) run.
    auto tracks = s->runTracks(runs->front().id);
    ASSERT_TRUE(tracks.ok());
    ASSERT_EQ(tracks->size(), reordered.size());
    for (std::size_t i = 0; i < reordered.size(); ++i) {
        EXPECT_EQ((*tracks)[i].position, static_cast<int>(i));
        EXPECT_EQ((*tracks)[i].trackId, sid(reordered[i]));
        EXPECT_EQ((*tracks)[i].status, TrackStatus::Matched);
    }
}

} // namespace
