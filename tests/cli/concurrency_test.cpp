// Two `sync --all` runs started together on one profile, as the app and a scheduled run will.
// Spotify rotates refresh tokens (a used one is refused once its successor was issued), so
// their refreshes must take turns. The CLI runs as processes against the fakes on their own
// thread, whose token endpoint answers slowly so that the two refreshes overlap every time.
#include "cliprocess.h"

#include "pb/fakes/fakeservicesthread.h"

#include <QNetworkAccessManager>
#include <QProcess>

#include <gtest/gtest.h>

namespace {

using pb::cli::test::CliEnvironment;
using pb::cli::test::CliRun;
using namespace std::chrono_literals;

pb::fakes::World twoServers()
{
    auto w = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
    return w ? std::move(w).value() : pb::fakes::World{};
}

class CliTwoRuns : public ::testing::Test {
protected:
    CliTwoRuns() : m_fakes({}, twoServers()) {}

    void SetUp() override
    {
        ASSERT_TRUE(m_fakes.start().ok());
        pb::fakes::FakeServices *f = m_fakes.services();
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_SPOTIFY_ACCOUNTS_URL"), f->spotifyAccountsUrl().toString());
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_SPOTIFY_API_URL"), f->spotifyApiUrl().toString());
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_PLEX_TV_URL"), f->plexTvUrl().toString());
        const CliRun plex = m_env.run({QStringLiteral("login"), QStringLiteral("plex")});
        ASSERT_EQ(plex.exitCode, 0) << plex.text().toStdString();
        const CliRun spotify = m_env.loginSpotifyByPasting(m_nam);
        ASSERT_EQ(spotify.exitCode, 0) << spotify.text().toStdString();
    }

    int tokenRefreshes() const
    {
        int n = 0;
        for (const auto &req : m_fakes.services()->requestLog())
            n += req.service == pb::fakes::Service::SpotifyAccounts &&
                 req.path == QLatin1String("/api/token") && req.body.contains("grant_type=refresh_token");
        return n;
    }

    /// Neither a sign-in error nor anything but success or "already running".
    static void expectNotSignedOut(const CliRun &r, int round)
    {
        const std::string text = r.text().toStdString();
        EXPECT_NE(r.exitCode, 3) << "round " << round << ": " << text;
        EXPECT_FALSE(r.text().contains(QStringLiteral("sign-in"), Qt::CaseInsensitive) ||
                     r.text().contains(QStringLiteral("Reconnect"), Qt::CaseInsensitive) ||
                     r.text().contains(QStringLiteral("sign in"), Qt::CaseInsensitive))
            << "round " << round << ": " << text;
        const bool busy = r.exitCode == 6 && r.text().contains(QStringLiteral("already running"));
        EXPECT_TRUE(r.exitCode == 0 || busy) << "round " << round << ": exit " << r.exitCode << ": " << text;
    }

    pb::fakes::FakeServicesThread m_fakes;
    CliEnvironment m_env;
    QNetworkAccessManager m_nam;
};

TEST_F(CliTwoRuns, SyncAllStartedTogetherTwentyTimesNeverSignsThePersonOut)
{
    // Each run renews the access token when it starts; a slow answer makes the two overlap.
    pb::fakes::Fault slow = pb::fakes::Fault::delayed(150ms, QStringLiteral("^/api/token$"), -1);
    slow.service = pb::fakes::Service::SpotifyAccounts;
    ASSERT_TRUE(m_fakes.services()->faults().add(slow));
    const int before = tokenRefreshes();
    constexpr int kRounds = 20;
    for (int round = 0; round < kRounds; ++round) {
        const QStringList args{QStringLiteral("sync"), QStringLiteral("--all")};
        const std::unique_ptr<QProcess> first = m_env.start(args);
        const std::unique_ptr<QProcess> second = m_env.start(args);
        const CliRun a = CliEnvironment::finish(*first);
        const CliRun b = CliEnvironment::finish(*second);
        expectNotSignedOut(a, round);
        expectNotSignedOut(b, round);
        if (::testing::Test::HasFailure())
            break;
    }
    // Every run renewed the sign-in (so the refreshes really met), one after the other.
    EXPECT_GE(tokenRefreshes() - before, 2 * kRounds);

    // The stored sign-in still works: a new run renews it and lists the playlists.
    m_fakes.services()->faults().clear();
    const CliRun after = m_env.run({QStringLiteral("playlists")});
    EXPECT_EQ(after.exitCode, 0) << after.text().toStdString();
    EXPECT_TRUE(after.out.contains("Jazz Evening")) << after.text().toStdString();
}

} // namespace
