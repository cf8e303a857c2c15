#pragma once

#include "pb/core/result.h"
#include "pb/core/types.h"
#include "pb/matching/normalizer.h"

#include <QMap>
#include <QString>

#include <array>
#include <functional>
#include <optional>
#include <vector>

/// Track matching: Spotify track in, scored Plex candidates with an explanation out. Pure value
/// types, no QObject, no network. docs/matching.md explains every rule and how the thresholds
/// were measured.
namespace pb::matching {

// Thresholds, measured on tests/data/matching/corpus.json (see docs/matching.md for the table
// each value was read from). Changing one means re-running the harness and updating the doc.

/// A candidate at or above this confidence is accepted as the same recording. The highest value
/// that loses no recall on the corpus (0.60–0.80 measured equal; 0.85 loses 5 cases).
inline constexpr double kAcceptThreshold = 0.80;
/// At or above this the search plan stops early. Just above "title and artist equal, nothing else
/// known" (0.925), so the album or the duration must agree too; halves the queries at no loss.
inline constexpr double kConfidentThreshold = 0.93;
/// Artist similarity below this is a different artist (the confidence is halved). The corpus cannot
/// tell 0.4–0.9 apart; the second holdout's "X Tribute Band" candidates score 0.50–0.57, so 0.5 let
/// them through. 0.7 keeps a margin above them and below spelling variants.
inline constexpr double kArtistGate = 0.7;
/// Durations further apart than this (both known) veto a candidate outright. The smallest value
/// that keeps the corpus's compilation fades and gapless splits (5.5–7 s).
inline constexpr int kDurationVetoMs = 8000;
/// Durations this close count as fully equal (encoders, fades and gaps shift a few seconds).
inline constexpr int kDurationExactMs = 2000;

/// How much each signal agreed, each in [0, 1], plus the hard vetoes that override them.
struct SignalScores {
    double title = 0;    ///< normalised title similarity (version descriptors excluded)
    double artist = 0;   ///< best of any Spotify artist vs album artist / track artist
    double album = 0;    ///< album similarity (tie-breaker only)
    double duration = 0; ///< 1 within kDurationExactMs, falling to 0 at kDurationVetoMs; 0.5 when unknown
    bool durationKnown = false;
    bool durationVetoed = false;  ///< both durations known and further apart than the tolerance
    bool versionConflict = false; ///< e.g. live vs studio, different remixes
    bool isrcEqual = false;       ///< the Plex guids carry the Spotify ISRC
    qint64 durationDeltaMs = 0;   ///< Plex minus Spotify, when known

    friend bool operator==(const SignalScores &, const SignalScores &) = default;
};

/// One scored candidate.
struct Candidate {
    PlexTrack track;
    double confidence = 0; ///< [0, 1]; 0 when vetoed
    SignalScores signals;
    QString reason; ///< one line, e.g. "rejected: live version"
};

/// The answer for one Spotify track against one set of candidates.
struct MatchResult {
    std::optional<PlexTrack> best; ///< set only when accepted
    double confidence = 0;         ///< of the best candidate considered, [0, 1]
    SignalScores signals;          ///< of the best candidate considered
    QString reason; ///< "accepted: title and artist equal, duration +1.2 s" / "rejected: live version"
    std::optional<Candidate> runnerUp; ///< the next best candidate, for the UI's "did you mean"
    int candidatesConsidered = 0;

    /// True when a candidate was accepted as the same recording.
    bool accepted() const { return best.has_value(); }
};

/// One Plex query worth issuing. Empty fields are not filtered on (an empty title with an artist
/// asks for that artist's tracks).
struct SearchQuery {
    QString title;  ///< title text to search (Plex substring search)
    QString artist; ///< artist text, empty for the title-only last resort
    QString album;  ///< album text, usually empty
    /// Ask Plex for exactly this title (case-insensitive) instead of a substring. Planned only as a
    /// first query for very short titles ("One", "7"), where a substring search returns too much.
    bool exactTitle = false;

