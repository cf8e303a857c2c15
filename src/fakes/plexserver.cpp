// Fake Plex Media Server: /identity, /, /hubs/search, poster uploads, and the dispatch to the
// library browsing (plexlibrary.cpp) and playlist (plexplaylists.cpp) endpoints.
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

FakeReply root(const FakeState &state, const FakeRequest &req)
{
    const auto &plex = state.world.plex;
    Json dirs = Json::array();
    for (const char *k : {"butler", "library", "playlists", "search"})
        dirs.push_back(Json{{"count", 1}, {"key", k}, {"title", k}});
    // The server's features as the PMS 1.2.0 spec's example of GET / lists them.
    return pj::container(req,
                         Json{{"size", dirs.size()},
                              {"allowCameraUpload", false},
                              {"allowChannelAccess", true},
                              {"allowMediaDeletion", true},
                              {"allowSharing", true},
                              {"allowSync", true},
                              {"backgroundProcessing", true},
                              {"certificate", true},
                              {"claimed", true},
                              {"companionProxy", true},
                              {"diagnostics", "logs,databases,streaminglogs"},
                              {"eventStream", true},
                              {"friendlyName", u8(plex.name)},
                              {"hubSearch", true},
                              {"machineIdentifier", u8(plex.machineIdentifier)},
                              {"multiuser", true},
                              {"musicAnalysis", 2},
                              {"myPlex", true},
                              {"myPlexMappingState", "mapped"},
                              {"myPlexSigninState", "ok"},
                              {"myPlexSubscription", true},
                              {"myPlexUsername", u8(plex.username)},
                              {"ownerFeatures", "collections,loudness,lyrics,music-analysis,sync,webhooks"},
                              {"platform", "Linux"},
                              {"platformVersion", "6.1.0"},
                              {"pluginHost", true},
                              {"readOnlyLibraries", false},
                              {"streamingBrainVersion", 2},
                              {"sync", true},
                              {"transcoderActiveVideoSessions", 0},
                              {"transcoderAudio", true},
                              {"transcoderLyrics", true},
                              {"transcoderPhoto", true},
                              {"transcoderSubtitles", true},
                              {"transcoderVideo", true},
                              {"updatedAt", 1700000000},
                              {"updater", true},
                              {"version", kVersion},
                              {"voiceSearch", true},
                              {"Directory", dirs}});
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
    if (!sectionId.isEmpty() && !state.plexSection(sectionId))
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
    QSet<int> seenArtists, seenAlbums;
    for (int i : matching(state.artistWordIndex)) {
        const int artist =
            state.plexAlbums[static_cast<size_t>(state.plexAlbumOfTrack[static_cast<size_t>(i)])].artist;
        if (!inSection(i) || seenArtists.contains(artist))
            continue;
        seenArtists.insert(artist);
        if (static_cast<int>(artists.size()) > limit)
            break;
        artists.push_back(pj::artistMetadata(state, state.plexArtists[static_cast<size_t>(artist)]));
    }
    for (int i : matching(state.albumWordIndex)) {
        const int album = state.plexAlbumOfTrack[static_cast<size_t>(i)];
        if (!inSection(i) || seenAlbums.contains(album))
            continue;
        seenAlbums.insert(album);
        if (static_cast<int>(albums.size()) > limit)
            break;
        albums.push_back(pj::albumMetadata(state, state.plexAlbums[static_cast<size_t>(album)]));
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
    if (auto l = handlePlexLibrary(state, req))
        return *l;
    if (seg.size() == 2 && seg[0] == QLatin1String("hubs") && seg[1] == QLatin1String("search") && get)
        return hubSearch(state, req);
    if (seg.size() == 4 && seg[0] == QLatin1String("library") && seg[1] == QLatin1String("metadata") &&
        (seg[3] == QLatin1String("posters") || seg[3] == QLatin1String("poster") ||
         seg[3] == QLatin1String("thumb")) &&
        (req.method == QLatin1String("POST") || req.method == QLatin1String("PUT")))
        return uploadPoster(state, req, seg[2]);
    return plexHtmlError(404);
}

} // namespace pb::fakes
