#pragma once

#include "pb/core/result.h"
#include "pb/core/types.h"
#include "pb/sync/jobtypes.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

class QComboBox;
class QLabel;

class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace pb::gui {

class AppBackend;
class CoverArtCache;
class SyncHistoryDialog;
class SyncStatusWidget;
class TrackTableModel;

/// The playlist's details (the seed's PlaylistDetailsModal): the track table filling in live,
/// a header sync status hidden until a sync starts, "Sync This Playlist" ↔ red "Cancel Sync",
/// a dry-run preview, fixing a match by hand and exporting the missing tracks. It only
/// observes the registry: closing it never stops a sync, and a new one shows the live state.
class PlaylistDetailsModal : public QDialog {
    Q_OBJECT

public:
    PlaylistDetailsModal(const SourcePlaylist &playlist, AppBackend *backend, CoverArtCache *covers,
                         QWidget *parent = nullptr);
    ~PlaylistDetailsModal() override;

    const SourcePlaylist &playlist() const { return m_playlist; }
    QPushButton *syncButton() const { return m_sync; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *fixButton() const { return m_fix; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *historyButton() const { return m_history; }
    SyncStatusWidget *statusWidget() const { return m_status; }
    /// The "apply these changes?" box shown after a preview, while it is open.
    QMessageBox *previewBox() const { return m_previewBox; }
    TrackTableModel *trackModel() const { return m_model; }
    QTableView *table() const { return m_table; }

    /// Writes the missing tracks as CSV; returns false (and says why) when it cannot.
    bool exportMissing(const QString &path, QString *error = nullptr);
    /// Records that `row`'s track is `plexTrack` for good (a manual override) and shows it.
    pb::Status applyManualMatch(int row, const PlexTrack &plexTrack);

public Q_SLOTS:
    void startOrCancel();
    void startPreview();
    void fixSelected();
    void exportMissingInteractive();
    /// Opens (or raises) this playlist's sync history; returns it.
    SyncHistoryDialog *showHistory();

protected:
    void done(int result) override;

private:
    void buildUi(CoverArtCache *covers);
    void restoreState();
    void loadFromSnapshot();
    void applyRecorded(const std::vector<pb::sync::TrackOutcome> &recorded);
    void setRunning(bool running);
    void updateSelectionDetails();
    void onStarted(const pb::PlaylistKey &id);
    void onProgress(const pb::PlaylistKey &id, const pb::sync::SyncProgress &progress);
    void onTrack(const pb::PlaylistKey &id, const pb::sync::TrackOutcome &outcome);
    void onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &result);
    int selectedRow() const;
    void offerPreview(const pb::sync::SyncResult &result);

    SourcePlaylist m_playlist;
    AppBackend *m_backend;
    TrackTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_cover = nullptr;
    SyncStatusWidget *m_status = nullptr;
    QComboBox *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_fix = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_history = nullptr;
    QPointer<SyncHistoryDialog> m_historyDialog;
    QPointer<QMessageBox> m_previewBox;
    bool m_running = false;
    int m_generation = 0; ///< bumped when a sync starts: late answers about an older run are dropped
    bool m_previewRequested = false; ///< the next dry-run result is offered for applying
};

} // namespace pb::gui
