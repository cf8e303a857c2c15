// A second sync must not forget what was matched: the details table names the Plex track of
// every matched row after each sync, whether the match was made now, came from the match cache
// or the "already up to date" shortcut, or from a manual fix; also after the details are closed
// and reopened, and after a restart of the app on a profile with its state in SQLite.
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/fakes/fakeservices.h"
#include "pb/fakes/world.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/gui/tracktablemodel.h"
#include "pb/sync/syncregistry.h"

#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace {

using namespace pb::gui;
using pb::app::ServiceBackend;
using pb::app::ServiceConnection;
using namespace pb::sync;

constexpr int kTimeoutMs = 120000;

/// "Artist – Title" as the Plex track column shows it, by rating key, from the world itself.
QHash<QString, QString> plexNames(const pb::fakes::World &world)
{
    QHash<QString, QString> names;
    for (const pb::fakes::WorldPlexTrack &t : world.plex.tracks) {
        const QString artist = t.originalTitle.isEmpty() ? t.artist : t.originalTitle;
        names.insert(t.ratingKey, artist + QStringLiteral(" – ") + t.title);
    }
    return names;
}

class ResyncTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(settingsDir.isValid());
        ASSERT_TRUE(profileDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
        world = pb::fakes::demoWorld();
        names = plexNames(world);
        pb::app::DemoOptions options;
        options.latency = std::chrono::milliseconds(0);
        demo = std::make_unique<pb::app::DemoEnvironment>(options);
        ASSERT_TRUE(demo->start().ok());
        for (const auto &p : world.spotify.playlists) {
            if (p.name == QStringLiteral("The Big 500"))
                big = pb::PlaylistKey::spotify(p.id);
        }
        ASSERT_FALSE(big.id.isEmpty()) << "the demo world has \"The Big 500\"";
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

    /// The app as it starts: a backend on `connection` and its window, playlists loaded.
    void launch(const ServiceConnection &connection)
    {
        window.reset();
        backend.reset();
        backend = std::make_unique<ServiceBackend>(connection);
        window = std::make_unique<MainWindow>(backend.get());
        window->show();
        ASSERT_TRUE(QTest::qWaitFor([&] { return window->item(big) != nullptr; }, kTimeoutMs));
    }

    /// A profile of one's own (not the demo) against the same fakes: the sync state in a
    /// SQLite file that outlives the backend, as a saved profile's does.
    ServiceConnection profile() const
    {
        ServiceConnection c = demo->connection(); // fresh tokens each time, as after sign-in
        c.status.demo = false;
        c.serviceOptions.databasePath = profileDir.filePath(QStringLiteral("state.sqlite"));
        return c;
    }

    PlaylistDetailsModal *openDetails()
    {
        PlaylistDetailsModal *modal = window->openDetails(big);
        EXPECT_NE(modal, nullptr);
        if (modal) {
            EXPECT_TRUE(QTest::qWaitFor([&] { return modal->trackModel()->rowCount() == 500; }, kTimeoutMs));
        }
        return modal;
    }

    SyncResult syncIn(PlaylistDetailsModal *modal)
    {
        QSignalSpy finished(backend->registry(), &SyncRegistry::syncFinished);
        QTest::mouseClick(modal->syncButton(), Qt::LeftButton);
        EXPECT_TRUE(finished.wait(kTimeoutMs));
        return finished.isEmpty() ? SyncResult{} : finished.takeFirst().at(1).value<SyncResult>();
    }

    /// Every matched row names the Plex track of its rating key; as many rows as the sync matched.
    void expectEveryMatchedRowNamed(PlaylistDetailsModal *modal, const SyncResult &result, const char *when)
    {
        SCOPED_TRACE(when);
        const TrackTableModel *m = modal->trackModel();
        int matched = 0;
        for (int row = 0; row < m->rowCount(); ++row) {
            const TrackOutcome &o = m->outcome(row);
            if (o.status != TrackStatus::Matched)
                continue;
            ++matched;
            const QString shown = m->index(row, TrackTableModel::PlexTrack).data().toString();
            ASSERT_TRUE(names.contains(o.plexTrack.ratingKey)) << "row " << row;
            EXPECT_EQ(shown.toStdString(), names.value(o.plexTrack.ratingKey).toStdString()) << "row " << row;
        }
        EXPECT_GT(matched, 0);
        EXPECT_EQ(matched, result.matched);
    }

    QTemporaryDir settingsDir;
    QTemporaryDir profileDir;
    pb::fakes::World world;
    QHash<QString, QString> names;
    pb::PlaylistKey big;
    std::unique_ptr<pb::app::DemoEnvironment> demo;
    std::unique_ptr<ServiceBackend> backend;
    std::unique_ptr<MainWindow> window;
};

