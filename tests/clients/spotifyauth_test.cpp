// The PKCE sign-in end to end against the fake accounts service. The "browser" is a second
// QNetworkAccessManager that opens the authorization URL and follows the redirect itself.
#include "fakefixture.h"

#include "pb/clients/spotifyauthflow.h"

#include <QNetworkReply>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;

namespace {

class ClientsSpotifyAuth : public FakesTest {
protected:
    void SetUp() override { startFakes(); }

    SpotifyAuthOptions options()
    {
        SpotifyAuthOptions o;
        o.config = spotifyConfig();
        return o;
    }

    /// Opens `url` like a browser: GET /authorize, then (unless stopAtRedirect) GET the Location.
    void browse(QUrl url, std::function<QUrl(QUrl)> rewriteLocation = {}, bool stopAtRedirect = false)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_browser.get(req);
        QObject::connect(reply, &QNetworkReply::finished, reply, [=, this] {
            reply->deleteLater();
            m_authorizeStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            m_authorizeBody = reply->readAll();
            QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
            if (!location.isValid() || location.isEmpty())
                return;
            if (rewriteLocation)
                location = rewriteLocation(location);
            m_location = location;
            if (stopAtRedirect)
                return;
            QNetworkReply *cb = m_browser.get(QNetworkRequest(location));
            QObject::connect(cb, &QNetworkReply::finished, cb, [=, this] {
                cb->deleteLater();
                m_callbackStatus = cb->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                m_callbackBody = cb->readAll();
            });
        });
    }

    static QUrl withParam(QUrl url, const QString &key, const QString &value)
    {
        QUrlQuery q(url);
        q.removeAllQueryItems(key);
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(q);
        return url;
    }

    QNetworkAccessManager m_browser;
    int m_authorizeStatus = 0;
    QByteArray m_authorizeBody;
    QUrl m_location;
    int m_callbackStatus = 0;
    QByteArray m_callbackBody;
};

} // namespace

TEST_F(ClientsSpotifyAuth, SignInEndToEnd)
{
    SpotifyAuthFlow flow(&m_nam, options());
    QUrl opened;
    flow.setBrowserHook([&](const QUrl &url) {
        opened = url;
        browse(url);
    });
    auto tokens = await<SpotifyTokens>([&](auto cb) { ASSERT_TRUE(flow.start(nullptr, cb).ok()); });
    ASSERT_TRUE(tokens.ok()) << tokens.error().toString().toStdString();
    EXPECT_TRUE(tokens->hasAccessToken());
    EXPECT_TRUE(tokens->hasRefreshToken());
    EXPECT_GT(tokens->expiresAt, QDateTime::currentDateTimeUtc());
    EXPECT_FALSE(flow.isListening()); // closed after the callback

    const QUrlQuery q(opened);
    EXPECT_EQ(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    EXPECT_FALSE(q.queryItemValue(QStringLiteral("state")).isEmpty());
    const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    EXPECT_EQ(redirect.host(), QStringLiteral("127.0.0.1"));
    EXPECT_GT(redirect.port(), 0);
    EXPECT_EQ(redirect.path(), QStringLiteral("/callback"));
    EXPECT_TRUE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                    .contains(QStringLiteral("playlist-read-private")));

    spin(100);
    EXPECT_EQ(m_callbackStatus, 200);
    EXPECT_TRUE(m_callbackBody.contains("Signed in"));

    SpotifyClient client(&m_nam, spotifyConfig(), *tokens);
    auto me = await<pb::SpotifyUser>([&](auto cb) { client.currentUser(nullptr, cb); });
    ASSERT_TRUE(me.ok()) << me.error().toString().toStdString();
}

