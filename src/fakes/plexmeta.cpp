// The filter and sort descriptions of a section (includeMeta=1), see plexmeta.h.
#include "plexmeta.h"

#include "plexquery.h"

namespace pb::fakes::plexmeta {

namespace {

namespace pq = plexquery;

Json sortOf(const char *key, const char *title, bool isDefault = false)
{
    Json j{{"defaultDirection", "asc"},
           {"descKey", u8(QString::fromLatin1(key) + QStringLiteral(":desc"))},
           {"key", key},
           {"title", title}};
    if (isDefault)
        j["default"] = "asc";
    return j;
}

Json fieldOf(const char *key, const char *title, const char *type)
{
    return Json{{"key", key}, {"title", title}, {"type", type}};
}

Json typeOf(const WorldPlexSection &s, int type, const char *name, const char *title, bool active, Json sorts,
            Json fields)
{
    Json j{{"key", u8(QStringLiteral("/library/sections/%1/all?type=%2").arg(s.key).arg(type))},
           {"type", name},
           {"title", title},
           {"active", active},
           {"Sort", std::move(sorts)}};
    if (!fields.empty())
        j["Field"] = std::move(fields);
    return j;
}

Json operators(std::initializer_list<std::pair<const char *, const char *>> ops)
{
    Json out = Json::array();
    for (const auto &[key, title] : ops)
        out.push_back(Json{{"key", key}, {"title", title}});
    return out;
}

Json fieldTypes()
{
    return Json::array(
        {Json{{"type", "string"},
              {"Operator", operators({{"=", "contains"},
                                      {"!=", "does not contain"},
                                      {"==", "is"},
                                      {"!==", "is not"},
                                      {"<=", "begins with"},
                                      {">=", "ends with"}})}},
         Json{{"type", "integer"},
              {"Operator",
               operators(
                   {{"=", "is"}, {"!=", "is not"}, {">>=", "is greater than"}, {"<<=", "is less than"}})}}});
}

} // namespace

Json sectionMeta(const WorldPlexSection &s, int activeType)
{
    Json types = Json::array();
    if (s.type == QLatin1String("artist")) {
        types.push_back(typeOf(s, pq::kArtist, "artist", "Artists", activeType == pq::kArtist,
                               Json::array({sortOf("titleSort", "Title", true)}),
                               Json::array({fieldOf("artist.title", "Artist Title", "string")})));
        types.push_back(typeOf(s, pq::kAlbum, "album", "Albums", activeType == pq::kAlbum,
                               Json::array({sortOf("titleSort", "Album", true),
                                            sortOf("artist.titleSort", "Artist"), sortOf("year", "Year")}),
                               Json::array({fieldOf("album.title", "Album Title", "string"),
                                            fieldOf("album.year", "Album Year", "integer"),
                                            fieldOf("artist.title", "Artist Title", "string")})));
        types.push_back(
            typeOf(s, pq::kTrack, "track", "Tracks", activeType == pq::kTrack,
                   Json::array({sortOf("titleSort", "Title", true), sortOf("artist.titleSort", "Artist"),
                                sortOf("album.titleSort", "Album"), sortOf("duration", "Duration")}),
                   Json::array({fieldOf("track.title", "Track Title", "string"),
                                fieldOf("artist.title", "Artist Title", "string"),
                                fieldOf("album.title", "Album Title", "string"),
                                fieldOf("album.year", "Album Year", "integer")})));
    } else {
        types.push_back(Json{{"key", u8(QStringLiteral("/library/sections/%1/all").arg(s.key))},
                             {"type", u8(s.type)},
                             {"title", u8(s.title)},
                             {"active", true},
                             {"Sort", Json::array({sortOf("titleSort", "Title", true)})}});
    }
    return Json{{"Type", types}, {"FieldType", fieldTypes()}};
}

Json collectionsMeta(const WorldPlexSection &s)
{
    Json type{{"key", u8(QStringLiteral("/library/sections/%1/collections").arg(s.key))},
              {"type", "collection"},
              {"title", "Collections"},
              {"active", false},
              {"Sort", Json::array({sortOf("titleSort", "Title", true)})}};
    return Json{{"Type", Json::array({type})}, {"FieldType", fieldTypes()}};
}

} // namespace pb::fakes::plexmeta
