#pragma once

#include "pb/sync/jobtypes.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <vector>

namespace pb::sync {
class SyncRegistry;
}

namespace pb::gui {

/// Syncs every playlist at a fixed interval while the app runs (Settings → "Sync automatically
/// every N hours"), also while the window is hidden in the tray. A run starts its syncs through
/// `startAll` (MainWindow::syncAll: every readable playlist not already syncing), so it never
/// starts a second sync of a running playlist; a sync the user cancels stays cancelled until
/// the next interval. It follows the syncs it started and reports when the last one finished.
class AutoSync : public QObject {
    Q_OBJECT

public:
    /// `startAll` starts what it can and returns the ids of the syncs it started.
    AutoSync(pb::sync::SyncRegistry *registry, std::function<QList<pb::PlaylistKey>()> startAll,
             QObject *parent = nullptr);

    /// Every `interval`, from now; zero or less turns it off.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    bool isScheduled() const { return m_timer.isActive(); }
    /// Time left until the next scheduled run (zero when off).
    std::chrono::milliseconds remaining() const;
    /// Whether syncs of a run are still going.
    bool isBatchRunning() const { return !m_pending.isEmpty(); }

public Q_SLOTS:
    /// Starts a run now (the timer's tick, or "Sync All" from the tray): returns the ids started.
    QList<pb::PlaylistKey> runNow();

Q_SIGNALS:
    void batchStarted(const QList<pb::PlaylistKey> &playlists);
    /// Every sync of the run (and of runs started while it went on) has finished.
    void batchFinished(const std::vector<pb::sync::SyncResult> &results);

private:
    void onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &result);

    pb::sync::SyncRegistry *m_registry; // not owned: outlives this (owned by the backend)
    std::function<QList<pb::PlaylistKey>()> m_startAll;
    std::chrono::milliseconds m_interval{0};
    QTimer m_timer;
    QSet<pb::PlaylistKey> m_pending;
    std::vector<pb::sync::SyncResult> m_results;
};

} // namespace pb::gui
