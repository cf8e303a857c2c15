#include "pb/sync/statestore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <memory>

using namespace pb;
using namespace pb::sync;

namespace {

class StateStoreTest : public ::testing::Test {
protected:
    QString dbPath() const { return m_dir.filePath(QStringLiteral("state.sqlite")); }
    std::unique_ptr<StateStore> openStore()
    {
        auto r = StateStore::open(dbPath());
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().toString().toStdString());
        return r.ok() ? std::move(r).value() : nullptr;
    }
    QTemporaryDir m_dir;
};

TEST_F(StateStoreTest, CreatesSchemaAtCurrentVersionWithWal)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schemaVersion(), StateStore::kSchemaVersion);
    EXPECT_TRUE(QFile::exists(dbPath() + QStringLiteral("-wal")) || QFile::exists(dbPath()));
    // Reopening an up-to-date database changes nothing.
    store.reset();
    auto again = openStore();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->schemaVersion(), StateStore::kSchemaVersion);
}

// A database as the first releases wrote it (schema 1; schema 2 adds the history index):
// playlists and tracks keyed by Spotify ids alone. Kept verbatim: a migration must read it.
void writeLegacyDatabase(const QString &path, int version)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        const char *statements[] = {
            "CREATE TABLE playlist_links (spotify_playlist_id TEXT PRIMARY KEY NOT NULL, machine_id TEXT "
            "NOT NULL, plex_rating_key TEXT NOT NULL, plex_title TEXT NOT NULL, spotify_snapshot_id TEXT, "
            "plex_fingerprint TEXT, linked_at INTEGER, last_synced_at INTEGER)",
            "CREATE TABLE match_cache (spotify_track_id TEXT NOT NULL, machine_id TEXT NOT NULL, rating_key "
            "TEXT NOT NULL, confidence REAL NOT NULL, matched_at INTEGER, PRIMARY KEY (spotify_track_id, "
            "machine_id))",
            "CREATE TABLE manual_overrides (spotify_track_id TEXT NOT NULL, machine_id TEXT NOT NULL, "
            "rating_key TEXT NOT NULL, note TEXT, created_at INTEGER, PRIMARY KEY (spotify_track_id, "
            "machine_id))",
            "CREATE TABLE sync_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, spotify_playlist_id TEXT NOT "
            "NULL, "
            "machine_id TEXT, started_at INTEGER, finished_at INTEGER, outcome TEXT NOT NULL, dry_run "
            "INTEGER "
            "NOT NULL, total INTEGER, matched INTEGER, missing INTEGER, skipped INTEGER, added INTEGER, "
            "removed "
            "INTEGER, moved INTEGER, created INTEGER, plex_unchanged INTEGER, plex_rating_key TEXT, "
            "plex_title "
            "TEXT, error_kind TEXT, message TEXT)",
            "CREATE TABLE sync_run_tracks (run_id INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE "
            "CASCADE, "
            "position INTEGER NOT NULL, spotify_track_id TEXT, status TEXT NOT NULL, rating_key TEXT, "
            "confidence REAL, reason TEXT, PRIMARY KEY (run_id, position))",
            "INSERT INTO playlist_links VALUES ('sp1', 'm1', '100', 'Road', 'snap-7', 'fp', 1000, 2000)",
            "INSERT INTO match_cache VALUES ('t1', 'm1', '501', 0.93, 3000)",
            "INSERT INTO manual_overrides VALUES ('t2', 'm1', '502', 'mine', 4000)",
            "INSERT INTO sync_runs (spotify_playlist_id, machine_id, started_at, finished_at, outcome, "
            "dry_run, "
            "total, matched, missing, skipped, added, removed, moved, created, plex_unchanged, "
            "plex_rating_key, "
            "plex_title, error_kind, message) VALUES ('sp1', 'm1', 5000, 6000, 'succeeded', 0, 2, 2, 0, 0, "
            "2, "
            "0, 0, 1, 0, '100', 'Road', NULL, 'Created')",
            "INSERT INTO sync_run_tracks VALUES (1, 0, 't1', 'matched', '501', 0.93, 'ok')",
            "INSERT INTO sync_run_tracks VALUES (1, 1, 't2', 'matched', '502', 1.0, 'your choice')",
        };
        for (const char *statement : statements) {
            ASSERT_TRUE(q.exec(QString::fromLatin1(statement))) << statement;
        }
        if (version >= 2) {
            ASSERT_TRUE(q.exec(QStringLiteral(
                "CREATE INDEX sync_runs_by_playlist ON sync_runs (spotify_playlist_id, started_at DESC)")));
        }
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version)));
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
}

