// A world with several Plex servers (fixture `plex.otherServers`) and several sections per
// server, music and not: parsing, plex.tv resources, and each server on its own listener
// with its own identity, token, sections and playlists.
#include "fakestest.h"

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

const char *kTwoServers = R"({
  "spotify": {"user": {"id": "u"}, "tracks": []},
  "plex": {
    "server": {"name": "First", "machineIdentifier": "aaaa1111aaaa1111"},
    "user": {"token": "account-token"},
    "sections": [{"key": "1", "title": "Music"}],
    "tracks": [{"ratingKey": "11", "title": "One", "artist": "A"}],
    "otherServers": [
      {"name": "Second", "machineIdentifier": "bbbb2222bbbb2222", "owned": false, "sourceTitle": "friend",
       "accessToken": "second-token", "connections": ["dead-local", "remote"],
       "sections": [{"key": "1", "title": "Films", "type": "movie"}, {"key": "2", "title": "Songs"},
                    {"key": "3", "title": "More Songs"}],
       "tracks": [{"ratingKey": "21", "section": "2", "title": "Two", "artist": "B"},
                  {"ratingKey": "31", "section": "3", "title": "Three", "artist": "C"}]}
    ]
  }
})";

class FakesMultiServer : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_fakes.parseWorld(kTwoServers).ok());
        ASSERT_TRUE(m_fakes.start().ok());
    }

    Response get(const QUrl &base, const QString &path, const QByteArray &token)
    {
        Call c;
        QUrl url = base;
        url.setPath(path);
        c.url = url;
        c.headers = {
            {"Accept", "application/json"}, {"X-Plex-Token", token}, {"X-Plex-Client-Identifier", "t"}};
        return send(m_nam, c);
    }

    QNetworkAccessManager m_nam;
    FakeServices m_fakes;
};

} // namespace

TEST(FakesWorldServers, OtherServersAreParsedWithTheAccountAndTheirOwnDefaults)
{
    const auto w = parseWorld(kTwoServers);
    ASSERT_TRUE(w.ok()) << w.error().message.toStdString();
    EXPECT_TRUE(w->plex.owned);
    EXPECT_EQ(w->plex.connections.size(), 4u); // the default: dead local, local, dead remote, relay
    ASSERT_EQ(w->otherPlexServers.size(), 1u);
    const WorldPlex &second = w->otherPlexServers.front();
    EXPECT_EQ(second.name, QStringLiteral("Second"));
    EXPECT_FALSE(second.owned);
    EXPECT_EQ(second.sourceTitle, QStringLiteral("friend"));
    EXPECT_EQ(second.userToken, QStringLiteral("account-token")); // one plex.tv account
    EXPECT_EQ(second.connections, (QStringList{QStringLiteral("dead-local"), QStringLiteral("remote")}));
    ASSERT_EQ(second.sections.size(), 3u);
    EXPECT_EQ(second.sections[0].type, QStringLiteral("movie"));
    EXPECT_EQ(second.sections[1].type, QStringLiteral("artist"));
    EXPECT_EQ(second.tracks.size(), 2u);

    // Without an accessToken another server still gets its own, never the first one's.
    const auto defaults = parseWorld(R"({"spotify":{"user":{"id":"u"},"tracks":[]},"plex":{"tracks":[],
        "otherServers":[{"name":"B","machineIdentifier":"b"}]}})");
    ASSERT_TRUE(defaults.ok()) << defaults.error().message.toStdString();
    EXPECT_NE(defaults->otherPlexServers.front().accessToken, defaults->plex.accessToken);
    EXPECT_TRUE(defaults->otherPlexServers.front().tracks.empty());
}

