#include "pb/sync/statestore.h"

#include "pb/core/logging.h"
#include "sqlutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <atomic>

namespace pb::sync {

namespace {

QSqlDatabase connectionFor(const QString &name)
{
    // Second argument false: never reopen implicitly; open() decided success once.
    return QSqlDatabase::database(name, false);
}

// Each migration takes the schema from version i to i+1, inside the migration transaction.
// Never edit a shipped migration: append a new one.
const std::vector<std::vector<const char *>> &migrations()
{
    static const std::vector<std::vector<const char *>> kMigrations = {
        // 0 -> 1: the four stores.
        {
            "CREATE TABLE playlist_links ("
            " spotify_playlist_id TEXT PRIMARY KEY NOT NULL,"
            " machine_id TEXT NOT NULL,"
            " plex_rating_key TEXT NOT NULL,"
            " plex_title TEXT NOT NULL,"
            " spotify_snapshot_id TEXT,"
            " plex_fingerprint TEXT,"
            " linked_at INTEGER,"
            " last_synced_at INTEGER)",
            "CREATE TABLE match_cache ("
            " spotify_track_id TEXT NOT NULL,"
            " machine_id TEXT NOT NULL,"
            " rating_key TEXT NOT NULL,"
            " confidence REAL NOT NULL,"
            " matched_at INTEGER,"
            " PRIMARY KEY (spotify_track_id, machine_id))",
            "CREATE TABLE manual_overrides ("
            " spotify_track_id TEXT NOT NULL,"
            " machine_id TEXT NOT NULL,"
            " rating_key TEXT NOT NULL,"
            " note TEXT,"
            " created_at INTEGER,"
            " PRIMARY KEY (spotify_track_id, machine_id))",
            "CREATE TABLE sync_runs ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " spotify_playlist_id TEXT NOT NULL,"
            " machine_id TEXT,"
            " started_at INTEGER,"
            " finished_at INTEGER,"
            " outcome TEXT NOT NULL,"
            " dry_run INTEGER NOT NULL,"
            " total INTEGER, matched INTEGER, missing INTEGER, skipped INTEGER,"
            " added INTEGER, removed INTEGER, moved INTEGER, created INTEGER,"
            " plex_unchanged INTEGER,"
            " plex_rating_key TEXT, plex_title TEXT,"
            " error_kind TEXT, message TEXT)",
            "CREATE TABLE sync_run_tracks ("
            " run_id INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " spotify_track_id TEXT,"
            " status TEXT NOT NULL,"
            " rating_key TEXT,"
            " confidence REAL,"
            " reason TEXT,"
            " PRIMARY KEY (run_id, position))",
        },
        // 1 -> 2: history is read newest-first per playlist.
        {
            "CREATE INDEX sync_runs_by_playlist ON sync_runs (spotify_playlist_id, started_at DESC)",
        },
        // 2 -> 3: playlists are keyed by (source, id); every existing link and run came from
        // the Spotify Web API. Track ids are the sources' own (Spotify's stay as they were).
        {
            "CREATE TABLE playlist_links_v3 ("
            " source TEXT NOT NULL,"
            " playlist_id TEXT NOT NULL,"
            " machine_id TEXT NOT NULL,"
            " plex_rating_key TEXT NOT NULL,"
            " plex_title TEXT NOT NULL,"
            " snapshot_id TEXT,"
            " plex_fingerprint TEXT,"
            " linked_at INTEGER,"
            " last_synced_at INTEGER,"
            " PRIMARY KEY (source, playlist_id))",
            "INSERT INTO playlist_links_v3 SELECT 'spotify', spotify_playlist_id, machine_id, "
            "plex_rating_key,"
            " plex_title, spotify_snapshot_id, plex_fingerprint, linked_at, last_synced_at FROM "
            "playlist_links",
            "DROP TABLE playlist_links",
            "ALTER TABLE playlist_links_v3 RENAME TO playlist_links",
            "DROP INDEX sync_runs_by_playlist",
            "ALTER TABLE sync_runs RENAME COLUMN spotify_playlist_id TO playlist_id",
            "ALTER TABLE sync_runs ADD COLUMN source TEXT NOT NULL DEFAULT 'spotify'",
            "CREATE INDEX sync_runs_by_playlist ON sync_runs (source, playlist_id, started_at DESC)",
            "ALTER TABLE sync_run_tracks RENAME COLUMN spotify_track_id TO track_id",
            "ALTER TABLE match_cache RENAME COLUMN spotify_track_id TO track_id",
            "ALTER TABLE manual_overrides RENAME COLUMN spotify_track_id TO track_id",
        },
        // 3 -> 4: playlists imported from files (the file source), kept after the file is gone.
        {
            "CREATE TABLE imported_playlists ("
            " playlist_id TEXT PRIMARY KEY NOT NULL,"
            " name TEXT NOT NULL,"
            " description TEXT,"
            " format TEXT NOT NULL,"
            " origin TEXT,"
            " liked INTEGER NOT NULL DEFAULT 0,"
            " fingerprint TEXT NOT NULL,"
            " imported_at INTEGER)",
            "CREATE TABLE imported_entries ("
            " playlist_id TEXT NOT NULL REFERENCES imported_playlists(playlist_id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " track_id TEXT,"
            " title TEXT,"
            " artists TEXT,"
            " album TEXT,"
            " duration_ms INTEGER,"
            " isrc TEXT,"
            " uri TEXT,"
            " skip TEXT NOT NULL,"
            " PRIMARY KEY (playlist_id, position))",
        },
    };
    return kMigrations;
}

} // namespace

StateStore::StateStore(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{}

StateStore::~StateStore()
{
    {
        QSqlDatabase db = connectionFor(m_connectionName);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString StateStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/state.sqlite");
}

Result<std::unique_ptr<StateStore>> StateStore::open(const QString &path)
{
    static std::atomic<quint64> counter{0};
    // One connection per thread and store: Qt forbids using a QSqlDatabase on another thread.
    const QString name = QStringLiteral("pb-state-%1-%2")
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()))
                             .arg(counter.fetch_add(1));

    const QFileInfo info(path);
    if (info.isDir())
        return Error::make(ErrorKind::Storage,
                           QStringLiteral("the state database path is a directory: %1").arg(path));
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(ErrorKind::Storage,
                           QStringLiteral("could not create the folder %1").arg(info.absolutePath()));

    std::unique_ptr<StateStore> store(new StateStore(path, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return Error::make(ErrorKind::Storage, QStringLiteral("the SQLite driver is not available"));
        db.setDatabaseName(path);
        // Another connection (a worker, the GUI, a second process) may hold the write lock briefly.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return sql::storageError(QStringLiteral("could not open %1").arg(path), db.lastError());

        // SQLite opens anything lazily: the first statement is where a corrupt or foreign
        // file shows up ("file is not a database").
        auto wal = sql::run(db, QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!wal)
            return Error::make(
                ErrorKind::Storage,
                QStringLiteral("the state database %1 is unreadable (%2)").arg(path, wal.error().message));
        for (const char *pragma : {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
            auto r = sql::run(db, QString::fromLatin1(pragma));
            if (!r)
                return r.error();
        }
    }
    if (Status s = store->migrate(); !s)
        return s.error();
    return store;
}

int StateStore::schemaVersion() const
{
    auto r = sql::run(connectionFor(m_connectionName), QStringLiteral("PRAGMA user_version"));
    if (!r || !r->next())
        return -1;
    return r->value(0).toInt();
}

Status StateStore::migrate()
{
    QSqlDatabase db = connectionFor(m_connectionName);
    sql::Transaction tx(db);
    if (Status s = tx.status(); !s)
        return s;
    // Read the version inside the write transaction so two processes never both migrate.
    auto v = sql::run(db, QStringLiteral("PRAGMA user_version"));
    if (!v)
        return v.error();
    const int current = v->next() ? v->value(0).toInt() : 0;
    v->finish(); // a statement still open would lock the tables a migration drops
    const auto &steps = migrations();
    if (current > static_cast<int>(steps.size()))
        return Error::make(ErrorKind::Storage,
                           QStringLiteral("the state database %1 was written by a newer version "
                                          "(schema %2, this build knows %3)")
                               .arg(m_path)
                               .arg(current)
                               .arg(steps.size()));
    for (int i = current; i < static_cast<int>(steps.size()); ++i) {
        for (const char *statement : steps[static_cast<std::size_t>(i)]) {
            auto r = sql::run(db, QString::fromLatin1(statement));
            if (!r)
                return r.error();
        }
        log::db()->info("state database migrated to schema {}", i + 1);
    }
    // PRAGMA takes no bound parameters.
    auto set = sql::run(db, QStringLiteral("PRAGMA user_version=%1").arg(steps.size()));
    if (!set)
        return set.error();
    return tx.commit();
}

// --- links ---------------------------------------------------------------------------------

namespace {
const QString kLinkColumns =
    QStringLiteral("source, playlist_id, machine_id, plex_rating_key, plex_title, snapshot_id, "
                   "plex_fingerprint, linked_at, last_synced_at");

PlaylistLink readLink(const QSqlQuery &q)
{
    PlaylistLink l;
    l.playlist = {q.value(0).toString(), q.value(1).toString()};
    l.machineIdentifier = q.value(2).toString();
    l.plexRatingKey = q.value(3).toString();
    l.plexTitle = q.value(4).toString();
    l.snapshotId = q.value(5).toString();
    l.plexFingerprint = q.value(6).toString();
    l.linkedAt = sql::toTime(q.value(7));
    l.lastSyncedAt = sql::toTime(q.value(8));
    return l;
}
} // namespace

Result<std::optional<PlaylistLink>> StateStore::link(const PlaylistKey &playlist) const
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("SELECT ") + kLinkColumns +
                          QStringLiteral(" FROM playlist_links WHERE source = ? AND playlist_id = ?"),
                      {playlist.source, playlist.id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<PlaylistLink>();
    return std::optional<PlaylistLink>(readLink(*q));
}

Result<std::vector<PlaylistLink>> StateStore::links() const
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("SELECT ") + kLinkColumns + QStringLiteral(" FROM playlist_links"));
    if (!q)
        return q.error();
    std::vector<PlaylistLink> out;
    while (q->next())
        out.push_back(readLink(*q));
    return out;
}

Status StateStore::saveLink(const PlaylistLink &l)
{
    if (!l.playlist.isValid() || l.plexRatingKey.isEmpty() || l.machineIdentifier.isEmpty())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("a playlist link needs both ids"));
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("INSERT OR REPLACE INTO playlist_links (") + kLinkColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {l.playlist.source, l.playlist.id, l.machineIdentifier, l.plexRatingKey, l.plexTitle,
                       sql::nullable(l.snapshotId), sql::nullable(l.plexFingerprint),
                       sql::fromTime(l.linkedAt), sql::fromTime(l.lastSyncedAt)});
    return q ? Status() : Status(q.error());
}

