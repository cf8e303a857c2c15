// The fake Plex Media Server's library browsing: /library, section details, the filter and
// sort descriptions (includeMeta), artists and albums with their own rating keys, their
// children and leaves, /library/all and collections.
#include "fakestest.h"

#include <QSet>

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

class FakesPlexLibrary : public FakesTest {
protected:
    Json container(const QString &path)
    {
        const Response r = pms(path);
        EXPECT_EQ(r.status, 200) << path.toStdString() << ' ' << r.body.toStdString();
        return r.json()["MediaContainer"];
    }
    QStringList values(const QString &path, const char *field)
    {
        QStringList out;
        const Json c = container(path);
        for (const Json &m : c.value("Metadata", Json::array()))
            out.append(QString::fromStdString(m[field].get<std::string>()));
        return out;
    }
    QString keyOf(const QString &path)
    {
        const QStringList keys = values(path, "ratingKey");
        EXPECT_EQ(keys.size(), 1) << path.toStdString();
        return keys.value(0);
    }
};

QStringList L(const char *words)
{
    return QString::fromUtf8(words).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

} // namespace

TEST_F(FakesPlexLibrary, LibraryRootListsItsDirectoriesInXmlByDefault)
{
    const Response xml = call("GET", fakes().plexServerUrl(), QStringLiteral("/library"),
                              {{"X-Plex-Token", fakes().plexServerToken().toUtf8()}});
    ASSERT_EQ(xml.status, 200);
    EXPECT_EQ(xml.contentType, "text/xml;charset=utf-8");
    EXPECT_TRUE(xml.body.contains("<Directory key=\"sections\" title=\"Library Sections\"/>"));
    const Json c = container(QStringLiteral("/library"));
    EXPECT_EQ(c["title1"], "Plex Library");
    EXPECT_EQ(c["identifier"], "com.plexapp.plugins.library");
    EXPECT_EQ(c["size"], 3);
    EXPECT_EQ(call("GET", fakes().plexServerUrl(), QStringLiteral("/library")).status, 401);
    EXPECT_EQ(pms(QStringLiteral("/library"), "POST").status, 404);
}

TEST_F(FakesPlexLibrary, SectionDetailsAndUnknownSection)
{
    const Json c = container(QStringLiteral("/library/sections/1"));
    EXPECT_EQ(c["librarySectionID"], 1);
    EXPECT_EQ(c["title1"], "Music");
    EXPECT_EQ(c["viewGroup"], "secondary");
    EXPECT_EQ(c["Directory"][0]["key"], "all");
    EXPECT_EQ(pms(QStringLiteral("/library/sections/7")).status, 404);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/bogus")).status, 404);
}

TEST_F(FakesPlexLibrary, MetaDescribesOnlyFieldsTheFakeFilters)
{
    const Json c = container(QStringLiteral(
        "/library/sections/1/"
        "all?includeMeta=1&includeAdvanced=1&X-Plex-Container-Start=0&X-Plex-Container-Size=0"));
    EXPECT_EQ(c["size"], 0);
    EXPECT_FALSE(c.contains("Metadata"));
    ASSERT_TRUE(c.contains("Meta"));
    QStringList types;
    int fields = 0;
    for (const Json &t : c["Meta"]["Type"]) {
        types.append(QString::fromStdString(t["type"].get<std::string>()));
        const QString list = QString::fromStdString(t["key"].get<std::string>());
        ASSERT_FALSE(t["Sort"].empty());
        for (const Json &s : t["Sort"]) {
            const QString sort = QString::fromStdString(s["descKey"].get<std::string>());
            EXPECT_EQ(pms(list + QStringLiteral("&sort=") + sort).status, 200) << sort.toStdString();
        }
        // Every field offered can be filtered on with every operator of its type.
        for (const Json &f : t["Field"]) {
            const QString key = QString::fromStdString(f["key"].get<std::string>());
            for (const Json &ft : c["Meta"]["FieldType"]) {
                if (ft["type"] != f["type"])
                    continue;
                for (const Json &op : ft["Operator"]) {
                    const QString o = QString::fromStdString(op["key"].get<std::string>());
                    const QString query = QString::fromLatin1(QUrl::toPercentEncoding(key + o.chopped(1))) +
                                          QStringLiteral("=1");
                    EXPECT_EQ(pms(list + QLatin1Char('&') + query).status, 200)
                        << list.toStdString() << ' ' << query.toStdString();
                    ++fields;
                }
            }
        }
    }
    EXPECT_EQ(types, L("artist|album|track"));
    EXPECT_GE(fields, 20);
    const Json collections = container(QStringLiteral("/library/sections/1/collections?includeMeta=1"));
    EXPECT_EQ(collections["size"], 0);
    EXPECT_EQ(collections["Meta"]["Type"][0]["type"], "collection");
}

