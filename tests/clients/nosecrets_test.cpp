// No token, code or verifier reaches a log line: every message the clients emit (before the
// redacting sink) is captured at trace level through a full sign-in, refresh and reads.
#include "fakefixture.h"

#include "pb/clients/plexclient.h"
#include "pb/clients/plextvclient.h"
#include "pb/clients/spotifyauthflow.h"
#include "pb/core/logging.h"

#include <QNetworkReply>
#include <QUrlQuery>

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

using namespace pb::clients;
using namespace pb::clients::testing;

namespace {

class ClientsNoSecrets : public FakesTest {
protected:
    void SetUp() override
    {
        startFakes();
        m_sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_out);
        for (const auto &logger : {pb::log::net(), pb::log::auth()}) {
            logger->sinks().push_back(m_sink);
            m_levels.push_back(logger->level());
            logger->set_level(spdlog::level::trace);
        }
    }
    void TearDown() override
    {
        int i = 0;
        for (const auto &logger : {pb::log::net(), pb::log::auth()}) {
            auto &sinks = logger->sinks();
            sinks.erase(std::remove(sinks.begin(), sinks.end(), m_sink), sinks.end());
            logger->set_level(m_levels[static_cast<size_t>(i++)]);
        }
    }

    /// GET the authorization URL without following; returns the redirect Location.
    QUrl authorize(const QUrl &url)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_nam.get(req);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QUrl::fromEncoded(reply->rawHeader("Location"));
    }

    std::ostringstream m_out;
    std::shared_ptr<spdlog::sinks::ostream_sink_mt> m_sink;
    std::vector<spdlog::level::level_enum> m_levels;
};

} // namespace

TEST_F(ClientsNoSecrets, SignInRefreshReadsAndPinLogNoSecret)
{
    QStringList secrets;
    SpotifyAuthOptions options;
    options.config = spotifyConfig();
    SpotifyAuthFlow flow(&m_nam, options);
    QUrl location;
    flow.setBrowserHook([&](const QUrl &url) {
        secrets << QUrlQuery(url).queryItemValue(QStringLiteral("state"));
        QMetaObject::invokeMethod(
            &flow, [&, url] { location = authorize(url); }, Qt::QueuedConnection);
    });
    std::optional<pb::Result<SpotifyTokens>> tokens;
    ASSERT_TRUE(flow.start(nullptr, [&](pb::Result<SpotifyTokens> t) { tokens.emplace(std::move(t)); }).ok());
    for (int i = 0; i < 200 && location.isEmpty(); ++i)
        spin(10);
    ASSERT_FALSE(location.isEmpty());
    secrets << QUrlQuery(location).queryItemValue(QStringLiteral("code"));
    ASSERT_TRUE(flow.completeWithRedirectUrl(location).ok());
    for (int i = 0; i < 200 && !tokens; ++i)
        spin(10);
    ASSERT_TRUE(tokens && tokens->ok());
    secrets << (*tokens)->accessToken << (*tokens)->refreshToken;

    SpotifyClient spotify(&m_nam, spotifyConfig(), **tokens);
    fakes().expireSpotifyAccessTokens();
    fakes().faults().add(pb::fakes::Fault::httpStatus(500, QStringLiteral("^/v1/me$"), 1));
    auto me = await<pb::SpotifyUser>([&](auto cb) { spotify.currentUser(nullptr, cb); });
    ASSERT_TRUE(me.ok()) << me.error().toString().toStdString();
    secrets << spotify.tokens().accessToken << spotify.tokens().refreshToken;

    PlexTvConfig tv;
    tv.plexTvUrl = fakes().plexTvUrl();
    tv.client.clientIdentifier = QStringLiteral("install");
    tv.policy = fastPolicy();
    PlexTvClient plexTv(&m_nam, tv);
    auto pin = await<PlexPin>([&](auto cb) { plexTv.createPin(nullptr, cb); });
    ASSERT_TRUE(pin.ok());
    PinPollOptions polling;
    polling.interval = std::chrono::milliseconds(10);
    auto userToken = await<QString>([&](auto cb) { plexTv.waitForPin(*pin, polling, nullptr, cb); });
    ASSERT_TRUE(userToken.ok());
    secrets << *userToken << fakes().plexServerToken();

    PlexConfig pc;
    pc.serverUrl = fakes().plexServerUrl();
    pc.token = fakes().plexServerToken();
    pc.client.clientIdentifier = QStringLiteral("install");
    pc.policy = fastPolicy();
    PlexClient plex(&m_nam, pc);
    auto sections = await<std::vector<pb::PlexSection>>([&](auto cb) { plex.musicSections(nullptr, cb); });
    ASSERT_TRUE(sections.ok());

    const QString logged = QString::fromStdString(m_out.str());
    EXPECT_FALSE(logged.isEmpty());
    EXPECT_TRUE(logged.contains(QStringLiteral("/v1/me")));
    for (const QString &secret : std::as_const(secrets)) {
        ASSERT_FALSE(secret.isEmpty());
        EXPECT_FALSE(logged.contains(secret)) << "a secret reached the log";
    }
}
