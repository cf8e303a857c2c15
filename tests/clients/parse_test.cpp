// DTO parsing at the boundary: real recorded answers parse, wrong shapes become Parse errors,
// error bodies become the right ErrorKind. No network.
#include "jsonutil.h"
#include "plexdto.h"
#include "spotifydto.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace pb::clients::detail;
using pb::ErrorKind;

namespace {

json loadJson(const QString &name)
{
    QFile f(QStringLiteral(PB_TEST_DATA_DIR "/clients/") + name);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
    return json::parse(f.readAll().toStdString());
}

HttpResponse response(int status, QByteArray body, QByteArray contentType = "application/json")
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers.append({"Content-Type", contentType});
    return r;
}

} // namespace

TEST(ClientsSpotifyParse, RecordedCurrentUser)
{
    auto user = parseDto<spotify::UserDto>(loadJson(QStringLiteral("spotify/current_user.json")),
                                           QStringLiteral("user"));
    ASSERT_TRUE(user.ok()) << user.error().toString().toStdString();
    EXPECT_EQ(user->value.id, QStringLiteral("1112264649"));
    EXPECT_EQ(user->value.displayName, QStringLiteral("Joost Lekkerkerker"));
}

TEST(ClientsSpotifyParse, RecordedPlaylistPageWithNullImages)
{
    const json j = loadJson(QStringLiteral("spotify/current_user_playlist_1.json"));
    auto page = parseDto<spotify::PageDto<spotify::PlaylistDto>>(j, QStringLiteral("page"));
    ASSERT_TRUE(page.ok()) << page.error().toString().toStdString();
    EXPECT_EQ(page->items.size(), 48u);
    EXPECT_EQ(page->total, 94);
    EXPECT_TRUE(page->next.contains(QStringLiteral("offset=48")));
    EXPECT_TRUE(page->items[2].value.imageUrl.isEmpty()); // images: null in the recording
    EXPECT_FALSE(page->items[0].value.name.isEmpty());
}

TEST(ClientsSpotifyParse, RecordedPlaylistItemsUseTrackFallback)
{
    auto page = parseDto<spotify::PageDto<spotify::EntryDto>>(
        loadJson(QStringLiteral("spotify/playlist_items.json")), QStringLiteral("items"));
    ASSERT_TRUE(page.ok()) << page.error().toString().toStdString();
    ASSERT_EQ(page->items.size(), 1u);
    const auto &e = page->items[0].value;
    EXPECT_EQ(e.skipReason, pb::SkipReason::None);
    EXPECT_FALSE(e.track.name.isEmpty());
    EXPECT_FALSE(e.track.artists.isEmpty());
    EXPECT_GT(e.track.durationMs, 0);
}

TEST(ClientsSpotifyParse, ItemPreferredOverTrackAndSkipReasons)
{
    const json j = json::parse(R"({"items":[
      {"is_local":false,"item":{"type":"track","id":"a","uri":"spotify:track:a","name":"New","artists":[{"name":"X"}],
        "album":{"name":"Al"},"duration_ms":1000,"external_ids":{"isrc":"USX1"}},
       "track":{"type":"track","id":"a","uri":"spotify:track:a","name":"Old","artists":[]}},
      {"is_local":false,"item":null,"track":null},
      {"is_local":true,"item":{"type":"track","id":null,"uri":"spotify:local:A:B:T:200","name":"T","artists":[{"id":null,"name":"A"}],
        "album":{"id":null,"name":"B"},"duration_ms":200000}},
      {"is_local":false,"item":{"type":"episode","id":"e","uri":"spotify:episode:e","name":"Ep","show":{"name":"Show"},"duration_ms":5}},
      {"track":{"type":"track","id":"b","uri":"spotify:track:b","name":"Only track","artists":[],"unknown_field":[1,2]}}
    ],"next":null,"total":5,"offset":0})");
    auto page = parseDto<spotify::PageDto<spotify::EntryDto>>(j, QStringLiteral("items"));
    ASSERT_TRUE(page.ok()) << page.error().toString().toStdString();
    ASSERT_EQ(page->items.size(), 5u);
    EXPECT_EQ(page->items[0].value.track.name, QStringLiteral("New"));
    EXPECT_EQ(page->items[0].value.track.isrc, QStringLiteral("USX1"));
    EXPECT_EQ(page->items[1].value.skipReason, pb::SkipReason::Unavailable);
    EXPECT_EQ(page->items[2].value.skipReason, pb::SkipReason::LocalFile);
    EXPECT_TRUE(page->items[2].value.track.isLocal);
    EXPECT_EQ(page->items[3].value.skipReason, pb::SkipReason::Episode);
    EXPECT_EQ(page->items[3].value.track.album, QStringLiteral("Show"));
    EXPECT_EQ(page->items[4].value.track.name, QStringLiteral("Only track"));
    EXPECT_TRUE(page->next.isEmpty());
}

