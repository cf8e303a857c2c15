#include "pb/sync/editplanner.h"

#include <QHash>

#include <algorithm>
#include <deque>

namespace pb::sync {

int longestIncreasingSubsequence(const std::vector<int> &values, std::vector<bool> *inSequence)
{
    // Patience sorting: tails[k] = index of the smallest tail of an increasing run of length k+1.
    std::vector<int> tails;
    std::vector<int> parent(values.size(), -1);
    for (int i = 0; i < static_cast<int>(values.size()); ++i) {
        const int v = values[static_cast<std::size_t>(i)];
        auto it = std::lower_bound(tails.begin(), tails.end(), v, [&](int idx, int val) {
            return values[static_cast<std::size_t>(idx)] < val;
        });
        const auto k = static_cast<std::size_t>(it - tails.begin());
        if (k > 0)
            parent[static_cast<std::size_t>(i)] = tails[k - 1];
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    if (inSequence) {
        inSequence->assign(values.size(), false);
        for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = parent[static_cast<std::size_t>(i)])
            (*inSequence)[static_cast<std::size_t>(i)] = true;
    }
    return static_cast<int>(tails.size());
}

EditPlan planEdit(const std::vector<CurrentItem> &current, const QStringList &wanted)
{
    EditPlan plan;

    // The wanted positions of each rating key, in order.
    QHash<QString, std::deque<int>> wantedPositions;
    for (int i = 0; i < wanted.size(); ++i)
        wantedPositions[wanted[i]].push_back(i);

    // Pair existing items with wanted positions, per key, in order (pairs never cross, which
    // is what keeps the longest increasing subsequence long). Unpaired items go.
    struct Slot {
        ItemRef ref;
        int target;
    };
    std::vector<Slot> after; // the playlist after removals and additions, in order
    after.reserve(static_cast<std::size_t>(wanted.size()));
    for (const CurrentItem &item : current) {
        auto it = wantedPositions.find(item.ratingKey);
        if (it == wantedPositions.end() || it->empty()) {
            plan.removals.push_back(item.playlistItemId);
            continue;
        }
        after.push_back({ItemRef::existing(item.playlistItemId), it->front()});
        it->pop_front();
    }
    // What is left of the wanted positions is added, appended in wanted order.
    std::vector<int> toAdd;
    for (auto it = wantedPositions.cbegin(); it != wantedPositions.cend(); ++it)
        toAdd.insert(toAdd.end(), it->begin(), it->end());
    std::sort(toAdd.begin(), toAdd.end());
    for (int pos : toAdd) {
        after.push_back({ItemRef::added(static_cast<int>(plan.additions.size())), pos});
        plan.additions << wanted[pos];
    }

    // Keep a longest increasing run of targets in place; move every other item, in wanted
    // order, right after the item wanted before it. By induction, after handling wanted
    // position j the items 0..j are in order and ahead of every kept item wanted later.
    std::vector<int> targets;
    targets.reserve(after.size());
    for (const Slot &s : after)
        targets.push_back(s.target);
    std::vector<bool> keep;
    longestIncreasingSubsequence(targets, &keep);

    std::vector<const Slot *> byTarget(after.size(), nullptr);
    for (const Slot &s : after)
        byTarget[static_cast<std::size_t>(s.target)] = &s;
    for (std::size_t j = 0; j < byTarget.size(); ++j) {
        const Slot *s = byTarget[j];
        const auto idx = static_cast<std::size_t>(s - after.data());
        if (keep[idx])
            continue;
        Move m;
        m.item = s->ref;
        if (j > 0)
            m.after = byTarget[j - 1]->ref;
        plan.moves.push_back(m);
    }
    return plan;
}

std::optional<std::vector<CurrentItem>> applyPlan(std::vector<CurrentItem> items, const EditPlan &plan,
                                                  const std::function<qint64()> &nextId)
{
    for (qint64 id : plan.removals) {
        auto it = std::find_if(items.begin(), items.end(),
                               [&](const CurrentItem &c) { return c.playlistItemId == id; });
        if (it == items.end())
            return std::nullopt;
        items.erase(it);
    }
    std::vector<qint64> newIds;
    for (const QString &key : plan.additions) {
        newIds.push_back(nextId());
        items.push_back({newIds.back(), key});
    }
    auto resolve = [&](const ItemRef &r) -> qint64 {
        if (!r.isNew())
            return r.playlistItemId;
        return r.newIndex < static_cast<int>(newIds.size()) ? newIds[static_cast<std::size_t>(r.newIndex)]
                                                            : -1;
    };
    auto find = [&](qint64 id) {
        return std::find_if(items.begin(), items.end(),
                            [&](const CurrentItem &c) { return c.playlistItemId == id; });
    };
    for (const Move &m : plan.moves) {
        auto it = find(resolve(m.item));
        if (it == items.end())
            return std::nullopt;
        const CurrentItem moving = *it;
        items.erase(it);
        if (!m.after) {
            items.insert(items.begin(), moving);
            continue;
        }
        auto anchor = find(resolve(*m.after));
        if (anchor == items.end())
            return std::nullopt;
        items.insert(anchor + 1, moving);
    }
    return items;
}

} // namespace pb::sync