class StateStoreMigrationTest : public StateStoreTest, public ::testing::WithParamInterface<int> {};

TEST_P(StateStoreMigrationTest, EveryRowOfAnOlderDatabaseBecomesASpotifyRow)
{
    writeLegacyDatabase(dbPath(), GetParam());
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schemaVersion(), StateStore::kSchemaVersion);
    const PlaylistKey sp1 = PlaylistKey::spotify(QStringLiteral("sp1"));
    auto link = store->link(sp1);
    ASSERT_TRUE(link.ok()) << link.error().toString().toStdString();
    ASSERT_TRUE(link->has_value());
    EXPECT_EQ((*link)->playlist, sp1);
    EXPECT_EQ((*link)->plexRatingKey, QStringLiteral("100"));
    EXPECT_EQ((*link)->snapshotId, QStringLiteral("snap-7"));
    EXPECT_EQ((*link)->plexFingerprint, QStringLiteral("fp"));
    EXPECT_EQ((*link)->lastSyncedAt, QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC));
    EXPECT_FALSE(store->link({QString(kSourceFile), QStringLiteral("sp1")})->has_value());
    EXPECT_EQ(store->cachedMatches({QStringLiteral("t1")}, QStringLiteral("m1"))->front().ratingKey,
              QStringLiteral("501"));
    EXPECT_EQ(store->overrides({QStringLiteral("t2")}, QStringLiteral("m1"))->front().note,
              QStringLiteral("mine"));
    auto good = store->lastGoodRun(sp1);
    ASSERT_TRUE(good.ok() && good->has_value());
    EXPECT_EQ((*good)->playlist, sp1);
    EXPECT_EQ((*good)->result.playlist, sp1);
    ASSERT_EQ((*good)->tracks.size(), 2u);
    EXPECT_EQ((*good)->tracks[1].trackId, QStringLiteral("t2"));
    // New rows of another source live beside the old ones.
    ASSERT_TRUE(store
                    ->saveLink({{QString(kSourceDeezer), QStringLiteral("sp1")},
                                QStringLiteral("m1"),
                                QStringLiteral("200"),
                                QStringLiteral("Road (Deezer)"),
                                {},
                                {},
                                {},
                                {}})
                    .ok());
    EXPECT_EQ(store->links()->size(), 2u);
    EXPECT_EQ((*store->link(sp1))->plexRatingKey, QStringLiteral("100"));
}

INSTANTIATE_TEST_SUITE_P(FromSchema, StateStoreMigrationTest, ::testing::Values(1, 2));

TEST_F(StateStoreTest, RefusesANewerSchema)
{
    openStore().reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(dbPath());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version=99")));
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    auto r = StateStore::open(dbPath());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Storage);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("newer")));
}

TEST_F(StateStoreTest, CorruptFileIsATypedStorageError)
{
    QFile f(dbPath());
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QByteArray junk(8192, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = static_cast<char>((i * 131 + 7) & 0xff);
    f.write("this is not SQLite at all\n");
    f.write(junk);
    f.close();
    auto r = StateStore::open(dbPath());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Storage);
}