TEST(ClientsSpotifyParse, WrongTypeOrMissingFieldIsParseError)
{
    auto wrongType = parseDto<spotify::UserDto>(json::parse(R"({"id": 42})"), QStringLiteral("Spotify user"));
    ASSERT_FALSE(wrongType.ok());
    EXPECT_EQ(wrongType.error().kind, ErrorKind::Parse);
    EXPECT_TRUE(wrongType.error().message.contains(QStringLiteral("'id'")));

    auto missing = parseDto<spotify::PlaylistDto>(json::parse(R"({"id":"x"})"), QStringLiteral("playlist"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::Parse);

    auto notObject =
        parseDto<spotify::PageDto<spotify::EntryDto>>(json::parse(R"({"items":[3]})"), QStringLiteral("p"));
    ASSERT_FALSE(notObject.ok());
    EXPECT_EQ(notObject.error().kind, ErrorKind::Parse);

    auto itemsNotArray =
        parseDto<spotify::PageDto<spotify::EntryDto>>(json::parse(R"({"items":{}})"), QStringLiteral("p"));
    ASSERT_FALSE(itemsNotArray.ok());
}

TEST(ClientsSpotifyParse, ErrorBodies)
{
    auto quota = spotify::errorFor(
        response(429, R"({"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}})"));
    EXPECT_EQ(quota.kind, ErrorKind::QuotaExceeded);
    QFile f(QStringLiteral(PB_TEST_DATA_DIR "/clients/spotify/rate_limit.json"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    auto rate = spotify::errorFor(response(429, f.readAll()));
    EXPECT_EQ(rate.kind, ErrorKind::RateLimited);
    EXPECT_EQ(rate.message, QStringLiteral("API rate limit exceeded"));
    auto grant = spotify::errorFor(
        response(400, R"({"error":"invalid_grant","error_description":"Refresh token revoked"})"));
    EXPECT_EQ(grant.kind, ErrorKind::AuthRequired);
    EXPECT_EQ(grant.code, QStringLiteral("invalid_grant"));
    EXPECT_EQ(
        spotify::errorFor(response(404, R"({"error":{"status":404,"message":"Resource not found"}})")).kind,
        ErrorKind::NotFound);
    EXPECT_EQ(spotify::errorFor(response(403, R"({"error":{"status":403,"message":"Forbidden"}})")).kind,
              ErrorKind::Forbidden);
    auto premium = spotify::errorFor(response(
        403,
        R"({"error":{"status":403,"message":"Active premium subscription required for the owner of the app"}})"));
    EXPECT_EQ(premium.kind, ErrorKind::Forbidden);
    EXPECT_EQ(premium.code, QStringLiteral("premium_required"));
    EXPECT_TRUE(premium.message.contains(QStringLiteral("Premium subscription")));
    EXPECT_EQ(spotify::errorFor(response(502, "<html><h1>Bad Gateway</h1></html>", "text/html")).kind,
              ErrorKind::HttpStatus);
}

TEST(ClientsJsonBody, HtmlEmptyAndMalformedAreParseErrors)
{
    auto html = parseJsonBody(
        response(
            200,
            "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>",
            "text/html"),
        QStringLiteral("Plex server"));
    ASSERT_FALSE(html.ok());
    EXPECT_EQ(html.error().kind, ErrorKind::Parse);
    EXPECT_TRUE(html.error().message.contains(QStringLiteral("HTML"))) << html.error().message.toStdString();
    EXPECT_TRUE(html.error().message.contains(QStringLiteral("401 Unauthorized")));

    auto empty = parseJsonBody(response(200, ""), QStringLiteral("Spotify"));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().kind, ErrorKind::Parse);

    auto truncated = parseJsonBody(response(200, R"({"items":[{"a":1},)"), QStringLiteral("Spotify"));
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().kind, ErrorKind::Parse);
}

