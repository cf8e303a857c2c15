#pragma once

#include "pb/core/result.h"
#include "pb/sync/editplanner.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pb::sync {

class StateStore;
struct PlaylistLink;

/// How many items of each rating key the sync itself put into a Plex playlist.
using OwnedItems = QHash<QString, int>;

/// The order a sync that keeps hand-added tracks writes.
struct HandAddedMerge {
    QStringList wanted; ///< the synced tracks in the source's order with the hand-added ones kept
    int kept = 0;       ///< how many hand-added items were kept
};

/// Keeps the items of `current` the sync did not put there. An item is the sync's when its
/// rating key is among `owned` (counting duplicates: the earliest items of a key are the
/// sync's) or is wanted again by `synced` (a hand-added track the source now also holds becomes
/// the sync's, so it is not doubled). Without `owned` (no completed sync recorded) every item
/// not in `synced` counts as hand-added: keeping too much is safe, removing is not. Each kept
/// item stays right after the synced item it followed in `current` (the nearest one before it
/// that is still wanted), or at the top if none was before it; several after the same item keep
/// their order.
HandAddedMerge mergeHandAdded(const std::vector<CurrentItem> &current, const QStringList &synced,
                              const std::optional<OwnedItems> &owned);

/// What the sync put into the linked Plex playlist, read from the sync history: the matched
/// tracks of the newest completed runs into that very playlist on that server, back to the
/// newest one that succeeded (a run that failed after its write also wrote). nullopt when no
/// such run is recorded.
Result<std::optional<OwnedItems>> ownedItems(const StateStore &store, const PlaylistLink &link);

} // namespace pb::sync
