#pragma once

#include "pb/sync/jobtypes.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace pb::gui {

/// The details table: one row per Spotify playlist entry, filled in live as tracks resolve.
class TrackTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Position,
        Title,
        Artists,
        Album,
        Duration,
        Status,
        PlexTrack,
        Confidence,
        ColumnCount
    };
    /// The TrackStatus of a row, as an int (for filters and tests).
    static constexpr int StatusRole = Qt::UserRole + 1;

    explicit TrackTableModel(QObject *parent = nullptr);

    /// Replaces every row with these entries, all Pending (before a sync resolved them).
    void setEntries(const std::vector<PlaylistEntry> &entries);
    /// Replaces every row with a snapshot's outcomes.
    void setOutcomes(const std::vector<pb::sync::TrackOutcome> &outcomes);
    /// Updates (or appends) the row at outcome.position.
    void updateOutcome(const pb::sync::TrackOutcome &outcome);
    /// Marks every row Pending again (a new sync started), keeping the tracks.
    void resetStatuses();

    const pb::sync::TrackOutcome &outcome(int row) const { return m_rows.at(static_cast<size_t>(row)); }
    const std::vector<pb::sync::TrackOutcome> &outcomes() const { return m_rows; }
    int countWithStatus(pb::sync::TrackStatus status) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(pb::sync::TrackStatus status);
    static QString formatDuration(std::int64_t ms);

private:
    std::vector<pb::sync::TrackOutcome> m_rows;
    QIcon m_icons[4];
};

} // namespace pb::gui
