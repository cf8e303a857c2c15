#pragma once
// Reads every page of a Spotify paging object. The first page is read alone; when it tells the
// total and its `next` link is a plain offset step, the remaining pages are read in parallel
// (a bounded window) and assembled in offset order. Anything irregular falls back to following
// `next` links one page at a time, the way Spotify documents paging.

#include "httpcore.h"
#include "jsonutil.h"
#include "pagewindow.h"
#include "spotifydto.h"

#include "pb/core/logging.h"

#include <QSet>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace pb::clients::detail::spotify {

inline constexpr int kMaxPages = 20000; // 1,000,000 entries at 50 a page: far beyond any real playlist

/// Same scheme, host and port (the bearer token goes only to the configured API).
bool sameOrigin(const QUrl &a, const QUrl &b);
/// `url` with its offset query item set to `offset` (other items and their order kept).
QUrl withOffset(const QUrl &url, qint64 offset);

template <typename Item, typename Out>
class Pager : public std::enable_shared_from_this<Pager<Item, Out>> {
public:
    using Convert = std::function<Out(Item &&, int position)>;
    using MapError = std::function<pb::Error(pb::Error)>;

    Pager(HttpCore *http, QUrl apiBase, std::shared_ptr<Call<std::vector<Out>>> call, Convert convert,
          MapError mapError, int parallel = kParallelPages)
        : m_http(http), m_apiBase(std::move(apiBase)), m_call(std::move(call)), m_convert(std::move(convert)),
          m_mapError(std::move(mapError)),
          m_window(http, m_call, parallel,
                   {[this](qint64 index) { return request(withOffset(m_follow, pageOffset(index))); },
                    [this](qint64 index, pb::Result<HttpResponse> r) {
                        return acceptParallel(index, std::move(r));
                    },
                    [this](std::vector<std::vector<Item>> inOrder) {
                        for (auto &page : inOrder)
                            append(page);
                        m_call->complete(std::move(m_out));
                    }})
    {}

    void start(const QUrl &first)
    {
        m_first = first;
        fetch(first);
    }

private:
    void fetch(const QUrl &url)
    {
        m_seen.insert(pageKey(url));
        auto self = this->shared_from_this();
        m_http->send(m_call, request(url),
                     [self](pb::Result<HttpResponse> r) { self->onPage(std::move(r)); });
    }

    static HttpRequest request(const QUrl &url)
    {
        HttpRequest req;
        req.url = url;
        req.setHeader("Accept", "application/json");
        return req;
    }

    void fail(pb::Error e)
    {
        m_window.stop();
        m_call->fail(m_mapError ? m_mapError(std::move(e)) : std::move(e));
    }

    static pb::Result<PageDto<Item>> parsePage(const pb::Result<HttpResponse> &r)
    {
        if (!r.ok())
            return r.error();
        auto j = detail::parseJsonBody(*r, QStringLiteral("Spotify"));
        if (!j.ok())
            return j.error();
        return detail::parseDto<PageDto<Item>>(*j, QStringLiteral("Spotify page"));
    }

    void append(std::vector<Item> &items)
    {
        for (auto &item : items)
            m_out.push_back(m_convert(std::move(item), static_cast<int>(m_out.size())));
    }

    void onPage(pb::Result<HttpResponse> r)
    {
        auto page = parsePage(r);
        if (!page.ok())
            return fail(page.error());
        const bool firstPage = m_pages == 0;
        const auto received = static_cast<qint64>(page->items.size());
        append(page->items);
        if (page->next.isEmpty() || received == 0) {
            m_call->complete(std::move(m_out));
            return;
        }
        const QUrl next(page->next, QUrl::StrictMode);
        // The bearer token goes only to the API we were configured with.
        if (!next.isValid() || !sameOrigin(next, m_apiBase))
            return fail(pb::Error::make(
                pb::ErrorKind::Parse,
                QStringLiteral("Spotify's next-page link points outside the API (%1)").arg(next.host())));
        const QUrl follow = samePathAs(next);
        if (m_seen.contains(pageKey(follow)) || ++m_pages > kMaxPages)
            return fail(pb::Error::make(pb::ErrorKind::Parse, QStringLiteral("Spotify's paging links loop")));
        if (firstPage && !m_sequentialOnly && startParallel(follow, page->offset, received, page->total))
            return;
        fetch(follow);
    }

