#pragma once

#include "pb/core/types.h"
#include "pb/sync/jobtypes.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace pb::gui {

class AppBackend;
class SyncHistoryModel;

/// Every sync run of one playlist from the state store (newest first): when, outcome,
/// added / removed / moved, missing and found, and for the selected run the tracks it did not
/// find or skipped, with the reason. Reachable from the playlist's card and its details; it
/// reloads when a sync of the playlist finishes.
class SyncHistoryDialog : public QDialog {
    Q_OBJECT

public:
    SyncHistoryDialog(const SourcePlaylist &playlist, AppBackend *backend, QWidget *parent = nullptr);
    ~SyncHistoryDialog() override;

    const SourcePlaylist &playlist() const { return m_playlist; }
    SyncHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTreeWidget *tracks() const { return m_tracks; }
    /// The message shown instead of the table (no run yet, or the history could not be read).
    QLabel *emptyLabel() const { return m_empty; }

public Q_SLOTS:
    void reload();

private:
    void showRunTracks();
    void onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &result);

    SourcePlaylist m_playlist;
    AppBackend *m_backend;
    SyncHistoryModel *m_model;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_table = nullptr;
    QTreeWidget *m_tracks = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_tracksTitle = nullptr;
    QHash<QString, QString> m_trackNames; ///< Spotify track id → "Title – Artists", once loaded
};

} // namespace pb::gui
