#pragma once

#include "pb/core/types.h"
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
/// last synced, the compact sync status (hidden before the first sync) and a Sync button.
/// Unreadable playlists are shown disabled with the reason and what to do.
class PlaylistItem : public QFrame {
    Q_OBJECT

public:
    PlaylistItem(const SourcePlaylist &playlist, const QString &unreadableReason, CoverArtCache *covers,
                 QWidget *parent = nullptr);

    const SourcePlaylist &playlist() const { return m_playlist; }
    bool isReadable() const { return m_reason.isEmpty(); }
    bool isRunning() const { return m_running; }

    void setRunning(bool running);
    void showProgress(const pb::sync::SyncProgress &progress);
    void showResult(const pb::sync::SyncResult &result);
    void setLastSynced(const QDateTime &when);
    /// Case-insensitive match on name and owner.
    bool matchesFilter(const QString &text) const;

    QPushButton *syncButton() const { return m_sync; }
    SyncCountsWidget *statusWidget() const { return m_status; }
    QLabel *reasonLabel() const { return m_reasonLabel; }
    QLabel *errorLabel() const { return m_errorLabel; }
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

    SourcePlaylist m_playlist;
    QString m_reason;
    bool m_running = false;
    QDateTime m_lastSynced;
    QLabel *m_cover;
    QLabel *m_name;
    QLabel *m_meta;
    QLabel *m_reasonLabel;
    QLabel *m_errorLabel; ///< the last sync's failure, if it failed
    SyncCountsWidget *m_status;
    QToolButton *m_details;
    QToolButton *m_history;
    QPushButton *m_sync;
};

/// "just now", "5 minutes ago", "yesterday", or a date.
QString relativeTime(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTime());

} // namespace pb::gui
