// ServiceBackend's sign-in half: Spotify (PKCE + loopback) and Plex (PIN or URL + token),
// then saving what was connected. Secrets go only to the SecretStore.
#include "pb/app/servicebackend.h"

#include "pb/clients/accountsettings.h"

#include "pb/clients/connectionprober.h"
#include "pb/clients/plexclient.h"
#include "pb/clients/plextvclient.h"
#include "pb/clients/secretstore.h"
#include "pb/clients/spotifyauthflow.h"
#include "pb/clients/spotifyclient.h"
#include "pb/core/logging.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QSettings>

#include <algorithm>
#include <memory>
#include <optional>

namespace pb::app {

namespace {

void ignore(pb::Status) {}

} // namespace

void ServiceBackend::openBrowser(const QUrl &url)
{
    if (m_openBrowser)
        m_openBrowser(url);
    else
        QDesktopServices::openUrl(url);
}

pb::clients::SecretStore *ServiceBackend::secrets()
{
    if (!m_secrets)
        m_secrets = pb::clients::createSystemSecretStore();
    return m_secrets.get();
}

QString ServiceBackend::spotifyRedirectUri() const
{
    const pb::clients::SpotifyAuthOptions defaults;
    return QStringLiteral("http://%1%2").arg(defaults.redirectHost, defaults.callbackPath);
}

QStringList ServiceBackend::spotifyScopes() const
{
    return pb::clients::spotifyScopes();
}

void ServiceBackend::connectSpotify(const QString &clientId, QObject *ctx, GuiCallback<SpotifyUser> done)
{
    cancelSpotifySignIn();
    pb::clients::SpotifyAuthOptions options;
    options.config = pb::clients::SpotifyConfig::fromEnvironment(clientId);
    auto *flow = new pb::clients::SpotifyAuthFlow(m_network, options, this);
    m_spotifyAuth = flow;
    flow->setBrowserHook([this](const QUrl &url) { openBrowser(url); });
    const QPointer<QObject> guard(ctx);
    auto finish = [this, flow, guard, done](pb::Result<SpotifyUser> r) {
        flow->deleteLater();
        if (guard)
            done(std::move(r));
    };
    const pb::Status started =
        flow->start(this, [this, clientId, options, finish](pb::Result<pb::clients::SpotifyTokens> tokens) {
            if (!tokens.ok())
                return finish(tokens.error());
            // Who signed in: needed for the account bar and to tell owned playlists apart.
            auto *client = new pb::clients::SpotifyClient(m_network, options.config, *tokens, this);
            client->currentUser(this, [this, client, clientId, tokens = *tokens,
                                       finish](pb::Result<SpotifyUser> user) {
                client->deleteLater();
                if (!user.ok())
                    return finish(user.error());
                QSettings settings;
                pb::clients::saveSpotifyAccount(settings, {clientId, user->id, user->displayName});
                secrets()->write(QString::fromLatin1(pb::clients::kSecretSpotifyRefreshToken),
                                 tokens.refreshToken, this, [this, user = *user, finish](pb::Status saved) {
                                     if (!saved.ok())
                                         return finish(saved.error());
                                     finish(user);
                                     Q_EMIT accountsSaved();
                                 });
            });
        });
    if (!started.ok())
        finish(started.error());
}

void ServiceBackend::cancelSpotifySignIn()
{
    if (m_spotifyAuth)
        m_spotifyAuth->cancel();
}

void ServiceBackend::connectPlexWithPin(QObject *ctx, GuiCallback<std::vector<PlexServerChoice>> done)
{
    cancelPlexSignIn();
    auto info = pb::clients::PlexClientInfo::forThisInstall();
    auto *tv =
        new pb::clients::PlexTvClient(m_network, pb::clients::PlexTvConfig::fromEnvironment(info), this);
    const QPointer<QObject> guard(ctx);
    auto fail = [tv, guard, done](const pb::Error &e) {
        tv->deleteLater();
        if (guard)
            done(e);
    };
    m_plexCalls.push_back(
        tv->createPin(this, [this, tv, info, guard, done, fail](pb::Result<pb::clients::PlexPin> pin) {
            if (!pin.ok())
                return fail(pin.error());
            openBrowser(tv->authUrl(*pin));
            m_plexCalls.push_back(tv->waitForPin(
                *pin, {}, this, [this, tv, info, guard, done, fail](pb::Result<QString> token) {
                    if (!token.ok())
                        return fail(token.error());
                    m_plexCalls.push_back(tv->servers(
                        *token, this,
                        [this, tv, info, guard, done,
                         fail](pb::Result<std::vector<pb::clients::PlexResource>> rs) {
                            if (!rs.ok())
                                return fail(rs.error());
                            tv->deleteLater();
                            // Probe every server's connections; keep the ones that answer, in a
                            // stable order whichever answers first: the account's own servers
                            // first (the one preselected, as `login plex` picks it), then shared
                            // ones, each in plex.tv's order.
                            auto *prober = new pb::clients::ConnectionProber(
                                m_network, info, std::chrono::milliseconds(4000), this);
                            std::vector<pb::clients::PlexResource> ordered = *rs;
                            std::stable_partition(ordered.begin(), ordered.end(),
                                                  [](const pb::clients::PlexResource &r) { return r.owned; });
                            auto found =
                                std::make_shared<std::vector<std::optional<pb::PlexServer>>>(ordered.size());
                            auto left = std::make_shared<int>(static_cast<int>(ordered.size()));
                            if (*left == 0) {
                                prober->deleteLater();
                                if (guard)
                                    done(std::vector<PlexServerChoice>{});
                                return;
                            }
                            for (size_t i = 0; i < ordered.size(); ++i) {
                                auto probed = [this, prober, found, left, guard, done,
                                               i](pb::Result<pb::PlexServer> server) {
                                    if (server.ok())
                                        (*found)[i] = *server;
                                    if (--*left > 0)
                                        return;
                                    prober->deleteLater();
                                    std::vector<pb::PlexServer> reachable;
                                    for (const auto &s : *found) {
                                        if (s)
                                            reachable.push_back(*s);
                                    }
                                    if (guard)
                                        describeServers(std::move(reachable), guard, done);
                                };
                                m_plexCalls.push_back(prober->probe(ordered[i], this, std::move(probed)));
                            }
                        }));
                }));
        }));
}

void ServiceBackend::connectPlexWithToken(const QString &url, const QString &token, QObject *ctx,
                                          GuiCallback<std::vector<PlexServerChoice>> done)
{
    cancelPlexSignIn();
    auto *prober = new pb::clients::ConnectionProber(m_network, pb::clients::PlexClientInfo::forThisInstall(),
                                                     std::chrono::milliseconds(8000), this);
    const QPointer<QObject> guard(ctx);
    m_plexCalls.push_back(prober->probeUrl(QUrl(url), token, {}, this,
                                           [this, prober, guard, done](pb::Result<pb::PlexServer> server) {
                                               prober->deleteLater();
                                               if (!guard)
                                                   return;
                                               if (!server.ok())
                                                   return done(server.error());
                                               describeServers({*server}, guard, done);
                                           }));
}

void ServiceBackend::describeServers(std::vector<pb::PlexServer> servers, QObject *ctx,
                                     GuiCallback<std::vector<PlexServerChoice>> done)
{
    // Each reachable server's music sections, asked in parallel; the choices keep the
    // servers' order, not the order the answers arrive in.
    auto choices = std::make_shared<std::vector<PlexServerChoice>>(servers.size());
    auto left = std::make_shared<int>(static_cast<int>(servers.size()));
    const QPointer<QObject> guard(ctx);
    if (servers.empty())
        return done(std::vector<PlexServerChoice>{});
    for (size_t i = 0; i < servers.size(); ++i) {
        const pb::PlexServer &server = servers[i];
        m_plexCandidates.insert(server.machineIdentifier, server);
        pb::clients::PlexConfig config;
        config.serverUrl = QUrl(server.baseUrl);
        config.token = server.accessToken;
        config.client = pb::clients::PlexClientInfo::forThisInstall();
        auto *client = new pb::clients::PlexClient(m_network, config, this);
        m_plexCalls.push_back(client->musicSections(this, [this, client, server, choices, left, guard, done,
                                                           i](pb::Result<std::vector<pb::PlexSection>> s) {
            client->deleteLater();
            PlexServerChoice choice;
            choice.machineIdentifier = server.machineIdentifier;
            choice.name = server.name.isEmpty() ? server.baseUrl : server.name;
            if (s.ok())
                choice.sections = *s;
            m_plexChoices.insert(choice.machineIdentifier, choice);
            (*choices)[i] = choice;
            if (--*left == 0 && guard)
                done(*choices);
        }));
    }
}

void ServiceBackend::cancelPlexSignIn()
{
    for (const pb::clients::RequestHandle &h : m_plexCalls)
        h.cancel();
    m_plexCalls.clear();
}

pb::Status ServiceBackend::choosePlexLibrary(const QString &machineIdentifier, const QString &sectionKey)
{
    const auto server = m_plexCandidates.constFind(machineIdentifier);
    const auto choice = m_plexChoices.constFind(machineIdentifier);
    if (server == m_plexCandidates.constEnd() || choice == m_plexChoices.constEnd())
        return pb::Error::make(pb::ErrorKind::InvalidInput, tr("Pick a server from the list."));
    QString sectionTitle;
    for (const pb::PlexSection &s : choice->sections) {
        if (s.key == sectionKey)
            sectionTitle = s.title;
    }
    if (sectionTitle.isEmpty())
        return pb::Error::make(pb::ErrorKind::InvalidInput, tr("Pick a music library of that server."));
    QSettings settings;
    pb::clients::savePlexAccount(
        settings, {server->baseUrl, machineIdentifier, choice->name, sectionKey, sectionTitle});
    secrets()->write(QString::fromLatin1(pb::clients::kSecretPlexServerToken), server->accessToken, this,
                     [this](pb::Status saved) {
                         if (!saved.ok())
                             pb::log::ui()->error("could not save the Plex token: {}",
                                                  pb::log::str(saved.error().toString()));
                         Q_EMIT accountsSaved();
                     });
    return {};
}

void ServiceBackend::disconnectSpotify()
{
    QSettings settings;
    pb::clients::forgetSpotifyAccount(settings);
    secrets()->remove(QString::fromLatin1(pb::clients::kSecretSpotifyRefreshToken), this,
                      [this](pb::Status s) {
                          ignore(s);
                          Q_EMIT accountsSaved();
                      });
}

void ServiceBackend::disconnectPlex()
{
    QSettings settings;
    pb::clients::forgetPlexAccount(settings);
    secrets()->remove(QString::fromLatin1(pb::clients::kSecretPlexServerToken), this, [this](pb::Status s) {
        ignore(s);
        Q_EMIT accountsSaved();
    });
}

} // namespace pb::app
