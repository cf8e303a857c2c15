#include "testbackend.h"

#include "pb/gui/fixmatchdialog.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/gui/tracktablemodel.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;
using namespace pb::sync;

class ModalTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::fillDemo(backend);
        playlist = backend.playlists[1]; // Road Trip, 5 tracks
    }
    TrackOutcome matched(int i)
    {
        TrackOutcome o;
        o.position = i;
        o.track = backend.entries[playlist.id][static_cast<size_t>(i)].track;
        o.status = TrackStatus::Matched;
        o.plexTrack.ratingKey = QStringLiteral("k%1").arg(i);
        o.plexTrack.title = o.track.name;
        o.confidence = 0.97;
        o.reason = QStringLiteral("accepted");
        return o;
    }
    test::TestBackend backend;
    pb::SourcePlaylist playlist;
};

TEST_F(ModalTest, SyncTurnsTheButtonIntoRedCancelAndShowsTheHeader)
{
    PlaylistDetailsModal modal(playlist, &backend, nullptr);
    modal.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return modal.trackModel()->rowCount() == 5; })); // entries loaded first
    EXPECT_FALSE(modal.statusWidget()->isVisible());
    EXPECT_EQ(modal.syncButton()->text(), QStringLiteral("&Sync This Playlist"));

    QTest::mouseClick(modal.syncButton(), Qt::LeftButton);
    ASSERT_EQ(backend.testRegistry()->started.size(), 1u);
    EXPECT_FALSE(backend.testRegistry()->started[0].second.dryRun);
    EXPECT_EQ(backend.testRegistry()->started[0].second.librarySectionKey, QStringLiteral("1"));
    EXPECT_EQ(modal.syncButton()->text(), QStringLiteral("&Cancel Sync"));
    EXPECT_TRUE(modal.syncButton()->styleSheet().contains(QStringLiteral("#c62828")));
    EXPECT_TRUE(modal.statusWidget()->isVisible());
    EXPECT_FALSE(modal.previewButton()->isEnabled());

    SyncProgress p;
    p.step = SyncStep::Matching;
    p.stepNumber = 2;
    p.currentStep = QStringLiteral("Matching tracks");
    p.currentTrack = QStringLiteral("Artist 2 – Track 2");
    p.totalTracks = 5;
    p.matchedTracks = 2;
    p.failedTracks = 1;
    p.progress = 0.5;
    backend.testRegistry()->progress(playlist.key(), p);
    backend.testRegistry()->resolve(playlist.key(), matched(0));
    EXPECT_EQ(modal.statusWidget()->counts()->counts().matched, 2);
    EXPECT_EQ(modal.statusWidget()->counts()->counts().failed, 1);
    EXPECT_EQ(modal.statusWidget()->progressBar()->value(), 500);
    EXPECT_TRUE(modal.statusWidget()->currentTrackLabel()->text().contains(QStringLiteral("Track 2")));
    EXPECT_EQ(modal.trackModel()->outcome(0).status, TrackStatus::Matched);

    // Cancel: the modal only asks; the registry reports the outcome.
    QTest::mouseClick(modal.syncButton(), Qt::LeftButton);
    ASSERT_EQ(backend.testRegistry()->cancelled, QList<pb::PlaylistKey>{playlist.key()});
    SyncResult r;
    r.outcome = SyncOutcome::Cancelled;
    r.plexPlaylistUnchanged = true;
    backend.testRegistry()->finish(playlist.key(), r);
    EXPECT_EQ(modal.syncButton()->text(), QStringLiteral("&Sync This Playlist"));
    EXPECT_TRUE(modal.syncButton()->styleSheet().isEmpty());
    EXPECT_TRUE(modal.previewButton()->isEnabled());
    EXPECT_TRUE(modal.statusWidget()->currentTrackLabel()->text().contains(QStringLiteral("not changed")));
}

