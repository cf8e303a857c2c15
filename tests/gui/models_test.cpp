#include "testbackend.h"

#include "pb/gui/appsettings.h"
#include "pb/gui/csvexport.h"
#include "pb/gui/tracktablemodel.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;
using pb::sync::TrackOutcome;
using pb::sync::TrackStatus;

TrackOutcome outcome(int position, TrackStatus status, const QString &reason = {})
{
    TrackOutcome o;
    o.position = position;
    o.track = test::makeEntries(position + 1).back().track;
    o.status = status;
    o.reason = reason;
    if (status == TrackStatus::Matched) {
        o.plexTrack.ratingKey = QStringLiteral("k%1").arg(position);
        o.plexTrack.title = o.track.name;
        o.plexTrack.grandparentTitle = o.track.artists.front();
        o.confidence = 0.93;
    }
    return o;
}

TEST(TrackTableModel, EntriesStartPendingAndFillInLive)
{
    TrackTableModel model;
    model.setEntries(test::makeEntries(3));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), TrackTableModel::ColumnCount);
    EXPECT_EQ(model.countWithStatus(TrackStatus::Pending), 3);
    EXPECT_EQ(model.index(1, TrackTableModel::Title).data().toString(), QStringLiteral("Track 1"));
    EXPECT_EQ(model.index(0, TrackTableModel::Position).data().toInt(), 1);
    EXPECT_EQ(model.index(0, TrackTableModel::Duration).data().toString(), QStringLiteral("3:20"));

    QSignalSpy changed(&model, &TrackTableModel::dataChanged);
    model.updateOutcome(outcome(1, TrackStatus::Matched, QStringLiteral("accepted: title and artist equal")));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().row(), 1);
    EXPECT_EQ(model.index(1, TrackTableModel::Status).data().toString(), QStringLiteral("Matched"));
    EXPECT_EQ(model.index(1, TrackTableModel::PlexTrack).data().toString(),
              QStringLiteral("Artist 1 – Track 1"));
    EXPECT_EQ(model.index(1, TrackTableModel::Confidence).data().toString(), QStringLiteral("93 %"));
    EXPECT_TRUE(model.index(1, TrackTableModel::Title)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("title and artist equal")));
    EXPECT_FALSE(model.index(1, TrackTableModel::Status).data(Qt::DecorationRole).value<QIcon>().isNull());
}

TEST(TrackTableModel, OutcomeBeyondTheEndAppendsRows)
{
    TrackTableModel model;
    model.updateOutcome(outcome(4, TrackStatus::Missing, QStringLiteral("no candidate")));
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.outcome(2).position, 2);
    EXPECT_EQ(model.index(4, TrackTableModel::Status).data().toString(), QStringLiteral("Not found"));
    EXPECT_TRUE(model.index(4, TrackTableModel::PlexTrack).data().toString().isEmpty());
}

TEST(TrackTableModel, ResetKeepsSkippedAndTracks)
{
    TrackTableModel model;
    auto entries = test::makeEntries(2);
    entries[1].skipReason = pb::SkipReason::LocalFile;
    model.setEntries(entries);
    EXPECT_EQ(model.countWithStatus(TrackStatus::Skipped), 1);
    model.updateOutcome(outcome(0, TrackStatus::Matched));
    model.resetStatuses();
    EXPECT_EQ(model.countWithStatus(TrackStatus::Pending), 1);
    EXPECT_EQ(model.countWithStatus(TrackStatus::Skipped), 1);
    EXPECT_EQ(model.index(0, TrackTableModel::Title).data().toString(), QStringLiteral("Track 0"));
}

