#include "testbackend.h"

#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatebadge.h"
#include "pb/gui/syncstatuswidget.h"

#include <QImage>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;

pb::SourcePlaylist owned()
{
    pb::SourcePlaylist p;
    p.id = QStringLiteral("p1");
    p.name = QStringLiteral("Road Trip");
    p.ownerId = QStringLiteral("me");
    p.ownerName = QStringLiteral("Me");
    p.trackCount = 120;
    return p;
}

TEST(PlaylistItem, StatusHiddenUntilTheFirstSync)
{
    PlaylistItem item(owned(), {}, nullptr);
    item.show();
    EXPECT_TRUE(item.isReadable());
    EXPECT_FALSE(item.statusWidget()->isVisible());
    EXPECT_EQ(item.syncButton()->text(), QStringLiteral("Sync"));

    QSignalSpy sync(&item, &PlaylistItem::syncRequested);
    QTest::mouseClick(item.syncButton(), Qt::LeftButton);
    ASSERT_EQ(sync.count(), 1);
    EXPECT_EQ(sync.at(0).at(0).value<pb::PlaylistKey>(), pb::PlaylistKey::spotify(QStringLiteral("p1")));

    item.setRunning(true);
    pb::sync::SyncProgress progress;
    progress.totalTracks = 120;
    progress.matchedTracks = 40;
    progress.failedTracks = 2;
    progress.progress = 0.35;
    item.showProgress(progress);
    EXPECT_TRUE(item.statusWidget()->isVisible());
    EXPECT_EQ(item.statusWidget()->counts().matched, 40);
    EXPECT_EQ(item.statusWidget()->counts().percent, 35);
    EXPECT_TRUE(item.statusWidget()->summaryText().contains(QStringLiteral("40 matched")));
    EXPECT_EQ(item.syncButton()->text(), QStringLiteral("Cancel"));
    EXPECT_TRUE(item.syncButton()->property("syncRunning").toBool());
    EXPECT_TRUE(item.syncButton()->styleSheet().contains(QStringLiteral("#c62828")));

    QSignalSpy cancel(&item, &PlaylistItem::cancelRequested);
    QTest::mouseClick(item.syncButton(), Qt::LeftButton);
    EXPECT_EQ(cancel.count(), 1);

    pb::sync::SyncResult result;
    result.total = 120;
    result.matched = 118;
    result.missing = 2;
    result.finishedAt = QDateTime::currentDateTime();
    item.setRunning(false);
    item.showResult(result);
    EXPECT_TRUE(item.statusWidget()->isVisible());
    EXPECT_EQ(item.statusWidget()->counts().percent, 98);
    EXPECT_EQ(item.syncButton()->text(), QStringLiteral("Sync"));
    EXPECT_TRUE(item.syncButton()->styleSheet().isEmpty());
}

pb::sync::SyncResult run(pb::sync::SyncOutcome outcome, int matched, int missing, int minutesAgo)
{
    pb::sync::SyncResult r;
    r.outcome = outcome;
    r.total = 120;
    r.matched = matched;
    r.missing = missing;
    r.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    r.startedAt = r.finishedAt.addSecs(-5);
    if (outcome == pb::sync::SyncOutcome::Failed) {
        r.error = pb::Error::make(pb::ErrorKind::Network, QStringLiteral("could not reach the Plex server"));
        r.message = r.error->message;
    }
    return r;
}

/// The card's counts as "total/matched/missing/percent".
std::string counts(const PlaylistItem &item)
{
    const SyncCounts &c = item.statusWidget()->counts();
    return QStringLiteral("%1/%2/%3/%4")
        .arg(c.total)
        .arg(c.matched)
        .arg(c.failed)
        .arg(c.percent)
        .toStdString();
}

