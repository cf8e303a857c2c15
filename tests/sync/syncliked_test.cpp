// Liked Songs (read through /me/tracks, no snapshot id), the Plex title chosen for a new
// playlist (SyncOptions::plexTitle), and the history of cancelled and repaired runs.
#include "fakestate.h"
#include "syncfixture.h"

#include <QSignalSpy>

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

    static SpotifyPlaylist liked()
    {
        SpotifyPlaylist p;
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
        std::lock_guard lock(m_fakes->state().mutex);
        m_fakes->state().world.spotify.liked.clear();
        for (int i : tracks)
            m_fakes->state().world.spotify.liked.push_back(sid(i));
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
    auto link = store()->link(QStringLiteral("liked-songs"));
    ASSERT_TRUE(link.ok() && link->has_value());
    EXPECT_FALSE((*link)->spotifySnapshotId.isEmpty()); // the track-id fingerprint
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

} // namespace
