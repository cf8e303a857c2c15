#include "pb/sync/importer.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace pb::sync {

namespace {

QString fingerprintOf(const std::vector<PlaylistEntry> &entries)
{
    QStringList ids;
    for (const PlaylistEntry &e : entries)
        ids << (e.track.id.isEmpty() ? QStringLiteral("skip:") + e.track.name : e.track.id);
    return sources::contentFingerprint(ids);
}

} // namespace

Result<std::vector<sources::ImportedPlaylist>> readPlaylistFile(const QString &path,
                                                                const sources::ImportLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > limits.maxFileBytes)
        return Error::make(
            ErrorKind::Parse,
            QStringLiteral("%1 is larger than %2 MB").arg(path).arg(limits.maxFileBytes >> 20));
    const QByteArray data = file.read(limits.maxFileBytes + 1);
    auto parsed = sources::parsePlaylistFile(QFileInfo(path).fileName(), data, limits);
    if (!parsed)
        return Error::make(parsed.error().kind,
                           QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), parsed.error().message));
    return parsed;
}

SourcePlaylist importedSourcePlaylist(const ImportedPlaylistRecord &record)
{
    SourcePlaylist p;
    p.source = QString(kSourceFile);
    p.id = record.id;
    p.name = record.name;
    p.description = record.description;
    p.ownerName = record.format;
    p.snapshotId = record.fingerprint;
    p.trackCount = record.entries.empty() ? record.entryCount : static_cast<int>(record.entries.size());
    p.isLikedSongs = record.isLikedSongs;
    return p;
}

Result<std::vector<ImportOutcome>> storeImportedPlaylists(StateStore &store,
                                                          std::vector<sources::ImportedPlaylist> playlists,
                                                          const QString &origin)
{
    std::vector<ImportOutcome> out;
    QSet<QString> ids;
    for (sources::ImportedPlaylist &p : playlists) {
        // Two playlists of one export may share a name: the later ones get "#2", "#3", …, which
        // stays stable as long as their order does.
        QString name = p.name;
        for (int n = 2; ids.contains(sources::importedPlaylistId(name)); ++n)
            name = QStringLiteral("%1 #%2").arg(p.name).arg(n);
        ImportedPlaylistRecord record;
        record.id = sources::importedPlaylistId(name);
        ids.insert(record.id);
        record.name = name;
        record.description = p.description;
        record.format = sources::importFormatName(p.format);
        record.origin = origin;
        record.isLikedSongs = p.isLikedSongs;
        record.fingerprint = fingerprintOf(p.entries);
        record.importedAt = QDateTime::currentDateTimeUtc();
        record.entries = std::move(p.entries);
        auto before = store.importedPlaylist(record.id);
        if (!before)
            return before.error();
        if (Status s = store.saveImportedPlaylist(record); !s)
            return s.error();
        ImportOutcome o;
        o.playlist = importedSourcePlaylist(record);
        o.format = record.format;
        o.isNew = !before->has_value();
        o.changed = o.isNew || (*before)->fingerprint != record.fingerprint;
        out.push_back(std::move(o));
    }
    return out;
}

Result<std::vector<ImportOutcome>> importPlaylistFile(StateStore &store, const QString &path,
                                                      const sources::ImportLimits &limits)
{
    auto parsed = readPlaylistFile(path, limits);
    if (!parsed)
        return parsed.error();
    return storeImportedPlaylists(store, std::move(*parsed), QFileInfo(path).absoluteFilePath());
}

sources::FileSource::Store fileSourceStore(StateStore *store)
{
    sources::FileSource::Store s;
    s.list = [store]() -> Result<std::vector<SourcePlaylist>> {
        auto records = store->importedPlaylists();
        if (!records)
            return records.error();
        std::vector<SourcePlaylist> out;
        for (const ImportedPlaylistRecord &r : *records)
            out.push_back(importedSourcePlaylist(r));
        return out;
    };
    s.read = [store](const QString &id) -> Result<std::optional<sources::PlaylistRead>> {
        auto record = store->importedPlaylist(id);
        if (!record)
            return record.error();
        if (!*record)
            return std::optional<sources::PlaylistRead>();
        sources::PlaylistRead read;
        read.playlist = importedSourcePlaylist(**record);
        read.entries = std::move((*record)->entries);
        read.declaredTotal = static_cast<int>(read.entries.size());
        return std::optional<sources::PlaylistRead>(std::move(read));
    };
    return s;
}

} // namespace pb::sync
