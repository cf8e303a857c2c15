// The main window's ways in for files (Import Playlist…, a drop on the window) and its question
// when the short-read guard stopped a sync.
#include "pb/gui/mainwindow.h"

#include "pb/gui/appbackend.h"
#include "pb/gui/appsettings.h"
#include "pb/gui/playlistitem.h"
#include "pb/sync/syncregistry.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>

namespace pb::gui {

namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            out << url.toLocalFile();
    return out;
}

} // namespace

void MainWindow::importPlaylists()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Playlist"), QString(),
        tr("Playlist files (*.zip *.json *.csv *.m3u *.m3u8 *.xspf *.jspf *.txt);;All files (*)"));
    importFiles(paths);
}

void MainWindow::importFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        statusBar()->showMessage(tr("Importing %1…").arg(QFileInfo(path).fileName()));
        m_backend->importPlaylistFile(path, this, [this, path](pb::Result<std::vector<ImportedSummary>> r) {
            if (!r.ok()) {
                statusBar()->showMessage(tr("Could not import %1").arg(QFileInfo(path).fileName()));
                if (m_importError)
                    m_importError->close();
                m_importError = new QMessageBox(
                    QMessageBox::Warning, tr("Import Playlist"),
                    tr("%1 could not be imported.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
                m_importError->setInformativeText(r.error().message);
                m_importError->setAttribute(Qt::WA_DeleteOnClose);
                m_importError->open();
                return;
            }
            QStringList names;
            for (const ImportedSummary &s : *r)
                names << (s.isNew     ? tr("%1 (new, %2 tracks)")
                          : s.changed ? tr("%1 (updated, %2 tracks)")
                                      : tr("%1 (unchanged, %2 tracks)"))
                             .arg(s.playlist.name)
                             .arg(s.playlist.trackCount);
            statusBar()->showMessage(
                tr("Imported %1 from %2: %3")
                    .arg(r->size() == 1 ? tr("1 playlist") : tr("%1 playlists").arg(r->size()),
                         QFileInfo(path).fileName(), names.join(QStringLiteral(", "))));
        });
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(files);
}

void MainWindow::askToAllowShrink(const pb::PlaylistKey &key, const pb::sync::SyncResult &result)
{
    PlaylistItem *card = item(key);
    if (!card)
        return;
    if (m_shrinkBox)
        m_shrinkBox->close();
    // Non-blocking: syncs and the window go on while the question is open.
    m_shrinkBox =
        new QMessageBox(QMessageBox::Warning, tr("Sync %1?").arg(card->playlist().name),
                        tr("The sync of \"%1\" stopped before changing anything.").arg(card->playlist().name),
                        QMessageBox::NoButton, this);
    m_shrinkBox->setInformativeText(result.error ? result.error->message : result.message);
    QPushButton *go = m_shrinkBox->addButton(tr("Sync Anyway"), QMessageBox::DestructiveRole);
    m_shrinkBox->setDefaultButton(m_shrinkBox->addButton(tr("Leave Plex As It Is"), QMessageBox::RejectRole));
    m_shrinkBox->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_shrinkBox, &QMessageBox::buttonClicked, this, [this, key, go](QAbstractButton *clicked) {
        PlaylistItem *c = item(key);
        if (clicked != go || !c)
            return;
        pb::sync::SyncOptions options =
            syncOptionsFor(c->playlist(), m_backend->accountStatus().plexSectionKey);
        options.allowShrink = true;
        m_backend->registry()->startSync(c->playlist(), options);
    });
    m_shrinkBox->open();
}

} // namespace pb::gui
