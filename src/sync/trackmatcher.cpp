#include "trackmatcher.h"

#include "pb/core/logging.h"

#include <QSet>

namespace pb::sync {

namespace {

QString label(const SourceTrack &t)
{
    return t.artists.join(QStringLiteral(", ")) + QStringLiteral(" – ") + t.name;
}

QString skipText(SkipReason r)
{
    switch (r) {
    case SkipReason::LocalFile: return QStringLiteral("skipped: a local file, not on Spotify's servers");
    case SkipReason::Episode: return QStringLiteral("skipped: a podcast episode");
    case SkipReason::Unavailable: return QStringLiteral("skipped: no longer available on Spotify");
    case SkipReason::None: break;
    }
    return QStringLiteral("skipped");
}

} // namespace

TrackMatcher::TrackMatcher(JobContext &ctx, std::vector<PlaylistEntry> entries, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_entries(std::move(entries))
{}

void TrackMatcher::start(Resolved resolved, Current current, Done done)
{
    m_resolved = std::move(resolved);
    m_current = std::move(current);
    m_done = std::move(done);

    m_outcomes.resize(m_entries.size());
    std::vector<TrackOutcome> skipped;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const PlaylistEntry &e = m_entries[i];
        TrackOutcome &o = m_outcomes[i];
        o.position = static_cast<int>(i);
        o.track = e.track;
        if (e.skipReason != SkipReason::None || e.track.id.isEmpty() || e.track.isLocal) {
            o.status = TrackStatus::Skipped;
            o.reason = skipText(e.skipReason == SkipReason::None ? SkipReason::LocalFile : e.skipReason);
            skipped.push_back(o);
            continue;
        }
        m_positions[e.track.id].push_back(static_cast<int>(i));
    }
    if (!skipped.empty())
        m_resolved(skipped);

    const QStringList ids = m_positions.keys();
    auto overrides = m_ctx.store->overrides(ids, m_ctx.machineIdentifier);
    if (!overrides)
        return fail(overrides.error());
    for (const ManualOverride &o : *overrides)
        m_overrides.insert(o.trackId, o);
    if (!m_ctx.options.forceRematch) {
        auto cached = m_ctx.store->cachedMatches(ids, m_ctx.machineIdentifier);
        if (!cached)
            return fail(cached.error());
        for (const CachedMatch &c : *cached)
            m_cache.insert(c.trackId, c);
    }
    validateCache();
}

void TrackMatcher::validateCache()
{
    // Overrides and cache entries name Plex tracks that may have been deleted or re-added
    // under a new key since: one batched metadata lookup tells which still exist (those in
    // the linked playlist were just read, so they need none).
    QStringList keys;
    QSet<QString> seen;
    QHash<QString, PlexTrack> present;
    auto want = [&](const QString &k) {
        if (k.isEmpty() || seen.contains(k))
            return;
        if (auto known = m_ctx.knownTracks.constFind(k); known != m_ctx.knownTracks.cend()) {
            present.insert(k, *known); // in the linked playlist right now: it exists
            return;
        }
        seen.insert(k);
        keys << k;
    };
    for (const ManualOverride &o : std::as_const(m_overrides))
        want(o.ratingKey);
    for (const CachedMatch &c : std::as_const(m_cache))
        want(c.ratingKey);
    if (keys.isEmpty())
        return resolveFromStore(present);
    ++m_searches;
    m_handles.push_back(
        m_ctx.plex->metadata(keys, this, [this, present](Result<std::vector<PlexTrack>> r) mutable {
            if (m_finished)
                return;
            if (!r)
                return fail(r.error());
            for (PlexTrack &t : *r)
                present.insert(t.ratingKey, std::move(t));
            resolveFromStore(present);
        }));
}

void TrackMatcher::resolveFromStore(const QHash<QString, PlexTrack> &present)
{
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
        const QString &id = it.key();
        const SourceTrack &track = m_outcomes[static_cast<std::size_t>(it->front())].track;
        TrackOutcome o;
        o.track = track;
        if (auto ov = m_overrides.constFind(id); ov != m_overrides.cend()) {
            o.fromOverride = true;
            if (ov->ratingKey.isEmpty()) {
                o.status = TrackStatus::Missing;
                o.reason = QStringLiteral("missing: you marked it as not in your library");
            } else if (auto t = present.constFind(ov->ratingKey); t != present.cend()) {
                o.status = TrackStatus::Matched;
                o.plexTrack = *t;
                o.confidence = 1.0;
                o.reason = QStringLiteral("matched: your choice");
            } else {
                // Never silently replace the user's choice: report it, keep the override.
                o.status = TrackStatus::Missing;
                o.reason = QStringLiteral("missing: the Plex track you chose (%1) no longer exists")
                               .arg(ov->ratingKey);
            }
            emitOutcome(id, o);
            continue;
        }
        // A remembered decision stands only while the threshold would still make it: after a
        // change in Settings, a miss whose best candidate now passes is searched again and a
        // match that no longer passes is re-matched.
        const double threshold = m_ctx.serviceOptions.matchConfig.acceptThreshold;
        if (auto c = m_cache.constFind(id); c != m_cache.cend() && c->ratingKey.isEmpty()) {
            // A remembered miss: not searched again until it is old enough.
            const auto retry = m_ctx.serviceOptions.missRetryAfter;
            if (retry.count() > 0 && c->matchedAt.isValid() && c->confidence < threshold &&
                c->matchedAt.addSecs(retry.count()) > QDateTime::currentDateTimeUtc()) {
                o.status = TrackStatus::Missing;
                o.fromCache = true;
                o.confidence = c->confidence;
                o.reason = QStringLiteral("missing: not in the Plex library when searched at %1 "
                                          "(searched again later, or now with a full re-match)")
                               .arg(c->matchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")));
                emitOutcome(id, o);
                continue;
            }
        } else if (c != m_cache.cend() && c->confidence >= threshold) {
            if (auto t = present.constFind(c->ratingKey); t != present.cend()) {
                o.status = TrackStatus::Matched;
                o.fromCache = true;
                o.plexTrack = *t;
                o.confidence = c->confidence;
                o.reason = QStringLiteral("matched: remembered from an earlier sync (%1%)")
                               .arg(qRound(c->confidence * 100));
                emitOutcome(id, o);
                continue;
            }
            m_stale << id; // the Plex track is gone: match again
        }
        auto p = std::make_shared<Pending>();
        p->trackId = id;
        p->track = track;
        p->plan = m_ctx.engine->searchPlan(track);
        m_queue.push_back(std::move(p));
    }
    // Search in playlist order so progress reads naturally.
    std::sort(m_queue.begin(), m_queue.end(), [this](const auto &a, const auto &b) {
        return m_positions.value(a->trackId).front() < m_positions.value(b->trackId).front();
    });
    pump();
}

void TrackMatcher::pump()
{
    if (m_finished)
        return;
    const int limit = std::max(1, m_ctx.serviceOptions.maxSearchesInFlight);
    while (m_inFlight < limit && !m_queue.empty()) {
        // Checked before each track's search: a cancelled job starts nothing new.
        if (m_ctx.cancel.isCancelled())
            return fail(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
        std::shared_ptr<Pending> p = m_queue.front();
        m_queue.pop_front();
        ++m_inFlight;
        m_current(label(p->track));
        searchNext(std::move(p));
    }
    if (m_inFlight == 0 && m_queue.empty())
        complete();
}

void TrackMatcher::searchNext(std::shared_ptr<Pending> p)
{
    if (p->plan.empty() || p->nextQuery >= p->plan.size() || m_ctx.sectionKeys.isEmpty()) {
        finishTrack(*p, m_ctx.engine->match(p->track, p->ordered));
        return;
    }
    const matching::SearchQuery &q = p->plan[p->nextQuery];
    clients::PlexTrackQuery query;
    query.sectionKey = m_ctx.sectionKeys[static_cast<qsizetype>(p->nextSection)];
    if (q.exactTitle)
        query.titleExact = q.title;
    else
        query.title = q.title;
    query.artist = q.artist;
    query.album = q.album;
    query.limit = m_ctx.serviceOptions.searchLimit;
    ++m_searches;
    if (m_handles.size() > 64) // keep only calls that may still be running
        std::erase_if(m_handles, [](const clients::RequestHandle &h) { return h.isFinished(); });
    m_handles.push_back(m_ctx.plex->searchTracks(query, this, [this, p](Result<std::vector<PlexTrack>> r) {
        if (m_finished)
            return;
        if (!r)
            return fail(r.error());
        for (PlexTrack &t : *r) {
            if (!p->candidates.contains(t.ratingKey)) {
                p->candidates.insert(t.ratingKey, t);
                p->ordered.push_back(std::move(t));
            }
        }
        if (++p->nextSection < static_cast<std::size_t>(m_ctx.sectionKeys.size()))
            return searchNext(p);
        p->nextSection = 0;
        ++p->nextQuery;
        const matching::MatchResult result = m_ctx.engine->match(p->track, p->ordered);
        // Early exit: a confident match cannot be beaten by the looser queries that follow.
        if (m_ctx.engine->isConfident(result) || p->nextQuery >= p->plan.size())
            return finishTrack(*p, result);
        if (m_ctx.cancel.isCancelled())
            return fail(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
        searchNext(p);
    }));
}

void TrackMatcher::finishTrack(const Pending &p, const matching::MatchResult &result)
{
    TrackOutcome o;
    o.track = p.track;
    o.confidence = result.confidence;
    o.reason = result.reason;
    if (result.accepted()) {
        o.status = TrackStatus::Matched;
        o.plexTrack = *result.best;
        m_newMatches.push_back({p.trackId, m_ctx.machineIdentifier, result.best->ratingKey, result.confidence,
                                QDateTime::currentDateTimeUtc()});
    } else {
        o.status = TrackStatus::Missing;
        if (o.reason.isEmpty())
            o.reason = QStringLiteral("missing: no candidate in the Plex library");
        m_newMatches.push_back({p.trackId, m_ctx.machineIdentifier, QString(), result.confidence,
                                QDateTime::currentDateTimeUtc()});
    }
    emitOutcome(p.trackId, std::move(o));
    --m_inFlight;
    pump();
}

void TrackMatcher::emitOutcome(const QString &trackId, TrackOutcome outcome)
{
    std::vector<TrackOutcome> batch;
    for (int pos : m_positions.value(trackId)) {
        outcome.position = pos;
        outcome.track = m_outcomes[static_cast<std::size_t>(pos)].track;
        m_outcomes[static_cast<std::size_t>(pos)] = outcome;
        batch.push_back(outcome);
    }
    m_resolved(batch);
}

void TrackMatcher::abort()
{
    if (m_finished)
        return;
    fail(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
}

void TrackMatcher::fail(const Error &e)
{
    if (m_finished)
        return;
    m_finished = true;
    // Cancel whatever else is in flight; their callbacks see m_finished and stay silent.
    const auto handles = std::exchange(m_handles, {});
    for (const clients::RequestHandle &h : handles)
        h.cancel();
    if (e.kind != ErrorKind::Cancelled)
        log::sync()->warn("matching stopped: {}", log::str(e.toString()));
    m_done(e);
}

void TrackMatcher::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    // Remember what was found and forget what proved stale, each in one transaction.
    if (!m_stale.isEmpty()) {
        if (Status s = m_ctx.store->forgetMatches(m_stale, m_ctx.machineIdentifier); !s)
            log::sync()->warn("could not forget stale matches: {}", log::str(s.error().toString()));
    }
    if (!m_newMatches.empty()) {
        if (Status s = m_ctx.store->saveMatches(m_newMatches); !s)
            log::sync()->warn("could not update the match cache: {}", log::str(s.error().toString()));
    }
    m_done(std::move(m_outcomes));
}

} // namespace pb::sync
