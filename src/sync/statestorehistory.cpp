// The sync history half of the state store: one row per run, one per track of the run.
#include "pb/sync/statestore.h"

#include "sqlutil.h"

#include <QSet>

namespace pb::sync {

namespace {

QSqlDatabase connectionFor(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

QString outcomeName(SyncOutcome o)
{
    switch (o) {
    case SyncOutcome::Succeeded: return QStringLiteral("succeeded");
    case SyncOutcome::Failed: return QStringLiteral("failed");
    case SyncOutcome::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

SyncOutcome outcomeFrom(const QString &s)
{
    if (s == QLatin1String("succeeded"))
        return SyncOutcome::Succeeded;
    if (s == QLatin1String("cancelled"))
        return SyncOutcome::Cancelled;
    return SyncOutcome::Failed;
}

QString statusName(TrackStatus s)
{
    switch (s) {
    case TrackStatus::Pending: return QStringLiteral("pending");
    case TrackStatus::Matched: return QStringLiteral("matched");
    case TrackStatus::Missing: return QStringLiteral("missing");
    case TrackStatus::Skipped: return QStringLiteral("skipped");
    }
    return QStringLiteral("pending");
}

TrackStatus statusFrom(const QString &s)
{
    if (s == QLatin1String("matched"))
        return TrackStatus::Matched;
    if (s == QLatin1String("missing"))
        return TrackStatus::Missing;
    if (s == QLatin1String("skipped"))
        return TrackStatus::Skipped;
    return TrackStatus::Pending;
}

ErrorKind errorKindFrom(const QString &name)
{
    for (int k = 0; k <= static_cast<int>(ErrorKind::Internal); ++k) {
        if (errorKindName(static_cast<ErrorKind>(k)) == name)
            return static_cast<ErrorKind>(k);
    }
    return ErrorKind::Internal;
}

const QString kRunColumns = QStringLiteral(
    "id, playlist_id, machine_id, started_at, finished_at, outcome, dry_run, total, matched, "
    "missing, skipped, added, removed, moved, created, plex_unchanged, plex_rating_key, plex_title, "
    "error_kind, message, source");

SyncRun readRun(const QSqlQuery &q)
{
    SyncRun run;
    run.id = q.value(0).toLongLong();
    run.playlist = {q.value(20).toString(), q.value(1).toString()};
    run.machineIdentifier = q.value(2).toString();
    SyncResult &r = run.result;
    r.playlist = run.playlist;
    r.startedAt = sql::toTime(q.value(3));
    r.finishedAt = sql::toTime(q.value(4));
    r.outcome = outcomeFrom(q.value(5).toString());
    r.dryRun = q.value(6).toBool();
    r.total = q.value(7).toInt();
    r.matched = q.value(8).toInt();
    r.missing = q.value(9).toInt();
    r.skipped = q.value(10).toInt();
    r.edit.added = q.value(11).toInt();
    r.edit.removed = q.value(12).toInt();
    r.edit.moved = q.value(13).toInt();
    r.edit.created = q.value(14).toBool();
    r.plexPlaylistUnchanged = q.value(15).toBool();
    r.plexPlaylistRatingKey = q.value(16).toString();
    r.plexPlaylistTitle = q.value(17).toString();
    r.message = q.value(19).toString();
    if (r.outcome == SyncOutcome::Failed) {
        // The kind is kept by name for display; the message is what the user saw.
        r.error = Error::make(errorKindFrom(q.value(18).toString()), r.message);
    }
    return run;
}

} // namespace

Result<qint64> StateStore::recordRun(const SyncRun &run)
{
    // (run id, position) is the key: a caller sending one position twice is a bug, reported as
    // such before anything is written rather than as SQLite's constraint message.
    QSet<int> positions;
    for (const RunTrack &t : run.tracks) {
        if (t.position < 0 || positions.contains(t.position))
            return Error::make(
                ErrorKind::InvalidInput,
                QStringLiteral("a sync run lists track position %1 twice or out of range").arg(t.position));
        positions.insert(t.position);
    }
    QSqlDatabase db = connectionFor(m_connectionName);
    sql::Transaction tx(db);
    if (Status s = tx.status(); !s)
        return s.error();
    const SyncResult &r = run.result;
    auto ins = sql::run(
        db,
        QStringLiteral("INSERT INTO sync_runs (source, playlist_id, machine_id, started_at, finished_at, "
                       "outcome, dry_run, total, matched, missing, skipped, added, removed, moved, created, "
                       "plex_unchanged, plex_rating_key, plex_title, error_kind, message) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {run.playlist.source,
         run.playlist.id,
         sql::nullable(run.machineIdentifier),
         sql::fromTime(r.startedAt),
         sql::fromTime(r.finishedAt),
         outcomeName(r.outcome),
         r.dryRun,
         r.total,
         r.matched,
         r.missing,
         r.skipped,
         r.edit.added,
         r.edit.removed,
         r.edit.moved,
         r.edit.created,
         r.plexPlaylistUnchanged,
         sql::nullable(r.plexPlaylistRatingKey),
         sql::nullable(r.plexPlaylistTitle),
         r.error ? QVariant(errorKindName(r.error->kind)) : QVariant(),
         sql::nullable(r.message)});
    if (!ins)
        return ins.error();
    const qint64 id = ins->lastInsertId().toLongLong();

    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO sync_run_tracks (run_id, position, track_id, status, "
                                  "rating_key, confidence, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")))
        return sql::storageError(QStringLiteral("could not prepare the history update"), q.lastError());
    for (const RunTrack &t : run.tracks) {
        q.addBindValue(id);
        q.addBindValue(t.position);
        q.addBindValue(sql::nullable(t.trackId));
        q.addBindValue(statusName(t.status));
        q.addBindValue(sql::nullable(t.ratingKey));
        q.addBindValue(t.confidence);
        q.addBindValue(sql::nullable(t.reason));
        if (!q.exec())
            return sql::storageError(QStringLiteral("could not record a track of the run"), q.lastError());
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<std::vector<SyncRun>> StateStore::history(const PlaylistKey &playlist, int limit) const
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("SELECT ") + kRunColumns +
                          QStringLiteral(" FROM sync_runs WHERE source = ? AND playlist_id = ? "
                                         "ORDER BY started_at DESC, id DESC LIMIT ?"),
                      {playlist.source, playlist.id, limit});
    if (!q)
        return q.error();
    std::vector<SyncRun> out;
    while (q->next())
        out.push_back(readRun(*q));
    return out;
}

Result<std::vector<RunTrack>> StateStore::runTracks(qint64 runId) const
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("SELECT position, track_id, status, rating_key, confidence, reason "
                                     "FROM sync_run_tracks WHERE run_id = ? ORDER BY position"),
                      {runId});
    if (!q)
        return q.error();
    std::vector<RunTrack> out;
    while (q->next()) {
        RunTrack t;
        t.position = q->value(0).toInt();
        t.trackId = q->value(1).toString();
        t.status = statusFrom(q->value(2).toString());
        t.ratingKey = q->value(3).toString();
        t.confidence = q->value(4).toDouble();
        t.reason = q->value(5).toString();
        out.push_back(std::move(t));
    }
    return out;
}

