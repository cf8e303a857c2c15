#include "pb/gui/traycontroller.h"

#include "pb/gui/appbackend.h"
#include "pb/gui/autosync.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/plural.h"
#include "pb/gui/synchistorymodel.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/sync/syncregistry.h"

#include <QAction>
#include <QGuiApplication>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace pb::gui {

using pb::sync::SyncOutcome;
using pb::sync::SyncResult;

QString describeBatch(const std::vector<SyncResult> &results, const QHash<pb::PlaylistKey, QString> &names)
{
    int ok = 0, failed = 0, cancelled = 0;
    QString firstFailure;
    for (const SyncResult &r : results) {
        switch (r.outcome) {
        case SyncOutcome::Succeeded: ++ok; break;
        case SyncOutcome::Cancelled: ++cancelled; break;
        case SyncOutcome::Failed:
            if (failed++ == 0)
                firstFailure =
                    QStringLiteral("%1: %2").arg(names.value(r.playlist, r.playlist.id), describeResult(r));
            break;
        }
    }
    QStringList parts;
    parts << countText(ok, TrayController::tr("1 playlist synced"),
                       TrayController::tr("%1 playlists synced"));
    if (failed > 0)
        parts << TrayController::tr("%1 failed").arg(failed);
    if (cancelled > 0)
        parts << TrayController::tr("%1 cancelled").arg(cancelled);
    QString text = parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (!firstFailure.isEmpty())
        text += QLatin1Char(' ') + firstFailure;
    return text;
}

TrayController::TrayController(MainWindow *window, AppBackend *backend)
    : QObject(window), m_window(window), m_backend(backend),
      m_autoSync(new AutoSync(
          backend->registry(), [window] { return window->syncAll(); }, this)),
      m_menu(new QMenu(window)), m_trayAvailable(QSystemTrayIcon::isSystemTrayAvailable())
{
    m_menu->setAccessibleName(tr("Playlist Bridge tray menu"));
    m_status = m_menu->addAction(tr("No sync yet"));
    m_status->setEnabled(false);
    m_menu->addSeparator();
    m_syncAll = m_menu->addAction(tr("Sync All"));
    m_syncAll->setToolTip(tr("Sync every playlist that is not syncing already"));
    m_open = m_menu->addAction(tr("Open Playlist Bridge"));
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"));
    connect(m_syncAll, &QAction::triggered, this, [this] {
        const bool wasRunning = m_autoSync->isBatchRunning();
        if (!m_autoSync->runNow().isEmpty() && !wasRunning)
            m_batchFromTray = true;
    });
    connect(m_open, &QAction::triggered, this, &TrayController::openWindow);
    connect(m_quit, &QAction::triggered, this, &TrayController::quit);
    connect(m_autoSync, &AutoSync::batchStarted, this, [this](const QList<pb::PlaylistKey> &ids) {
        for (const pb::PlaylistKey &id : ids)
            m_batchIds.insert(id);
        updateStatus();
    });
    connect(m_autoSync, &AutoSync::batchFinished, this, &TrayController::onBatchFinished);
    if (auto *registry = m_backend->registry()) {
        connect(registry, &pb::sync::SyncRegistry::syncStarted, this, &TrayController::onStarted);
        connect(registry, &pb::sync::SyncRegistry::syncFinished, this, &TrayController::onFinished);
    }
    setTrayAvailable(m_trayAvailable);
}

TrayController::~TrayController()
{
    QGuiApplication::setQuitOnLastWindowClosed(true);
}

void TrayController::setTrayAvailable(bool available)
{
    m_trayAvailable = available;
    if (available && !m_icon) {
        m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/playlist-bridge.svg")), this);
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                openWindow();
        });
        connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayController::openWindow);
        updateStatus();
        m_icon->show();
    } else if (!available && m_icon) {
        delete std::exchange(m_icon, nullptr);
    }
    updateQuitOnLastWindowClosed();
}

void TrayController::setHourLength(std::chrono::milliseconds hour)
{
    m_hour = hour;
    m_autoSync->setInterval(m_hour * m_autoSyncHours);
}

void TrayController::applySettings(const AppSettings &settings)
{
    m_closeToTray = settings.closeToTray;
    updateQuitOnLastWindowClosed();
    // Re-arm only when the interval changes: saving other settings must not postpone the run.
    if (settings.autoSyncHours != m_autoSyncHours || !m_autoSync->isScheduled()) {
        m_autoSyncHours = settings.autoSyncHours;
        m_autoSync->setInterval(m_hour * m_autoSyncHours);
    }
    updateStatus();
}