TEST(ClientsPlexParse, TrackFromContractExample)
{
    const json j = json::parse(R"({"MediaContainer":{"size":1,"totalSize":3,"offset":0,"Metadata":[
      {"ratingKey":"74933","key":"/library/metadata/74933","type":"track","title":"Hello",
       "grandparentTitle":"Adele","parentTitle":"25","originalTitle":"Adele feat. X","duration":295000,
       "index":1,"parentIndex":1,"parentYear":2015,"librarySectionID":3,
       "Guid":[{"id":"mbid://6524bc2d-0000"},{"id":"plex://track/5d07"}],"addedAt":1700000000,
       "Media":[{"id":1,"Part":[{"id":2,"file":"/music/a.flac"}]}]}]}})");
    auto c = readDto<plex::ContainerDto<plex::TrackDto>>(j, QStringLiteral("tracks"), [](const json &v) {
        return plex::readContainer<plex::TrackDto>(v, "Metadata");
    });
    ASSERT_TRUE(c.ok()) << c.error().toString().toStdString();
    ASSERT_EQ(c->items.size(), 1u);
    const pb::PlexTrack &t = c->items[0].value;
    EXPECT_EQ(t.ratingKey, QStringLiteral("74933"));
    EXPECT_EQ(t.grandparentTitle, QStringLiteral("Adele"));
    EXPECT_EQ(t.year, 2015);
    EXPECT_EQ(t.librarySectionId, QStringLiteral("3"));
    EXPECT_EQ(t.guids.size(), 2);
    EXPECT_EQ(c->totalSize, 3);
}

TEST(ClientsPlexParse, RatingKeyMustBeAString)
{
    const json j = json::parse(R"({"MediaContainer":{"Metadata":[{"ratingKey":74933,"title":"x"}]}})");
    auto c = readDto<plex::ContainerDto<plex::TrackDto>>(j, QStringLiteral("tracks"), [](const json &v) {
        return plex::readContainer<plex::TrackDto>(v, "Metadata");
    });
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Parse);
    auto noContainer = readDto<plex::ContainerDto<plex::TrackDto>>(
        json::parse(R"({"errors":[]})"), QStringLiteral("tracks"),
        [](const json &v) { return plex::readContainer<plex::TrackDto>(v, "Metadata"); });
    ASSERT_FALSE(noContainer.ok());
    EXPECT_TRUE(noContainer.error().message.contains(QStringLiteral("MediaContainer")));
}

TEST(ClientsPlexParse, PlaylistSectionIdentityPinResources)
{
    auto pl = parseDto<plex::PlaylistDto>(
        json::parse(R"({"ratingKey":"9","title":"Mix","smart":0,"playlistType":"audio","leafCount":12})"),
        QStringLiteral("playlist"));
    ASSERT_TRUE(pl.ok());
    EXPECT_FALSE(pl->value.smart);
    EXPECT_EQ(pl->value.leafCount, 12);

    auto section = parseDto<plex::SectionDto>(
        json::parse(R"({"key":"3","type":"artist","title":"Music","hidden":0})"), QStringLiteral("section"));
    ASSERT_TRUE(section.ok());
    EXPECT_EQ(section->value.key, QStringLiteral("3"));

    auto id = parseDto<plex::IdentityDto>(
        json::parse(
            R"({"MediaContainer":{"size":0,"claimed":true,"machineIdentifier":"abc","version":"1.40"}})"),
        QStringLiteral("identity"));
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->machineIdentifier, QStringLiteral("abc"));

    auto pin =
        parseDto<plex::PinDto>(json::parse(R"({"id":373040866,"code":"7RQZ","product":"0","trusted":false,
        "expiresIn":876,"createdAt":"2024-07-16T17:03:05Z","expiresAt":"2024-07-16T17:18:05Z","authToken":null})"),
                               QStringLiteral("pin"));
    ASSERT_TRUE(pin.ok());
    EXPECT_EQ(pin->value.id, 373040866);
    EXPECT_TRUE(pin->value.authToken.isEmpty());
    EXPECT_TRUE(pin->value.expiresAt > QDateTime::currentDateTimeUtc());

    auto res = parseDto<plex::ResourceDto>(json::parse(R"({"name":"NAS","product":"Plex Media Server",
        "clientIdentifier":"abc","provides":"server","owned":true,"accessToken":"t","connections":[
        {"protocol":"https","address":"10.0.0.2","port":32400,"uri":"https://10-0-0-2.x.plex.direct:32400","local":true,"relay":false,"IPv6":false},
        {"protocol":"https","address":"1.2.3.4","port":443,"uri":"https://1-2-3-4.x.plex.direct:443","local":false,"relay":true,"IPv6":false}]})"),
                                           QStringLiteral("resource"));
    ASSERT_TRUE(res.ok()) << res.error().toString().toStdString();
    EXPECT_TRUE(res->value.isServer());
    ASSERT_EQ(res->value.connections.size(), 2u);
    EXPECT_TRUE(res->value.connections[1].relay);
}