Result<std::optional<SyncRun>> StateStore::lastGoodRun(const PlaylistKey &playlist) const
{
    auto q =
        sql::run(connectionFor(m_connectionName),
                 QStringLiteral("SELECT ") + kRunColumns +
                     QStringLiteral(" FROM sync_runs WHERE source = ? AND playlist_id = ? AND outcome = "
                                    "'succeeded' AND dry_run = 0 ORDER BY started_at DESC, id DESC LIMIT 1"),
                 {playlist.source, playlist.id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SyncRun>();
    SyncRun run = readRun(*q);
    auto tracks = runTracks(run.id);
    if (!tracks)
        return tracks.error();
    run.tracks = std::move(*tracks);
    return std::optional<SyncRun>(std::move(run));
}

Result<SyncStanding> StateStore::standing(const PlaylistKey &playlist) const
{
    // The two conditions are isCompletedSync() and "not a preview" in SQL.
    const auto newest = [&](const QString &where) -> Result<std::optional<SyncResult>> {
        auto q = sql::run(connectionFor(m_connectionName),
                          QStringLiteral("SELECT ") + kRunColumns +
                              QStringLiteral(" FROM sync_runs WHERE source = ? AND playlist_id = ? AND ") +
                              where + QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT 1"),
                          {playlist.source, playlist.id});
        if (!q)
            return q.error();
        if (!q->next())
            return std::optional<SyncResult>();
        return std::optional<SyncResult>(readRun(*q).result);
    };
    auto last = newest(QStringLiteral("dry_run = 0"));
    if (!last)
        return last.error();
    auto completed = newest(QStringLiteral("dry_run = 0 AND (outcome = 'succeeded' OR plex_unchanged = 0)"));
    if (!completed)
        return completed.error();
    SyncStanding s;
    s.lastSync = std::move(*last);
    s.lastCompleted = std::move(*completed);
    return s;
}

} // namespace pb::sync