bool TrayController::keepsRunningOnClose() const
{
    return m_closeToTray && m_icon;
}

void TrayController::updateQuitOnLastWindowClosed()
{
    // With the window in the tray, closing the last dialog must not end the app.
    QGuiApplication::setQuitOnLastWindowClosed(!keepsRunningOnClose());
}

void TrayController::windowHidden()
{
    if (m_toldHidden)
        return;
    m_toldHidden = true;
    notify(tr("Playlist Bridge is still running"),
           m_autoSyncHours > 0
               ? countText(m_autoSyncHours,
                           tr("It keeps syncing every hour. Use the tray icon to open it or quit."),
                           tr("It keeps syncing every %1 hours. Use the tray icon to open it or quit."))
               : tr("Running syncs go on. Use the tray icon to open it or quit."),
           false);
}

void TrayController::openWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void TrayController::quit()
{
    m_closeToTray = false; // this close is for good
    updateQuitOnLastWindowClosed();
    m_window->close();
    QCoreApplication::exit(0);
}

QString TrayController::playlistName(const pb::PlaylistKey &id) const
{
    const PlaylistItem *card = m_window->item(id);
    return card ? card->playlist().name : id.id;
}

void TrayController::onStarted(const pb::PlaylistKey &)
{
    updateStatus();
}

void TrayController::onFinished(const pb::PlaylistKey &id, const SyncResult &result)
{
    if (m_batchIds.remove(id)) {
        updateStatus(); // part of a run, summed up (and announced) as a whole when it ends
        return;
    }
    m_lastText = tr("%1: %2").arg(playlistName(id), SyncHistoryModel::outcomeText(result));
    updateStatus();
    if (result.dryRun)
        return; // a preview is looked at, not waited for
    if (m_window->isVisible() && m_window->isActiveWindow())
        return; // the person is looking at it
    const bool failed = result.outcome == SyncOutcome::Failed;
    const bool longSync = result.startedAt.isValid() && result.finishedAt.isValid() &&
                          result.startedAt.msecsTo(result.finishedAt) >= m_longSync.count();
    if (failed)
        notify(tr("Sync of %1 failed").arg(playlistName(id)), describeResult(result), true);
    else if (longSync && result.outcome == SyncOutcome::Succeeded)
        notify(tr("%1 is synced").arg(playlistName(id)), describeResult(result), false);
}

void TrayController::onBatchFinished(const std::vector<SyncResult> &results)
{
    QHash<pb::PlaylistKey, QString> names;
    bool failed = false;
    for (const SyncResult &r : results) {
        names.insert(r.playlist, playlistName(r.playlist));
        failed = failed || r.outcome == SyncOutcome::Failed;
    }
    const bool fromTray = std::exchange(m_batchFromTray, false);
    const QString title = fromTray ? (failed ? tr("Sync All failed") : tr("Sync All finished"))
                                   : (failed ? tr("Scheduled sync failed") : tr("Scheduled sync finished"));
    m_lastText =
        tr("%1: %2").arg(fromTray ? tr("Sync All") : tr("Scheduled sync"), describeBatch(results, names));
    updateStatus();
    notify(title, describeBatch(results, names), failed);
}

void TrayController::notify(const QString &title, const QString &message, bool failure)
{
    if (m_icon)
        m_icon->showMessage(title, message,
                            failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    Q_EMIT notified(title, message, failure);
}

void TrayController::updateStatus()
{
    int running = 0;
    for (const PlaylistItem *card : m_window->items())
        running += m_backend->registry() && m_backend->registry()->isRunning(card->playlist().key()) ? 1 : 0;
    QString text = running > 0 ? countText(running, tr("Syncing 1 playlist…"), tr("Syncing %1 playlists…"))
                               : (m_lastText.isEmpty() ? tr("No sync yet") : m_lastText);
    m_status->setText(text);
    QString tip = tr("Playlist Bridge — %1").arg(text);
    if (m_autoSync->isScheduled())
        tip += QLatin1Char('\n') + countText(m_autoSyncHours, tr("Syncs automatically every hour"),
                                             tr("Syncs automatically every %1 hours"));
    if (m_icon)
        m_icon->setToolTip(tip);
}

} // namespace pb::gui
