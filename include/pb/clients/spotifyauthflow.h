#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/requesthandle.h"
#include "pb/clients/spotifytokens.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QNetworkAccessManager;

namespace pb::clients {

/// Options of one Spotify sign-in.
struct SpotifyAuthOptions {
    SpotifyConfig config; ///< accountsUrl and clientId are used
    QStringList scopes = spotifyScopes();
    /// Only loopback IP literals are allowed ("127.0.0.1" or "::1"); Spotify refuses "localhost",
    /// so start() refuses it too, with a message that says why.
    QString redirectHost = QStringLiteral("127.0.0.1");
    QString callbackPath = QStringLiteral("/callback");
    bool showDialog = false;
    /// The sign-in fails with ErrorKind::Timeout when the browser never comes back.
    std::chrono::milliseconds timeout{std::chrono::minutes(10)};
};

/// Authorization Code with PKCE (S256): a loopback listener (Qt HttpServer) on a free port of
/// 127.0.0.1, the browser opened through an injectable hook, `state` checked, the code exchanged
/// for tokens. The listener is closed after the callback, on cancel, on timeout and on error.
/// One flow object signs in once.
class SpotifyAuthFlow : public QObject {
    Q_OBJECT
public:
    using BrowserHook = std::function<void(const QUrl &authorizationUrl)>;

    SpotifyAuthFlow(QNetworkAccessManager *nam, SpotifyAuthOptions options, QObject *parent = nullptr);
    ~SpotifyAuthFlow() override;

    /// How the URL is opened. The GUI passes QDesktopServices::openUrl; the CLI prints it;
    /// tests follow the redirect themselves. Without a hook the URL is only logged (no secrets
    /// in it: the challenge and state are not secrets).
    void setBrowserHook(BrowserHook hook);

    /// Binds the listener, builds the authorization URL and opens it. `done` receives the
    /// tokens, or an error (InvalidInput for a bad client id/redirect host, AuthRequired for a
    /// refusal, a state mismatch or invalid_grant, Cancelled, Timeout). When the flow cannot
    /// even start (no client id, a non-loopback host, no free port, started twice) the error is
    /// returned here and `done` never runs.
    pb::Status start(QObject *context, Callback<SpotifyTokens> done);

    /// For a browser on another machine: the user pastes the URL the browser was redirected to.
    /// Same checks as the loopback callback.
    pb::Status completeWithRedirectUrl(const QUrl &redirectedUrl);

    /// Stops the sign-in: listener closed, `done` gets Cancelled.
    void cancel();

    /// http://127.0.0.1:<port>/callback once started; empty before.
    QUrl redirectUri() const;
    /// The URL the browser opens; empty before start().
    QUrl authorizationUrl() const;
    /// Whether the loopback listener is accepting connections.
    bool isListening() const;

    /// What the user registers in the Spotify developer dashboard (redirect URI without a
    /// port, the scopes, Development Mode's 5-user limit), as plain text for the UI and CLI.
    static QString registrationHelp(const SpotifyAuthOptions &options = {});
    /// The S256 challenge of a verifier: base64url(SHA-256(verifier)) without padding.
    static QByteArray codeChallenge(const QByteArray &verifier);
    /// A fresh 64-character verifier from [A-Za-z0-9-._~].
    static QByteArray makeCodeVerifier();

private:
    void handleCallback(const QUrl &url, QString *pageTitle);
    void finish(pb::Result<SpotifyTokens> result);
    void closeListener();

    QNetworkAccessManager *m_nam;
    SpotifyAuthOptions m_options;
    BrowserHook m_browserHook;
    std::unique_ptr<QHttpServer> m_server;
    SpotifyTokenEndpoint *m_tokens = nullptr;
    QPointer<QObject> m_context;
    bool m_hadContext = false;
    Callback<SpotifyTokens> m_done;
    QByteArray m_verifier;
    QString m_state;
    QUrl m_redirectUri;
    QUrl m_authorizationUrl;
    RequestHandle m_exchange;
    bool m_started = false;
    bool m_codeReceived = false;
    bool m_finished = false;
};

} // namespace pb::clients