TEST_F(StateStoreTest, TruncatedDatabaseIsATypedStorageError)
{
    {
        auto store = openStore();
        ASSERT_TRUE(store);
    }
    // Keep a valid-looking header but cut the file: SQLite reports it malformed.
    QFile::remove(dbPath() + QStringLiteral("-wal"));
    QFile::remove(dbPath() + QStringLiteral("-shm"));
    QFile f(dbPath());
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    QByteArray head = f.read(100);
    f.resize(0);
    f.seek(0);
    head[16] = 0x10; // page size 4096 -> garbage-but-plausible
    f.write(head);
    f.write(QByteArray(50, 'x'));
    f.close();
    auto r = StateStore::open(dbPath());
    if (r.ok()) {
        // Some SQLite builds accept the header; then the first read must fail typed, not crash.
        auto links = r.value()->links();
        EXPECT_FALSE(links.ok());
        if (!links.ok()) {
            EXPECT_EQ(links.error().kind, ErrorKind::Storage);
        }
    } else {
        EXPECT_EQ(r.error().kind, ErrorKind::Storage);
    }
}

TEST_F(StateStoreTest, UnopenablePathIsATypedStorageError)
{
    auto r = StateStore::open(m_dir.path()); // a directory
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Storage);
    QFile blocker(m_dir.filePath(QStringLiteral("file")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    auto r2 = StateStore::open(m_dir.filePath(QStringLiteral("file/sub/state.sqlite")));
    ASSERT_FALSE(r2.ok());
    EXPECT_EQ(r2.error().kind, ErrorKind::Storage);
}

TEST_F(StateStoreTest, LinksRoundTripAndReplace)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    PlaylistLink l{PlaylistKey::spotify(QStringLiteral("sp1")),
                   QStringLiteral("mach"),
                   QStringLiteral("42"),
                   QStringLiteral("Mix ✓"),
                   QStringLiteral("snap1"),
                   QStringLiteral("fp"),
                   t,
                   t};
    ASSERT_TRUE(store->saveLink(l).ok());
    l.plexRatingKey = QStringLiteral("43");
    ASSERT_TRUE(store->saveLink(l).ok());
    auto got = store->link(pb::PlaylistKey::spotify(QStringLiteral("sp1")));
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ((*got)->plexRatingKey, QStringLiteral("43"));
    EXPECT_EQ((*got)->plexTitle, QStringLiteral("Mix ✓"));
    EXPECT_EQ((*got)->linkedAt, t);
    EXPECT_EQ(store->links()->size(), 1u);
    EXPECT_FALSE(store->link(pb::PlaylistKey::spotify(QStringLiteral("nope")))->has_value());
    ASSERT_TRUE(store->removeLink(pb::PlaylistKey::spotify(QStringLiteral("sp1"))).ok());
    EXPECT_TRUE(store->links()->empty());
    EXPECT_EQ(store->saveLink(PlaylistLink{}).error().kind, ErrorKind::InvalidInput);
}

TEST_F(StateStoreTest, MatchCacheIsPerServerAndBatched)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    std::vector<CachedMatch> matches;
    QStringList ids;
    for (int i = 0; i < 1000; ++i) { // more than one lookup slice
        const QString id = QStringLiteral("t%1").arg(i);
        ids << id;
        matches.push_back({id, QStringLiteral("A"), QString::number(5000 + i), 0.9, {}});
    }
    matches.push_back({QStringLiteral("t1"), QStringLiteral("B"), QStringLiteral("7"), 0.8, {}});
    matches.push_back({QString(), QStringLiteral("A"), QStringLiteral("9"), 0.8, {}}); // local file: ignored
    ASSERT_TRUE(store->saveMatches(matches).ok());
    auto a = store->cachedMatches(ids, QStringLiteral("A"));
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->size(), 1000u);
    auto b = store->cachedMatches({QStringLiteral("t1"), QStringLiteral("t2")}, QStringLiteral("B"));
    ASSERT_EQ(b->size(), 1u);
    EXPECT_EQ(b->front().ratingKey, QStringLiteral("7"));
    EXPECT_TRUE(b->front().matchedAt.isValid());
    ASSERT_TRUE(store->forgetMatches({QStringLiteral("t1")}, QStringLiteral("A")).ok());
    EXPECT_EQ(store->cachedMatches({QStringLiteral("t1")}, QStringLiteral("A"))->size(), 0u);
    EXPECT_EQ(store->cachedMatches({QStringLiteral("t1")}, QStringLiteral("B"))->size(), 1u);
}

