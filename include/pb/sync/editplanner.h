#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace pb::sync {

/// An item of the Plex playlist as it is now.
struct CurrentItem {
    qint64 playlistItemId = 0;
    QString ratingKey;

    friend bool operator==(const CurrentItem &, const CurrentItem &) = default;
};

/// Names an item in a plan: an existing one by its playlistItemID, or one the plan adds (its
/// index in EditPlan::additions; Plex gives it an id only once it is added).
struct ItemRef {
    qint64 playlistItemId = 0;
    int newIndex = -1;

    bool isNew() const { return newIndex >= 0; }
    static ItemRef existing(qint64 id) { return {id, -1}; }
    static ItemRef added(int index) { return {0, index}; }
    friend bool operator==(const ItemRef &, const ItemRef &) = default;
};

/// Moves `item` to just after `after`, or to the top when `after` is empty (Plex's
/// PUT /playlists/{id}/items/{itemId}/move[?after=...]).
struct Move {
    ItemRef item;
    std::optional<ItemRef> after;
};

/// The minimal edit from the current Plex playlist to the wanted one. Applied in this order:
/// every removal, then every addition (appended at the end, in order), then every move in
/// sequence. The result is exactly the wanted order, duplicates included.
struct EditPlan {
    std::vector<qint64> removals; ///< playlistItemIDs
    QStringList additions;        ///< rating keys, appended in this order
    std::vector<Move> moves;

    bool isEmpty() const { return removals.empty() && additions.isEmpty() && moves.empty(); }
    int changeCount() const
    {
        return static_cast<int>(removals.size() + moves.size()) + static_cast<int>(additions.size());
    }
};

/// Plans the edit: for each rating key, keeps as many existing items as are still wanted
/// (the earliest ones), removes the rest, appends what is missing, then leaves a longest
/// increasing subsequence (by wanted position) in place and moves every other item once, in
/// wanted order, after its wanted predecessor. Removals and additions are the fewest
/// possible; moves are the fewest possible for that choice of kept items (exactly the
/// minimum when no rating key repeats).
EditPlan planEdit(const std::vector<CurrentItem> &current, const QStringList &wanted);

/// Applies a plan to a simulated playlist, giving added items ids from `nextId`. Used by the
/// tests and to check a plan before writing it; returns nullopt if the plan names an item
/// the playlist does not have.
std::optional<std::vector<CurrentItem>> applyPlan(std::vector<CurrentItem> items, const EditPlan &plan,
                                                  const std::function<qint64()> &nextId);

/// The length of a longest strictly increasing subsequence of `values`, and (optionally) which
/// indices form one.
int longestIncreasingSubsequence(const std::vector<int> &values, std::vector<bool> *inSequence = nullptr);

} // namespace pb::sync
