// FakeServices: four listeners, one shared state, and the pipeline every request goes
// through: log -> fault injection -> 414 / rate limit -> service handler -> latency -> write.
#include "pb/fakes/fakeservices.h"

#include "fakestate.h"
#include "httplistener.h"

#include "pb/core/logging.h"

#include <QFile>
#include <QTcpServer>

namespace pb::fakes {

namespace {

const QRegularExpression &secretPattern()
{
    static const QRegularExpression re(
        QStringLiteral("((?:access_token|refresh_token|code|code_verifier|code_challenge|X-Plex-Token|"
                       "authToken|client_secret)=)[^&]*"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString maskSecrets(QString s)
{
    return s.replace(secretPattern(), QStringLiteral("\\1***"));
}

FakeReply htmlPage(int status)
{
    FakeReply r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Something went "
             "wrong</h1><p>Please try again later.</p></body></html>";
    return r;
}

} // namespace

QString RecordedRequest::toString() const
{
    QString s = method + QLatin1Char(' ') + path;
    if (!query.isEmpty())
        s += QLatin1Char('?') + maskSecrets(query);
    return s + QStringLiteral(" -> ") + QString::number(status);
}

class FakeServices::Impl {
public:
    FakeState state;
    FaultInjector faults;
    std::unique_ptr<HttpListener> listeners[4];
    /// One PMS listener per other server of the world (index i serves Plex server i + 1).
    std::vector<std::unique_ptr<HttpListener>> otherListeners;
    FakeServices *owner = nullptr;
    quint16 basePort = 0;
    bool started = false;

    explicit Impl(const FakeOptions &o) : faults(o.seed)
    {
        state.options = o;
        state.rng.seed(o.seed);
    }

    FakeReply route(const FakeRequest &req, int plexServer);
    std::optional<FakeReply> rateLimit(const FakeRequest &req);
    void onRequest(FakeRequest req, std::shared_ptr<PendingAnswer> pending, HttpListener *listener,
                   int plexServer);
    std::unique_ptr<HttpListener> makeListener(Service service, int plexServer);
    /// Binds a listener for every other server of the world that has none yet. Under the mutex.
    pb::Status bindOtherServers();
};

std::unique_ptr<HttpListener> FakeServices::Impl::makeListener(Service service, int plexServer)
{
    auto listener = std::make_unique<HttpListener>(service, HttpListener::Handler{}, owner);
    HttpListener *raw = listener.get();
    listener->setHandler([this, raw, plexServer](FakeRequest r, std::shared_ptr<PendingAnswer> p) {
        onRequest(std::move(r), std::move(p), raw, plexServer);
    });
    return listener;
}

pb::Status FakeServices::Impl::bindOtherServers()
{
    for (size_t i = 0; i < state.otherServers.size(); ++i) {
        if (i >= otherListeners.size()) {
            auto listener = makeListener(Service::PlexServer, static_cast<int>(i + 1));
            const quint16 wanted = basePort == 0 ? 0 : static_cast<quint16>(basePort + 4 + i);
            if (listener->listenLoopback(wanted) == 0)
                return pb::Error::make(ErrorKind::Network,
                                       QStringLiteral("cannot listen on 127.0.0.1:%1 for Plex server %2")
                                           .arg(wanted)
                                           .arg(i + 2));
            otherListeners.push_back(std::move(listener));
        }
        FakeState &other = *state.otherServers[i];
        other.plexServerUrl = otherListeners[i]->baseUrl();
        other.deadPort = state.deadPort;
        other.options = state.options;
    }
    return {};
}

std::optional<FakeReply> FakeServices::Impl::rateLimit(const FakeRequest &req)
{
    if (req.service != Service::SpotifyApi)
        return std::nullopt;
    const FakeOptions &o = state.options;
    if (o.spotifyQuotaExceeded) {
        FakeReply r = jsonReply(
            429, Json{{"error",
                       {{"status", 429}, {"message", "Too many requests"}, {"reason", "QUOTA_EXCEEDED"}}}});
        r.addHeader("Retry-After", "86400");
        return r;
    }
    if (o.rateLimitPerWindow <= 0)
        return std::nullopt;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto &times = state.apiCallTimes;
    while (!times.empty() && times.front() <= now - o.rateWindow.count())
        times.pop_front();
    if (static_cast<int>(times.size()) >= o.rateLimitPerWindow) {
        FakeReply r = spotifyError(429, QStringLiteral("API rate limit exceeded"));
        r.addHeader("Retry-After", QByteArray::number(o.retryAfterSeconds));
        return r;
    }
    times.push_back(now);
    return std::nullopt;
}

FakeReply FakeServices::Impl::route(const FakeRequest &req, int plexServer)
{
    try {
        if (req.service == Service::PlexServer && req.requestLineLength > state.options.maxRequestLineLength)
            return plexHtmlError(414);
        if (auto limited = rateLimit(req))
            return *limited;
        switch (req.service) {
        case Service::SpotifyAccounts: return handleSpotifyAccounts(state, req);
        case Service::SpotifyApi: return handleSpotifyApi(state, req);
        case Service::PlexTv: return handlePlexTv(state, req);
        case Service::PlexServer: {
            // A listener left over from a world with more servers serves nothing.
            FakeState *server = state.plexServerState(plexServer);
            return server ? handlePlexServer(*server, req) : plexHtmlError(404);
        }
        }
    } catch (const Json::exception &) {
        // A body of the wrong JSON shape: the caller's mistake, never a crash.
        if (req.service == Service::PlexServer)
            return plexHtmlError(400);
        if (req.service == Service::PlexTv)
            return plexTvError(400, 1000, QStringLiteral("Bad request"));
        return spotifyError(400, QStringLiteral("Invalid request"));
    } catch (const std::exception &) {
        return spotifyError(500, QStringLiteral("Server error"));
    }
    return spotifyError(500, QStringLiteral("Server error"));
}

void FakeServices::Impl::onRequest(FakeRequest req, std::shared_ptr<PendingAnswer> pending,
                                   HttpListener *listener, int plexServer)
{
    FakeReply reply;
    Delivery delivery = Delivery::Normal;
    std::chrono::milliseconds delay{0};
    {
        std::lock_guard lock(state.mutex);
        RecordedRequest rec;
        rec.service = req.service;
        rec.plexServer = plexServer;
        rec.method = req.method;
        rec.path = req.path;
        rec.query = QString::fromUtf8(req.rawQuery);
        for (auto it = req.headers.cbegin(); it != req.headers.cend(); ++it)
            rec.headers.append({it.key(), it.value()});
        rec.body = req.body;
        rec.at = QDateTime::currentDateTimeUtc();
        state.log.push_back(rec);
        while (static_cast<int>(state.log.size()) > std::max(1, state.options.requestLogLimit))
            state.log.pop_front();
        const size_t index = state.log.size() - 1;

        delay = state.options.latency;
        if (state.options.jitter.count() > 0) {
            std::uniform_int_distribution<long long> j(0, state.options.jitter.count());
            delay += std::chrono::milliseconds(j(state.rng));
        }
        const std::optional<Fault> fault = faults.take(req.service, req.method, req.path);
        if (!fault) {
            reply = route(req, plexServer);
        } else {
            switch (fault->kind) {
            case FaultKind::Status:
                reply.status = fault->status;
                reply.contentType = fault->contentType;
                reply.body = fault->body;
                reply.headers = fault->headers;
                break;
            case FaultKind::Delay:
                delay += fault->delay;
                reply = route(req, plexServer);
                break;
            case FaultKind::Reset:
                reply = route(req, plexServer);
                delivery = Delivery::Reset;
                break;
            case FaultKind::Malformed:
                reply = route(req, plexServer);
                delivery = Delivery::Truncated;
                break;
            case FaultKind::Html: reply = htmlPage(fault->status); break;
            case FaultKind::Timeout: delivery = Delivery::Never; break;
            }
        }
        state.log[index].status = delivery == Delivery::Never ? 0 : reply.status;
        if (log::fakes()->should_log(spdlog::level::debug))
            log::fakes()->debug("{}", log::str(state.log[index].toString()));
    }
    if (req.service == Service::PlexServer || req.service == Service::PlexTv)
        reply.addHeader("X-Plex-Protocol", "1.0");
    listener->answer(pending, std::move(reply), delivery, delay);
}

FakeServices::FakeServices(FakeOptions options, QObject *parent)
    : QObject(parent), m_impl(std::make_unique<Impl>(options))
{
    m_impl->owner = this;
    m_impl->state.reset(World{});
}

FakeServices::~FakeServices() = default;

pb::Status FakeServices::start(quint16 basePort)
{
    const Service services[] = {Service::SpotifyAccounts, Service::SpotifyApi, Service::PlexTv,
                                Service::PlexServer};
    for (int i = 0; i < 4; ++i) {
        auto listener = m_impl->makeListener(services[i], 0);
        const quint16 wanted = basePort == 0 ? 0 : static_cast<quint16>(basePort + i);
        if (listener->listenLoopback(wanted) == 0)
            return pb::Error::make(ErrorKind::Network, QStringLiteral("cannot listen on 127.0.0.1:%1 for %2")
                                                           .arg(wanted)
                                                           .arg(serviceName(services[i])));
        m_impl->listeners[i] = std::move(listener);
    }
    // A port that was free a moment ago and is closed now: the dead plex.tv connection.
    QTcpServer probe;
    quint16 dead = 9;
    if (probe.listen(QHostAddress::LocalHost, 0)) {
        dead = probe.serverPort();
        probe.close();
    }
    std::lock_guard lock(m_impl->state.mutex);
    m_impl->state.spotifyAccountsUrl = m_impl->listeners[0]->baseUrl();
    m_impl->state.spotifyApiUrl = m_impl->listeners[1]->baseUrl();
    m_impl->state.plexTvUrl = m_impl->listeners[2]->baseUrl();
    m_impl->state.plexServerUrl = m_impl->listeners[3]->baseUrl();
    m_impl->state.deadPort = dead;
    m_impl->basePort = basePort;
    m_impl->started = true;
    return m_impl->bindOtherServers();
}

QUrl FakeServices::spotifyAccountsUrl() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return m_impl->state.spotifyAccountsUrl;
}
QUrl FakeServices::spotifyApiUrl() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return m_impl->state.spotifyApiUrl;
}
QUrl FakeServices::plexTvUrl() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return m_impl->state.plexTvUrl;
}
QUrl FakeServices::plexServerUrl() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return m_impl->state.plexServerUrl;
}