Status StateStore::removeLink(const PlaylistKey &playlist)
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("DELETE FROM playlist_links WHERE source = ? AND playlist_id = ?"),
                      {playlist.source, playlist.id});
    return q ? Status() : Status(q.error());
}

// --- match cache and overrides -------------------------------------------------------------

namespace {
// SQLite limits bound parameters (999 on old builds); look ids up in slices.
constexpr int kSlice = 400;

QString placeholders(int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return s;
}

template <typename Row, typename ReadFn>
Result<std::vector<Row>> selectByIds(const QSqlDatabase &db, const QString &head, const QStringList &ids,
                                     const QString &machineId, ReadFn read)
{
    std::vector<Row> out;
    for (int start = 0; start < ids.size(); start += kSlice) {
        const QStringList slice = ids.mid(start, kSlice);
        QSqlQuery q(db);
        if (!q.prepare(head + QStringLiteral(" WHERE machine_id = ? AND track_id IN (") +
                       placeholders(static_cast<int>(slice.size())) + QStringLiteral(")")))
            return sql::storageError(QStringLiteral("could not prepare a lookup"), q.lastError());
        q.addBindValue(machineId);
        for (const QString &id : slice)
            q.addBindValue(id);
        if (!q.exec())
            return sql::storageError(QStringLiteral("could not run a lookup"), q.lastError());
        while (q.next())
            out.push_back(read(q));
    }
    return out;
}
} // namespace

