#include "pb/gui/mainwindow.h"
#include "pb/gui/plural.h"

#include "ui_mainwindow.h"

#include "pb/core/version.h"
#include "pb/gui/appbackend.h"
#include "pb/gui/appsettings.h"
#include "pb/gui/coverartcache.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/plexconnectdialog.h"
#include "pb/gui/settingsdialog.h"
#include "pb/gui/spotifyconnectdialog.h"
#include "pb/gui/synchistorydialog.h"
#include "pb/gui/traycontroller.h"
#include "pb/sync/syncregistry.h"

#include <QCloseEvent>
#include <QSettings>
#include <QShortcut>
#include <QStyle>

namespace pb::gui {

using pb::sync::SyncRegistry;

namespace {
const QString kGeometryKey = QStringLiteral("ui/mainWindow/geometry");
const QString kStateKey = QStringLiteral("ui/mainWindow/state");
} // namespace

MainWindow::MainWindow(AppBackend *backend, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_backend(backend),
      m_covers(new CoverArtCache({}, this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/playlist-bridge.svg")));
    m_ui->actionRefresh->setIcon(
        QIcon::fromTheme(QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)));
    m_ui->actionSyncAll->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-start"),
                                                  style()->standardIcon(QStyle::SP_MediaPlay)));
    m_ui->actionSettings->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system"),
                                                   style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
    m_ui->listLayout->addStretch(1);
    statusBar()->showMessage(tr("Version %1").arg(QString::fromLatin1(pb::kVersion)));

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterEdit->selectAll();
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->actionSyncAll, &QAction::triggered, this, &MainWindow::syncAll);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->actionImport, &QAction::triggered, this, &MainWindow::importPlaylists);
    setAcceptDrops(true);
    connect(m_ui->spotifyButton, &QPushButton::clicked, this, &MainWindow::connectSpotify);
    connect(m_ui->plexButton, &QPushButton::clicked, this, &MainWindow::connectPlex);

    connect(m_backend, &AppBackend::accountStatusChanged, this, [this] {
        updateAccounts();
        refresh();
    });
    connect(m_backend, &AppBackend::playlistsLoaded, this, &MainWindow::setPlaylists);
    connect(m_backend, &AppBackend::accountsSaved, this, [this] {
        statusBar()->showMessage(
            tr("Account saved. Once Spotify and Plex are both connected, your own playlists "
               "replace the demo."));
    });
    connect(m_backend, &AppBackend::playlistsFailed, this, [this](const QString &message) {
        m_ui->messageLabel->setText(tr("Could not load the playlists: %1").arg(message));
        m_ui->actionRefresh->setEnabled(true);
    });
    SyncRegistry *registry = m_backend->registry();
    connect(registry, &SyncRegistry::syncStarted, this, &MainWindow::onStarted);
    connect(registry, &SyncRegistry::progressChanged, this, &MainWindow::onProgress);
    connect(registry, &SyncRegistry::syncFinished, this, &MainWindow::onFinished);
    m_tray = new TrayController(this, m_backend);
    m_tray->applySettings(AppSettings::load());

    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    updateAccounts();
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (m_tray->keepsRunningOnClose()) {
        // Into the tray: hidden, not closed, so the app, its syncs and the timer go on.
        event->ignore();
        hide();
        m_tray->windowHidden();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::updateAccounts()
{
    const AccountStatus a = m_backend->accountStatus();
    const bool ready = a.demo || (a.spotifyConnected && a.plexConnected);
    m_ui->pages->setCurrentWidget(ready ? m_ui->playlistsPage : m_ui->emptyPage);
    m_ui->demoLabel->setVisible(a.demo);
    setWindowTitle(a.demo ? tr("Playlist Bridge – Demo") : tr("Playlist Bridge"));

    const QString user = a.spotifyUser.displayName.isEmpty() ? a.spotifyUser.id : a.spotifyUser.displayName;
    m_ui->spotifyLabel->setText(a.spotifyConnected ? tr("Spotify: %1").arg(user)
                                                   : tr("Spotify: not connected"));
    // In the demo the buttons connect the user's own accounts (and leave the demo once both are in).
    const bool spotifyMine = a.spotifyConnected && !a.demo;
    m_ui->spotifyButton->setText(spotifyMine ? tr("Disconnect")
                                 : a.demo    ? tr("Use My Spotify…")
                                             : tr("Connect Spotify…"));
    m_ui->spotifyButton->setAccessibleName(spotifyMine ? tr("Disconnect Spotify") : tr("Connect Spotify"));
    m_ui->spotifyButton->setVisible(!a.demoForced);

    QString plex = tr("Plex: not connected");
    if (a.plexConnected) {
        plex = a.plexLibraryName.isEmpty() ? tr("Plex: %1").arg(a.plexServerName)
                                           : tr("Plex: %1 · %2").arg(a.plexServerName, a.plexLibraryName);
    }
    m_ui->plexLabel->setText(plex);
    const bool plexMine = a.plexConnected && !a.demo;
    m_ui->plexButton->setText(plexMine ? tr("Disconnect")
                              : a.demo ? tr("Use My Plex…")
                                       : tr("Connect Plex…"));
    m_ui->plexButton->setAccessibleName(plexMine ? tr("Disconnect Plex") : tr("Connect Plex"));
    m_ui->plexButton->setVisible(!a.demoForced);

    m_ui->actionRefresh->setEnabled(ready);
    m_ui->actionSyncAll->setEnabled(ready);
}

void MainWindow::refresh()
{
    const AccountStatus a = m_backend->accountStatus();
    if (!a.demo && !a.spotifyConnected)
        return;
    m_ui->messageLabel->setText(tr("Loading playlists…"));
    m_backend->refreshPlaylists();
}

void MainWindow::setPlaylists(const std::vector<SourcePlaylist> &playlists)
{
    for (PlaylistItem *old : std::as_const(m_items)) {
        m_ui->listLayout->removeWidget(old);
        old->hide();
        old->deleteLater();
    }
    m_items.clear();

    const QString userId = m_backend->accountStatus().spotifyUser.id;
    SyncRegistry *registry = m_backend->registry();
    int index = 0;
    for (const SourcePlaylist &p : playlists) {
        auto *card = new PlaylistItem(p, unreadableReason(p, userId), m_covers, m_ui->listWidget);
        connect(card, &PlaylistItem::syncRequested, this, &MainWindow::startSync);
        connect(card, &PlaylistItem::cancelRequested, registry, &SyncRegistry::cancelSync);
        connect(card, &PlaylistItem::detailsRequested, this, &MainWindow::openDetails);
        connect(card, &PlaylistItem::historyRequested, this, &MainWindow::openHistory);
        if (const auto snapshot = registry->snapshot(p.key())) {
            card->setStanding(snapshot->standing); // this session's runs or the history's
            if (snapshot->running) {
                card->setRunning(true);
                card->showProgress(snapshot->progress);
            }
        }
        m_ui->listLayout->insertWidget(index++, card); // before the trailing stretch
        m_items.insert(p.key(), card);
    }
    m_ui->messageLabel->clear();
    applyFilter();
    updateStatusBar();
}

void MainWindow::applyFilter()
{
    const QString text = m_ui->filterEdit->text();
    for (PlaylistItem *card : std::as_const(m_items))
        card->setVisible(card->matchesFilter(text));
}

PlaylistItem *MainWindow::item(const pb::PlaylistKey &playlist) const
{
    return m_items.value(playlist, nullptr);
}

std::vector<PlaylistItem *> MainWindow::items() const
{
    std::vector<PlaylistItem *> result;
    for (int i = 0; i < m_ui->listLayout->count(); ++i) {
        if (auto *card = qobject_cast<PlaylistItem *>(m_ui->listLayout->itemAt(i)->widget()))
            result.push_back(card);
    }
    return result;
}

bool MainWindow::startSync(const pb::PlaylistKey &key)
{
    PlaylistItem *card = item(key);
    if (!card || !card->isReadable())
        return false;
    return m_backend->registry()->startSync(
        card->playlist(), syncOptionsFor(card->playlist(), m_backend->accountStatus().plexSectionKey));
}

QList<pb::PlaylistKey> MainWindow::syncAll()
{
    // The registry bounds how many run at once and queues the rest; it refuses a second sync
    // of a running playlist.
    QList<pb::PlaylistKey> started;
    for (PlaylistItem *card : items()) {
        const pb::PlaylistKey key = card->playlist().key();
        if (card->isReadable() && !card->isRunning() && !m_backend->registry()->isRunning(key) &&
            startSync(key))
            started << key;
    }
    return started;
}

SyncHistoryDialog *MainWindow::openHistory(const pb::PlaylistKey &playlist)
{
    PlaylistItem *card = item(playlist);
    if (!card)
        return nullptr;
    if (m_history && m_history->playlist().key() != playlist) {
        m_history->close(); // deleted later (WA_DeleteOnClose): let go of it now
        m_history.clear();
    }
    if (!m_history) {
        m_history = new SyncHistoryDialog(card->playlist(), m_backend, this);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
    return m_history;
}

PlaylistDetailsModal *MainWindow::openDetails(const pb::PlaylistKey &playlist)
{
    PlaylistItem *card = item(playlist);
    if (!card)
        return nullptr;
    if (m_details && m_details->playlist().key() == playlist) {
        m_details->raise();
        m_details->activateWindow();
        return m_details;
    }
    if (m_details)
        m_details->close();
    auto *modal = new PlaylistDetailsModal(card->playlist(), m_backend, m_covers, this);
    modal->setAttribute(Qt::WA_DeleteOnClose);
    m_details = modal;
    modal->show();
    return modal;
}

void MainWindow::onStarted(const pb::PlaylistKey &key)
{
    if (PlaylistItem *card = item(key))
        card->setRunning(true);
    updateStatusBar();
}

void MainWindow::onProgress(const pb::PlaylistKey &key, const pb::sync::SyncProgress &progress)
{
    if (PlaylistItem *card = item(key)) {
        if (!card->isRunning())
            card->setRunning(true);
        card->showProgress(progress);
    }
}

void MainWindow::onFinished(const pb::PlaylistKey &key, const pb::sync::SyncResult &result)
{
    if (PlaylistItem *card = item(key)) {
        card->setRunning(false);
        card->showResult(result);
    }
    updateStatusBar();
    if (result.error && result.error->kind == pb::ErrorKind::ShortRead && !result.dryRun)
        askToAllowShrink(key, result);
}

void MainWindow::updateStatusBar()
{
    int running = 0;
    for (PlaylistItem *card : std::as_const(m_items))
        running += m_backend->registry()->isRunning(card->playlist().key()) ? 1 : 0;
    const QString text =
        running > 0
            ? tr("%1, %2 syncing")
                  .arg(countText(static_cast<int>(m_items.size()), tr("1 playlist"), tr("%1 playlists")))
                  .arg(running)
            : countText(static_cast<int>(m_items.size()), tr("1 playlist"), tr("%1 playlists"));
    statusBar()->showMessage(text);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_tray->applySettings(AppSettings::load());
}

void MainWindow::connectSpotify()
{
    const AccountStatus a = m_backend->accountStatus();
    if (a.spotifyConnected && !a.demo) {
        m_backend->disconnectSpotify();
        return;
    }
    auto *dialog = new SpotifyConnectDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::connectPlex()
{
    const AccountStatus a = m_backend->accountStatus();
    if (a.plexConnected && !a.demo) {
        m_backend->disconnectPlex();
        return;
    }
    auto *dialog = new PlexConnectDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace pb::gui
