// The tray, notifications, automatic sync and close-to-tray against the hand-driven registry.
// One "hour" of the auto-sync setting is shrunk to milliseconds; nothing sleeps.
#include "testbackend.h"

#include "pb/gui/appsettings.h"
#include "pb/gui/autosync.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/traycontroller.h"

#include <QAction>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace pb::gui;
using namespace pb::sync;
using namespace std::chrono_literals;

constexpr int kWaitMs = 5000;

class TrayTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::fillDemo(backend);
        window = std::make_unique<MainWindow>(&backend);
        window->show();
        tray = window->tray();
        ASSERT_NE(tray, nullptr);
        tray->setHourLength(40ms);
    }

    int startsOf(const QString &id) const
    {
        const auto &s = backend.testRegistry()->started;
        return static_cast<int>(std::count_if(
            s.begin(), s.end(), [&](const auto &p) { return p.first == pb::PlaylistKey::spotify(id); }));
    }

    void finish(const QString &id, SyncOutcome outcome, std::chrono::seconds took = 1s)
    {
        SyncResult r;
        r.playlist = pb::PlaylistKey::spotify(id);
        r.outcome = outcome;
        r.total = 5;
        r.matched = 4;
        r.missing = 1;
        r.message = outcome == SyncOutcome::Failed ? QStringLiteral("Plex did not answer") : QString();
        r.plexPlaylistUnchanged = outcome != SyncOutcome::Succeeded;
        r.finishedAt = QDateTime::currentDateTimeUtc();
        r.startedAt = r.finishedAt.addSecs(-took.count());
        backend.testRegistry()->finish(r.playlist, r);
    }

    static AppSettings every(int hours, bool closeToTray = false)
    {
        AppSettings s;
        s.autoSyncHours = hours;
        s.closeToTray = closeToTray;
        return s;
    }

    test::TestBackend backend;
    std::unique_ptr<MainWindow> window;
    TrayController *tray = nullptr;
};

TEST_F(TrayTest, AutoSyncStartsEveryReadablePlaylistOnScheduleButNeverASecondSyncOfARunningOne)
{
    EXPECT_FALSE(tray->autoSync()->isScheduled()); // off by default
    // The user is already syncing Road Trip when the interval comes round.
    QTest::mouseClick(window->item(test::key("road"))->syncButton(), Qt::LeftButton);
    ASSERT_EQ(startsOf(QStringLiteral("road")), 1);

    QSignalSpy batch(tray->autoSync(), &AutoSync::batchStarted);
    tray->applySettings(every(2));
    EXPECT_TRUE(tray->autoSync()->isScheduled());
    EXPECT_EQ(tray->autoSync()->interval(), 80ms);
    ASSERT_TRUE(batch.wait(kWaitMs));
    const auto ids = batch.takeFirst().at(0).value<QList<pb::PlaylistKey>>();
    EXPECT_EQ(ids, (QList<pb::PlaylistKey>{test::key("liked"), test::key("chill")}));
    EXPECT_EQ(startsOf(QStringLiteral("road")), 1);
    EXPECT_EQ(startsOf(QStringLiteral("followed")), 0); // unreadable
    // The next tick while all of them still run starts nothing.
    EXPECT_TRUE(tray->autoSync()->runNow().isEmpty());
    EXPECT_EQ(startsOf(QStringLiteral("liked")), 1);
    EXPECT_TRUE(tray->autoSync()->isBatchRunning());

    // Turned off, nothing more is scheduled.
    tray->applySettings(every(0));
    EXPECT_FALSE(tray->autoSync()->isScheduled());
}

TEST_F(TrayTest, ScheduledRunIsAnnouncedOnceWhenItsLastSyncEndsAndCancelStaysCancelled)
{
    QSignalSpy notified(tray, &TrayController::notified);
    const QList<pb::PlaylistKey> ids = tray->autoSync()->runNow();
    ASSERT_EQ(ids.size(), 3);
    // The user cancels one; the card asks the registry, which reports it cancelled.
    QTest::mouseClick(window->item(test::key("road"))->syncButton(), Qt::LeftButton);
    EXPECT_EQ(backend.testRegistry()->cancelled, QList<pb::PlaylistKey>{test::key("road")});
    finish(QStringLiteral("road"), SyncOutcome::Cancelled);
    finish(QStringLiteral("liked"), SyncOutcome::Succeeded);
    EXPECT_EQ(notified.count(), 0);                 // individual syncs of a run are not announced
    EXPECT_EQ(startsOf(QStringLiteral("road")), 1); // and a cancelled one is not restarted
    finish(QStringLiteral("chill"), SyncOutcome::Failed);
    ASSERT_EQ(notified.count(), 1);
    const auto note = notified.takeFirst();
    EXPECT_EQ(note.at(0).toString(), QStringLiteral("Scheduled sync failed"));
    EXPECT_EQ(note.at(1).toString(),
              QStringLiteral(
                  "1 playlist synced, 1 failed, 1 cancelled. Chill Evenings: Failed: Plex did not answer"));
    EXPECT_TRUE(note.at(2).toBool());
    EXPECT_TRUE(tray->statusAction()->text().startsWith(QStringLiteral("Scheduled sync: 1 playlist synced")));
}

