#include "pb/clients/spotifyauthflow.h"

#include "httpcore.h"

#include "pb/core/logging.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>

namespace pb::clients {

namespace {

QByteArray randomString(int length)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    QByteArray out;
    out.reserve(length);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out.append(kAlphabet[rng->bounded(static_cast<int>(sizeof(kAlphabet) - 1))]);
    return out;
}

QByteArray page(const QString &title, const QString &text)
{
    return QStringLiteral(
               "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
               "<body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
        .toUtf8();
}

} // namespace

SpotifyAuthFlow::SpotifyAuthFlow(QNetworkAccessManager *nam, SpotifyAuthOptions options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(std::move(options))
{
    m_tokens = new SpotifyTokenEndpoint(m_nam, m_options.config, this);
}

SpotifyAuthFlow::~SpotifyAuthFlow()
{
    m_exchange.cancel();
}

void SpotifyAuthFlow::setBrowserHook(BrowserHook hook)
{
    m_browserHook = std::move(hook);
}

QByteArray SpotifyAuthFlow::makeCodeVerifier()
{
    return randomString(64);
}

QByteArray SpotifyAuthFlow::codeChallenge(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString SpotifyAuthFlow::registrationHelp(const SpotifyAuthOptions &options)
{
    const QString host = options.redirectHost.contains(QLatin1Char(':'))
                             ? QStringLiteral("[%1]").arg(options.redirectHost)
                             : options.redirectHost;
    return QStringLiteral(
               "Playlist Bridge signs in to Spotify with your own Client ID (no client secret is needed).\n"
               "1. Open https://developer.spotify.com/dashboard and create an app (Web API).\n"
               "2. Add this Redirect URI exactly, without a port: http://%1%2\n"
               "   (Spotify refuses \"localhost\"; Playlist Bridge picks a free port when you sign in.)\n"
               "3. Copy the app's Client ID into Playlist Bridge.\n"
               "Scopes requested: %3.\n"
               "In Development Mode an app allows at most 5 users, and the app's owner needs Spotify "
               "Premium.")
        .arg(host, options.callbackPath, options.scopes.join(QStringLiteral(", ")));
}

QUrl SpotifyAuthFlow::redirectUri() const
{
    return m_redirectUri;
}

QUrl SpotifyAuthFlow::authorizationUrl() const
{
    return m_authorizationUrl;
}

bool SpotifyAuthFlow::isListening() const
{
    if (!m_server)
        return false;
    const auto servers = m_server->servers();
    return std::any_of(servers.begin(), servers.end(), [](QTcpServer *s) { return s && s->isListening(); });
}

pb::Status SpotifyAuthFlow::start(QObject *context, Callback<SpotifyTokens> done)
{
    // A flow that cannot start reports only through the returned Status: `done` never runs.
    auto refuse = [&](pb::Error e) -> pb::Status {
        m_finished = true;
        return e;
    };
    if (m_started)
        return refuse(
            pb::Error::make(pb::ErrorKind::InvalidInput, QStringLiteral("This sign-in already started")));
    m_started = true;
    if (m_options.config.clientId.trimmed().isEmpty())
        return refuse(pb::Error::make(pb::ErrorKind::InvalidInput,
                                      QStringLiteral("Enter the Client ID of your Spotify app first.")));
    const QHostAddress address(m_options.redirectHost);
    if (address.isNull() || !address.isLoopback())
        return refuse(pb::Error::make(
            pb::ErrorKind::InvalidInput,
            QStringLiteral("Spotify only accepts loopback IP addresses (127.0.0.1 or ::1) in redirect URIs; "
                           "“%1” is refused (Spotify rejects “localhost” since November 2025).")
                .arg(m_options.redirectHost)));

    m_context = context;
    m_hadContext = context != nullptr;
    m_done = std::move(done);
    m_server = std::make_unique<QHttpServer>();
    m_server->route(m_options.callbackPath, [this](const QHttpServerRequest &request) {
        QString title; // empty = success
        handleCallback(request.url(), &title);
        const bool ok = title.isEmpty();
        return QHttpServerResponse(
            "text/html; charset=utf-8",
            ok ? page(QStringLiteral("Signed in to Spotify"),
                      QStringLiteral("You can close this window and return to Playlist Bridge."))
               : page(title, QStringLiteral("Return to Playlist Bridge and try again.")),
            ok ? QHttpServerResponse::StatusCode::Ok : QHttpServerResponse::StatusCode::BadRequest);
    });
    const quint16 port = m_server->listen(address, 0);
    if (port == 0) {
        m_server.reset();
        m_finished = true;
        return pb::Error::make(pb::ErrorKind::Network,
                               QStringLiteral("Could not open a local port on %1 for the Spotify sign-in")
                                   .arg(m_options.redirectHost));
    }
    m_redirectUri.setScheme(QStringLiteral("http"));
    m_redirectUri.setHost(m_options.redirectHost);
    m_redirectUri.setPort(port);
    m_redirectUri.setPath(m_options.callbackPath);

    m_verifier = makeCodeVerifier();
    m_state = QString::fromLatin1(randomString(32));
    QList<QPair<QString, QString>> query{
        {QStringLiteral("client_id"), m_options.config.clientId},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("scope"), m_options.scopes.join(QLatin1Char(' '))},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
        {QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge(m_verifier))},
        {QStringLiteral("state"), m_state}};
    if (m_options.showDialog)
        query.append({QStringLiteral("show_dialog"), QStringLiteral("true")});
    m_authorizationUrl = detail::joinUrl(m_options.config.accountsUrl, QStringLiteral("/authorize"),
                                         detail::encodeQuery(query));

    QTimer::singleShot(m_options.timeout, this, [this] {
        if (!m_finished && !m_codeReceived)
            finish(pb::Error::make(
                pb::ErrorKind::Timeout,
                QStringLiteral("The Spotify sign-in was not completed in the browser in time.")));
    });
    pb::log::auth()->info("Spotify sign-in listening on {}", m_redirectUri.toDisplayString().toStdString());
    if (m_browserHook)
        m_browserHook(m_authorizationUrl);
    else
        pb::log::auth()->info("open this URL to sign in: {}",
                              m_authorizationUrl.toDisplayString().toStdString());
    return pb::Status();
}

pb::Status SpotifyAuthFlow::completeWithRedirectUrl(const QUrl &redirectedUrl)
{
    if (!m_started || m_finished)
        return pb::Error::make(pb::ErrorKind::InvalidInput, QStringLiteral("No Spotify sign-in is waiting"));
    QString title;
    handleCallback(redirectedUrl, &title);
    if (!title.isEmpty())
        return pb::Error::make(pb::ErrorKind::AuthRequired, title);
    return pb::Status();
}

void SpotifyAuthFlow::handleCallback(const QUrl &url, QString *pageTitle)
{
    if (m_finished || m_codeReceived) {
        *pageTitle = QStringLiteral("This sign-in is already complete");
        return;
    }
    const QUrlQuery query(url);
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state != m_state) {
        // A callback we did not start (or a forged one): stop rather than trust it.
        *pageTitle = QStringLiteral("Sign-in refused: the answer does not belong to this sign-in");
        finish(pb::Error::make(
            pb::ErrorKind::AuthRequired,
            QStringLiteral("The Spotify sign-in was stopped: the answer's state did not match the "
                           "request (a stale or forged redirect). Try again."),
            0, QStringLiteral("state_mismatch")));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        *pageTitle = QStringLiteral("Spotify sign-in was not completed");
        finish(pb::Error::make(error == QLatin1String("access_denied") ? pb::ErrorKind::AuthRequired
                                                                       : pb::ErrorKind::Api,
                               error == QLatin1String("access_denied")
                                   ? QStringLiteral("Access to Spotify was declined in the browser.")
                                   : QStringLiteral("Spotify refused the sign-in (%1).").arg(error),
                               0, error));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        *pageTitle = QStringLiteral("Spotify sent no authorization code");
        finish(pb::Error::make(pb::ErrorKind::Parse, QStringLiteral("Spotify's redirect carried no code.")));
        return;
    }
    m_codeReceived = true;
    closeListener();
    m_exchange = m_tokens->exchangeCode(code, m_redirectUri, QString::fromLatin1(m_verifier), this,
                                        [this](pb::Result<SpotifyTokens> r) { finish(std::move(r)); });
}

void SpotifyAuthFlow::cancel()
{
    if (m_finished)
        return;
    finish(pb::Error::make(pb::ErrorKind::Cancelled, QStringLiteral("Spotify sign-in cancelled")));
    m_exchange.cancel();
}

void SpotifyAuthFlow::closeListener()
{
    if (!m_server)
        return;
    for (QTcpServer *s : m_server->servers()) {
        if (s)
            s->close();
    }
    // The page answering the callback may still be in flight: delete the server a little later.
    QTimer::singleShot(2000, this, [this] {
        if (m_finished)
            m_server.reset();
    });
}

void SpotifyAuthFlow::finish(pb::Result<SpotifyTokens> result)
{
    if (m_finished)
        return;
    m_finished = true;
    closeListener();
    m_verifier.fill('\0');
    auto done = std::move(m_done);
    m_done = nullptr;
    if (!result.ok())
        pb::log::auth()->warn("Spotify sign-in ended: {}", result.error().toString().toStdString());
    else
        pb::log::auth()->info("Spotify sign-in complete");
    if (done && (!m_hadContext || m_context))
        done(std::move(result));
}

} // namespace pb::clients
