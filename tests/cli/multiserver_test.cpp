// `login plex` on an account with two servers (tests/data/fakes/two_servers_world.json): the
// shared "Alex's Den" listed first with one music library, and the owned "Home Server" with
// Movies (key 1, listed first), Rock (4), Jazz (7) and TV Shows. The CLI runs as a process
// against the fakes on their own thread; every choice is checked in the saved settings, and
// the saved account then syncs into the chosen library of the chosen server.
#include "cliprocess.h"

#include "pb/fakes/fakeservicesthread.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using pb::cli::test::CliEnvironment;
using pb::cli::test::CliRun;

const QString kDenId = QStringLiteral("5d3e7a1c9b2f40e6a8c4d1b7e9f2a3c5b6d7e8f9");
const QString kHomeId = QStringLiteral("a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0");

pb::fakes::World twoServers()
{
    auto w = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
    return w ? std::move(w).value() : pb::fakes::World{};
}

class CliMultiServer : public ::testing::Test {
protected:
    explicit CliMultiServer(pb::fakes::World world = twoServers()) : m_fakes({}, std::move(world)) {}

    void SetUp() override
    {
        ASSERT_TRUE(m_fakes.start().ok());
        pb::fakes::FakeServices *f = m_fakes.services();
        ASSERT_EQ(f->plexServerCount(), 2) << "the two-server fixture did not load";
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_SPOTIFY_ACCOUNTS_URL"), f->spotifyAccountsUrl().toString());
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_SPOTIFY_API_URL"), f->spotifyApiUrl().toString());
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_PLEX_TV_URL"), f->plexTvUrl().toString());
    }

    CliRun login(const QStringList &extra = {})
    {
        return m_env.run(QStringList{QStringLiteral("login"), QStringLiteral("plex")} + extra);
    }

    QString setting(const char *key) const
    {
        return m_env.settingsValue(QStringLiteral("accounts/plex/") + QString::fromLatin1(key));
    }

    void expectNothingSaved() const
    {
        EXPECT_TRUE(setting("serverUrl").isEmpty());
        EXPECT_TRUE(setting("sectionKey").isEmpty());
        QFile f(m_env.configHome() + QStringLiteral("/PlaylistBridge/playlist-bridge/secrets.json"));
        EXPECT_FALSE(f.open(QIODevice::ReadOnly) && f.readAll().contains("plex/server-token"));
    }

    /// `login spotify`, completed by pasting the address the fake /authorize redirects to.
    CliRun loginSpotify() { return m_env.loginSpotifyByPasting(m_nam); }

    pb::fakes::FakeServicesThread m_fakes;
    CliEnvironment m_env;
    QNetworkAccessManager m_nam;
};

