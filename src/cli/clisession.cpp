#include "clisession.h"

#include "accounts.h"

#include "pb/clients/secretstore.h"
#include "pb/clients/spotifyclient.h"
#include "pb/fakes/fakeservices.h"
#include "pb/sources/spotifysource.h"
#include "pb/sync/importer.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace pb::cli {

Result<SessionOptions> takeSessionOptions(QStringList &args)
{
    SessionOptions o;
    QStringList rest;
    auto value = [&](int &i, const QString &name) -> std::optional<QString> {
        const QString a = args[i];
        if (a.startsWith(name + QLatin1Char('=')))
            return a.mid(name.size() + 1);
        if (i + 1 < args.size())
            return args[++i];
        return std::nullopt;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--demo")) {
            o.demo = true;
        } else if (a.startsWith(QLatin1String("--demo="))) {
            o.demo = true;
            o.fixture = a.mid(7);
        } else if (a == QLatin1String("--latency-ms") || a.startsWith(QLatin1String("--latency-ms="))) {
            auto v = value(i, QStringLiteral("--latency-ms"));
            bool ok = false;
            o.latencyMs = v ? v->toInt(&ok) : 0;
            if (!ok || o.latencyMs < 0)
                return Error::make(ErrorKind::InvalidInput,
                                   QStringLiteral("--latency-ms needs a number of milliseconds"));
        } else if (a == QLatin1String("--faults") || a.startsWith(QLatin1String("--faults="))) {
            auto v = value(i, QStringLiteral("--faults"));
            if (!v)
                return Error::make(ErrorKind::InvalidInput, QStringLiteral("--faults needs a file"));
            o.faultsFile = *v;
        } else if (a == QLatin1String("--db") || a.startsWith(QLatin1String("--db="))) {
            auto v = value(i, QStringLiteral("--db"));
            if (!v)
                return Error::make(ErrorKind::InvalidInput, QStringLiteral("--db needs a path"));
            o.databasePath = *v;
        } else {
            rest << a;
        }
    }
    if ((o.latencyMs > 0 || !o.faultsFile.isEmpty()) && !o.demo)
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("--latency-ms and --faults need --demo"));
    args = rest;
    return o;
}

Session::~Session()
{
    if (!m_tempDir.isEmpty())
        QDir(m_tempDir).removeRecursively();
}

sync::SyncServiceOptions Session::serviceOptions() const
{
    sync::SyncServiceOptions o;
    o.databasePath = m_options.databasePath;
    if (o.databasePath.isEmpty() && !m_tempDir.isEmpty())
        o.databasePath = m_tempDir + QStringLiteral("/state.sqlite");
    return o;
}

Result<std::unique_ptr<Session>> Session::open(const SessionOptions &options)
{
    std::unique_ptr<Session> s(new Session);
    s->m_options = options;
    if (!options.demo) {
        // The accounts signed in with the app or with `login`: settings + the secret store.
        const QSettings settings;
        const clients::SavedPlexAccount plex = clients::savedPlexAccount(settings);
        const QString clientId = clients::savedSpotifyAccount(settings).clientId;
        const QString serverUrl = plex.serverUrl;
        const QString notSignedIn =
            QStringLiteral("not signed in to %1: run 'playlist-bridge-cli login %2' (or sign in with the "
                           "app), or try --demo");
        if (clientId.isEmpty() && options.needSpotify)
            return Error::make(ErrorKind::AuthRequired,
                               notSignedIn.arg(QStringLiteral("Spotify"), QStringLiteral("spotify")));
        if (serverUrl.isEmpty())
            return Error::make(ErrorKind::AuthRequired,
                               notSignedIn.arg(QStringLiteral("Plex"), QStringLiteral("plex")));
        Secrets secrets;
        const auto refresh =
            clientId.isEmpty() ? std::nullopt : secrets.read(clients::kSecretSpotifyRefreshToken);
        if (!refresh && options.needSpotify)
            return Error::make(ErrorKind::AuthRequired,
                               notSignedIn.arg(QStringLiteral("Spotify"), QStringLiteral("spotify")));
        s->m_hasSpotify = refresh.has_value();
        const auto plexToken = secrets.read(clients::kSecretPlexServerToken);
        if (!plexToken)
            return Error::make(ErrorKind::AuthRequired,
                               notSignedIn.arg(QStringLiteral("Plex"), QStringLiteral("plex")));
        s->m_accounts.spotify = clients::SpotifyConfig::fromEnvironment(clientId);
        s->m_accounts.spotifyTokens.refreshToken = refresh.value_or(QString());
        // Other runs and the app share this token: refreshes take turns and store what they get.
        s->m_accounts.spotifyVault = std::make_shared<clients::SpotifyTokenVault>();
        s->m_accounts.plex.serverUrl = QUrl(serverUrl);
        s->m_accounts.plex.token = *plexToken;
        s->m_accounts.plex.client = clients::PlexClientInfo::forThisInstall();
        s->m_accounts.machineIdentifier = plex.machineIdentifier;
        s->m_sectionKey = plex.sectionKey;
        return s;
    }

    fakes::FakeOptions fo;
    fo.latency = std::chrono::milliseconds(options.latencyMs);
    s->m_fakes = std::make_unique<fakes::FakeServices>(fo);
    if (Status st = s->m_fakes->start(); !st)
        return st.error();
    if (options.fixture.isEmpty()) {
        s->m_fakes->useWorld(fakes::demoWorld());
    } else if (Status st = s->m_fakes->loadWorld(options.fixture); !st) {
        return st.error();
    }
    if (!options.faultsFile.isEmpty()) {
        if (Status st = loadFaults(*s->m_fakes, options.faultsFile); !st)
            return st.error();
    }
    // A demo never touches the real state: it gets a fresh database unless --db says otherwise.
    QTemporaryDir tmp;
    tmp.setAutoRemove(false);
    s->m_tempDir = tmp.path();

    const fakes::SpotifyTokens t = s->m_fakes->issueSpotifyTokens(QStringLiteral("playlist-bridge-demo"));
    auto &a = s->m_accounts;
    a.spotify.accountsUrl = s->m_fakes->spotifyAccountsUrl();
    a.spotify.apiUrl = s->m_fakes->spotifyApiUrl();
    a.spotify.clientId = QStringLiteral("playlist-bridge-demo");
    a.spotifyTokens.accessToken = t.accessToken;
    a.spotifyTokens.refreshToken = t.refreshToken;
    a.spotifyTokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(t.expiresIn);
    a.plex.serverUrl = s->m_fakes->plexServerUrl();
    a.plex.token = s->m_fakes->plexServerToken();
    a.plex.client.clientIdentifier = QStringLiteral("playlist-bridge-cli-demo");
    a.machineIdentifier = s->m_fakes->plexMachineIdentifier();
    return s;
}

