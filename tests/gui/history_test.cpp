// The sync history view against canned runs (the end-to-end test with the real state store is
// DemoTest.HistoryListsEveryRunFromTheCardAndTheDetails).
#include "testbackend.h"

#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/synchistorydialog.h"
#include "pb/gui/synchistorymodel.h"

#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;
using namespace pb::sync;

const QDateTime kNow = QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC);

SyncRun run(qint64 id, SyncOutcome outcome, int minutesAgo)
{
    SyncRun r;
    r.id = id;
    r.playlist = test::key("road");
    r.result.outcome = outcome;
    r.result.total = 5;
    r.result.matched = 4;
    r.result.missing = 1;
    r.result.edit = {2, 1, 3, false};
    r.result.plexPlaylistUnchanged = outcome != SyncOutcome::Succeeded;
    r.result.startedAt = kNow.addSecs(-60 * minutesAgo - 7);
    r.result.finishedAt = kNow.addSecs(-60 * minutesAgo);
    return r;
}

QString cell(const SyncHistoryModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

class HistoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::fillDemo(backend);
        backend.entries[QStringLiteral("road")] = test::makeEntries(5);
        SyncRun failed = run(3, SyncOutcome::Failed, 5);
        failed.result.message = QStringLiteral("Plex did not answer");
        SyncRun preview = run(2, SyncOutcome::Succeeded, 90);
        preview.result.dryRun = true;
        SyncRun first = run(1, SyncOutcome::Succeeded, 60 * 30);
        first.result.edit.created = true;
        backend.history[QStringLiteral("road")] = {failed, preview, first};
        backend.runLines[3] = {{0, backend.entries[QStringLiteral("road")][0].track.id, TrackStatus::Matched,
                                QStringLiteral("42"), 0.97, QStringLiteral("exact")},
                               {1,
                                backend.entries[QStringLiteral("road")][1].track.id,
                                TrackStatus::Missing,
                                {},
                                0,
                                QStringLiteral("no candidate above the threshold")}};
    }

    test::TestBackend backend;
};

TEST_F(HistoryTest, EveryRunWithWhenOutcomeChangesMissingAndFound)
{
    SyncHistoryDialog dialog(backend.playlists[1], &backend);
    dialog.model()->setNow(kNow);
    dialog.reload();
    dialog.show();
    const SyncHistoryModel *m = dialog.model();
    ASSERT_EQ(m->rowCount(), 3);
    EXPECT_EQ(cell(m, 0, SyncHistoryModel::When), QStringLiteral("5 minutes ago"));
    EXPECT_EQ(cell(m, 0, SyncHistoryModel::Outcome), QStringLiteral("Failed"));
    EXPECT_TRUE(cell(m, 0, SyncHistoryModel::Note).contains(QStringLiteral("Plex did not answer")));
    // Nothing was written by the failed run or the preview: their counts are in brackets.
    EXPECT_EQ(cell(m, 0, SyncHistoryModel::Added), QStringLiteral("(2)"));
    EXPECT_EQ(cell(m, 1, SyncHistoryModel::Outcome), QStringLiteral("Preview"));
    EXPECT_EQ(cell(m, 1, SyncHistoryModel::Moved), QStringLiteral("(3)"));
    EXPECT_EQ(cell(m, 1, SyncHistoryModel::When), QStringLiteral("1 hour ago"));
    EXPECT_EQ(cell(m, 2, SyncHistoryModel::Outcome), QStringLiteral("Synced (created)"));
    EXPECT_EQ(cell(m, 2, SyncHistoryModel::Added), QStringLiteral("2"));
    EXPECT_EQ(cell(m, 2, SyncHistoryModel::Removed), QStringLiteral("1"));
    EXPECT_EQ(cell(m, 2, SyncHistoryModel::Moved), QStringLiteral("3"));
    EXPECT_EQ(cell(m, 2, SyncHistoryModel::Missing), QStringLiteral("1"));
    EXPECT_EQ(cell(m, 2, SyncHistoryModel::Found), QStringLiteral("4 of 5"));
    EXPECT_TRUE(m->index(2, SyncHistoryModel::When)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("took 7 s")));
    EXPECT_FALSE(m->index(0, SyncHistoryModel::Outcome).data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_FALSE(dialog.emptyLabel()->isVisible());
}

