#pragma once

#include "pb/gui/appsettings.h"
#include "pb/sync/jobtypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <chrono>
#include <vector>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace pb::gui {

class AppBackend;
class AutoSync;
class MainWindow;

/// The app on the desktop beyond its window: a system-tray icon (where the desktop has a tray)
/// whose menu shows the last result and offers Sync All, Open and Quit; notifications when an
/// automatic or tray-started Sync All ends, and when a long or failed sync ends while the window
/// is not in front; the automatic sync; and closing the window into the tray. Owned by the window.
class TrayController : public QObject {
    Q_OBJECT

public:
    /// A sync at least this long is announced when it ends (unless the window is in front).
    static constexpr std::chrono::seconds kDefaultLongSync{60};

    TrayController(MainWindow *window, AppBackend *backend);
    ~TrayController() override;

    /// Applies "Sync automatically every N hours" and "Keep running in the tray".
    void applySettings(const AppSettings &settings);
    /// Whether closing the window hides it into the tray (the setting, and a tray to hide in).
    bool keepsRunningOnClose() const;
    /// Called once the window hid itself into the tray: says so the first time.
    void windowHidden();

    /// Whether the desktop has a tray: from QSystemTrayIcon at start; a tray that appears
    /// later, or a test, turns it on.
    void setTrayAvailable(bool available);
    bool isTrayAvailable() const { return m_trayAvailable; }
    /// How long one "hour" of the auto-sync setting is (tests shrink it).
    void setHourLength(std::chrono::milliseconds hour);
    void setLongSyncThreshold(std::chrono::milliseconds threshold) { m_longSync = threshold; }

    AutoSync *autoSync() const { return m_autoSync; }
    QSystemTrayIcon *trayIcon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }
    QAction *statusAction() const { return m_status; }
    QAction *syncAllAction() const { return m_syncAll; }
    QAction *openAction() const { return m_open; }
    QAction *quitAction() const { return m_quit; }

public Q_SLOTS:
    /// Shows, un-minimises and raises the window.
    void openWindow();
    /// "Quit" in the tray: closes the window for good and leaves the event loop.
    void quit();

Q_SIGNALS:
    /// Every notification, also where no tray can show it.
    void notified(const QString &title, const QString &message, bool failure);

private:
    void onStarted(const pb::PlaylistKey &id);
    void onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &result);
    void onBatchFinished(const std::vector<pb::sync::SyncResult> &results);
    void notify(const QString &title, const QString &message, bool failure);
    void updateStatus();
    void updateQuitOnLastWindowClosed();
    QString playlistName(const pb::PlaylistKey &id) const;

    MainWindow *m_window; // parent
    AppBackend *m_backend;
    AutoSync *m_autoSync;
    QMenu *m_menu;
    QAction *m_status;
    QAction *m_syncAll;
    QAction *m_open;
    QAction *m_quit;
    QSystemTrayIcon *m_icon = nullptr; // parent: this; only where there is a tray
    bool m_trayAvailable;
    bool m_closeToTray = false;
    bool m_toldHidden = false;
    bool m_batchFromTray = false; ///< the running batch is the tray's Sync All, not the timer's
    int m_autoSyncHours = 0;
    std::chrono::milliseconds m_hour{std::chrono::hours(1)};
    std::chrono::milliseconds m_longSync{kDefaultLongSync};
    QString m_lastText;               ///< the last result, for the menu and the tooltip
    QSet<pb::PlaylistKey> m_batchIds; ///< syncs of an auto-sync or tray run, announced together
};

/// One line for a finished run of several playlists ("3 playlists synced, 1 failed: …").
QString describeBatch(const std::vector<pb::sync::SyncResult> &results, const QHash<QString, QString> &names);

} // namespace pb::gui
