// Each playlist card shows one state — never synced, syncing, synced, synced with missing
// tracks, cancelled, failed — and after a cancel or failure the counts of the last completed
// sync, also after a restart of the app. The real widgets, SyncService, clients and state store
// against the demo's fakes (faults from the fakes' injector), as `playlist-bridge --demo` runs.
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/fakes/fakeservices.h"
#include "pb/fakes/world.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatebadge.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/sync/syncregistry.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace {

using namespace pb::gui;
using pb::app::ServiceBackend;
using pb::app::ServiceConnection;
using namespace pb::sync;

constexpr int kTimeoutMs = 120000;

/// The card's counts as "total/matched/missing/percent".
std::string shown(const PlaylistItem *card)
{
    const SyncCounts &c = card->statusWidget()->counts();
    return QStringLiteral("%1/%2/%3/%4")
        .arg(c.total)
        .arg(c.matched)
        .arg(c.failed)
        .arg(c.percent)
        .toStdString();
}

/// What the card should show for a completed sync's result.
std::string expected(const SyncResult &r)
{
    const int playable = r.total - r.skipped;
    const int percent = playable > 0 ? static_cast<int>(std::lround(100.0 * r.matched / playable)) : 0;
    return QStringLiteral("%1/%2/%3/%4")
        .arg(r.total)
        .arg(r.matched)
        .arg(r.missing)
        .arg(percent)
        .toStdString();
}

class CardStateTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(settingsDir.isValid());
        ASSERT_TRUE(profileDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
        world = pb::fakes::demoWorld();
        pb::app::DemoOptions options;
        // Enough latency that a sync of 500 tracks is caught mid-way, little enough to be quick.
        options.latency = std::chrono::milliseconds(10);
        demo = std::make_unique<pb::app::DemoEnvironment>(options);
        ASSERT_TRUE(demo->start().ok());
        for (const auto &p : world.spotify.playlists) {
            if (p.name == QStringLiteral("The Big 500")) {
                big = pb::PlaylistKey::spotify(p.id);
                bigTracks = p.tracks;
            }
            if (p.name == QStringLiteral("Classic Rock Remastered"))
                small = pb::PlaylistKey::spotify(p.id);
        }
        ASSERT_FALSE(big.id.isEmpty()) << "the demo world has \"The Big 500\"";
        ASSERT_FALSE(small.id.isEmpty()) << "the demo world has \"Classic Rock Remastered\"";
    }

    void TearDown() override
    {
        window.reset();
        backend.reset();
        demo.reset();
        QSettings().clear();
        const QString shared = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, shared);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, shared);
    }

    /// The app as it starts, its sync state in a SQLite file that outlives it (a restart
    /// keeps only that file).
    void launch()
    {
        window.reset();
        backend.reset();
        ServiceConnection c = demo->connection();
        c.serviceOptions.databasePath = profileDir.filePath(QStringLiteral("state.sqlite"));
        backend = std::make_unique<ServiceBackend>(c);
        window = std::make_unique<MainWindow>(backend.get());
        window->show();
        ASSERT_TRUE(QTest::qWaitFor([&] { return window->item(big) && window->item(small); }, kTimeoutMs));
    }

    PlaylistItem *card(const pb::PlaylistKey &key) const { return window->item(key); }

    SyncResult syncFromCard(const pb::PlaylistKey &key)
    {
        QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
        QTest::mouseClick(card(key)->syncButton(), Qt::LeftButton);
        EXPECT_TRUE(finished.wait(kTimeoutMs));
        return finished.isEmpty() ? SyncResult{} : finished.takeFirst().at(1).value<SyncResult>();
    }

    /// Syncs the small playlist (every track found), then gives it the Big 500's tracks on
    /// Spotify, so its next sync has ~480 tracks to search and can be stopped half-way.
    SyncResult completeThenGrow()
    {
        const SyncResult first = syncFromCard(small);
        EXPECT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
        EXPECT_TRUE(demo->fakes()->setSpotifyPlaylistTracks(small.id, bigTracks));
        return first;
    }

    /// Starts the next sync from the card and waits until it has matched `matched` tracks of
    /// the 500, with the card showing them live.
    void startAndWaitForLiveCounts(int matched)
    {
        PlaylistItem *c = card(small);
        QTest::mouseClick(c->syncButton(), Qt::LeftButton);
        ASSERT_EQ(c->state(), CardState::Syncing);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return c->statusWidget()->counts().total == 500 &&
                       c->statusWidget()->counts().matched >= matched;
            },
            kTimeoutMs));
        EXPECT_EQ(c->stateBadge()->text(), QStringLiteral("Syncing"));
        EXPECT_TRUE(c->statusWidget()->progressBar()->isVisible()) << "progress, not the share";
        EXPECT_FALSE(c->statusWidget()->percentLabel()->isVisible());
    }

    QTemporaryDir settingsDir;
    QTemporaryDir profileDir;
    pb::fakes::World world;
    pb::PlaylistKey big, small;
    std::vector<QString> bigTracks;
    std::unique_ptr<pb::app::DemoEnvironment> demo;
    std::unique_ptr<ServiceBackend> backend;
    std::unique_ptr<MainWindow> window;
};

