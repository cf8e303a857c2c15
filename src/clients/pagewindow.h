#pragma once
// The parallel part of a paged read, shared by the Spotify and Plex pagers. Once a pager has read
// the first page and knows how many pages remain, the window reads them at most `maxInFlight` at
// a time, each as its own sub-call (so cancel aborts every one at once), keeps each page's items
// in its slot and hands them all back in page order when the last one is in. How a page is
// addressed and checked stays with the pager.

#include "callstate.h"
#include "httpcore.h"

#include <QtGlobal>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace pb::clients::detail {

/// Pages read at once after the first (Qt opens at most 6 connections per host; the rest of
/// the client, token refreshes included, keeps a connection or two).
inline constexpr int kParallelPages = 4;

/// A bounded window of parallel page reads with one slot per page, assembled in page order.
/// It lives inside its pager (a member of an object held by shared_ptr): every request in flight
/// keeps that object alive, and nothing the window stores owns it, so no cycle forms.
template <typename T>
class PageWindow {
public:
    /// The request for page `index` (0-based, in list order).
    using Request = std::function<HttpRequest(qint64 index)>;
    /// Page `index`'s answer, in whatever order answers arrive: its items, or nullopt when the
    /// pager failed the read or starts it over (it calls stop() first).
    using Answer = std::function<std::optional<std::vector<T>>(qint64 index, pb::Result<HttpResponse> reply)>;
    /// Every page is in: their items, in page order.
    using Complete = std::function<void(std::vector<std::vector<T>> pages)>;

    /// What the pager does for the window; the handlers may refer to the pager by raw pointer,
    /// since they live no longer than the window inside it.
    struct Handlers {
        Request request;
        Answer answer;
        Complete complete;
    };

    PageWindow(HttpCore *http, std::shared_ptr<CallState> call, int maxInFlight, Handlers handlers)
        : m_http(http), m_call(std::move(call)), m_maxInFlight(maxInFlight), m_handlers(std::move(handlers))
    {}
    // The handlers point into the pager that holds the window: a copy would call the wrong one.
    PageWindow(const PageWindow &) = delete;
    PageWindow &operator=(const PageWindow &) = delete;

    int maxInFlight() const { return m_maxInFlight; }

    /// Reads pages [0, pages) for the call, as the object `owner` that holds the window. May be
    /// called again after stop(), also from within a handler.
    void start(const std::shared_ptr<void> &owner, qint64 pages)
    {
        m_owner = owner;
        m_slots.assign(static_cast<std::size_t>(pages), {});
        m_launched = 0;
        m_finished = 0;
        // Cancelling the call (or its context dying) stops every page still running.
        std::weak_ptr<PageWindow> weak = self();
        m_call->addAbortHook([weak] {
            if (auto w = weak.lock())
                w->stop();
        });
        while (m_launched < pageCount() && static_cast<int>(m_children.size()) < m_maxInFlight)
            launch();
    }

    /// Abandons every page in flight; their answers, should any still come, are ignored.
    void stop()
    {
        ++m_generation;
        auto children = std::move(m_children);
        m_children.clear();
        m_slots.clear();
        for (auto &c : children)
            c->abandon();
    }

private:
    /// The window as a shared_ptr that shares its owner's lifetime (aliasing constructor).
    std::shared_ptr<PageWindow> self() { return std::shared_ptr<PageWindow>(m_owner.lock(), this); }

    qint64 pageCount() const { return static_cast<qint64>(m_slots.size()); }

    void launch()
    {
        const qint64 index = m_launched++;
        // Each page is its own call so it can be aborted alone; results go through the window.
        auto child = makeCall<void>(m_call->owner(), nullptr, [](pb::Status) {});
        m_children.push_back(child);
        auto self = this->self();
        Q_ASSERT(self);
        const quint64 generation = m_generation;
        std::weak_ptr<CallState> weakChild = child;
        m_http->send(child, m_handlers.request(index),
                     [self, generation, index, weakChild](pb::Result<HttpResponse> r) {
                         self->onAnswer(generation, index, weakChild, std::move(r));
                     });
    }

    void onAnswer(quint64 generation, qint64 index, const std::weak_ptr<CallState> &child,
                  pb::Result<HttpResponse> r)
    {
        if (generation != m_generation || m_call->isDone())
            return;
        if (auto c = child.lock())
            std::erase(m_children, c);
        auto items = m_handlers.answer(index, std::move(r));
        if (!items)
            return;
        m_slots[static_cast<std::size_t>(index)] = std::move(*items);
        if (++m_finished == pageCount()) {
            auto pages = std::move(m_slots);
            m_slots.clear();
            m_handlers.complete(std::move(pages));
            return;
        }
        if (m_launched < pageCount())
            launch();
    }

    HttpCore *m_http;
    std::shared_ptr<CallState> m_call;
    int m_maxInFlight;
    Handlers m_handlers;
    std::weak_ptr<void> m_owner;
    qint64 m_launched = 0;
    qint64 m_finished = 0;
    quint64 m_generation = 0;
    std::vector<std::vector<T>> m_slots;
    std::vector<std::shared_ptr<CallState>> m_children;
};

} // namespace pb::clients::detail
