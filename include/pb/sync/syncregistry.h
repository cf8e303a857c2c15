#pragma once

#include "pb/sync/jobtypes.h"

#include <QObject>

#include <optional>

namespace pb::sync {

/// The registry of sync jobs the UI subscribes to. It owns running jobs and the latest state
/// of every playlist, so views can come and go while syncs run: closing a dialog never
/// cancels a sync, and reopening it shows the live state through snapshot(). All methods and
/// signals are on the thread that owns the registry (the GUI thread); it never blocks.
class SyncRegistry : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~SyncRegistry() override = default;

    /// Starts syncing a playlist unless it is already running; returns false if it was.
    virtual bool startSync(const SourcePlaylist &playlist, const SyncOptions &options) = 0;
    /// Asks a running sync to stop (it reports SyncOutcome::Cancelled within 250 ms).
    virtual void cancelSync(const pb::PlaylistKey &playlist) = 0;
    virtual bool isRunning(const pb::PlaylistKey &playlist) const = 0;
    /// The live or last known state of a playlist's sync, if it was ever synced this session
    /// or has history.
    virtual std::optional<SyncJobSnapshot> snapshot(const pb::PlaylistKey &playlist) const = 0;

Q_SIGNALS:
    void syncStarted(const pb::PlaylistKey &playlist);
    /// Coalesced: at most a few per second per playlist.
    void progressChanged(const pb::PlaylistKey &playlist, const pb::sync::SyncProgress &progress);
    void trackResolved(const pb::PlaylistKey &playlist, const pb::sync::TrackOutcome &outcome);
    void syncFinished(const pb::PlaylistKey &playlist, const pb::sync::SyncResult &result);
};

} // namespace pb::sync
