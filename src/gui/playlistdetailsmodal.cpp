#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/plural.h"

#include "pb/gui/appbackend.h"
#include "pb/gui/appsettings.h"
#include "pb/gui/coverartcache.h"
#include "pb/gui/csvexport.h"
#include "pb/gui/fixmatchdialog.h"
#include "pb/gui/synchistorydialog.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/gui/tracktablemodel.h"
#include "pb/sync/syncregistry.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace pb::gui {

using pb::sync::SyncRegistry;
using pb::sync::TrackStatus;

namespace {
constexpr int kCoverSize = 96;
const QString kGeometryKey = QStringLiteral("ui/detailsModal/geometry");
const QString kSplitterKey = QStringLiteral("ui/detailsModal/splitter");
} // namespace

PlaylistDetailsModal::PlaylistDetailsModal(const SourcePlaylist &playlist, AppBackend *backend,
                                           CoverArtCache *covers, QWidget *parent)
    : QDialog(parent), m_playlist(playlist), m_backend(backend), m_model(new TrackTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("%1 – Playlist Bridge").arg(playlist.name));
    setAccessibleName(tr("Playlist details"));
    setSizeGripEnabled(true);
    resize(980, 640);
    buildUi(covers);
    restoreState();

    SyncRegistry *registry = m_backend->registry();
    connect(registry, &SyncRegistry::syncStarted, this, &PlaylistDetailsModal::onStarted);
    connect(registry, &SyncRegistry::progressChanged, this, &PlaylistDetailsModal::onProgress);
    connect(registry, &SyncRegistry::trackResolved, this, &PlaylistDetailsModal::onTrack);
    connect(registry, &SyncRegistry::syncFinished, this, &PlaylistDetailsModal::onFinished);
    loadFromSnapshot();
}

PlaylistDetailsModal::~PlaylistDetailsModal() = default;