    /// Plans the remaining pages from the first one: only for a regular step (next offset =
    /// offset + items, the same limit) and a total beyond it. False leaves paging sequential.
    bool startParallel(const QUrl &follow, qint64 offset, qint64 step, qint64 total)
    {
        const QUrlQuery q(follow);
        bool ok = false;
        const qint64 nextOffset = q.queryItemValue(QStringLiteral("offset")).toLongLong(&ok);
        if (!ok || m_window.maxInFlight() < 2 || nextOffset != offset + step || total <= nextOffset)
            return false;
        if (q.hasQueryItem(QStringLiteral("limit")) &&
            q.queryItemValue(QStringLiteral("limit")).toLongLong() != step)
            return false;
        const qint64 pages = (total - nextOffset + step - 1) / step;
        if (pages > kMaxPages)
            return false;
        m_follow = follow;
        m_total = total;
        m_step = step;
        m_nextOffset = nextOffset;
        m_window.start(this->shared_from_this(), pages);
        return true;
    }

    qint64 pageOffset(qint64 index) const { return m_nextOffset + index * m_step; }

    /// A parallel page's items, when it is the page planned from the first one.
    std::optional<std::vector<Item>> acceptParallel(qint64 index, pb::Result<HttpResponse> r)
    {
        auto page = parsePage(r);
        if (!page.ok()) {
            fail(page.error());
            return std::nullopt;
        }
        const qint64 offset = pageOffset(index);
        const qint64 expected = std::min(m_step, m_total - offset);
        if (page->total != m_total || page->offset != offset ||
            static_cast<qint64>(page->items.size()) != expected) {
            restartSequential();
            return std::nullopt;
        }
        return std::move(page->items);
    }

    /// The playlist changed while its pages were read (another total, a shorter page): the
    /// parallel result would be in the wrong order, so the read starts over, page by page.
    void restartSequential()
    {
        pb::log::net()->info("Spotify's list changed while its pages were read; reading it again in order");
        m_window.stop();
        m_sequentialOnly = true;
        m_out.clear();
        m_seen.clear();
        m_pages = 0;
        fetch(m_first);
    }

    /// Pages are told apart by their offset (links may order their parameters differently).
    static QString pageKey(const QUrl &url)
    {
        const QUrlQuery q(url);
        return q.hasQueryItem(QStringLiteral("offset"))
                   ? url.path() + QLatin1Char('@') + q.queryItemValue(QStringLiteral("offset"))
                   : url.toString(QUrl::FullyEncoded);
    }

    /// Spotify's `next` for /me/playlists points at /users/{id}/playlists, an endpoint removed
    /// for Development Mode apps in February 2026. So the pager stays on the path it started
    /// with and takes only offset and limit from `next`.
    QUrl samePathAs(const QUrl &next) const
    {
        const QUrlQuery nextQuery(next);
        if (!nextQuery.hasQueryItem(QStringLiteral("offset")) || m_first.isEmpty())
            return next;
        QList<QPair<QString, QString>> items;
        for (const auto &item : QUrlQuery(m_first).queryItems(QUrl::FullyDecoded)) {
            if (item.first == QLatin1String("offset") || item.first == QLatin1String("limit"))
                continue;
            items.append(item);
        }
        items.append({QStringLiteral("offset"), nextQuery.queryItemValue(QStringLiteral("offset"))});
        if (nextQuery.hasQueryItem(QStringLiteral("limit")))
            items.append({QStringLiteral("limit"), nextQuery.queryItemValue(QStringLiteral("limit"))});
        QUrl follow = m_first;
        follow.setQuery(QString::fromLatin1(detail::encodeQuery(items)), QUrl::TolerantMode);
        return follow;
    }

    HttpCore *m_http;
    QUrl m_apiBase;
    std::shared_ptr<Call<std::vector<Out>>> m_call;
    Convert m_convert;
    MapError m_mapError;
    std::vector<Out> m_out;
    QSet<QString> m_seen;
    QUrl m_first;
    int m_pages = 0;
    bool m_sequentialOnly = false;
    // Parallel reading: the pages after the first, by offset.
    QUrl m_follow;
    qint64 m_total = 0;
    qint64 m_step = 0;
    qint64 m_nextOffset = 0;
    PageWindow<Item> m_window;
};

template <typename Item, typename Out>
void startPaging(HttpCore *http, const QUrl &apiBase, const QUrl &first,
                 std::shared_ptr<Call<std::vector<Out>>> call, typename Pager<Item, Out>::Convert convert,
                 typename Pager<Item, Out>::MapError mapError = {}, int parallel = kParallelPages)
{
    std::make_shared<Pager<Item, Out>>(http, apiBase, std::move(call), std::move(convert),
                                       std::move(mapError), parallel)
        ->start(first);
}

} // namespace pb::clients::detail::spotify