TEST_F(CliMultiServer, DefaultIsTheOwnedServerAndItsFirstMusicLibraryAndTheUserIsToldHowToChoose)
{
    const CliRun r = login();
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    const QString text = r.text();
    // Both servers are named; the owned one wins although plex.tv lists the shared one first.
    EXPECT_TRUE(text.contains(QStringLiteral("2 servers"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Alex's Den"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("--server"))) << text.toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kHomeId);
    EXPECT_EQ(setting("serverName"), QStringLiteral("Home Server"));
    EXPECT_EQ(QUrl(setting("serverUrl")).port(), m_fakes.services()->plexServerUrl(1).port());
    // The first *music* library: Movies (key 1) comes first on the server but is never offered.
    EXPECT_EQ(setting("sectionKey"), QStringLiteral("4"));
    EXPECT_EQ(setting("sectionTitle"), QStringLiteral("Rock"));
    EXPECT_TRUE(text.contains(QStringLiteral("Jazz"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("--section"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("Movies"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("TV Shows"))) << text.toStdString();
    // The chosen server's own token is saved, not the account's or the other server's.
    QFile secrets(m_env.configHome() + QStringLiteral("/PlaylistBridge/playlist-bridge/secrets.json"));
    ASSERT_TRUE(secrets.open(QIODevice::ReadOnly));
    const QByteArray stored = secrets.readAll();
    EXPECT_TRUE(stored.contains(m_fakes.services()->plexServerToken(1).toUtf8()));
    EXPECT_FALSE(stored.contains(m_fakes.services()->plexServerToken(0).toUtf8()));
    for (int i = 0; i < 2; ++i)
        EXPECT_FALSE(r.out.contains(m_fakes.services()->plexServerToken(i).toUtf8()) ||
                     r.err.contains(m_fakes.services()->plexServerToken(i).toUtf8()));
}

TEST_F(CliMultiServer, ServerByNamePicksTheOtherServer)
{
    const CliRun r = login({QStringLiteral("--server"), QStringLiteral("alex's den")}); // case-insensitive
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kDenId);
    EXPECT_EQ(setting("serverName"), QStringLiteral("Alex's Den"));
    EXPECT_EQ(QUrl(setting("serverUrl")).port(), m_fakes.services()->plexServerUrl(0).port());
    EXPECT_EQ(setting("sectionKey"), QStringLiteral("1"));
    EXPECT_EQ(setting("sectionTitle"), QStringLiteral("Music"));
    EXPECT_FALSE(r.text().contains(QStringLiteral("choose another with --server"))) << r.text().toStdString();

    // By machine identifier as well.
    const CliRun byId = login({QStringLiteral("--server"), kHomeId});
    ASSERT_EQ(byId.exitCode, 0) << byId.text().toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kHomeId);
}

TEST_F(CliMultiServer, SectionByTitleOrKeyPicksTheSecondMusicLibrary)
{
    const CliRun r = login({QStringLiteral("--section"), QStringLiteral("jazz")});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kHomeId);
    EXPECT_EQ(setting("sectionKey"), QStringLiteral("7"));
    EXPECT_EQ(setting("sectionTitle"), QStringLiteral("Jazz"));
    EXPECT_FALSE(r.text().contains(QStringLiteral("choose another with --section")))
        << r.text().toStdString();

    const CliRun byKey = login({QStringLiteral("--server"), QStringLiteral("Home Server"),
                                QStringLiteral("--section"), QStringLiteral("7")});
    ASSERT_EQ(byKey.exitCode, 0) << byKey.text().toStdString();
    EXPECT_EQ(setting("sectionTitle"), QStringLiteral("Jazz"));
}

TEST_F(CliMultiServer, UnknownServerOrLibraryIsNotFoundAndSavesNothing)
{
    const CliRun server = login({QStringLiteral("--server"), QStringLiteral("Cabin")});
    EXPECT_EQ(server.exitCode, 4) << server.text().toStdString();
    EXPECT_TRUE(server.err.contains("Cabin")) << server.text().toStdString();
    EXPECT_TRUE(server.err.contains("Alex's Den") && server.err.contains("Home Server"))
        << server.text().toStdString(); // lists what exists
    expectNothingSaved();

    const CliRun section = login({QStringLiteral("--section"), QStringLiteral("Classical")});
    EXPECT_EQ(section.exitCode, 4) << section.text().toStdString();
    EXPECT_TRUE(section.err.contains("Rock") && section.err.contains("Jazz")) << section.text().toStdString();
    expectNothingSaved();

    // A movie library exists on the server but is not a music library: not found, by title or key.
    for (const QString &movies : {QStringLiteral("Movies"), QStringLiteral("1")}) {
        const CliRun r = login(
            {QStringLiteral("--server"), QStringLiteral("Home Server"), QStringLiteral("--section"), movies});
        EXPECT_EQ(r.exitCode, 4) << r.text().toStdString();
        EXPECT_FALSE(r.text().contains(QStringLiteral("Movies ("))) << r.text().toStdString();
        expectNothingSaved();
    }
    // A library of the other server is not one of this server's.
    const CliRun other = login({QStringLiteral("--server"), QStringLiteral("Alex's Den"),
                                QStringLiteral("--section"), QStringLiteral("Jazz")});
    EXPECT_EQ(other.exitCode, 4) << other.text().toStdString();
    expectNothingSaved();
}

TEST_F(CliMultiServer, TheSavedChoiceSyncsIntoTheChosenLibraryOfTheChosenServer)
{
    const CliRun plex = login({QStringLiteral("--section"), QStringLiteral("Jazz")});
    ASSERT_EQ(plex.exitCode, 0) << plex.text().toStdString();
    const CliRun spotify = loginSpotify();
    ASSERT_EQ(spotify.exitCode, 0) << spotify.text().toStdString();

    const CliRun sync =
        m_env.run({QStringLiteral("sync"), QStringLiteral("Jazz Evening"), QStringLiteral("--json"),
                   QStringLiteral("--db"), m_env.configHome() + QStringLiteral("/state.sqlite")});
    ASSERT_EQ(sync.exitCode, 0) << sync.text().toStdString();
    const QJsonArray results =
        QJsonDocument::fromJson(sync.out).object().value(QStringLiteral("playlists")).toArray();
    ASSERT_EQ(results.size(), 1) << sync.text().toStdString();
    EXPECT_EQ(results.at(0).toObject().value(QStringLiteral("matched")).toInt(), 3)
        << sync.text().toStdString();

    // Written on the Home Server, from its Jazz library (7001..7003), not from Rock's "Take
    // Five" (4001) and not on the shared server, which has a "Take Five" of its own (1001).
    pb::fakes::FakeServices *f = m_fakes.services();
    EXPECT_TRUE(f->plexPlaylists(0).empty());
    std::vector<pb::fakes::FakePlexPlaylist> home = f->plexPlaylists(1);
    const auto it = std::find_if(home.begin(), home.end(), [](const pb::fakes::FakePlexPlaylist &p) {
        return p.title.contains(QStringLiteral("Jazz Evening"));
    });
    ASSERT_NE(it, home.end());
    EXPECT_EQ(f->plexPlaylistItems(it->ratingKey, 1),
              (std::vector<QString>{QStringLiteral("7001"), QStringLiteral("7002"), QStringLiteral("7003")}));
    // Every search went to the chosen section of the chosen server.
    int searches = 0;
    for (const auto &req : f->requestLog()) {
        if (req.service != pb::fakes::Service::PlexServer)
            continue;
        EXPECT_EQ(req.plexServer, 1) << req.toString().toStdString();
        if (req.path.startsWith(QStringLiteral("/library/sections/")) && req.path.size() > 18) {
            EXPECT_TRUE(req.path.startsWith(QStringLiteral("/library/sections/7/")))
                << req.toString().toStdString();
            ++searches;
        }
        if (req.path == QLatin1String("/hubs/search")) {
            EXPECT_TRUE(req.query.contains(QStringLiteral("sectionId=7"))) << req.toString().toStdString();
            ++searches;
        }
    }
    EXPECT_GT(searches, 0);
}

/// The same world with both servers named "Home Server" (a server is named after its host by
/// default, so two machines called "home" are not unusual).
class CliSameNamedServers : public CliMultiServer {
protected:
    CliSameNamedServers() : CliMultiServer(sameNamed()) {}
    static pb::fakes::World sameNamed()
    {
        pb::fakes::World w = twoServers();
        w.plex.name = QStringLiteral("Home Server");
        return w;
    }
};

TEST_F(CliSameNamedServers, AreToldApartByMachineIdentifier)
{
    const CliRun r = login();
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kHomeId); // still the owned one
    // The listing shows what --server needs to pick the other one.
    EXPECT_TRUE(r.text().contains(QStringLiteral("--server ") + kDenId)) << r.text().toStdString();

    const CliRun ambiguous = login({QStringLiteral("--server"), QStringLiteral("Home Server")});
    EXPECT_EQ(ambiguous.exitCode, 2) << ambiguous.text().toStdString();
    EXPECT_TRUE(ambiguous.err.contains(kDenId.toUtf8()) && ambiguous.err.contains(kHomeId.toUtf8()))
        << ambiguous.text().toStdString();

    const CliRun byId = login({QStringLiteral("--server"), kDenId});
    ASSERT_EQ(byId.exitCode, 0) << byId.text().toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kDenId);
    EXPECT_EQ(QUrl(setting("serverUrl")).port(), m_fakes.services()->plexServerUrl(0).port());
}

/// The same world with the shared server offline: plex.tv still lists it, but every one of its
/// connections points at a closed port.
class CliOfflineServer : public CliMultiServer {
protected:
    CliOfflineServer() : CliMultiServer(offline()) {}
    static pb::fakes::World offline()
    {
        pb::fakes::World w = twoServers();
        w.plex.connections = {QStringLiteral("dead-local"), QStringLiteral("dead-remote")};
        return w;
    }
};

TEST_F(CliOfflineServer, ChoosingAnUnreachableServerIsOneClearErrorAndSavesNothing)
{
    const CliRun r = login({QStringLiteral("--server"), QStringLiteral("Alex's Den")});
    EXPECT_EQ(r.exitCode, 1) << r.text().toStdString();
    const QStringList lines = QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_TRUE(lines.last().startsWith(QStringLiteral("login plex: "))) << r.text().toStdString();
    expectNothingSaved();

    // The reachable one is still there for the default.
    const CliRun home = login();
    ASSERT_EQ(home.exitCode, 0) << home.text().toStdString();
    EXPECT_EQ(setting("machineIdentifier"), kHomeId);
}

} // namespace