    friend bool operator==(const SearchQuery &, const SearchQuery &) = default;
};

/// Tunables. Defaults are the measured constants above.
struct MatchConfig {
    double acceptThreshold = kAcceptThreshold;
    double confidentThreshold = kConfidentThreshold;
    int durationToleranceMs = kDurationVetoMs;
    double artistGate = kArtistGate;
};

/// Feeds candidates for one query (the sync service runs it against Plex). An error stops the
/// track's search and is passed back to the caller (e.g. Cancelled, Network).
using CandidateProvider = std::function<Result<std::vector<PlexTrack>>(const SearchQuery &)>;

/// The outcome for one playlist entry.
struct TrackMatch {
    int position = 0; ///< index in the input list
    SourceTrack track;
    MatchResult result;
    int queriesIssued = 0; ///< how many search-plan queries ran before the early exit
};

/// Summary over a playlist's matches (the seed's getMatchStatistics).
struct MatchStatistics {
    int total = 0;
    int matched = 0;
    int unmatched = 0;
    double matchRate = 0;                      ///< matched / total, 0 when total is 0
    double averageConfidence = 0;              ///< over matched tracks
    std::array<int, 10> confidenceHistogram{}; ///< best-candidate confidence in tenths: [0,0.1) ... [0.9,1]
    QMap<QString, int> reasons; ///< reason category ("accepted", "rejected: live version", ...) -> count
};

/// Matches Spotify tracks to Plex library tracks. Cheap to copy; thread-safe (const methods only).
class MatchingEngine {
public:
    explicit MatchingEngine(MatchConfig config = {});

    const MatchConfig &config() const { return m_config; }

    /// The ordered Plex queries worth issuing for a track: artist + title variants first, then title
    /// only, then (empty title) the first artist's tracks as the very last resort.
    std::vector<SearchQuery> searchPlan(const SourceTrack &track) const;

    /// Scores every candidate and picks the best, or none.
    MatchResult match(const SourceTrack &track, const std::vector<PlexTrack> &candidates) const;

    /// The same over tracks normalised once (prepare()); what the library index and benchmarks use.
    MatchResult match(const PreparedSpotify &track, const std::vector<PreparedPlex> &candidates) const;

    /// The same over pointers into a library index (LibraryIndex::candidatesFor()).
    MatchResult match(const PreparedSpotify &track,
                      const std::vector<const PreparedPlex *> &candidates) const;

    /// Scores one candidate (the building block of match()).
    Candidate score(const SourceTrack &track, const PlexTrack &candidate) const;
    /// Scores one prepared candidate: no normalisation, no allocation beyond the reason text.
    Candidate score(const PreparedSpotify &track, const PreparedPlex &candidate) const;

    /// The early-exit rule: accepted with at least confidentThreshold.
    bool isConfident(const MatchResult &result) const;

    /// Runs searchPlan() through the provider with the early-exit rule, de-duplicating candidates
    /// by ratingKey across queries, and matches the union.
    Result<TrackMatch> matchTrack(const SourceTrack &track, const CandidateProvider &provider) const;

    /// The seed's whole-playlist API: every track through matchTrack(), in order. Stops at the
    /// first provider error and returns it.
    Result<std::vector<TrackMatch>> matchPlaylistTracks(const std::vector<SourceTrack> &tracks,
                                                        const CandidateProvider &provider) const;

    /// A clean "artist title" string for finding a missing track elsewhere (no feat., no remaster
    /// suffix, different-recording descriptors kept).
    static QString generateDownloadQuery(const SourceTrack &track);

    /// Counts, match rate, confidence histogram and reasons over a set of matches.
    static MatchStatistics getMatchStatistics(const std::vector<TrackMatch> &matches);

private:
    // explain = false skips the reason text and the track copy: match() scores every candidate
    // that way and explains only the best two.
    Candidate scoreImpl(const PreparedSpotify &track, const PreparedPlex &candidate, bool explain) const;
    template <typename Get>
    MatchResult matchRange(const PreparedSpotify &track, std::size_t count, Get get) const;

    MatchConfig m_config;
};

} // namespace pb::matching
