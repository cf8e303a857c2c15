#pragma once

#include "pb/core/result.h"
#include "pb/sync/jobtypes.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace pb::sync {

/// The link between a source playlist and the Plex playlist the app created (or the user
/// chose) for it. Only linked Plex playlists are ever modified.
struct PlaylistLink {
    PlaylistKey playlist;
    QString machineIdentifier; ///< the Plex server
    QString plexRatingKey;     ///< the Plex playlist
    QString plexTitle;
    QString snapshotId;      ///< the source's change fingerprint at the last good sync
    QString plexFingerprint; ///< hash of the Plex items (rating keys, in order) after the last good sync
    QDateTime linkedAt;
    QDateTime lastSyncedAt;
};

/// A remembered match: source track (SourceTrack::id) → Plex track on one server. An empty
/// rating key remembers a miss: the track was searched for at matchedAt and not found.
struct CachedMatch {
    QString trackId;
    QString machineIdentifier;
    QString ratingKey; ///< empty = not found when last searched
    double confidence = 0;
    QDateTime matchedAt;
};

/// A user's correction: this source track is that Plex track (or, with an empty rating key,
/// is not in the library at all). Used before any matching and never overwritten by it.
struct ManualOverride {
    QString trackId;
    QString machineIdentifier;
    QString ratingKey; ///< empty = "not in my library": always reported missing
    QString note;
    QDateTime createdAt;
};

/// The per-track line of a sync run in the history.
struct RunTrack {
    int position = 0;
    QString trackId;
    TrackStatus status = TrackStatus::Pending;
    QString ratingKey;
    double confidence = 0;
    QString reason;
};

/// One sync run in the history.
struct SyncRun {
    qint64 id = 0;
    PlaylistKey playlist;
    QString machineIdentifier;
    SyncResult result;
    std::vector<RunTrack> tracks;
};

/// A playlist imported from a file, as the state database keeps it (the file itself is not
/// needed again: a newer import of the same playlist replaces it).
struct ImportedPlaylistRecord {
    QString id; ///< sources::importedPlaylistId(name)
    QString name;
    QString description;
    QString format; ///< sources::importFormatName
    QString origin; ///< the file it was read from
    bool isLikedSongs = false;
    QString fingerprint; ///< of its entries: equal fingerprints, equal contents
    QDateTime importedAt;
    int entryCount = 0;                 ///< filled when listing
    std::vector<PlaylistEntry> entries; ///< filled by importedPlaylist()
};

/// The app's sync state in SQLite (links, match cache, manual overrides, sync history).
/// One object = one connection, usable only on the thread that opened it (Qt's rule for
/// QSqlDatabase); each worker opens its own. The schema is versioned (PRAGMA user_version)
/// and migrated on open; the journal is WAL so readers never block the writer; every
/// multi-step change runs in one transaction. Every failure is a typed Storage error.
class StateStore {
public:
    /// The schema version this build writes.
    static constexpr int kSchemaVersion = 4;

    /// Opens (creating and migrating as needed) the database at `path`.
    static Result<std::unique_ptr<StateStore>> open(const QString &path);
    /// <AppLocalDataLocation>/state.sqlite
    static QString defaultPath();

    ~StateStore();
    StateStore(const StateStore &) = delete;
    StateStore &operator=(const StateStore &) = delete;

    int schemaVersion() const;
    QString path() const { return m_path; }

    // Playlist links
    Result<std::optional<PlaylistLink>> link(const PlaylistKey &playlist) const;
    Result<std::vector<PlaylistLink>> links() const;
    /// Inserts or replaces the link of link.playlist.
    Status saveLink(const PlaylistLink &link);
    Status removeLink(const PlaylistKey &playlist);

    // Match cache (by SourceTrack::id)
    Result<std::vector<CachedMatch>> cachedMatches(const QStringList &trackIds,
                                                   const QString &machineIdentifier) const;
    /// Stores many matches in one transaction.
    Status saveMatches(const std::vector<CachedMatch> &matches);
    /// Forgets cache entries (stale: their Plex track is gone).
    Status forgetMatches(const QStringList &trackIds, const QString &machineIdentifier);

    // Manual overrides (by SourceTrack::id)
    Result<std::vector<ManualOverride>> overrides(const QStringList &trackIds,
                                                  const QString &machineIdentifier) const;
    Status saveOverride(const ManualOverride &override);
    Status removeOverride(const QString &trackId, const QString &machineIdentifier);

    // Imported playlists (the file source), by ImportedPlaylistRecord::id
    /// Stores a playlist and its entries, replacing an earlier import of the same id, in one
    /// transaction.
    Status saveImportedPlaylist(const ImportedPlaylistRecord &playlist);
    /// Every imported playlist (Liked Songs first, then by name), without entries.
    Result<std::vector<ImportedPlaylistRecord>> importedPlaylists() const;
    /// One imported playlist with its entries in order.
    Result<std::optional<ImportedPlaylistRecord>> importedPlaylist(const QString &id) const;
    Status removeImportedPlaylist(const QString &id);

    // Sync history
    /// Records a finished run and its per-track results atomically; returns the run id.
    Result<qint64> recordRun(const SyncRun &run);
    /// The most recent runs of a playlist, newest first (tracks not loaded).
    Result<std::vector<SyncRun>> history(const PlaylistKey &playlist, int limit = 20) const;
    /// The per-track results of a run.
    Result<std::vector<RunTrack>> runTracks(qint64 runId) const;
    /// The newest run of a playlist that succeeded and was not a dry run, with its tracks.
    Result<std::optional<SyncRun>> lastGoodRun(const PlaylistKey &playlist) const;
    /// The newest run that was not a dry run and the newest completed one (isCompletedSync):
    /// two indexed reads, tracks not loaded.
    Result<SyncStanding> standing(const PlaylistKey &playlist) const;

private:
    StateStore(QString path, QString connectionName);
    Status migrate();

    QString m_path;
    QString m_connectionName;
};

/// Fingerprint of a Plex playlist's contents: a hash of its rating keys, in order.
QString plexFingerprint(const QStringList &ratingKeysInOrder);

} // namespace pb::sync
