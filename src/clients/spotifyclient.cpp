#include "pb/clients/spotifyclient.h"

#include "httpcore.h"
#include "spotifydto.h"

#include "pb/core/logging.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QThread>
#include <QUrlQuery>

namespace pb::clients {

using detail::Call;
using detail::HttpCore;
using detail::HttpRequest;
using detail::HttpResponse;
namespace sp = detail::spotify;

namespace {

constexpr int kMaxPages = 20000; // 1,000,000 entries at 50 a page: far beyond any real playlist

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

/// Follows a Spotify paging object's `next` links until null, collecting converted items.
template <typename Item, typename Out>
class Pager : public std::enable_shared_from_this<Pager<Item, Out>> {
public:
    using Convert = std::function<Out(Item &&, int position)>;
    using MapError = std::function<pb::Error(pb::Error)>;

    Pager(HttpCore *http, QUrl apiBase, std::shared_ptr<Call<std::vector<Out>>> call, Convert convert,
          MapError mapError)
        : m_http(http), m_apiBase(std::move(apiBase)), m_call(std::move(call)), m_convert(std::move(convert)),
          m_mapError(std::move(mapError))
    {}

    void fetch(const QUrl &url)
    {
        if (m_first.isEmpty())
            m_first = url;
        m_seen.insert(pageKey(url));
        HttpRequest req;
        req.url = url;
        req.setHeader("Accept", "application/json");
        auto self = this->shared_from_this();
        m_http->send(m_call, std::move(req),
                     [self](pb::Result<HttpResponse> r) { self->onPage(std::move(r)); });
    }

private:
    void fail(pb::Error e) { m_call->fail(m_mapError ? m_mapError(std::move(e)) : std::move(e)); }

    void onPage(pb::Result<HttpResponse> r)
    {
        if (!r.ok())
            return fail(r.error());
        auto j = detail::parseJsonBody(*r, QStringLiteral("Spotify"));
        if (!j.ok())
            return fail(j.error());
        auto page = detail::parseDto<sp::PageDto<Item>>(*j, QStringLiteral("Spotify page"));
        if (!page.ok())
            return fail(page.error());
        for (auto &item : page->items)
            m_out.push_back(m_convert(std::move(item), static_cast<int>(m_out.size())));
        if (page->next.isEmpty() || page->items.empty()) {
            m_call->complete(std::move(m_out));
            return;
        }
        const QUrl next(page->next, QUrl::StrictMode);
        // The bearer token goes only to the API we were configured with.
        if (!next.isValid() || !sameOrigin(next, m_apiBase))
            return fail(pb::Error::make(
                pb::ErrorKind::Parse,
                QStringLiteral("Spotify's next-page link points outside the API (%1)").arg(next.host())));
        const QUrl follow = samePathAs(next);
        if (m_seen.contains(pageKey(follow)) || ++m_pages > kMaxPages)
            return fail(pb::Error::make(pb::ErrorKind::Parse, QStringLiteral("Spotify's paging links loop")));
        fetch(follow);
    }

    /// Pages are told apart by their offset (links may order their parameters differently).
    static QString pageKey(const QUrl &url)
    {
        const QUrlQuery q(url);
        return q.hasQueryItem(QStringLiteral("offset"))
                   ? url.path() + QLatin1Char('@') + q.queryItemValue(QStringLiteral("offset"))
                   : url.toString(QUrl::FullyEncoded);
    }

    /// Spotify's `next` for /me/playlists points at /users/{id}/playlists, an endpoint removed
    /// for Development Mode apps in February 2026. So the pager stays on the path it started
    /// with and takes only offset and limit from `next`.
    QUrl samePathAs(const QUrl &next) const
    {
        const QUrlQuery nextQuery(next);
        if (!nextQuery.hasQueryItem(QStringLiteral("offset")) || m_first.isEmpty())
            return next;
        QList<QPair<QString, QString>> items;
        for (const auto &item : QUrlQuery(m_first).queryItems(QUrl::FullyDecoded)) {
            if (item.first == QLatin1String("offset") || item.first == QLatin1String("limit"))
                continue;
            items.append(item);
        }
        items.append({QStringLiteral("offset"), nextQuery.queryItemValue(QStringLiteral("offset"))});
        if (nextQuery.hasQueryItem(QStringLiteral("limit")))
            items.append({QStringLiteral("limit"), nextQuery.queryItemValue(QStringLiteral("limit"))});
        QUrl follow = m_first;
        follow.setQuery(QString::fromLatin1(detail::encodeQuery(items)), QUrl::TolerantMode);
        return follow;
    }

