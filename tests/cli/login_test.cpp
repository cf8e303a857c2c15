// Headless sign-in end to end: `login plex` (PIN approved by the fake plex.tv, resources with a
// dead connection first, the live one probed), `login spotify` completed by pasting the
// redirected address on stdin or by the browser reaching the loopback listener, then
// `playlists` and `sync` on the saved accounts (no --demo), and `logout`. The CLI runs as a
// process with isolated config/data homes and no D-Bus, so secrets go to the file store.
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
#include <QUrlQuery>

#include <gtest/gtest.h>

namespace {

using pb::cli::test::CliEnvironment;
using pb::cli::test::CliRun;

const QString kClientId = QStringLiteral("0123456789abcdef0123456789abcdef");

class CliLogin : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_fakes.start().ok());
        pb::fakes::FakeServices *f = m_fakes.services();
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_SPOTIFY_ACCOUNTS_URL"), f->spotifyAccountsUrl().toString());
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_SPOTIFY_API_URL"), f->spotifyApiUrl().toString());
        m_env.set(QStringLiteral("PLAYLIST_BRIDGE_PLEX_TV_URL"), f->plexTvUrl().toString());
    }

    /// Starts `login spotify`, waits for the authorization URL it prints, lets `browser` act on
    /// it, then waits for the command to end.
    CliRun loginSpotify(const std::function<void(QProcess &, const QUrl &authorizeUrl)> &browser)
    {
        QProcess p;
        p.setProcessEnvironment(m_env.environment());
        p.start(CliEnvironment::program(), {QStringLiteral("login"), QStringLiteral("spotify"),
                                            QStringLiteral("--client-id"), kClientId});
        CliRun r;
        QByteArray out;
        const QRegularExpression urlRe(QStringLiteral("(http://\\S+/authorize\\?\\S+)"));
        QRegularExpressionMatch m;
        const bool printed = QTest::qWaitFor(
            [&] {
                out += p.readAllStandardOutput();
                m = urlRe.match(QString::fromUtf8(out));
                return m.hasMatch() || p.state() == QProcess::NotRunning;
            },
            60000);
        if (printed && m.hasMatch())
            browser(p, QUrl(m.captured(1)));
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000))
            p.kill();
        p.waitForFinished(5000);
        r.out = out + p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return r;
    }

    /// The 302 target of the fake /authorize (the fake approves at once): the redirect address.
    QUrl followAuthorize(const QUrl &authorizeUrl)
    {
        QNetworkRequest request(authorizeUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_nam.get(request);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 30000))
            return {};
        const QUrl location = QUrl(QString::fromUtf8(reply->rawHeader("Location")));
        reply->deleteLater();
        return location;
    }

    /// Neither the output nor the settings file may hold a token.
    void expectNoSecretsIn(const QByteArray &text, const QString &what)
    {
        const QByteArray secrets = secretsFile();
        for (const QString &secret :
             {m_fakes.services()->plexServerToken(), m_fakes.services()->plexUserToken()})
            EXPECT_FALSE(text.contains(secret.toUtf8())) << what.toStdString() << " leaks a Plex token";
        // The Spotify refresh token: whatever the file store holds must not be shown.
        const QJsonObject stored = QJsonDocument::fromJson(secrets).object();
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            const QByteArray value = it.value().toString().toUtf8();
            if (value.size() >= 8) {
                EXPECT_FALSE(text.contains(value))
                    << what.toStdString() << " leaks " << it.key().toStdString();
            }
        }
    }

    QByteArray secretsFile() const
    {
        QFile f(m_env.configHome() + QStringLiteral("/PlaylistBridge/playlist-bridge/secrets.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray settingsFile() const
    {
        QFile f(m_env.configHome() + QStringLiteral("/PlaylistBridge/playlist-bridge.conf"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    pb::fakes::FakeServicesThread m_fakes;
    CliEnvironment m_env;
    QNetworkAccessManager m_nam;
};

QJsonArray playlistsOf(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("playlists")).toArray();
}

TEST_F(CliLogin, PlexPinAndPastedSpotifyRedirectThenPlaylistsAndSyncUseTheSavedAccounts)
{
    const CliRun plex = m_env.run({QStringLiteral("login"), QStringLiteral("plex")});
    ASSERT_EQ(plex.exitCode, 0) << plex.text().toStdString();
    EXPECT_TRUE(plex.text().contains(QStringLiteral("Demo Plex Server"))) << plex.text().toStdString();
    EXPECT_EQ(m_env.settingsValue(QStringLiteral("accounts/plex/machineIdentifier")),
              m_fakes.services()->plexMachineIdentifier());
    EXPECT_EQ(QUrl(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl"))).port(),
              m_fakes.services()->plexServerUrl().port()); // the live connection, not the dead one
    EXPECT_FALSE(m_env.settingsValue(QStringLiteral("accounts/plex/sectionKey")).isEmpty());

    QUrl redirect;
    const CliRun spotify = loginSpotify([&](QProcess &p, const QUrl &authorize) {
        redirect = followAuthorize(authorize);
        p.write("not an address\n"); // ignored with a hint, the sign-in goes on
        p.write(redirect.toEncoded() + '\n');
    });
    ASSERT_EQ(spotify.exitCode, 0) << spotify.text().toStdString();
    EXPECT_TRUE(spotify.text().contains(QStringLiteral("http://127.0.0.1/callback"))); // what to register
    EXPECT_TRUE(spotify.text().contains(QStringLiteral("playlist-read-private")));     // the scopes
    EXPECT_TRUE(spotify.text().contains(QStringLiteral("Signed in to Spotify")));
    EXPECT_EQ(m_env.settingsValue(QStringLiteral("accounts/spotify/clientId")), kClientId);
    EXPECT_FALSE(m_env.settingsValue(QStringLiteral("accounts/spotify/userId")).isEmpty());
    const QString code = QUrlQuery(redirect).queryItemValue(QStringLiteral("code"));
    ASSERT_FALSE(code.isEmpty());
    EXPECT_FALSE(spotify.text().contains(code)) << "the authorization code is echoed";

    const CliRun list = m_env.run({QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.text().toStdString();
    const CliRun demo =
        m_env.run({QStringLiteral("--demo"), QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(demo.exitCode, 0);
    EXPECT_GE(playlistsOf(list).size(), 3);
    EXPECT_EQ(playlistsOf(list), playlistsOf(demo)); // the same demo world, through the saved sign-in

    const QString id = playlistsOf(list).at(0).toObject().value(QStringLiteral("id")).toString();
    const CliRun sync =
        m_env.run({QStringLiteral("sync"), id, QStringLiteral("--dry-run"), QStringLiteral("--json"),
                   QStringLiteral("--db"), m_env.configHome() + QStringLiteral("/state.sqlite")});
    ASSERT_EQ(sync.exitCode, 0) << sync.text().toStdString();
    EXPECT_GT(playlistsOf(sync).at(0).toObject().value(QStringLiteral("matched")).toInt(), 0);

    for (const auto &[run, what] : {std::pair{&plex, "login plex"}, std::pair{&spotify, "login spotify"},
                                    std::pair{&list, "playlists"}, std::pair{&sync, "sync"}})
        expectNoSecretsIn(run->out + run->err, QString::fromLatin1(what));
    expectNoSecretsIn(settingsFile(), QStringLiteral("the settings file"));
    EXPECT_TRUE(secretsFile().contains("spotify/refresh-token"));
    EXPECT_TRUE(secretsFile().contains("plex/server-token"));
    const auto perms = QFile::permissions(m_env.configHome() +
                                          QStringLiteral("/PlaylistBridge/playlist-bridge/secrets.json"));
    EXPECT_FALSE(perms & (QFile::ReadGroup | QFile::ReadOther)) << "the secrets file is readable by others";
}

TEST_F(CliLogin, SpotifyCompletesWhenTheBrowserReachesTheLoopbackListener)
{
    QNetworkReply *callback = nullptr;
    const CliRun spotify = loginSpotify([&](QProcess &p, const QUrl &authorize) {
        p.closeWriteChannel(); // nothing will be pasted: stdin at end of input
        callback = m_nam.get(QNetworkRequest(followAuthorize(authorize)));
    });
    ASSERT_EQ(spotify.exitCode, 0) << spotify.text().toStdString();
    EXPECT_FALSE(m_env.settingsValue(QStringLiteral("accounts/spotify/userId")).isEmpty());
    ASSERT_NE(callback, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return callback->isFinished(); }, 10000));
    EXPECT_EQ(callback->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    callback->deleteLater();
    expectNoSecretsIn(spotify.out + spotify.err, QStringLiteral("login spotify"));
}

TEST_F(CliLogin, ForgedRedirectStopsTheSpotifySignInAndSavesNothing)
{
    const CliRun spotify = loginSpotify([&](QProcess &p, const QUrl &authorize) {
        QUrl forged = followAuthorize(authorize);
        QUrlQuery q(forged);
        q.removeAllQueryItems(QStringLiteral("state"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
        forged.setQuery(q);
        p.write(forged.toEncoded() + '\n');
    });
    EXPECT_EQ(spotify.exitCode, 3) << spotify.text().toStdString();
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/spotify/userId")).isEmpty());
    EXPECT_FALSE(secretsFile().contains("spotify/refresh-token"));
}

TEST_F(CliLogin, SpotifyWithoutAClientIdExplainsWhatToRegister)
{
    const CliRun r = m_env.run({QStringLiteral("login"), QStringLiteral("spotify")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.text().contains(QStringLiteral("--client-id")));
    EXPECT_TRUE(r.text().contains(QStringLiteral("http://127.0.0.1/callback")));
}

TEST_F(CliLogin, SpotifySignInNobodyCompletesEndsAtTheTimeoutAndSavesNothing)
{
    const CliRun r =
        m_env.run({QStringLiteral("login"), QStringLiteral("spotify"), QStringLiteral("--client-id"),
                   kClientId, QStringLiteral("--timeout"), QStringLiteral("1")});
    EXPECT_EQ(r.exitCode, 1) << r.text().toStdString();
    EXPECT_TRUE(r.text().contains(QStringLiteral("in time"))) << r.text().toStdString();
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/spotify/clientId")).isEmpty());
}

TEST_F(CliLogin, PlexServerGivenByUrlAndToken)
{
    const QString url = m_fakes.services()->plexServerUrl().toString();
    const CliRun wrong = m_env.run({QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--url"),
                                    url, QStringLiteral("--token"), QStringLiteral("not-the-token")});
    EXPECT_EQ(wrong.exitCode, 3) << wrong.text().toStdString(); // /identity answers, the libraries refuse
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl")).isEmpty());

    const CliRun r = m_env.run({QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--url"), url,
                                QStringLiteral("--token"), m_fakes.services()->plexServerToken()});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_EQ(m_env.settingsValue(QStringLiteral("accounts/plex/machineIdentifier")),
              m_fakes.services()->plexMachineIdentifier());
    expectNoSecretsIn(r.out + r.err, QStringLiteral("login plex --url"));
    expectNoSecretsIn(settingsFile(), QStringLiteral("the settings file"));
}

TEST_F(CliLogin, UnknownServerOrSectionIsNotFoundAndSavesNothing)
{
    const CliRun server = m_env.run({QStringLiteral("login"), QStringLiteral("plex"),
                                     QStringLiteral("--server"), QStringLiteral("Nope")});
    EXPECT_EQ(server.exitCode, 4) << server.text().toStdString();
    EXPECT_TRUE(server.text().contains(QStringLiteral("Demo Plex Server"))); // lists what exists
    const CliRun section = m_env.run({QStringLiteral("login"), QStringLiteral("plex"),
                                      QStringLiteral("--section"), QStringLiteral("Nope")});
    EXPECT_EQ(section.exitCode, 4) << section.text().toStdString();
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl")).isEmpty());
}

TEST_F(CliLogin, LogoutForgetsTheSignIn)
{
    ASSERT_EQ(m_env.run({QStringLiteral("login"), QStringLiteral("plex")}).exitCode, 0);
    ASSERT_TRUE(secretsFile().contains("plex/server-token"));
    const CliRun status =
        m_env.run({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--db"),
                   m_env.configHome() + QStringLiteral("/state.sqlite")});
    ASSERT_EQ(status.exitCode, 0) << status.text().toStdString();
    const QJsonObject accounts =
        QJsonDocument::fromJson(status.out).object().value(QStringLiteral("accounts")).toObject();
    EXPECT_EQ(accounts.value(QStringLiteral("plex")).toObject().value(QStringLiteral("server")).toString(),
              QStringLiteral("Demo Plex Server"));
    EXPECT_TRUE(accounts.value(QStringLiteral("spotify")).isNull());
    const CliRun out = m_env.run({QStringLiteral("logout"), QStringLiteral("plex")});
    EXPECT_EQ(out.exitCode, 0) << out.text().toStdString();
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl")).isEmpty());
    EXPECT_FALSE(secretsFile().contains("plex/server-token"));
    EXPECT_EQ(m_env.run({QStringLiteral("logout"), QStringLiteral("everything")}).exitCode, 2);
    EXPECT_EQ(m_env.run({QStringLiteral("logout")}).exitCode, 0);
    EXPECT_EQ(m_env.run({QStringLiteral("playlists")}).exitCode, 3);
    const CliRun after = m_env.run({QStringLiteral("status"), QStringLiteral("--db"),
                                    m_env.configHome() + QStringLiteral("/state.sqlite")});
    EXPECT_TRUE(after.text().contains(QStringLiteral("login plex"))) << after.text().toStdString();
}

} // namespace