TEST_F(StateStoreTest, OverridesIncludingNotInLibrary)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store
                    ->saveOverride({QStringLiteral("t1"),
                                    QStringLiteral("A"),
                                    QStringLiteral("77"),
                                    QStringLiteral("the studio take"),
                                    {}})
                    .ok());
    ASSERT_TRUE(store->saveOverride({QStringLiteral("t2"), QStringLiteral("A"), QString(), {}, {}}).ok());
    auto o = store->overrides({QStringLiteral("t1"), QStringLiteral("t2"), QStringLiteral("t3")},
                              QStringLiteral("A"));
    ASSERT_TRUE(o.ok());
    ASSERT_EQ(o->size(), 2u);
    for (const ManualOverride &m : *o) {
        if (m.trackId == QStringLiteral("t1"))
            EXPECT_EQ(m.ratingKey, QStringLiteral("77"));
        else
            EXPECT_TRUE(m.ratingKey.isEmpty());
    }
    ASSERT_TRUE(store->removeOverride(QStringLiteral("t1"), QStringLiteral("A")).ok());
    EXPECT_EQ(store->overrides({QStringLiteral("t1")}, QStringLiteral("A"))->size(), 0u);
}

TEST_F(StateStoreTest, HistoryKeepsRunsAndTracks)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    for (int i = 0; i < 3; ++i) {
        SyncRun run;
        run.playlist = pb::PlaylistKey::spotify(QStringLiteral("sp"));
        run.machineIdentifier = QStringLiteral("A");
        run.result.startedAt = QDateTime::fromMSecsSinceEpoch(1000 * (i + 1), Qt::UTC);
        run.result.finishedAt = run.result.startedAt.addSecs(1);
        run.result.outcome = i == 2 ? SyncOutcome::Failed : SyncOutcome::Succeeded;
        if (i == 2)
            run.result.error = Error::make(ErrorKind::RateLimited, QStringLiteral("slow down"));
        run.result.total = 2;
        run.result.matched = 1;
        run.result.missing = 1;
        run.result.edit.added = i;
        run.tracks = {
            {0, QStringLiteral("t0"), TrackStatus::Matched, QStringLiteral("5"), 0.97, QStringLiteral("ok")},
            {1, QStringLiteral("t1"), TrackStatus::Missing, {}, 0.2, QStringLiteral("no candidate")}};
        ASSERT_TRUE(store->recordRun(run).ok());
    }
    auto h = store->history(pb::PlaylistKey::spotify(QStringLiteral("sp")));
    ASSERT_TRUE(h.ok());
    ASSERT_EQ(h->size(), 3u);
    EXPECT_EQ(h->front().result.outcome, SyncOutcome::Failed);
    ASSERT_TRUE(h->front().result.error.has_value());
    EXPECT_EQ(h->front().result.error->kind, ErrorKind::RateLimited);
    auto good = store->lastGoodRun(pb::PlaylistKey::spotify(QStringLiteral("sp")));
    ASSERT_TRUE(good.ok() && good->has_value());
    EXPECT_EQ((*good)->result.edit.added, 1);
    ASSERT_EQ((*good)->tracks.size(), 2u);
    EXPECT_EQ((*good)->tracks[0].status, TrackStatus::Matched);
    EXPECT_EQ((*good)->tracks[1].status, TrackStatus::Missing);
    EXPECT_DOUBLE_EQ((*good)->tracks[0].confidence, 0.97);
}