    HttpCore *m_http;
    QUrl m_apiBase;
    std::shared_ptr<Call<std::vector<Out>>> m_call;
    Convert m_convert;
    MapError m_mapError;
    std::vector<Out> m_out;
    QSet<QString> m_seen;
    QUrl m_first;
    int m_pages = 0;
};

template <typename Item, typename Out>
void startPaging(HttpCore *http, const QUrl &apiBase, const QUrl &first,
                 std::shared_ptr<Call<std::vector<Out>>> call, typename Pager<Item, Out>::Convert convert,
                 typename Pager<Item, Out>::MapError mapError = {})
{
    auto pager = std::make_shared<Pager<Item, Out>>(http, apiBase, std::move(call), std::move(convert),
                                                    std::move(mapError));
    pager->fetch(first);
}

} // namespace

SpotifyClient::SpotifyClient(QNetworkAccessManager *nam, SpotifyConfig config, SpotifyTokens tokens,
                             QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    Q_ASSERT_X(nam && nam->thread() == thread(), "SpotifyClient", "one QNetworkAccessManager per thread");
    m_tokenEndpoint = new SpotifyTokenEndpoint(nam, m_config, this);
    detail::ServiceHooks hooks;
    hooks.serviceName = QStringLiteral("Spotify");
    hooks.authorize = [this](HttpRequest &req) {
        req.setHeader("Authorization", "Bearer " + m_tokens.accessToken.toUtf8());
    };
    hooks.ensureAuth = [this](bool force, std::function<void(pb::Status)> then) {
        ensureAccessToken(force, std::move(then));
    };
    hooks.errorFor = &sp::errorFor;
    m_http = std::make_unique<HttpCore>(nam, m_config.policy, std::move(hooks), this);
    applyTokens(std::move(tokens), false);
}

SpotifyClient::~SpotifyClient()
{
    // Calls waiting for the refresh die with the client, silently.
    m_refreshWaiters.clear();
    m_refreshCall.cancel();
}

void SpotifyClient::setTokens(SpotifyTokens tokens)
{
    ++m_tokenGeneration;
    applyTokens(std::move(tokens), true);
}

SpotifyTokens SpotifyClient::tokens() const
{
    return m_tokens;
}

void SpotifyClient::applyTokens(SpotifyTokens tokens, bool emitChanged)
{
    m_tokens = std::move(tokens);
    setAuthState(m_tokens.hasRefreshToken() || m_tokens.hasAccessToken() ? AuthState::SignedIn
                                                                         : AuthState::SignedOut);
    if (emitChanged)
        Q_EMIT tokensChanged();
}

void SpotifyClient::setAuthState(AuthState state)
{
    if (m_authState == state)
        return;
    m_authState = state;
    Q_EMIT authStateChanged(state);
}

void SpotifyClient::ensureAccessToken(bool force, std::function<void(pb::Status)> then)
{
    if (m_authState == AuthState::ReconnectRequired) {
        then(pb::Error::make(pb::ErrorKind::AuthRequired,
                             QStringLiteral("Spotify needs you to sign in again (reconnect Spotify)."), 0,
                             QStringLiteral("invalid_grant")));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool fresh =
        m_tokens.hasAccessToken() &&
        (!m_tokens.expiresAt.isValid() ? !m_tokens.hasRefreshToken()
                                       : now.addSecs(m_config.refreshMargin.count()) < m_tokens.expiresAt);
    if (!force && fresh) {
        then(pb::Status());
        return;
    }
    if (!m_tokens.hasRefreshToken()) {
        if (!force && m_tokens.hasAccessToken()) {
            then(pb::Status());
            return;
        }
        then(pb::Error::make(pb::ErrorKind::AuthRequired, QStringLiteral("Not signed in to Spotify.")));
        return;
    }
    m_refreshWaiters.push_back(std::move(then));
    if (m_refreshing)
        return;
    m_refreshing = true;
    pb::log::auth()->info("refreshing the Spotify access token{}", force ? " after a 401" : "");
    const quint64 generation = m_tokenGeneration;
    m_refreshCall = m_tokenEndpoint->refresh(
        m_tokens.refreshToken, this, [this, generation](pb::Result<SpotifyTokens> r) {
            m_refreshing = false;
            auto waiters = std::move(m_refreshWaiters);
            m_refreshWaiters.clear();
            if (generation != m_tokenGeneration) {
                // New tokens arrived (a fresh sign-in) while this refresh ran: they win.
                for (auto &w : waiters)
                    w(pb::Status());
                return;
            }
            if (r.ok()) {
                applyTokens(std::move(r).value(), true);
                for (auto &w : waiters)
                    w(pb::Status());
                return;
            }
            pb::Error e = r.error();
            if (e.kind == pb::ErrorKind::AuthRequired && e.code == QLatin1String("invalid_grant")) {
                pb::log::auth()->warn("Spotify refused the refresh token: reconnect required");
                m_tokens = SpotifyTokens{};
                setAuthState(AuthState::ReconnectRequired);
                e.message =
                    QStringLiteral("Spotify's sign-in expired or was revoked (refresh tokens last at most "
                                   "6 months). Reconnect Spotify.");
                Q_EMIT tokensChanged();
                Q_EMIT reconnectRequired();
            }
            for (auto &w : waiters)
                w(e);
        });
}

QString SpotifyClient::notOwnedExplanation(const QString &playlistName)
{
    const QString which =
        playlistName.isEmpty() ? QStringLiteral("this playlist") : QStringLiteral("“%1”").arg(playlistName);
    return QStringLiteral(
               "Spotify refused to show the tracks of %1: Spotify only lets apps read playlists you own "
               "or collaborate on. To sync it, make a copy in Spotify (open the playlist, choose "
               "“Add to other playlist” → “New playlist”) and sync the copy.")
        .arg(which);
}

namespace {

QUrl v1(const SpotifyConfig &config, const QString &path, const QList<QPair<QString, QString>> &query = {})
{
    return detail::joinUrl(config.apiUrl, QStringLiteral("/v1") + path, detail::encodeQuery(query));
}

template <typename Dto, typename T>
void getOne(HttpCore &http, const std::shared_ptr<Call<T>> &call, QUrl url, QString what)
{
    HttpRequest req;
    req.url = std::move(url);
    req.setHeader("Accept", "application/json");
    http.send(call, std::move(req), [call, what](pb::Result<HttpResponse> r) {
        if (!r.ok())
            return call->fail(r.error());
        auto j = detail::parseJsonBody(*r, QStringLiteral("Spotify"));
        if (!j.ok())
            return call->fail(j.error());
        auto dto = detail::parseDto<Dto>(*j, what);
        if (!dto.ok())
            return call->fail(dto.error());
        call->complete(std::move(dto->value));
    });
}

} // namespace

RequestHandle SpotifyClient::currentUser(QObject *context, Callback<SpotifyUser> done)
{
    auto call = detail::makeCall<SpotifyUser>(this, context, std::move(done));
    getOne<sp::UserDto>(*m_http, call, v1(m_config, QStringLiteral("/me")), QStringLiteral("Spotify user"));
    return RequestHandle(call);
}

RequestHandle SpotifyClient::playlists(QObject *context, Callback<std::vector<SpotifyPlaylist>> done)
{
    auto call = detail::makeCall<std::vector<SpotifyPlaylist>>(this, context, std::move(done));
    const QUrl first = v1(m_config, QStringLiteral("/me/playlists"),
                          {{QStringLiteral("limit"), QString::number(std::min(m_config.pageSize, 50))},
                           {QStringLiteral("offset"), QStringLiteral("0")}});
    startPaging<sp::PlaylistDto, SpotifyPlaylist>(
        m_http.get(), m_config.apiUrl, first, call,
        [](sp::PlaylistDto &&d, int) { return std::move(d.value); });
    return RequestHandle(call);
}

RequestHandle SpotifyClient::playlist(const QString &playlistId, QObject *context,
                                      Callback<SpotifyPlaylist> done)
{
    auto call = detail::makeCall<SpotifyPlaylist>(this, context, std::move(done));
    const QUrl url =
        v1(m_config, QStringLiteral("/playlists/") + detail::pathSegment(playlistId),
           {{QStringLiteral("fields"),
             QStringLiteral("id,name,description,owner.id,owner.display_name,collaborative,public,"
                            "snapshot_id,images,items.total,tracks.total")}});
    getOne<sp::PlaylistDto>(*m_http, call, url, QStringLiteral("Spotify playlist"));
    return RequestHandle(call);
}

RequestHandle SpotifyClient::playlistEntries(const QString &playlistId, QObject *context,
                                             Callback<std::vector<SpotifyPlaylistEntry>> done)
{
    auto call = detail::makeCall<std::vector<SpotifyPlaylistEntry>>(this, context, std::move(done));
    const QUrl first = v1(
        m_config, QStringLiteral("/playlists/") + detail::pathSegment(playlistId) + QStringLiteral("/items"),
        {{QStringLiteral("limit"), QString::number(std::min(m_config.pageSize, 50))},
         {QStringLiteral("offset"), QStringLiteral("0")},
         {QStringLiteral("additional_types"), QStringLiteral("track,episode")}});
    startPaging<sp::EntryDto, SpotifyPlaylistEntry>(
        m_http.get(), m_config.apiUrl, first, call,
        [](sp::EntryDto &&d, int position) {
            d.value.position = position;
            return std::move(d.value);
        },
        [](pb::Error e) {
            if (e.kind == pb::ErrorKind::Forbidden && e.code != QLatin1String("premium_required"))
                e.message = notOwnedExplanation();
            return e;
        });
    return RequestHandle(call);
}

RequestHandle SpotifyClient::likedSongs(QObject *context, Callback<std::vector<SpotifyPlaylistEntry>> done)
{
    auto call = detail::makeCall<std::vector<SpotifyPlaylistEntry>>(this, context, std::move(done));
    const QUrl first = v1(m_config, QStringLiteral("/me/tracks"),
                          {{QStringLiteral("limit"), QString::number(std::min(m_config.pageSize, 50))},
                           {QStringLiteral("offset"), QStringLiteral("0")}});
    startPaging<sp::EntryDto, SpotifyPlaylistEntry>(m_http.get(), m_config.apiUrl, first, call,
                                                    [](sp::EntryDto &&d, int position) {
                                                        d.value.position = position;
                                                        return std::move(d.value);
                                                    });
    return RequestHandle(call);
}

} // namespace pb::clients
