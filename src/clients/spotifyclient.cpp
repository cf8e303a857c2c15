#include "pb/clients/spotifyclient.h"

#include "httpcore.h"
#include "spotifydto.h"
#include "spotifypager.h"

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

namespace detail::spotify {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

QUrl withOffset(const QUrl &url, qint64 offset)
{
    QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (auto &item : items) {
        if (item.first == QLatin1String("offset"))
            item.second = QString::number(offset);
    }
    QUrl out = url;
    out.setQuery(QString::fromLatin1(detail::encodeQuery(items)), QUrl::TolerantMode);
    return out;
}

} // namespace detail::spotify

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
    auto refreshed = [this, generation](pb::Result<SpotifyTokens> r) {
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
    };
    m_refreshCall = m_vault
                        ? m_vault->refresh(m_tokenEndpoint, m_tokens.refreshToken, this, std::move(refreshed))
                        : m_tokenEndpoint->refresh(m_tokens.refreshToken, this, std::move(refreshed));
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

RequestHandle SpotifyClient::playlists(QObject *context, Callback<std::vector<SourcePlaylist>> done)
{
    auto call = detail::makeCall<std::vector<SourcePlaylist>>(this, context, std::move(done));
    const QUrl first = v1(m_config, QStringLiteral("/me/playlists"),
                          {{QStringLiteral("limit"), QString::number(std::min(m_config.pageSize, 50))},
                           {QStringLiteral("offset"), QStringLiteral("0")}});
    sp::startPaging<sp::PlaylistDto, SourcePlaylist>(
        m_http.get(), m_config.apiUrl, first, call,
        [](sp::PlaylistDto &&d, int) { return std::move(d.value); });
    return RequestHandle(call);
}

RequestHandle SpotifyClient::playlist(const QString &playlistId, QObject *context,
                                      Callback<SourcePlaylist> done)
{
    auto call = detail::makeCall<SourcePlaylist>(this, context, std::move(done));
    const QUrl url =
        v1(m_config, QStringLiteral("/playlists/") + detail::pathSegment(playlistId),
           {{QStringLiteral("fields"),
             QStringLiteral("id,name,description,owner.id,owner.display_name,collaborative,public,"
                            "snapshot_id,images,items.total,tracks.total")}});
    getOne<sp::PlaylistDto>(*m_http, call, url, QStringLiteral("Spotify playlist"));
    return RequestHandle(call);
}

RequestHandle SpotifyClient::playlistEntries(const QString &playlistId, QObject *context,
                                             Callback<std::vector<PlaylistEntry>> done)
{
    auto call = detail::makeCall<std::vector<PlaylistEntry>>(this, context, std::move(done));
    const QUrl first = v1(
        m_config, QStringLiteral("/playlists/") + detail::pathSegment(playlistId) + QStringLiteral("/items"),
        {{QStringLiteral("limit"), QString::number(std::min(m_config.pageSize, 50))},
         {QStringLiteral("offset"), QStringLiteral("0")},
         {QStringLiteral("additional_types"), QStringLiteral("track,episode")}});
    sp::startPaging<sp::EntryDto, PlaylistEntry>(
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

RequestHandle SpotifyClient::likedSongs(QObject *context, Callback<std::vector<PlaylistEntry>> done)
{
    auto call = detail::makeCall<std::vector<PlaylistEntry>>(this, context, std::move(done));
    const QUrl first = v1(m_config, QStringLiteral("/me/tracks"),
                          {{QStringLiteral("limit"), QString::number(std::min(m_config.pageSize, 50))},
                           {QStringLiteral("offset"), QStringLiteral("0")}});
    sp::startPaging<sp::EntryDto, PlaylistEntry>(m_http.get(), m_config.apiUrl, first, call,
                                                 [](sp::EntryDto &&d, int position) {
                                                     d.value.position = position;
                                                     return std::move(d.value);
                                                 });
    return RequestHandle(call);
}

} // namespace pb::clients