TEST_F(FakesPlexLibrary, ArtistsAndAlbumsAreGroupedFromTheTracks)
{
    const QStringList artists = values(QStringLiteral("/library/sections/1/all?type=8"), "title");
    EXPECT_EQ(artists,
              L("Adele|Lionel Richie|Neil Diamond|Rosie Thomas|YOASOBI|Король и Шут|Rihanna|Various"));
    EXPECT_EQ(values(QStringLiteral("/library/sections/1/all"), "title"), artists); // artists by default
    EXPECT_EQ(values(QStringLiteral("/library/sections/1/all?type=8&sort=titleSort:desc&limit=2"), "title"),
              L("Король и Шут|YOASOBI"));
    const QString adele = keyOf(QStringLiteral("/library/sections/1/all?type=8&title=adele"));
    EXPECT_EQ(values(QStringLiteral("/library/sections/1/all?type=9&artist.id=") + adele, "title"),
              L("25|Live 2016"));
    const Json album = container(QStringLiteral("/library/sections/1/all?type=9&title==25"))["Metadata"][0];
    EXPECT_EQ(album["type"], "album");
    EXPECT_EQ(album["parentTitle"], "Adele");
    EXPECT_EQ(album["parentRatingKey"].get<std::string>(), adele.toStdString());
    EXPECT_EQ(album["year"], 2015);
    EXPECT_EQ(album["leafCount"], 1);
    // Integer fields compare as numbers.
    EXPECT_EQ(values(QStringLiteral("/library/sections/1/all?type=9&album.year=2015"), "title").size(), 9);
    EXPECT_TRUE(
        values(QStringLiteral("/library/sections/1/all?type=9&album.year>>=2015"), "title").isEmpty());
    EXPECT_EQ(values(QStringLiteral("/library/sections/1/all?type=9&album.year<<=2016"), "title").size(), 9);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/all?type=9&album.year<=20")).status, 400);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/all?type=8&album.title=25")).status, 400);
    // A track's parent and grandparent keys are that album and artist.
    const Json track = container(QStringLiteral("/library/metadata/101"))["Metadata"][0];
    EXPECT_EQ(track["parentRatingKey"], album["ratingKey"]);
    EXPECT_EQ(track["grandparentRatingKey"].get<std::string>(), adele.toStdString());
    EXPECT_EQ(values(QStringLiteral("/library/sections/1/all?type=10&artist.id=") + adele, "ratingKey"),
              L("101|102"));
}