TEST(PlaylistItem, EachCardShowsOneStateAndTheLastCompletedSyncsCounts)
{
    using pb::sync::SyncOutcome;
    PlaylistItem item(owned(), {}, nullptr);
    item.show();
    EXPECT_EQ(item.state(), CardState::NeverSynced);
    EXPECT_EQ(item.stateBadge()->text(), QStringLiteral("Never synced"));
    EXPECT_TRUE(item.stateBadge()->isVisible());
    EXPECT_FALSE(item.statusWidget()->isVisible());
    EXPECT_TRUE(item.metaLabel()->text().contains(QStringLiteral("Last synced: never")));

    // Syncing: live counts, the percent as a progress bar.
    item.setRunning(true);
    EXPECT_EQ(item.state(), CardState::Syncing);
    pb::sync::SyncProgress progress;
    progress.totalTracks = 120;
    progress.matchedTracks = 30;
    progress.failedTracks = 1;
    progress.progress = 0.25;
    item.showProgress(progress);
    EXPECT_EQ(item.stateBadge()->text(), QStringLiteral("Syncing"));
    EXPECT_EQ(counts(item), "120/30/1/25");
    EXPECT_TRUE(item.statusWidget()->progressBar()->isVisible());
    EXPECT_EQ(item.statusWidget()->progressBar()->value(), 25);
    EXPECT_FALSE(item.statusWidget()->percentLabel()->isVisible());
    EXPECT_TRUE(item.statusWidget()->progressBar()->toolTip().startsWith(QStringLiteral("Sync progress")));

    // Synced with missing tracks: the share as a pie and its number, with its own tooltip.
    const pb::sync::SyncResult first = run(SyncOutcome::Succeeded, 118, 2, 90);
    item.setRunning(false);
    item.showResult(first);
    EXPECT_EQ(item.state(), CardState::SyncedWithMissing);
    EXPECT_EQ(item.stateBadge()->text(), QStringLiteral("Synced, some missing"));
    EXPECT_TRUE(item.stateBadge()->toolTip().contains(QStringLiteral("2 tracks were not found")));
    EXPECT_EQ(counts(item), "120/118/2/98");
    EXPECT_FALSE(item.statusWidget()->progressBar()->isVisible());
    EXPECT_TRUE(item.statusWidget()->percentLabel()->isVisible());
    EXPECT_TRUE(item.statusWidget()->percentLabel()->toolTip().contains(QStringLiteral("not progress")));
    EXPECT_TRUE(item.metaLabel()->text().contains(QStringLiteral("Last synced: 1 hour ago")));

    // Cancelled half-way: the state says so, the counts stay the last completed sync's.
    item.setRunning(true);
    progress.matchedTracks = 40;
    progress.progress = 0.33;
    item.showProgress(progress);
    EXPECT_EQ(counts(item), "120/40/1/33");
    pb::sync::SyncResult cancelled = run(SyncOutcome::Cancelled, 40, 1, 0);
    item.setRunning(false);
    item.showResult(cancelled);
    EXPECT_EQ(item.state(), CardState::Cancelled);
    EXPECT_EQ(item.stateBadge()->text(), QStringLiteral("Cancelled"));
    EXPECT_EQ(counts(item), "120/118/2/98");
    EXPECT_TRUE(item.stateBadge()->toolTip().contains(QStringLiteral("not changed")));
    EXPECT_TRUE(item.stateBadge()->toolTip().contains(QStringLiteral("last completed sync, 1 hour ago")))
        << item.stateBadge()->toolTip().toStdString();
    EXPECT_TRUE(item.metaLabel()->text().contains(QStringLiteral("Last synced: 1 hour ago")));

    // Failed: the reason on hover, the same counts.
    item.setRunning(true);
    item.setRunning(false);
    item.showResult(run(SyncOutcome::Failed, 3, 0, 0));
    EXPECT_EQ(item.state(), CardState::Failed);
    EXPECT_EQ(item.stateBadge()->text(), QStringLiteral("Failed"));
    EXPECT_TRUE(item.stateBadge()->toolTip().contains(QStringLiteral("could not reach the Plex server")));
    EXPECT_TRUE(item.accessibleDescription().contains(QStringLiteral("could not reach the Plex server")));
    EXPECT_EQ(counts(item), "120/118/2/98");

    // A preview changes neither the state nor the counts.
    pb::sync::SyncResult preview = run(SyncOutcome::Succeeded, 120, 0, 0);
    preview.dryRun = true;
    item.showResult(preview);
    EXPECT_EQ(item.state(), CardState::Failed);
    EXPECT_EQ(counts(item), "120/118/2/98");

    // Synced with every track.
    item.showResult(run(SyncOutcome::Succeeded, 120, 0, 0));
    EXPECT_EQ(item.state(), CardState::Synced);
    EXPECT_EQ(item.stateBadge()->text(), QStringLiteral("Synced"));
    EXPECT_EQ(counts(item), "120/120/0/100");
    EXPECT_TRUE(item.metaLabel()->text().contains(QStringLiteral("Last synced: just now")));
}

TEST(PlaylistItem, ACancelOrFailureBeforeAnySyncCompletedShowsNoCounts)
{
    PlaylistItem item(owned(), {}, nullptr);
    item.show();
    item.setRunning(true);
    item.setRunning(false);
    item.showResult(run(pb::sync::SyncOutcome::Cancelled, 12, 1, 0));
    EXPECT_EQ(item.state(), CardState::Cancelled);
    EXPECT_FALSE(item.statusWidget()->isVisible()) << "a half-finished run's counts are never shown";
    EXPECT_TRUE(
        item.stateBadge()->toolTip().contains(QStringLiteral("No sync of this playlist has completed")));
    EXPECT_TRUE(item.metaLabel()->text().contains(QStringLiteral("Last synced: never")));

    // A cancel after the write went through completed the sync: its counts are Plex's now.
    pb::sync::SyncResult wrote = run(pb::sync::SyncOutcome::Cancelled, 100, 20, 0);
    wrote.plexPlaylistUnchanged = false;
    item.showResult(wrote);
    EXPECT_EQ(item.state(), CardState::Cancelled);
    EXPECT_EQ(counts(item), "120/100/20/83");
    EXPECT_TRUE(item.stateBadge()->toolTip().contains(QStringLiteral("up to date")));
}