TEST_F(ModalTest, ClosingDoesNotCancelAndReopeningShowsTheLiveState)
{
    auto *first = new PlaylistDetailsModal(playlist, &backend, nullptr);
    first->show();
    QTest::mouseClick(first->syncButton(), Qt::LeftButton);
    backend.testRegistry()->resolve(playlist.key(), matched(0));
    backend.testRegistry()->resolve(playlist.key(), matched(1));
    SyncProgress p;
    p.totalTracks = 5;
    p.matchedTracks = 2;
    p.progress = 0.4;
    backend.testRegistry()->progress(playlist.key(), p);
    first->close();
    delete first;
    EXPECT_TRUE(backend.testRegistry()->cancelled.isEmpty());
    EXPECT_TRUE(backend.registry()->isRunning(playlist.key()));

    // Progress continues while nobody watches.
    backend.testRegistry()->resolve(playlist.key(), matched(2));
    p.matchedTracks = 3;
    p.progress = 0.6;
    backend.testRegistry()->progress(playlist.key(), p);

    PlaylistDetailsModal second(playlist, &backend, nullptr);
    second.show();
    EXPECT_EQ(second.syncButton()->text(), QStringLiteral("&Cancel Sync"));
    EXPECT_TRUE(second.statusWidget()->isVisible());
    EXPECT_EQ(second.statusWidget()->counts()->counts().matched, 3);
    EXPECT_EQ(second.trackModel()->countWithStatus(TrackStatus::Matched), 3);

    SyncResult r;
    r.total = 5;
    r.matched = 5;
    backend.testRegistry()->finish(playlist.key(), r);
    EXPECT_EQ(second.syncButton()->text(), QStringLiteral("&Sync This Playlist"));
    EXPECT_EQ(second.statusWidget()->counts()->counts().percent, 100);
}

TEST_F(ModalTest, PreviewIsADryRun)
{
    PlaylistDetailsModal modal(playlist, &backend, nullptr);
    modal.show();
    QTest::mouseClick(modal.previewButton(), Qt::LeftButton);
    ASSERT_EQ(backend.testRegistry()->started.size(), 1u);
    EXPECT_TRUE(backend.testRegistry()->started[0].second.dryRun);
    SyncResult r;
    r.dryRun = true;
    r.total = 5;
    r.matched = 4;
    r.edit.added = 3;
    r.edit.removed = 1;
    r.edit.moved = 2;
    backend.testRegistry()->finish(playlist.key(), r);
    const QString text = modal.statusWidget()->currentTrackLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("3 to add"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("1 to remove")));
    EXPECT_TRUE(text.contains(QStringLiteral("2 to move")));

    // The preview offers to apply exactly that edit: a real (not dry) sync.
    QMessageBox *box = modal.previewBox();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("3 to add")));
    QAbstractButton *apply = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (b->text() == QStringLiteral("&Apply Changes"))
            apply = b;
    }
    ASSERT_NE(apply, nullptr);
    apply->click();
    ASSERT_EQ(backend.testRegistry()->started.size(), 2u);
    EXPECT_FALSE(backend.testRegistry()->started[1].second.dryRun);
    EXPECT_EQ(modal.syncButton()->text(), QStringLiteral("&Cancel Sync"));
}

TEST_F(ModalTest, FixMatchSavesAManualOverrideAndExportWritesMissing)
{
    PlaylistDetailsModal modal(playlist, &backend, nullptr);
    modal.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return modal.trackModel()->rowCount() == 5; }));
    QTest::mouseClick(modal.syncButton(), Qt::LeftButton);
    TrackOutcome missing;
    missing.position = 3;
    missing.track = backend.entries[playlist.id][3].track;
    missing.status = TrackStatus::Missing;
    missing.reason = QStringLiteral("rejected: live version");
    backend.testRegistry()->resolve(playlist.key(), missing);
    SyncResult r;
    r.total = 5;
    r.matched = 4;
    r.missing = 1;
    backend.testRegistry()->finish(playlist.key(), r);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.csv"));
    ASSERT_TRUE(modal.exportMissing(path));
    QFile csv(path);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("Track 3")));
    EXPECT_TRUE(text.contains(QStringLiteral("Artist 3 Track 3")));

    pb::PlexTrack right;
    right.ratingKey = QStringLiteral("999");
    right.title = QStringLiteral("Track 3");
    right.grandparentTitle = QStringLiteral("Artist 3");
    backend.searchResults = {right};
    modal.table()->selectRow(3);
    EXPECT_TRUE(modal.fixButton()->isEnabled());
    QTest::mouseClick(modal.fixButton(), Qt::LeftButton);
    auto *dialog = modal.findChild<FixMatchDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->results()->count() == 1; }));
    EXPECT_EQ(backend.searches.front(), QStringLiteral("Artist 3 Track 3"));
    dialog->accept();
    ASSERT_EQ(backend.overrides.size(), 1u);
    EXPECT_EQ(backend.overrides[0].first.id, QStringLiteral("t3"));
    EXPECT_EQ(backend.overrides[0].second.ratingKey, QStringLiteral("999"));
    EXPECT_EQ(modal.trackModel()->outcome(3).status, TrackStatus::Matched);
    EXPECT_TRUE(modal.trackModel()->outcome(3).fromOverride);
}

} // namespace