TEST(ClientsJsonBody, NumbersNoIntegerHoldsAreParseErrors)
{
    // Found while fuzzing: a float such as 1e300 was converted to an integer (undefined behaviour).
    for (const char *body :
         {R"({"MediaContainer":{"size":1e300}})", R"({"MediaContainer":{"size":-1e300}})"}) {
        auto c = readDto<plex::ContainerDto<plex::TrackDto>>(
            json::parse(body), QStringLiteral("Plex tracks"),
            [](const json &v) { return plex::readContainer<plex::TrackDto>(v, "Metadata"); });
        ASSERT_FALSE(c.ok()) << body;
        EXPECT_EQ(c.error().kind, ErrorKind::Parse);
        EXPECT_TRUE(c.error().message.contains(QStringLiteral("'size'"))) << c.error().message.toStdString();
    }
    auto truncated = parseDto<spotify::PageDto<spotify::EntryDto>>(
        json::parse(R"({"items":[],"total":12.9})"), QStringLiteral("page"));
    ASSERT_TRUE(truncated.ok());
    EXPECT_EQ(truncated->total, 12);
}

TEST(ClientsPlexParse, HtmlSummaryNeverCutsACharacterInHalf)
{
    const QString face = QString::fromUtf8("\xF0\x9F\x98\x80"); // one character, two UTF-16 units
    const QString heading = QString(199, QLatin1Char('a')) + face + face;
    const QString s = htmlSummary(
        (QStringLiteral("<html><body><h1>") + heading + QStringLiteral("</h1></body></html>")).toUtf8());
    EXPECT_TRUE(QStringView(s).isValidUtf16());
    EXPECT_EQ(s, QString(199, QLatin1Char('a')) + QStringLiteral("…"));
}

TEST(ClientsPlexParse, ErrorPages)
{
    auto nf = plex::pmsErrorFor(
        response(404, "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>",
                 "text/html"));
    EXPECT_EQ(nf.kind, ErrorKind::NotFound);
    EXPECT_TRUE(nf.message.contains(QStringLiteral("404 Not Found"))) << nf.message.toStdString();
    auto unauth = plex::pmsErrorFor(
        response(401,
                 "<html><head><script>window.location = window.location.href.match(/(^.+\\/)[^\\/]*$/)[1] + "
                 "'web/index.html';</script><title>Unauthorized</title></head><body><h1>401 "
                 "Unauthorized</h1></body></html>",
                 "text/html"));
    EXPECT_EQ(unauth.kind, ErrorKind::AuthRequired);
    EXPECT_FALSE(unauth.message.contains(QStringLiteral("script")));
    EXPECT_EQ(plex::pmsErrorFor(response(414, "", "text/html")).httpStatus, 414);

    auto expired = plex::plexTvErrorFor(
        response(404, R"({"errors":[{"code":1020,"message":"Code not found or expired"}]})"));
    EXPECT_EQ(expired.kind, ErrorKind::AuthRequired);
    EXPECT_EQ(expired.code, QStringLiteral("pin-expired"));
    auto badToken = plex::plexTvErrorFor(response(
        401, R"({"errors":[{"code":1001,"message":"User could not be authenticated","status":401}]})"));
    EXPECT_EQ(badToken.kind, ErrorKind::AuthRequired);
    EXPECT_TRUE(badToken.message.contains(QStringLiteral("could not be authenticated")));
}
