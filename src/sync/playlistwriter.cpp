#include "playlistwriter.h"

#include "pb/core/logging.h"

namespace pb::sync {

namespace {

QStringList keysOf(const std::vector<CurrentItem> &items)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(items.size()));
    for (const CurrentItem &c : items)
        out << c.ratingKey;
    return out;
}

Error cancelledError()
{
    return Error::make(ErrorKind::Cancelled, QStringLiteral("cancelled"));
}

} // namespace

PlaylistWriter::PlaylistWriter(JobContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx) {}

void PlaylistWriter::start(WriteRequest request, Done done)
{
    m_request = std::move(request);
    m_done = std::move(done);
    if (m_request.link) {
        m_outcome.ratingKey = m_request.link->plexRatingKey;
        m_outcome.title = m_request.link->plexTitle;
        m_oldKeys = keysOf(m_request.current);
        edit();
    } else {
        m_outcome.title = m_request.title;
        create();
    }
}

void PlaylistWriter::create()
{
    m_outcome.edit.created = true;
    m_outcome.edit.added = static_cast<int>(m_request.wanted.size());
    ++m_writes;
    // Not cancelled mid-way: the client creates with the first chunk and appends the rest;
    // a cancellation is honoured once it returns, by deleting what was created.
    m_ctx.plex->createPlaylist(m_request.title, m_ctx.machineIdentifier, m_request.wanted, this,
                               [this](Result<PlexPlaylist> r) {
                                   if (!r) {
                                       const Error e = r.error();
                                       if (e.code.isEmpty()) {
                                           m_outcome.error = e; // nothing was created
                                           return finish();
                                       }
                                       // The playlist exists but not all items made it in: remove it, never
                                       // leave half.
                                       m_outcome.ratingKey = e.code;
                                       m_created = true;
                                       return rollback(e);
                                   }
                                   m_created = true;
                                   m_outcome.ratingKey = r->ratingKey;
                                   if (!r->title.isEmpty())
                                       m_outcome.title = r->title;
                                   m_outcome.unchanged = false;
                                   if (m_ctx.cancel.isCancelled())
                                       return rollback(cancelledError());
                                   verify(false);
                               });
}

void PlaylistWriter::edit()
{
    const EditPlan plan = planEdit(m_request.current, m_request.wanted);
    m_outcome.edit.added = static_cast<int>(plan.additions.size());
    m_outcome.edit.removed = static_cast<int>(plan.removals.size());
    m_outcome.edit.moved = static_cast<int>(plan.moves.size());
    if (plan.isEmpty())
        return verify(false);
    auto steps = std::make_shared<std::vector<Step>>(stepsFor(m_request.link->plexRatingKey, plan));
    runSteps(steps, 0, true, [this](Status s, std::size_t done) {
        if (s) {
            m_outcome.unchanged = false;
            return verify(false);
        }
        if (done == 0 && s.error().kind == ErrorKind::Cancelled)
            return finish(); // stopped before the first change: untouched
        rollback(s.error());
    });
}

std::vector<PlaylistWriter::Step> PlaylistWriter::stepsFor(const QString &ratingKey, const EditPlan &plan)
{
    std::vector<Step> steps;
    for (qint64 id : plan.removals) {
        steps.push_back([this, ratingKey, id](std::function<void(Status)> next) {
            ++m_writes;
            m_ctx.plex->removeItem(ratingKey, id, this,
                                   [next](Result<void> r) { next(r ? Status() : r.error()); });
        });
    }
    auto newIds = std::make_shared<std::vector<qint64>>();
    if (!plan.additions.isEmpty()) {
        const QStringList additions = plan.additions;
        steps.push_back([this, ratingKey, additions](std::function<void(Status)> next) {
            ++m_writes;
            m_ctx.plex->addItems(ratingKey, m_ctx.machineIdentifier, additions, this,
                                 [next](Result<void> r) { next(r ? Status() : r.error()); });
        });
        if (!plan.moves.empty()) {
            // Plex names added items only once they exist: they are the last ones, in order.
            steps.push_back([this, additions, newIds](std::function<void(Status)> next) {
                readKeys([additions, newIds, next](Result<std::vector<CurrentItem>> r) {
                    if (!r)
                        return next(r.error());
                    const auto n = static_cast<std::size_t>(additions.size());
                    if (r->size() < n)
                        return next(Error::make(ErrorKind::Internal,
                                                QStringLiteral("the Plex playlist changed during the sync")));
                    for (std::size_t i = r->size() - n; i < r->size(); ++i) {
                        if ((*r)[i].ratingKey != additions[static_cast<qsizetype>(newIds->size())])
                            return next(
                                Error::make(ErrorKind::Internal,
                                            QStringLiteral("the Plex playlist changed during the sync")));
                        newIds->push_back((*r)[i].playlistItemId);
                    }
                    next({});
                });
            });
        }
    }
    for (const Move &m : plan.moves) {
        steps.push_back([this, ratingKey, m, newIds](std::function<void(Status)> next) {
            auto resolve = [&](const ItemRef &r) {
                return r.isNew() ? newIds->at(static_cast<std::size_t>(r.newIndex)) : r.playlistItemId;
            };
            std::optional<qint64> after;
            if (m.after)
                after = resolve(*m.after);
            ++m_writes;
            m_ctx.plex->moveItem(ratingKey, resolve(m.item), after, this,
                                 [next](Result<void> r) { next(r ? Status() : r.error()); });
        });
    }
    return steps;
}

