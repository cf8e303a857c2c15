#include "plexjson.h"

#include <QCryptographicHash>
#include <QXmlStreamWriter>

#include <algorithm>

namespace pb::fakes::plexjson {

namespace {

constexpr qint64 kAddedAt = 1700000000;

QString elementName(const std::string &key, const Json &item)
{
    if (key == "Metadata") {
        const std::string type = item.value("type", std::string());
        if (type == "track")
            return QStringLiteral("Track");
        if (type == "playlist")
            return QStringLiteral("Playlist");
        if (type == "artist" || type == "album")
            return QStringLiteral("Directory");
        return QStringLiteral("Video");
    }
    return QString::fromStdString(key);
}

QString attrValue(const Json &v)
{
    if (v.is_boolean())
        return v.get<bool>() ? QStringLiteral("1") : QStringLiteral("0");
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_null())
        return {};
    return QString::fromStdString(v.dump());
}

void writeElement(QXmlStreamWriter &w, const QString &name, const Json &obj)
{
    w.writeStartElement(name);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!it.value().is_array() && !it.value().is_object() && !it.value().is_null())
            w.writeAttribute(QString::fromStdString(it.key()), attrValue(it.value()));
    }
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it.value().is_array()) {
            for (const Json &child : it.value()) {
                if (child.is_object())
                    writeElement(w, elementName(it.key(), child), child);
            }
        } else if (it.value().is_object()) {
            writeElement(w, QString::fromStdString(it.key()), it.value());
        }
    }
    w.writeEndElement();
}

QString sectionTitleOf(const FakeState &state, const QString &section)
{
    for (const auto &s : state.world.plex.sections) {
        if (s.key == section)
            return s.title;
    }
    return {};
}

QString thumbOf(const QString &ratingKey)
{
    return QStringLiteral("/library/metadata/%1/thumb/%2").arg(ratingKey).arg(kAddedAt);
}

/// What artists and albums share: identity, section and artwork.
Json directoryMetadata(const FakeState &state, const QString &ratingKey, const char *type,
                       const QString &title, const QString &section)
{
    return Json{{"ratingKey", u8(ratingKey)},
                {"key", u8(QStringLiteral("/library/metadata/%1/children").arg(ratingKey))},
                {"guid", u8(QStringLiteral("plex://%1/%2").arg(QLatin1String(type), ratingKey))},
                {"type", type},
                {"title", u8(title)},
                {"titleSort", u8(title)},
                {"summary", ""},
                {"index", 1},
                {"librarySectionTitle", u8(sectionTitleOf(state, section))},
                {"librarySectionID", section.toInt()},
                {"librarySectionKey", u8(QStringLiteral("/library/sections/") + section)},
                {"thumb", u8(thumbOf(ratingKey))},
                {"art", u8(QStringLiteral("/library/metadata/%1/art/%2").arg(ratingKey).arg(kAddedAt))},
                {"addedAt", kAddedAt},
                {"updatedAt", kAddedAt}};
}

} // namespace

Json artistMetadata(const FakeState &state, const FakeState::PlexArtist &a)
{
    Json j = directoryMetadata(state, a.ratingKey, "artist", a.title, a.section);
    int tracks = 0;
    for (int album : a.albums)
        tracks += static_cast<int>(state.plexAlbums[static_cast<size_t>(album)].tracks.size());
    j["childCount"] = a.albums.size();
    j["leafCount"] = tracks;
    j["viewedLeafCount"] = 0;
    return j;
}

Json albumMetadata(const FakeState &state, const FakeState::PlexAlbum &a)
{
    const FakeState::PlexArtist &artist = state.plexArtists[static_cast<size_t>(a.artist)];
    Json j = directoryMetadata(state, a.ratingKey, "album", a.title, artist.section);
    j["parentRatingKey"] = u8(artist.ratingKey);
    j["parentKey"] = u8(QStringLiteral("/library/metadata/") + artist.ratingKey);
    j["parentGuid"] = u8(QStringLiteral("plex://artist/") + artist.ratingKey);
    j["parentTitle"] = u8(artist.title);
    j["parentThumb"] = u8(thumbOf(artist.ratingKey));
    j["leafCount"] = a.tracks.size();
    j["viewedLeafCount"] = 0;
    if (a.year > 0) {
        j["year"] = a.year;
        j["originallyAvailableAt"] = u8(QStringLiteral("%1-01-01").arg(a.year));
    }
    return j;
}

QString derivedKey(const QString &kind, const QString &name)
{
    const QByteArray h = QCryptographicHash::hash((kind + QLatin1Char(':') + name.toCaseFolded()).toUtf8(),
                                                  QCryptographicHash::Sha1);
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(h.at(i));
    return QString::number(500000 + (v % 400000));
}

