#include "syncfixture.h"

#include <QSignalSpy>

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

const std::vector<int> kAbsent = {3, 11};
// Duplicates (5 twice) and two tracks Plex does not have.
const std::vector<int> kPlaylist = {0, 1, 2, 3, 4, 5, 6, 7, 5, 8, 9, 10, 11, 12};

class SyncServiceTest : public SyncFixture {
protected:
    void SetUp() override { startWorld(smallWorld(20, kAbsent, kPlaylist)); }
};

TEST_F(SyncServiceTest, FirstSyncCreatesLinksAndReproducesOrder)
{
    QSignalSpy progress(m_service.get(), &SyncRegistry::progressChanged);
    QSignalSpy tracks(m_service.get(), &SyncRegistry::trackResolved);
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_TRUE(r.edit.created);
    EXPECT_EQ(r.total, static_cast<int>(kPlaylist.size()));
    EXPECT_EQ(r.matched, static_cast<int>(kPlaylist.size()) - 2);
    EXPECT_EQ(r.missing, 2);
    EXPECT_FALSE(r.plexPlaylistUnchanged);
    ASSERT_FALSE(r.plexPlaylistRatingKey.isEmpty());
    EXPECT_EQ(r.plexPlaylistTitle, QStringLiteral("Road Trip"));
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), expectedKeys(kPlaylist, kAbsent));
    EXPECT_EQ(tracks.count(), static_cast<int>(kPlaylist.size()));
    EXPECT_GE(progress.count(), 1);

    auto s = store();
    auto link = s->link(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_TRUE(link.ok() && link->has_value());
    EXPECT_EQ((*link)->plexRatingKey, r.plexPlaylistRatingKey);
    EXPECT_EQ((*link)->machineIdentifier, m_fakes->plexMachineIdentifier());
    auto history = s->history(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->front().result.outcome, SyncOutcome::Succeeded);
    auto snap = m_service->snapshot(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_TRUE(snap.has_value());
    EXPECT_FALSE(snap->running);
    ASSERT_EQ(snap->tracks.size(), kPlaylist.size());
    EXPECT_EQ(snap->tracks[3].status, TrackStatus::Missing);
    EXPECT_EQ(snap->tracks[8].plexTrack.ratingKey, rk(5));
}

TEST_F(SyncServiceTest, ResyncEditsInPlaceAfterSpotifyChanges)
{
    const SyncResult first = sync();
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    // Add 13..15, remove 1 and 7, reorder the rest, keep a duplicate.
    const std::vector<int> changed = {12, 0, 14, 5, 2, 9, 3, 13, 8, 6, 5, 10, 4, 15};
    std::vector<QString> ids;
    for (int i : changed)
        ids.push_back(sid(i));
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), ids));
    m_fakes->clearRequestLog();

    const SyncResult second = sync();
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded) << second.message.toStdString();
    EXPECT_EQ(second.plexPlaylistRatingKey, first.plexPlaylistRatingKey);
    EXPECT_FALSE(second.edit.created);
    EXPECT_EQ(plexItems(first.plexPlaylistRatingKey), expectedKeys(changed, kAbsent));
    EXPECT_EQ(second.edit.added, 3);
    EXPECT_EQ(second.edit.removed, 2); // 1 and 7; both copies of 5 stay
    EXPECT_EQ(m_fakes->plexPlaylists().size(), 1u);
    // Only the new tracks are searched: the rest come from the validated cache.
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/playlists$"), QStringLiteral("POST")), 0);
}

