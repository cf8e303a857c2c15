#include "pb/gui/synchistorydialog.h"

#include "pb/gui/appbackend.h"
#include "pb/gui/plural.h"
#include "pb/gui/synchistorymodel.h"
#include "pb/gui/tracktablemodel.h"
#include "pb/sync/syncregistry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pb::gui {

using pb::sync::TrackStatus;

namespace {
constexpr int kHistoryLimit = 200;
}

SyncHistoryDialog::SyncHistoryDialog(const SourcePlaylist &playlist, AppBackend *backend, QWidget *parent)
    : QDialog(parent), m_playlist(playlist), m_backend(backend), m_model(new SyncHistoryModel(this))
{
    setWindowTitle(tr("Sync History – %1").arg(playlist.name));
    setAccessibleName(windowTitle());
    resize(860, 560);

    auto *title = new QLabel(
        tr("<b>%1</b> — every sync of this playlist, newest first").arg(playlist.name.toHtmlEscaped()), this);
    title->setTextFormat(Qt::RichText);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Sync runs"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_tracksTitle = new QLabel(this);
    m_tracks = new QTreeWidget(this);
    m_tracks->setAccessibleName(tr("Tracks of the selected run that are not in Plex"));
    m_tracks->setRootIsDecorated(false);
    m_tracks->setHeaderLabels({tr("#"), tr("Status"), tr("Track"), tr("Reason")});
    m_tracks->setAlternatingRowColors(true);
    auto *tracksBox = new QWidget(this);
    auto *tracksLayout = new QVBoxLayout(tracksBox);
    tracksLayout->setContentsMargins(0, 0, 0, 0);
    tracksLayout->addWidget(m_tracksTitle);
    tracksLayout->addWidget(m_tracks);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(tracksBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(splitter);
    m_pages->addWidget(m_empty);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SyncHistoryDialog::showRunTracks);
    if (auto *registry = m_backend->registry())
        connect(registry, &pb::sync::SyncRegistry::syncFinished, this, &SyncHistoryDialog::onFinished);

    // Track names for the per-run lines (the history stores Spotify ids only).
    m_backend->loadEntries(playlist, this, [this](pb::Result<std::vector<PlaylistEntry>> entries) {
        if (!entries)
            return;
        for (const PlaylistEntry &e : *entries)
            if (!e.track.id.isEmpty())
                m_trackNames.insert(
                    e.track.id, tr("%1 – %2").arg(e.track.name, e.track.artists.join(QStringLiteral(", "))));
        showRunTracks();
    });
    reload();
}

SyncHistoryDialog::~SyncHistoryDialog() = default;

void SyncHistoryDialog::reload()
{
    auto runs = m_backend->syncHistory(m_playlist.key(), kHistoryLimit);
    if (!runs) {
        m_empty->setText(tr("The sync history could not be read: %1").arg(runs.error().message));
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    if (runs->empty()) {
        m_empty->setText(tr("No sync has run for this playlist yet. Each sync, preview and cancelled or "
                            "failed attempt will be listed here."));
        m_pages->setCurrentWidget(m_empty);
        m_model->setRuns({});
        return;
    }
    m_model->setRuns(std::move(runs).value());
    m_pages->setCurrentIndex(0);
    m_table->resizeColumnsToContents();
    m_table->selectRow(0);
    showRunTracks();
}

void SyncHistoryDialog::showRunTracks()
{
    m_tracks->clear();
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_tracksTitle->setText(tr("Select a run to see the tracks it did not find."));
        return;
    }
    const qint64 runId = m_model->index(current.row(), 0).data(Qt::UserRole).toLongLong();
    auto lines = m_backend->runTracks(runId);
    if (!lines) {
        m_tracksTitle->setText(tr("The tracks of this run could not be read: %1").arg(lines.error().message));
        return;
    }
    int shown = 0;
    for (const pb::sync::RunTrack &t : *lines) {
        if (t.status == TrackStatus::Matched)
            continue;
        auto *item = new QTreeWidgetItem(m_tracks);
        item->setData(0, Qt::DisplayRole, t.position + 1);
        item->setText(1, TrackTableModel::statusText(t.status));
        item->setText(2, m_trackNames.value(t.trackId, t.trackId));
        item->setText(3, t.reason);
        item->setToolTip(3, t.reason);
        ++shown;
    }
    m_tracksTitle->setText(shown == 0 ? tr("Every track of this run was found in Plex.")
                                      : countText(shown, tr("Not found or skipped in this run: 1 track"),
                                                  tr("Not found or skipped in this run: %1 tracks")));
    for (int c = 0; c < 3; ++c)
        m_tracks->resizeColumnToContents(c);
    m_tracks->scrollToTop();
}

void SyncHistoryDialog::onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &)
{
    if (id == m_playlist.key())
        reload();
}

} // namespace pb::gui
