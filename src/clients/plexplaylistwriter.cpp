// PlexClient's playlist writes: chunked create/append (URL-length sized, 414 → halve), and the
// single-request edits. Writes are never retried blindly after a 5xx (see HttpRequest::idempotent).
#include "pb/clients/plexclient.h"

#include "httpcore.h"
#include "jsonutil.h"
#include "plexcommon.h"
#include "plexdto.h"

#include "pb/core/logging.h"

#include <algorithm>
#include <climits>

namespace pb::clients {

using detail::Call;
using detail::HttpCore;
using detail::HttpRequest;
using detail::HttpResponse;
namespace px = detail::plex;

QString PlexClient::itemsUri(const QString &machineIdentifier, const QStringList &ratingKeys)
{
    return QStringLiteral("server://%1/com.plexapp.plugins.library/library/metadata/%2")
        .arg(machineIdentifier, ratingKeys.join(QLatin1Char(',')));
}

namespace {

/// Appends `keys` in order, chunk by chunk; creates the playlist with the first chunk when
/// `playlistKey` is empty. A 414 halves the chunk size for this and every later chunk.
struct ChunkedWriter : std::enable_shared_from_this<ChunkedWriter> {
    HttpCore *http = nullptr;
    PlexConfig config;
    QString title;
    QString machineIdentifier;
    QStringList keys;
    QString playlistKey;
    std::optional<pb::PlexPlaylist> playlist;
    int next = 0;
    int chunkCap = INT_MAX;
    std::shared_ptr<detail::CallState> call;
    std::function<void(pb::Result<pb::PlexPlaylist>)> finish;

    QList<QPair<QString, QString>> params(const QStringList &chunk) const
    {
        if (playlistKey.isEmpty())
            return {{QStringLiteral("smart"), QStringLiteral("0")},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("type"), QStringLiteral("audio")},
                    {QStringLiteral("uri"), PlexClient::itemsUri(machineIdentifier, chunk)}};
        return {{QStringLiteral("uri"), PlexClient::itemsUri(machineIdentifier, chunk)}};
    }

    QString path() const
    {
        return playlistKey.isEmpty()
                   ? QStringLiteral("/playlists")
                   : QStringLiteral("/playlists/%1/items").arg(detail::pathSegment(playlistKey));
    }

    /// The longest run of keys from `next` whose request URL stays under maxUrlLength.
    int chunkSize() const
    {
        const int remaining = static_cast<int>(keys.size()) - next;
        const QUrl empty = detail::joinUrl(config.serverUrl, path(), detail::encodeQuery(params({})));
        qint64 length = empty.toEncoded().size();
        int n = 0;
        while (n < remaining && n < chunkCap) {
            const qint64 add = QUrl::toPercentEncoding(keys.at(next + n)).size() + (n > 0 ? 3 : 0); // "%2C"
            if (n > 0 && length + add > config.maxUrlLength)
                break;
            length += add;
            ++n;
        }
        return std::max(1, n);
    }

    void step()
    {
        if (call->isDone())
            return;
        if (next >= keys.size()) {
            if (playlist)
                return finish(*playlist);
            pb::PlexPlaylist p;
            p.ratingKey = playlistKey;
            p.title = title;
            return finish(p);
        }
        const int n = chunkSize();
        const QStringList chunk = keys.mid(next, n);
        HttpRequest req;
        req.verb = playlistKey.isEmpty() ? "POST" : "PUT";
        req.url = detail::joinUrl(config.serverUrl, path(), detail::encodeQuery(params(chunk)));
        req.idempotent = false;
        auto self = shared_from_this();
        http->send(call, std::move(req),
                   [self, n](pb::Result<HttpResponse> r) { self->onAnswer(std::move(r), n); });
    }

    void onAnswer(pb::Result<HttpResponse> r, int sent)
    {
        if (!r.ok()) {
            if (r.error().httpStatus == 414 && sent > 1) {
                chunkCap = sent / 2;
                pb::log::net()->info("Plex answered 414 for {} items: retrying with {}", sent, chunkCap);
                return step();
            }
            return fail(r.error());
        }
        const bool created = playlistKey.isEmpty();
        // The answer is a MediaContainer with the playlist; PUT answers may omit it.
        auto j = detail::parseJsonBody(*r, QStringLiteral("Plex server"));
        if (j.ok()) {
            auto p = detail::readDto<pb::PlexPlaylist>(*j, QStringLiteral("Plex playlist"), &px::playlistOf);
            if (p.ok())
                playlist = *p;
            else if (created)
                return fail(p.error());
        } else if (created) {
            return fail(j.error());
        }
        if (created)
            playlistKey = playlist->ratingKey;
        next += sent;
        step();
    }

    void fail(pb::Error e)
    {
        if (!playlistKey.isEmpty() && next < keys.size()) {
            e.message = QStringLiteral("Plex playlist “%1” (%2) holds only %3 of %4 items: %5")
                            .arg(title, playlistKey)
                            .arg(next)
                            .arg(keys.size())
                            .arg(e.message);
            e.code = playlistKey;
        }
        finish(std::move(e));
    }
};

} // namespace

