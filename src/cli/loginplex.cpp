// playlist-bridge-cli login plex [--server NAME] [--section KEY|TITLE]
//                                | --url URL (--token-stdin | --token TOKEN) [--section KEY|TITLE]
// The PIN sign-in (approve on app.plex.tv from any browser), the server chosen from the
// account's resources and reached through ConnectionProber, then a music library; or a
// server given by hand. Saved like the app's Connect Plex dialog (accounts.h).
#include "accounts.h"
#include "awaitcall.h"
#include "clisession.h"
#include "command.h"
#include "login.h"
#include "secretinput.h"

#include "pb/clients/connectionprober.h"
#include "pb/clients/plexclient.h"
#include "pb/clients/plextvclient.h"
#include "pb/clients/secretstore.h"

#include <QNetworkAccessManager>
#include <QSettings>

#include <algorithm>
#include <cstdio>

namespace pb::cli {

namespace {

struct PlexLoginOptions {
    QString url;
    QString token; ///< given by the user: the only secret we may ever echo, and we still do not
    bool tokenFromStdin = false;
    QString server;
    QString section;
};

int fail(QTextStream &err, const QString &what, const Error &e)
{
    err << "login plex: " << what << e.toString() << '\n';
    return exitCodeFor(e);
}

/// The server through plex.tv: PIN, approval, resources, then the chosen server probed.
Result<PlexServer> signInWithPin(QNetworkAccessManager &nam, const clients::PlexClientInfo &info,
                                 const QString &wantedServer, QTextStream &out)
{
    clients::PlexTvClient tv(&nam, clients::PlexTvConfig::fromEnvironment(info));
    const auto pin = awaitCall<clients::PlexPin>(
        [&](QObject *ctx, clients::Callback<clients::PlexPin> done) { tv.createPin(ctx, std::move(done)); });
    if (!pin)
        return pin.error();
    out << "Open this page in a browser, sign in to Plex and approve Playlist Bridge:\n\n  "
        << tv.authUrl(*pin).toString(QUrl::FullyEncoded) << "\n\nWaiting for the approval";
    if (pin->expiresAt.isValid())
        out << " (the request expires at " << pin->expiresAt.toLocalTime().toString(QStringLiteral("HH:mm"))
            << ")";
    out << " ...\n";
    out.flush();
    const auto userToken = awaitCall<QString>([&](QObject *ctx, clients::Callback<QString> done) {
        tv.waitForPin(*pin, {}, ctx, std::move(done));
    });
    if (!userToken)
        return userToken.error();
    const auto resources = awaitCall<std::vector<clients::PlexResource>>(
        [&](QObject *ctx, auto done) { tv.servers(*userToken, ctx, std::move(done)); });
    if (!resources)
        return resources.error();
    std::vector<clients::PlexResource> servers;
    for (const clients::PlexResource &r : *resources)
        if (r.isServer())
            servers.push_back(r);
    if (servers.empty())
        return Error::make(ErrorKind::NotFound, QStringLiteral("this Plex account has no Plex Media Server"));

    // Two servers may share a name (a server is named after its host by default): those are
    // listed with their machine identifier, the one --server always accepts.
    auto sameName = [&](const clients::PlexResource &r) {
        return std::count_if(servers.begin(), servers.end(), [&](const clients::PlexResource &o) {
            return o.name.compare(r.name, Qt::CaseInsensitive) == 0;
        });
    };
    const clients::PlexResource *chosen = nullptr;
    QStringList names;
    std::vector<const clients::PlexResource *> named;
    for (const clients::PlexResource &r : servers) {
        QStringList notes;
        if (r.owned)
            notes << QStringLiteral("owned");
        if (sameName(r) > 1)
            notes << QStringLiteral("--server ") + r.clientIdentifier;
        names << (notes.isEmpty()
                      ? r.name
                      : r.name + QStringLiteral(" (") + notes.join(QStringLiteral(", ")) + QLatin1Char(')'));
        if (!wantedServer.isEmpty() && r.clientIdentifier == wantedServer)
            chosen = &r;
        else if (!wantedServer.isEmpty() && r.name.compare(wantedServer, Qt::CaseInsensitive) == 0)
            named.push_back(&r);
    }
    if (!chosen && named.size() == 1)
        chosen = named.front();
    if (!chosen && named.size() > 1)
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("%1 servers on this account are named \"%2\"; choose one by its machine "
                           "identifier: %3")
                .arg(named.size())
                .arg(wantedServer, names.join(QStringLiteral(", "))));
    if (!wantedServer.isEmpty() && !chosen)
        return Error::make(ErrorKind::NotFound,
                           QStringLiteral("no server named \"%1\" on this account; it has: %2")
                               .arg(wantedServer, names.join(QStringLiteral(", "))));
    if (!chosen) {
        for (const clients::PlexResource &r : servers)
            if (!chosen && r.owned)
                chosen = &r;
        if (!chosen)
            chosen = &servers.front();
        if (servers.size() > 1)
            out << "This account has " << servers.size() << " servers: " << names.join(QStringLiteral(", "))
                << ".\nUsing \"" << chosen->name << "\"; choose another with --server NAME.\n";
    }
    out << "Connecting to \"" << chosen->name << "\" ...\n";
    out.flush();
    clients::ConnectionProber prober(&nam, info);
    return awaitCall<PlexServer>([&](QObject *ctx, clients::Callback<PlexServer> done) {
        prober.probe(*chosen, ctx, std::move(done));
    });
}

int runPlexLogin(const PlexLoginOptions &o)
{
    QTextStream out(stdout), err(stderr);
    QNetworkAccessManager nam;
    const clients::PlexClientInfo info = clients::PlexClientInfo::forThisInstall();
    Result<PlexServer> server = Error::make(ErrorKind::Internal, QString());
    if (!o.url.isEmpty()) {
        clients::ConnectionProber prober(&nam, info, std::chrono::milliseconds(8000));
        const QUrl url = QUrl::fromUserInput(o.url);
        server = awaitCall<PlexServer>([&](QObject *ctx, clients::Callback<PlexServer> done) {
            prober.probeUrl(url, o.token, {}, ctx, std::move(done));
        });
    } else {
        server = signInWithPin(nam, info, o.server, out);
    }
    if (!server)
        return fail(err, QString(), server.error());

    clients::PlexConfig config;
    config.serverUrl = QUrl(server->baseUrl);
    config.token = server->accessToken;
    config.client = info;
    clients::PlexClient plex(&nam, config);
    const auto sections = awaitCall<std::vector<PlexSection>>(
        [&](QObject *ctx, auto done) { plex.musicSections(ctx, std::move(done)); });
    if (!sections)
        return fail(err, QStringLiteral("could not read the server's libraries: "), sections.error());
    if (sections->empty()) {
        err << "login plex: the server has no music library\n";
        return kExitNotFound;
    }
    const PlexSection *section = nullptr;
    QStringList titles;
    for (const PlexSection &s : *sections) {
        titles << QStringLiteral("%1 (%2)").arg(s.title, s.key);
        if (!o.section.isEmpty() && !section &&
            (s.key == o.section || s.title.compare(o.section, Qt::CaseInsensitive) == 0))
            section = &s;
    }
    if (!o.section.isEmpty() && !section) {
        err << "login plex: no music library \"" << o.section
            << "\"; the server has: " << titles.join(QStringLiteral(", ")) << '\n';
        return kExitNotFound;
    }
    if (!section) {
        section = &sections->front();
        if (sections->size() > 1)
            out << "The server has " << sections->size()
                << " music libraries: " << titles.join(QStringLiteral(", ")) << ".\nUsing \""
                << section->title << "\"; choose another with --section KEY.\n";
    }

    Secrets secrets;
    if (const Status saved = secrets.write(clients::kSecretPlexServerToken, server->accessToken); !saved)
        return fail(err, QStringLiteral("could not save the sign-in: "), saved.error());
    const QString name = server->name.isEmpty() ? server->baseUrl : server->name;
    QSettings settings;
    clients::savePlexAccount(
        settings, {server->baseUrl, server->machineIdentifier, name, section->key, section->title});
    out << "Connected to the Plex server \"" << name << "\" at " << server->baseUrl << ", music library \""
        << section->title << "\" (section " << section->key << "). The server token is kept in the "
        << secrets.backendName() << ".\n";
    return kExitOk;
}

} // namespace

