#include "clisession.h"

#include "pb/clients/secretstore.h"
#include "pb/clients/spotifyclient.h"
#include "pb/fakes/fakeservices.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>

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
        // The accounts signed in with the app: non-secret settings + the secret store.
        QSettings settings;
        const QString clientId = settings.value(QStringLiteral("spotify/clientId")).toString();
        const QString serverUrl = settings.value(QStringLiteral("plex/serverUrl")).toString();
        if (clientId.isEmpty() || serverUrl.isEmpty())
            return Error::make(ErrorKind::AuthRequired,
                               QStringLiteral("not signed in: sign in with the app first, or try --demo"));
        auto secrets = clients::createSystemSecretStore();
        QEventLoop loop;
        QString refresh, plexToken;
        int pending = 2;
        auto got = [&](QString &into) {
            return [&into, &pending, &loop](Result<std::optional<QString>> r) {
                if (r && *r)
                    into = **r;
                if (--pending == 0)
                    loop.quit();
            };
        };
        secrets->read(QString::fromLatin1(clients::kSecretSpotifyRefreshToken), &loop, got(refresh));
        secrets->read(QString::fromLatin1(clients::kSecretPlexServerToken), &loop, got(plexToken));
        loop.exec();
        if (refresh.isEmpty() || plexToken.isEmpty())
            return Error::make(ErrorKind::AuthRequired,
                               QStringLiteral("not signed in: sign in with the app first, or try --demo"));
        s->m_accounts.spotify = clients::SpotifyConfig::fromEnvironment(clientId);
        s->m_accounts.spotifyTokens.refreshToken = refresh;
        s->m_accounts.plex.serverUrl = QUrl(serverUrl);
        s->m_accounts.plex.token = plexToken;
        s->m_accounts.plex.client = clients::PlexClientInfo::forThisInstall();
        s->m_accounts.machineIdentifier = settings.value(QStringLiteral("plex/machineIdentifier")).toString();
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

Result<std::vector<SpotifyPlaylist>> Session::playlists()
{
    QNetworkAccessManager nam;
    clients::SpotifyClient spotify(&nam, m_accounts.spotify, m_accounts.spotifyTokens);
    QEventLoop loop;
    std::optional<Result<std::vector<SpotifyPlaylist>>> out;
    spotify.playlists(&loop, [&](Result<std::vector<SpotifyPlaylist>> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    m_accounts.spotifyTokens = spotify.tokens();
    return std::move(*out);
}

Status loadFaults(fakes::FakeServices &fakes, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("cannot read the faults file %1").arg(path));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray())
        return Error::make(ErrorKind::Parse, QStringLiteral("the faults file must be a JSON array"));
    const qsizetype count = doc.array().size();
    for (qsizetype i = 0; i < count; ++i) {
        const QJsonObject o = doc.array().at(i).toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString(QStringLiteral("status"));
        fakes::Fault fault;
        static const QHash<QString, fakes::FaultKind> kinds = {
            {QStringLiteral("status"), fakes::FaultKind::Status},
            {QStringLiteral("delay"), fakes::FaultKind::Delay},
            {QStringLiteral("reset"), fakes::FaultKind::Reset},
            {QStringLiteral("malformed"), fakes::FaultKind::Malformed},
            {QStringLiteral("html"), fakes::FaultKind::Html},
            {QStringLiteral("timeout"), fakes::FaultKind::Timeout}};
        if (!kinds.contains(kind))
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("faults[%1]: unknown kind \"%2\"").arg(i).arg(kind));
        fault.kind = kinds.value(kind);
        fault.method = o.value(QStringLiteral("method")).toString();
        fault.pathPattern = o.value(QStringLiteral("path")).toString(QStringLiteral(".*"));
        fault.status = o.value(QStringLiteral("status")).toInt(kind == QLatin1String("html") ? 200 : 500);
        fault.count = o.value(QStringLiteral("count")).toInt(1);
        fault.skip = o.value(QStringLiteral("skip")).toInt(0);
        fault.probability = o.value(QStringLiteral("probability")).toDouble(1.0);
        fault.delay = std::chrono::milliseconds(o.value(QStringLiteral("delayMs")).toInt(0));
        if (o.contains(QStringLiteral("retryAfter")))
            fault.headers.append({QByteArray("Retry-After"),
                                  QByteArray::number(o.value(QStringLiteral("retryAfter")).toInt())});
        const QString service = o.value(QStringLiteral("service")).toString();
        if (service == QLatin1String("spotify-api"))
            fault.service = fakes::Service::SpotifyApi;
        else if (service == QLatin1String("spotify-accounts"))
            fault.service = fakes::Service::SpotifyAccounts;
        else if (service == QLatin1String("plex-server"))
            fault.service = fakes::Service::PlexServer;
        else if (service == QLatin1String("plex-tv"))
            fault.service = fakes::Service::PlexTv;
        if (!fakes.faults().add(fault))
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("faults[%1]: invalid path pattern").arg(i));
    }
    return {};
}

} // namespace pb::cli
