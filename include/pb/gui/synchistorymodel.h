#pragma once

#include "pb/sync/statestore.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QIcon>

#include <vector>

namespace pb::gui {

/// The runs of one playlist's sync history as a table, newest first: when, outcome, what the
/// Plex playlist got (added / removed / moved), the missing tracks and the tracks found.
class SyncHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        When,
        Outcome,
        Added,
        Removed,
        Moved,
        Missing,
        Found,
        Note,
        ColumnCount
    };

    explicit SyncHistoryModel(QObject *parent = nullptr);

    void setRuns(std::vector<pb::sync::SyncRun> runs);
    const std::vector<pb::sync::SyncRun> &runs() const { return m_runs; }
    /// The time "When" is relative to (injected by tests).
    void setNow(const QDateTime &now) { m_now = now; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Synced", "Preview", "Failed", "Cancelled (Plex unchanged)", ...
    static QString outcomeText(const pb::sync::SyncResult &result);

private:
    std::vector<pb::sync::SyncRun> m_runs;
    QDateTime m_now;
    QIcon m_ok, m_failed, m_cancelled;
};

} // namespace pb::gui
