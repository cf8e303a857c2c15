#pragma once

#include "jobcontext.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <functional>
#include <vector>

namespace pb::sync {

/// The matching step of one job, on its worker thread: manual overrides first, then match
/// cache entries validated in batches against Plex, then the engine's search plan for the
/// rest with a bounded number of searches in flight and early exit on a confident match.
/// A Spotify track that appears several times is matched once.
class TrackMatcher : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<std::vector<TrackOutcome>>)>;
    /// Called as tracks resolve (several positions at once for repeated tracks).
    using Resolved = std::function<void(const std::vector<TrackOutcome> &)>;
    /// Called before each search starts, with "Artist – Title".
    using Current = std::function<void(const QString &)>;

    TrackMatcher(JobContext &ctx, std::vector<PlaylistEntry> entries, QObject *parent = nullptr);

    void start(Resolved resolved, Current current, Done done);
    /// Aborts the searches in flight; `done` receives Cancelled.
    void abort();

    /// Plex requests issued (searches and metadata batches), for the benchmark.
    int searchesIssued() const { return m_searches; }

private:
    struct Pending {
        QString trackId;
        SourceTrack track;
        std::vector<matching::SearchQuery> plan;
        std::size_t nextQuery = 0;
        std::size_t nextSection = 0;
        QHash<QString, PlexTrack> candidates;
        std::vector<PlexTrack> ordered;
    };

    void validateCache();
    void resolveFromStore(const QHash<QString, PlexTrack> &present);
    void pump();
    void searchNext(std::shared_ptr<Pending> p);
    void finishTrack(const Pending &p, const matching::MatchResult &result);
    void emitOutcome(const QString &trackId, TrackOutcome outcome);
    void fail(const Error &e);
    void complete();

    JobContext &m_ctx;
    std::vector<PlaylistEntry> m_entries;
    std::vector<TrackOutcome> m_outcomes;
    QHash<QString, std::vector<int>> m_positions; ///< Spotify track id -> playlist positions
    QHash<QString, ManualOverride> m_overrides;
    QHash<QString, CachedMatch> m_cache;
    std::deque<std::shared_ptr<Pending>> m_queue;
    std::vector<clients::RequestHandle> m_handles;
    std::vector<CachedMatch> m_newMatches;
    QStringList m_stale;
    int m_inFlight = 0;
    int m_searches = 0;
    bool m_finished = false;
    Resolved m_resolved;
    Current m_current;
    Done m_done;
};

} // namespace pb::sync
