// Headless sign-in end to end: `login plex` (PIN approved by the fake plex.tv, resources with a
// dead connection first, the live one probed), `login spotify` completed by pasting the
// redirected address on stdin or by the browser reaching the loopback listener, then
// `playlists` and `sync` on the saved accounts (no --demo), and `logout`. The CLI runs as a
// process with isolated config/data homes and no D-Bus, so secrets go to the file store.
// `--token-stdin` is tested from a pipe and from a pseudo-terminal (echo off, restored).
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
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace {

using pb::cli::test::CliEnvironment;
using pb::cli::test::CliRun;

const QString kClientId = QStringLiteral("0123456789abcdef0123456789abcdef");

/// A pseudo-terminal for the CLI's standard input: the test types on the master side and sees
/// there whatever the terminal echoes; `slave` (kept open) shows the terminal's settings.
struct PseudoTerminal {
    int master = -1;
    int slave = -1;
    QString slavePath;

    PseudoTerminal()
    {
        master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
            return;
        slavePath = QString::fromLocal8Bit(::ptsname(master));
        slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    }
    ~PseudoTerminal()
    {
        if (slave >= 0)
            ::close(slave);
        if (master >= 0)
            ::close(master);
    }
    bool ok() const { return master >= 0 && slave >= 0; }
    bool echoIsOn() const
    {
        struct termios t {};
        return ::tcgetattr(slave, &t) == 0 && (t.c_lflag & ECHO);
    }
    void type(const QByteArray &text) const
    {
        [[maybe_unused]] auto n = ::write(master, text.data(), text.size());
    }
    /// Everything the terminal has shown (echoed) so far.
    QByteArray shown() const
    {
        QByteArray all;
        char buf[512];
        ssize_t n;
        while ((n = ::read(master, buf, sizeof buf)) > 0)
            all.append(buf, n);
        return all;
    }
};

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
        return m_env.runInteractive(
            {QStringLiteral("login"), QStringLiteral("spotify"), QStringLiteral("--client-id"), kClientId},
            QRegularExpression(QStringLiteral("(http://\\S+/authorize\\?\\S+)")),
            [&](QProcess &p, const QRegularExpressionMatch &m) { browser(p, QUrl(m.captured(1))); });
    }

    /// Starts `login plex --url … --token-stdin` with the terminal `tty` as its standard input.
    void startTokenPrompt(QProcess &p, const PseudoTerminal &tty)
    {
        p.setProcessEnvironment(m_env.environment());
        p.setStandardInputFile(tty.slavePath);
        p.start(CliEnvironment::program(),
                {QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--url"),
                 m_fakes.services()->plexServerUrl().toString(), QStringLiteral("--token-stdin")});
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

/// The lines of a command's stderr that are the shared HTTP core's transfer warnings (or Qt's).
QStringList networkWarningsIn(const QByteArray &err)
{
    QStringList found;
    for (const QString &line : QString::fromUtf8(err).split(QLatin1Char('\n'))) {
        if (line.contains(QStringLiteral("[net]")) ||
            line.contains(QStringLiteral("refused"), Qt::CaseInsensitive) ||
            line.contains(QStringLiteral("Could not talk")))
            found << line;
    }
    return found;
}

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

TEST_F(CliLogin, PlexTokenPipedOnStdinIsUsedAndSavedButNeverShown)
{
    const QString url = m_fakes.services()->plexServerUrl().toString();
    const QString token = m_fakes.services()->plexServerToken();
    const QStringList args = {QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--url"), url,
                              QStringLiteral("--token-stdin")};
    const CliRun wrong = m_env.run(args, "not-the-token\n");
    EXPECT_EQ(wrong.exitCode, 3) << wrong.text().toStdString(); // the piped token is the one used
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl")).isEmpty());

    // Only the first line is the token; a Windows line end and spaces around it are not part of it.
    const CliRun r = m_env.run(args, "  " + token.toUtf8() + " \r\nsecond line\n");
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    EXPECT_EQ(m_env.settingsValue(QStringLiteral("accounts/plex/machineIdentifier")),
              m_fakes.services()->plexMachineIdentifier());
    EXPECT_TRUE(secretsFile().contains("plex/server-token"));
    EXPECT_FALSE(r.text().contains(QStringLiteral("Plex token:"))) << "a pipe gets no prompt";
    EXPECT_FALSE(r.text().contains(QStringLiteral("--token-stdin avoids"))) << "no advice for the safe form";
    expectNoSecretsIn(r.out + r.err, QStringLiteral("login plex --token-stdin"));
    expectNoSecretsIn(settingsFile(), QStringLiteral("the settings file"));
    EXPECT_FALSE(settingsFile().contains(token.toUtf8()));
}

TEST_F(CliLogin, PlexTokenStdinEmptyOrMisusedIsAUsageError)
{
    const QString url = m_fakes.services()->plexServerUrl().toString();
    const QStringList args = {QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--url"), url,
                              QStringLiteral("--token-stdin")};
    for (const QByteArray &input : {QByteArray(), QByteArray("\n"), QByteArray("   \r\n")}) {
        const CliRun r = m_env.run(args, input);
        EXPECT_EQ(r.exitCode, 2) << r.text().toStdString();
        EXPECT_TRUE(r.text().contains(QStringLiteral("no token"))) << r.text().toStdString();
    }
    const CliRun huge = m_env.run(args, QByteArray(10000, 'x'));
    EXPECT_EQ(huge.exitCode, 2) << huge.text().toStdString();
    const CliRun both = m_env.run(args + QStringList{QStringLiteral("--token"), QStringLiteral("t")}, "t\n");
    EXPECT_EQ(both.exitCode, 2) << both.text().toStdString();
    const CliRun noUrl =
        m_env.run({QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--token-stdin")},
                  m_fakes.services()->plexServerToken().toUtf8() + '\n');
    EXPECT_EQ(noUrl.exitCode, 2) << noUrl.text().toStdString();
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl")).isEmpty());
    EXPECT_FALSE(secretsFile().contains("plex/server-token"));
}

TEST_F(CliLogin, PlexTokenTypedOnATerminalIsNotEchoedAndEchoComesBack)
{
    PseudoTerminal tty;
    ASSERT_TRUE(tty.ok());
    ASSERT_TRUE(tty.echoIsOn());
    QProcess p;
    startTokenPrompt(p, tty);
    QByteArray err;
    // Type only once echo is off: turning it off discards what was typed before the prompt.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            err += p.readAllStandardError();
            return (err.contains("Plex token: ") && !tty.echoIsOn()) || p.state() == QProcess::NotRunning;
        },
        60000))
        << err.toStdString();
    ASSERT_EQ(p.state(), QProcess::Running) << err.toStdString();
    const QByteArray token = m_fakes.services()->plexServerToken().toUtf8();
    tty.type(token + '\n');
    ASSERT_TRUE(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
    err += p.readAllStandardError();
    const QByteArray out = p.readAllStandardOutput();
    EXPECT_EQ(p.exitCode(), 0) << QByteArray(out + err).toStdString();
    EXPECT_FALSE(tty.shown().contains(token)) << "the terminal echoed the token";
    EXPECT_TRUE(tty.echoIsOn()) << "echo was not turned back on";
    EXPECT_TRUE(secretsFile().contains("plex/server-token"));
    expectNoSecretsIn(out + err, QStringLiteral("login plex --token-stdin on a terminal"));
}