Result<std::vector<SourcePlaylist>> Session::playlists()
{
    std::vector<SourcePlaylist> all;
    if (m_hasSpotify) {
        QNetworkAccessManager nam;
        clients::SpotifyClient spotify(&nam, m_accounts.spotify, m_accounts.spotifyTokens);
        spotify.setTokenVault(m_accounts.spotifyVault);
        sources::SpotifySource source(&spotify, {false, {}});
        QEventLoop loop;
        std::optional<Result<std::vector<SourcePlaylist>>> out;
        source.playlists(&loop, [&](Result<std::vector<SourcePlaylist>> r) {
            out.emplace(std::move(r));
            loop.quit();
        });
        if (!out)
            loop.exec();
        updateSpotifyTokens(spotify.tokens());
        if (!*out)
            return out->error();
        all = std::move(**out);
    }
    // Imported playlists are read from the state database: a missing one lists none.
    const QString db = serviceOptions().databasePath;
    if (auto store = sync::StateStore::open(db.isEmpty() ? sync::StateStore::defaultPath() : db)) {
        if (auto imported = (*store)->importedPlaylists()) {
            for (const sync::ImportedPlaylistRecord &r : *imported)
                all.push_back(sync::importedSourcePlaylist(r));
        }
    }
    if (!m_hasSpotify && all.empty())
        return Error::make(
            ErrorKind::AuthRequired,
            QStringLiteral("not signed in to Spotify: run 'playlist-bridge-cli login spotify' (or "
                           "sign in with the app), import a playlist file with "
                           "'playlist-bridge-cli import FILE', or try --demo"));
    return all;
}

Result<SpotifyUser> Session::spotifyUser()
{
    QNetworkAccessManager nam;
    clients::SpotifyClient spotify(&nam, m_accounts.spotify, m_accounts.spotifyTokens);
    spotify.setTokenVault(m_accounts.spotifyVault);
    QEventLoop loop;
    std::optional<Result<SpotifyUser>> out;
    spotify.currentUser(&loop, [&](Result<SpotifyUser> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    updateSpotifyTokens(spotify.tokens());
    return std::move(*out);
}

void Session::updateSpotifyTokens(const clients::SpotifyTokens &tokens)
{
    const bool rotated =
        !tokens.refreshToken.isEmpty() && tokens.refreshToken != m_accounts.spotifyTokens.refreshToken;
    m_accounts.spotifyTokens = tokens;
    // The vault stored it already, under its lock; writing it again here, unlocked, could put
    // back a token another run has since rotated away.
    if (!rotated || m_options.demo || m_accounts.spotifyVault)
        return;
    if (const Status saved = Secrets().write(clients::kSecretSpotifyRefreshToken, tokens.refreshToken);
        !saved)
        QTextStream(stderr) << "warning: could not save Spotify's new refresh token: "
                            << saved.error().toString()
                            << "\nThe next run may need 'playlist-bridge-cli login spotify'.\n";
}

Status loadFaults(fakes::FakeServices &fakes, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("cannot read the faults file %1").arg(path));
    const QByteArray json = f.readAll();
    auto faults = fakes::parseFaults(json);
    if (!faults)
        return faults.error();
    // One extension over the library's format: "retryAfter": N is a Retry-After header.
    const QJsonArray entries = QJsonDocument::fromJson(json).array();
    for (std::size_t i = 0; i < faults->size(); ++i) {
        const QJsonObject o = entries.at(static_cast<qsizetype>(i)).toObject();
        fakes::Fault &fault = (*faults)[i];
        if (o.contains(QStringLiteral("retryAfter")))
            fault.headers.append({QByteArray("Retry-After"),
                                  QByteArray::number(o.value(QStringLiteral("retryAfter")).toInt())});
        if (!fakes.faults().add(fault))
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("faults[%1]: invalid path pattern").arg(i));
    }
    return {};
}

} // namespace pb::cli
