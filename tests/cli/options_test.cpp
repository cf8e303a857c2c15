// The command line itself: global options before the command name, the same options after it,
// usage errors, and the faults file going through the fakes' own parser.
#include "cliprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include <gtest/gtest.h>

namespace {

using pb::cli::test::CliEnvironment;
using pb::cli::test::CliRun;

QJsonArray playlistsOf(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("playlists")).toArray();
}

TEST(CliOptions, DemoBeforeTheCommandListsTheDemoPlaylists)
{
    const CliEnvironment env;
    const CliRun r =
        env.run({QStringLiteral("--demo"), QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_GE(playlistsOf(r).size(), 3);
}

TEST(CliOptions, DemoAfterTheCommandStillWorksAndGivesTheSameList)
{
    const CliEnvironment env;
    const CliRun before =
        env.run({QStringLiteral("--demo"), QStringLiteral("playlists"), QStringLiteral("--json")});
    const CliRun after =
        env.run({QStringLiteral("playlists"), QStringLiteral("--json"), QStringLiteral("--demo")});
    ASSERT_EQ(after.exitCode, 0) << after.text().toStdString();
    EXPECT_EQ(playlistsOf(before), playlistsOf(after));
}

TEST(CliOptions, GlobalLatencyAndSyncDryRunBeforeTheCommand)
{
    const CliEnvironment env;
    const CliRun list =
        env.run({QStringLiteral("--demo"), QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0);
    const QString id = playlistsOf(list).at(0).toObject().value(QStringLiteral("id")).toString();
    const CliRun r =
        env.run({QStringLiteral("--demo"), QStringLiteral("--latency-ms"), QStringLiteral("1"),
                 QStringLiteral("sync"), id, QStringLiteral("--dry-run"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    const QJsonObject first = playlistsOf(r).at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
    EXPECT_TRUE(first.value(QStringLiteral("dryRun")).toBool());
}

TEST(CliOptions, FaultsFileBeforeTheCommandIsAppliedToTheFakes)
{
    QTemporaryFile faults;
    ASSERT_TRUE(faults.open());
    // Every playlist read fails for good: the command must fail, proving the file was used.
    faults.write(
        R"([{"kind": "status", "status": 401, "service": "spotify-api", "path": "^/v1/", "count": -1}])");
    faults.close();
    const CliEnvironment env;
    const CliRun r = env.run({QStringLiteral("--demo"), QStringLiteral("--faults"), faults.fileName(),
                              QStringLiteral("playlists")});
    EXPECT_NE(r.exitCode, 0) << r.text().toStdString();
}

TEST(CliOptions, RetryAfterExtensionIsStillAccepted)
{
    QTemporaryFile faults;
    ASSERT_TRUE(faults.open());
    faults.write(R"([{"kind": "status", "status": 429, "path": "^/v1/me/playlists", "retryAfter": 0}])");
    faults.close();
    const CliEnvironment env;
    const CliRun r = env.run({QStringLiteral("--demo"), QStringLiteral("--faults=") + faults.fileName(),
                              QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_GE(playlistsOf(r).size(), 3);
}

TEST(CliOptions, BadFaultsFileIsAUsageErrorNamingTheEntry)
{
    QTemporaryFile faults;
    ASSERT_TRUE(faults.open());
    faults.write(R"([{"kind": "status"}, {"kind": "explode"}])");
    faults.close();
    const CliEnvironment env;
    const CliRun r = env.run({QStringLiteral("--demo"), QStringLiteral("--faults"), faults.fileName(),
                              QStringLiteral("playlists")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.text().contains(QStringLiteral("faults[1]"))) << r.text().toStdString();
}

TEST(CliOptions, UnknownGlobalOptionAndMissingCommandAreUsageErrors)
{
    const CliEnvironment env;
    EXPECT_EQ(env.run({QStringLiteral("--bogus"), QStringLiteral("playlists")}).exitCode, 2);
    EXPECT_EQ(env.run({QStringLiteral("--demo")}).exitCode, 2);
    EXPECT_EQ(env.run({QStringLiteral("--latency-ms")}).exitCode, 2);
    EXPECT_EQ(env.run({QStringLiteral("no-such-command")}).exitCode, 2);
    EXPECT_EQ(
        env.run({QStringLiteral("--latency-ms"), QStringLiteral("5"), QStringLiteral("playlists")}).exitCode,
        2); // --latency-ms needs --demo
}

TEST(CliOptions, HelpListsEveryCommand)
{
    const CliEnvironment env;
    const CliRun r = env.run({QStringLiteral("--help")});
    EXPECT_EQ(r.exitCode, 0);
    for (const char *c : {"playlists", "sync", "status", "match-eval", "login", "logout"})
        EXPECT_TRUE(r.text().contains(QString::fromLatin1(c))) << c;
}

TEST(CliOptions, WithoutAccountsPlaylistsSaysHowToSignIn)
{
    const CliEnvironment env;
    const CliRun r = env.run({QStringLiteral("playlists")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.text().contains(QStringLiteral("login"))) << r.text().toStdString();
}

TEST(CliOptions, SyncAllLeavesOutThePlaylistsSpotifyWillNotLetItReadAndSucceeds)
{
    // The demo lists a followed playlist the user neither owns nor collaborates on; a
    // scheduled `sync --all` must not fail because of it.
    const CliEnvironment env;
    const CliRun list =
        env.run({QStringLiteral("--demo"), QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0);
    const CliRun r = env.run({QStringLiteral("--demo"), QStringLiteral("sync"), QStringLiteral("--all"),
                              QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    const QJsonArray synced = playlistsOf(r);
    EXPECT_EQ(synced.size(), playlistsOf(list).size() - 1);
    for (const auto &p : synced) {
        const QJsonObject o = p.toObject();
        EXPECT_EQ(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"))
            << o.value(QStringLiteral("message")).toString().toStdString();
        EXPECT_NE(o.value(QStringLiteral("playlist")).toObject().value(QStringLiteral("name")).toString(),
                  QStringLiteral("Today's Top Hits"));
    }
    const QString err = QString::fromUtf8(r.err);
    EXPECT_TRUE(err.contains(QStringLiteral("left out 1 playlist Spotify does not let apps read")))
        << r.err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("Today's Top Hits")));

    // Named explicitly, it is still tried and its failure says why.
    const CliRun named =
        env.run({QStringLiteral("--demo"), QStringLiteral("sync"), QStringLiteral("Today's Top Hits")});
    EXPECT_EQ(named.exitCode, 1);
    EXPECT_TRUE(named.text().contains(QStringLiteral("own or collaborate on"))) << named.text().toStdString();
}

} // namespace
