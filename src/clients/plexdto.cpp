#include "plexdto.h"

namespace pb::clients::detail::plex {

void from_json(const json &j, TrackDto &dto)
{
    pb::PlexTrack &t = dto.value;
    t.ratingKey = str(j, "ratingKey");
    t.title = str(j, "title");
    t.grandparentTitle = optStr(j, "grandparentTitle");
    t.originalTitle = optStr(j, "originalTitle");
    t.parentTitle = optStr(j, "parentTitle");
    t.durationMs = optInt(j, "duration", 0);
    t.index = static_cast<int>(optInt(j, "index", 0));
    t.year = static_cast<int>(optInt(j, "year", 0));
    if (t.year == 0)
        t.year = static_cast<int>(optInt(j, "parentYear", 0));
    for (const json &g : optArray(j, "Guid")) {
        if (g.is_object()) {
            const QString id = optStrOrInt(g, "id");
            if (!id.isEmpty())
                t.guids.append(id);
        }
    }
    t.librarySectionId = optStrOrInt(j, "librarySectionID");
    t.addedAt = optInt(j, "addedAt", 0);
    t.updatedAt = optInt(j, "updatedAt", 0);
}

void from_json(const json &j, PlaylistItemDto &dto)
{
    TrackDto track;
    from_json(j, track);
    dto.value.track = std::move(track.value);
    dto.value.playlistItemId = optInt(j, "playlistItemID", 0);
    if (dto.value.playlistItemId == 0)
        throw ShapeError("field 'playlistItemID' is missing");
}

void from_json(const json &j, PlaylistDto &dto)
{
    pb::PlexPlaylist &p = dto.value;
    p.ratingKey = str(j, "ratingKey");
    p.title = str(j, "title");
    p.summary = optStr(j, "summary");
    p.playlistType = optStr(j, "playlistType");
    p.smart = optBool(j, "smart");
    p.leafCount = static_cast<int>(optInt(j, "leafCount", 0));
    p.updatedAt = optInt(j, "updatedAt", 0);
}

void from_json(const json &j, SectionDto &dto)
{
    dto.value.key = optStrOrInt(j, "key");
    if (dto.value.key.isEmpty())
        throw ShapeError("field 'key' is missing");
    dto.value.title = str(j, "title");
    dto.value.type = optStr(j, "type");
    dto.value.uuid = optStr(j, "uuid");
}

void from_json(const json &j, IdentityDto &dto)
{
    const json &mc = object(j, "MediaContainer");
    dto.machineIdentifier = str(mc, "machineIdentifier");
    dto.version = optStr(mc, "version");
}

void from_json(const json &j, PinDto &dto)
{
    dto.value.id = optInt(j, "id", 0);
    if (dto.value.id == 0)
        throw ShapeError("field 'id' is missing");
    dto.value.code = str(j, "code");
    dto.value.authToken = optStr(j, "authToken");
    const qint64 expiresIn = optInt(j, "expiresIn", 0);
    if (expiresIn > 0) {
        dto.value.expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn);
    } else {
        QDateTime at = QDateTime::fromString(optStr(j, "expiresAt"), Qt::ISODate);
        dto.value.expiresAt = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc().addSecs(900);
    }
}

void from_json(const json &j, ResourceDto &dto)
{
    PlexResource &r = dto.value;
    r.name = optStr(j, "name");
    r.product = optStr(j, "product");
    r.productVersion = optStr(j, "productVersion");
    r.clientIdentifier = str(j, "clientIdentifier");
    r.accessToken = optStr(j, "accessToken");
    r.owned = optBool(j, "owned");
    r.presence = optBool(j, "presence");
    r.provides = optStr(j, "provides").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &p : r.provides)
        p = p.trimmed();
    for (const json &c : optArray(j, "connections")) {
        if (!c.is_object())
            throw ShapeError("a connection should be an object");
        PlexConnection conn;
        conn.uri = QUrl(str(c, "uri"), QUrl::StrictMode);
        conn.protocol = optStr(c, "protocol");
        conn.address = optStr(c, "address");
        conn.port = static_cast<int>(optInt(c, "port", 0));
        conn.local = optBool(c, "local");
        conn.relay = optBool(c, "relay");
        conn.ipv6 = optBool(c, "IPv6");
        if (conn.uri.isValid())
            r.connections.push_back(std::move(conn));
    }
}

