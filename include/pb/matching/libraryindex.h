#pragma once

#include "pb/matching/matchingengine.h"
#include "pb/matching/normalizer.h"

#include <QHash>

#include <vector>

namespace pb::matching {

/// An in-memory index of a whole Plex library, normalised once: the fast path when the sync
/// service has the library listing (no per-track searches). Lookup mirrors the search plan: every
/// track sharing the title (with and without bracketed words) or any credited artist.
class LibraryIndex {
public:
    /// Adds (and normalises) one library track.
    void add(const PlexTrack &track);
    void reserve(std::size_t count);
    std::size_t size() const { return m_tracks.size(); }

    /// The library tracks worth scoring for `track`, each once.
    std::vector<const PreparedPlex *> candidatesFor(const PreparedSpotify &track) const;

    /// candidatesFor() scored by `engine`.
    MatchResult match(const MatchingEngine &engine, const PreparedSpotify &track) const;

private:
    std::vector<PreparedPlex> m_tracks;
    QHash<QString, std::vector<int>> m_byTitle;  ///< titleKeyNoSpace and core key without spaces
    QHash<QString, std::vector<int>> m_byArtist; ///< every artist key
};

} // namespace pb::matching