Result<std::vector<CachedMatch>> StateStore::cachedMatches(const QStringList &trackIds,
                                                           const QString &machineIdentifier) const
{
    return selectByIds<CachedMatch>(
        connectionFor(m_connectionName),
        QStringLiteral("SELECT track_id, machine_id, rating_key, confidence, matched_at FROM match_cache"),
        trackIds, machineIdentifier, [](const QSqlQuery &q) {
            CachedMatch m;
            m.trackId = q.value(0).toString();
            m.machineIdentifier = q.value(1).toString();
            m.ratingKey = q.value(2).toString();
            m.confidence = q.value(3).toDouble();
            m.matchedAt = sql::toTime(q.value(4));
            return m;
        });
}

Status StateStore::saveMatches(const std::vector<CachedMatch> &matches)
{
    QSqlDatabase db = connectionFor(m_connectionName);
    sql::Transaction tx(db);
    if (Status s = tx.status(); !s)
        return s;
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT OR REPLACE INTO match_cache (track_id, machine_id, "
                                  "rating_key, confidence, matched_at) VALUES (?, ?, ?, ?, ?)")))
        return sql::storageError(QStringLiteral("could not prepare the cache update"), q.lastError());
    for (const CachedMatch &m : matches) {
        if (m.trackId.isEmpty())
            continue; // local files have no id to remember
        q.addBindValue(m.trackId);
        q.addBindValue(m.machineIdentifier);
        q.addBindValue(m.ratingKey.isNull() ? QStringLiteral("") : m.ratingKey); // "" = a remembered miss
        q.addBindValue(m.confidence);
        q.addBindValue(sql::fromTime(m.matchedAt.isValid() ? m.matchedAt : QDateTime::currentDateTimeUtc()));
        if (!q.exec())
            return sql::storageError(QStringLiteral("could not update the match cache"), q.lastError());
    }
    return tx.commit();
}