void from_json(const json &j, AccountDto &dto)
{
    dto.value.id = optInt(j, "id", 0);
    dto.value.uuid = optStr(j, "uuid");
    dto.value.username = optStr(j, "username");
    dto.value.title = optStr(j, "title");
    dto.value.email = optStr(j, "email");
}

std::vector<pb::PlexTrack> tracksOf(const json &root)
{
    std::vector<pb::PlexTrack> out;
    for (auto &t : readContainer<TrackDto>(root, "Metadata").items)
        out.push_back(std::move(t.value));
    return out;
}

std::vector<pb::PlexTrack> hubTracksOf(const json &root)
{
    std::vector<pb::PlexTrack> out;
    const json &mc = object(root, "MediaContainer");
    for (const json &hub : optArray(mc, "Hub")) {
        if (!hub.is_object() || optStr(hub, "type") != QLatin1String("track"))
            continue;
        for (const json &m : optArray(hub, "Metadata"))
            out.push_back(m.get<TrackDto>().value);
    }
    return out;
}

pb::PlexPlaylist playlistOf(const json &root)
{
    auto c = readContainer<PlaylistDto>(root, "Metadata");
    if (c.items.empty())
        throw ShapeError("the answer holds no playlist");
    return c.items.front().value;
}

pb::Error pmsErrorFor(const HttpResponse &response)
{
    const int status = response.status;
    QString heading = looksLikeHtml(response) ? htmlSummary(response.body) : QString();
    if (heading.isEmpty())
        heading = QStringLiteral("HTTP %1").arg(status);
    const QString message = QStringLiteral("Plex server answered “%1”").arg(heading);
    switch (status) {
    case 401:
        return pb::Error::make(
            pb::ErrorKind::AuthRequired,
            message + QStringLiteral(": the Plex token was refused; sign in to Plex again."), status);
    case 403: return pb::Error::make(pb::ErrorKind::Forbidden, message, status);
    case 404: return pb::Error::make(pb::ErrorKind::NotFound, message, status);
    case 414:
        return pb::Error::make(pb::ErrorKind::HttpStatus, message + QStringLiteral(" (request URL too long)"),
                               status, QStringLiteral("414"));
    default: break;
    }
    return pb::Error::make(pb::ErrorKind::HttpStatus, message, status);
}

pb::Error plexTvErrorFor(const HttpResponse &response)
{
    const int status = response.status;
    QString message;
    QString code;
    const json body = json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
    if (body.is_object()) {
        auto errors = body.find("errors");
        if (errors != body.end() && errors->is_array() && !errors->empty() && errors->front().is_object()) {
            const json &first = errors->front();
            auto m = first.find("message");
            if (m != first.end() && m->is_string())
                message = QString::fromStdString(m->get<std::string>());
            auto c = first.find("code");
            if (c != first.end() && c->is_number_integer())
                code = QString::fromStdString(c->dump());
        }
    }
    if (message.isEmpty())
        message =
            looksLikeHtml(response) ? htmlSummary(response.body) : QStringLiteral("HTTP %1").arg(status);
    message = QStringLiteral("plex.tv: ") + message;
    if (status == 401)
        return pb::Error::make(pb::ErrorKind::AuthRequired, message, status, code);
    if (code == QLatin1String("1020"))
        return pb::Error::make(
            pb::ErrorKind::AuthRequired,
            QStringLiteral("The Plex sign-in code expired before it was approved. Start again."), status,
            QStringLiteral("pin-expired"));
    if (status == 404)
        return pb::Error::make(pb::ErrorKind::NotFound, message, status, code);
    if (status >= 500)
        return pb::Error::make(pb::ErrorKind::HttpStatus, message, status, code);
    return pb::Error::make(pb::ErrorKind::Api, message, status, code);
}

} // namespace pb::clients::detail::plex
