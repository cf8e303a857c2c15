#include "testbackend.h"

#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatuswidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;
using namespace pb::sync;

TEST(MainWindow, EmptyStateSaysWhatToConnect)
{
    test::TestBackend backend;
    MainWindow window(&backend);
    window.show();
    const auto labels = window.findChildren<QLabel *>();
    QString text;
    for (const QLabel *label : labels) {
        if (label->isVisible())
            text += label->text();
    }
    EXPECT_TRUE(text.contains(QStringLiteral("Connect Spotify")));
    EXPECT_TRUE(text.contains(QStringLiteral("Connect Plex")));
    EXPECT_TRUE(text.contains(QStringLiteral("not connected")));
    EXPECT_FALSE(window.windowIcon().isNull());
    EXPECT_TRUE(window.items().empty());
}

TEST(MainWindow, DemoShowsCardsAccountsAndTheDisabledFollowedPlaylist)
{
    test::TestBackend backend;
    test::fillDemo(backend);
    MainWindow window(&backend);
    window.show();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("Demo")));
    const auto cards = window.items();
    ASSERT_EQ(cards.size(), 4u);
    EXPECT_EQ(cards[0]->playlist().name, QStringLiteral("Liked Songs"));
    EXPECT_TRUE(cards[0]->isReadable());

    PlaylistItem *followed = window.item(test::key("followed"));
    ASSERT_NE(followed, nullptr);
    EXPECT_FALSE(followed->syncButton()->isEnabled());
    EXPECT_TRUE(followed->reasonLabel()->isVisible());

    QString accountText;
    for (const QLabel *label : window.findChildren<QLabel *>())
        accountText += label->text() + QLatin1Char('\n');
    EXPECT_TRUE(accountText.contains(QStringLiteral("Demo User")));
    EXPECT_TRUE(accountText.contains(QStringLiteral("Demo Server · Music")));

    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    ASSERT_NE(filter, nullptr);
    filter->setText(QStringLiteral("chill"));
    EXPECT_FALSE(window.item(test::key("road"))->isVisible());
    EXPECT_TRUE(window.item(test::key("chill"))->isVisible());
}

TEST(MainWindow, CardFollowsTheRegistryAndSyncAllSkipsUnreadable)
{
    test::TestBackend backend;
    test::fillDemo(backend);
    MainWindow window(&backend);
    window.show();
    PlaylistItem *road = window.item(test::key("road"));
    QTest::mouseClick(road->syncButton(), Qt::LeftButton);
    ASSERT_EQ(backend.testRegistry()->started.size(), 1u);
    EXPECT_TRUE(road->isRunning());
    EXPECT_EQ(road->syncButton()->text(), QStringLiteral("Cancel"));
    EXPECT_TRUE(road->statusWidget()->isVisible());

    SyncProgress p;
    p.totalTracks = 5;
    p.matchedTracks = 3;
    p.failedTracks = 1;
    p.progress = 0.8;
    backend.testRegistry()->progress(test::key("road"), p);
    EXPECT_EQ(road->statusWidget()->counts().matched, 3);
    EXPECT_EQ(road->statusWidget()->counts().failed, 1);

    // The modal opened from the card shows the same live job.
    PlaylistDetailsModal *modal = window.openDetails(test::key("road"));
    ASSERT_NE(modal, nullptr);
    EXPECT_EQ(modal->syncButton()->text(), QStringLiteral("&Cancel Sync"));
    modal->close();
    EXPECT_TRUE(backend.registry()->isRunning(test::key("road")));

    SyncResult r;
    r.total = 5;
    r.matched = 4;
    r.missing = 1;
    backend.testRegistry()->finish(test::key("road"), r);
    EXPECT_FALSE(road->isRunning());
    EXPECT_EQ(road->statusWidget()->counts().percent, 80);

    backend.testRegistry()->started.clear();
    window.syncAll();
    QList<pb::PlaylistKey> ids;
    for (const auto &s : backend.testRegistry()->started)
        ids << s.first;
    EXPECT_EQ(ids, (QList<pb::PlaylistKey>{test::key("liked"), test::key("road"), test::key("chill")}));
}

} // namespace