TEST_F(HistoryTest, TheSelectedRunListsItsMissingTracksByName)
{
    SyncHistoryDialog dialog(backend.playlists[1], &backend);
    dialog.show();
    // The newest run is selected; once the entries are loaded its lines carry track names.
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return dialog.tracks()->topLevelItemCount() == 1 &&
               dialog.tracks()->topLevelItem(0)->text(2).startsWith(QStringLiteral("Track 1 – Artist 1"));
    }));
    const QTreeWidgetItem *line = dialog.tracks()->topLevelItem(0);
    EXPECT_EQ(line->text(0), QStringLiteral("2"));
    EXPECT_EQ(line->text(1), QStringLiteral("Not found"));
    EXPECT_EQ(line->text(3), QStringLiteral("no candidate above the threshold"));
    // A run without lines says every track was found.
    dialog.table()->selectRow(2);
    EXPECT_EQ(dialog.tracks()->topLevelItemCount(), 0);
}

TEST_F(HistoryTest, NoRunYetAndAnUnreadableStoreAreSaidPlainly)
{
    SyncHistoryDialog none(backend.playlists[2], &backend);
    none.show();
    EXPECT_TRUE(none.emptyLabel()->isVisible());
    EXPECT_TRUE(none.emptyLabel()->text().contains(QStringLiteral("No sync has run")));

    backend.historyError = pb::Error::make(pb::ErrorKind::Storage, QStringLiteral("database is locked"));
    SyncHistoryDialog broken(backend.playlists[1], &backend);
    broken.show();
    EXPECT_TRUE(broken.emptyLabel()->isVisible());
    EXPECT_TRUE(broken.emptyLabel()->text().contains(QStringLiteral("database is locked")));
}

TEST_F(HistoryTest, ReachableFromTheCardAndTheDetailsAndReloadedAfterASync)
{
    MainWindow window(&backend);
    window.show();
    PlaylistItem *card = window.item(test::key("road"));
    ASSERT_NE(card, nullptr);
    QTest::mouseClick(card->historyButton(), Qt::LeftButton);
    auto *fromCard = window.findChild<SyncHistoryDialog *>();
    ASSERT_NE(fromCard, nullptr);
    EXPECT_TRUE(fromCard->isVisible());
    EXPECT_EQ(fromCard->playlist().id, QStringLiteral("road"));
    EXPECT_EQ(fromCard->model()->rowCount(), 3);
    // The same card again raises the same dialog; another card's replaces it.
    EXPECT_EQ(window.openHistory(test::key("road")), fromCard);
    SyncHistoryDialog *chill = window.openHistory(test::key("chill"));
    ASSERT_NE(chill, nullptr);
    EXPECT_NE(chill, fromCard);
    EXPECT_EQ(chill->playlist().id, QStringLiteral("chill"));

    // A finished sync of the playlist shows up without reopening.
    SyncRun newer = run(4, SyncOutcome::Succeeded, 0);
    backend.history[QStringLiteral("road")].insert(backend.history[QStringLiteral("road")].begin(), newer);
    PlaylistDetailsModal *modal = window.openDetails(test::key("road"));
    ASSERT_NE(modal, nullptr);
    QTest::mouseClick(modal->historyButton(), Qt::LeftButton);
    SyncHistoryDialog *fromModal = modal->findChild<SyncHistoryDialog *>();
    ASSERT_NE(fromModal, nullptr);
    EXPECT_EQ(fromModal->model()->rowCount(), 4);
    backend.history[QStringLiteral("road")].insert(backend.history[QStringLiteral("road")].begin(),
                                                   run(5, SyncOutcome::Cancelled, 0));
    backend.testRegistry()->finish(test::key("chill"), {});
    EXPECT_EQ(fromModal->model()->rowCount(), 4); // another playlist's sync: no reload
    backend.testRegistry()->finish(test::key("road"), {});
    EXPECT_EQ(fromModal->model()->rowCount(), 5);
    EXPECT_EQ(cell(fromModal->model(), 0, SyncHistoryModel::Outcome),
              QStringLiteral("Cancelled (Plex unchanged)"));
}

} // namespace