TEST_F(FakesPlexLibrary, MetadataChildrenAndLeaves)
{
    World w = testWorld();
    for (auto &t : w.plex.tracks) {
        if (t.album == QLatin1String("Fill"))
            t.index = 100 - t.ratingKey.toInt() % 100; // 200 → 100, 221 → 79: reverse library order
    }
    fakes().useWorld(w);
    const QString various = keyOf(QStringLiteral("/library/sections/1/all?type=8&title==Various"));
    const QString fill = keyOf(QStringLiteral("/library/sections/1/all?type=9&title==Fill"));
    const Json artist = container(QStringLiteral("/library/metadata/") + various)["Metadata"][0];
    EXPECT_EQ(artist["type"], "artist");
    EXPECT_EQ(QString::fromStdString(artist["key"].get<std::string>()),
              QStringLiteral("/library/metadata/%1/children").arg(various));
    EXPECT_EQ(values(QStringLiteral("/library/metadata/%1/children").arg(various), "ratingKey"),
              QStringList{fill});
    // An album's tracks come by track number.
    const QStringList tracks = values(QStringLiteral("/library/metadata/%1/children").arg(fill), "ratingKey");
    ASSERT_EQ(tracks.size(), 22);
    EXPECT_EQ(tracks.front(), QStringLiteral("221"));
    EXPECT_EQ(tracks.back(), QStringLiteral("200"));
    EXPECT_EQ(values(QStringLiteral("/library/metadata/%1/allLeaves").arg(various), "ratingKey"), tracks);
    const Json page = container(QStringLiteral("/library/metadata/%1/children?X-Plex-Container-Start=20&"
                                               "X-Plex-Container-Size=5")
                                    .arg(fill));
    EXPECT_EQ(page["size"], 2);
    EXPECT_EQ(page["totalSize"], 22);
    EXPECT_EQ(page["title2"], "Fill");
    EXPECT_EQ(values(QStringLiteral("/library/metadata/101,%1,%2").arg(fill, various), "type"),
              L("track|album|artist"));
    EXPECT_EQ(pms(QStringLiteral("/library/metadata/101/children")).status, 400);
    EXPECT_EQ(pms(QStringLiteral("/library/metadata/424242/children")).status, 404);
    EXPECT_EQ(pms(QStringLiteral("/library/metadata/%1/bogus").arg(fill)).status, 404);
}

TEST_F(FakesPlexLibrary, LibraryAllSpansSectionsAndKeysStayUnique)
{
    World w = testWorld();
    w.plex.sections.push_back(WorldPlexSection{QStringLiteral("4"), QStringLiteral("More Music")});
    WorldPlexTrack t = w.plex.tracks.front();
    t.ratingKey = QStringLiteral("401");
    t.section = QStringLiteral("4");
    w.plex.tracks.push_back(t);
    fakes().useWorld(w);
    EXPECT_EQ(values(QStringLiteral("/library/all?type=10&title==Hello&artist.title=adele"), "ratingKey"),
              L("101|401"));
    EXPECT_EQ(values(QStringLiteral("/library/sections/4/all?type=8"), "title"), L("Adele"));
    // The same artist in two libraries is two artists, as on a real server.
    const QStringList adeles = values(QStringLiteral("/library/all?type=8&title=adele"), "ratingKey");
    ASSERT_EQ(adeles.size(), 2);
    EXPECT_NE(adeles[0], adeles[1]);

    // A large generated library (track keys from 10000): thousands of artist and album keys
    // hashed from their names into 500000-899999, and none equals another.
    GenerateOptions g;
    g.libraryTracks = 20000;
    g.playlists = 1;
    fakes().useWorld(generateWorld(g));
    QSet<QString> keys;
    int count = 0;
    for (const char *type : {"8", "9"}) {
        for (const QString &k :
             values(QStringLiteral("/library/all?type=") + QLatin1String(type), "ratingKey")) {
            EXPECT_GE(k.toInt(), 500000);
            keys.insert(k);
            ++count;
        }
    }
    EXPECT_GT(count, 2000);
    EXPECT_EQ(keys.size(), count);
}

TEST_F(FakesPlexLibrary, HugePagesNeverOverflow)
{
    // Found while fuzzing: start + size overflowed int for a size near 2^31.
    const Json c = container(QStringLiteral(
        "/library/sections/1/all?type=10&X-Plex-Container-Start=28&X-Plex-Container-Size=2147483647"));
    EXPECT_EQ(c["size"], 2);
    EXPECT_EQ(c["totalSize"], 30);
    const QString mix =
        QString::fromStdString(pms(QStringLiteral("/playlists?type=audio&title=Mix&smart=0&uri=") +
                                       machineUri(QStringLiteral("101,103")),
                                   "POST")
                                   .json()["MediaContainer"]["Metadata"][0]["ratingKey"]
                                   .get<std::string>());
    const Json items = container(
        QStringLiteral("/playlists/%1/items?X-Plex-Container-Start=1&X-Plex-Container-Size=2147483647")
            .arg(mix));
    EXPECT_EQ(items["size"], 1);
    EXPECT_EQ(items["Metadata"][0]["ratingKey"], "103");
}
