// The imported-playlists half of the state store: playlists read from files, with their entries.
#include "pb/sync/statestore.h"

#include "sqlutil.h"

namespace pb::sync {

namespace {

QSqlDatabase connectionFor(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

QString skipName(SkipReason r)
{
    switch (r) {
    case SkipReason::None: return QStringLiteral("none");
    case SkipReason::LocalFile: return QStringLiteral("local");
    case SkipReason::Episode: return QStringLiteral("episode");
    case SkipReason::Unavailable: return QStringLiteral("unavailable");
    }
    return QStringLiteral("none");
}

SkipReason skipFrom(const QString &s)
{
    if (s == QLatin1String("local"))
        return SkipReason::LocalFile;
    if (s == QLatin1String("episode"))
        return SkipReason::Episode;
    if (s == QLatin1String("unavailable"))
        return SkipReason::Unavailable;
    return SkipReason::None;
}

// Artist names never hold the unit separator.
const QChar kArtistSeparator(0x1f);

const QString kImportColumns = QStringLiteral(
    "p.playlist_id, p.name, p.description, p.format, p.origin, p.liked, p.fingerprint, p.imported_at, "
    "(SELECT COUNT(*) FROM imported_entries e WHERE e.playlist_id = p.playlist_id)");

ImportedPlaylistRecord readImport(const QSqlQuery &q)
{
    ImportedPlaylistRecord r;
    r.id = q.value(0).toString();
    r.name = q.value(1).toString();
    r.description = q.value(2).toString();
    r.format = q.value(3).toString();
    r.origin = q.value(4).toString();
    r.isLikedSongs = q.value(5).toBool();
    r.fingerprint = q.value(6).toString();
    r.importedAt = sql::toTime(q.value(7));
    r.entryCount = q.value(8).toInt();
    return r;
}

} // namespace

Status StateStore::saveImportedPlaylist(const ImportedPlaylistRecord &p)
{
    if (p.id.isEmpty() || p.name.isEmpty())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("an imported playlist needs a name"));
    QSqlDatabase db = connectionFor(m_connectionName);
    sql::Transaction tx(db);
    if (Status s = tx.status(); !s)
        return s;
    // Entries first go with their playlist (ON DELETE CASCADE), then both are written anew.
    if (auto r = sql::run(db, QStringLiteral("DELETE FROM imported_playlists WHERE playlist_id = ?"), {p.id});
        !r)
        return r.error();
    auto ins =
        sql::run(db,
                 QStringLiteral("INSERT INTO imported_playlists (playlist_id, name, description, format, "
                                "origin, liked, fingerprint, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                 {p.id, p.name, sql::nullable(p.description), p.format, sql::nullable(p.origin),
                  p.isLikedSongs, p.fingerprint,
                  sql::fromTime(p.importedAt.isValid() ? p.importedAt : QDateTime::currentDateTimeUtc())});
    if (!ins)
        return ins.error();
    QSqlQuery q(db);
    if (!q.prepare(
            QStringLiteral("INSERT INTO imported_entries (playlist_id, position, track_id, title, artists, "
                           "album, duration_ms, isrc, uri, skip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return sql::storageError(QStringLiteral("could not prepare the import"), q.lastError());
    for (std::size_t i = 0; i < p.entries.size(); ++i) {
        const PlaylistEntry &e = p.entries[i];
        q.addBindValue(p.id);
        q.addBindValue(static_cast<int>(i));
        q.addBindValue(sql::nullable(e.track.id));
        q.addBindValue(sql::nullable(e.track.name));
        q.addBindValue(e.track.artists.join(kArtistSeparator));
        q.addBindValue(sql::nullable(e.track.album));
        q.addBindValue(static_cast<qlonglong>(e.track.durationMs));
        q.addBindValue(sql::nullable(e.track.isrc));
        q.addBindValue(sql::nullable(e.track.uri));
        q.addBindValue(skipName(e.skipReason));
        if (!q.exec())
            return sql::storageError(QStringLiteral("could not store an imported track"), q.lastError());
    }
    return tx.commit();
}

Result<std::vector<ImportedPlaylistRecord>> StateStore::importedPlaylists() const
{
    auto q = sql::run(
        connectionFor(m_connectionName),
        QStringLiteral("SELECT ") + kImportColumns +
            QStringLiteral(" FROM imported_playlists p ORDER BY p.liked DESC, p.name COLLATE NOCASE"));
    if (!q)
        return q.error();
    std::vector<ImportedPlaylistRecord> out;
    while (q->next())
        out.push_back(readImport(*q));
    return out;
}

Result<std::optional<ImportedPlaylistRecord>> StateStore::importedPlaylist(const QString &id) const
{
    const QSqlDatabase db = connectionFor(m_connectionName);
    auto q = sql::run(db,
                      QStringLiteral("SELECT ") + kImportColumns +
                          QStringLiteral(" FROM imported_playlists p WHERE p.playlist_id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ImportedPlaylistRecord>();
    ImportedPlaylistRecord r = readImport(*q);
    auto e = sql::run(
        db,
        QStringLiteral("SELECT position, track_id, title, artists, album, duration_ms, isrc, uri, skip "
                       "FROM imported_entries WHERE playlist_id = ? ORDER BY position"),
        {id});
    if (!e)
        return e.error();
    while (e->next()) {
        PlaylistEntry entry;
        entry.position = e->value(0).toInt();
        entry.track.id = e->value(1).toString();
        entry.track.name = e->value(2).toString();
        const QString artists = e->value(3).toString();
        entry.track.artists = artists.isEmpty() ? QStringList() : artists.split(kArtistSeparator);
        entry.track.album = e->value(4).toString();
        entry.track.durationMs = e->value(5).toLongLong();
        entry.track.isrc = e->value(6).toString();
        entry.track.uri = e->value(7).toString();
        entry.skipReason = skipFrom(e->value(8).toString());
        entry.track.isLocal = entry.skipReason == SkipReason::LocalFile;
        r.entries.push_back(std::move(entry));
    }
    return std::optional<ImportedPlaylistRecord>(std::move(r));
}

Status StateStore::removeImportedPlaylist(const QString &id)
{
    auto q = sql::run(connectionFor(m_connectionName),
                      QStringLiteral("DELETE FROM imported_playlists WHERE playlist_id = ?"), {id});
    return q ? Status() : Status(q.error());
}

} // namespace pb::sync