void PlaylistDetailsModal::buildUi(CoverArtCache *covers)
{
    m_cover = new QLabel(this);
    m_cover->setFixedSize(kCoverSize, kCoverSize);
    m_cover->setPixmap(CoverArtCache::placeholder(m_playlist.name, kCoverSize, m_playlist.isLikedSongs));
    if (covers) {
        covers->request(m_playlist.imageUrl, this, [this](const QPixmap &p) {
            m_cover->setPixmap(
                p.scaled(kCoverSize, kCoverSize, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
        });
    }
    auto *title = new QLabel(this);
    title->setTextFormat(Qt::PlainText);
    title->setText(m_playlist.name);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    auto *meta = new QLabel(this);
    meta->setTextFormat(Qt::PlainText);
    meta->setText(m_playlist.isLikedSongs
                      ? tr("Your Liked Songs · %1")
                            .arg(countText(m_playlist.trackCount, tr("1 track"), tr("%1 tracks")))
                      : tr("by %1 · %2")
                            .arg(m_playlist.ownerName,
                                 countText(m_playlist.trackCount, tr("1 track"), tr("%1 tracks"))));
    auto *titles = new QVBoxLayout;
    titles->addStretch();
    titles->addWidget(title);
    titles->addWidget(meta);
    titles->addStretch();

    m_status = new SyncStatusWidget(this);
    m_status->setMinimumWidth(380);
    auto *header = new QHBoxLayout;
    header->addWidget(m_cover);
    header->addLayout(titles, 1);
    header->addWidget(m_status, 0, Qt::AlignVCenter);

    m_filter = new QComboBox(this);
    m_filter->addItem(tr("All tracks"), -1);
    m_filter->addItem(tr("Matched"), static_cast<int>(TrackStatus::Matched));
    m_filter->addItem(tr("Not found"), static_cast<int>(TrackStatus::Missing));
    m_filter->addItem(tr("Skipped"), static_cast<int>(TrackStatus::Skipped));
    m_filter->addItem(tr("Pending"), static_cast<int>(TrackStatus::Pending));
    m_filter->setAccessibleName(tr("Show tracks"));
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_filter->currentData().toInt();
        m_proxy->setFilterRegularExpression(status < 0 ? QString() : QStringLiteral("^%1$").arg(status));
    });
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter);
    filterRow->addStretch();

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(TrackTableModel::StatusRole);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(TrackTableModel::Title, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TrackTableModel::PlexTrack, QHeaderView::Stretch);
    m_table->setColumnWidth(TrackTableModel::Position, 44);
    m_table->setColumnWidth(TrackTableModel::Artists, 150);
    m_table->setColumnWidth(TrackTableModel::Album, 150);
    m_table->setColumnWidth(TrackTableModel::Duration, 70);
    m_table->setColumnWidth(TrackTableModel::Status, 110);
    m_table->setColumnWidth(TrackTableModel::Confidence, 90);
    m_table->setAccessibleName(tr("Tracks"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PlaylistDetailsModal::updateSelectionDetails);
    connect(m_table, &QTableView::doubleClicked, this, &PlaylistDetailsModal::fixSelected);

    m_detail = new QTextBrowser(this);
    m_detail->setAccessibleName(tr("Why this track matched or not"));
    m_detail->setPlaceholderText(tr("Select a track to see why it matched or not."));
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({440, 70}); // until the user's own sizes are restored

    m_preview = new QPushButton(tr("&Preview Changes"), this);
    m_preview->setToolTip(tr("Match the tracks and show what would be added, removed and moved, "
                             "without changing Plex"));
    m_fix = new QPushButton(tr("&Fix Match…"), this);
    m_fix->setToolTip(tr("Search your Plex library for the right track; remembered for every later sync"));
    m_fix->setEnabled(false);
    m_export = new QPushButton(tr("&Export Missing…"), this);
    m_export->setToolTip(tr("Save the tracks not found in Plex as CSV, with search queries"));
    m_sync = new QPushButton(this);
    m_sync->setDefault(true);
    setSyncButtonRunning(m_sync, false, tr("&Sync This Playlist"), tr("&Cancel Sync"));
    m_history = new QPushButton(tr("&History…"), this);
    m_history->setToolTip(tr("Every sync of this playlist: when, what changed, what was missing"));
    connect(m_history, &QPushButton::clicked, this, &PlaylistDetailsModal::showHistory);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setToolTip(tr("Close this window; a running sync keeps going"));
    connect(m_preview, &QPushButton::clicked, this, &PlaylistDetailsModal::startPreview);
    connect(m_fix, &QPushButton::clicked, this, &PlaylistDetailsModal::fixSelected);
    connect(m_export, &QPushButton::clicked, this, &PlaylistDetailsModal::exportMissingInteractive);
    connect(m_sync, &QPushButton::clicked, this, &PlaylistDetailsModal::startOrCancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_preview);
    buttons->addWidget(m_fix);
    buttons->addWidget(m_export);
    buttons->addWidget(m_history);
    buttons->addStretch();
    buttons->addWidget(m_sync);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(buttons);
}

void PlaylistDetailsModal::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
}

void PlaylistDetailsModal::done(int result)
{
    // Closing only stops observing: the registry keeps the sync running.
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    QDialog::done(result);
}

void PlaylistDetailsModal::loadFromSnapshot()
{
    const auto snapshot = m_backend->registry()->snapshot(m_playlist.key());
    // A run of this session carries whole outcomes; one read back from the history (after a
    // restart) only ids, statuses and rating keys: the entries give the names, Plex the matches'.
    const bool whole = snapshot && !snapshot->tracks.empty() && !snapshot->fromHistory;
    if (whole)
        m_model->setOutcomes(snapshot->tracks);
    if (snapshot && snapshot->running) {
        setRunning(true);
        m_status->showProgress(snapshot->progress);
    } else if (snapshot && snapshot->result) {
        m_status->showResult(*snapshot->result);
    }
    if (whole)
        return;
    std::vector<pb::sync::TrackOutcome> recorded;
    if (snapshot && snapshot->fromHistory && !snapshot->running)
        recorded = snapshot->tracks;
    m_backend->loadEntries(
        m_playlist, this, [this, recorded](pb::Result<std::vector<PlaylistEntry>> entries) {
            // A sync that started meanwhile owns the table.
            if (entries.ok() && m_model->rowCount() == 0) {
                m_model->setEntries(entries.value());
                applyRecorded(recorded);
            } else if (!entries.ok() && m_model->rowCount() == 0) {
                m_detail->setPlainText(tr("Could not read the tracks: %1").arg(entries.error().message));
            }
        });
}

