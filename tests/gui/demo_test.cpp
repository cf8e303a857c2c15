// End-to-end widget tests: the real widgets, the real SyncService and clients, and the
// in-process fakes wired exactly as `playlist-bridge --demo` wires them (DemoEnvironment).
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/fakes/fakeservices.h"
#include "pb/gui/appsettings.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/synchistorydialog.h"
#include "pb/gui/synchistorymodel.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/gui/tracktablemodel.h"
#include "pb/sync/syncregistry.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace pb::gui;
using pb::app::ServiceBackend;
using pb::app::ServiceConnection;
using namespace pb::sync;

constexpr int kTimeoutMs = 60000;

class DemoTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // The sync reads the naming pattern from QSettings: give each test its own settings
        // file, so tests running in parallel processes never see each other's pattern.
        ASSERT_TRUE(settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    }

    void start(int latencyMs, int tracksPerPlaylist, double absentFraction = 0.1)
    {
        pb::fakes::GenerateOptions go;
        go.libraryTracks = 400;
        go.playlists = 2;
        go.tracksPerPlaylist = tracksPerPlaylist;
        go.absentFraction = absentFraction;
        world = pb::fakes::generateWorld(go);
        pb::fakes::WorldSpotifyPlaylist followed;
        followed.id = QStringLiteral("followed0000000000000");
        followed.name = QStringLiteral("Someone Else's Mix");
        followed.owner = QStringLiteral("another-user");
        followed.ownerDisplayName = QStringLiteral("Another User");
        followed.tracks = {world.spotify.tracks[0].id};
        world.spotify.playlists.push_back(followed);

        pb::app::DemoOptions options;
        options.latency = std::chrono::milliseconds(latencyMs);
        options.world = world;
        demo = std::make_unique<pb::app::DemoEnvironment>(options);
        ASSERT_TRUE(demo->start().ok());
        backend = std::make_unique<ServiceBackend>(demo->connection());
        window = std::make_unique<MainWindow>(backend.get());
        window->show();
        // Liked Songs + the generated playlists + the followed one + the demo's imported file.
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return window->items().size() == world.spotify.playlists.size() + 2; }, kTimeoutMs));
        ASSERT_NE(window->item({QString(pb::kSourceFile), QStringLiteral("evening drive")}), nullptr);
        playlistId = pb::PlaylistKey::spotify(world.spotify.playlists[0].id);
    }

    void TearDown() override
    {
        window.reset();
        backend.reset();
        demo.reset();
        QSettings().clear(); // the naming pattern a test may have stored
        const QString shared = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, shared);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, shared);
    }

    SyncResult syncFromCard(PlaylistItem *card)
    {
        QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
        QTest::mouseClick(card->syncButton(), Qt::LeftButton);
        return waitFinished(finished);
    }

    PlaylistDetailsModal *openLoaded(int rows)
    {
        PlaylistDetailsModal *modal = window->openDetails(playlistId);
        EXPECT_NE(modal, nullptr);
        if (modal) {
            EXPECT_TRUE(QTest::qWaitFor([&] { return modal->trackModel()->rowCount() == rows; }, kTimeoutMs));
        }
        return modal;
    }

    SyncResult waitFinished(QSignalSpy &spy)
    {
        EXPECT_TRUE(spy.count() > 0 || spy.wait(kTimeoutMs));
        return spy.isEmpty() ? SyncResult{} : spy.takeFirst().at(1).value<SyncResult>();
    }

    int resolvedRows(PlaylistDetailsModal *modal) const
    {
        return modal->trackModel()->countWithStatus(TrackStatus::Matched) +
               modal->trackModel()->countWithStatus(TrackStatus::Missing);
    }

    QTemporaryDir settingsDir;
    pb::fakes::World world;
    std::unique_ptr<pb::app::DemoEnvironment> demo;
    std::unique_ptr<ServiceBackend> backend;
    std::unique_ptr<MainWindow> window;
    pb::PlaylistKey playlistId;
};

