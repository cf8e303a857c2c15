// Plex paging edges the fake does not produce: a server that ignores the requested page size,
// and one that sends no totalSize. A tiny QHttpServer plays PMS.
#include "fakefixture.h"

#include "pb/clients/plexclient.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace pb::clients;
using namespace pb::clients::testing;

namespace {

class ClientsPlexPaging : public ::testing::Test {
protected:
    /// Serves /playlists/1/items: `initialTotal` items, at most `cap` a page
    /// (or fewer when fewer were asked for).
    void serve(int initialTotal, int cap, bool sendTotal, int grownTotal = -1)
    {
        m_server.route(QStringLiteral("/playlists/1/items"), [=, this](const QHttpServerRequest &req) {
            // `grownTotal`: the list grows after the first page was served.
            const int total = m_requests++ > 0 && grownTotal >= 0 ? grownTotal : initialTotal;
            const int start =
                QUrlQuery(req.url()).queryItemValue(QStringLiteral("X-Plex-Container-Start")).toInt();
            nlohmann::json items = nlohmann::json::array();
            const int asked =
                QUrlQuery(req.url()).queryItemValue(QStringLiteral("X-Plex-Container-Size")).toInt();
            const int end = std::min(total, start + std::min(cap, asked));
            for (int i = start; i < end; ++i)
                items.push_back(
                    {{"ratingKey", std::to_string(i)}, {"title", "T"}, {"playlistItemID", i + 1}});
            nlohmann::json mc{{"size", items.size()}, {"offset", start}, {"Metadata", items}};
            if (sendTotal)
                mc["totalSize"] = total;
            if (m_errorAt >= 0 && start == m_errorAt)
                return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
            return QHttpServerResponse(
                "application/json", QByteArray::fromStdString(nlohmann::json{{"MediaContainer", mc}}.dump()));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        ASSERT_NE(m_port, 0);
    }

    pb::Result<std::vector<pb::PlexPlaylistItem>> read(int pageSize)
    {
        PlexConfig c;
        c.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        c.token = QStringLiteral("t");
        c.client.clientIdentifier = QStringLiteral("test");
        c.pageSize = pageSize;
        PlexClient plex(&m_nam, c);
        return await<std::vector<pb::PlexPlaylistItem>>(
            [&](auto cb) { plex.playlistItems(QStringLiteral("1"), nullptr, cb); });
    }

    QNetworkAccessManager m_nam;
    QHttpServer m_server;
    quint16 m_port = 0;
    int m_requests = 0;
    int m_errorAt = -1;
};

} // namespace

TEST_F(ClientsPlexPaging, ServerCapsThePageSize)
{
    serve(20, 7, true);
    auto items = read(100);
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    ASSERT_EQ(items->size(), 20u);
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ((*items)[static_cast<size_t>(i)].track.ratingKey, QString::number(i));
    EXPECT_EQ(m_requests, 3); // 7 + 7 + 6
}

TEST_F(ClientsPlexPaging, NoTotalSizeStopsAtTheShortPage)
{
    serve(25, 10, false);
    auto items = read(10);
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    EXPECT_EQ(items->size(), 25u);
    EXPECT_EQ(m_requests, 3);
}

TEST_F(ClientsPlexPaging, NoTotalSizeAndExactMultipleEndsOnTheEmptyPage)
{
    serve(20, 10, false);
    auto items = read(10);
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    EXPECT_EQ(items->size(), 20u);
    EXPECT_EQ(m_requests, 3); // 10, 10, then an empty page
}

TEST_F(ClientsPlexPaging, EmptyPlaylist)
{
    serve(0, 10, true);
    auto items = read(10);
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    EXPECT_TRUE(items->empty());
    EXPECT_EQ(m_requests, 1);
}

TEST_F(ClientsPlexPaging, ManyPagesInParallelKeepTheirOrder)
{
    serve(1003, 5000, true);
    for (const int size : {3, 10, 500, 1002, 1003}) {
        SCOPED_TRACE(size);
        m_requests = 0;
        auto items = read(size);
        ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
        ASSERT_EQ(items->size(), 1003u);
        for (int i = 0; i < 1003; ++i)
            ASSERT_EQ((*items)[static_cast<size_t>(i)].track.ratingKey, QString::number(i));
        EXPECT_EQ(m_requests, (1003 + size - 1) / size);
    }
}

TEST_F(ClientsPlexPaging, ErrorOnAMiddlePageFailsTheRead)
{
    m_errorAt = 50;
    serve(200, 200, true);
    auto items = read(10);
    ASSERT_FALSE(items.ok());
    EXPECT_EQ(items.error().kind, pb::ErrorKind::NotFound);
    EXPECT_LT(m_requests, 20);
}

TEST_F(ClientsPlexPaging, AListThatGrowsBetweenPagesIsReadAgainInOrder)
{
    serve(30, 100, true, 31);
    auto items = read(10);
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    ASSERT_EQ(items->size(), 31u);
    for (int i = 0; i < 31; ++i)
        EXPECT_EQ((*items)[static_cast<size_t>(i)].track.ratingKey, QString::number(i));
}
