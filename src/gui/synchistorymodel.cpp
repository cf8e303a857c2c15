#include "pb/gui/synchistorymodel.h"

#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatuswidget.h"

#include <QLocale>

namespace pb::gui {

using pb::sync::SyncOutcome;
using pb::sync::SyncResult;

SyncHistoryModel::SyncHistoryModel(QObject *parent)
    : QAbstractTableModel(parent), m_ok(QStringLiteral(":/icons/status-matched.svg")),
      m_failed(QStringLiteral(":/icons/status-failed.svg")),
      m_cancelled(QStringLiteral(":/icons/status-skipped.svg"))
{}

void SyncHistoryModel::setRuns(std::vector<pb::sync::SyncRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int SyncHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int SyncHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncHistoryModel::outcomeText(const SyncResult &r)
{
    switch (r.outcome) {
    case SyncOutcome::Failed: return tr("Failed");
    case SyncOutcome::Cancelled:
        return r.plexPlaylistUnchanged ? tr("Cancelled (Plex unchanged)") : tr("Cancelled (Plex updated)");
    case SyncOutcome::Succeeded: break;
    }
    if (r.dryRun)
        return tr("Preview");
    return r.edit.created ? tr("Synced (created)") : tr("Synced");
}

QVariant SyncHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SyncResult &r = m_runs[static_cast<size_t>(index.row())].result;
    const QDateTime when = (r.finishedAt.isValid() ? r.finishedAt : r.startedAt).toLocalTime();
    // A preview and a failed or unchanged cancelled run wrote nothing: their edit counts are
    // what would have been, not what happened, so they are shown in brackets.
    const bool wrote = !r.dryRun && (r.outcome == SyncOutcome::Succeeded || !r.plexPlaylistUnchanged);
    auto editCount = [wrote](int n) { return wrote ? QString::number(n) : QStringLiteral("(%1)").arg(n); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When: return relativeTime(when, m_now.isValid() ? m_now : QDateTime::currentDateTime());
        case Outcome: return outcomeText(r);
        case Added: return editCount(r.edit.added);
        case Removed: return editCount(r.edit.removed);
        case Moved: return editCount(r.edit.moved);
        case Missing: return r.missing;
        case Found: return tr("%1 of %2").arg(r.matched).arg(r.total);
        case Note: return r.outcome == SyncOutcome::Failed ? describeResult(r) : r.message;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == When) {
            const qint64 secs =
                r.startedAt.isValid() && r.finishedAt.isValid() ? r.startedAt.secsTo(r.finishedAt) : -1;
            return secs < 0
                       ? QLocale().toString(when, QLocale::LongFormat)
                       : tr("%1 (took %2 s)").arg(QLocale().toString(when, QLocale::LongFormat)).arg(secs);
        }
        if (index.column() >= Added && index.column() <= Moved && !wrote)
            return tr("Nothing was written to Plex in this run: the count is what the sync planned.");
        return describeResult(r);
    case Qt::DecorationRole:
        if (index.column() != Outcome)
            return {};
        return r.outcome == SyncOutcome::Succeeded ? m_ok
               : r.outcome == SyncOutcome::Failed  ? m_failed
                                                   : m_cancelled;
    case Qt::TextAlignmentRole:
        if (index.column() >= Added && index.column() <= Missing)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::UserRole: return static_cast<qlonglong>(m_runs[static_cast<size_t>(index.row())].id);
    default: return {};
    }
}

QVariant SyncHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When: return tr("When");
    case Outcome: return tr("Outcome");
    case Added: return tr("Added");
    case Removed: return tr("Removed");
    case Moved: return tr("Moved");
    case Missing: return tr("Missing");
    case Found: return tr("Found in Plex");
    case Note: return tr("Note");
    default: return {};
    }
}

} // namespace pb::gui