TEST_F(DemoTest, SyncThisPlaylistShowsRedCancelHeaderCountsAndWritesPlex)
{
    start(2, 40);
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Demo")));
    PlaylistDetailsModal *modal = openLoaded(40);
    ASSERT_NE(modal, nullptr);
    EXPECT_FALSE(modal->statusWidget()->isVisible());

    QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
    QTest::mouseClick(modal->syncButton(), Qt::LeftButton);
    EXPECT_EQ(modal->syncButton()->text(), QStringLiteral("&Cancel Sync"));
    EXPECT_TRUE(modal->syncButton()->styleSheet().contains(QStringLiteral("#c62828")));
    EXPECT_TRUE(modal->statusWidget()->isVisible());
    PlaylistItem *card = window->item(playlistId);
    ASSERT_NE(card, nullptr);
    EXPECT_TRUE(card->isRunning());
    EXPECT_EQ(card->syncButton()->text(), QStringLiteral("Cancel"));

    const SyncResult result = waitFinished(finished);
    ASSERT_EQ(result.outcome, SyncOutcome::Succeeded) << result.message.toStdString();
    EXPECT_GT(result.matched, 0);
    EXPECT_EQ(modal->syncButton()->text(), QStringLiteral("&Sync This Playlist"));
    EXPECT_TRUE(modal->syncButton()->styleSheet().isEmpty());
    EXPECT_EQ(modal->statusWidget()->counts()->counts().matched, result.matched);
    EXPECT_EQ(modal->statusWidget()->counts()->counts().failed, result.missing);
    EXPECT_EQ(modal->trackModel()->countWithStatus(TrackStatus::Matched), result.matched);
    EXPECT_FALSE(card->isRunning());
    EXPECT_TRUE(card->statusWidget()->isVisible());
    EXPECT_EQ(card->statusWidget()->counts().matched, result.matched);
    EXPECT_EQ(card->statusWidget()->counts().failed, result.missing);

    const auto playlists = demo->fakes()->plexPlaylists();
    ASSERT_EQ(playlists.size(), 1u);
    EXPECT_EQ(static_cast<int>(playlists[0].items.size()), result.matched);
}

TEST_F(DemoTest, CancelMidwayStopsQuicklyRestoresTheButtonAndLeavesPlexUnchanged)
{
    start(25, 300, 0.05);
    PlaylistDetailsModal *modal = openLoaded(300);
    ASSERT_NE(modal, nullptr);
    QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
    QTest::mouseClick(modal->syncButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return resolvedRows(modal) >= 10; }, kTimeoutMs));
    ASSERT_TRUE(finished.isEmpty()) << "the sync ended before it could be cancelled";

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(modal->syncButton(), Qt::LeftButton); // Cancel Sync
    const SyncResult result = waitFinished(finished);
    const qint64 elapsed = clock.elapsed();
    std::printf("cancel -> finished: %lld ms\n", static_cast<long long>(elapsed));
    EXPECT_EQ(result.outcome, SyncOutcome::Cancelled);
    EXPECT_LE(elapsed, 500) << "the product bound is 250 ms; this allows for a loaded test machine";
    EXPECT_TRUE(result.plexPlaylistUnchanged);
    EXPECT_LT(resolvedRows(modal), 300);
    EXPECT_EQ(modal->syncButton()->text(), QStringLiteral("&Sync This Playlist"));
    EXPECT_TRUE(modal->syncButton()->styleSheet().isEmpty());
    EXPECT_FALSE(window->item(playlistId)->isRunning());
    EXPECT_TRUE(demo->fakes()->plexPlaylists().empty()); // nothing written
}

TEST_F(DemoTest, ClosingTheModalMidSyncAndReopeningShowsTheLiveState)
{
    start(25, 300, 0.05);
    PlaylistDetailsModal *modal = openLoaded(300);
    ASSERT_NE(modal, nullptr);
    QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
    QTest::mouseClick(modal->syncButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return resolvedRows(modal) >= 5; }, kTimeoutMs));
    const int before = resolvedRows(modal);
    modal->close();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->currentDetails() == nullptr; })); // deleted on close
    ASSERT_TRUE(backend->registry()->isRunning(playlistId)) << "closing must not stop the sync";
    // Let the sync make progress with no modal open; waiting for progress rather than for a
    // fixed time keeps the 300-track sync far from its end, so it is still running below.
    auto resolvedInRegistry = [&] {
        const auto snap = backend->registry()->snapshot(playlistId);
        if (!snap)
            return 0;
        return static_cast<int>(std::count_if(snap->tracks.begin(), snap->tracks.end(), [](const auto &t) {
            return t.status == TrackStatus::Matched || t.status == TrackStatus::Missing;
        }));
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return resolvedInRegistry() > before; }, kTimeoutMs));

    PlaylistDetailsModal *again = window->openDetails(playlistId);
    ASSERT_NE(again, nullptr);
    ASSERT_TRUE(backend->registry()->isRunning(playlistId));
    EXPECT_EQ(again->syncButton()->text(), QStringLiteral("&Cancel Sync"));
    EXPECT_TRUE(again->statusWidget()->isVisible());
    EXPECT_GE(resolvedRows(again), before);
    EXPECT_GT(again->statusWidget()->counts()->counts().total, 0);
    const int shown = resolvedRows(again);
    EXPECT_TRUE(QTest::qWaitFor([&] { return resolvedRows(again) > shown || !finished.isEmpty(); },
                                kTimeoutMs)); // still live
    QTest::mouseClick(again->syncButton(), Qt::LeftButton);
    waitFinished(finished);
}

