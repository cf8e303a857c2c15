// SpotifyClient reads the pages after the first in parallel: the order must stay exact when
// answers arrive out of order, an error on any page fails the read and stops the rest, cancel
// stops everything, and a list that changes between pages is read again in order.
#include "fakefixture.h"
#include "pagewindow.h" // the window size the pager promises (kParallelPages)

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;
using pb::fakes::Fault;
using std::chrono::milliseconds;

namespace {

const QString kBigItems = QStringLiteral("^/v1/playlists/big/items$");

class ClientsSpotifyParallel : public FakesTest {
protected:
    void SetUp() override { startFakes(); }

    std::unique_ptr<SpotifyClient> withPageSize(int size)
    {
        SpotifyConfig c = spotifyConfig();
        c.pageSize = size;
        return spotify(c);
    }

    static pb::Result<std::vector<pb::PlaylistEntry>> entries(SpotifyClient &c, const QString &id)
    {
        return await<std::vector<pb::PlaylistEntry>>([&](auto cb) { c.playlistEntries(id, nullptr, cb); });
    }

    static void expectBigInOrder(const std::vector<pb::PlaylistEntry> &big)
    {
        ASSERT_EQ(big.size(), 137u);
        for (int i = 0; i < 137; ++i) {
            EXPECT_EQ(big[static_cast<size_t>(i)].position, i);
            EXPECT_EQ(big[static_cast<size_t>(i)].track.id,
                      QStringLiteral("trk%1").arg(i, 4, 10, QLatin1Char('0')));
        }
    }
};

} // namespace

TEST_F(ClientsSpotifyParallel, EveryPageSizeGivesTheExactOrder)
{
    // 137 entries: one-entry pages, a size that leaves a short last page, one that divides
    // evenly except the remainder, one short of the maximum, and the maximum.
    for (const int size : {1, 2, 7, 49, 50}) {
        SCOPED_TRACE(size);
        fakes().clearRequestLog();
        auto c = withPageSize(size);
        auto big = entries(*c, QStringLiteral("big"));
        ASSERT_TRUE(big.ok()) << big.error().toString().toStdString();
        expectBigInOrder(*big);
        EXPECT_EQ(count(kBigItems), (137 + size - 1) / size); // no page twice, no empty last page
    }
}

TEST_F(ClientsSpotifyParallel, PagesAnsweringOutOfOrderAreAssembledInOrder)
{
    // The third request (the second parallel page) answers long after the ones behind it.
    Fault slow = Fault::delayed(milliseconds(300), kBigItems, 1);
    slow.skip = 2;
    ASSERT_TRUE(fakes().faults().add(slow));
    Fault slower = Fault::delayed(milliseconds(150), kBigItems, 1);
    slower.skip = 1;
    ASSERT_TRUE(fakes().faults().add(slower));
    auto c = withPageSize(10);
    auto big = entries(*c, QStringLiteral("big"));
    ASSERT_TRUE(big.ok()) << big.error().toString().toStdString();
    expectBigInOrder(*big);
    EXPECT_EQ(count(kBigItems), 14);
}

TEST_F(ClientsSpotifyParallel, ErrorOnAMiddlePageFailsTheReadAndStopsTheRest)
{
    Fault notFound = Fault::httpStatus(404, kBigItems, 1);
    notFound.skip = 3; // the first page and two parallel ones succeed
    ASSERT_TRUE(fakes().faults().add(notFound));
    auto c = withPageSize(5); // 28 pages
    int calls = 0;
    std::optional<pb::Result<std::vector<pb::PlaylistEntry>>> out;
    c->playlistEntries(QStringLiteral("big"), nullptr, [&](pb::Result<std::vector<pb::PlaylistEntry>> r) {
        ++calls;
        out.emplace(std::move(r));
    });
    for (int i = 0; i < 300 && !out; ++i)
        spin(10);
    ASSERT_TRUE(out.has_value());
    ASSERT_FALSE(out->ok());
    EXPECT_EQ(out->error().kind, ErrorKind::NotFound);
    const int requests = count(kBigItems);
    EXPECT_LT(requests, 28);
    spin(200);
    EXPECT_EQ(calls, 1);
    // Nothing starts after the failure. Pages already on the wire when it arrived (at most the
    // window of 4 less the failed one) are aborted, but their requests may still reach the
    // server after the count above; a window that kept going would read all 28 pages.
    EXPECT_LE(count(kBigItems), requests + pb::clients::detail::kParallelPages - 1);
}

