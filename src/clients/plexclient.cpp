#include "pb/clients/plexclient.h"

#include "httpcore.h"
#include "jsonutil.h"
#include "plexcommon.h"
#include "plexdto.h"
#include "plexpager.h"

#include <QNetworkAccessManager>

namespace pb::clients {

using detail::Call;
using detail::HttpCore;
using detail::HttpRequest;
using detail::HttpResponse;
namespace px = detail::plex;

PlexClient::PlexClient(QNetworkAccessManager *nam, PlexConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    Q_ASSERT_X(nam && nam->thread() == thread(), "PlexClient", "one QNetworkAccessManager per thread");
    detail::ServiceHooks hooks;
    hooks.serviceName = QStringLiteral("Plex server");
    hooks.authorize = [this](HttpRequest &req) { px::addPlexHeaders(req, m_config.client, m_config.token); };
    hooks.errorFor = &px::pmsErrorFor;
    m_http = std::make_unique<HttpCore>(nam, m_config.policy, std::move(hooks), this);
}

PlexClient::~PlexClient() = default;

namespace {

HttpRequest pmsGet(const PlexConfig &config, const QString &path,
                   const QList<QPair<QString, QString>> &query = {})
{
    HttpRequest req;
    req.url = detail::joinUrl(config.serverUrl, path, detail::encodeQuery(query));
    return req;
}

} // namespace

RequestHandle PlexClient::identity(QObject *context, Callback<pb::PlexServer> done)
{
    auto call = detail::makeCall<pb::PlexServer>(this, context, std::move(done));
    const QString base = m_config.serverUrl.toString(QUrl::FullyEncoded);
    const QString token = m_config.token;
    detail::sendForJson(*m_http, call, pmsGet(m_config, QStringLiteral("/identity")),
                        QStringLiteral("Plex identity"), [base, token](const detail::json &j) {
                            pb::PlexServer s;
                            s.machineIdentifier = j.get<px::IdentityDto>().machineIdentifier;
                            s.baseUrl = base;
                            s.accessToken = token;
                            return s;
                        });
    return RequestHandle(call);
}

RequestHandle PlexClient::musicSections(QObject *context, Callback<std::vector<pb::PlexSection>> done)
{
    auto call = detail::makeCall<std::vector<pb::PlexSection>>(this, context, std::move(done));
    detail::sendForJson(*m_http, call, pmsGet(m_config, QStringLiteral("/library/sections")),
                        QStringLiteral("Plex library sections"), [](const detail::json &j) {
                            std::vector<pb::PlexSection> out;
                            for (auto &s : px::readContainer<px::SectionDto>(j, "Directory").items) {
                                if (s.value.type == QLatin1String("artist"))
                                    out.push_back(std::move(s.value));
                            }
                            return out;
                        });
    return RequestHandle(call);
}

RequestHandle PlexClient::searchTracks(const PlexTrackQuery &q, QObject *context,
                                       Callback<std::vector<pb::PlexTrack>> done)
{
    auto call = detail::makeCall<std::vector<pb::PlexTrack>>(this, context, std::move(done));
    if (q.sectionKey.isEmpty()) {
        call->fail(
            pb::Error::make(pb::ErrorKind::InvalidInput, QStringLiteral("No Plex music section chosen")));
        return RequestHandle(call);
    }
    QList<QPair<QString, QString>> query{{QStringLiteral("type"), QStringLiteral("10")},
                                         {QStringLiteral("includeGuids"), QStringLiteral("1")}};
    if (!q.title.isEmpty())
        query.append({QStringLiteral("title"), q.title});
    if (!q.titleExact.isEmpty())
        query.append(
            {QStringLiteral("track.title="), q.titleExact}); // key "track.title=" → "track.title%3D="
    if (!q.artist.isEmpty())
        query.append({QStringLiteral("artist.title"), q.artist});
    if (!q.album.isEmpty())
        query.append({QStringLiteral("album.title"), q.album});
    if (q.limit > 0)
        query.append({QStringLiteral("limit"), QString::number(q.limit)});
    px::startPaging<px::TrackDto, pb::PlexTrack>(
        m_http.get(), m_config,
        QStringLiteral("/library/sections/%1/all").arg(detail::pathSegment(q.sectionKey)), query, call,
        q.limit, QStringLiteral("Plex track search"));
    return RequestHandle(call);
}

RequestHandle PlexClient::hubSearch(const QString &query, const QString &sectionKey, int limit,
                                    QObject *context, Callback<std::vector<pb::PlexTrack>> done)
{
    auto call = detail::makeCall<std::vector<pb::PlexTrack>>(this, context, std::move(done));
    QList<QPair<QString, QString>> params{{QStringLiteral("query"), query}};
    if (!sectionKey.isEmpty())
        params.append({QStringLiteral("sectionId"), sectionKey});
    if (limit > 0)
        params.append({QStringLiteral("limit"), QString::number(limit)});
    m_http->send(call, pmsGet(m_config, QStringLiteral("/hubs/search"), params),
                 [call](pb::Result<HttpResponse> r) {
                     // 404 means "search restrictions result in no possible items": no results, not a
                     // failure.
                     if (!r.ok() && r.error().kind == pb::ErrorKind::NotFound)
                         return call->complete(std::vector<pb::PlexTrack>{});
                     if (!r.ok())
                         return call->fail(r.error());
                     auto j = detail::parseJsonBody(*r, QStringLiteral("Plex server"));
                     if (!j.ok())
                         return call->fail(j.error());
                     auto tracks = detail::readDto<std::vector<pb::PlexTrack>>(
                         *j, QStringLiteral("Plex hub search"), &px::hubTracksOf);
                     if (!tracks.ok())
                         return call->fail(tracks.error());
                     call->complete(std::move(tracks).value());
                 });
    return RequestHandle(call);
}

namespace {

/// Fetches /library/metadata/{k1,k2,...} batch after batch; a 404 batch contributes nothing.
struct MetadataBatches : std::enable_shared_from_this<MetadataBatches> {
    HttpCore *http = nullptr;
    PlexConfig config;
    std::vector<QStringList> batches;
    std::size_t next = 0;
    std::vector<pb::PlexTrack> out;
    std::shared_ptr<Call<std::vector<pb::PlexTrack>>> call;

