#pragma once

#include "pb/clients/clientconfig.h"
#include "pb/clients/plextypes.h"
#include "pb/clients/requesthandle.h"
#include "pb/core/types.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace pb::clients {

namespace detail {
class HttpCore;
}

/// One Plex Media Server, JSON API (Accept: application/json) with the X-Plex-* headers.
/// Lives on one thread and uses that thread's QNetworkAccessManager.
///
/// Errors: PMS answers errors with HTML pages; they become typed errors with the page's
/// heading as message (401 → AuthRequired, 403 → Forbidden, 404 → NotFound, else HttpStatus).
/// HTML or malformed JSON where JSON was expected → Parse. Reads are retried on 5xx and network
/// errors; writes are not (a write that may have happened is never repeated blindly), except
/// when the connection was refused before anything was sent.
class PlexClient : public QObject {
    Q_OBJECT
public:
    PlexClient(QNetworkAccessManager *nam, PlexConfig config, QObject *parent = nullptr);
    ~PlexClient() override;

    const PlexConfig &config() const { return m_config; }

    /// GET /identity → machineIdentifier (name empty, baseUrl = serverUrl, accessToken = token).
    RequestHandle identity(QObject *context, Callback<pb::PlexServer> done);
    /// GET /library/sections, music sections (type "artist") only.
    RequestHandle musicSections(QObject *context, Callback<std::vector<pb::PlexSection>> done);
    /// GET /library/sections/{key}/all?type=10 with the query's filters, every page (or up to limit).
    RequestHandle searchTracks(const PlexTrackQuery &query, QObject *context,
                               Callback<std::vector<pb::PlexTrack>> done);
    /// GET /hubs/search?query=...&sectionId=...: the tracks of the "track" hubs.
    RequestHandle hubSearch(const QString &query, const QString &sectionKey, int limit, QObject *context,
                            Callback<std::vector<pb::PlexTrack>> done);
    /// GET /library/metadata/{k1,k2,...} in URL-sized batches; keys Plex does not know are absent.
    RequestHandle metadata(const QStringList &ratingKeys, QObject *context,
                           Callback<std::vector<pb::PlexTrack>> done);
    /// GET /playlists?playlistType=audio (dumb and smart).
    RequestHandle playlists(QObject *context, Callback<std::vector<pb::PlexPlaylist>> done);
    /// GET /playlists/{key}
    RequestHandle playlist(const QString &ratingKey, QObject *context, Callback<pb::PlexPlaylist> done);
    /// GET /playlists/{key}/items, every page, in order.
    RequestHandle playlistItems(const QString &playlistRatingKey, QObject *context,
                                Callback<std::vector<pb::PlexPlaylistItem>> done);

    /// POST /playlists with the first chunk of items (Plex cannot create an empty playlist),
    /// then PUT /playlists/{key}/items for each further chunk, in order. Chunks are sized by the
    /// encoded URL length (PlexConfig::maxUrlLength); a 414 halves the chunk and retries it.
    /// Empty ratingKeys → InvalidInput. If an append fails the playlist exists: the error's
    /// message names it and `code` holds its ratingKey so the caller can repair or delete it.
    RequestHandle createPlaylist(const QString &title, const QString &machineIdentifier,
                                 const QStringList &ratingKeys, QObject *context,
                                 Callback<pb::PlexPlaylist> done);
    /// PUT /playlists/{key}/items, chunked as above, appended in order.
    RequestHandle addItems(const QString &playlistRatingKey, const QString &machineIdentifier,
                           const QStringList &ratingKeys, QObject *context, Callback<void> done);
    /// DELETE /playlists/{key}/items/{playlistItemID}
    RequestHandle removeItem(const QString &playlistRatingKey, qint64 playlistItemId, QObject *context,
                             Callback<void> done);
    /// PUT /playlists/{key}/items/{playlistItemID}/move?after=... (nullopt = to the top).
    RequestHandle moveItem(const QString &playlistRatingKey, qint64 playlistItemId,
                           std::optional<qint64> afterPlaylistItemId, QObject *context, Callback<void> done);
    /// DELETE /playlists/{key}/items (clears a dumb playlist).
    RequestHandle clearPlaylist(const QString &playlistRatingKey, QObject *context, Callback<void> done);
    /// PUT /playlists/{key}?title.value=...&summary.value=... (locked); empty optional = unchanged.
    RequestHandle editPlaylist(const QString &ratingKey, const std::optional<QString> &title,
                               const std::optional<QString> &summary, QObject *context, Callback<void> done);
    /// DELETE /playlists/{key}; 200 or 204 both mean success.
    RequestHandle deletePlaylist(const QString &ratingKey, QObject *context, Callback<void> done);
    /// POST /library/metadata/{key}/posters with the image bytes as the body.
    RequestHandle uploadPoster(const QString &ratingKey, const QByteArray &image, const QString &mimeType,
                               QObject *context, Callback<void> done);

    /// The server://{machineIdentifier}/com.plexapp.plugins.library/library/metadata/{k1,k2,...} URI.
    static QString itemsUri(const QString &machineIdentifier, const QStringList &ratingKeys);

private:
    PlexConfig m_config;
    std::unique_ptr<detail::HttpCore> m_http;
};

} // namespace pb::clients
