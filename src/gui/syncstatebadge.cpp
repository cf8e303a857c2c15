#include "pb/gui/syncstatebadge.h"
#include "pb/gui/plural.h"

#include "pb/gui/playlistitem.h"
#include "pb/gui/syncstatuswidget.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>

namespace pb::gui {

using pb::sync::SyncOutcome;

CardState cardState(const pb::sync::SyncStanding &standing, bool running)
{
    if (running)
        return CardState::Syncing;
    if (!standing.lastSync)
        return CardState::NeverSynced;
    switch (standing.lastSync->outcome) {
    case SyncOutcome::Cancelled: return CardState::Cancelled;
    case SyncOutcome::Failed: return CardState::Failed;
    case SyncOutcome::Succeeded: break;
    }
    return standing.lastSync->missing > 0 ? CardState::SyncedWithMissing : CardState::Synced;
}

QString cardStateText(CardState state)
{
    switch (state) {
    case CardState::NeverSynced: return SyncStateBadge::tr("Never synced");
    case CardState::Syncing: return SyncStateBadge::tr("Syncing");
    case CardState::Synced: return SyncStateBadge::tr("Synced");
    case CardState::SyncedWithMissing: return SyncStateBadge::tr("Synced, some missing");
    case CardState::Cancelled: return SyncStateBadge::tr("Cancelled");
    case CardState::Failed: return SyncStateBadge::tr("Failed");
    }
    return {};
}

QString cardStateIcon(CardState state)
{
    switch (state) {
    case CardState::NeverSynced: return QStringLiteral(":/icons/state-never.svg");
    case CardState::Syncing: return QStringLiteral(":/icons/state-syncing.svg");
    case CardState::Synced: return QStringLiteral(":/icons/state-synced.svg");
    case CardState::SyncedWithMissing: return QStringLiteral(":/icons/state-missing.svg");
    case CardState::Cancelled: return QStringLiteral(":/icons/state-cancelled.svg");
    case CardState::Failed: return QStringLiteral(":/icons/state-failed.svg");
    }
    return {};
}

namespace {

/// Whose counts the card shows after a cancel or failure.
QString countsNote(const pb::sync::SyncStanding &standing)
{
    if (!standing.lastCompleted)
        return SyncStateBadge::tr("No sync of this playlist has completed yet.");
    if (standing.lastSync && standing.lastCompleted->finishedAt == standing.lastSync->finishedAt &&
        standing.lastCompleted->startedAt == standing.lastSync->startedAt)
        return SyncStateBadge::tr("The counts are this sync's: its write had gone through.");
    return SyncStateBadge::tr("The counts are from the last completed sync, %1.")
        .arg(relativeTime(standing.lastCompleted->finishedAt.toLocalTime()));
}

} // namespace

QString cardStateToolTip(CardState state, const pb::sync::SyncStanding &standing,
                         const pb::sync::SyncProgress &progress)
{
    switch (state) {
    case CardState::NeverSynced:
        return SyncStateBadge::tr("Never synced: Sync copies this playlist into Plex.");
    case CardState::Syncing: return SyncStateBadge::tr("Syncing: %1").arg(describeProgress(progress));
    case CardState::Synced:
    case CardState::SyncedWithMissing: {
        const pb::sync::SyncResult &r = *standing.lastSync;
        const QString when = relativeTime(r.finishedAt.toLocalTime());
        if (state == CardState::Synced)
            return SyncStateBadge::tr("Synced %1: every track Plex can play is in the Plex playlist.\n%2")
                .arg(when, describeResult(r));
        return SyncStateBadge::tr("Synced %1, but %2 not found in your Plex library (Details lists them; "
                                  "Fix Match… picks one by hand).\n%3")
            .arg(
                when,
                countText(r.missing, SyncStateBadge::tr("1 track was"), SyncStateBadge::tr("%1 tracks were")),
                describeResult(r));
    }
    case CardState::Cancelled:
    case CardState::Failed:
        return describeResult(*standing.lastSync) + QLatin1Char('\n') + countsNote(standing);
    }
    return {};
}

SyncStateBadge::SyncStateBadge(QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::PlainText);
    row->addWidget(m_icon);
    row->addWidget(m_text);
    setState(CardState::NeverSynced, cardStateToolTip(CardState::NeverSynced, {}, {}));
}

void SyncStateBadge::setState(CardState state, const QString &toolTip)
{
    m_state = state;
    const int size = fontMetrics().height();
    m_icon->setPixmap(QIcon(cardStateIcon(state)).pixmap(size, size));
    m_text->setText(cardStateText(state));
    setToolTip(toolTip);
    m_icon->setToolTip(toolTip);
    m_text->setToolTip(toolTip);
    setAccessibleName(tr("Sync state: %1").arg(cardStateText(state)));
    setAccessibleDescription(toolTip);
}

QString SyncStateBadge::text() const
{
    return m_text->text();
}

} // namespace pb::gui
