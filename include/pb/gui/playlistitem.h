#pragma once

#include "pb/core/types.h"
#include "pb/gui/syncstatebadge.h"
#include "pb/sync/jobtypes.h"

#include <QDateTime>
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace pb::gui {

class CoverArtCache;
class SyncCountsWidget;

/// Why the app cannot read a playlist's tracks, or empty when it can. Spotify (2026) only
/// serves the items of playlists the user owns or collaborates on; Liked Songs is always readable.
QString unreadableReason(const SourcePlaylist &playlist, const QString &currentUserId);

/// One playlist on the main page (the seed's PlaylistItem): cover, name, owner, track count,
/// last synced, its one state (never synced, syncing, synced, synced with missing tracks,
/// cancelled, failed) as a status icon beside the compact counts, and a Sync button. While a
/// sync runs the counts are live; otherwise they are the last completed sync's (hidden until
/// one completed), so a cancel or failure never shows the counts of a half-finished run.
/// Unreadable playlists are shown disabled with the reason and what to do.
class PlaylistItem : public QFrame {
    Q_OBJECT

public:
    PlaylistItem(const SourcePlaylist &playlist, const QString &unreadableReason, CoverArtCache *covers,
                 QWidget *parent = nullptr);

    const SourcePlaylist &playlist() const { return m_playlist; }
    bool isReadable() const { return m_reason.isEmpty(); }
    bool isRunning() const { return m_running; }

    /// How the playlist stands before anything happens in this view (from the registry).
    void setStanding(const pb::sync::SyncStanding &standing);
    const pb::sync::SyncStanding &standing() const { return m_standing; }
    void setRunning(bool running);
    void showProgress(const pb::sync::SyncProgress &progress);
    /// A finished run: a sync changes the state (and, when it completed, the counts); a
    /// preview changes neither.
    void showResult(const pb::sync::SyncResult &result);
    CardState state() const;
    /// Case-insensitive match on name and owner.
    bool matchesFilter(const QString &text) const;

    QPushButton *syncButton() const { return m_sync; }
    SyncCountsWidget *statusWidget() const { return m_status; }
    SyncStateBadge *stateBadge() const { return m_badge; }
    QLabel *reasonLabel() const { return m_reasonLabel; }
    QLabel *metaLabel() const { return m_meta; }
    QToolButton *historyButton() const { return m_history; }

Q_SIGNALS:
    void syncRequested(const pb::PlaylistKey &playlist);
    void cancelRequested(const pb::PlaylistKey &playlist);
    void detailsRequested(const pb::PlaylistKey &playlist);
    void historyRequested(const pb::PlaylistKey &playlist);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateMeta();
    void updateState();

    SourcePlaylist m_playlist;
    QString m_reason;
    bool m_running = false;
    pb::sync::SyncStanding m_standing;
    pb::sync::SyncProgress m_progress; ///< of the running sync
    QLabel *m_cover;
    QLabel *m_name;
    QLabel *m_meta;
    QLabel *m_reasonLabel;
    SyncStateBadge *m_badge;
    SyncCountsWidget *m_status;
    QToolButton *m_details;
    QToolButton *m_history;
    QPushButton *m_sync;
};

/// "just now", "5 minutes ago", "yesterday", or a date.
QString relativeTime(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTime());

} // namespace pb::gui
