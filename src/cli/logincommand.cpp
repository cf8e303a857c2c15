// playlist-bridge-cli login spotify [--client-id ID] [--timeout SECONDS]
// playlist-bridge-cli login plex [--server NAME] [--section KEY|TITLE] | --url URL --token-stdin
// Headless sign-in: the user opens a printed URL in any browser. Spotify completes when that
// browser reaches the loopback redirect or when the redirected address is pasted on stdin.
// What is saved is exactly what the app's own sign-in saves (accounts.h), so `sync` and the
// app share the accounts.
#include "accounts.h"
#include "awaitcall.h"
#include "clisession.h"
#include "command.h"
#include "login.h"
#include "stdinlines.h"

#include "pb/clients/secretstore.h"
#include "pb/clients/spotifyauthflow.h"
#include "pb/clients/spotifyclient.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QUrlQuery>

#include <cstdio>

namespace pb::cli {

std::optional<QString> optionValue(const QStringList &args, qsizetype &i, const QString &name, bool *missing)
{
    const QString &a = args.at(i);
    if (a.startsWith(name + QLatin1Char('=')))
        return a.mid(name.size() + 1);
    if (a != name)
        return std::nullopt;
    if (i + 1 >= args.size()) {
        *missing = true;
        return QString();
    }
    return args.at(++i);
}

namespace {

const char *kLoginUsage =
    "usage: playlist-bridge-cli login spotify [--client-id ID] [--timeout SECONDS]\n"
    "       playlist-bridge-cli login plex [--server NAME] [--section KEY|TITLE]\n"
    "       playlist-bridge-cli login plex --url URL --token-stdin [--section KEY|TITLE]\n"
    "         (reads the server token from standard input: a prompt without echo on a terminal,\n"
    "          or the first line of a pipe; --token TOKEN also works but shows in ps and history)\n";

/// A pasted line is only handed to the flow when it looks like the redirect: anything else
/// would end the sign-in with a state mismatch.
bool looksLikeRedirect(const QUrl &url)
{
    const QUrlQuery query(url);
    return url.isValid() && !url.scheme().isEmpty() && query.hasQueryItem(QStringLiteral("state")) &&
           (query.hasQueryItem(QStringLiteral("code")) || query.hasQueryItem(QStringLiteral("error")));
}

} // namespace

int loginSpotify(const QStringList &args)
{
    QTextStream out(stdout), err(stderr);
    QString clientId;
    int timeoutSeconds = 600;
    for (qsizetype i = 0; i < args.size(); ++i) {
        bool missing = false;
        if (auto v = optionValue(args, i, QStringLiteral("--client-id"), &missing)) {
            clientId = v->trimmed();
        } else if (auto t = optionValue(args, i, QStringLiteral("--timeout"), &missing)) {
            bool ok = false;
            timeoutSeconds = t->toInt(&ok);
            if (!ok || timeoutSeconds <= 0)
                missing = true;
        } else {
            err << "login spotify: unexpected argument '" << args.at(i) << "'\n" << kLoginUsage;
            return kExitUsage;
        }
        if (missing) {
            err << "login spotify: " << args.at(i) << " needs a value\n" << kLoginUsage;
            return kExitUsage;
        }
    }
    QSettings settings;
    if (clientId.isEmpty()) // a later sign-in reuses the Client ID given the first time
        clientId = clients::savedSpotifyAccount(settings).clientId;
    if (clientId.isEmpty())
        clientId = clients::lastSpotifyClientId(settings);
    clients::SpotifyAuthOptions options;
    options.config = clients::SpotifyConfig::fromEnvironment(clientId);
    options.timeout = std::chrono::seconds(timeoutSeconds);
    if (clientId.isEmpty()) {
        err << "login spotify: give the Client ID of your Spotify app with --client-id ID.\n\n"
            << clients::SpotifyAuthFlow::registrationHelp(options) << '\n';
        return kExitUsage;
    }

    QNetworkAccessManager nam;
    clients::SpotifyAuthFlow flow(&nam, options);
    flow.setBrowserHook([&](const QUrl &url) {
        const QString redirect = flow.redirectUri().toString();
        out << clients::SpotifyAuthFlow::registrationHelp(options) << "\n\n"
            << "Open this address in a browser and allow access:\n\n  " << url.toString(QUrl::FullyEncoded)
            << "\n\nWaiting for the browser to come back to " << redirect << " ...\n"
            << "If the browser runs on another machine, its last page will not load: copy the address\n"
            << "it shows (it starts with " << redirect << "?) and paste it here, then press Enter.\n";
        out.flush();
    });
    QEventLoop loop;
    std::optional<Result<clients::SpotifyTokens>> tokens;
    const Status started = flow.start(&loop, [&](Result<clients::SpotifyTokens> r) {
        tokens.emplace(std::move(r));
        loop.quit();
    });
    if (!started) {
        err << "login spotify: " << started.error().message << '\n';
        return exitCodeFor(started.error());
    }
    const StdinLines pasted([&](const QString &line) {
        if (line.isEmpty() || tokens)
            return;
        const QUrl url(line);
        if (!looksLikeRedirect(url)) {
            err << "login spotify: that is not the redirected address; paste the whole address, starting "
                << flow.redirectUri().toString() << "?\n";
            err.flush();
            return;
        }
        if (const Status s = flow.completeWithRedirectUrl(url); !s) {
            err << "login spotify: " << s.error().message << '\n';
            err.flush();
        }
    });
    if (!tokens)
        loop.exec();
    if (!*tokens) {
        err << "login spotify: " << tokens->error().message << '\n';
        return exitCodeFor(tokens->error());
    }

    // Who signed in: the app shows it and needs it to tell owned playlists apart.
    clients::SpotifyClient spotify(&nam, options.config, **tokens);
    const auto user = awaitCall<SpotifyUser>([&](QObject *ctx, clients::Callback<SpotifyUser> done) {
        spotify.currentUser(ctx, std::move(done));
    });
    if (!user) {
        err << "login spotify: signed in, but reading the account failed: " << user.error().toString()
            << '\n';
        return exitCodeFor(user.error());
    }
    Secrets secrets;
    const QString refreshToken =
        spotify.tokens().refreshToken.isEmpty() ? (*tokens)->refreshToken : spotify.tokens().refreshToken;
    if (const Status saved = secrets.write(clients::kSecretSpotifyRefreshToken, refreshToken); !saved) {
        err << "login spotify: could not save the sign-in: " << saved.error().toString() << '\n';
        return kExitFailure;
    }
    clients::setLastSpotifyClientId(settings, clientId);
    clients::saveSpotifyAccount(settings, {clientId, user->id, user->displayName});
    out << "Signed in to Spotify as " << (user->displayName.isEmpty() ? user->id : user->displayName) << " ("
        << user->id << "). The sign-in is kept in the " << secrets.backendName() << ".\n";
    return kExitOk;
}

namespace {

int runLogin(const QStringList &args)
{
    QTextStream err(stderr);
    if (args.isEmpty()) {
        err << kLoginUsage;
        return kExitUsage;
    }
    if (args.first() == QLatin1String("spotify"))
        return loginSpotify(args.mid(1));
    if (args.first() == QLatin1String("plex"))
        return loginPlex(args.mid(1));
    if (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        QTextStream(stdout) << kLoginUsage;
        return kExitOk;
    }
    err << "login: sign in to 'spotify' or 'plex' (the session options such as --demo do not apply)\n"
        << kLoginUsage;
    return kExitUsage;
}

} // namespace

Command loginCommand()
{
    return {"login",
            "Sign in without the app: login spotify --client-id ID | login plex [--url URL --token-stdin]",
            &runLogin};
}

} // namespace pb::cli