TEST_F(SyncServiceTest, UnchangedResyncSkipsMatching)
{
    const SyncResult first = sync();
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    m_fakes->clearRequestLog();
    const SyncResult second = sync();
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded) << second.message.toStdString();
    EXPECT_TRUE(second.message.contains(QStringLiteral("up to date"))) << second.message.toStdString();
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/library/sections/.*/all")), 0);
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/playlists"), QStringLiteral("PUT")), 0);
    EXPECT_EQ(second.matched, first.matched);
    EXPECT_EQ(plexItems(first.plexPlaylistRatingKey), expectedKeys(kPlaylist, kAbsent));
    // The shortcut still names each matched track's Plex track, as the first sync did.
    auto snap = m_service->snapshot(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    ASSERT_TRUE(snap.has_value());
    ASSERT_EQ(snap->tracks.size(), kPlaylist.size());
    for (const TrackOutcome &o : snap->tracks) {
        if (o.status != TrackStatus::Matched)
            continue;
        EXPECT_FALSE(o.plexTrack.title.isEmpty()) << "position " << o.position;
        EXPECT_FALSE(o.plexTrack.grandparentTitle.isEmpty()) << "position " << o.position;
        EXPECT_EQ(o.plexTrack.title, o.track.name) << "position " << o.position;
        EXPECT_TRUE(o.fromCache);
    }
}

