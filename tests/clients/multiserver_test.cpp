// Choosing among an account's servers and a server's music libraries, through real HTTP
// against the fakes serving two servers (tests/data/fakes/two_servers_world.json): a shared
// one listed first with one music library, and an owned one with a movie library, two music
// libraries and a TV library. plex.tv lists both; each server answers on its own listener,
// with its own identity, token and sections.
#include "fakefixture.h"

#include "pb/clients/connectionprober.h"
#include "pb/clients/plexclient.h"
#include "pb/clients/plextvclient.h"

#include <algorithm>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;

namespace {

const QString kDenId = QStringLiteral("5d3e7a1c9b2f40e6a8c4d1b7e9f2a3c5b6d7e8f9");
const QString kHomeId = QStringLiteral("a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0");

class ClientsMultiServer : public FakesTest {
protected:
    void SetUp() override
    {
        auto world = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
        ASSERT_TRUE(world.ok()) << world.error().toString().toStdString();
        startFakes({}, std::move(world).value());
        ASSERT_EQ(fakes().plexServerCount(), 2);
    }

    std::vector<PlexResource> servers()
    {
        PlexTvConfig config;
        config.plexTvUrl = fakes().plexTvUrl();
        config.client = testPlexClientInfo();
        config.policy = fastPolicy();
        PlexTvClient tv(&m_nam, config);
        auto r = await<std::vector<PlexResource>>(
            [&](auto done) { tv.servers(fakes().plexUserToken(), &m_nam, std::move(done)); });
        EXPECT_TRUE(r.ok()) << r.error().toString().toStdString();
        return r.ok() ? *r : std::vector<PlexResource>{};
    }

    static const PlexResource *byId(const std::vector<PlexResource> &list, const QString &id)
    {
        const auto it = std::find_if(list.begin(), list.end(),
                                     [&](const PlexResource &r) { return r.clientIdentifier == id; });
        return it == list.end() ? nullptr : &*it;
    }

    pb::Result<pb::PlexServer> probe(const PlexResource &server)
    {
        ConnectionProber prober(&m_nam, testPlexClientInfo(), std::chrono::milliseconds(3000));
        return await<pb::PlexServer>([&](auto done) { prober.probe(server, &m_nam, std::move(done)); });
    }

    std::unique_ptr<PlexClient> client(const pb::PlexServer &server, const QString &token)
    {
        PlexConfig c;
        c.serverUrl = QUrl(server.baseUrl);
        c.token = token;
        c.client = testPlexClientInfo();
        c.policy = fastPolicy();
        return std::make_unique<PlexClient>(&m_nam, c);
    }