    void step()
    {
        if (next >= batches.size())
            return call->complete(std::move(out));
        QStringList encoded;
        for (const QString &k : batches[next])
            encoded.append(detail::pathSegment(k));
        ++next;
        auto self = shared_from_this();
        http->send(call,
                   pmsGet(config, QStringLiteral("/library/metadata/") + encoded.join(QLatin1Char(',')),
                          {{QStringLiteral("includeGuids"), QStringLiteral("1")}}),
                   [self](pb::Result<HttpResponse> r) {
                       if (!r.ok() && r.error().kind == pb::ErrorKind::NotFound)
                           return self->step();
                       if (!r.ok())
                           return self->call->fail(r.error());
                       auto j = detail::parseJsonBody(*r, QStringLiteral("Plex server"));
                       if (!j.ok())
                           return self->call->fail(j.error());
                       auto tracks = detail::readDto<std::vector<pb::PlexTrack>>(
                           *j, QStringLiteral("Plex metadata"), &px::tracksOf);
                       if (!tracks.ok())
                           return self->call->fail(tracks.error());
                       for (auto &t : *tracks)
                           self->out.push_back(std::move(t));
                       self->step();
                   });
    }
};

} // namespace

RequestHandle PlexClient::metadata(const QStringList &ratingKeys, QObject *context,
                                   Callback<std::vector<pb::PlexTrack>> done)
{
    auto call = detail::makeCall<std::vector<pb::PlexTrack>>(this, context, std::move(done));
    auto job = std::make_shared<MetadataBatches>();
    job->http = m_http.get();
    job->config = m_config;
    job->call = call;
    const int base = static_cast<int>(m_config.serverUrl.toEncoded().size()) + 40;
    QStringList current;
    int length = base;
    for (const QString &key : ratingKeys) {
        const int add = static_cast<int>(QUrl::toPercentEncoding(key).size()) + 1;
        if (!current.isEmpty() && (current.size() >= std::max(1, m_config.maxKeysPerMetadataCall) ||
                                   length + add > m_config.maxUrlLength)) {
            job->batches.push_back(current);
            current.clear();
            length = base;
        }
        current.append(key);
        length += add;
    }
    if (!current.isEmpty())
        job->batches.push_back(current);
    job->step();
    return RequestHandle(call);
}

RequestHandle PlexClient::playlists(QObject *context, Callback<std::vector<pb::PlexPlaylist>> done)
{
    auto call = detail::makeCall<std::vector<pb::PlexPlaylist>>(this, context, std::move(done));
    px::startPaging<px::PlaylistDto, pb::PlexPlaylist>(
        m_http.get(), m_config, QStringLiteral("/playlists"),
        {{QStringLiteral("playlistType"), QStringLiteral("audio")}}, call, 0,
        QStringLiteral("Plex playlists"));
    return RequestHandle(call);
}

RequestHandle PlexClient::playlist(const QString &ratingKey, QObject *context,
                                   Callback<pb::PlexPlaylist> done)
{
    auto call = detail::makeCall<pb::PlexPlaylist>(this, context, std::move(done));
    detail::sendForJson(*m_http, call,
                        pmsGet(m_config, QStringLiteral("/playlists/") + detail::pathSegment(ratingKey)),
                        QStringLiteral("Plex playlist"), &px::playlistOf);
    return RequestHandle(call);
}

RequestHandle PlexClient::playlistItems(const QString &playlistRatingKey, QObject *context,
                                        Callback<std::vector<pb::PlexPlaylistItem>> done)
{
    auto call = detail::makeCall<std::vector<pb::PlexPlaylistItem>>(this, context, std::move(done));
    px::startPaging<px::PlaylistItemDto, pb::PlexPlaylistItem>(
        m_http.get(), m_config,
        QStringLiteral("/playlists/%1/items").arg(detail::pathSegment(playlistRatingKey)), {}, call, 0,
        QStringLiteral("Plex playlist items"));
    return RequestHandle(call);
}

} // namespace pb::clients