int FakeServices::plexServerCount() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return 1 + static_cast<int>(m_impl->state.otherServers.size());
}

QUrl FakeServices::plexServerUrl(int server) const
{
    std::lock_guard lock(m_impl->state.mutex);
    const FakeState *s = m_impl->state.plexServerState(server);
    return s ? s->plexServerUrl : QUrl();
}

QString FakeServices::plexServerToken(int server) const
{
    std::lock_guard lock(m_impl->state.mutex);
    const FakeState *s = m_impl->state.plexServerState(server);
    return s ? s->world.plex.accessToken : QString();
}

QString FakeServices::plexMachineIdentifier(int server) const
{
    std::lock_guard lock(m_impl->state.mutex);
    const FakeState *s = m_impl->state.plexServerState(server);
    return s ? s->world.plex.machineIdentifier : QString();
}

std::vector<FakePlexPlaylist> FakeServices::plexPlaylists(int server) const
{
    std::lock_guard lock(m_impl->state.mutex);
    const FakeState *s = m_impl->state.plexServerState(server);
    return s ? s->plexPlaylists : std::vector<FakePlexPlaylist>{};
}

std::vector<QString> FakeServices::plexPlaylistItems(const QString &ratingKey, int server) const
{
    std::lock_guard lock(m_impl->state.mutex);
    std::vector<QString> out;
    FakeState *s = m_impl->state.plexServerState(server);
    if (FakePlexPlaylist *p = s ? s->plexPlaylist(ratingKey) : nullptr) {
        for (const auto &i : p->items)
            out.push_back(i.ratingKey);
    }
    return out;
}