TEST_F(ResyncTest, EverySyncOfTheBig500NamesEachMatchedPlexTrack)
{
    launch(demo->connection());
    PlaylistDetailsModal *modal = openDetails();
    ASSERT_NE(modal, nullptr);

    const SyncResult first = syncIn(modal);
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    ASSERT_GT(first.missing, 0) << "the demo's big playlist has tracks Plex does not";
    expectEveryMatchedRowNamed(modal, first, "first sync: matched now");

    // Nothing changed on either side: the "already up to date" shortcut.
    const SyncResult second = syncIn(modal);
    ASSERT_EQ(second.outcome, SyncOutcome::Succeeded) << second.message.toStdString();
    EXPECT_TRUE(second.message.contains(QStringLiteral("up to date"))) << second.message.toStdString();
    EXPECT_EQ(second.matched, first.matched);
    expectEveryMatchedRowNamed(modal, second, "second sync: nothing changed");
    EXPECT_TRUE(modal->statusWidget()->currentTrackLabel()->text().startsWith(QStringLiteral("Up to date")))
        << modal->statusWidget()->currentTrackLabel()->text().toStdString();

    modal->close();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->currentDetails() == nullptr; }));
    modal = openDetails();
    ASSERT_NE(modal, nullptr);
    expectEveryMatchedRowNamed(modal, second, "reopened after the second sync");

    // A manual fix of a missing track: named at once, and by the syncs after it (the first
    // through the matcher with the rest from the match cache, the next through the shortcut).
    int row = -1;
    for (int i = 0; i < modal->trackModel()->rowCount() && row < 0; ++i) {
        if (modal->trackModel()->outcome(i).status == TrackStatus::Missing)
            row = i;
    }
    ASSERT_GE(row, 0);
    const pb::fakes::WorldPlexTrack &w = world.plex.tracks.back();
    pb::PlexTrack chosen;
    chosen.ratingKey = w.ratingKey;
    chosen.title = w.title;
    chosen.grandparentTitle = w.artist;
    chosen.originalTitle = w.originalTitle;
    ASSERT_TRUE(modal->applyManualMatch(row, chosen).ok());
    EXPECT_EQ(modal->trackModel()->index(row, TrackTableModel::PlexTrack).data().toString(),
              names.value(w.ratingKey));
    const SyncResult fixed = syncIn(modal);
    ASSERT_EQ(fixed.outcome, SyncOutcome::Succeeded) << fixed.message.toStdString();
    EXPECT_EQ(fixed.matched, first.matched + 1);
    EXPECT_TRUE(modal->trackModel()->outcome(row).fromOverride);
    expectEveryMatchedRowNamed(modal, fixed, "after a manual fix");
    const SyncResult again = syncIn(modal);
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_TRUE(again.message.contains(QStringLiteral("up to date"))) << again.message.toStdString();
    EXPECT_TRUE(modal->trackModel()->outcome(row).fromOverride);
    expectEveryMatchedRowNamed(modal, again, "the sync after the manual fix");
}

TEST_F(ResyncTest, AfterARestartOnASavedProfileTheSyncStillNamesEachMatchedPlexTrack)
{
    launch(profile());
    EXPECT_FALSE(window->windowTitle().contains(QStringLiteral("Demo")));
    PlaylistDetailsModal *modal = openDetails();
    ASSERT_NE(modal, nullptr);
    const SyncResult first = syncIn(modal);
    ASSERT_EQ(first.outcome, SyncOutcome::Succeeded) << first.message.toStdString();
    expectEveryMatchedRowNamed(modal, first, "first sync on the profile");

    // Quit and start again: only the SQLite state (links, match cache, history) remains.
    launch(profile());
    modal = openDetails();
    ASSERT_NE(modal, nullptr);
    // Before any sync, the details show the last run from the history, each match named by Plex.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return modal->trackModel()->countWithStatus(TrackStatus::Matched) == first.matched; },
        kTimeoutMs));
    EXPECT_EQ(modal->trackModel()->countWithStatus(TrackStatus::Missing), first.missing);
    expectEveryMatchedRowNamed(modal, first, "reopened after the restart, before a sync");
    for (int row = 0; row < modal->trackModel()->rowCount(); ++row)
        EXPECT_FALSE(modal->trackModel()->outcome(row).track.name.isEmpty()) << "row " << row;
    const SyncResult afterRestart = syncIn(modal);
    ASSERT_EQ(afterRestart.outcome, SyncOutcome::Succeeded) << afterRestart.message.toStdString();
    EXPECT_TRUE(afterRestart.message.contains(QStringLiteral("up to date")))
        << afterRestart.message.toStdString();
    EXPECT_EQ(afterRestart.matched, first.matched);
    expectEveryMatchedRowNamed(modal, afterRestart, "first sync after the restart");

    // A change on Spotify's side: matching runs, every known track from the match cache.
    std::vector<QString> ids;
    for (const auto &p : world.spotify.playlists) {
        if (pb::PlaylistKey::spotify(p.id) == big)
            ids = p.tracks;
    }
    ASSERT_EQ(ids.size(), 500u);
    std::rotate(ids.begin(), ids.end() - 1, ids.end()); // the last track first
    ASSERT_TRUE(demo->fakes()->setSpotifyPlaylistTracks(big.id, ids));
    const SyncResult reordered = syncIn(modal);
    ASSERT_EQ(reordered.outcome, SyncOutcome::Succeeded) << reordered.message.toStdString();
    EXPECT_FALSE(reordered.message.contains(QStringLiteral("up to date")));
    EXPECT_EQ(reordered.matched, first.matched);
    expectEveryMatchedRowNamed(modal, reordered, "after Spotify reordered the playlist");
}

} // namespace