TEST(FakesWorldServers, BadOtherServersAreNamed)
{
    struct Case {
        const char *plex;
        const char *mentions;
    } cases[] = {
        {R"("otherServers":[{"machineIdentifier":"b"}])", "plex.otherServers[0].name is required"},
        {R"("otherServers":[{"name":"B"}])", "plex.otherServers[0].machineIdentifier is required"},
        {R"("server":{"machineIdentifier":"a"},"otherServers":[{"name":"B","machineIdentifier":"a"}])",
         "already used"},
        {R"("otherServers":[{"name":"B","machineIdentifier":"b","connections":["lan"]}])",
         "plex.otherServers[0].connections[0] must be one of"},
        {R"("otherServers":[{"name":"B","machineIdentifier":"b","owned":"yes"}])",
         "owned must be true or false"},
        {R"("otherServers":[5])", "plex.otherServers[0] must be an object"},
    };
    for (const Case &c : cases) {
        const QByteArray json =
            QByteArray(R"({"spotify":{"user":{"id":"u"},"tracks":[]},"plex":{"tracks":[],)") + c.plex + "}}";
        const auto w = parseWorld(json);
        ASSERT_FALSE(w.ok()) << json.constData();
        EXPECT_TRUE(w.error().message.contains(QString::fromLatin1(c.mentions)))
            << w.error().message.toStdString();
    }
}

TEST_F(FakesMultiServer, ResourcesListEveryServerOnItsOwnListener)
{
    ASSERT_EQ(m_fakes.plexServerCount(), 2);
    ASSERT_NE(m_fakes.plexServerUrl(0).port(), m_fakes.plexServerUrl(1).port());
    EXPECT_EQ(m_fakes.plexServerUrl(0), m_fakes.plexServerUrl());
    EXPECT_TRUE(m_fakes.plexServerUrl(2).isEmpty());

    const Response r = get(m_fakes.plexTvUrl(), QStringLiteral("/api/v2/resources"), "account-token");
    ASSERT_EQ(r.status, 200);
    const Json j = r.json();
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 3u); // the player, then the servers in world order
    const Json &first = j[1];
    const Json &second = j[2];
    EXPECT_EQ(first["clientIdentifier"], "aaaa1111aaaa1111");
    EXPECT_EQ(first["owned"], true);
    EXPECT_TRUE(first["sourceTitle"].is_null());
    EXPECT_EQ(second["clientIdentifier"], "bbbb2222bbbb2222");
    EXPECT_EQ(second["name"], "Second");
    EXPECT_EQ(second["provides"], "server");
    EXPECT_EQ(second["owned"], false);
    EXPECT_EQ(second["sourceTitle"], "friend");
    EXPECT_TRUE(second["ownerId"].is_number());
    EXPECT_EQ(second["accessToken"], "second-token");
    ASSERT_EQ(second["connections"].size(), 2u);
    EXPECT_EQ(second["connections"][0]["local"], true);
    EXPECT_NE(second["connections"][0]["port"], m_fakes.plexServerUrl(1).port()); // dead
    EXPECT_EQ(second["connections"][1]["local"], false);
    EXPECT_EQ(second["connections"][1]["relay"], false);
    EXPECT_EQ(second["connections"][1]["port"], m_fakes.plexServerUrl(1).port());
}

