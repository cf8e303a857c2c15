#include "pb/matching/matchingengine.h"

// Placeholder bodies so dependants can link while the engine is implemented (issue #4).
namespace pb::matching {

MatchingEngine::MatchingEngine(MatchConfig config) : m_config(config) {}

std::vector<SearchQuery> MatchingEngine::searchPlan(const SpotifyTrack &track) const
{
    const QString artist = track.artists.isEmpty() ? QString() : track.artists.first();
    return {SearchQuery{track.name, artist, {}, true}, SearchQuery{track.name, {}, {}, true}};
}

MatchResult MatchingEngine::match(const SpotifyTrack &, const std::vector<PlexTrack> &) const
{
    return {};
}

MatchResult MatchingEngine::match(const PreparedSpotify &, const std::vector<PreparedPlex> &) const
{
    return {};
}

Candidate MatchingEngine::score(const SpotifyTrack &, const PlexTrack &candidate) const
{
    return Candidate{candidate, 0, {}, {}};
}

Candidate MatchingEngine::score(const PreparedSpotify &, const PreparedPlex &candidate) const
{
    return Candidate{candidate.track, 0, {}, {}};
}

bool MatchingEngine::isConfident(const MatchResult &result) const
{
    return result.accepted() && result.confidence >= m_config.confidentThreshold;
}

Result<TrackMatch> MatchingEngine::matchTrack(const SpotifyTrack &track, const CandidateProvider &) const
{
    return TrackMatch{0, track, {}, 0};
}

Result<std::vector<TrackMatch>> MatchingEngine::matchPlaylistTracks(const std::vector<SpotifyTrack> &,
                                                                    const CandidateProvider &) const
{
    return std::vector<TrackMatch>{};
}

QString MatchingEngine::generateDownloadQuery(const SpotifyTrack &track)
{
    return (track.artists.isEmpty() ? QString() : track.artists.first() + QLatin1Char(' ')) + track.name;
}

MatchStatistics MatchingEngine::getMatchStatistics(const std::vector<TrackMatch> &)
{
    return {};
}

} // namespace pb::matching
