#pragma once

#include "pb/core/error.h"
#include "pb/core/types.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

/// The value types a sync job reports to its observers (GUI, CLI, tests). Plain data, copied
/// across threads through queued signals.
namespace pb::sync {

/// The steps of one sync, in order.
enum class SyncStep {
    Idle,
    ReadingSource,
    Matching,
    Planning,
    Writing,
    Verifying,
    Done
};

/// Options the user chooses for one sync.
struct SyncOptions {
    bool dryRun = false;       ///< match and plan, write nothing
    QString librarySectionKey; ///< the Plex music section to match against (empty = all music sections)
    bool forceRematch = false; ///< ignore the match cache (manual overrides still apply)
    /// Title of the Plex playlist when this sync CREATES it (empty = the source playlist's
    /// name); title-clash rules apply. Never renames an existing linked playlist.
    QString plexTitle;
    /// Go on although the read looks short (no entries where the last sync had some, fewer or
    /// more than the source declared, or more than half the Plex playlist would be removed).
    /// Off, such a sync stops with ErrorKind::ShortRead before anything is written.
    bool allowShrink = false;
    /// Minimum confidence to accept a match for this sync; 0 = the service's (the engine's).
    double acceptThreshold = 0;
    /// Plex searches in flight for this sync, at most the service's; 0 = the service's.
    int searchesInFlight = 0;
    /// Never remove what was added to the linked Plex playlist by hand (items the sync did not
    /// put there): they stay after the synced track they followed (docs/sync.md).
    bool keepHandAdded = false;
};

/// Live progress of one sync (the seed's SyncProgress).
struct SyncProgress {
    SyncStep step = SyncStep::Idle;
    int stepNumber = 0; ///< 1-based number of the current step
    int totalSteps = 5;
    QString currentStep;  ///< human label of the step ("Matching tracks")
    QString currentTrack; ///< "Artist – Title" being matched, empty outside matching
    double progress = 0;  ///< 0..1 over the whole sync
    int totalTracks = 0;
    int matchedTracks = 0;
    int failedTracks = 0;  ///< resolved as missing
    int skippedTracks = 0; ///< local files, episodes, unavailable
};

/// What happened to one source entry.
enum class TrackStatus {
    Pending,
    Matched,
    Missing,
    Skipped
};

/// The resolution of one playlist entry, as shown in the track table.
struct TrackOutcome {
    int position = 0; ///< 0-based position in the source playlist
    SourceTrack track;
    TrackStatus status = TrackStatus::Pending;
    PlexTrack plexTrack;   ///< meaningful when status == Matched
    double confidence = 0; ///< 0..1
    QString reason;        ///< one line: why it matched or did not
    bool fromOverride = false;
    bool fromCache = false;
};

/// The edit applied (or, for a dry run, planned) on the Plex playlist.
struct EditSummary {
    int added = 0;
    int removed = 0;
    int moved = 0;
    bool created = false; ///< the Plex playlist was created by this sync
};

/// How a sync ended.
enum class SyncOutcome {
    Succeeded,
    Failed,
    Cancelled
};

/// The final report of one sync.
struct SyncResult {
    SyncOutcome outcome = SyncOutcome::Succeeded;
    bool dryRun = false;
    PlaylistKey playlist;
    QString plexPlaylistRatingKey; ///< empty on a dry run of a never-synced playlist
    QString plexPlaylistTitle;
    int total = 0;
    int matched = 0;
    int missing = 0;
    int skipped = 0;
    EditSummary edit;
    /// For a cancelled or failed write: whether the Plex playlist holds its old contents
    /// (true) or the new ones (false). Never half.
    bool plexPlaylistUnchanged = true;
    std::optional<Error> error; ///< set when outcome == Failed
    QString message;            ///< one line for the user
    QDateTime startedAt;
    QDateTime finishedAt;
};

/// Whether a run is a completed sync: not a preview, and it succeeded, or it was cancelled or
/// failed only after its write went through. The Plex playlist then holds what the run matched,
/// so its counts are those of the playlist in Plex; a run stopped before its write says nothing
/// about the playlist (its counts are those of a half-finished match).
inline bool isCompletedSync(const SyncResult &r)
{
    return !r.dryRun && (r.outcome == SyncOutcome::Succeeded || !r.plexPlaylistUnchanged);
}

/// How a playlist stands: how its last sync ended and the last one that completed. What a
/// playlist's card shows; previews (dry runs) change neither.
struct SyncStanding {
    std::optional<SyncResult> lastSync;      ///< the newest run that was not a preview
    std::optional<SyncResult> lastCompleted; ///< the newest run for which isCompletedSync()

    /// Takes a finished run into account (a preview changes nothing).
    void add(const SyncResult &result)
    {
        if (result.dryRun)
            return;
        lastSync = result;
        if (isCompletedSync(result))
            lastCompleted = result;
    }
};

/// Everything an observer needs to show one playlist's sync, live or finished.
struct SyncJobSnapshot {
    PlaylistKey playlist;
    bool running = false;
    SyncProgress progress;
    std::vector<TrackOutcome> tracks; ///< by position; Pending until resolved
    std::optional<SyncResult> result; ///< the last finished run (a preview too)
    /// The last sync and the last completed one, this session or from the history, so a
    /// cancel or failure never hides the counts of the sync before it.
    SyncStanding standing;
    /// Read back from the sync history (no run this session): `tracks` then carry only each
    /// entry's track id, status, Plex rating key, confidence and reason, not names.
    bool fromHistory = false;
};

} // namespace pb::sync

Q_DECLARE_METATYPE(pb::sync::SyncProgress)
Q_DECLARE_METATYPE(pb::sync::TrackOutcome)
Q_DECLARE_METATYPE(pb::sync::SyncResult)