TEST_F(FakesMultiServer, EachServerHasItsOwnIdentityTokenAndSections)
{
    const Response id = get(m_fakes.plexServerUrl(1), QStringLiteral("/identity"), {});
    ASSERT_EQ(id.status, 200);
    EXPECT_EQ(id.json()["MediaContainer"]["machineIdentifier"], "bbbb2222bbbb2222");
    EXPECT_EQ(get(m_fakes.plexServerUrl(0), QStringLiteral("/identity"), {})
                  .json()["MediaContainer"]["machineIdentifier"],
              "aaaa1111aaaa1111");

    // The first server's token is refused by the second; the account token works on both.
    EXPECT_EQ(get(m_fakes.plexServerUrl(1), QStringLiteral("/library/sections"),
                  m_fakes.plexServerToken(0).toUtf8())
                  .status,
              401);
    const Response sections =
        get(m_fakes.plexServerUrl(1), QStringLiteral("/library/sections"), "second-token");
    ASSERT_EQ(sections.status, 200);
    const Json dirs = sections.json()["MediaContainer"]["Directory"];
    ASSERT_EQ(dirs.size(), 3u); // the movie library is listed, as a real server lists it
    EXPECT_EQ(dirs[0]["type"], "movie");
    EXPECT_EQ(dirs[0]["agent"], "tv.plex.agents.movie");
    EXPECT_EQ(dirs[1]["type"], "artist");
    EXPECT_EQ(dirs[1]["title"], "Songs");
    EXPECT_EQ(dirs[2]["title"], "More Songs");
    EXPECT_EQ(get(m_fakes.plexServerUrl(0), QStringLiteral("/library/sections"), "account-token")
                  .json()["MediaContainer"]["Directory"]
                  .size(),
              1u);

    // Section 3 of the second server holds its own tracks.
    Call c;
    QUrl url = m_fakes.plexServerUrl(1);
    url.setPath(QStringLiteral("/library/sections/3/all"));
    url.setQuery(QStringLiteral("type=10"));
    c.url = url;
    c.headers = {{"Accept", "application/json"}, {"X-Plex-Token", "second-token"}};
    const Json tracks = send(m_nam, c).json()["MediaContainer"]["Metadata"];
    ASSERT_EQ(tracks.size(), 1u);
    EXPECT_EQ(tracks[0]["ratingKey"], "31");
    EXPECT_EQ(m_fakes.requestLog().back().plexServer, 1);
}

TEST_F(FakesMultiServer, PlaylistsAreWrittenToTheServerAsked)
{
    Call c;
    c.method = "POST";
    QUrl url = m_fakes.plexServerUrl(1);
    url.setPath(QStringLiteral("/playlists"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("type"), QStringLiteral("audio"));
    q.addQueryItem(QStringLiteral("title"), QStringLiteral("Mine"));
    q.addQueryItem(QStringLiteral("smart"), QStringLiteral("0"));
    q.addQueryItem(
        QStringLiteral("uri"),
        QStringLiteral("server://bbbb2222bbbb2222/com.plexapp.plugins.library/library/metadata/21,31"));
    url.setQuery(q);
    c.url = url;
    c.headers = {{"Accept", "application/json"}, {"X-Plex-Token", "second-token"}};
    ASSERT_EQ(send(m_nam, c).status, 200);
    ASSERT_EQ(m_fakes.plexPlaylists(1).size(), 1u);
    EXPECT_TRUE(m_fakes.plexPlaylists(0).empty());
    EXPECT_EQ(m_fakes.plexPlaylistItems(m_fakes.plexPlaylists(1).front().ratingKey, 1),
              (std::vector<QString>{QStringLiteral("21"), QStringLiteral("31")}));

    // The other server's machine identifier is refused, as a real server refuses it.
    q.removeAllQueryItems(QStringLiteral("uri"));
    q.addQueryItem(
        QStringLiteral("uri"),
        QStringLiteral("server://aaaa1111aaaa1111/com.plexapp.plugins.library/library/metadata/21"));
    url.setQuery(q);
    c.url = url;
    EXPECT_EQ(send(m_nam, c).status, 400);
}

TEST(FakesWorldServers, AWorldWithMoreServersGivenAfterStartGetsListeners)
{
    FakeServices fakes;
    ASSERT_TRUE(fakes.start().ok());
    EXPECT_EQ(fakes.plexServerCount(), 1);
    ASSERT_TRUE(fakes.parseWorld(kTwoServers).ok());
    ASSERT_EQ(fakes.plexServerCount(), 2);
    ASSERT_FALSE(fakes.plexServerUrl(1).isEmpty());
    QNetworkAccessManager nam;
    Call c;
    QUrl url = fakes.plexServerUrl(1);
    url.setPath(QStringLiteral("/identity"));
    c.url = url;
    c.headers = {{"Accept", "application/json"}};
    EXPECT_EQ(send(nam, c).json()["MediaContainer"]["machineIdentifier"], "bbbb2222bbbb2222");
}
