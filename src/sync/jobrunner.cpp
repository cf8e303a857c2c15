#include "jobrunner.h"

#include "handadded.h"
#include "pb/core/logging.h"
#include "playlistwriter.h"
#include "plextitle.h"
#include "trackmatcher.h"

#include <QSet>

namespace pb::sync {

namespace {

QString stepLabel(SyncStep s, const QString &source)
{
    switch (s) {
    case SyncStep::Idle: return QStringLiteral("Waiting");
    case SyncStep::ReadingSource:
        return QStringLiteral("Reading the %1 playlist").arg(sources::sourceLabel(source));
    case SyncStep::Matching: return QStringLiteral("Matching tracks");
    case SyncStep::Planning: return QStringLiteral("Planning the changes");
    case SyncStep::Writing: return QStringLiteral("Writing the Plex playlist");
    case SyncStep::Verifying: return QStringLiteral("Checking the Plex playlist");
    case SyncStep::Done: return QStringLiteral("Done");
    }
    return {};
}

// Share of the whole sync at the start of each step; matching dominates.
double stepBase(SyncStep s)
{
    switch (s) {
    case SyncStep::Idle: return 0;
    case SyncStep::ReadingSource: return 0;
    case SyncStep::Matching: return 0.05;
    case SyncStep::Planning: return 0.85;
    case SyncStep::Writing: return 0.88;
    case SyncStep::Verifying: return 0.96;
    case SyncStep::Done: return 1;
    }
    return 0;
}

QStringList keysOf(const std::vector<CurrentItem> &items)
{
    QStringList out;
    for (const CurrentItem &c : items)
        out << c.ratingKey;
    return out;
}

} // namespace

JobRunner::JobRunner(JobContext &ctx, SourcePlaylist playlist, JobSink sink, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_playlist(std::move(playlist)), m_sink(std::move(sink))
{
    m_result.playlist = m_playlist.key();
    m_result.dryRun = m_ctx.options.dryRun;
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    m_cancelTimer.setInterval(m_ctx.serviceOptions.cancelPollInterval);
    connect(&m_cancelTimer, &QTimer::timeout, this, &JobRunner::pollCancel);
    m_progressTimer.setInterval(m_ctx.serviceOptions.progressInterval);
    connect(&m_progressTimer, &QTimer::timeout, this, &JobRunner::flush);
}

JobRunner::~JobRunner() = default;

void JobRunner::start()
{
    m_cancelTimer.start();
    m_progressTimer.start();
    setStep(SyncStep::ReadingSource);
    if (stopIfCancelled())
        return;
    if (!m_ctx.machineIdentifier.isEmpty())
        return readAll();
    m_read = m_ctx.plex->identity(this, [this](Result<PlexServer> r) {
        if (!r)
            return fail(r.error(), QStringLiteral("could not reach the Plex server"));
        m_ctx.machineIdentifier = r->machineIdentifier;
        readAll();
    });
}

void JobRunner::readAll()
{
    if (stopIfCancelled())
        return;
    auto link = m_ctx.store->link(m_playlist.key());
    if (!link)
        return fail(link.error());
    // A link to another server does not count here: this server gets its own playlist.
    if (*link && (*link)->machineIdentifier == m_ctx.machineIdentifier)
        m_link = **link;

    // The reads do not depend on each other: issue them together, continue when all are in.
    auto pending = std::make_shared<int>(0);
    auto oneDone = [this, pending] {
        if (--*pending == 0 && !m_finished) {
            m_reads.clear();
            if (readLooksWhole() && !tryUnchanged())
                match();
        }
    };
    ++*pending; // held until every read is issued
    // The source's fingerprint decides whether anything changed there since the last sync.
    ++*pending;
    m_reads.push_back(m_ctx.source->read(m_playlist, this, [this, oneDone](Result<sources::PlaylistRead> r) {
        if (!r)
            return fail(r.error(), QStringLiteral("could not read the %1 playlist")
                                       .arg(sources::sourceLabel(m_playlist.source)));
        const PlaylistKey key = m_playlist.key();
        m_playlist = std::move(r->playlist);
        m_playlist.source = key.source; // the key never changes within a job
        m_playlist.id = key.id;
        m_entries = std::move(r->entries);
        m_declaredTotal = r->declaredTotal;
        m_progress.totalTracks = static_cast<int>(m_entries.size());
        m_result.total = m_progress.totalTracks;
        m_progressDirty = true;
        oneDone();
    }));
    if (m_link) {
        ++*pending;
        m_reads.push_back(m_ctx.plex->playlistItems(
            m_link->plexRatingKey, this, [this, oneDone](Result<std::vector<PlexPlaylistItem>> r) {
                if (!r && r.error().kind == ErrorKind::NotFound) {
                    addNote(
                        QStringLiteral("the linked Plex playlist \"%1\" was deleted; a new one is created")
                            .arg(m_link->plexTitle));
                    m_link.reset();
                    return oneDone();
                }
                if (!r)
                    return fail(r.error(), QStringLiteral("could not read the linked Plex playlist"));
                for (const PlexPlaylistItem &i : *r) {
                    m_current.push_back({i.playlistItemId, i.track.ratingKey});
                    m_ctx.knownTracks.insert(i.track.ratingKey, i.track);
                }
                oneDone();
            }));
    }
    if (m_ctx.sectionKeys.isEmpty() && m_ctx.options.librarySectionKey.isEmpty()) {
        ++*pending;
        m_reads.push_back(
            m_ctx.plex->musicSections(this, [this, oneDone](Result<std::vector<PlexSection>> r) {
                if (!r)
                    return fail(r.error(), QStringLiteral("could not list the Plex music libraries"));
                for (const PlexSection &sec : *r)
                    m_ctx.sectionKeys << sec.key;
                if (m_ctx.sectionKeys.isEmpty())
                    return fail(Error::make(ErrorKind::NotFound,
                                            QStringLiteral("the Plex server has no music library")));
                oneDone();
            }));
    }
    oneDone();
}

bool JobRunner::readLooksWhole()
{
    if (m_ctx.options.allowShrink)
        return true;
    // A source that answers with fewer entries than it has (Spotify's 200 without tracks for a
    // followed playlist, a page lost, a truncated file) must never empty a Plex playlist.
    const QString source = sources::sourceLabel(m_playlist.source);
    const int read = static_cast<int>(m_entries.size());
    QString reason;
    if (m_declaredTotal >= 0 && m_declaredTotal != read) {
        reason = QStringLiteral("%1 says \"%2\" has %3 tracks but gave %4")
                     .arg(source, m_playlist.name)
                     .arg(m_declaredTotal)
                     .arg(read);
    } else if (read == 0) {
        auto last = m_ctx.store->lastGoodRun(m_playlist.key());
        const int before = last && *last ? static_cast<int>((*last)->tracks.size()) : 0;
        if (before > 0)
            reason = QStringLiteral("%1 gave no tracks for \"%2\", which had %3 at its last sync")
                         .arg(source, m_playlist.name)
                         .arg(before);
        else if (m_link && !m_current.empty())
            reason = QStringLiteral("%1 gave no tracks for \"%2\", whose Plex playlist has %3")
                         .arg(source, m_playlist.name)
                         .arg(m_current.size());
    }
    if (reason.isEmpty())
        return true;
    stopShort(reason);
    return false;
}

void JobRunner::stopShort(const QString &reason)
{
    m_result.plexPlaylistUnchanged = true;
    if (m_link) {
        m_result.plexPlaylistRatingKey = m_link->plexRatingKey;
        m_result.plexPlaylistTitle = m_link->plexTitle;
    }
    fail(Error::make(ErrorKind::ShortRead,
                     reason + QStringLiteral(". Nothing was changed in Plex; if the playlist really shrank, "
                                             "sync it again and allow it")));
}

bool JobRunner::tryUnchanged()
{
    // Nothing changed on either side since the last good sync: skip matching altogether.
    if (m_ctx.options.forceRematch || !m_link || m_link->snapshotId.isEmpty() ||
        m_link->snapshotId != m_playlist.snapshotId ||
        m_link->plexFingerprint != plexFingerprint(keysOf(m_current)))
        return false;
    auto last = m_ctx.store->lastGoodRun(m_playlist.key());
    if (!last || !*last || (*last)->tracks.size() != m_entries.size())
        return false;
    if (!m_ctx.options.keepHandAdded) {
        // The last sync may have kept tracks added by hand; mirroring the source now removes them.
        QStringList synced;
        for (const RunTrack &t : (*last)->tracks)
            if (t.status == TrackStatus::Matched)
                synced << t.ratingKey;
        if (synced != keysOf(m_current))
            return false;
    }
    QStringList ids;
    for (const PlaylistEntry &e : m_entries)
        ids << e.track.id;
    // A correction made since then must be applied, so it disables the shortcut.
    auto overrides = m_ctx.store->overrides(ids, m_ctx.machineIdentifier);
    if (!overrides)
        return false;
    QSet<QString> overridden;
    for (const ManualOverride &o : *overrides) {
        if (!m_link->lastSyncedAt.isValid() || o.createdAt >= m_link->lastSyncedAt)
            return false;
        overridden.insert(o.trackId);
    }
    std::vector<TrackOutcome> outcomes;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const RunTrack &t = (*last)->tracks[i];
        if (t.trackId != m_entries[i].track.id)
            return false;
        TrackOutcome o;
        o.position = static_cast<int>(i);
        o.track = m_entries[i].track;
        o.status = t.status;
        o.confidence = t.confidence;
        o.reason = t.reason;
        o.fromOverride = overridden.contains(t.trackId);
        if (t.status == TrackStatus::Matched) {
            // The history keeps only the rating key; the Plex playlist just read holds the whole
            // track (title, artist, album), which observers show. The fingerprint matched, so
            // every key is in it; should one not be, match normally rather than show a blank.
            const auto known = m_ctx.knownTracks.constFind(t.ratingKey);
            if (known == m_ctx.knownTracks.cend())
                return false;
            o.plexTrack = *known;
            o.fromCache = !o.fromOverride;
        }
        outcomes.push_back(std::move(o));
    }
    setStep(SyncStep::Matching);
    resolved(outcomes);
    m_result.plexPlaylistRatingKey = m_link->plexRatingKey;
    m_result.plexPlaylistTitle = m_link->plexTitle;
    m_result.plexPlaylistUnchanged = true;
    setStep(SyncStep::Verifying);
    succeed(QStringLiteral("Already up to date: nothing changed on %1 or in Plex since the last sync")
                .arg(sources::sourceLabel(m_playlist.source)));
    return true;
}

void JobRunner::match()
{
    if (stopIfCancelled())
        return;
    setStep(SyncStep::Matching);
    auto begin = [this] {
        m_matcher = new TrackMatcher(m_ctx, m_entries, this);
        m_matcher->start([this](const std::vector<TrackOutcome> &o) { resolved(o); },
                         [this](const QString &current) {
                             m_progress.currentTrack = current;
                             m_progressDirty = true;
                         },
                         [this](Result<std::vector<TrackOutcome>> r) {
                             if (!r)
                                 return fail(r.error(), QStringLiteral("matching stopped"));
                             // Deliver after the matcher's own callback has unwound.
                             QTimer::singleShot(0, this, [this, outcomes = std::move(*r)]() mutable {
                                 plan(std::move(outcomes));
                             });
                         });
    };
    if (m_ctx.sectionKeys.isEmpty())
        m_ctx.sectionKeys = {m_ctx.options.librarySectionKey};
    begin();
}

void JobRunner::plan(std::vector<TrackOutcome> outcomes)
{
    if (stopIfCancelled())
        return;
    setStep(SyncStep::Planning);
    m_outcomes = std::move(outcomes);
    QStringList wanted;
    for (const TrackOutcome &o : m_outcomes) {
        if (o.status == TrackStatus::Matched)
            wanted << o.plexTrack.ratingKey;
    }
    if (m_link) {
        m_result.plexPlaylistRatingKey = m_link->plexRatingKey;
        m_result.plexPlaylistTitle = m_link->plexTitle;
    }
    if (m_link && m_ctx.options.keepHandAdded) {
        auto owned = ownedItems(*m_ctx.store, *m_link);
        if (!owned)
            return fail(owned.error(), QStringLiteral("could not read which tracks the last sync wrote"));
        const HandAddedMerge merged = mergeHandAdded(m_current, wanted, *owned);
        wanted = merged.wanted;
        if (merged.kept > 0)
            addNote(merged.kept == 1
                        ? QStringLiteral("kept 1 track added in Plex by hand")
                        : QStringLiteral("kept %1 tracks added in Plex by hand").arg(merged.kept));
    }
    if (m_ctx.options.dryRun) {
        if (m_link) {
            const EditPlan p = planEdit(m_current, wanted);
            m_result.edit = {static_cast<int>(p.additions.size()), static_cast<int>(p.removals.size()),
                             static_cast<int>(p.moves.size()), false};
        } else {
            m_result.edit = {static_cast<int>(wanted.size()), 0, 0, !wanted.isEmpty()};
        }
        return succeed(QStringLiteral("Dry run: %1 to add, %2 to remove, %3 to move; nothing was written")
                           .arg(m_result.edit.added)
                           .arg(m_result.edit.removed)
                           .arg(m_result.edit.moved));
    }
    if (m_link && !m_ctx.options.allowShrink) {
        const EditPlan p = planEdit(m_current, wanted);
        if (!p.removals.empty() && p.removals.size() * 2 > m_current.size())
            return stopShort(
                QStringLiteral("this sync would remove %1 of the %2 tracks of the Plex playlist \"%3\"")
                    .arg(p.removals.size())
                    .arg(m_current.size())
                    .arg(m_link->plexTitle));
    }
    if (m_link)
        return write(wanted, m_link->plexTitle);
    if (wanted.isEmpty())
        return succeed(QStringLiteral("No track matched, so no Plex playlist was created"));
    // Never touch a playlist we did not create: on a title clash, create our own.
    m_read = m_ctx.plex->playlists(this, [this, wanted](Result<std::vector<PlexPlaylist>> r) {
        if (!r)
            return fail(r.error(), QStringLiteral("could not list the Plex playlists"));
        const QString base = newPlexPlaylistTitle(m_ctx.options.plexTitle, m_playlist);
        const QString title = unclashedTitle(base, *r);
        if (title != base)
            addNote(QStringLiteral("a Plex playlist named \"%1\" already exists and was left alone; "
                                   "created \"%2\" instead")
                        .arg(base, title));
        write(wanted, title);
    });
}

void JobRunner::write(const QStringList &wanted, const QString &title)
{
    if (stopIfCancelled())
        return;
    setStep(SyncStep::Writing);
    m_writing = true;
    WriteRequest req;
    req.link = m_link;
    req.current = m_current;
    req.wanted = wanted;
    req.title = title;
    m_writer = new PlaylistWriter(m_ctx, this);
    m_writer->setOnVerify([this] { setStep(SyncStep::Verifying); });
    m_writer->start(std::move(req), [this, wanted](WriteOutcome w) {
        m_result.edit = w.edit;
        m_result.plexPlaylistRatingKey = w.ratingKey;
        m_result.plexPlaylistTitle = w.title;
        m_result.plexPlaylistUnchanged = w.unchanged;
        if (!w.note.isEmpty())
            addNote(w.note);
        // Link whatever playlist of ours now exists, so the next sync edits it in place (and
        // converges after a partial failure) instead of creating another.
        if (!w.ratingKey.isEmpty()) {
            PlaylistLink link = m_link.value_or(PlaylistLink{});
            const bool complete = !w.error && w.finalKeys == wanted;
            link.playlist = m_playlist.key();
            link.machineIdentifier = m_ctx.machineIdentifier;
            link.plexRatingKey = w.ratingKey;
            link.plexTitle = w.title;
            if (!link.linkedAt.isValid())
                link.linkedAt = QDateTime::currentDateTimeUtc();
            if (complete) {
                link.snapshotId = m_playlist.snapshotId;
                link.plexFingerprint = plexFingerprint(w.finalKeys);
                link.lastSyncedAt = QDateTime::currentDateTimeUtc();
            } else {
                link.plexFingerprint.clear(); // forces a full sync next time
            }
            if (Status s = m_ctx.store->saveLink(link); !s)
                return fail(s.error(),
                            QStringLiteral("the Plex playlist was written but the link could not be saved"));
        }
        if (w.error)
            return fail(*w.error, QStringLiteral("writing the Plex playlist failed"));
        if (w.cancelled) {
            Error e = Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"));
            return fail(e);
        }
        succeed(m_result.edit.created
                    ? QStringLiteral("Created the Plex playlist \"%1\" with %2 tracks")
                          .arg(w.title)
                          .arg(wanted.size())
                    : QStringLiteral("Updated the Plex playlist \"%1\": %2 added, %3 removed, %4 moved")
                          .arg(w.title)
                          .arg(w.edit.added)
                          .arg(w.edit.removed)
                          .arg(w.edit.moved));
    });
}

void JobRunner::succeed(const QString &message)
{
    m_result.outcome = SyncOutcome::Succeeded;
    m_result.message =
        m_linkNote.isEmpty() ? message : message + QStringLiteral(" (") + m_linkNote + QStringLiteral(")");
    finish(m_result);
}

void JobRunner::fail(const Error &error, const QString &context)
{
    if (m_finished)
        return;
    SyncResult r = m_result;
    if (error.kind == ErrorKind::Cancelled) {
        r.outcome = SyncOutcome::Cancelled;
        r.message = m_writing ? (r.plexPlaylistUnchanged
                                     ? QStringLiteral("Cancelled: the Plex playlist is unchanged")
                                     : QStringLiteral("Cancelled: the Plex playlist was fully updated"))
                              : QStringLiteral("Cancelled before anything was written");
    } else {
        r.outcome = SyncOutcome::Failed;
        r.error = error;
        r.message = (context.isEmpty() ? QString() : context + QStringLiteral(": ")) + error.toString();
    }
    if (!m_linkNote.isEmpty())
        r.message += QStringLiteral(" (") + m_linkNote + QStringLiteral(")");
    finish(std::move(r));
}

void JobRunner::finish(SyncResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    abortReads();
    m_cancelTimer.stop();
    m_progressTimer.stop();
    result.finishedAt = QDateTime::currentDateTimeUtc();
    result.matched = m_progress.matchedTracks;
    result.missing = m_progress.failedTracks;
    result.skipped = m_progress.skippedTracks;
    result.total = m_progress.totalTracks;

    SyncRun run;
    run.playlist = m_playlist.key();
    run.machineIdentifier = m_ctx.machineIdentifier;
    run.result = result;
    // One row per Spotify entry, keyed by its index: outcomes not resolved before a cancel or
    // failure are default-constructed (position 0, no track), so neither their position nor
    // their track can be trusted; the entry gives the track, the index the position.
    for (std::size_t i = 0; i < m_outcomes.size(); ++i) {
        const TrackOutcome &o = m_outcomes[i];
        const QString trackId =
            o.track.id.isEmpty() && i < m_entries.size() ? m_entries[i].track.id : o.track.id;
        run.tracks.push_back({static_cast<int>(i), trackId, o.status,
                              o.status == TrackStatus::Matched ? o.plexTrack.ratingKey : QString(),
                              o.confidence, o.reason});
    }
    if (auto id = m_ctx.store->recordRun(run); !id)
        log::sync()->warn("could not record the sync in the history: {}", log::str(id.error().toString()));

    if (result.outcome == SyncOutcome::Succeeded)
        setStep(SyncStep::Done);
    flush();
    m_sink.finished(result);
    Q_EMIT done();
}

void JobRunner::addNote(const QString &note)
{
    m_linkNote = m_linkNote.isEmpty() ? note : m_linkNote + QStringLiteral("; ") + note;
}

void JobRunner::setStep(SyncStep step)
{
    m_progress.step = step;
    m_progress.currentStep = stepLabel(step, m_playlist.source);
    m_progress.stepNumber = std::clamp(static_cast<int>(step), 1, m_progress.totalSteps);
    if (step != SyncStep::Matching)
        m_progress.currentTrack.clear();
    m_progress.progress = std::max(m_progress.progress, stepBase(step));
    m_progressDirty = true;
    flush(); // step changes are rare: report them at once
}

void JobRunner::resolved(const std::vector<TrackOutcome> &outcomes)
{
    for (const TrackOutcome &o : outcomes) {
        switch (o.status) {
        case TrackStatus::Matched: ++m_progress.matchedTracks; break;
        case TrackStatus::Missing: ++m_progress.failedTracks; break;
        case TrackStatus::Skipped: ++m_progress.skippedTracks; break;
        case TrackStatus::Pending: break;
        }
        m_pendingOutcomes.push_back(o);
        if (static_cast<std::size_t>(o.position) >= m_outcomes.size() && m_outcomes.size() < m_entries.size())
            m_outcomes.resize(m_entries.size());
        if (static_cast<std::size_t>(o.position) < m_outcomes.size())
            m_outcomes[static_cast<std::size_t>(o.position)] = o;
    }
    const int done = m_progress.matchedTracks + m_progress.failedTracks + m_progress.skippedTracks;
    if (m_progress.totalTracks > 0) {
        const double share = static_cast<double>(done) / m_progress.totalTracks;
        m_progress.progress = std::max(m_progress.progress, 0.05 + 0.8 * share);
    }
    m_progressDirty = true;
}

void JobRunner::flush()
{
    if (!m_pendingOutcomes.empty())
        m_sink.tracks(std::exchange(m_pendingOutcomes, {}));
    if (m_progressDirty) {
        m_progressDirty = false;
        m_sink.progress(m_progress);
    }
}

void JobRunner::pollCancel()
{
    if (!m_ctx.cancel.isCancelled() || m_finished)
        return;
    if (m_writing)
        return; // the writer checks between writes and completes or rolls back
    abortReads();
    if (m_matcher)
        m_matcher->abort(); // reports Cancelled through its done callback
    fail(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
}

void JobRunner::abortReads()
{
    if (m_writing)
        return;
    if (m_read.isValid())
        std::exchange(m_read, {}).cancel();
    for (const clients::RequestHandle &h : std::exchange(m_reads, {}))
        h.cancel();
}

bool JobRunner::stopIfCancelled()
{
    if (!m_ctx.cancel.isCancelled())
        return false;
    fail(Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
    return true;
}

} // namespace pb::sync