TEST(CsvExport, OnlyMissingTracksQuotedAndFormulaSafe)
{
    std::vector<TrackOutcome> rows = {outcome(0, TrackStatus::Matched), outcome(1, TrackStatus::Missing),
                                      outcome(2, TrackStatus::Missing)};
    rows[1].track.name = QStringLiteral("Hello, \"World\"");
    rows[1].reason = QStringLiteral("rejected: live version");
    rows[2].track.name = QStringLiteral("=HYPERLINK(\"x\")");
    rows[2].track.artists = {QStringLiteral("Björk"), QStringLiteral("Thom Yorke")};
    const QString csv = QString::fromUtf8(missingTracksCsv(rows));
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("position,title,artists")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("2,\"Hello, \"\"World\"\"\",Artist 1,")));
    EXPECT_TRUE(lines[1].contains(QStringLiteral("rejected: live version")));
    EXPECT_TRUE(lines[1].endsWith(QStringLiteral("\"Artist 1 Hello, \"\"World\"\"\"")));
    EXPECT_TRUE(lines[2].contains(QStringLiteral("'=HYPERLINK")));
    EXPECT_TRUE(lines[2].contains(QStringLiteral("Björk; Thom Yorke")));
}

TEST(AppSettings, DefaultsRoundTripAndClamping)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings loaded = AppSettings::load(settings);
    EXPECT_EQ(loaded.playlistNaming, QStringLiteral("{name}"));
    EXPECT_DOUBLE_EQ(loaded.matchThreshold, AppSettings::kDefaultThreshold);

    AppSettings s;
    s.playlistNaming = QStringLiteral("{name} (Spotify)");
    s.matchThreshold = 0.9;
    s.concurrency = 8;
    s.save(settings);
    loaded = AppSettings::load(settings);
    EXPECT_EQ(loaded.plexTitleFor(QStringLiteral("Road Trip"), QStringLiteral("Alex")),
              QStringLiteral("Road Trip (Spotify)"));
    EXPECT_DOUBLE_EQ(loaded.matchThreshold, 0.9);
    EXPECT_EQ(loaded.concurrency, 8);

    settings.setValue(QStringLiteral("sync/matchThreshold"), 7.0);
    settings.setValue(QStringLiteral("sync/concurrency"), QStringLiteral("lots"));
    settings.setValue(QStringLiteral("sync/playlistNaming"), QStringLiteral("no placeholder"));
    loaded = AppSettings::load(settings);
    EXPECT_DOUBLE_EQ(loaded.matchThreshold, AppSettings::kMaxThreshold);
    EXPECT_EQ(loaded.concurrency, AppSettings::kDefaultConcurrency);
    EXPECT_EQ(loaded.playlistNaming, QStringLiteral("{name}"));
}

TEST(AppSettings, SyncOptionsCarryTheTitleFromThePattern)
{
    pb::SourcePlaylist p;
    p.name = QStringLiteral("Road Trip");
    p.ownerName = QStringLiteral("Alex");
    AppSettings s;
    pb::sync::SyncOptions o = syncOptionsFor(p, QStringLiteral("3"), s);
    EXPECT_EQ(o.librarySectionKey, QStringLiteral("3"));
    EXPECT_EQ(o.plexTitle, QStringLiteral("Road Trip"));
    EXPECT_FALSE(o.dryRun);
    s.playlistNaming = QStringLiteral("{name} (Spotify)");
    EXPECT_EQ(syncOptionsFor(p, {}, s).plexTitle, QStringLiteral("Road Trip (Spotify)"));
    s.playlistNaming = QStringLiteral("{owner}: {name}");
    EXPECT_EQ(syncOptionsFor(p, {}, s).plexTitle, QStringLiteral("Alex: Road Trip"));
    p.ownerName.clear();
    p.ownerId = QStringLiteral("alex42");
    EXPECT_EQ(syncOptionsFor(p, {}, s).plexTitle, QStringLiteral("alex42: Road Trip"));
    // The matching settings travel with the sync too: a change in Settings applies to the
    // next sync without a restart, and the default is the one the CLI and match-eval use.
    EXPECT_DOUBLE_EQ(o.acceptThreshold, pb::matching::kAcceptThreshold);
    EXPECT_EQ(o.searchesInFlight, AppSettings::kDefaultConcurrency);
    s.matchThreshold = 0.93;
    s.concurrency = 2;
    o = syncOptionsFor(p, {}, s);
    EXPECT_DOUBLE_EQ(o.acceptThreshold, 0.93);
    EXPECT_EQ(o.searchesInFlight, 2);
}

} // namespace
