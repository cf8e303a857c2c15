// Contract tests: for each recorded response in tests/data/fakes/samples (their provenance is
// in tests/data/fakes/SOURCES.md) the fake answers the same request with the same
// status, the same content type and the same field names, recursively. Fields the fake adds
// beyond a recording are listed here with the reason; fields a recording has and the fake
// lacks are failures.
#include "fakestest.h"

#include <QFile>

#include <set>

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

using Fields = std::set<std::string>;

void collect(const Json &j, const std::string &path, Fields &out)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string p = path + "." + it.key();
            out.insert(p);
            collect(it.value(), p, out);
        }
    } else if (j.is_array()) {
        for (const Json &e : j)
            collect(e, path + "[]", out);
    }
}

Fields fieldsOf(const Json &j)
{
    Fields f;
    collect(j, "", f);
    return f;
}

Json sample(const QString &relative)
{
    QFile f(QStringLiteral(PB_TEST_DATA_DIR "/fakes/samples/") + relative);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << relative.toStdString();
    const QByteArray data = f.readAll();
    return Json::parse(data.constBegin(), data.constEnd(), nullptr, false);
}

/// Fails on every field of `recorded` the fake lacks, and on fake fields not in `allowedExtra`.
void expectSameFields(const Json &recorded, const Json &fake, const Fields &allowedExtra,
                      const std::string &what)
{
    ASSERT_FALSE(fake.is_discarded()) << what;
    const Fields want = fieldsOf(recorded);
    const Fields have = fieldsOf(fake);
    for (const std::string &f : want)
        EXPECT_TRUE(have.count(f)) << what << ": the fake lacks " << f;
    for (const std::string &f : have) {
        if (!want.count(f)) {
            EXPECT_TRUE(allowedExtra.count(f)) << what << ": the fake adds " << f;
        }
    }
}

// Allowed additions below: `account_id` (May 2026) and the February 2026 `items` paging
// object are newer than some recordings; `is_playable` appears in the Liked Songs recording
// but not in the playlist ones; `episode`/`track` flags appear in playlist recordings only.
class FakesContract : public FakesTest {};

} // namespace

TEST_F(FakesContract, SpotifyCurrentUser)
{
    const Response r = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.contentType, "application/json");
    expectSameFields(sample(QStringLiteral("spotify/current_user.json")), r.json(), {".account_id"},
                     "GET /v1/me");
}

TEST_F(FakesContract, SpotifyCurrentUserPlaylists)
{
    const Response r = spotify(QStringLiteral("/v1/me/playlists?offset=0&limit=48"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.contentType, "application/json");
    expectSameFields(sample(QStringLiteral("spotify/current_user_playlist_1.json")), r.json(), {},
                     "GET /v1/me/playlists");
}

TEST_F(FakesContract, SourcePlaylist)
{
    const Response r = spotify(QStringLiteral("/v1/playlists/forty?additional_types=track"));
    EXPECT_EQ(r.status, 200);
    Fields extra;
    for (const char *base : {".tracks", ".items"}) {
        for (const char *f : {".items[].track.album.is_playable", ".items[].track.is_playable",
                              ".items[].item.album.is_playable", ".items[].item.is_playable"})
            extra.insert(std::string(base) + f);
    }
    expectSameFields(sample(QStringLiteral("spotify/playlist_1.json")), r.json(), extra,
                     "GET /v1/playlists/{id}");
}

TEST_F(FakesContract, SpotifyPlaylistItems)
{
    const Response r = spotify(QStringLiteral("/v1/playlists/forty/items?offset=0&limit=48"));
    EXPECT_EQ(r.status, 200);
    expectSameFields(sample(QStringLiteral("spotify/playlist_items.json")), r.json(),
                     {".items[].track.album.is_playable", ".items[].track.is_playable",
                      ".items[].item.album.is_playable", ".items[].item.is_playable"},
                     "GET /v1/playlists/{id}/items");
}

TEST_F(FakesContract, SpotifySavedTracks)
{
    const Response r = spotify(QStringLiteral("/v1/me/tracks?offset=0&limit=48"));
    EXPECT_EQ(r.status, 200);
    expectSameFields(sample(QStringLiteral("spotify/saved_tracks.json")), r.json(),
                     {".items[].track.episode", ".items[].track.track"}, "GET /v1/me/tracks");
}

TEST_F(FakesContract, SpotifyCreatePlaylist)
{
    const Response r =
        spotify(QStringLiteral("/v1/me/playlists"), "POST",
                R"({"name":"New Playlist","description":"New playlist description","public":false})");
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.contentType, "application/json");
    // The recording predates February 2026: the fake also sends the new `items` paging object.
    expectSameFields(sample(QStringLiteral("spotify/new_playlist.json")), r.json(),
                     {".items", ".items.href", ".items.items", ".items.limit", ".items.next", ".items.offset",
                      ".items.previous", ".items.total"},
                     "POST /v1/me/playlists");
}

TEST_F(FakesContract, SpotifyUpdateItems)
{
    const Response r = spotify(QStringLiteral("/v1/playlists/forty/items"), "POST",
                               R"({"uris":["spotify:track:trk0000000000000000041"]})");
    EXPECT_EQ(r.status, 201);
    expectSameFields(sample(QStringLiteral("spotify/playlist_update_items.json")), r.json(), {},
                     "POST items");
    const Response reorder =
        spotify(QStringLiteral("/v1/playlists/forty/items"), "PUT", R"({"range_start":1,"insert_before":0})");
    EXPECT_EQ(reorder.status, 200);
    expectSameFields(sample(QStringLiteral("spotify/playlist_update_items.json")), reorder.json(), {},
                     "PUT items");
}