TEST_F(DemoTest, FollowedPlaylistIsDisabledWithItsReason)
{
    start(1, 10);
    PlaylistItem *followed = window->item(pb::PlaylistKey::spotify(QStringLiteral("followed0000000000000")));
    ASSERT_NE(followed, nullptr);
    EXPECT_FALSE(followed->isReadable());
    EXPECT_FALSE(followed->syncButton()->isEnabled());
    EXPECT_TRUE(followed->reasonLabel()->isVisible());
    EXPECT_TRUE(followed->reasonLabel()->text().contains(QStringLiteral("own or collaborate")));
    PlaylistItem *liked = window->items().front();
    EXPECT_TRUE(liked->playlist().isLikedSongs);
    EXPECT_TRUE(liked->isReadable());
}

TEST_F(DemoTest, ManualOverrideIsSavedAndUsedOnTheNextSync)
{
    start(1, 60, 0.25);
    PlaylistDetailsModal *modal = openLoaded(60);
    ASSERT_NE(modal, nullptr);
    QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
    QTest::mouseClick(modal->syncButton(), Qt::LeftButton);
    const SyncResult first = waitFinished(finished);
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    ASSERT_GT(first.missing, 0) << "the generated world should leave some tracks missing";

    int row = -1;
    for (int i = 0; i < modal->trackModel()->rowCount(); ++i) {
        if (modal->trackModel()->outcome(i).status == TrackStatus::Missing) {
            row = i;
            break;
        }
    }
    ASSERT_GE(row, 0);
    const pb::fakes::WorldPlexTrack &chosenWorld = world.plex.tracks.back();
    pb::PlexTrack chosen;
    chosen.ratingKey = chosenWorld.ratingKey;
    chosen.title = chosenWorld.title;
    ASSERT_TRUE(modal->applyManualMatch(row, chosen).ok());
    EXPECT_TRUE(modal->trackModel()->outcome(row).fromOverride);

    QTest::mouseClick(modal->syncButton(), Qt::LeftButton);
    const SyncResult second = waitFinished(finished);
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded) << second.message.toStdString();
    EXPECT_EQ(second.matched, first.matched + 1);
    const TrackOutcome &o = modal->trackModel()->outcome(row);
    EXPECT_EQ(o.status, TrackStatus::Matched);
    EXPECT_TRUE(o.fromOverride);
    EXPECT_EQ(o.plexTrack.ratingKey, chosen.ratingKey);
    const auto playlists = demo->fakes()->plexPlaylists();
    ASSERT_EQ(playlists.size(), 1u);
    const auto items = demo->fakes()->plexPlaylistItems(playlists[0].ratingKey);
    EXPECT_NE(std::find(items.begin(), items.end(), chosen.ratingKey), items.end());
}

TEST_F(DemoTest, LikedSongsSyncsFromItsCard)
{
    start(1, 10);
    PlaylistItem *liked = window->items().front();
    ASSERT_TRUE(liked->playlist().isLikedSongs);
    ASSERT_TRUE(liked->syncButton()->isEnabled());
    const SyncResult result = syncFromCard(liked);
    ASSERT_EQ(result.outcome, SyncOutcome::Succeeded) << result.message.toStdString();
    EXPECT_EQ(result.total, static_cast<int>(world.spotify.liked.size()));
    EXPECT_GT(result.matched, 0);
    EXPECT_EQ(result.plexPlaylistTitle, QStringLiteral("Liked Songs"));
    const auto playlists = demo->fakes()->plexPlaylists();
    ASSERT_EQ(playlists.size(), 1u);
    EXPECT_EQ(playlists[0].title, QStringLiteral("Liked Songs"));
    EXPECT_EQ(static_cast<int>(playlists[0].items.size()), result.matched);
    EXPECT_EQ(demo->fakes()->requestCount(QStringLiteral("^/v1/playlists/liked")), 0);
    EXPECT_EQ(liked->statusWidget()->counts().matched, result.matched);
}