RequestHandle PlexClient::createPlaylist(const QString &title, const QString &machineIdentifier,
                                         const QStringList &ratingKeys, QObject *context,
                                         Callback<pb::PlexPlaylist> done)
{
    auto call = detail::makeCall<pb::PlexPlaylist>(this, context, std::move(done));
    if (ratingKeys.isEmpty() || title.trimmed().isEmpty() || machineIdentifier.isEmpty()) {
        call->fail(pb::Error::make(
            pb::ErrorKind::InvalidInput,
            ratingKeys.isEmpty() ? QStringLiteral("Plex cannot create an empty playlist")
                                 : QStringLiteral("A Plex playlist needs a title and a server identifier")));
        return RequestHandle(call);
    }
    auto writer = std::make_shared<ChunkedWriter>();
    writer->http = m_http.get();
    writer->config = m_config;
    writer->title = title;
    writer->machineIdentifier = machineIdentifier;
    writer->keys = ratingKeys;
    writer->call = call;
    writer->finish = [call](pb::Result<pb::PlexPlaylist> r) { call->complete(std::move(r)); };
    writer->step();
    return RequestHandle(call);
}

RequestHandle PlexClient::addItems(const QString &playlistRatingKey, const QString &machineIdentifier,
                                   const QStringList &ratingKeys, QObject *context, Callback<void> done)
{
    auto call = detail::makeCall<void>(this, context, std::move(done));
    if (ratingKeys.isEmpty()) {
        call->complete(pb::Status());
        return RequestHandle(call);
    }
    auto writer = std::make_shared<ChunkedWriter>();
    writer->http = m_http.get();
    writer->config = m_config;
    writer->title = playlistRatingKey;
    writer->machineIdentifier = machineIdentifier;
    writer->keys = ratingKeys;
    writer->playlistKey = playlistRatingKey;
    writer->call = call;
    writer->finish = [call](pb::Result<pb::PlexPlaylist> r) {
        call->complete(r.ok() ? pb::Status() : pb::Status(r.error()));
    };
    writer->step();
    return RequestHandle(call);
}

namespace {

/// One write whose answer body does not matter (200 with a container, or 204).
RequestHandle simpleWrite(HttpCore &http, QObject *owner, const PlexConfig &config, QByteArray verb,
                          const QString &path, const QList<QPair<QString, QString>> &query, QObject *context,
                          Callback<void> done, bool idempotent, QByteArray body = {},
                          QByteArray contentType = {})
{
    auto call = detail::makeCall<void>(owner, context, std::move(done));
    HttpRequest req;
    req.verb = std::move(verb);
    req.url = detail::joinUrl(config.serverUrl, path, detail::encodeQuery(query));
    req.idempotent = idempotent;
    req.body = std::move(body);
    if (!contentType.isEmpty())
        req.setHeader("Content-Type", contentType);
    http.send(call, std::move(req), [call](pb::Result<HttpResponse> r) {
        call->complete(r.ok() ? pb::Status() : pb::Status(r.error()));
    });
    return RequestHandle(call);
}

} // namespace

RequestHandle PlexClient::removeItem(const QString &playlistRatingKey, qint64 playlistItemId,
                                     QObject *context, Callback<void> done)
{
    return simpleWrite(*m_http, this, m_config, "DELETE",
                       QStringLiteral("/playlists/%1/items/%2")
                           .arg(detail::pathSegment(playlistRatingKey))
                           .arg(playlistItemId),
                       {}, context, std::move(done), false);
}

RequestHandle PlexClient::moveItem(const QString &playlistRatingKey, qint64 playlistItemId,
                                   std::optional<qint64> afterPlaylistItemId, QObject *context,
                                   Callback<void> done)
{
    QList<QPair<QString, QString>> query;
    if (afterPlaylistItemId)
        query.append({QStringLiteral("after"), QString::number(*afterPlaylistItemId)});
    // Moving to the same place twice gives the same order: safe to retry.
    return simpleWrite(*m_http, this, m_config, "PUT",
                       QStringLiteral("/playlists/%1/items/%2/move")
                           .arg(detail::pathSegment(playlistRatingKey))
                           .arg(playlistItemId),
                       query, context, std::move(done), true);
}

RequestHandle PlexClient::clearPlaylist(const QString &playlistRatingKey, QObject *context,
                                        Callback<void> done)
{
    return simpleWrite(*m_http, this, m_config, "DELETE",
                       QStringLiteral("/playlists/%1/items").arg(detail::pathSegment(playlistRatingKey)), {},
                       context, std::move(done), true);
}

RequestHandle PlexClient::editPlaylist(const QString &ratingKey, const std::optional<QString> &title,
                                       const std::optional<QString> &summary, QObject *context,
                                       Callback<void> done)
{
    QList<QPair<QString, QString>> query;
    if (title) {
        query.append({QStringLiteral("title.value"), *title});
        query.append({QStringLiteral("title.locked"), QStringLiteral("1")});
    }
    if (summary) {
        query.append({QStringLiteral("summary.value"), *summary});
        query.append({QStringLiteral("summary.locked"), QStringLiteral("1")});
    }
    return simpleWrite(*m_http, this, m_config, "PUT",
                       QStringLiteral("/playlists/") + detail::pathSegment(ratingKey), query, context,
                       std::move(done), true);
}

RequestHandle PlexClient::deletePlaylist(const QString &ratingKey, QObject *context, Callback<void> done)
{
    return simpleWrite(*m_http, this, m_config, "DELETE",
                       QStringLiteral("/playlists/") + detail::pathSegment(ratingKey), {}, context,
                       std::move(done), true);
}

RequestHandle PlexClient::uploadPoster(const QString &ratingKey, const QByteArray &image,
                                       const QString &mimeType, QObject *context, Callback<void> done)
{
    return simpleWrite(*m_http, this, m_config, "POST",
                       QStringLiteral("/library/metadata/%1/posters").arg(detail::pathSegment(ratingKey)), {},
                       context, std::move(done), true, image, mimeType.toUtf8());
}

} // namespace pb::clients
