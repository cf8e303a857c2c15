// Spotify paging links the fake never sends: one to another origin (the bearer token must not
// follow it) and one that loops. A tiny QHttpServer plays the Web API.
#include "fakefixture.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace pb::clients;
using namespace pb::clients::testing;

namespace {

class ClientsSpotifyPaging : public ::testing::Test {
protected:
    void serve(std::function<std::string(int offset)> nextFor)
    {
        m_server.route(QStringLiteral("/v1/me/playlists"), [=, this](const QHttpServerRequest &req) {
            ++m_requests;
            const int offset = QUrlQuery(req.url()).queryItemValue(QStringLiteral("offset")).toInt();
            nlohmann::json items =
                nlohmann::json::array({{{"id", "p" + std::to_string(offset)}, {"name", "P"}}});
            const std::string next = nextFor(offset);
            nlohmann::json page{{"items", items}, {"total", 1000}, {"offset", offset}, {"limit", 50}};
            page["next"] = next.empty() ? nlohmann::json(nullptr) : nlohmann::json(next);
            return QHttpServerResponse("application/json", QByteArray::fromStdString(page.dump()));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        ASSERT_NE(m_port, 0);
    }

    pb::Result<std::vector<pb::SourcePlaylist>> read()
    {
        SpotifyConfig c;
        c.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        c.accountsUrl = c.apiUrl;
        c.clientId = QStringLiteral("x");
        SpotifyTokens t;
        t.accessToken = QStringLiteral("access");
        SpotifyClient client(&m_nam, c, t);
        return await<std::vector<pb::SourcePlaylist>>([&](auto cb) { client.playlists(nullptr, cb); });
    }

    std::string base() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    QNetworkAccessManager m_nam;
    QHttpServer m_server;
    quint16 m_port = 0;
    int m_requests = 0;
};

} // namespace

TEST_F(ClientsSpotifyPaging, NextLinkToAnotherOriginIsRefused)
{
    serve([](int) { return std::string("http://evil.example/v1/me/playlists?offset=50&limit=50"); });
    auto r = read();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, pb::ErrorKind::Parse);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("evil.example")));
    EXPECT_EQ(m_requests, 1);
}

TEST_F(ClientsSpotifyPaging, LoopingNextLinkStops)
{
    serve([this](int) { return base() + "/v1/me/playlists?offset=0&limit=50"; });
    auto r = read();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, pb::ErrorKind::Parse);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("loop")));
    EXPECT_EQ(m_requests, 1);
}

TEST_F(ClientsSpotifyPaging, UsersPathInNextStaysOnMePlaylists)
{
    serve([this](int offset) {
        return offset >= 100
                   ? std::string()
                   : base() + "/v1/users/me/playlists?offset=" + std::to_string(offset + 50) + "&limit=50";
    });
    auto r = read();
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ(r->at(2).id, QStringLiteral("p100"));
    EXPECT_EQ(m_requests, 3); // every request hit /v1/me/playlists (the only route served)
}
