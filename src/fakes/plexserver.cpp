// Fake Plex Media Server (library side): /identity, /, sections, type=10 listings with media
// queries and container paging, /hubs/search, /library/metadata/{ids}, poster uploads. The
// playlist endpoints live in plexplaylists.cpp.
#include "plexjson.h"
#include "plexquery.h"

#include <QSet>

#include <algorithm>
#include <iterator>

namespace pb::fakes {

namespace {

namespace pj = plexjson;

constexpr const char *kVersion = "1.41.3.9314-a0bfb8370";

bool tokenOk(const FakeState &state, const FakeRequest &req)
{
    const QString token = req.headerOrParam("x-plex-token", QStringLiteral("X-Plex-Token"));
    return !token.isEmpty() && (token == state.world.plex.accessToken || token == state.world.plex.userToken);
}

/// Agent, scanner and artwork of a section type, as a real server reports them.
struct SectionKind {
    const char *agent;
    const char *scanner;
    const char *art;
    const char *thumb;
    const char *folder;
};

SectionKind sectionKind(const QString &type)
{
    if (type == QLatin1String("movie"))
        return {"tv.plex.agents.movie", "Plex Movie", "/:/resources/movie-fanart.jpg",
                "/:/resources/movie.png", "/movies/"};
    if (type == QLatin1String("show"))
        return {"tv.plex.agents.series", "Plex TV Series", "/:/resources/show-fanart.jpg",
                "/:/resources/show.png", "/tv/"};
    if (type == QLatin1String("photo"))
        return {"com.plexapp.agents.none", "Plex Photo Scanner", "/:/resources/photo-fanart.jpg",
                "/:/resources/photo.png", "/photos/"};
    return {"tv.plex.agents.music", "Plex Music", "/:/resources/artist-fanart.jpg", "/:/resources/artist.png",
            "/music/"};
}

Json sectionDirectory(const WorldPlexSection &s)
{
    const QString uuid =
        QStringLiteral("0a1b2c3d-0000-4000-8000-%1").arg(s.key.toInt(), 12, 10, QLatin1Char('0'));
    const SectionKind kind = sectionKind(s.type);
    return Json{{"allowSync", true},
                {"art", kind.art},
                {"composite", u8(QStringLiteral("/library/sections/%1/composite/1700000000").arg(s.key))},
                {"filters", true},
                {"refreshing", false},
                {"thumb", kind.thumb},
                {"key", u8(s.key)},
                {"type", u8(s.type)},
                {"title", u8(s.title)},
                {"agent", kind.agent},
                {"scanner", kind.scanner},
                {"language", "en-US"},
                {"uuid", u8(uuid)},
                {"updatedAt", 1700000000},
                {"createdAt", 1600000000},
                {"scannedAt", 1700000000},
                {"content", true},
                {"directory", true},
                {"contentChangedAt", 123456},
                {"hidden", 0},
                {"Location", Json::array({{{"id", s.key.toInt()},
                                           {"path", u8(QString::fromLatin1(kind.folder) + s.title)}}})}};
}

FakeReply sections(const FakeState &state, const FakeRequest &req)
{
    Json dirs = Json::array();
    for (const auto &s : state.world.plex.sections)
        dirs.push_back(sectionDirectory(s));
    return pj::container(
        req,
        Json{{"size", dirs.size()}, {"allowSync", false}, {"title1", "Plex Library"}, {"Directory", dirs}});
}

FakeReply root(const FakeState &state, const FakeRequest &req)
{
    const auto &plex = state.world.plex;
    Json dirs = Json::array();
    for (const char *k : {"butler", "library", "playlists", "search"})
        dirs.push_back(Json{{"count", 1}, {"key", k}, {"title", k}});
    return pj::container(req, Json{{"size", dirs.size()},
                                   {"allowCameraUpload", false},
                                   {"allowSync", true},
                                   {"claimed", true},
                                   {"friendlyName", u8(plex.name)},
                                   {"machineIdentifier", u8(plex.machineIdentifier)},
                                   {"myPlex", true},
                                   {"myPlexUsername", u8(plex.username)},
                                   {"musicAnalysis", 2},
                                   {"platform", "Linux"},
                                   {"platformVersion", "6.1.0"},
                                   {"version", kVersion},
                                   {"Directory", dirs}});
}

const WorldPlexSection *findSection(const FakeState &state, const QString &key)
{
    for (const auto &s : state.world.plex.sections) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

// Artists (type 8) and albums (type 9) derived from the tracks, for clients that browse.
Json directoriesOf(const FakeState &state, const QString &section, int type)
{
    Json out = Json::array();
    QSet<QString> seen;
    const auto &tracks = state.world.plex.tracks;
    for (size_t i = 0; i < tracks.size(); ++i) {
        const WorldPlexTrack &t = tracks[i];
        if (state.plexSearch[i].section != section)
            continue;
        const QString name = type == 8 ? t.artist : t.artist + QLatin1Char('|') + t.album;
        if (seen.contains(name))
            continue;
        seen.insert(name);
        const QString key =
            pj::derivedKey(type == 8 ? QStringLiteral("artist") : QStringLiteral("album"), name);
        Json j{{"ratingKey", u8(key)},
               {"key", u8(QStringLiteral("/library/metadata/%1/children").arg(key))},
               {"type", type == 8 ? "artist" : "album"},
               {"title", u8(type == 8 ? t.artist : t.album)}};
        if (type == 9) {
            j["parentTitle"] = u8(t.artist);
            if (t.year > 0)
                j["year"] = t.year;
        }
        out.push_back(j);
    }
    return out;
}

FakeReply sectionListing(const FakeState &state, const FakeRequest &req, const WorldPlexSection &s)
{
    int start = 0, size = -1;
    if (!pj::readPaging(req, start, size))
        return plexHtmlError(400);
    bool typeOk = true;
    const int type =
        req.param(QStringLiteral("type")) ? req.paramOr(QStringLiteral("type")).toInt(&typeOk) : 8;
    if (!typeOk || (type != 8 && type != 9 && type != 10))
        return plexHtmlError(400);
    const bool includeGuids = req.paramOr(QStringLiteral("includeGuids")) == QLatin1String("1");
    // Select first, then build JSON only for the requested page.
    Json page = Json::array();
    int total = 0;
    if (type == 10) {
        const auto q = plexquery::parse(req);
        if (!q)
            return plexHtmlError(400);
        const std::vector<const WorldPlexTrack *> hits = plexquery::run(state, s.key, *q);
        total = static_cast<int>(hits.size());
        for (int i = start; i < total && (size < 0 || i < start + size); ++i)
            page.push_back(pj::trackMetadata(state, *hits[static_cast<size_t>(i)], includeGuids));
    } else {
        const Json all = directoriesOf(state, s.key, type);
        total = static_cast<int>(all.size());
        for (int i = start; i < total && (size < 0 || i < start + size); ++i)
            page.push_back(all[static_cast<size_t>(i)]);
    }
    Json c{{"size", page.size()},
           {"totalSize", total},
           {"offset", start},
           {"allowSync", true},
           {"art", "/:/resources/artist-fanart.jpg"},
           {"identifier", "com.plexapp.plugins.library"},
           {"librarySectionID", s.key.toInt()},
           {"librarySectionTitle", u8(s.title)},
           {"librarySectionUUID",
            u8(QStringLiteral("0a1b2c3d-0000-4000-8000-%1").arg(s.key.toInt(), 12, 10, QLatin1Char('0')))},
           {"mediaTagPrefix", "/system/bundle/media/flags/"},
           {"mediaTagVersion", 1700000000},
           {"title1", u8(s.title)},
           {"title2", type == 10 ? "All Tracks" : (type == 9 ? "All Albums" : "All Artists")},
           {"viewGroup", type == 10 ? "track" : (type == 9 ? "album" : "artist")}};
    if (!page.empty())
        c["Metadata"] = page;
    FakeReply r = pj::container(req, c);
    pj::addPagingHeaders(r, start, total);
    if (req.method == QLatin1String("HEAD"))
        r.body.clear();
    return r;
}

Json hub(const char *type, const char *identifier, const char *title, Json items, bool more)
{
    Json h{{"hubIdentifier", identifier},
           {"title", title},
           {"type", type},
           {"hubKey", ""},
           {"size", items.size()},
           {"more", more},
           {"style", "shelf"},
           {"context", u8(QStringLiteral("hub.search.") + QString::fromLatin1(type))}};
    if (!items.empty())
        h[std::string(type) == "track" ? "Metadata" : "Directory"] = std::move(items);
    return h;
}

FakeReply hubSearch(const FakeState &state, const FakeRequest &req)
{
    const QString query = req.paramOr(QStringLiteral("query")).trimmed();
    if (query.isEmpty())
        return plexHtmlError(400);
    const QString sectionId = req.paramOr(QStringLiteral("sectionId"));
    if (!sectionId.isEmpty() && !findSection(state, sectionId))
        return plexHtmlError(404);
    bool ok = true;
    const int limit =
        req.param(QStringLiteral("limit")) ? req.paramOr(QStringLiteral("limit")).toInt(&ok) : 3;
    if (!ok || limit < 0)
        return plexHtmlError(400);
    static const QRegularExpression split(QStringLiteral("[^\\w]+"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    const QStringList words = foldForSearch(query).split(split, Qt::SkipEmptyParts);
    const QString folded = foldForSearch(query);
    // Every query word must prefix a word of the name: intersect the word-index hits.
    auto matching = [&](const FakeState::WordIndex &ix) {
        std::vector<int> acc;
        for (qsizetype w = 0; w < words.size(); ++w) {
            std::vector<int> hits = ix.withPrefix(words[w]);
            if (w == 0) {
                acc = std::move(hits);
            } else {
                std::vector<int> both;
                std::set_intersection(acc.begin(), acc.end(), hits.begin(), hits.end(),
                                      std::back_inserter(both));
                acc = std::move(both);
            }
            if (acc.empty())
                break;
        }
        return acc;
    };
    const auto &library = state.world.plex.tracks;
    auto inSection = [&](int i) {
        return sectionId.isEmpty() || state.plexSearch[static_cast<size_t>(i)].section == sectionId;
    };
    // Rank: whole-title equality first, then titles that start with the query, then the rest.
    std::vector<std::pair<int, const WorldPlexTrack *>> tracks;
    for (int i : matching(state.titleWordIndex)) {
        if (!inSection(i))
            continue;
        const QString &ft = state.plexSearch[static_cast<size_t>(i)].foldedTitle;
        tracks.push_back(
            {ft == folded ? 0 : (ft.startsWith(folded) ? 1 : 2), &library[static_cast<size_t>(i)]});
    }
    // Artists and albums in library order, one entry each; JSON only for the first `limit`.
    Json artists = Json::array(), albums = Json::array();
    QSet<QString> seenArtists, seenAlbums;
    for (int i : matching(state.artistWordIndex)) {
        const WorldPlexTrack &t = library[static_cast<size_t>(i)];
        if (!inSection(i) || seenArtists.contains(t.artist))
            continue;
        seenArtists.insert(t.artist);
        if (static_cast<int>(artists.size()) > limit)
            break;
        const QString key = pj::derivedKey(QStringLiteral("artist"), t.artist);
        artists.push_back(Json{{"ratingKey", u8(key)},
                               {"key", u8(QStringLiteral("/library/metadata/%1/children").arg(key))},
                               {"type", "artist"},
                               {"title", u8(t.artist)}});
    }
    for (int i : matching(state.albumWordIndex)) {
        const WorldPlexTrack &t = library[static_cast<size_t>(i)];
        const QString albumId = t.artist + QLatin1Char('|') + t.album;
        if (!inSection(i) || seenAlbums.contains(albumId))
            continue;
        seenAlbums.insert(albumId);
        if (static_cast<int>(albums.size()) > limit)
            break;
        const QString key = pj::derivedKey(QStringLiteral("album"), albumId);
        albums.push_back(Json{{"ratingKey", u8(key)},
                              {"key", u8(QStringLiteral("/library/metadata/%1/children").arg(key))},
                              {"type", "album"},
                              {"title", u8(t.album)},
                              {"parentTitle", u8(t.artist)}});
    }
    std::stable_sort(tracks.begin(), tracks.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    Json trackItems = Json::array();
    for (size_t i = 0; i < tracks.size() && static_cast<int>(i) < limit; ++i)
        trackItems.push_back(pj::trackMetadata(state, *tracks[i].second, false));
    auto cap = [limit](Json a) {
        Json out = Json::array();
        for (size_t i = 0; i < a.size() && static_cast<int>(i) < limit; ++i)
            out.push_back(a[i]);
        return out;
    };
    const bool moreArtists = static_cast<int>(artists.size()) > limit;
    const bool moreAlbums = static_cast<int>(albums.size()) > limit;
    Json hubs =
        Json::array({hub("artist", "artist", "Artists", cap(artists), moreArtists),
                     hub("album", "album", "Albums", cap(albums), moreAlbums),
                     hub("track", "track", "Tracks", trackItems, static_cast<int>(tracks.size()) > limit)});
    return pj::container(req, Json{{"size", hubs.size()}, {"Hub", hubs}});
}

FakeReply metadata(FakeState &state, const FakeRequest &req, const QString &ids)
{
    const bool includeGuids = req.paramOr(QStringLiteral("includeGuids")) == QLatin1String("1");
    Json items = Json::array();
    for (const QString &id : ids.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const WorldPlexTrack *t = state.plexTrack(id.trimmed()))
            items.push_back(pj::trackMetadata(state, *t, includeGuids));
        else if (const FakePlexPlaylist *p = state.plexPlaylist(id.trimmed()))
            items.push_back(pj::playlistMetadata(state, *p));
    }
    if (items.empty())
        return plexHtmlError(404);
    return pj::container(req, Json{{"size", items.size()},
                                   {"allowSync", true},
                                   {"identifier", "com.plexapp.plugins.library"},
                                   {"mediaTagPrefix", "/system/bundle/media/flags/"},
                                   {"mediaTagVersion", 1700000000},
                                   {"Metadata", items}});
}

FakeReply uploadPoster(FakeState &state, const FakeRequest &req, const QString &key)
{
    FakePlexPlaylist *p = state.plexPlaylist(key);
    if (!p)
        return state.plexTrack(key) ? plexHtmlError(403) : plexHtmlError(404);
    if (req.body.isEmpty() && req.paramOr(QStringLiteral("url")).isEmpty())
        return plexHtmlError(400);
    p->hasPoster = true;
    p->updatedAt = QDateTime::currentSecsSinceEpoch();
    return emptyReply(200);
}

} // namespace

FakeReply handlePlexServer(FakeState &state, const FakeRequest &req)
{
    const QStringList seg = req.segments();
    const bool get = req.method == QLatin1String("GET") || req.method == QLatin1String("HEAD");
    if (seg.size() == 1 && seg[0] == QLatin1String("identity") && get) {
        // Answered without a token, like a probe (assumption: see docs/fakes.md).
        return pj::container(req, Json{{"size", 0},
                                       {"claimed", true},
                                       {"machineIdentifier", u8(state.world.plex.machineIdentifier)},
                                       {"version", kVersion}});
    }
    if (!tokenOk(state, req))
        return plexHtmlError(401);
    if (seg.isEmpty() && get)
        return root(state, req);
    if (auto p = handlePlexPlaylists(state, req))
        return *p;
    if (seg.size() >= 2 && seg[0] == QLatin1String("library") && seg[1] == QLatin1String("sections")) {
        if (!get)
            return plexHtmlError(404);
        if (seg.size() == 2 || (seg.size() == 3 && seg[2] == QLatin1String("all")))
            return sections(state, req);
        const WorldPlexSection *s = findSection(state, seg[2]);
        if (!s)
            return plexHtmlError(404);
        if (seg.size() == 4 && (seg[3] == QLatin1String("all") || seg[3] == QLatin1String("search")))
            return sectionListing(state, req, *s);
        return plexHtmlError(404);
    }
    if (seg.size() == 2 && seg[0] == QLatin1String("hubs") && seg[1] == QLatin1String("search") && get)
        return hubSearch(state, req);
    if (seg.size() == 3 && seg[0] == QLatin1String("library") && seg[1] == QLatin1String("metadata") && get)
        return metadata(state, req, seg[2]);
    if (seg.size() == 4 && seg[0] == QLatin1String("library") && seg[1] == QLatin1String("metadata") &&
        (seg[3] == QLatin1String("posters") || seg[3] == QLatin1String("poster") ||
         seg[3] == QLatin1String("thumb")) &&
        (req.method == QLatin1String("POST") || req.method == QLatin1String("PUT")))
        return uploadPoster(state, req, seg[2]);
    return plexHtmlError(404);
}

} // namespace pb::fakes