TEST_F(TrayTest, TrayMenuShowsTheLastResultAndRunsSyncAllAndOpen)
{
    QMenu *menu = tray->menu();
    ASSERT_NE(menu, nullptr);
    EXPECT_EQ(tray->statusAction()->text(), QStringLiteral("No sync yet"));
    EXPECT_FALSE(tray->statusAction()->isEnabled());
    EXPECT_TRUE(menu->actions().contains(tray->syncAllAction()));
    EXPECT_TRUE(menu->actions().contains(tray->openAction()));
    EXPECT_TRUE(menu->actions().contains(tray->quitAction()));

    QSignalSpy notified(tray, &TrayController::notified);
    tray->syncAllAction()->trigger();
    EXPECT_EQ(backend.testRegistry()->started.size(), 3u);
    EXPECT_EQ(tray->statusAction()->text(), QStringLiteral("Syncing 3 playlists…"));
    finish(QStringLiteral("liked"), SyncOutcome::Succeeded);
    EXPECT_EQ(tray->statusAction()->text(), QStringLiteral("Syncing 2 playlists…"));
    finish(QStringLiteral("road"), SyncOutcome::Succeeded);
    finish(QStringLiteral("chill"), SyncOutcome::Succeeded);
    ASSERT_EQ(notified.count(), 1);
    EXPECT_EQ(notified.at(0).at(0).toString(), QStringLiteral("Sync All finished"));
    EXPECT_EQ(notified.at(0).at(1).toString(), QStringLiteral("3 playlists synced."));

    // A single sync afterwards becomes the last result.
    QTest::mouseClick(window->item(test::key("road"))->syncButton(), Qt::LeftButton);
    finish(QStringLiteral("road"), SyncOutcome::Succeeded);
    EXPECT_EQ(tray->statusAction()->text(), QStringLiteral("Road Trip: Synced"));

    window->hide();
    tray->openAction()->trigger();
    EXPECT_TRUE(window->isVisible());
}

TEST_F(TrayTest, LongOrFailedSyncIsAnnouncedWhenTheWindowIsNotInFront)
{
    QSignalSpy notified(tray, &TrayController::notified);
    window->hide();
    tray->setLongSyncThreshold(60s);
    backend.registry()->startSync(backend.playlists[1], {});
    finish(QStringLiteral("road"), SyncOutcome::Succeeded, 5s);
    EXPECT_EQ(notified.count(), 0); // short: nothing to announce
    backend.registry()->startSync(backend.playlists[1], {});
    finish(QStringLiteral("road"), SyncOutcome::Succeeded, 90s);
    ASSERT_EQ(notified.count(), 1);
    EXPECT_EQ(notified.at(0).at(0).toString(), QStringLiteral("Road Trip is synced"));
    EXPECT_FALSE(notified.at(0).at(2).toBool());
    backend.registry()->startSync(backend.playlists[2], {});
    finish(QStringLiteral("chill"), SyncOutcome::Failed, 2s);
    ASSERT_EQ(notified.count(), 2);
    EXPECT_EQ(notified.at(1).at(0).toString(), QStringLiteral("Sync of Chill Evenings failed"));
    EXPECT_TRUE(notified.at(1).at(2).toBool());
}

TEST_F(TrayTest, ClosingKeepsTheAppInTheTrayWhereThereIsOneAndTheScheduleGoesOn)
{
    // Without a tray (or without the setting) closing closes.
    tray->setTrayAvailable(false);
    tray->applySettings(every(0, true));
    EXPECT_FALSE(tray->keepsRunningOnClose());

    tray->setTrayAvailable(true);
    ASSERT_NE(tray->trayIcon(), nullptr);
    EXPECT_EQ(tray->trayIcon()->contextMenu(), tray->menu());
    tray->applySettings(every(1, true));
    EXPECT_TRUE(tray->keepsRunningOnClose());
    QSignalSpy notified(tray, &TrayController::notified);
    EXPECT_FALSE(window->close()); // refused: hidden instead
    EXPECT_FALSE(window->isVisible());
    ASSERT_EQ(notified.count(), 1);
    EXPECT_EQ(notified.at(0).at(0).toString(), QStringLiteral("Playlist Bridge is still running"));
    window->show();
    window->close();
    EXPECT_EQ(notified.count(), 1); // said once

    // Hidden in the tray, the automatic sync still runs.
    QSignalSpy batch(tray->autoSync(), &AutoSync::batchStarted);
    ASSERT_TRUE(batch.wait(kWaitMs));
    EXPECT_EQ(batch.at(0).at(0).value<QList<pb::PlaylistKey>>().size(), 3);
    EXPECT_FALSE(window->isVisible());

    // Quit from the tray closes for good.
    tray->applySettings(every(0, true));
    tray->quitAction()->trigger();
    EXPECT_FALSE(window->isVisible());
    EXPECT_FALSE(tray->keepsRunningOnClose());
}

TEST(AppSettingsTray, AutoSyncHoursAndCloseToTrayRoundTripAndClamp)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings loaded = AppSettings::load(settings);
    EXPECT_EQ(loaded.autoSyncHours, 0);
    EXPECT_FALSE(loaded.closeToTray);
    AppSettings s;
    s.autoSyncHours = 6;
    s.closeToTray = true;
    s.save(settings);
    loaded = AppSettings::load(settings);
    EXPECT_EQ(loaded.autoSyncHours, 6);
    EXPECT_TRUE(loaded.closeToTray);
    settings.setValue(QStringLiteral("sync/autoSyncHours"), 100000);
    EXPECT_EQ(AppSettings::load(settings).autoSyncHours, AppSettings::kMaxAutoSyncHours);
    settings.setValue(QStringLiteral("sync/autoSyncHours"), -3);
    EXPECT_EQ(AppSettings::load(settings).autoSyncHours, 0);
    settings.setValue(QStringLiteral("sync/autoSyncHours"), QStringLiteral("often"));
    EXPECT_EQ(AppSettings::load(settings).autoSyncHours, 0);
}

} // namespace