TEST_F(StateStoreTest, StandingIsTheLastSyncAndTheLastCompletedOneNeverAPreview)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    const pb::PlaylistKey key = pb::PlaylistKey::spotify(QStringLiteral("sp"));
    auto empty = store->standing(key);
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE(empty->lastSync.has_value());
    EXPECT_FALSE(empty->lastCompleted.has_value());

    // Oldest first: a sync, a sync that wrote and was cancelled while verifying, a cancel
    // before any write, a failure, then a preview.
    struct Step {
        SyncOutcome outcome;
        bool dryRun;
        bool plexUnchanged;
        int matched;
    };
    const std::vector<Step> steps = {{SyncOutcome::Succeeded, false, false, 10},
                                     {SyncOutcome::Cancelled, false, false, 11},
                                     {SyncOutcome::Cancelled, false, true, 3},
                                     {SyncOutcome::Failed, false, true, 4},
                                     {SyncOutcome::Succeeded, true, true, 12}};
    for (std::size_t i = 0; i < steps.size(); ++i) {
        SyncRun run;
        run.playlist = key;
        run.machineIdentifier = QStringLiteral("A");
        run.result.startedAt = QDateTime::fromMSecsSinceEpoch(1000 * (static_cast<qint64>(i) + 1), Qt::UTC);
        run.result.finishedAt = run.result.startedAt.addSecs(1);
        run.result.outcome = steps[i].outcome;
        run.result.dryRun = steps[i].dryRun;
        run.result.plexPlaylistUnchanged = steps[i].plexUnchanged;
        if (steps[i].outcome == SyncOutcome::Failed) {
            run.result.error = Error::make(ErrorKind::Network, QStringLiteral("unreachable"));
            run.result.message = QStringLiteral("unreachable");
        }
        run.result.total = 12;
        run.result.matched = steps[i].matched;
        ASSERT_TRUE(store->recordRun(run).ok());
        auto standing = store->standing(key);
        ASSERT_TRUE(standing.ok());
        ASSERT_TRUE(standing->lastSync.has_value()) << i;
        ASSERT_TRUE(standing->lastCompleted.has_value()) << i;
        // What the standing should be after step i, by the matched count of the runs.
        const int lastSync = i == 4 ? 4 : steps[i].matched;
        const int lastCompleted = i == 0 ? 10 : 11;
        EXPECT_EQ(standing->lastSync->matched, lastSync) << i;
        EXPECT_EQ(standing->lastCompleted->matched, lastCompleted) << i;
        EXPECT_FALSE(standing->lastSync->dryRun) << i;
        EXPECT_TRUE(isCompletedSync(*standing->lastCompleted)) << i;
    }
    auto standing = store->standing(key);
    EXPECT_EQ(standing->lastSync->outcome, SyncOutcome::Failed);
    ASSERT_TRUE(standing->lastSync->error.has_value());
    EXPECT_EQ(standing->lastSync->message, QStringLiteral("unreachable"));
    EXPECT_FALSE(store->standing(pb::PlaylistKey::spotify(QStringLiteral("other")))->lastSync.has_value());
}

TEST_F(StateStoreTest, RunWithAPositionTwiceIsATypedErrorAndNothingIsStored)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    SyncRun run;
    run.playlist = pb::PlaylistKey::spotify(QStringLiteral("sp"));
    run.result.outcome = SyncOutcome::Cancelled;
    run.tracks = {{0, QStringLiteral("t0"), TrackStatus::Matched, QStringLiteral("5"), 1.0, {}},
                  {0, QStringLiteral("t1"), TrackStatus::Pending, {}, 0, {}}};
    auto id = store->recordRun(run);
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().kind, ErrorKind::InvalidInput);
    EXPECT_TRUE(store->history(pb::PlaylistKey::spotify(QStringLiteral("sp")))->empty());
    run.tracks[1].position = 1;
    ASSERT_TRUE(store->recordRun(run).ok());
    ASSERT_TRUE(store->recordRun(run).ok()); // the same tracks again: a new run, no clash
    EXPECT_EQ(store->history(pb::PlaylistKey::spotify(QStringLiteral("sp")))->size(), 2u);
}

