#include "pb/gui/tracktablemodel.h"

#include <QGuiApplication>
#include <QPalette>

namespace pb::gui {

using pb::sync::TrackOutcome;
using pb::sync::TrackStatus;

TrackTableModel::TrackTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_icons[static_cast<int>(TrackStatus::Pending)] = QIcon(QStringLiteral(":/icons/status-pending.svg"));
    m_icons[static_cast<int>(TrackStatus::Matched)] = QIcon(QStringLiteral(":/icons/status-matched.svg"));
    m_icons[static_cast<int>(TrackStatus::Missing)] = QIcon(QStringLiteral(":/icons/status-failed.svg"));
    m_icons[static_cast<int>(TrackStatus::Skipped)] = QIcon(QStringLiteral(":/icons/status-skipped.svg"));
}

void TrackTableModel::setEntries(const std::vector<PlaylistEntry> &entries)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(entries.size());
    for (const PlaylistEntry &e : entries) {
        TrackOutcome o;
        o.position = e.position;
        o.track = e.track;
        o.status = e.skipReason == SkipReason::None ? TrackStatus::Pending : TrackStatus::Skipped;
        m_rows.push_back(std::move(o));
    }
    endResetModel();
}

void TrackTableModel::setOutcomes(const std::vector<TrackOutcome> &outcomes)
{
    beginResetModel();
    m_rows = outcomes;
    endResetModel();
}

void TrackTableModel::updateOutcome(const TrackOutcome &outcome)
{
    if (outcome.position < 0)
        return;
    const auto row = static_cast<size_t>(outcome.position);
    if (row >= m_rows.size()) {
        beginInsertRows({}, static_cast<int>(m_rows.size()), outcome.position);
        const size_t first = m_rows.size();
        m_rows.resize(row + 1);
        for (size_t i = first; i < row; ++i)
            m_rows[i].position = static_cast<int>(i);
        m_rows[row] = outcome;
        endInsertRows();
        return;
    }
    m_rows[row] = outcome;
    Q_EMIT dataChanged(index(outcome.position, 0), index(outcome.position, ColumnCount - 1));
}

void TrackTableModel::resetStatuses()
{
    for (TrackOutcome &o : m_rows) {
        if (o.status == TrackStatus::Skipped)
            continue;
        o.status = TrackStatus::Pending;
        o.plexTrack = {};
        o.confidence = 0;
        o.reason.clear();
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int TrackTableModel::countWithStatus(TrackStatus status) const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
                                          [status](const TrackOutcome &o) { return o.status == status; }));
}

int TrackTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TrackTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TrackTableModel::statusText(TrackStatus status)
{
    switch (status) {
    case TrackStatus::Pending: return tr("Pending");
    case TrackStatus::Matched: return tr("Matched");
    case TrackStatus::Missing: return tr("Not found");
    case TrackStatus::Skipped: return tr("Skipped");
    }
    return {};
}

QString TrackTableModel::formatDuration(std::int64_t ms)
{
    if (ms <= 0)
        return QStringLiteral("–");
    const std::int64_t secs = (ms + 500) / 1000;
    return QStringLiteral("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

QVariant TrackTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TrackOutcome &o = m_rows[static_cast<size_t>(index.row())];
    const bool matched = o.status == TrackStatus::Matched;

    if (role == StatusRole)
        return static_cast<int>(o.status);
    if (role == Qt::ToolTipRole) {
        QString tip = o.reason.isEmpty() ? statusText(o.status) : o.reason;
        if (o.fromOverride)
            tip += QLatin1Char('\n') + tr("Chosen by you (manual override).");
        else if (o.fromCache)
            tip += QLatin1Char('\n') + tr("From the match cache.");
        return tip;
    }
    if (role == Qt::DecorationRole && index.column() == Status)
        return m_icons[static_cast<int>(o.status)];
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Position || index.column() == Duration || index.column() == Confidence))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && o.status == TrackStatus::Missing && index.column() == Status)
        return QColor(0xd1, 0x3b, 0x3b);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};

    switch (index.column()) {
    case Position: return o.position + 1;
    case Title: return o.track.name;
    case Artists: return o.track.artists.join(QStringLiteral(", "));
    case Album: return o.track.album;
    case Duration: return formatDuration(o.track.durationMs);
    case Status: {
        QString text = statusText(o.status);
        if (matched && o.fromOverride)
            text += tr(" (yours)");
        return text;
    }
    case PlexTrack: {
        if (!matched)
            return QString();
        const QString artist =
            o.plexTrack.originalTitle.isEmpty() ? o.plexTrack.grandparentTitle : o.plexTrack.originalTitle;
        return artist.isEmpty() ? o.plexTrack.title : artist + QStringLiteral(" – ") + o.plexTrack.title;
    }
    case Confidence:
        if (o.status == TrackStatus::Pending || o.status == TrackStatus::Skipped || o.confidence <= 0)
            return QString();
        return QStringLiteral("%1 %").arg(qRound(o.confidence * 100));
    default: return {};
    }
}

QVariant TrackTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Position: return tr("#");
    case Title: return tr("Title");
    case Artists: return tr("Artists");
    case Album: return tr("Album");
    case Duration: return tr("Duration");
    case Status: return tr("Match");
    case PlexTrack: return tr("Plex track");
    case Confidence: return tr("Confidence");
    default: return {};
    }
}

} // namespace pb::gui