void PlaylistWriter::runSteps(std::shared_ptr<std::vector<Step>> steps, std::size_t index, bool interruptible,
                              std::function<void(Status, std::size_t)> then)
{
    if (index >= steps->size())
        return then({}, index);
    if (interruptible && m_ctx.cancel.isCancelled()) {
        // Finish when less than half remains, roll back otherwise: whichever stops sooner.
        const std::size_t remaining = steps->size() - index;
        if (remaining > index)
            return then(cancelledError(), index);
        interruptible = false;
        m_outcome.cancelled = true;
        m_outcome.note = QStringLiteral("cancelled near the end of the write: the edit was completed");
    }
    (*steps)[index]([this, steps, index, interruptible, then](Status s) {
        if (!s)
            return then(s, index);
        runSteps(steps, index + 1, interruptible, then);
    });
}

void PlaylistWriter::rollback(const Error &cause)
{
    const bool cancelled = cause.kind == ErrorKind::Cancelled;
    m_outcome.cancelled = cancelled;
    if (!cancelled)
        m_outcome.error = cause;
    if (m_created) {
        // Our own playlist, just created: removing it restores "no playlist".
        ++m_writes;
        m_ctx.plex->deletePlaylist(m_outcome.ratingKey, this, [this, cause](Result<void> r) {
            if (r) {
                m_outcome.unchanged = true;
                m_outcome.ratingKey.clear();
                m_outcome.edit = {};
                m_outcome.note = QStringLiteral("the new Plex playlist was removed again");
            } else {
                m_outcome.unchanged = false;
                m_outcome.error = cause.kind == ErrorKind::Cancelled ? r.error() : cause;
                m_outcome.note =
                    QStringLiteral("the Plex playlist %1 is incomplete and could not be removed (%2); "
                                   "the next sync will finish it")
                        .arg(m_outcome.ratingKey, r.error().toString());
            }
            finish();
        });
        return;
    }
    restoreTo(m_oldKeys, [this](Status s) {
        if (s) {
            m_outcome.unchanged = true;
            m_outcome.note = QStringLiteral("the Plex playlist was restored to its previous contents");
        } else {
            m_outcome.unchanged = false;
            if (!m_outcome.error)
                m_outcome.error = s.error();
            m_outcome.note =
                QStringLiteral("the Plex playlist is partly updated and could not be restored (%1); "
                               "the next sync will finish it")
                    .arg(s.error().toString());
        }
        finish();
    });
}

void PlaylistWriter::restoreTo(const QStringList &keys, std::function<void(Status)> then)
{
    readKeys([this, keys, then](Result<std::vector<CurrentItem>> r) {
        if (!r)
            return then(r.error());
        if (keysOf(*r) == keys)
            return then({});
        const EditPlan plan = planEdit(*r, keys);
        auto steps = std::make_shared<std::vector<Step>>(stepsFor(m_outcome.ratingKey, plan));
        runSteps(steps, 0, false, [this, keys, then](Status s, std::size_t) {
            if (!s)
                return then(s);
            readKeys([keys, then](Result<std::vector<CurrentItem>> again) {
                if (!again)
                    return then(again.error());
                if (keysOf(*again) != keys)
                    return then(Error::make(ErrorKind::Internal,
                                            QStringLiteral("the Plex playlist did not take the edit")));
                then({});
            });
        });
    });
}

void PlaylistWriter::verify(bool repaired)
{
    if (m_onVerify)
        std::exchange(m_onVerify, {})();
    readKeys([this, repaired](Result<std::vector<CurrentItem>> r) {
        if (!r) {
            m_outcome.error = r.error();
            m_outcome.note = QStringLiteral("the Plex playlist was written but could not be read back");
            return finish();
        }
        const QStringList got = keysOf(*r);
        if (got == m_request.wanted) {
            m_outcome.finalKeys = got;
            return finish();
        }
        if (repaired) {
            m_outcome.error =
                Error::make(ErrorKind::Internal,
                            QStringLiteral("the Plex playlist differs from Spotify's order after a repair "
                                           "(%1 items, %2 wanted)")
                                .arg(got.size())
                                .arg(m_request.wanted.size()));
            return finish();
        }
        log::sync()->warn("read-back differs from the wanted order; repairing once");
        m_outcome.note = QStringLiteral("the read-back differed and was repaired");
        const EditPlan plan = planEdit(*r, m_request.wanted);
        auto steps = std::make_shared<std::vector<Step>>(stepsFor(m_outcome.ratingKey, plan));
        runSteps(steps, 0, false, [this](Status s, std::size_t) {
            if (!s) {
                m_outcome.error = s.error();
                return finish();
            }
            verify(true);
        });
    });
}

void PlaylistWriter::readKeys(std::function<void(Result<std::vector<CurrentItem>>)> then)
{
    m_ctx.plex->playlistItems(m_outcome.ratingKey, this, [then](Result<std::vector<PlexPlaylistItem>> r) {
        if (!r)
            return then(r.error());
        std::vector<CurrentItem> items;
        items.reserve(r->size());
        for (const PlexPlaylistItem &i : *r)
            items.push_back({i.playlistItemId, i.track.ratingKey});
        then(std::move(items));
    });
}

void PlaylistWriter::finish()
{
    if (m_done)
        std::exchange(m_done, {})(std::move(m_outcome));
}

} // namespace pb::sync
