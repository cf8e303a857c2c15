#pragma once

#include "pb/core/types.h"

#include <QString>

#include <optional>
#include <vector>

/// Re-implementations of competitors' documented matchers (named in docs/matching.md), used only as baselines
/// by the accuracy harness. Not for production use.
namespace pb::matching::baseline {

/// SoulSync's original MusicMatchingEngine (landscape.md §3.1a, July 2025): core-title fast path
/// 0.90 + 0.09*artist, otherwise 0.6*title + 0.3*artist + 0.1*duration, accept >= 0.8.
std::optional<QString> soulSyncOrigin(const SourceTrack &track, const std::vector<PlexTrack> &candidates);

/// spotify-to-plex's ordered match filters (landscape.md §3.2): first tier with a hit wins,
/// candidates pre-sorted by artist+title+album+0.5*duration similarity.
std::optional<QString> spotifyToPlex(const SourceTrack &track, const std::vector<PlexTrack> &candidates);

} // namespace pb::matching::baseline
