// The plex.tv and Plex Media Server fakes: PIN login, resources, token rules, media-query
// filters and paging, hub search, metadata, playlist writes, XML, HTML errors and 414.
#include "fakestest.h"

#include <QXmlStreamReader>

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

QStringList L(const char *keys)
{
    return QString::fromLatin1(keys).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

std::vector<QString> V(const char *keys)
{
    const QStringList l = L(keys);
    return {l.begin(), l.end()};
}

class FakesPlex : public FakesTest {
protected:
    QStringList keysOf(const Response &r)
    {
        QStringList keys;
        const Json c = r.json()["MediaContainer"];
        if (c.contains("Metadata")) {
            for (const Json &m : c["Metadata"])
                keys.append(QString::fromStdString(m["ratingKey"].get<std::string>()));
        }
        return keys;
    }
    QString createPlaylist(const QString &keys, const QString &title = QStringLiteral("Mine"))
    {
        const Response r =
            pms(QStringLiteral("/playlists?smart=0&title=%1&type=audio&uri=%2")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(title)), machineUri(keys)),
                "POST");
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return QString::fromStdString(
            r.json()["MediaContainer"]["Metadata"][0]["ratingKey"].get<std::string>());
    }
    std::vector<long long> itemIds(const QString &key)
    {
        std::vector<long long> ids;
        const Json body = pms(QStringLiteral("/playlists/%1/items").arg(key)).json();
        for (const Json &m : body["MediaContainer"]["Metadata"])
            ids.push_back(m["playlistItemID"].get<long long>());
        return ids;
    }
};

} // namespace

TEST_F(FakesPlex, PlexTvNeedsClientIdentifierAndValidToken)
{
    const Response noId =
        call("POST", fakes().plexTvUrl(), QStringLiteral("/api/v2/pins"), {{"Accept", "application/json"}});
    EXPECT_EQ(noId.status, 400);
    EXPECT_EQ(noId.json()["errors"][0]["code"], 1000);
    EXPECT_EQ(noId.json()["errors"][0]["message"], "X-Plex-Client-Identifier is missing");
    const Response bad = plexTv(QStringLiteral("/api/v2/user"), "GET", {{"X-Plex-Token", "nope"}});
    EXPECT_EQ(bad.status, 401);
    EXPECT_EQ(bad.json()["errors"][0]["code"], 1001);
    const Response good =
        plexTv(QStringLiteral("/api/v2/user"), "GET", {{"X-Plex-Token", fakes().plexUserToken().toUtf8()}});
    EXPECT_EQ(good.status, 200);
}

TEST_F(FakesPlex, PinIsApprovedAfterConfiguredPollsOrNever)
{
    FakeOptions o = fakes().options();
    o.pinApproveAfterPolls = 3;
    fakes().setOptions(o);
    const Response pin = plexTv(QStringLiteral("/api/v2/pins?strong=true"), "POST");
    ASSERT_EQ(pin.status, 201);
    EXPECT_GE(pin.json()["code"].get<std::string>().size(), 20u); // strong PIN
    EXPECT_TRUE(pin.json()["authToken"].is_null());
    const QString path = QStringLiteral("/api/v2/pins/%1").arg(pin.json()["id"].get<long long>());
    EXPECT_TRUE(plexTv(path).json()["authToken"].is_null());
    EXPECT_TRUE(plexTv(path).json()["authToken"].is_null());
    EXPECT_EQ(plexTv(path).json()["authToken"], fakes().plexUserToken().toStdString());

    const Response unknown = plexTv(QStringLiteral("/api/v2/pins/42"));
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json()["errors"][0]["code"], 1020);
    EXPECT_EQ(unknown.json()["errors"][0]["message"], "Code not found or expired");

    o.pinApproveAfterPolls = -1;
    o.pinLifetime = std::chrono::seconds(0); // expires at once
    fakes().setOptions(o);
    const Response shortLived = plexTv(QStringLiteral("/api/v2/pins?strong=true"), "POST");
    const Response expired =
        plexTv(QStringLiteral("/api/v2/pins/%1").arg(shortLived.json()["id"].get<long long>()));
    EXPECT_EQ(expired.status, 404);
}

