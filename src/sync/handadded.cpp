#include "handadded.h"

#include "pb/sync/statestore.h"

#include <algorithm>
#include <map>

namespace pb::sync {

HandAddedMerge mergeHandAdded(const std::vector<CurrentItem> &current, const QStringList &synced,
                              const std::optional<OwnedItems> &owned)
{
    // Where each occurrence of a key sits in `synced`, so the n-th item of a key that the sync
    // keeps is anchored to the n-th wanted occurrence of it.
    QHash<QString, std::vector<int>> wantedAt;
    for (int i = 0; i < synced.size(); ++i)
        wantedAt[synced[i]].push_back(i);

    std::map<int, QStringList> after; // anchor position in `synced` (-1 = top) → kept items
    QHash<QString, int> seen;         // items of each key met so far in `current`
    int anchor = -1;
    int kept = 0;
    for (const CurrentItem &item : current) {
        const int n = seen[item.ratingKey]++;
        const auto at = wantedAt.constFind(item.ratingKey);
        const int wantedCount = at == wantedAt.cend() ? 0 : static_cast<int>(at->size());
        const int ownedCount = owned ? owned->value(item.ratingKey) : 0;
        if (n < std::max(ownedCount, wantedCount)) {
            // The sync's item: it moves to its wanted place (or goes); the next hand-added items follow it.
            if (n < wantedCount)
                anchor = (*at)[static_cast<std::size_t>(n)];
            continue;
        }
        after[anchor] << item.ratingKey;
        ++kept;
    }

    HandAddedMerge out;
    out.kept = kept;
    out.wanted = after[-1];
    for (int i = 0; i < synced.size(); ++i) {
        out.wanted << synced[i];
        if (const auto it = after.find(i); it != after.end())
            out.wanted << it->second;
    }
    return out;
}

Result<std::optional<OwnedItems>> ownedItems(const StateStore &store, const PlaylistLink &link)
{
    constexpr int kRunsLooked = 50;
    auto runs = store.history(link.playlist, kRunsLooked);
    if (!runs)
        return runs.error();
    std::optional<OwnedItems> owned;
    for (const SyncRun &run : *runs) {
        if (run.machineIdentifier != link.machineIdentifier ||
            run.result.plexPlaylistRatingKey != link.plexRatingKey || !isCompletedSync(run.result))
            continue;
        auto tracks = store.runTracks(run.id);
        if (!tracks)
            return tracks.error();
        OwnedItems counts;
        for (const RunTrack &t : *tracks)
            if (t.status == TrackStatus::Matched && !t.ratingKey.isEmpty())
                ++counts[t.ratingKey];
        if (!owned)
            owned.emplace();
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            (*owned)[it.key()] = std::max(owned->value(it.key()), it.value());
        if (run.result.outcome == SyncOutcome::Succeeded)
            break;
    }
    return owned;
}

} // namespace pb::sync