void PlaylistDetailsModal::applyRecorded(const std::vector<pb::sync::TrackOutcome> &recorded)
{
    // The last run's result for each entry that is still where it was; a match is shown only
    // once Plex has named its track, so a matched row never has an empty Plex track.
    QStringList keys;
    std::vector<pb::sync::TrackOutcome> matched;
    for (const pb::sync::TrackOutcome &r : recorded) {
        if (r.position < 0 || r.position >= m_model->rowCount() ||
            m_model->outcome(r.position).track.id != r.track.id ||
            m_model->outcome(r.position).status == TrackStatus::Skipped || r.status == TrackStatus::Pending)
            continue;
        pb::sync::TrackOutcome o = m_model->outcome(r.position);
        o.status = r.status;
        o.confidence = r.confidence;
        o.reason = r.reason;
        if (r.status == TrackStatus::Matched) {
            o.plexTrack.ratingKey = r.plexTrack.ratingKey;
            if (!keys.contains(r.plexTrack.ratingKey))
                keys << r.plexTrack.ratingKey;
            matched.push_back(std::move(o));
        } else {
            m_model->updateOutcome(o);
        }
    }
    if (keys.isEmpty())
        return;
    const int generation = m_generation;
    m_backend->plexTracks(keys, this, [this, generation, matched](pb::Result<std::vector<PlexTrack>> tracks) {
        if (!tracks.ok() || generation != m_generation || m_running)
            return; // the rows stay pending; the next sync names them
        QHash<QString, PlexTrack> byKey;
        for (const PlexTrack &t : tracks.value())
            byKey.insert(t.ratingKey, t);
        for (pb::sync::TrackOutcome o : matched) {
            const auto t = byKey.constFind(o.plexTrack.ratingKey);
            if (t == byKey.cend())
                continue; // gone from Plex since: the next sync matches it again
            o.plexTrack = *t;
            m_model->updateOutcome(o);
        }
        updateSelectionDetails();
    });
}

void PlaylistDetailsModal::setRunning(bool running)
{
    m_running = running;
    setSyncButtonRunning(m_sync, running, tr("&Sync This Playlist"), tr("&Cancel Sync"));
    m_sync->setToolTip(running ? tr("Stop now; the Plex playlist is left exactly as it was")
                               : tr("Copy this playlist into Plex, in Spotify's order"));
    m_preview->setEnabled(!running);
}

void PlaylistDetailsModal::startOrCancel()
{
    SyncRegistry *registry = m_backend->registry();
    if (m_running || registry->isRunning(m_playlist.key())) {
        registry->cancelSync(m_playlist.key());
        return;
    }
    registry->startSync(m_playlist, syncOptionsFor(m_playlist, m_backend->accountStatus().plexSectionKey));
}

void PlaylistDetailsModal::startPreview()
{
    if (m_running)
        return;
    m_previewRequested = true;
    pb::sync::SyncOptions options = syncOptionsFor(m_playlist, m_backend->accountStatus().plexSectionKey);
    options.dryRun = true;
    m_backend->registry()->startSync(m_playlist, options);
}

void PlaylistDetailsModal::onStarted(const pb::PlaylistKey &id)
{
    if (id != m_playlist.key())
        return;
    ++m_generation;
    m_model->resetStatuses();
    setRunning(true);
    pb::sync::SyncProgress starting;
    starting.totalTracks = m_model->rowCount();
    m_status->showProgress(starting);
}

void PlaylistDetailsModal::onProgress(const pb::PlaylistKey &id, const pb::sync::SyncProgress &progress)
{
    if (id != m_playlist.key())
        return;
    if (!m_running)
        setRunning(true);
    m_status->showProgress(progress);
}

void PlaylistDetailsModal::onTrack(const pb::PlaylistKey &id, const pb::sync::TrackOutcome &outcome)
{
    if (id != m_playlist.key())
        return;
    m_model->updateOutcome(outcome);
    if (selectedRow() == outcome.position)
        updateSelectionDetails();
}

void PlaylistDetailsModal::onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &result)
{
    if (id != m_playlist.key())
        return;
    setRunning(false);
    m_status->showResult(result);
    updateSelectionDetails();
    if (result.dryRun && m_previewRequested && result.outcome == pb::sync::SyncOutcome::Succeeded)
        offerPreview(result);
    m_previewRequested = false;
}