TEST_F(CardStateTest, NeverSyncedThenSyncedOrSyncedWithMissingTracksAlsoAfterARestart)
{
    launch();
    for (PlaylistItem *c : window->items()) {
        if (!c->isReadable())
            continue;
        EXPECT_EQ(c->state(), CardState::NeverSynced) << c->playlist().name.toStdString();
        EXPECT_EQ(c->stateBadge()->text(), QStringLiteral("Never synced"));
        EXPECT_FALSE(c->statusWidget()->isVisible()) << "no counts before the first sync";
    }

    const SyncResult all = syncFromCard(small);
    ASSERT_EQ(all.outcome, SyncOutcome::Succeeded) << all.message.toStdString();
    ASSERT_EQ(all.missing, 0) << "every track of Classic Rock Remastered is in the demo's Plex";
    EXPECT_EQ(card(small)->state(), CardState::Synced);
    EXPECT_EQ(card(small)->stateBadge()->text(), QStringLiteral("Synced"));
    EXPECT_EQ(shown(card(small)), expected(all));
    EXPECT_TRUE(card(small)->statusWidget()->percentLabel()->isVisible()) << "the share, not progress";
    EXPECT_FALSE(card(small)->statusWidget()->progressBar()->isVisible());
    EXPECT_TRUE(
        card(small)->statusWidget()->percentLabel()->toolTip().contains(QStringLiteral("not progress")));

    const SyncResult some = syncFromCard(big);
    ASSERT_EQ(some.outcome, SyncOutcome::Succeeded) << some.message.toStdString();
    ASSERT_GT(some.missing, 0) << "the Big 500 has tracks the demo's Plex does not";
    EXPECT_EQ(card(big)->state(), CardState::SyncedWithMissing);
    EXPECT_EQ(card(big)->stateBadge()->text(), QStringLiteral("Synced, some missing"));
    EXPECT_TRUE(card(big)->stateBadge()->toolTip().contains(
        QStringLiteral("%1 tracks were not found").arg(some.missing)))
        << card(big)->stateBadge()->toolTip().toStdString();
    EXPECT_EQ(shown(card(big)), expected(some));

    launch(); // a restart: the states come back from the history
    EXPECT_EQ(card(small)->state(), CardState::Synced);
    EXPECT_EQ(shown(card(small)), expected(all));
    EXPECT_EQ(card(big)->state(), CardState::SyncedWithMissing);
    EXPECT_EQ(shown(card(big)), expected(some));
    EXPECT_TRUE(card(big)->metaLabel()->text().contains(QStringLiteral("Last synced: just now")));
}

