#include "testbackend.h"

#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatuswidget.h"

#include <QLabel>
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

TEST(PlaylistItem, FailedSyncShowsTheErrorNotZeros)
{
    PlaylistItem item(owned(), {}, nullptr);
    item.show();
    item.setRunning(true);
    pb::sync::SyncResult failed;
    failed.outcome = pb::sync::SyncOutcome::Failed;
    failed.message = QStringLiteral("could not reach the Plex server");
    item.setRunning(false);
    item.showResult(failed);
    EXPECT_FALSE(item.statusWidget()->isVisible());
    EXPECT_TRUE(item.errorLabel()->isVisible());
    EXPECT_TRUE(item.errorLabel()->text().contains(QStringLiteral("could not reach the Plex server")));
    item.showProgress({});
    EXPECT_FALSE(item.errorLabel()->isVisible());
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