TEST_F(FakesPlex, ResourcesListTheServerWithDeadConnectionFirst)
{
    const Response r = plexTv(QStringLiteral("/api/v2/resources?includeHttps=1&includeRelay=1"), "GET",
                              {{"X-Plex-Token", fakes().plexUserToken().toUtf8()}});
    ASSERT_EQ(r.status, 200);
    ASSERT_TRUE(r.json().is_array());
    Json server;
    for (const Json &d : r.json()) {
        if (d["provides"].get<std::string>().find("server") != std::string::npos)
            server = d;
    }
    ASSERT_TRUE(server.is_object());
    EXPECT_EQ(server["clientIdentifier"], fakes().plexMachineIdentifier().toStdString());
    EXPECT_EQ(server["accessToken"], fakes().plexServerToken().toStdString());
    const Json conns = server["connections"];
    ASSERT_GE(conns.size(), 2u);
    EXPECT_NE(conns[0]["port"], fakes().plexServerUrl().port());
    EXPECT_EQ(conns[1]["port"], fakes().plexServerUrl().port());
    bool relay = false;
    for (const Json &c : conns)
        relay = relay || c["relay"].get<bool>();
    EXPECT_TRUE(relay);
}

TEST_F(FakesPlex, IdentityWithoutTokenEverythingElseNeedsIt)
{
    const Response id =
        call("GET", fakes().plexServerUrl(), QStringLiteral("/identity"), {{"Accept", "application/json"}});
    EXPECT_EQ(id.status, 200);
    EXPECT_EQ(id.json()["MediaContainer"]["machineIdentifier"],
              fakes().plexMachineIdentifier().toStdString());
    for (const char *p : {"/", "/library/sections", "/playlists", "/hubs/search?query=x"}) {
        const Response r = call("GET", fakes().plexServerUrl(), QString::fromLatin1(p),
                                {{"Accept", "application/json"}, {"X-Plex-Token", "wrong"}});
        EXPECT_EQ(r.status, 401) << p;
        EXPECT_EQ(r.contentType, "text/html") << p;
        EXPECT_TRUE(r.body.contains("401 Unauthorized")) << p;
    }
    // X-Plex-Token also works as a query parameter.
    EXPECT_EQ(call("GET", fakes().plexServerUrl(),
                   QStringLiteral("/library/sections?X-Plex-Token=") + fakes().plexServerToken(),
                   {{"Accept", "application/json"}})
                  .status,
              200);
}

TEST_F(FakesPlex, SectionsServedOnBothPaths)
{
    for (const char *p : {"/library/sections", "/library/sections/all"}) {
        const Response r = pms(QString::fromLatin1(p));
        ASSERT_EQ(r.status, 200) << p;
        EXPECT_EQ(r.contentType, "application/json");
        const Json d = r.json()["MediaContainer"]["Directory"][0];
        EXPECT_EQ(d["type"], "artist");
        EXPECT_EQ(d["key"], "1");
        EXPECT_EQ(d["hidden"], 0);
        EXPECT_EQ(r.header("X-Plex-Protocol"), "1.0");
    }
}

TEST_F(FakesPlex, MediaQueryOperators)
{
    auto q = [&](const QString &query) {
        return keysOf(pms(QStringLiteral("/library/sections/1/all?type=10&") + query));
    };
    EXPECT_EQ(q(QStringLiteral("title=hello")), L("101 102 103 105")); // contains, case-folded
    EXPECT_EQ(q(QStringLiteral("title==Hello")), L("101 103"));
    EXPECT_EQ(q(QStringLiteral("track.title%3D=hello")), L("101 103"));
    EXPECT_EQ(q(QStringLiteral("title==Hello&artist.title=adele")), L("101"));
    EXPECT_EQ(q(QStringLiteral("album.title=slow")), L("103"));
    EXPECT_EQ(q(QStringLiteral("title<=Hel")), L("101 102 103"));
    EXPECT_EQ(q(QStringLiteral("title>=Live)")), L("102"));
    EXPECT_EQ(q(QStringLiteral("title!=e&artist.title=adele")), L(""));
    EXPECT_EQ(q(QStringLiteral("title==Stay,Hello&artist.title=Rihanna")), L("108"));
    // Accents are not folded by the filters (documented assumption).
    EXPECT_EQ(q(QStringLiteral("title=hello again")), L(""));
    EXPECT_EQ(
        q(QStringLiteral("title=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("夜に")))),
        L("106"));
    EXPECT_EQ(q(QStringLiteral("artist.title=") +
                QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("король")))),
              L("107"));
    EXPECT_EQ(q(QStringLiteral("title=hello&sort=title:desc&limit=2")), L("105 102"));
    EXPECT_EQ(q(QStringLiteral("title=")).size(), 30); // empty contains matches everything
    EXPECT_EQ(q(QStringLiteral("title=o&album.title=")).size(), 5);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/all?type=10&bogusField=1")).status, 400);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/all?type=banana")).status, 400);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/9/all?type=10")).status, 404);
}