int loginPlex(const QStringList &args)
{
    QTextStream err(stderr);
    PlexLoginOptions o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        bool missing = false;
        std::optional<QString> v;
        if ((v = optionValue(args, i, QStringLiteral("--url"), &missing)))
            o.url = *v;
        else if ((v = optionValue(args, i, QStringLiteral("--token"), &missing)))
            o.token = *v;
        else if ((v = optionValue(args, i, QStringLiteral("--server"), &missing)))
            o.server = *v;
        else if ((v = optionValue(args, i, QStringLiteral("--section"), &missing)))
            o.section = *v;
        else if (args.at(i) == QLatin1String("--token-stdin")) {
            o.tokenFromStdin = true;
            continue;
        } else {
            err << "login plex: unexpected argument '" << args.at(i) << "'\n";
            return kExitUsage;
        }
        if (missing || v->isEmpty()) {
            err << "login plex: " << args.at(i) << " needs a value\n";
            return kExitUsage;
        }
    }
    if (o.tokenFromStdin && !o.token.isEmpty()) {
        err << "login plex: give the token either with --token-stdin or with --token, not both\n";
        return kExitUsage;
    }
    const bool hasToken = o.tokenFromStdin || !o.token.isEmpty();
    if (o.url.isEmpty() == hasToken) { // one without the other
        err << "login plex: a server given by hand needs both --url URL and the token "
               "(--token-stdin, or --token TOKEN)\n";
        return kExitUsage;
    }
    if (!o.url.isEmpty() && !o.server.isEmpty()) {
        err << "login plex: --server picks among the account's servers; it does not go with --url\n";
        return kExitUsage;
    }
    if (o.tokenFromStdin) {
        // Read only once the arguments are known to be right, so a typo costs no typing.
        Result<QString> token = readSecretLine(QStringLiteral("Plex token: "));
        if (!token) {
            err << "login plex: --token-stdin: " << token.error().message << '\n';
            return exitCodeFor(token.error());
        }
        o.token = std::move(*token);
    } else if (!o.token.isEmpty()) {
        err << "login plex: note: a token given with --token shows in `ps` and stays in the shell "
               "history; --token-stdin avoids both\n";
        err.flush();
    }
    return runPlexLogin(o);
}

} // namespace pb::cli