TEST_F(FakesContract, SpotifyErrors)
{
    const Response missing = spotify(QStringLiteral("/v1/playlists/0000000000000000000000"));
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.json(), sample(QStringLiteral("spotify/playlist_not_found.json")));
    FakeOptions o = fakes().options();
    o.rateLimitPerWindow = 1;
    o.rateWindow = std::chrono::minutes(5);
    fakes().setOptions(o);
    spotify(QStringLiteral("/v1/me"));
    const Response limited = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.json(), sample(QStringLiteral("spotify/rate_limit.json")));
}

TEST_F(FakesContract, SpotifyLibraryContains)
{
    const Response r =
        spotify(QStringLiteral("/v1/me/library/contains?uris=spotify:track:trk0000000000000000059,"
                               "spotify:track:7ouMYWpwJ422jRcDASZB7P"));
    EXPECT_EQ(r.status, 200);
    const Json s = sample(QStringLiteral("spotify/library_contains.json"));
    ASSERT_TRUE(r.json().is_array());
    EXPECT_EQ(r.json().size(), s.size());
    EXPECT_TRUE(r.json()[0].is_boolean());
}

namespace {

Json plexRecording(const char *name)
{
    return sample(QStringLiteral("plex/watchstate-plex_data.json"))[name];
}

Headers recordedHeaders(const Json &rec, const QByteArray &token)
{
    Headers h;
    for (auto it = rec["request"]["headers"].begin(); it != rec["request"]["headers"].end(); ++it) {
        const QByteArray name = QByteArray::fromStdString(it.key());
        h.append({name,
                  name == "X-Plex-Token" ? token : QByteArray::fromStdString(it.value().get<std::string>())});
    }
    return h;
}

} // namespace

TEST_F(FakesContract, PlexSections)
{
    const Json rec = plexRecording("sections_get_200");
    const Response r = call("GET", fakes().plexServerUrl(), QStringLiteral("/library/sections"),
                            recordedHeaders(rec, fakes().plexServerToken().toUtf8()));
    EXPECT_EQ(r.status, rec["response"]["http_code"].get<int>());
    EXPECT_EQ(r.contentType.toStdString(), rec["response"]["headers"]["Content-Type"].get<std::string>());
    EXPECT_EQ(r.header("X-Plex-Protocol"), "1.0");
    expectSameFields(rec["response"]["body"], r.json(), {}, "GET /library/sections");
}

TEST_F(FakesContract, PlexUnauthorized)
{
    for (const char *name : {"sections_get_401", "library_head_401"}) {
        const Json rec = plexRecording(name);
        const QByteArray method = QByteArray::fromStdString(rec["request"]["method"].get<std::string>());
        const QString path = method == "HEAD" ? QStringLiteral("/library/sections/1/all")
                                              : QStringLiteral("/library/sections");
        const Response r = call(method, fakes().plexServerUrl(), path, recordedHeaders(rec, "invalid-token"));
        EXPECT_EQ(r.status, 401) << name;
        EXPECT_EQ(r.contentType, "text/html") << name;
        EXPECT_EQ(r.header("X-Plex-Protocol"), "1.0") << name;
        if (method == "GET") {
            EXPECT_TRUE(r.body.contains("<h1>401 Unauthorized</h1>")) << name;
        }
    }
}

TEST_F(FakesContract, PlexLibraryHead)
{
    const Json rec = plexRecording("library_head_200");
    const Response r =
        call("HEAD", fakes().plexServerUrl(), QStringLiteral("/library/sections/1/all?type=10"),
             recordedHeaders(rec, fakes().plexServerToken().toUtf8()));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.contentType, "application/json");
    EXPECT_EQ(r.header("X-Plex-Container-Start"), "0");
    EXPECT_EQ(r.header("X-Plex-Container-Total-Size"), "30");
    EXPECT_TRUE(r.body.isEmpty());
}

TEST_F(FakesContract, PlexServerInfo)
{
    const Json rec = plexRecording("server_info_get_200");
    const Response r = pms(QStringLiteral("/"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.contentType, "application/json");
    const Fields want = fieldsOf(rec["response"]["body"]);
    const Fields have = fieldsOf(r.json());
    for (const std::string &f : want)
        EXPECT_TRUE(have.count(f)) << "GET / lacks " << f; // hand-written recording: a subset
}

TEST_F(FakesContract, PlexPlaylists)
{
    const QString uri = machineUri(QStringLiteral("101,103"));
    const Response made =
        pms(QStringLiteral("/playlists?type=audio&title=Weekend&smart=0&uri=") + uri, "POST");
    ASSERT_EQ(made.status, 200);
    const QString key =
        QString::fromStdString(made.json()["MediaContainer"]["Metadata"][0]["ratingKey"].get<std::string>());
    // The watchstate playlist entries are hand-written: the fake must have at least their fields.
    struct Case {
        const char *recording;
        QString path;
    } cases[] = {{"playlists_list_get_200", QStringLiteral("/playlists?playlistType=audio")},
                 {"playlist_get_200", QStringLiteral("/playlists/") + key},
                 {"playlist_items_get_200", QStringLiteral("/playlists/%1/items?includeGuids=1").arg(key)}};
    for (const Case &c : cases) {
        const Json rec = plexRecording(c.recording);
        const Response r = pms(c.path);
        EXPECT_EQ(r.status, 200) << c.recording;
        EXPECT_EQ(r.contentType, "application/json") << c.recording;
        const Fields have = fieldsOf(r.json());
        for (const std::string &f : fieldsOf(rec["response"]["body"])) {
            // `year` is a movie field in that recording; music tracks carry `parentYear`.
            if (f == ".MediaContainer.Metadata[].year")
                continue;
            EXPECT_TRUE(have.count(f)) << c.recording << ": the fake lacks " << f;
        }
    }
}