TEST_F(FakesPlex, ContainerPagingByHeaderOrParameter)
{
    const Response page = pms(QStringLiteral("/library/sections/1/all?type=10"), "GET",
                              {{"X-Plex-Container-Start", "28"}, {"X-Plex-Container-Size", "5"}});
    ASSERT_EQ(page.status, 200);
    const Json c = page.json()["MediaContainer"];
    EXPECT_EQ(c["size"], 2); // last partial page of 30
    EXPECT_EQ(c["totalSize"], 30);
    EXPECT_EQ(c["offset"], 28);
    EXPECT_EQ(page.header("X-Plex-Container-Total-Size"), "30");
    EXPECT_EQ(page.header("X-Plex-Container-Start"), "28");
    const Response exact = pms(
        QStringLiteral("/library/sections/1/all?type=10&X-Plex-Container-Start=15&X-Plex-Container-Size=15"));
    EXPECT_EQ(exact.json()["MediaContainer"]["size"], 15);
    const Response countOnly = pms(QStringLiteral("/library/sections/1/all?type=10&X-Plex-Container-Size=0"));
    EXPECT_EQ(countOnly.json()["MediaContainer"]["size"], 0);
    EXPECT_EQ(countOnly.json()["MediaContainer"]["totalSize"], 30);
    EXPECT_FALSE(countOnly.json()["MediaContainer"].contains("Metadata"));
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/all?type=10&X-Plex-Container-Start=-1")).status, 400);
}

TEST_F(FakesPlex, HubSearchFoldsAccentsAndRanksExactFirst)
{
    const Response r = pms(QStringLiteral("/hubs/search?query=hello&sectionId=1&limit=10"));
    ASSERT_EQ(r.status, 200);
    Json tracks;
    const Json body = r.json();
    for (const Json &h : body["MediaContainer"]["Hub"]) {
        if (h["type"] == "track")
            tracks = h["Metadata"];
    }
    ASSERT_TRUE(tracks.is_array());
    EXPECT_EQ(tracks[0]["title"], "Hello");
    bool accented = false;
    for (const Json &t : tracks)
        accented = accented || t["ratingKey"] == "104";
    EXPECT_TRUE(accented);
    EXPECT_EQ(pms(QStringLiteral("/hubs/search")).status, 400);
    EXPECT_EQ(pms(QStringLiteral("/hubs/search?query=x&sectionId=77")).status, 404);
}

TEST_F(FakesPlex, MetadataByCommaListSkipsUnknownKeys)
{
    const Response r = pms(QStringLiteral("/library/metadata/101,999,108?includeGuids=1"));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(keysOf(r), L("101 108"));
    const Json t = r.json()["MediaContainer"]["Metadata"][1];
    EXPECT_EQ(t["originalTitle"], "Rihanna feat. Mikky Ekko");
    EXPECT_EQ(t["grandparentTitle"], "Rihanna");
    EXPECT_TRUE(t["Guid"][0]["id"].get<std::string>().starts_with("mbid://"));
    EXPECT_EQ(pms(QStringLiteral("/library/metadata/999")).status, 404);
}

TEST_F(FakesPlex, PlaylistCreateRejectsBadInput)
{
    auto post = [&](const QString &q) { return pms(QStringLiteral("/playlists?") + q, "POST"); };
    EXPECT_EQ(post(QStringLiteral("type=audio&title=x&smart=0")).status, 400); // no items
    EXPECT_EQ(
        post(QStringLiteral("type=audio&title=x&smart=0&uri=") + machineUri(QStringLiteral("101,424242")))
            .status,
        400);
    const QString otherMachine = QString::fromLatin1(QUrl::toPercentEncoding(
        QStringLiteral("server://deadbeef/com.plexapp.plugins.library/library/metadata/101")));
    EXPECT_EQ(post(QStringLiteral("type=audio&title=x&smart=0&uri=") + otherMachine).status, 400);
    EXPECT_EQ(post(QStringLiteral("type=audio&title=x&smart=0&uri=garbage")).status, 400);
    const Response bad =
        post(QStringLiteral("type=video&title=x&smart=0&uri=") + machineUri(QStringLiteral("101")));
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.contentType, "text/html");
    EXPECT_TRUE(bad.body.contains("400 Bad Request"));
    EXPECT_TRUE(fakes().plexPlaylists().empty());
}

