#pragma once

#include "pb/sync/jobtypes.h"

#include <QWidget>

class QLabel;

namespace pb::gui {

/// The one state a playlist's card shows.
enum class CardState {
    NeverSynced,       ///< no sync ever completed or ended (previews do not count)
    Syncing,           ///< a sync (or preview) is running or queued
    Synced,            ///< the last sync succeeded and found every playable track
    SyncedWithMissing, ///< the last sync succeeded; some tracks are not in the Plex library
    Cancelled,         ///< the last sync was cancelled
    Failed             ///< the last sync failed
};

/// The state of a card from how its playlist stands and whether a sync runs.
CardState cardState(const pb::sync::SyncStanding &standing, bool running);
/// "Synced", "Cancelled", … (translated; shown beside the icon).
QString cardStateText(CardState state);
/// The icon resource of a state (":/icons/state-….svg").
QString cardStateIcon(CardState state);
/// The tooltip: what the state means, the reason of a failure, and whose counts the card shows.
QString cardStateToolTip(CardState state, const pb::sync::SyncStanding &standing,
                         const pb::sync::SyncProgress &progress);

/// A card's state drawn as a status icon with a short word, the details as tooltip and
/// accessible description.
class SyncStateBadge : public QWidget {
    Q_OBJECT

public:
    explicit SyncStateBadge(QWidget *parent = nullptr);

    void setState(CardState state, const QString &toolTip);
    CardState state() const { return m_state; }
    QString text() const;

private:
    CardState m_state = CardState::NeverSynced;
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace pb::gui