    pb::Result<std::vector<pb::PlexSection>> sections(PlexClient &plex)
    {
        return await<std::vector<pb::PlexSection>>(
            [&](auto done) { plex.musicSections(&m_nam, std::move(done)); });
    }
};

QStringList titlesOf(const std::vector<pb::PlexSection> &sections)
{
    QStringList out;
    for (const auto &s : sections)
        out << s.title + QLatin1Char('/') + s.key;
    return out;
}

TEST_F(ClientsMultiServer, ResourcesListEveryServerWithItsOwnIdentityTokenAndConnections)
{
    const auto list = servers();
    ASSERT_EQ(list.size(), 2u); // the Plexamp player is not a server
    EXPECT_EQ(list[0].clientIdentifier, kDenId);
    EXPECT_EQ(list[1].clientIdentifier, kHomeId);
    const PlexResource *den = byId(list, kDenId);
    const PlexResource *home = byId(list, kHomeId);
    ASSERT_TRUE(den && home);
    EXPECT_EQ(den->name, QStringLiteral("Alex's Den"));
    EXPECT_FALSE(den->owned);
    EXPECT_EQ(home->name, QStringLiteral("Home Server"));
    EXPECT_TRUE(home->owned);
    EXPECT_EQ(den->accessToken, fakes().plexServerToken(0));
    EXPECT_EQ(home->accessToken, fakes().plexServerToken(1));
    EXPECT_NE(den->accessToken, home->accessToken);
    EXPECT_EQ(den->connections.size(), 4u); // the default four: dead local, local, dead remote, relay
    ASSERT_EQ(home->connections.size(), 3u);
    // Each server's live connections point at its own listener, never at the other's.
    EXPECT_NE(fakes().plexServerUrl(0).port(), fakes().plexServerUrl(1).port());
    int homeLive = 0;
    for (const PlexConnection &c : home->connections) {
        EXPECT_NE(c.uri.port(), fakes().plexServerUrl(0).port()) << c.uri.toString().toStdString();
        homeLive += c.uri.port() == fakes().plexServerUrl(1).port() ? 1 : 0;
    }
    EXPECT_EQ(homeLive, 2); // local and relay; the remote one is dead
}

TEST_F(ClientsMultiServer, ProbingEachServerReachesItsOwnListenerAndIdentity)
{
    const auto list = servers();
    ASSERT_EQ(list.size(), 2u);
    const auto home = probe(*byId(list, kHomeId));
    ASSERT_TRUE(home.ok()) << home.error().toString().toStdString();
    EXPECT_EQ(home->machineIdentifier, kHomeId);
    EXPECT_EQ(QUrl(home->baseUrl).port(), fakes().plexServerUrl(1).port());
    EXPECT_EQ(home->accessToken, fakes().plexServerToken(1));

    const auto den = probe(*byId(list, kDenId));
    ASSERT_TRUE(den.ok()) << den.error().toString().toStdString();
    EXPECT_EQ(den->machineIdentifier, kDenId);
    EXPECT_EQ(QUrl(den->baseUrl).port(), fakes().plexServerUrl(0).port());
}

TEST_F(ClientsMultiServer, SectionsListOnlyTheMusicLibrariesOfTheChosenServer)
{
    const auto list = servers();
    ASSERT_EQ(list.size(), 2u);
    const auto home = probe(*byId(list, kHomeId));
    ASSERT_TRUE(home.ok());
    auto homePlex = client(*home, home->accessToken);
    const auto homeSections = sections(*homePlex);
    ASSERT_TRUE(homeSections.ok()) << homeSections.error().toString().toStdString();
    // Movies (key 1, listed first) and TV Shows are on the server but never offered.
    EXPECT_EQ(titlesOf(*homeSections), (QStringList{QStringLiteral("Rock/4"), QStringLiteral("Jazz/7")}));
    for (const auto &s : *homeSections)
        EXPECT_EQ(s.type, QStringLiteral("artist"));
    EXPECT_EQ(fakes().requestLog().back().plexServer, 1);

    const auto den = probe(*byId(list, kDenId));
    ASSERT_TRUE(den.ok());
    auto denPlex = client(*den, den->accessToken);
    const auto denSections = sections(*denPlex);
    ASSERT_TRUE(denSections.ok()) << denSections.error().toString().toStdString();
    EXPECT_EQ(titlesOf(*denSections), QStringList{QStringLiteral("Music/1")});
}

TEST_F(ClientsMultiServer, TheChosenLibraryIsTheOneSearched)
{
    const auto list = servers();
    const auto home = probe(*byId(list, kHomeId));
    ASSERT_TRUE(home.ok());
    auto plex = client(*home, home->accessToken);
    for (const auto &[section, expected] : {std::pair{QStringLiteral("4"), QStringLiteral("4001")},
                                            std::pair{QStringLiteral("7"), QStringLiteral("7001")}}) {
        PlexTrackQuery q;
        q.sectionKey = section;
        q.title = QStringLiteral("Take Five");
        const auto found = await<std::vector<pb::PlexTrack>>(
            [&](auto done) { plex->searchTracks(q, &m_nam, std::move(done)); });
        ASSERT_TRUE(found.ok()) << found.error().toString().toStdString();
        ASSERT_EQ(found->size(), 1u) << section.toStdString();
        EXPECT_EQ(found->front().ratingKey, expected);
    }
}

TEST_F(ClientsMultiServer, AServerRefusesAnotherServersToken)
{
    const auto list = servers();
    const auto home = probe(*byId(list, kHomeId));
    ASSERT_TRUE(home.ok());
    auto wrong = client(*home, fakes().plexServerToken(0));
    const auto r = sections(*wrong);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::AuthRequired) << r.error().toString().toStdString();
}

} // namespace