pb::Status FakeServices::loadWorld(const QString &jsonPath)
{
    auto w = pb::fakes::loadWorld(jsonPath);
    if (!w)
        return w.error();
    useWorld(std::move(w).value());
    return {};
}

pb::Status FakeServices::parseWorld(const QByteArray &json)
{
    auto w = pb::fakes::parseWorld(json);
    if (!w)
        return w.error();
    useWorld(std::move(w).value());
    return {};
}

void FakeServices::useWorld(World world)
{
    std::lock_guard lock(m_impl->state.mutex);
    m_impl->state.reset(std::move(world));
    if (m_impl->started) {
        if (const pb::Status st = m_impl->bindOtherServers(); !st)
            log::fakes()->error("{}", log::str(st.error().message));
    }
}

FakeOptions FakeServices::options() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return m_impl->state.options;
}

void FakeServices::setOptions(const FakeOptions &options)
{
    std::lock_guard lock(m_impl->state.mutex);
    m_impl->state.options = options;
    for (auto &other : m_impl->state.otherServers)
        other->options = options;
}

FaultInjector &FakeServices::faults()
{
    return m_impl->faults;
}

std::vector<RecordedRequest> FakeServices::requestLog() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return {m_impl->state.log.begin(), m_impl->state.log.end()};
}