Status StateStore::forgetMatches(const QStringList &trackIds, const QString &machineIdentifier)
{
    QSqlDatabase db = connectionFor(m_connectionName);
    sql::Transaction tx(db);
    if (Status s = tx.status(); !s)
        return s;
    for (const QString &id : trackIds) {
        auto r = sql::run(db, QStringLiteral("DELETE FROM match_cache WHERE track_id = ? AND machine_id = ?"),
                          {id, machineIdentifier});
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<std::vector<ManualOverride>> StateStore::overrides(const QStringList &trackIds,
                                                          const QString &machineIdentifier) const
{
    return selectByIds<ManualOverride>(
        connectionFor(m_connectionName),
        QStringLiteral("SELECT track_id, machine_id, rating_key, note, created_at FROM manual_overrides"),
        trackIds, machineIdentifier, [](const QSqlQuery &q) {
            ManualOverride o;
            o.trackId = q.value(0).toString();
            o.machineIdentifier = q.value(1).toString();
            o.ratingKey = q.value(2).toString();
            o.note = q.value(3).toString();
            o.createdAt = sql::toTime(q.value(4));
            return o;
        });
}

Status StateStore::saveOverride(const ManualOverride &o)
{
    if (o.trackId.isEmpty() || o.machineIdentifier.isEmpty())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("an override needs a track and a server"));
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("INSERT OR REPLACE INTO manual_overrides (track_id, machine_id, "
                                     "rating_key, note, created_at) VALUES (?, ?, ?, ?, ?)"),
                      {o.trackId, o.machineIdentifier,
                       o.ratingKey.isNull() ? QStringLiteral("") : o.ratingKey, sql::nullable(o.note),
                       sql::fromTime(o.createdAt.isValid() ? o.createdAt : QDateTime::currentDateTimeUtc())});
    return q ? Status() : Status(q.error());
}

Status StateStore::removeOverride(const QString &trackId, const QString &machineIdentifier)
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("DELETE FROM manual_overrides WHERE track_id = ? AND machine_id = ?"),
                      {trackId, machineIdentifier});
    return q ? Status() : Status(q.error());
}

QString plexFingerprint(const QStringList &ratingKeysInOrder)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString &k : ratingKeysInOrder) {
        h.addData(k.toUtf8());
        h.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(h.result().toHex());
}

} // namespace pb::sync