TEST_F(ClientsSpotifyParallel, ForbiddenOnALaterPageStillExplainsOwnership)
{
    Fault forbidden =
        Fault::httpStatus(403, kBigItems, 1, R"({"error":{"status":403,"message":"Forbidden"}})");
    forbidden.skip = 1;
    ASSERT_TRUE(fakes().faults().add(forbidden));
    auto c = withPageSize(10);
    auto r = entries(*c, QStringLiteral("big"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Forbidden);
    EXPECT_EQ(r.error().message, SpotifyClient::notOwnedExplanation());
}

TEST_F(ClientsSpotifyParallel, CancelWhileParallelPagesRunStopsThemAll)
{
    Fault slow = Fault::delayed(milliseconds(400), kBigItems, -1);
    slow.skip = 1; // the first page is quick, every parallel one hangs
    ASSERT_TRUE(fakes().faults().add(slow));
    auto c = withPageSize(5);
    int calls = 0;
    std::optional<pb::Result<std::vector<pb::PlaylistEntry>>> out;
    RequestHandle h =
        c->playlistEntries(QStringLiteral("big"), nullptr, [&](pb::Result<std::vector<pb::PlaylistEntry>> r) {
            ++calls;
            out.emplace(std::move(r));
        });
    for (int i = 0; i < 300 && count(kBigItems) < 2; ++i)
        spin(5);
    ASSERT_GE(count(kBigItems), 2); // parallel pages are running
    h.cancel();
    for (int i = 0; i < 100 && !out; ++i)
        spin(5);
    ASSERT_TRUE(out.has_value());
    ASSERT_FALSE(out->ok());
    EXPECT_EQ(out->error().kind, ErrorKind::Cancelled);
    spin(600);
    EXPECT_EQ(calls, 1);
    // Requests already sent may still reach the fake after the cancel, but no page is started
    // after it: the first page and one window (4) at most, of 28.
    EXPECT_LE(count(kBigItems), 1 + 4);
}

namespace {

/// A Web API whose playlist list grows by one between the first page and the others.
class ClientsSpotifyChangingList : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_server.route(QStringLiteral("/v1/me/playlists"), [this](const QHttpServerRequest &req) {
            const int total = m_requests++ == 0 ? 150 : 151;
            const QUrlQuery q(req.url());
            const int offset = q.queryItemValue(QStringLiteral("offset")).toInt();
            const int limit = q.queryItemValue(QStringLiteral("limit")).toInt();
            nlohmann::json items = nlohmann::json::array();
            for (int i = offset; i < total && i < offset + limit; ++i)
                items.push_back({{"id", "p" + std::to_string(i)}, {"name", "P"}});
            nlohmann::json page{{"items", items}, {"total", total}, {"offset", offset}, {"limit", limit}};
            page["next"] =
                offset + limit < total
                    ? nlohmann::json(base() + "/v1/me/playlists?offset=" + std::to_string(offset + limit) +
                                     "&limit=" + std::to_string(limit))
                    : nlohmann::json(nullptr);
            return QHttpServerResponse("application/json", QByteArray::fromStdString(page.dump()));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        ASSERT_NE(m_port, 0);
    }

    std::string base() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    QNetworkAccessManager m_nam;
    QHttpServer m_server;
    quint16 m_port = 0;
    int m_requests = 0;
};

} // namespace

TEST_F(ClientsSpotifyChangingList, ATotalThatChangesBetweenPagesIsReadAgainInOrder)
{
    SpotifyConfig c;
    c.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    c.accountsUrl = c.apiUrl;
    c.clientId = QStringLiteral("x");
    SpotifyTokens t;
    t.accessToken = QStringLiteral("access");
    SpotifyClient client(&m_nam, c, t);
    auto r = await<std::vector<pb::SourcePlaylist>>([&](auto cb) { client.playlists(nullptr, cb); });
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    ASSERT_EQ(r->size(), 151u);
    for (int i = 0; i < 151; ++i)
        EXPECT_EQ((*r)[static_cast<size_t>(i)].id, QStringLiteral("p%1").arg(i));
    EXPECT_GE(m_requests, 1 + 1 + 4); // first page, a parallel page that saw 151, four in order
}