TEST_F(CliLogin, CtrlCAtTheTokenPromptTurnsEchoBackOn)
{
    PseudoTerminal tty;
    ASSERT_TRUE(tty.ok());
    QProcess p;
    startTokenPrompt(p, tty);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !tty.echoIsOn() || p.state() == QProcess::NotRunning; }, 60000));
    ASSERT_EQ(p.state(), QProcess::Running);
    tty.type("half-typed"); // still in the line buffer when Ctrl-C comes
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    ASSERT_TRUE(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
    EXPECT_EQ(p.exitStatus(), QProcess::CrashExit) << "SIGINT still ends the process";
    EXPECT_TRUE(tty.echoIsOn()) << "Ctrl-C left the terminal without echo";
    EXPECT_TRUE(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl")).isEmpty());
}

TEST_F(CliLogin, ProbingADeadConnectionIsNotAWarningButNoAnswerIsOneClearError)
{
    // The fakes list a dead connection before the live one: the PIN login must not report it.
    const CliRun pin = m_env.run({QStringLiteral("login"), QStringLiteral("plex")});
    ASSERT_EQ(pin.exitCode, 0) << pin.text().toStdString();
    EXPECT_EQ(QUrl(m_env.settingsValue(QStringLiteral("accounts/plex/serverUrl"))).port(),
              m_fakes.services()->plexServerUrl().port());
    const QStringList warnings = networkWarningsIn(pin.err);
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join(QLatin1Char('\n')).toStdString();

    // Nothing answers at all: exactly one line, the command's own error, naming the address.
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    const QString deadUrl = QStringLiteral("http://127.0.0.1:%1").arg(deadPort);
    const CliRun dead = m_env.run({QStringLiteral("login"), QStringLiteral("plex"), QStringLiteral("--url"),
                                   deadUrl, QStringLiteral("--token-stdin")},
                                  "some-token\n");
    EXPECT_EQ(dead.exitCode, 1) << dead.text().toStdString();
    const QStringList lines = QString::fromUtf8(dead.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1) << dead.err.toStdString();
    EXPECT_TRUE(lines.first().startsWith(QStringLiteral("login plex: "))) << dead.err.toStdString();
    EXPECT_TRUE(lines.first().contains(QString::number(deadPort))) << dead.err.toStdString();
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