TEST_F(ClientsSpotifyAuth, WrongVerifierIsRefused)
{
    SpotifyAuthFlow flow(&m_nam, options());
    // The browser reports a challenge of another verifier: the exchange with ours must fail.
    const QByteArray other = SpotifyAuthFlow::makeCodeVerifier();
    flow.setBrowserHook([&](const QUrl &url) {
        browse(withParam(url, QStringLiteral("code_challenge"),
                         QString::fromLatin1(SpotifyAuthFlow::codeChallenge(other))));
    });
    auto tokens = await<SpotifyTokens>([&](auto cb) { ASSERT_TRUE(flow.start(nullptr, cb).ok()); });
    ASSERT_FALSE(tokens.ok());
    EXPECT_EQ(tokens.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(tokens.error().code, QStringLiteral("invalid_grant"));
    EXPECT_TRUE(tokens.error().message.contains(QStringLiteral("code_verifier")));
    EXPECT_FALSE(flow.isListening());
}

TEST_F(ClientsSpotifyAuth, MismatchedStateStopsTheSignIn)
{
    SpotifyAuthFlow flow(&m_nam, options());
    flow.setBrowserHook([&](const QUrl &url) {
        browse(url, [](QUrl location) {
            return withParam(location, QStringLiteral("state"), QStringLiteral("forged"));
        });
    });
    auto tokens = await<SpotifyTokens>([&](auto cb) { ASSERT_TRUE(flow.start(nullptr, cb).ok()); });
    ASSERT_FALSE(tokens.ok());
    EXPECT_EQ(tokens.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(tokens.error().code, QStringLiteral("state_mismatch"));
    EXPECT_FALSE(flow.isListening());
    EXPECT_EQ(count(QStringLiteral("^/api/token$")), 0); // the code was never exchanged
    spin(100);
    EXPECT_EQ(m_callbackStatus, 400);
}

TEST_F(ClientsSpotifyAuth, LocalhostRedirectIsRefused)
{
    // The flow itself refuses to build a localhost redirect...
    SpotifyAuthOptions o = options();
    o.redirectHost = QStringLiteral("localhost");
    SpotifyAuthFlow refused(&m_nam, o);
    bool called = false;
    const pb::Status r = refused.start(nullptr, [&](pb::Result<SpotifyTokens>) { called = true; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("localhost")));
    EXPECT_FALSE(refused.isListening());
    spin(20);
    EXPECT_FALSE(called); // reported once, through the returned Status

    // ...and Spotify (the fake) refuses one too: no redirect, an error page.
    SpotifyAuthFlow flow(&m_nam, options());
    flow.setBrowserHook([&](const QUrl &url) {
        QUrl redirect(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        redirect.setHost(QStringLiteral("localhost"));
        browse(withParam(url, QStringLiteral("redirect_uri"), redirect.toString()));
    });
    std::optional<pb::Result<SpotifyTokens>> result;
    ASSERT_TRUE(flow.start(nullptr, [&](pb::Result<SpotifyTokens> t) { result.emplace(std::move(t)); }).ok());
    for (int i = 0; i < 50 && m_authorizeStatus == 0; ++i)
        spin(20);
    EXPECT_EQ(m_authorizeStatus, 400);
    EXPECT_TRUE(m_authorizeBody.contains("Invalid redirect URI"));
    EXPECT_FALSE(result.has_value());
    flow.cancel();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->error().kind, ErrorKind::Cancelled);
}

TEST_F(ClientsSpotifyAuth, CancelClosesTheListener)
{
    SpotifyAuthFlow flow(&m_nam, options());
    std::optional<pb::Result<SpotifyTokens>> result;
    ASSERT_TRUE(flow.start(nullptr, [&](pb::Result<SpotifyTokens> t) { result.emplace(std::move(t)); }).ok());
    EXPECT_TRUE(flow.isListening());
    const quint16 port = static_cast<quint16>(flow.redirectUri().port());
    flow.cancel();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->error().kind, ErrorKind::Cancelled);
    EXPECT_FALSE(flow.isListening());
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    EXPECT_FALSE(probe.waitForConnected(1000)); // nobody listens any more
}

TEST_F(ClientsSpotifyAuth, DeclinedInTheBrowser)
{
    pb::fakes::FakeOptions o;
    o.denyAuthorization = true;
    fakes().setOptions(o);
    SpotifyAuthFlow flow(&m_nam, options());
    flow.setBrowserHook([&](const QUrl &url) { browse(url); });
    auto tokens = await<SpotifyTokens>([&](auto cb) { ASSERT_TRUE(flow.start(nullptr, cb).ok()); });
    ASSERT_FALSE(tokens.ok());
    EXPECT_EQ(tokens.error().kind, ErrorKind::AuthRequired);
    EXPECT_EQ(tokens.error().code, QStringLiteral("access_denied"));
}

TEST_F(ClientsSpotifyAuth, PastedRedirectUrlCompletesTheSignIn)
{
    SpotifyAuthFlow flow(&m_nam, options());
    flow.setBrowserHook([&](const QUrl &url) { browse(url, {}, true); });
    std::optional<pb::Result<SpotifyTokens>> result;
    ASSERT_TRUE(flow.start(nullptr, [&](pb::Result<SpotifyTokens> t) { result.emplace(std::move(t)); }).ok());
    for (int i = 0; i < 100 && m_location.isEmpty(); ++i)
        spin(20);
    ASSERT_FALSE(m_location.isEmpty());
    ASSERT_TRUE(flow.completeWithRedirectUrl(m_location).ok());
    for (int i = 0; i < 100 && !result; ++i)
        spin(20);
    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(result->ok()) << result->error().toString().toStdString();
}

TEST_F(ClientsSpotifyAuth, TimesOutWhenTheBrowserNeverReturns)
{
    SpotifyAuthOptions o = options();
    o.timeout = std::chrono::milliseconds(200);
    SpotifyAuthFlow flow(&m_nam, o);
    auto tokens = await<SpotifyTokens>([&](auto cb) { ASSERT_TRUE(flow.start(nullptr, cb).ok()); });
    ASSERT_FALSE(tokens.ok());
    EXPECT_EQ(tokens.error().kind, ErrorKind::Timeout);
    EXPECT_FALSE(flow.isListening());
}

TEST_F(ClientsSpotifyAuth, RegistrationHelpNamesRedirectAndScopes)
{
    const QString help = SpotifyAuthFlow::registrationHelp();
    EXPECT_TRUE(help.contains(QStringLiteral("http://127.0.0.1/callback")));
    EXPECT_TRUE(help.contains(QStringLiteral("playlist-read-private")));
    EXPECT_TRUE(help.contains(QStringLiteral("user-library-read")));
    EXPECT_TRUE(help.contains(QStringLiteral("localhost")));
    EXPECT_EQ(SpotifyAuthFlow::codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
              QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")); // RFC 7636 appendix B
}