TEST(PlaylistItem, TheStandingFromTheRegistrySetsStateAndCounts)
{
    pb::sync::SyncStanding standing;
    standing.lastCompleted = run(pb::sync::SyncOutcome::Succeeded, 100, 20, 3 * 60);
    standing.lastSync = run(pb::sync::SyncOutcome::Failed, 0, 0, 60);
    PlaylistItem item(owned(), {}, nullptr);
    item.show();
    item.setStanding(standing);
    EXPECT_EQ(item.state(), CardState::Failed);
    EXPECT_EQ(counts(item), "120/100/20/83");
    EXPECT_TRUE(item.metaLabel()->text().contains(QStringLiteral("Last synced: 3 hours ago")));
}

TEST(PlaylistItem, TheSharePieFollowsThePalette)
{
    QPalette light;
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::WindowText, Qt::white);
    // At 0 % the whole disc is the "rest": the text colour, faint.
    const QImage onLight = sharePie(0, 32, light, 1).toImage().convertToFormat(QImage::Format_ARGB32);
    const QImage onDark = sharePie(0, 32, dark, 1).toImage().convertToFormat(QImage::Format_ARGB32);
    EXPECT_LT(qGray(onLight.pixel(16, 16)), 80);
    EXPECT_GT(qGray(onDark.pixel(16, 16)), 170);
    EXPECT_GT(qAlpha(onDark.pixel(16, 16)), 0);
    EXPECT_EQ(qAlpha(onDark.pixel(0, 0)), 0);
    // At 100 % it is the matched green everywhere.
    const QImage full = sharePie(100, 32, dark, 1).toImage();
    EXPECT_EQ(QColor(full.pixel(16, 16)).rgb(), QColor(0x2e, 0x9d, 0x4f).rgb());
    // Half: the right half (clockwise from twelve) green, the left half not.
    const QImage half = sharePie(50, 32, dark, 1).toImage();
    EXPECT_EQ(QColor(half.pixel(24, 16)).rgb(), QColor(0x2e, 0x9d, 0x4f).rgb());
    EXPECT_NE(QColor(half.pixel(8, 16)).rgb(), QColor(0x2e, 0x9d, 0x4f).rgb());
}

TEST(PlaylistItem, FollowedPlaylistIsDisabledWithTheReason)
{
    pb::SourcePlaylist followed = owned();
    followed.ownerId = QStringLiteral("spotify");
    const QString reason = unreadableReason(followed, QStringLiteral("me"));
    ASSERT_FALSE(reason.isEmpty());
    PlaylistItem item(followed, reason, nullptr);
    item.show();
    EXPECT_FALSE(item.isReadable());
    EXPECT_FALSE(item.syncButton()->isEnabled());
    EXPECT_TRUE(item.reasonLabel()->isVisible());
    EXPECT_TRUE(item.reasonLabel()->text().contains(QStringLiteral("own or collaborate")));
    EXPECT_TRUE(item.syncButton()->toolTip().contains(QStringLiteral("Refresh")));
}

TEST(PlaylistItem, ReadabilityRules)
{
    pb::SourcePlaylist p = owned();
    EXPECT_TRUE(unreadableReason(p, QStringLiteral("me")).isEmpty());
    p.ownerId = QStringLiteral("friend");
    EXPECT_FALSE(unreadableReason(p, QStringLiteral("me")).isEmpty());
    p.collaborative = true;
    EXPECT_TRUE(unreadableReason(p, QStringLiteral("me")).isEmpty());
    pb::SourcePlaylist liked;
    liked.isLikedSongs = true;
    liked.name = QStringLiteral("Liked Songs");
    EXPECT_TRUE(unreadableReason(liked, QStringLiteral("me")).isEmpty());
}

TEST(PlaylistItem, FilterMatchesNameAndOwner)
{
    PlaylistItem item(owned(), {}, nullptr);
    EXPECT_TRUE(item.matchesFilter(QString()));
    EXPECT_TRUE(item.matchesFilter(QStringLiteral("road")));
    EXPECT_TRUE(item.matchesFilter(QStringLiteral("ME")));
    EXPECT_FALSE(item.matchesFilter(QStringLiteral("jazz")));
}

TEST(PlaylistItem, RelativeTime)
{
    const QDateTime now = QDateTime::currentDateTime();
    EXPECT_EQ(relativeTime({}, now), QStringLiteral("never"));
    EXPECT_EQ(relativeTime(now.addSecs(-10), now), QStringLiteral("just now"));
    EXPECT_EQ(relativeTime(now.addSecs(-300), now), QStringLiteral("5 minutes ago"));
}

} // namespace