Json trackMetadata(const FakeState &state, const WorldPlexTrack &t, bool includeGuids)
{
    const QString section = state.plexSectionOf(t);
    const QString sectionTitle = sectionTitleOf(state, section);
    const QString artistKey = state.plexArtistOf(t).ratingKey;
    const QString albumKey = state.plexAlbumOf(t).ratingKey;
    const QString file = QStringLiteral("/music/%1/%2/%3 - %4.flac")
                             .arg(t.artist, t.album)
                             .arg(t.index, 2, 10, QLatin1Char('0'))
                             .arg(t.title);
    const qint64 partId = t.ratingKey.toLongLong() * 3 + 11;
    Json j{
        {"ratingKey", u8(t.ratingKey)},
        {"key", u8(QStringLiteral("/library/metadata/") + t.ratingKey)},
        {"parentRatingKey", u8(albumKey)},
        {"grandparentRatingKey", u8(artistKey)},
        {"guid", u8(QStringLiteral("plex://track/") + derivedKey(QStringLiteral("guid"), t.ratingKey))},
        {"parentGuid", u8(QStringLiteral("plex://album/") + albumKey)},
        {"grandparentGuid", u8(QStringLiteral("plex://artist/") + artistKey)},
        {"type", "track"},
        {"title", u8(t.title)},
        {"grandparentKey", u8(QStringLiteral("/library/metadata/") + artistKey)},
        {"parentKey", u8(QStringLiteral("/library/metadata/") + albumKey)},
        {"librarySectionTitle", u8(sectionTitle)},
        {"librarySectionID", section.toInt()},
        {"librarySectionKey", u8(QStringLiteral("/library/sections/") + section)},
        {"grandparentTitle", u8(t.artist)},
        {"parentTitle", u8(t.album)},
        {"summary", ""},
        {"index", t.index},
        {"parentIndex", 1},
        {"thumb", u8(thumbOf(albumKey))},
        {"parentThumb", u8(thumbOf(albumKey))},
        {"grandparentThumb", u8(thumbOf(artistKey))},
        {"duration", t.duration},
        {"addedAt", kAddedAt},
        {"updatedAt", kAddedAt},
        {"musicAnalysisVersion", "1"},
        {"Media",
         Json::array(
             {{{"id", partId},
               {"duration", t.duration},
               {"bitrate", 1411},
               {"audioChannels", 2},
               {"audioCodec", "flac"},
               {"container", "flac"},
               {"optimizedForStreaming", 0},
               {"Part",
                Json::array(
                    {{{"id", partId},
                      {"key", u8(QStringLiteral("/library/parts/%1/%2/file.flac").arg(partId).arg(kAddedAt))},
                      {"duration", t.duration},
                      {"file", u8(file)},
                      {"size", t.duration * 176},
                      {"container", "flac"}}})}}})}};
    if (!t.originalTitle.isEmpty())
        j["originalTitle"] = u8(t.originalTitle);
    if (t.year > 0)
        j["parentYear"] = t.year;
    if (includeGuids && !t.guids.isEmpty()) {
        Json g = Json::array();
        for (const QString &id : t.guids)
            g.push_back({{"id", u8(id)}});
        j["Guid"] = g;
    }
    return j;
}

Json playlistMetadata(const FakeState &state, const FakePlexPlaylist &p)
{
    qint64 duration = 0;
    for (const auto &i : p.items) {
        if (const WorldPlexTrack *t = state.plexTrack(i.ratingKey))
            duration += t->duration;
    }
    const QString uuid = derivedKey(QStringLiteral("playlist-guid"), p.ratingKey);
    Json j{{"ratingKey", u8(p.ratingKey)},
           {"key", u8(QStringLiteral("/playlists/%1/items").arg(p.ratingKey))},
           {"guid", u8(QStringLiteral("com.plexapp.agents.none://") + uuid)},
           {"type", "playlist"},
           {"title", u8(p.title)},
           {"summary", u8(p.summary)},
           {"smart", false},
           {"readOnly", false},
           {"playlistType", "audio"},
           {"composite", u8(QStringLiteral("/playlists/%1/composite/%2").arg(p.ratingKey).arg(p.updatedAt))},
           {"viewCount", 0},
           {"duration", duration},
           {"leafCount", static_cast<int>(p.items.size())},
           {"addedAt", p.addedAt},
           {"updatedAt", p.updatedAt}};
    if (p.hasPoster)
        j["thumb"] = u8(QStringLiteral("/library/metadata/%1/thumb/%2").arg(p.ratingKey).arg(p.updatedAt));
    return j;
}

QByteArray toXml(const Json &root)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartDocument();
    const Json mc = root.contains("MediaContainer") ? root["MediaContainer"] : root;
    writeElement(w, QStringLiteral("MediaContainer"), mc);
    w.writeEndDocument();
    return out;
}

FakeReply container(const FakeRequest &req, Json c, int status)
{
    Json root{{"MediaContainer", std::move(c)}};
    if (req.wantsJson())
        return jsonReply(status, root);
    FakeReply r;
    r.status = status;
    r.contentType = "text/xml;charset=utf-8";
    r.body = toXml(root);
    return r;
}

bool readPaging(const FakeRequest &req, int &start, int &size)
{
    start = 0;
    size = -1;
    const QString s = req.headerOrParam("x-plex-container-start", QStringLiteral("X-Plex-Container-Start"));
    const QString n = req.headerOrParam("x-plex-container-size", QStringLiteral("X-Plex-Container-Size"));
    bool ok = true;
    if (!s.isEmpty()) {
        start = s.toInt(&ok);
        if (!ok || start < 0)
            return false;
    }
    if (!n.isEmpty()) {
        size = n.toInt(&ok);
        if (!ok || size < 0)
            return false;
    }
    return true;
}

int pageEnd(int start, int size, int total)
{
    if (size < 0)
        return total;
    return static_cast<int>(std::min<qint64>(total, static_cast<qint64>(start) + size));
}

void addPagingHeaders(FakeReply &reply, int start, int totalSize)
{
    reply.addHeader("X-Plex-Container-Start", QByteArray::number(start));
    reply.addHeader("X-Plex-Container-Total-Size", QByteArray::number(totalSize));
}

} // namespace pb::fakes::plexjson
