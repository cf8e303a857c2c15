#include "spotifydto.h"

#include <QTimeZone>

namespace pb::clients::detail::spotify {

void from_json(const json &j, UserDto &dto)
{
    dto.value.id = str(j, "id");
    dto.value.displayName = optStr(j, "display_name");
    dto.value.accountId = optStr(j, "account_id");
}

void from_json(const json &j, PlaylistDto &dto)
{
    pb::SourcePlaylist &p = dto.value;
    p.id = str(j, "id");
    p.name = str(j, "name");
    p.description = optStr(j, "description");
    if (const json *owner = optObject(j, "owner")) {
        p.ownerId = optStr(*owner, "id");
        p.ownerName = optStr(*owner, "display_name");
    }
    p.snapshotId = optStr(j, "snapshot_id");
    p.collaborative = optBool(j, "collaborative");
    p.isPublic = optBool(j, "public");
    // `images` is null for cover-less playlists (recorded March 2026).
    const json &images = optArray(j, "images");
    if (!images.empty() && images.front().is_object())
        p.imageUrl = optStr(images.front(), "url");
    // `items` is the 2026 name of the contents summary; `tracks` the deprecated one.
    const json *contents = optObject(j, "items");
    if (!contents || !contents->contains("total"))
        contents = optObject(j, "tracks");
    if (contents)
        p.trackCount = static_cast<int>(optInt(*contents, "total", 0));
}

pb::SourceTrack trackFrom(const json &j)
{
    pb::SourceTrack t;
    t.id = optStr(j, "id");
    t.uri = optStr(j, "uri");
    t.name = str(j, "name");
    for (const json &artist : optArray(j, "artists")) {
        const QString name = artist.is_object() ? optStr(artist, "name") : QString();
        if (!name.isEmpty())
            t.artists.append(name);
    }
    if (const json *album = optObject(j, "album"))
        t.album = optStr(*album, "name");
    else if (const json *show = optObject(j, "show"))
        t.album = optStr(*show, "name");
    t.durationMs = optInt(j, "duration_ms", 0);
    t.isExplicit = optBool(j, "explicit");
    if (const json *ids = optObject(j, "external_ids"))
        t.isrc = optStr(*ids, "isrc");
    t.isLocal = optBool(j, "is_local") || t.uri.startsWith(QLatin1String("spotify:local:"));
    return t;
}

void from_json(const json &j, EntryDto &dto)
{
    if (!j.is_object())
        throw ShapeError(std::string("a playlist entry should be an object but is ") + j.type_name());
    // Read `item` (2026), falling back to `track` (deprecated; still the only key on /me/tracks).
    const json *object = optObject(j, "item");
    if (!object)
        object = optObject(j, "track");
    pb::PlaylistEntry &e = dto.value;
    if (!object) {
        e.skipReason = pb::SkipReason::Unavailable; // null item: no longer available
        return;
    }
    e.track = trackFrom(*object);
    const bool entryLocal = optBool(j, "is_local");
    if (optStr(*object, "type") == QLatin1String("episode"))
        e.skipReason = pb::SkipReason::Episode;
    else if (entryLocal || e.track.isLocal) {
        e.track.isLocal = true;
        e.skipReason = pb::SkipReason::LocalFile;
    }
}

void from_json(const json &j, TokenDto &dto)
{
    dto.value.accessToken = str(j, "access_token");
    dto.value.refreshToken = optStr(j, "refresh_token");
    dto.value.scope = optStr(j, "scope");
    dto.expiresIn = optInt(j, "expires_in", 3600);
    dto.value.expiresAt = QDateTime::currentDateTimeUtc().addSecs(dto.expiresIn);
}

pb::Error errorFor(const HttpResponse &response)
{
    const int status = response.status;
    QString message;
    QString code;
    QString reason;
    if (!looksLikeHtml(response)) {
        const json body = json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
        if (body.is_object()) {
            auto it = body.find("error");
            if (it != body.end() && it->is_object()) {
                auto m = it->find("message");
                if (m != it->end() && m->is_string())
                    message = QString::fromStdString(m->get<std::string>());
                auto r = it->find("reason");
                if (r != it->end() && r->is_string())
                    reason = QString::fromStdString(r->get<std::string>());
            } else if (it != body.end() && it->is_string()) {
                code = QString::fromStdString(it->get<std::string>());
                auto d = body.find("error_description");
                if (d != body.end() && d->is_string())
                    message = QString::fromStdString(d->get<std::string>());
            }
        }
    } else {
        message = htmlSummary(response.body);
    }
    if (message.isEmpty())
        message = QStringLiteral("Spotify answered HTTP %1").arg(status);

    if (status == 429 && reason == QLatin1String("QUOTA_EXCEEDED")) {
        return pb::Error::make(
            pb::ErrorKind::QuotaExceeded,
            QStringLiteral("Spotify's quota for this Client ID is used up (QUOTA_EXCEEDED). "
                           "Waiting a few seconds will not help; try again later."),
            status, reason);
    }
    if (code == QLatin1String("invalid_grant")) {
        return pb::Error::make(
            pb::ErrorKind::AuthRequired,
            QStringLiteral("Spotify refused the sign-in (%1). Reconnect Spotify.").arg(message), status,
            code);
    }
    if (!code.isEmpty())
        return pb::Error::make(pb::ErrorKind::Api, message, status, code);
    if (status == 401)
        return pb::Error::make(pb::ErrorKind::AuthRequired, message, status);
    if (status == 403 && message.contains(QLatin1String("premium"), Qt::CaseInsensitive))
        return pb::Error::make(
            pb::ErrorKind::Forbidden,
            QStringLiteral("Spotify refused: the owner of this Client ID's app needs an active "
                           "Premium subscription (a Development Mode rule). Spotify said: %1")
                .arg(message),
            status, QStringLiteral("premium_required"));
    if (status == 403)
        return pb::Error::make(pb::ErrorKind::Forbidden, message, status);
    if (status == 404)
        return pb::Error::make(pb::ErrorKind::NotFound, message, status);
    if (status == 429)
        return pb::Error::make(pb::ErrorKind::RateLimited, message, status, reason);
    if (status >= 500)
        return pb::Error::make(pb::ErrorKind::HttpStatus, message, status);
    return pb::Error::make(pb::ErrorKind::Api, message, status, reason);
}

} // namespace pb::clients::detail::spotify
