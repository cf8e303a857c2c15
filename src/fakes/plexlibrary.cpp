// Fake Plex Media Server, library browsing: /library, the sections and their details, section
// listings of artists, albums and tracks (media queries, paging, the `includeMeta` filter and
// sort descriptions), collections, and the metadata of tracks, albums and artists with their
// children and leaves.
#include "plexjson.h"
#include "plexmeta.h"
#include "plexquery.h"

#include <algorithm>

namespace pb::fakes {

namespace {

namespace pj = plexjson;
namespace pq = plexquery;
using Artist = FakeState::PlexArtist;
using Album = FakeState::PlexAlbum;

constexpr int kMediaTagVersion = 1700000000;

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

QString sectionUuid(const WorldPlexSection &s)
{
    return QStringLiteral("0a1b2c3d-0000-4000-8000-%1").arg(s.key.toInt(), 12, 10, QLatin1Char('0'));
}

Json sectionDirectory(const WorldPlexSection &s)
{
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
                {"uuid", u8(sectionUuid(s))},
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

/// Attributes every container of one section's content carries.
Json sectionContainer(const WorldPlexSection &s)
{
    return Json{{"allowSync", true},
                {"art", sectionKind(s.type).art},
                {"identifier", "com.plexapp.plugins.library"},
                {"librarySectionID", s.key.toInt()},
                {"librarySectionTitle", u8(s.title)},
                {"librarySectionUUID", u8(sectionUuid(s))},
                {"mediaTagPrefix", "/system/bundle/media/flags/"},
                {"mediaTagVersion", kMediaTagVersion}};
}

FakeReply libraryRoot(const FakeRequest &req)
{
    Json dirs = Json::array();
    for (const auto &[key, title] :
         {std::pair{"sections", "Library Sections"}, std::pair{"recentlyAdded", "Recently Added Content"},
          std::pair{"onDeck", "On Deck Content"}})
        dirs.push_back(Json{{"key", key}, {"title", title}});
    return pj::container(req, Json{{"size", dirs.size()},
                                   {"allowSync", false},
                                   {"art", "/:/resources/library-art.png"},
                                   {"content", ""},
                                   {"identifier", "com.plexapp.plugins.library"},
                                   {"mediaTagPrefix", "/system/bundle/media/flags/"},
                                   {"mediaTagVersion", kMediaTagVersion},
                                   {"title1", "Plex Library"},
                                   {"title2", ""},
                                   {"Directory", dirs}});
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

/// GET /library/sections/{id}: the section's browse entries (what old clients built menus from).
FakeReply sectionDetails(const FakeRequest &req, const WorldPlexSection &s)
{
    const bool music = s.type == QLatin1String("artist");
    Json dirs = Json::array();
    const auto add = [&](const char *key, const char *title) {
        dirs.push_back(Json{{"key", key}, {"title", title}});
    };
    add("all", music ? "All Artists" : "All");
    if (music) {
        add("albums", "By Album");
        add("recentlyAdded", "Recently Added");
        add("folder", "By Folder");
    }
    Json c = sectionContainer(s);
    c["size"] = dirs.size();
    c["content"] = "secondary";
    c["thumb"] = sectionKind(s.type).thumb;
    c["title1"] = u8(s.title);
    c["viewGroup"] = "secondary";
    c["Directory"] = dirs;
    return pj::container(req, c);
}

bool wantsMeta(const FakeRequest &req)
{
    return req.paramOr(QStringLiteral("includeMeta")) == QLatin1String("1");
}

/// A paged container of `total` items whose JSON `item(i)` builds only for the page.
template <typename Item>
FakeReply pagedContainer(const FakeRequest &req, Json c, int total, Item item, int start, int size)
{
    Json page = Json::array();
    for (int i = start, end = pj::pageEnd(start, size, total); i < end; ++i)
        page.push_back(item(i));
    c["size"] = page.size();
    c["totalSize"] = total;
    c["offset"] = start;
    if (!page.empty())
        c["Metadata"] = std::move(page);
    FakeReply r = pj::container(req, std::move(c));
    pj::addPagingHeaders(r, start, total);
    if (req.method == QLatin1String("HEAD"))
        r.body.clear();
    return r;
}

// The values an artist or album is filtered on (plexquery::Field order).
void valuesOf(const FakeState &state, const Artist &a, QString (&v)[pq::kFieldCount])
{
    v[pq::kTitle] = a.title.toCaseFolded();
    v[pq::kArtistTitle] = v[pq::kTitle];
    v[pq::kArtistId] = a.ratingKey;
    (void)state;
}

void valuesOf(const FakeState &state, const Album &a, QString (&v)[pq::kFieldCount])
{
    const Artist &artist = state.plexArtists[static_cast<size_t>(a.artist)];
    v[pq::kTitle] = a.title.toCaseFolded();
    v[pq::kArtistTitle] = artist.title.toCaseFolded();
    v[pq::kAlbumTitle] = v[pq::kTitle];
    v[pq::kYear] = QString::number(a.year);
    v[pq::kArtistId] = artist.ratingKey;
    v[pq::kAlbumId] = a.ratingKey;
}

int compareDirs(const FakeState &state, const Album &a, const Album &b, QString f)
{
    if (f.startsWith(QLatin1String("album.")))
        f = f.mid(6);
    f.remove(QLatin1String("Sort"));
    if (f == QLatin1String("year"))
        return a.year - b.year;
    if (f == QLatin1String("artist.title"))
        return QString::compare(state.plexArtists[static_cast<size_t>(a.artist)].title,
                                state.plexArtists[static_cast<size_t>(b.artist)].title, Qt::CaseInsensitive);
    if (f == QLatin1String("title"))
        return QString::compare(a.title, b.title, Qt::CaseInsensitive);
    return 0;
}

int compareDirs(const FakeState &, const Artist &a, const Artist &b, QString f)
{
    f.remove(QLatin1String("Sort"));
    if (f == QLatin1String("title") || f == QLatin1String("artist.title"))
        return QString::compare(a.title, b.title, Qt::CaseInsensitive);
    return 0;
}

const QString &sectionOf(const FakeState &state, const Album &a)
{
    return state.plexArtists[static_cast<size_t>(a.artist)].section;
}

const QString &sectionOf(const FakeState &, const Artist &a)
{
    return a.section;
}

/// The artists or albums of a section (empty: of every section) that pass the query, sorted
/// and limited.
template <typename Dir>
std::vector<const Dir *> selectDirs(const FakeState &state, const std::vector<Dir> &all,
                                    const QString &section, const pq::Query &q)
{
    std::vector<const Dir *> out;
    for (const Dir &d : all) {
        QString v[pq::kFieldCount];
        valuesOf(state, d, v);
        if (!section.isEmpty() && sectionOf(state, d) != section)
            continue;
        if (pq::matches(v, q))
            out.push_back(&d);
    }
    std::stable_sort(out.begin(), out.end(), [&](const Dir *a, const Dir *b) {
        for (const QString &s : q.sort) {
            const int c = compareDirs(state, *a, *b, s.section(QLatin1Char(':'), 0, 0));
            if (c != 0)
                return s.endsWith(QLatin1String(":desc")) ? c > 0 : c < 0;
        }
        return false;
    });
    if (q.limit >= 0 && static_cast<int>(out.size()) > q.limit)
        out.resize(static_cast<size_t>(q.limit));
    return out;
}

/// A section's listing, or with no section /library/all: the same over every section.
FakeReply sectionListing(const FakeState &state, const FakeRequest &req, const WorldPlexSection *s)
{
    int start = 0, size = -1;
    if (!pj::readPaging(req, start, size))
        return plexHtmlError(400);
    bool typeOk = true;
    const int type =
        req.param(QStringLiteral("type")) ? req.paramOr(QStringLiteral("type")).toInt(&typeOk) : pq::kArtist;
    if (!typeOk || (type != pq::kArtist && type != pq::kAlbum && type != pq::kTrack))
        return plexHtmlError(400);
    const auto q = pq::parse(req, static_cast<pq::MetadataType>(type));
    if (!q)
        return plexHtmlError(400);
    const bool includeGuids = req.paramOr(QStringLiteral("includeGuids")) == QLatin1String("1");
    Json c = s ? sectionContainer(*s)
               : Json{{"allowSync", true},
                      {"identifier", "com.plexapp.plugins.library"},
                      {"mediaTagPrefix", "/system/bundle/media/flags/"},
                      {"mediaTagVersion", kMediaTagVersion}};
    c["title1"] = s ? u8(s->title) : "Plex Library";
    c["title2"] = type == pq::kTrack ? "All Tracks" : (type == pq::kAlbum ? "All Albums" : "All Artists");
    c["viewGroup"] = type == pq::kTrack ? "track" : (type == pq::kAlbum ? "album" : "artist");
    if (s && wantsMeta(req))
        c["Meta"] = plexmeta::sectionMeta(*s, type);
    const QString section = s ? s->key : QString();
    // Select first, then build JSON only for the requested page.
    if (type == pq::kTrack) {
        const auto hits = pq::run(state, section, *q);
        return pagedContainer(
            req, std::move(c), static_cast<int>(hits.size()),
            [&](int i) { return pj::trackMetadata(state, *hits[static_cast<size_t>(i)], includeGuids); },
            start, size);
    }
    if (type == pq::kAlbum) {
        const auto hits = selectDirs(state, state.plexAlbums, section, *q);
        return pagedContainer(
            req, std::move(c), static_cast<int>(hits.size()),
            [&](int i) { return pj::albumMetadata(state, *hits[static_cast<size_t>(i)]); }, start, size);
    }
    const auto hits = selectDirs(state, state.plexArtists, section, *q);
    return pagedContainer(
        req, std::move(c), static_cast<int>(hits.size()),
        [&](int i) { return pj::artistMetadata(state, *hits[static_cast<size_t>(i)]); }, start, size);
}

FakeReply collections(const FakeRequest &req, const WorldPlexSection &s)
{
    int start = 0, size = -1;
    if (!pj::readPaging(req, start, size))
        return plexHtmlError(400);
    Json c = sectionContainer(s);
    c["title1"] = u8(s.title);
    c["title2"] = "Collections";
    if (wantsMeta(req))
        c["Meta"] = plexmeta::collectionsMeta(s);
    return pagedContainer(
        req, std::move(c), 0, [](int) { return Json(); }, start, size);
}

/// GET /library/metadata/{k1,k2,...}: tracks, albums, artists and playlists; unknown keys are
/// skipped, all unknown is 404.
FakeReply metadata(FakeState &state, const FakeRequest &req, const QString &ids)
{
    const bool includeGuids = req.paramOr(QStringLiteral("includeGuids")) == QLatin1String("1");
    Json items = Json::array();
    for (const QString &raw : ids.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString id = raw.trimmed();
        if (const WorldPlexTrack *t = state.plexTrack(id))
            items.push_back(pj::trackMetadata(state, *t, includeGuids));
        else if (const auto al = state.plexAlbumByKey.constFind(id); al != state.plexAlbumByKey.constEnd())
            items.push_back(pj::albumMetadata(state, state.plexAlbums[static_cast<size_t>(*al)]));
        else if (const auto ar = state.plexArtistByKey.constFind(id); ar != state.plexArtistByKey.constEnd())
            items.push_back(pj::artistMetadata(state, state.plexArtists[static_cast<size_t>(*ar)]));
        else if (const FakePlexPlaylist *p = state.plexPlaylist(id))
            items.push_back(pj::playlistMetadata(state, *p));
    }
    if (items.empty())
        return plexHtmlError(404);
    return pj::container(req, Json{{"size", items.size()},
                                   {"allowSync", true},
                                   {"identifier", "com.plexapp.plugins.library"},
                                   {"mediaTagPrefix", "/system/bundle/media/flags/"},
                                   {"mediaTagVersion", kMediaTagVersion},
                                   {"Metadata", items}});
}

/// GET /library/metadata/{album}/children (its tracks), {artist}/children (its albums) and
/// {artist}/allLeaves (every track of the artist), paged.
FakeReply children(const FakeState &state, const FakeRequest &req, const QString &key, bool leaves)
{
    int start = 0, size = -1;
    if (!pj::readPaging(req, start, size))
        return plexHtmlError(400);
    const bool includeGuids = req.paramOr(QStringLiteral("includeGuids")) == QLatin1String("1");
    const auto al = state.plexAlbumByKey.constFind(key);
    const auto ar = state.plexArtistByKey.constFind(key);
    if (al == state.plexAlbumByKey.constEnd() && ar == state.plexArtistByKey.constEnd())
        return state.plexTrack(key) ? plexHtmlError(400) : plexHtmlError(404);
    const Album *album =
        al != state.plexAlbumByKey.constEnd() ? &state.plexAlbums[static_cast<size_t>(*al)] : nullptr;
    const Artist &artist = album ? state.plexArtists[static_cast<size_t>(album->artist)]
                                 : state.plexArtists[static_cast<size_t>(*ar)];
    const WorldPlexSection *s = state.plexSection(artist.section);
    Json c = s ? sectionContainer(*s) : Json::object();
    c["key"] = u8(key);
    c["parentIndex"] = 1;
    c["nocache"] = true;
    c["thumb"] = u8(QStringLiteral("/library/metadata/%1/thumb/1700000000").arg(key));
    std::vector<int> tracks; // library indexes
    if (album) {             // its children and its leaves are its tracks
        c["parentTitle"] = u8(artist.title);
        c["title1"] = u8(artist.title);
        c["title2"] = u8(album->title);
        c["viewGroup"] = "track";
        if (album->year > 0)
            c["parentYear"] = album->year;
        tracks = album->tracks;
    } else if (leaves) {
        c["title1"] = u8(artist.title);
        c["title2"] = "All tracks";
        c["viewGroup"] = "track";
        for (int a : artist.albums) {
            const auto &t = state.plexAlbums[static_cast<size_t>(a)].tracks;
            tracks.insert(tracks.end(), t.begin(), t.end());
        }
    } else {
        c["parentTitle"] = u8(artist.title);
        c["title1"] = s ? u8(s->title) : "";
        c["title2"] = u8(artist.title);
        c["viewGroup"] = "album";
        return pagedContainer(
            req, std::move(c), static_cast<int>(artist.albums.size()),
            [&](int i) {
                return pj::albumMetadata(
                    state, state.plexAlbums[static_cast<size_t>(artist.albums[static_cast<size_t>(i)])]);
            },
            start, size);
    }
    const auto &library = state.world.plex.tracks;
    return pagedContainer(
        req, std::move(c), static_cast<int>(tracks.size()),
        [&](int i) {
            return pj::trackMetadata(state, library[static_cast<size_t>(tracks[static_cast<size_t>(i)])],
                                     includeGuids);
        },
        start, size);
}

} // namespace

std::optional<FakeReply> handlePlexLibrary(FakeState &state, const FakeRequest &req)
{
    const QStringList seg = req.segments();
    if (seg.isEmpty() || seg[0] != QLatin1String("library"))
        return std::nullopt;
    const bool get = req.method == QLatin1String("GET") || req.method == QLatin1String("HEAD");
    if (seg.size() == 1)
        return get ? libraryRoot(req) : plexHtmlError(404);
    if (seg.size() == 2 && seg[1] == QLatin1String("all"))
        return get ? sectionListing(state, req, nullptr) : plexHtmlError(404);
    if (seg[1] == QLatin1String("sections")) {
        if (!get)
            return plexHtmlError(404);
        if (seg.size() == 2 || (seg.size() == 3 && seg[2] == QLatin1String("all")))
            return sections(state, req);
        const WorldPlexSection *s = state.plexSection(seg[2]);
        if (!s)
            return plexHtmlError(404);
        if (seg.size() == 3)
            return sectionDetails(req, *s);
        if (seg.size() == 4 && (seg[3] == QLatin1String("all") || seg[3] == QLatin1String("search")))
            return sectionListing(state, req, s);
        if (seg.size() == 4 && seg[3] == QLatin1String("collections"))
            return collections(req, *s);
        return plexHtmlError(404);
    }
    if (seg[1] != QLatin1String("metadata") || seg.size() < 3 || !get)
        return std::nullopt; // poster uploads and the rest: handlePlexServer
    if (seg.size() == 3)
        return metadata(state, req, seg[2]);
    if (seg.size() == 4 && (seg[3] == QLatin1String("children") || seg[3] == QLatin1String("allLeaves")))
        return children(state, req, seg[2], seg[3] == QLatin1String("allLeaves"));
    return plexHtmlError(404);
}

} // namespace pb::fakes