TEST_F(CardStateTest, ACancelledSyncShowsCancelledWithTheLastCompletedSyncsCounts)
{
    launch();
    const SyncResult completed = completeThenGrow();
    ASSERT_EQ(completed.outcome, SyncOutcome::Succeeded);
    startAndWaitForLiveCounts(20);
    const std::string halfway = shown(card(small));
    EXPECT_NE(halfway, expected(completed));

    QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
    QTest::mouseClick(card(small)->syncButton(), Qt::LeftButton); // Cancel
    ASSERT_TRUE(finished.wait(kTimeoutMs));
    const SyncResult cancelled = finished.takeFirst().at(1).value<SyncResult>();
    ASSERT_EQ(cancelled.outcome, SyncOutcome::Cancelled) << cancelled.message.toStdString();
    ASSERT_TRUE(cancelled.plexPlaylistUnchanged);
    ASSERT_EQ(cancelled.total, 500) << "the cancelled run had counts of its own";

    PlaylistItem *c = card(small);
    EXPECT_EQ(c->state(), CardState::Cancelled);
    EXPECT_EQ(c->stateBadge()->text(), QStringLiteral("Cancelled"));
    EXPECT_EQ(shown(c), expected(completed)) << "not the half-finished run's " << halfway;
    EXPECT_TRUE(c->statusWidget()->percentLabel()->isVisible());
    EXPECT_FALSE(c->statusWidget()->progressBar()->isVisible());
    EXPECT_TRUE(c->stateBadge()->toolTip().contains(QStringLiteral("not changed")));
    EXPECT_TRUE(c->stateBadge()->toolTip().contains(QStringLiteral("last completed sync")));

    launch(); // a restart: the cancel and the counts before it come back from the history
    c = card(small);
    EXPECT_EQ(c->state(), CardState::Cancelled);
    EXPECT_EQ(shown(c), expected(completed));
}

TEST_F(CardStateTest, AFailedSyncShowsFailedWithItsReasonOnHoverAndTheLastCompletedSyncsCounts)
{
    launch();
    const SyncResult completed = completeThenGrow();
    ASSERT_EQ(completed.outcome, SyncOutcome::Succeeded);
    // Plex's search answers break after a few dozen: the sync fails half-way through matching.
    pb::fakes::Fault broken = pb::fakes::Fault::withKind(pb::fakes::FaultKind::Malformed,
                                                         QStringLiteral("^/library/sections/[^/]+/all"), -1);
    broken.skip = 60;
    ASSERT_TRUE(demo->fakes()->faults().add(broken));
    QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
    startAndWaitForLiveCounts(5);
    ASSERT_TRUE(finished.count() > 0 || finished.wait(kTimeoutMs));
    const SyncResult failed = finished.takeFirst().at(1).value<SyncResult>();
    ASSERT_EQ(failed.outcome, SyncOutcome::Failed) << failed.message.toStdString();
    ASSERT_FALSE(failed.message.isEmpty());
    demo->fakes()->faults().clear();

    PlaylistItem *c = card(small);
    EXPECT_EQ(c->state(), CardState::Failed);
    EXPECT_EQ(c->stateBadge()->text(), QStringLiteral("Failed"));
    EXPECT_TRUE(c->stateBadge()->toolTip().contains(failed.message))
        << c->stateBadge()->toolTip().toStdString();
    EXPECT_TRUE(c->stateBadge()->toolTip().contains(QStringLiteral("last completed sync")));
    EXPECT_EQ(shown(c), expected(completed));

    launch(); // a restart: the failure, its reason and the counts before it, from the history
    c = card(small);
    EXPECT_EQ(c->state(), CardState::Failed);
    EXPECT_TRUE(c->stateBadge()->toolTip().contains(failed.message))
        << c->stateBadge()->toolTip().toStdString();
    EXPECT_EQ(shown(c), expected(completed));

    // The next sync completes: synced, with the new counts.
    const SyncResult again = syncFromCard(small);
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(again.total, 500);
    EXPECT_EQ(card(small)->state(), again.missing > 0 ? CardState::SyncedWithMissing : CardState::Synced);
    EXPECT_EQ(shown(card(small)), expected(again));
}

} // namespace