void FakeServices::clearRequestLog()
{
    std::lock_guard lock(m_impl->state.mutex);
    m_impl->state.log.clear();
}

int FakeServices::requestCount(const QString &pathPattern, const QString &method) const
{
    const QRegularExpression re(pathPattern);
    std::lock_guard lock(m_impl->state.mutex);
    int n = 0;
    for (const RecordedRequest &r : m_impl->state.log) {
        if ((method.isEmpty() || r.method == method) && re.match(r.path).hasMatch())
            ++n;
    }
    return n;
}

SpotifyTokens FakeServices::issueSpotifyTokens(const QString &clientId)
{
    std::lock_guard lock(m_impl->state.mutex);
    const QDateTime consent = QDateTime::currentDateTimeUtc().addSecs(
        std::chrono::duration_cast<std::chrono::seconds>(m_impl->state.options.refreshTokenLifetime).count());
    return m_impl->state.issueTokens(
        clientId, QStringLiteral("playlist-read-private playlist-read-collaborative user-library-read"),
        consent, true);
}

void FakeServices::revokeSpotifyRefreshToken(const QString &refreshToken)
{
    std::lock_guard lock(m_impl->state.mutex);
    auto it = m_impl->state.refreshTokens.find(refreshToken);
    if (it != m_impl->state.refreshTokens.end())
        it->revoked = true;
}

void FakeServices::expireSpotifyAccessTokens()
{
    std::lock_guard lock(m_impl->state.mutex);
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (auto &t : m_impl->state.accessTokens)
        t.expires = past;
}

QString FakeServices::plexUserToken() const
{
    std::lock_guard lock(m_impl->state.mutex);
    return m_impl->state.world.plex.userToken;
}

QString FakeServices::plexServerToken() const
{
    return plexServerToken(0);
}

QString FakeServices::plexMachineIdentifier() const
{
    return plexMachineIdentifier(0);
}

std::vector<FakePlexPlaylist> FakeServices::plexPlaylists() const
{
    return plexPlaylists(0);
}

std::vector<QString> FakeServices::plexPlaylistItems(const QString &ratingKey) const
{
    return plexPlaylistItems(ratingKey, 0);
}

std::vector<QString> FakeServices::spotifyPlaylistTracks(const QString &playlistId) const
{
    std::lock_guard lock(m_impl->state.mutex);
    if (auto *p = m_impl->state.spotifyPlaylist(playlistId))
        return p->data.tracks;
    return {};
}

QString FakeServices::spotifySnapshotId(const QString &playlistId) const
{
    std::lock_guard lock(m_impl->state.mutex);
    if (auto *p = m_impl->state.spotifyPlaylist(playlistId))
        return m_impl->state.snapshotId(*p);
    return {};
}

bool FakeServices::setSpotifyPlaylistTracks(const QString &playlistId, const std::vector<QString> &trackIds)
{
    std::lock_guard lock(m_impl->state.mutex);
    auto *p = m_impl->state.spotifyPlaylist(playlistId);
    if (!p)
        return false;
    p->data.tracks = trackIds;
    ++p->version;
    return true;
}

void FakeServices::setSpotifyLikedTracks(const std::vector<QString> &trackIds)
{
    std::lock_guard lock(m_impl->state.mutex);
    m_impl->state.world.spotify.liked = trackIds;
}

FakeState &FakeServices::state()
{
    return m_impl->state;
}

} // namespace pb::fakes