TEST_F(FakesPlex, PlaylistWritesKeepOrderAndItemIds)
{
    const QString key = createPlaylist(QStringLiteral("103,101,106"));
    EXPECT_EQ(fakes().plexPlaylistItems(key), V("103 101 106"));
    const Response add = pms(
        QStringLiteral("/playlists/%1/items?uri=%2").arg(key, machineUri(QStringLiteral("107,108"))), "PUT");
    ASSERT_EQ(add.status, 200);
    EXPECT_EQ(add.json()["MediaContainer"]["leafCountAdded"], 2);
    EXPECT_EQ(add.json()["MediaContainer"]["Metadata"][0]["leafCount"], 5);
    auto ids = itemIds(key);
    ASSERT_EQ(ids.size(), 5u);
    // Move 108 (last) to the top, then 103 after 106.
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1/items/%2/move").arg(key).arg(ids[4]), "PUT").status, 200);
    EXPECT_EQ(fakes().plexPlaylistItems(key), V("108 103 101 106 107"));
    EXPECT_EQ(
        pms(QStringLiteral("/playlists/%1/items/%2/move?after=%3").arg(key).arg(ids[0]).arg(ids[2]), "PUT")
            .status,
        200);
    EXPECT_EQ(fakes().plexPlaylistItems(key), V("108 101 106 103 107"));
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1/items/%2").arg(key).arg(ids[1]), "DELETE").status, 200);
    EXPECT_EQ(fakes().plexPlaylistItems(key), V("108 106 103 107"));
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1/items/%2").arg(key).arg(ids[1]), "DELETE").status, 404);
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1/items/1/move?after=%2").arg(key).arg(ids[0]), "PUT").status,
              404);

    const Response page =
        pms(QStringLiteral("/playlists/%1/items?X-Plex-Container-Start=1&X-Plex-Container-Size=2").arg(key));
    EXPECT_EQ(keysOf(page), L("106 103"));
    EXPECT_EQ(page.json()["MediaContainer"]["totalSize"], 4);

    EXPECT_EQ(pms(QStringLiteral("/playlists/%1?title.value=Renamed&title.locked=1&summary.value=S").arg(key),
                  "PUT")
                  .status,
              204);
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1").arg(key)).json()["MediaContainer"]["Metadata"][0]["title"],
              "Renamed");
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1/items").arg(key), "DELETE")
                  .json()["MediaContainer"]["Metadata"][0]["leafCount"],
              0);
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1").arg(key), "DELETE").status, 200);
    EXPECT_EQ(pms(QStringLiteral("/playlists/%1").arg(key)).status, 404);
}

TEST_F(FakesPlex, PosterUploadForOwnPlaylist)
{
    const QString key = createPlaylist(QStringLiteral("101"));
    const Response up =
        call("POST", fakes().plexServerUrl(), QStringLiteral("/library/metadata/%1/posters").arg(key),
             {{"X-Plex-Token", fakes().plexServerToken().toUtf8()}, {"Content-Type", "image/png"}},
             QByteArray("\x89PNG fake image", 15));
    EXPECT_EQ(up.status, 200);
    EXPECT_TRUE(fakes().plexPlaylists().front().hasPoster);
}

TEST_F(FakesPlex, RequestLineOverLimitIs414)
{
    FakeOptions o = fakes().options();
    o.maxRequestLineLength = 300;
    fakes().setOptions(o);
    QStringList keys;
    for (int i = 0; i < 40; ++i)
        keys.append(QString::number(200 + i % 20));
    const Response r = pms(QStringLiteral("/playlists?type=audio&title=Long&smart=0&uri=") +
                               machineUri(keys.join(QLatin1Char(','))),
                           "POST");
    EXPECT_EQ(r.status, 414);
    EXPECT_TRUE(fakes().plexPlaylists().empty());
    EXPECT_EQ(pms(QStringLiteral("/playlists?type=audio&title=Short&smart=0&uri=") +
                      machineUri(QStringLiteral("200,201")),
                  "POST")
                  .status,
              200);
}

TEST_F(FakesPlex, XmlWithoutAcceptJson)
{
    const Response r =
        call("GET", fakes().plexServerUrl(), QStringLiteral("/library/sections/1/all?type=10&title==Hello"),
             {{"X-Plex-Token", fakes().plexServerToken().toUtf8()}});
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.contentType.startsWith("text/xml"));
    QXmlStreamReader xml(r.body);
    int tracks = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("Track")) {
            ++tracks;
            EXPECT_EQ(xml.attributes().value(QLatin1String("title")).toString(), QStringLiteral("Hello"));
        }
    }
    EXPECT_FALSE(xml.hasError());
    EXPECT_EQ(tracks, 2);
}