TEST_F(SyncServiceTest, ResyncSearchesNothingKnownAndRemembersMisses)
{
    ASSERT_EQ(sync().outcome, SyncOutcome::Succeeded);
    std::vector<QString> ids;
    for (auto it = kPlaylist.rbegin(); it != kPlaylist.rend(); ++it)
        ids.push_back(sid(*it));
    ASSERT_TRUE(m_fakes->setSpotifyPlaylistTracks(QStringLiteral("pl1"), ids));
    m_fakes->clearRequestLog();
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(r.missing, 2);
    // Matches are validated by the playlist read itself, misses are remembered: no search,
    // no metadata look-up.
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/library/sections/[^/]+/all")), 0);
    EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/library/metadata/")), 0);
    auto snap = m_service->snapshot(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    EXPECT_TRUE(snap->tracks[kPlaylist.size() - 1 - 3].reason.contains(QStringLiteral("when searched")));

    m_fakes->clearRequestLog();
    SyncOptions force;
    force.forceRematch = true;
    ASSERT_EQ(sync(force).outcome, SyncOutcome::Succeeded);
    EXPECT_GT(m_fakes->requestCount(QStringLiteral("^/library/sections/[^/]+/all")), 0);
}

TEST_F(SyncServiceTest, DryRunWritesNothing)
{
    SyncOptions o;
    o.dryRun = true;
    const SyncResult r = sync(o);
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_TRUE(r.dryRun);
    EXPECT_TRUE(r.plexPlaylistRatingKey.isEmpty());
    EXPECT_EQ(r.edit.added, static_cast<int>(kPlaylist.size()) - 2);
    EXPECT_TRUE(m_fakes->plexPlaylists().empty());
    for (const char *m : {"POST", "PUT", "DELETE"})
        EXPECT_EQ(m_fakes->requestCount(QStringLiteral("^/playlists"), QString::fromLatin1(m)), 0) << m;
    EXPECT_FALSE(store()->link(pb::PlaylistKey::spotify(QStringLiteral("pl1")))->has_value());
}

TEST_F(SyncServiceTest, ManualOverridesWinAndAreKept)
{
    auto s = store();
    // Track 0 is "really" Plex track 1019; track 2 is declared not in the library.
    // Through the service, as the fix-match dialog does.
    ASSERT_TRUE(m_service->setManualOverride(sid(0), rk(19), QStringLiteral("mine")).ok());
    ASSERT_TRUE(m_service->setManualOverride(sid(2), QString()).ok());
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    const QStringList items = plexItems(r.plexPlaylistRatingKey);
    ASSERT_FALSE(items.isEmpty());
    EXPECT_EQ(items.front(), rk(19));
    EXPECT_FALSE(items.contains(rk(2)));
    auto snap = m_service->snapshot(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    EXPECT_TRUE(snap->tracks[0].fromOverride);
    EXPECT_EQ(snap->tracks[2].status, TrackStatus::Missing);
    // The override is still there and was not replaced by the engine's opinion.
    auto o = s->overrides({sid(0)}, m_fakes->plexMachineIdentifier());
    ASSERT_EQ(o->size(), 1u);
    EXPECT_EQ(o->front().ratingKey, rk(19));
}

// The threshold travels with each sync's options (read from Settings when it starts), so a
// change applies to the next sync without rebuilding the service, remembered decisions included.
TEST_F(SyncServiceTest, EachSyncUsesTheThresholdOfItsOptions)
{
    SyncOptions strict;
    strict.dryRun = true;
    strict.acceptThreshold = 1.01; // above every confidence
    const SyncResult none = sync(strict);
    ASSERT_EQ(none.outcome, SyncOutcome::Succeeded) << none.message.toStdString();
    EXPECT_EQ(none.matched, 0);
    EXPECT_EQ(none.missing, static_cast<int>(kPlaylist.size()));

    SyncOptions usual;
    usual.dryRun = true;
    usual.acceptThreshold = 0.8;
    const SyncResult all = sync(usual);
    ASSERT_EQ(all.outcome, SyncOutcome::Succeeded) << all.message.toStdString();
    EXPECT_EQ(all.matched, static_cast<int>(kPlaylist.size()) - 2);

    // Both runs remembered their decisions; each still follows the threshold of its own sync:
    // the misses above were searched again, and these matches are not reused at 1.01.
    const SyncResult again = sync(strict);
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(again.matched, 0);
}

TEST_F(SyncServiceTest, StaleCacheEntryIsRematched)
{
    auto s = store();
    // A remembered match whose Plex track no longer exists.
    ASSERT_TRUE(
        s->saveMatches({{sid(1), m_fakes->plexMachineIdentifier(), QStringLiteral("987654"), 0.99, {}},
                        {sid(4), m_fakes->plexMachineIdentifier(), rk(4), 0.97, {}}})
            .ok());
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), expectedKeys(kPlaylist, kAbsent));
    auto snap = m_service->snapshot(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    EXPECT_FALSE(snap->tracks[1].fromCache);
    EXPECT_TRUE(snap->tracks[4].fromCache);
    auto cached = s->cachedMatches({sid(1)}, m_fakes->plexMachineIdentifier());
    ASSERT_EQ(cached->size(), 1u);
    EXPECT_EQ(cached->front().ratingKey, rk(1));
}

TEST_F(SyncServiceTest, RegistryRefusesASecondRunOfTheSamePlaylist)
{
    QSignalSpy finished(m_service.get(), &SyncRegistry::syncFinished);
    ASSERT_TRUE(m_service->startSync(playlist(), {}));
    EXPECT_TRUE(m_service->isRunning(pb::PlaylistKey::spotify(QStringLiteral("pl1"))));
    EXPECT_FALSE(m_service->startSync(playlist(), {}));
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(m_service->isRunning(pb::PlaylistKey::spotify(QStringLiteral("pl1"))));
}

TEST_F(SyncServiceTest, DeletedLinkedPlaylistIsRecreated)
{
    const SyncResult first = sync();
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded);
    auto s = store();
    PlaylistLink l = **s->link(pb::PlaylistKey::spotify(QStringLiteral("pl1")));
    l.plexRatingKey = QStringLiteral("424242"); // a playlist that is gone
    l.plexFingerprint.clear();
    ASSERT_TRUE(s->saveLink(l).ok());
    const SyncResult second = sync();
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded) << second.message.toStdString();
    EXPECT_TRUE(second.edit.created);
    EXPECT_TRUE(second.message.contains(QStringLiteral("deleted"))) << second.message.toStdString();
}

class TitleClashTest : public SyncFixture {};

TEST_F(TitleClashTest, CreatesItsOwnPlaylistAndLeavesTheUsersAlone)
{
    fakes::World w = smallWorld(10, {}, {0, 1, 2});
    w.plex.playlists.push_back(
        {QStringLiteral("777"), QStringLiteral("Road Trip"), QStringLiteral("my own"), {rk(5), rk(6)}});
    startWorld(std::move(w));
    const SyncResult r = sync();
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_NE(r.plexPlaylistRatingKey, QStringLiteral("777"));
    EXPECT_EQ(r.plexPlaylistTitle, QStringLiteral("Road Trip (Spotify)"));
    EXPECT_TRUE(r.message.contains(QStringLiteral("already exists"))) << r.message.toStdString();
    EXPECT_EQ(plexItems(QStringLiteral("777")), (QStringList{rk(5), rk(6)}));
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), (QStringList{rk(0), rk(1), rk(2)}));
}

} // namespace