TEST_F(StateStoreTest, ConnectionsPerThreadSeeEachOthersWrites)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    bool ok = false;
    std::unique_ptr<QThread> t(QThread::create([&] {
        auto other = StateStore::open(dbPath());
        if (!other.ok())
            return;
        std::vector<CachedMatch> m;
        for (int i = 0; i < 50; ++i)
            m.push_back({QStringLiteral("w%1").arg(i), QStringLiteral("A"), QStringLiteral("1"), 1.0, {}});
        ok = other.value()->saveMatches(m).ok();
    }));
    t->start();
    t->wait();
    EXPECT_TRUE(ok);
    EXPECT_EQ(
        store->cachedMatches({QStringLiteral("w0"), QStringLiteral("w49")}, QStringLiteral("A"))->size(), 2u);
}

TEST(PlexFingerprint, DependsOnOrderAndContent)
{
    const QString a = plexFingerprint({QStringLiteral("1"), QStringLiteral("2")});
    EXPECT_EQ(a, plexFingerprint({QStringLiteral("1"), QStringLiteral("2")}));
    EXPECT_NE(a, plexFingerprint({QStringLiteral("2"), QStringLiteral("1")}));
    EXPECT_NE(a, plexFingerprint({QStringLiteral("12")}));
}

} // namespace

namespace {

TEST(StateStoreImports, ImportedPlaylistsRoundTripAndAreReplacedWhole)
{
    QTemporaryDir dir;
    auto opened = StateStore::open(dir.filePath(QStringLiteral("state.sqlite")));
    ASSERT_TRUE(opened.ok());
    StateStore &store = **opened;
    ImportedPlaylistRecord r;
    r.id = QStringLiteral("road trip");
    r.name = QStringLiteral("Road Trip");
    r.format = QStringLiteral("M3U");
    r.fingerprint = QStringLiteral("f1");
    for (int i = 0; i < 3; ++i) {
        PlaylistEntry e;
        e.position = i;
        e.track.id = QStringLiteral("text:%1").arg(i);
        e.track.name = QStringLiteral("Song %1").arg(i);
        e.track.artists = {QStringLiteral("A, with a comma"), QStringLiteral("B")};
        e.track.isrc = QStringLiteral("GBAAA000000%1").arg(i);
        e.track.durationMs = 1000 * i;
        r.entries.push_back(e);
    }
    r.entries[2].skipReason = SkipReason::LocalFile;
    ASSERT_TRUE(store.saveImportedPlaylist(r).ok());
    auto got = store.importedPlaylist(r.id);
    ASSERT_TRUE(got.ok() && got->has_value());
    ASSERT_EQ((*got)->entries.size(), 3u);
    EXPECT_EQ((*got)->entries[1].track.artists, r.entries[1].track.artists);
    EXPECT_EQ((*got)->entries[1].track.isrc, QStringLiteral("GBAAA0000001"));
    EXPECT_EQ((*got)->entries[2].skipReason, SkipReason::LocalFile);
    EXPECT_EQ(store.importedPlaylists()->front().entryCount, 3);

    r.entries.resize(1);
    r.fingerprint = QStringLiteral("f2");
    ASSERT_TRUE(store.saveImportedPlaylist(r).ok());
    EXPECT_EQ((*store.importedPlaylist(r.id))->entries.size(), 1u);
    EXPECT_EQ((*store.importedPlaylist(r.id))->fingerprint, QStringLiteral("f2"));
    ASSERT_TRUE(store.removeImportedPlaylist(r.id).ok());
    EXPECT_FALSE(store.importedPlaylist(r.id)->has_value());
    EXPECT_EQ(store.saveImportedPlaylist(ImportedPlaylistRecord{}).error().kind, ErrorKind::InvalidInput);
}

} // namespace
