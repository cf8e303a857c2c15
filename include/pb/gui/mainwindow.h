#pragma once

#include "pb/core/types.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/sync/jobtypes.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <vector>

namespace Ui {
class MainWindow;
}

namespace pb::gui {

class AppBackend;
class CoverArtCache;
class PlaylistItem;
class SyncHistoryDialog;
class TrayController;

/// The main window: account status, actions (Refresh, Sync All, Settings), a filter box and
/// the playlists page of PlaylistItem cards. Until both accounts are connected (or in the
/// demo) it shows an empty state that says what to connect.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppBackend *backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The card of a playlist, or nullptr.
    PlaylistItem *item(const pb::PlaylistKey &playlist) const;
    std::vector<PlaylistItem *> items() const;
    /// Opens (or raises) the details of a playlist; returns the modal.
    PlaylistDetailsModal *openDetails(const pb::PlaylistKey &playlist);
    /// The details modal currently open, if any.
    PlaylistDetailsModal *currentDetails() const { return m_details; }
    /// Opens (or raises) the sync history of a playlist; returns it, or nullptr.
    SyncHistoryDialog *openHistory(const pb::PlaylistKey &playlist);
    CoverArtCache *covers() const { return m_covers; }
    /// The "sync anyway?" question after the short-read guard stopped a sync, while it is open.
    QMessageBox *shrinkQuestion() const { return m_shrinkBox; }
    /// The tray icon, notifications, automatic sync and close-to-tray.
    TrayController *tray() const { return m_tray; }

public Q_SLOTS:
    void refresh();
    /// Starts every readable playlist that is not syncing; returns the ids it started.
    QList<pb::PlaylistKey> syncAll();
    void showSettings();
    /// "Import Playlist…": picks files and imports them.
    void importPlaylists();
    /// Imports playlist files (also what a drop on the window does); the result is shown in the
    /// status bar, an error in a message box.
    void importFiles(const QStringList &paths);
    void connectSpotify();
    void connectPlex();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateAccounts();
    void setPlaylists(const std::vector<SourcePlaylist> &playlists);
    void applyFilter();
    bool startSync(const pb::PlaylistKey &key);
    void updateStatusBar();
    void onStarted(const pb::PlaylistKey &key);
    void onProgress(const pb::PlaylistKey &key, const pb::sync::SyncProgress &progress);
    void onFinished(const pb::PlaylistKey &key, const pb::sync::SyncResult &result);
    /// A sync the short-read guard stopped: ask whether to go on (mainwindow_import.cpp).
    void askToAllowShrink(const pb::PlaylistKey &key, const pb::sync::SyncResult &result);

    std::unique_ptr<Ui::MainWindow> m_ui;
    AppBackend *m_backend;   // not owned: outlives the window (composition root)
    CoverArtCache *m_covers; // parent: this
    QHash<pb::PlaylistKey, PlaylistItem *> m_items;
    QPointer<PlaylistDetailsModal> m_details;
    QPointer<SyncHistoryDialog> m_history;
    QPointer<QMessageBox> m_shrinkBox; ///< the open "sync anyway?" question, if any
    QPointer<QMessageBox> m_importError;
    TrayController *m_tray = nullptr; // parent: this
};

} // namespace pb::gui