TEST_F(DemoTest, NamingPatternFromSettingsNamesTheNewPlexPlaylist)
{
    AppSettings settings;
    settings.playlistNaming = QStringLiteral("{name} (Spotify)");
    settings.save();
    start(1, 10);
    const SyncResult result = syncFromCard(window->item(playlistId));
    ASSERT_EQ(result.outcome, SyncOutcome::Succeeded) << result.message.toStdString();
    const QString expected = world.spotify.playlists[0].name + QStringLiteral(" (Spotify)");
    EXPECT_EQ(result.plexPlaylistTitle, expected);
    const auto playlists = demo->fakes()->plexPlaylists();
    ASSERT_EQ(playlists.size(), 1u);
    EXPECT_EQ(playlists[0].title, expected);
}

TEST_F(DemoTest, HistoryListsEveryRunFromTheCardAndTheDetails)
{
    start(0, 12, 0.25);
    PlaylistItem *card = window->item(playlistId);
    ASSERT_NE(card, nullptr);
    QTest::mouseClick(card->historyButton(), Qt::LeftButton);
    SyncHistoryDialog *history = window->findChild<SyncHistoryDialog *>();
    ASSERT_NE(history, nullptr);
    EXPECT_TRUE(history->emptyLabel()->isVisible());

    // Each finished sync appears in the open view, newest first, from the state store.
    const SyncResult first = syncFromCard(card);
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    ASSERT_GT(first.missing, 0);
    ASSERT_EQ(history->model()->rowCount(), 1);
    const SyncResult second = syncFromCard(card);
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded);
    ASSERT_EQ(history->model()->rowCount(), 2);
    const SyncHistoryModel *m = history->model();
    auto cell = [m](int row, int column) { return m->index(row, column).data().toString(); };
    EXPECT_EQ(cell(0, SyncHistoryModel::Outcome), QStringLiteral("Synced"));
    EXPECT_EQ(cell(0, SyncHistoryModel::Added), QStringLiteral("0"));
    EXPECT_EQ(cell(1, SyncHistoryModel::Outcome), QStringLiteral("Synced (created)"));
    EXPECT_EQ(cell(1, SyncHistoryModel::Added), QString::number(first.edit.added));
    EXPECT_EQ(cell(1, SyncHistoryModel::Missing), QString::number(first.missing));
    EXPECT_EQ(cell(1, SyncHistoryModel::Found), QStringLiteral("%1 of 12").arg(first.matched));
    EXPECT_EQ(cell(0, SyncHistoryModel::When), QStringLiteral("just now"));

    // The newest run's tracks that are not in Plex, by name (the world's titles).
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return history->tracks()->topLevelItemCount() == second.missing + second.skipped &&
                   !history->tracks()->topLevelItem(0)->text(2).startsWith(QStringLiteral("spotify"));
        },
        kTimeoutMs));
    QStringList names;
    for (const auto &t : world.spotify.tracks)
        names << t.name;
    const QString line = history->tracks()->topLevelItem(0)->text(2);
    EXPECT_TRUE(std::any_of(names.cbegin(), names.cend(), [&](const QString &n) {
        return line.startsWith(n);
    })) << line.toStdString();

    // The details reach the same history.
    PlaylistDetailsModal *modal = openLoaded(12);
    ASSERT_NE(modal, nullptr);
    SyncHistoryDialog *fromModal = modal->showHistory();
    ASSERT_NE(fromModal, nullptr);
    EXPECT_EQ(fromModal->model()->rowCount(), 2);
}

} // namespace

namespace {

TEST_F(DemoTest, TheDemosImportedFileIsAReadableCardThatSyncsThroughTheFileSource)
{
    start(1, 10);
    PlaylistItem *imported = window->item({QString(pb::kSourceFile), QStringLiteral("evening drive")});
    ASSERT_NE(imported, nullptr);
    EXPECT_EQ(imported->playlist().name, QStringLiteral("Evening Drive"));
    EXPECT_EQ(imported->playlist().trackCount, 7);
    ASSERT_TRUE(imported->isReadable());
    const SyncResult result = syncFromCard(imported);
    ASSERT_EQ(result.outcome, SyncOutcome::Succeeded) << result.message.toStdString();
    EXPECT_EQ(result.playlist, imported->playlist().key());
    EXPECT_EQ(result.total, 7);
    EXPECT_EQ(result.matched + result.missing, 7);
}

} // namespace