void PlaylistDetailsModal::offerPreview(const pb::sync::SyncResult &result)
{
    // Non-blocking: the sync registry and the table keep updating while it is open.
    auto *box = new QMessageBox(QMessageBox::Information, tr("Preview Changes"), describeResult(result),
                                QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const bool nothing = result.edit.added == 0 && result.edit.removed == 0 && result.edit.moved == 0;
    box->setInformativeText(
        nothing ? tr("The Plex playlist already matches Spotify.")
                : tr("Nothing has been written yet. Apply these changes to the Plex playlist?"));
    QPushButton *apply = nothing ? nullptr : box->addButton(tr("&Apply Changes"), QMessageBox::AcceptRole);
    box->addButton(nothing ? QMessageBox::Ok : QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, apply](QAbstractButton *clicked) {
        if (apply && clicked == apply && !m_running)
            startOrCancel();
        box->close();
    });
    m_previewBox = box;
    box->open();
}

int PlaylistDetailsModal::selectedRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void PlaylistDetailsModal::updateSelectionDetails()
{
    const int row = selectedRow();
    if (row < 0 || row >= m_model->rowCount()) {
        m_fix->setEnabled(false);
        m_detail->clear();
        return;
    }
    const pb::sync::TrackOutcome &o = m_model->outcome(row);
    m_fix->setEnabled(o.status == TrackStatus::Missing || o.status == TrackStatus::Matched);
    QString text = QStringLiteral("%1. %2 – %3\n")
                       .arg(o.position + 1)
                       .arg(o.track.artists.join(QStringLiteral(", ")), o.track.name);
    text += TrackTableModel::statusText(o.status);
    if (!o.reason.isEmpty())
        text += QStringLiteral(": ") + o.reason;
    if (o.fromOverride)
        text += QLatin1Char('\n') + tr("You chose this match; it is used on every sync.");
    m_detail->setPlainText(text);
}

void PlaylistDetailsModal::fixSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const pb::sync::TrackOutcome outcome = m_model->outcome(row);
    if (outcome.status == TrackStatus::Skipped || outcome.status == TrackStatus::Pending)
        return;
    auto *dialog = new FixMatchDialog(outcome.track, m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FixMatchDialog::trackChosen, this, [this, row](const PlexTrack &plexTrack) {
        const pb::Status status = applyManualMatch(row, plexTrack);
        if (!status.ok())
            QMessageBox::warning(this, tr("Fix Match"), status.error().message);
    });
    dialog->open();
}

pb::Status PlaylistDetailsModal::applyManualMatch(int row, const PlexTrack &plexTrack)
{
    if (row < 0 || row >= m_model->rowCount())
        return pb::Error::make(pb::ErrorKind::InvalidInput, tr("No such track."));
    pb::sync::TrackOutcome o = m_model->outcome(row);
    const pb::Status status = m_backend->setManualOverride(o.track, plexTrack);
    if (!status.ok())
        return status;
    o.status = TrackStatus::Matched;
    o.plexTrack = plexTrack;
    o.confidence = 1.0;
    o.fromOverride = true;
    o.fromCache = false;
    o.reason = tr("Chosen by you; used on every later sync.");
    m_model->updateOutcome(o);
    updateSelectionDetails();
    return {};
}

bool PlaylistDetailsModal::exportMissing(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(missingTracksCsv(m_model->outcomes())) < 0 ||
        !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void PlaylistDetailsModal::exportMissingInteractive()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = m_playlist.name;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Missing Tracks"),
                                                      dir + QLatin1Char('/') + name + tr(" – missing.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportMissing(path, &error))
        QMessageBox::warning(this, tr("Export Missing Tracks"), tr("Could not save the file: %1").arg(error));
}

SyncHistoryDialog *PlaylistDetailsModal::showHistory()
{
    if (!m_historyDialog) {
        m_historyDialog = new SyncHistoryDialog(m_playlist, m_backend, this);
        m_historyDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_historyDialog->show();
    m_historyDialog->raise();
    m_historyDialog->activateWindow();
    return m_historyDialog;
}

} // namespace pb::gui
