#pragma once
// Reads every page of a MediaContainer list with X-Plex-Container-Start/Size. The first page is
// read alone; when the server honoured the page size and told the total, the remaining pages
// are read in parallel (a bounded window) and assembled in order. The server may ignore or cap
// the size or leave out the total: then the loop reads page by page and trusts only what came
// back.

#include "httpcore.h"
#include "jsonutil.h"
#include "pagewindow.h"
#include "pb/clients/clientconfig.h"
#include "plexdto.h"

#include "pb/core/logging.h"

#include <memory>
#include <optional>
#include <vector>

namespace pb::clients::detail::plex {

inline constexpr int kMaxPages = 100000;

template <typename Dto, typename Out>
class PlexPager : public std::enable_shared_from_this<PlexPager<Dto, Out>> {
public:
    PlexPager(HttpCore *http, const PlexConfig &config, QString path, QList<QPair<QString, QString>> query,
              std::shared_ptr<Call<std::vector<Out>>> call, int limit, QString what)
        : m_http(http), m_config(config), m_path(std::move(path)), m_query(std::move(query)),
          m_call(std::move(call)), m_limit(limit), m_what(std::move(what)),
          m_size(std::max(1, config.pageSize)),
          m_window(http, m_call, kParallelPages,
                   {[this](qint64 index) { return request(pageStart(index)); },
                    [this](qint64 index, pb::Result<HttpResponse> r) {
                        return acceptParallel(index, std::move(r));
                    },
                    [this](std::vector<std::vector<Out>> inOrder) {
                        for (auto &page : inOrder)
                            std::move(page.begin(), page.end(), std::back_inserter(m_out));
                        finish();
                    }})
    {}

    void fetch()
    {
        auto self = this->shared_from_this();
        m_http->send(m_call, request(m_start),
                     [self](pb::Result<HttpResponse> r) { self->onPage(std::move(r)); });
    }

private:
    HttpRequest request(qint64 start) const
    {
        auto query = m_query;
        query.append({QStringLiteral("X-Plex-Container-Start"), QString::number(start)});
        query.append({QStringLiteral("X-Plex-Container-Size"), QString::number(m_size)});
        HttpRequest req;
        req.url = detail::joinUrl(m_config.serverUrl, m_path, detail::encodeQuery(query));
        req.setHeader("X-Plex-Container-Start", QByteArray::number(start));
        req.setHeader("X-Plex-Container-Size", QByteArray::number(m_size));
        return req;
    }

    /// The page and the total (from the body, else the header; -1 when neither says).
    pb::Result<std::pair<ContainerDto<Dto>, qint64>> parsePage(const pb::Result<HttpResponse> &r) const
    {
        if (!r.ok())
            return r.error();
        auto j = detail::parseJsonBody(*r, QStringLiteral("Plex server"));
        if (!j.ok())
            return j.error();
        auto page = detail::readDto<ContainerDto<Dto>>(
            *j, m_what, [](const detail::json &v) { return readContainer<Dto>(v, "Metadata"); });
        if (!page.ok())
            return page.error();
        qint64 total = page->totalSize;
        if (total < 0) {
            bool ok = false;
            const qint64 header = r->header("X-Plex-Container-Total-Size").toLongLong(&ok);
            total = ok ? header : -1;
        }
        return std::make_pair(std::move(page).value(), total);
    }

    void fail(pb::Error e)
    {
        m_window.stop();
        m_call->fail(std::move(e));
    }

    void finish()
    {
        if (m_limit > 0 && static_cast<qint64>(m_out.size()) > m_limit)
            m_out.resize(static_cast<std::size_t>(m_limit));
        m_call->complete(std::move(m_out));
    }

    void onPage(pb::Result<HttpResponse> r)
    {
        auto parsed = parsePage(r);
        if (!parsed.ok())
            return fail(parsed.error());
        auto &[page, total] = *parsed;
        const bool firstPage = m_pages == 0;
        const auto received = static_cast<qint64>(page.items.size());
        for (auto &item : page.items)
            m_out.push_back(std::move(item.value));
        m_start += received;
        const bool limitReached = m_limit > 0 && static_cast<qint64>(m_out.size()) >= m_limit;
        const bool lastPage = received == 0 || (total >= 0 ? m_start >= total : received < m_config.pageSize);
        if (limitReached || lastPage || ++m_pages > kMaxPages)
            return finish();
        if (firstPage && !m_sequentialOnly && startParallel(received, total))
            return;
        fetch();
    }

    /// Only when the server gave the full page asked for and said how many there are.
    bool startParallel(qint64 received, qint64 total)
    {
        if (received != m_size || total < 0)
            return false;
        m_end = m_limit > 0 ? std::min<qint64>(total, m_limit) : total;
        m_total = total;
        const qint64 pages = (m_end - m_start + m_size - 1) / m_size;
        if (pages < 1 || pages > kMaxPages)
            return false;
        m_window.start(this->shared_from_this(), pages);
        return true;
    }

    qint64 pageStart(qint64 index) const { return m_start + index * m_size; }

    /// A parallel page's items, when it is the page planned from the first one.
    std::optional<std::vector<Out>> acceptParallel(qint64 index, pb::Result<HttpResponse> r)
    {
        auto parsed = parsePage(r);
        if (!parsed.ok()) {
            fail(parsed.error());
            return std::nullopt;
        }
        auto &[page, total] = *parsed;
        const qint64 start = pageStart(index);
        const qint64 expected = std::min(m_size, m_total - start);
        if (total != m_total || (page.offset >= 0 && page.offset != start) ||
            static_cast<qint64>(page.items.size()) != expected) {
            restartSequential();
            return std::nullopt;
        }
        std::vector<Out> items;
        items.reserve(page.items.size());
        for (auto &item : page.items)
            items.push_back(std::move(item.value));
        return items;
    }

    /// The list changed between pages: read it again from the start, page by page.
    void restartSequential()
    {
        pb::log::net()->info("a Plex list changed while its pages were read; reading it again in order");
        m_window.stop();
        m_sequentialOnly = true;
        m_out.clear();
        m_start = 0;
        m_pages = 0;
        fetch();
    }

    HttpCore *m_http;
    PlexConfig m_config;
    QString m_path;
    QList<QPair<QString, QString>> m_query;
    std::shared_ptr<Call<std::vector<Out>>> m_call;
    int m_limit;
    QString m_what;
    qint64 m_size;
    std::vector<Out> m_out;
    qint64 m_start = 0;
    int m_pages = 0;
    bool m_sequentialOnly = false;
    qint64 m_total = 0;
    qint64 m_end = 0;
    PageWindow<Out> m_window;
};

template <typename Dto, typename Out>
void startPaging(HttpCore *http, const PlexConfig &config, QString path, QList<QPair<QString, QString>> query,
                 std::shared_ptr<Call<std::vector<Out>>> call, int limit, QString what)
{
    std::make_shared<PlexPager<Dto, Out>>(http, config, std::move(path), std::move(query), std::move(call),
                                          limit, std::move(what))
        ->fetch();
}

} // namespace pb::clients::detail::plex
