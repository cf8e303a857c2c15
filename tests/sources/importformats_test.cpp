#include "pb/sources/importformats.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace pb;
using namespace pb::sources;

namespace {

QByteArray sample(const char *name)
{
    QFile f(QStringLiteral(PB_TEST_DATA_DIR "/sources/") + QString::fromUtf8(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return f.readAll();
}

QStringList titles(const ImportedPlaylist &p)
{
    QStringList out;
    for (const PlaylistEntry &e : p.entries)
        out << e.track.name;
    return out;
}

std::string why(const Error &e)
{
    return e.message.toStdString();
}

TEST(SpotifyExport, EveryPlaylistWithTrackUrisAndTheSkippedEntriesInPlace)
{
    auto r = parseSpotifyPlaylistsJson(sample("spotify-export/Playlist1.json"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    ASSERT_EQ(r->size(), 2u);
    const ImportedPlaylist &road = r->front();
    EXPECT_EQ(road.name, QStringLiteral("Road Trip"));
    EXPECT_EQ(road.description, QStringLiteral("Windows down"));
    ASSERT_EQ(road.entries.size(), 5u);
    EXPECT_EQ(road.entries[0].track.id, QStringLiteral("2374M0fQpWi3dLnB54qaLX")); // the Spotify id
    EXPECT_EQ(road.entries[0].track.uri, QStringLiteral("spotify:track:2374M0fQpWi3dLnB54qaLX"));
    EXPECT_EQ(road.entries[0].track.artists, QStringList{QStringLiteral("TOTO")});
    EXPECT_EQ(road.entries[0].track.album, QStringLiteral("Toto IV"));
    EXPECT_EQ(road.entries[2].skipReason, SkipReason::Episode);
    EXPECT_EQ(road.entries[3].skipReason, SkipReason::LocalFile);
    EXPECT_EQ(road.entries[4].track.id, road.entries[0].track.id); // a repeat is the same track
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(road.entries[static_cast<std::size_t>(i)].position, i);
    EXPECT_EQ((*r)[1].name, QStringLiteral("Кино и Шут"));
}

TEST(SpotifyExport, YourLibraryIsLikedSongs)
{
    auto r = parseSpotifyLibraryJson(sample("spotify-export/YourLibrary.json"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_TRUE(r->isLikedSongs);
    EXPECT_EQ(r->name, QStringLiteral("Liked Songs"));
    EXPECT_EQ(titles(*r), (QStringList{QStringLiteral("Hello"), QStringLiteral("Formation")}));
    EXPECT_EQ(r->entries[1].track.artists, QStringList{QStringLiteral("Beyoncé")});
    EXPECT_EQ(r->entries[1].track.id, QStringLiteral("6g0Orsxv6glTJCt4cHsRsQ"));
}

TEST(SpotifyExport, MalformedFilesNameTheField)
{
    auto notJson = parseSpotifyPlaylistsJson("{\"playlists\": [");
    ASSERT_FALSE(notJson.ok());
    EXPECT_EQ(notJson.error().kind, ErrorKind::Parse);
    auto noName = parseSpotifyPlaylistsJson(R"({"playlists":[{"name":"A","items":[]},{"items":[]}]})");
    ASSERT_FALSE(noName.ok());
    EXPECT_TRUE(noName.error().message.contains(QStringLiteral("playlists[1].name"))) << why(noName.error());
    auto noTitle =
        parseSpotifyPlaylistsJson(R"({"playlists":[{"name":"A","items":[{"track":{"artistName":"X"}}]}]})");
    ASSERT_FALSE(noTitle.ok());
    EXPECT_TRUE(noTitle.error().message.contains(QStringLiteral("playlists[0].items[0].track.trackName")));
    EXPECT_FALSE(parseSpotifyPlaylistsJson(R"({"tracks":[]})").ok());
    EXPECT_FALSE(parseSpotifyLibraryJson(R"({"playlists":[]})").ok());
    // A bracket bomb is refused before parsing.
    auto deep = parseSpotifyPlaylistsJson(QByteArray(100000, '['));
    ASSERT_FALSE(deep.ok());
    EXPECT_TRUE(deep.error().message.contains(QStringLiteral("nested too deeply")));
}

TEST(SpotifyExport, TheZipIsReadInMemoryAndHostileArchivesAreRefused)
{
    auto r = parseSpotifyExportZip(sample("export.zip"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ((*r)[0].name, QStringLiteral("Road Trip"));
    EXPECT_TRUE((*r)[2].isLikedSongs);

    auto traversal = parseSpotifyExportZip(sample("traversal.zip"));
    ASSERT_FALSE(traversal.ok());
    EXPECT_TRUE(traversal.error().message.contains(QStringLiteral("outside the archive")))
        << why(traversal.error());
    ImportLimits small;
    small.maxFileBytes = 1 << 20;
    auto bomb = parseSpotifyExportZip(sample("bomb.zip"), small);
    ASSERT_FALSE(bomb.ok());
    EXPECT_TRUE(bomb.error().message.contains(QStringLiteral("inflates to more than"))) << why(bomb.error());
    auto empty = parseSpotifyExportZip(sample("notexport.zip"));
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(empty.error().message.contains(QStringLiteral("no Playlist*.json")));
    QByteArray truncated = sample("export.zip");
    truncated.chop(200);
    EXPECT_FALSE(parseSpotifyExportZip(truncated).ok());
    EXPECT_FALSE(parseSpotifyExportZip("PK\x03\x04garbage").ok());
}

TEST(ExportifyCsv, ColumnsByNameWithIsrcQuotedCommasAndThePlaylistName)
{
    auto r = parseExportifyCsv(sample("road_trip.csv"), QStringLiteral("road trip"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_EQ(r->name, QStringLiteral("Road Trip")); // the "Name" column wins over the file name
    ASSERT_EQ(r->entries.size(), 5u);
    const SourceTrack &africa = r->entries[0].track;
    EXPECT_EQ(africa.id, QStringLiteral("2374M0fQpWi3dLnB54qaLX"));
    EXPECT_EQ(africa.isrc, QStringLiteral("USSM19801941"));
    EXPECT_EQ(africa.durationMs, 295893);
    EXPECT_EQ(r->entries[2].track.artists,
              (QStringList{QStringLiteral("Black Eyed Peas"), QStringLiteral("Justin Timberlake")}));
    EXPECT_EQ(r->entries[3].track.artists, QStringList{QStringLiteral("Crosby, Stills & Nash")});
    EXPECT_EQ(r->entries[4].skipReason, SkipReason::LocalFile);
}

TEST(ExportifyCsv, TheFirstExportifysColumnsToo)
{
    auto r = parseExportifyCsv(sample("old_exportify.csv"), QStringLiteral("Old Favourites"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_EQ(r->name, QStringLiteral("Old Favourites"));
    ASSERT_EQ(r->entries.size(), 2u);
    EXPECT_EQ(r->entries[1].track.id, QStringLiteral("4u7EnebtmKWzUH433cf5Qv"));
    EXPECT_EQ(r->entries[1].track.durationMs, 354320);
}

TEST(ExportifyCsv, BadRowsNameTheirLine)
{
    auto open = parseExportifyCsv("Track Name,Artist Name(s)\n\"Africa,TOTO\n", {});
    ASSERT_FALSE(open.ok());
    EXPECT_TRUE(open.error().message.contains(QStringLiteral("line 2"))) << why(open.error());
    auto noTitle = parseExportifyCsv("Artist Name(s),Album Name\nTOTO,IV\n", {});
    ASSERT_FALSE(noTitle.ok());
    EXPECT_TRUE(noTitle.error().message.contains(QStringLiteral("Track Name")));
    auto badDuration = parseExportifyCsv("Track Name,Artist Name(s),Duration (ms)\nA,B,12\nC,D,long\n", {});
    ASSERT_FALSE(badDuration.ok());
    EXPECT_TRUE(badDuration.error().message.contains(QStringLiteral("line 3"))) << why(badDuration.error());
}

TEST(M3u, ExtinfAlbumsPathsAndStreamsKeepTheirOrder)
{
    auto r = parseM3u(sample("evening.m3u8"), QStringLiteral("evening"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_EQ(r->name, QStringLiteral("Evening Mix"));
    ASSERT_EQ(r->entries.size(), 4u);
    EXPECT_EQ(r->entries[0].track.artists, QStringList{QStringLiteral("TOTO")});
    EXPECT_EQ(r->entries[0].track.name, QStringLiteral("Africa"));
    EXPECT_EQ(r->entries[0].track.durationMs, 295000);
    EXPECT_EQ(r->entries[1].track.album, QStringLiteral("Fragments of Freedom"));
    EXPECT_EQ(r->entries[2].track.name, QStringLiteral("Radio Stream"));
    EXPECT_EQ(r->entries[3].track.artists, QStringList{QStringLiteral("Sigur Rós")}); // from the file name
    EXPECT_EQ(r->entries[3].track.name, QStringLiteral("Untitled 1"));
    EXPECT_TRUE(r->entries[0].track.id.startsWith(QStringLiteral("text:")));
}

TEST(M3u, PlainLatin1ListsReadTheirFileNames)
{
    auto r = parseM3u(sample("latin1.m3u"), QStringLiteral("old"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    ASSERT_EQ(r->entries.size(), 2u);
    EXPECT_EQ(r->entries[0].track.name, QStringLiteral("Bohemian Rhapsody"));
    EXPECT_EQ(r->entries[1].track.artists, QStringList{QStringLiteral("Björk")});
    EXPECT_EQ(r->entries[1].track.name, QStringLiteral("Jóga"));
    EXPECT_EQ(r->name, QStringLiteral("old"));
}

TEST(M3u, ABrokenExtinfNamesItsLine)
{
    auto r = parseM3u("#EXTM3U\n#EXTINF:abc,TOTO - Africa\nafrica.mp3\n", {});
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("line 2"))) << why(r.error());
}

TEST(Xspf, TitlesCreatorsAlbumsDurationsAndMusicBrainzIds)
{
    auto r = parseXspf(sample("road.xspf"), {});
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_EQ(r->name, QStringLiteral("Sunday Morning"));
    EXPECT_EQ(r->description, QStringLiteral("Coffee first"));
    ASSERT_EQ(r->entries.size(), 3u);
    EXPECT_EQ(r->entries[0].track.artists, QStringList{QStringLiteral("Norah Jones")});
    EXPECT_EQ(r->entries[0].track.durationMs, 186000);
    EXPECT_EQ(r->entries[1].track.id, QStringLiteral("mbid:0d3a41fb-bd7e-4b8b-a2d2-a0d5d8c2e6b1"));
    EXPECT_EQ(r->entries[2].track.artists, QStringList{QStringLiteral("Beyoncé")});
}

TEST(Xspf, BrokenXmlAndEntityBombsNameTheLine)
{
    auto r =
        parseXspf("<?xml version=\"1.0\"?>\n<playlist><trackList><track><title>A</title>\n</trackList>", {});
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("line"))) << why(r.error());
    QByteArray bomb = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">";
    for (char c = 'b'; c <= 'j'; ++c)
        bomb += QByteArray("<!ENTITY ") + c + " \"&" + char(c - 1) + ";&" + char(c - 1) + ";&" + char(c - 1) +
                ";&" + char(c - 1) + ";&" + char(c - 1) + ";&" + char(c - 1) + ";&" + char(c - 1) + ";&" +
                char(c - 1) + ";&" + char(c - 1) + ";&" + char(c - 1) + ";\">";
    bomb += "]><playlist><trackList><track><title>&j;</title></track></trackList></playlist>";
    EXPECT_FALSE(parseXspf(bomb, {}).ok());
    EXPECT_FALSE(parseXspf("<html><body>no</body></html>", {}).ok());
}

TEST(Jspf, ListenBrainzPlaylistsWithListAndStringIdentifiers)
{
    auto r = parseJspf(sample("weekly-jams.jspf"), {});
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_EQ(r->name, QStringLiteral("Weekly Jams for demo-user, week of 2026-11-30 Mon"));
    ASSERT_EQ(r->entries.size(), 2u);
    EXPECT_EQ(r->entries[0].track.id, QStringLiteral("mbid:b1a9c0e9-d987-4042-ae91-78d6a3267d69"));
    EXPECT_EQ(r->entries[1].track.id, QStringLiteral("mbid:8f3471b5-7e6a-48da-86a9-c1c07a0f47ae"));
    EXPECT_EQ(r->entries[0].track.durationMs, 354000);
    auto bad = parseJspf(R"({"playlist":{"title":"x","track":[{"title":"A"},{"creator":"B"}]}})", {});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("playlist.track[1].title"))) << why(bad.error());
}

TEST(PlainText, ArtistTitleLinesWithEveryDash)
{
    auto r = parsePlainText(sample("plain.txt"), QStringLiteral("plain"));
    ASSERT_TRUE(r.ok()) << why(r.error());
    EXPECT_EQ(titles(*r), (QStringList{QStringLiteral("Bohemian Rhapsody"), QStringLiteral("Halo"),
                                       QStringLiteral("Gruppa krovi")}));
    EXPECT_EQ(r->entries[1].track.artists, QStringList{QStringLiteral("Beyoncé")});
    auto bad = parsePlainText("Queen - Bohemian Rhapsody\njust a title\n", {});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("line 2"))) << why(bad.error());
}

TEST(StableIds, TextIdsIgnoreCaseAccentsAndSpacingAndPlaylistIdsIgnoreDownloadSuffixes)
{
    EXPECT_EQ(trackIdFor(QStringLiteral("Beyoncé"), QStringLiteral("Halo"), {}),
              trackIdFor(QStringLiteral("beyonce"), QStringLiteral("  HALO "), {}));
    EXPECT_NE(trackIdFor(QStringLiteral("Beyoncé"), QStringLiteral("Halo"), {}),
              trackIdFor(QStringLiteral("Beyoncé"), QStringLiteral("Halo"),
                         QStringLiteral("I Am... Sasha Fierce")));
    EXPECT_EQ(importedPlaylistId(QStringLiteral("Road Trip")),
              importedPlaylistId(QStringLiteral("road_trip (1)")));
    EXPECT_EQ(importedPlaylistId(QStringLiteral("Road Trip")),
              importedPlaylistId(playlistNameFromFileName(QStringLiteral("/tmp/road_trip.csv"))));
    // The same file imported twice gives the same ids.
    auto a = parseM3u(sample("evening.m3u8"), {});
    auto b = parseM3u(sample("evening.m3u8"), {});
    ASSERT_TRUE(a.ok() && b.ok());
    for (std::size_t i = 0; i < a->entries.size(); ++i)
        EXPECT_EQ(a->entries[i].track.id, b->entries[i].track.id);
}

TEST(Detect, EachFormatFromItsNameOrItsFirstBytes)
{
    const std::pair<const char *, ImportFormat> cases[] = {
        {"export.zip", ImportFormat::SpotifyExport},
        {"spotify-export/Playlist1.json", ImportFormat::SpotifyExport},
        {"spotify-export/YourLibrary.json", ImportFormat::SpotifyLibrary},
        {"road_trip.csv", ImportFormat::ExportifyCsv},
        {"evening.m3u8", ImportFormat::M3u},
        {"road.xspf", ImportFormat::Xspf},
        {"weekly-jams.jspf", ImportFormat::Jspf},
        {"plain.txt", ImportFormat::PlainText}};
    for (const auto &[file, format] : cases) {
        auto r = parsePlaylistFile(QString::fromUtf8(file), sample(file));
        ASSERT_TRUE(r.ok()) << file << ": " << why(r.error());
        ASSERT_FALSE(r->empty()) << file;
        EXPECT_EQ(r->front().format, format) << file;
    }
    // Content decides when the name says nothing.
    auto m3u = parsePlaylistFile(QStringLiteral("list"), "#EXTM3U\n#EXTINF:1,A - B\nb.mp3\n");
    ASSERT_TRUE(m3u.ok());
    EXPECT_EQ(m3u->front().format, ImportFormat::M3u);
    EXPECT_FALSE(parsePlaylistFile(QStringLiteral("settings.json"), "[1,2,3]").ok());
}

TEST(Robustness, RandomBytesNeverCrashAnyParser)
{
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    const QByteArray seeds[] = {sample("road_trip.csv"),
                                sample("evening.m3u8"),
                                sample("road.xspf"),
                                sample("weekly-jams.jspf"),
                                sample("spotify-export/Playlist1.json"),
                                sample("export.zip")};
    for (int round = 0; round < 300; ++round) {
        QByteArray data = seeds[round % 6];
        const int flips = 1 + static_cast<int>(next() % 20);
        for (int f = 0; f < flips && !data.isEmpty(); ++f)
            data[static_cast<qsizetype>(next() % static_cast<std::uint32_t>(data.size()))] =
                static_cast<char>(next());
        if (round % 7 == 0)
            data.truncate(static_cast<qsizetype>(next() % static_cast<std::uint32_t>(data.size() + 1)));
        (void)parsePlaylistFile(QStringLiteral("x.csv"), data);
        (void)parsePlaylistFile(QStringLiteral("x.m3u"), data);
        (void)parsePlaylistFile(QStringLiteral("x.xspf"), data);
        (void)parsePlaylistFile(QStringLiteral("x.jspf"), data);
        (void)parsePlaylistFile(QStringLiteral("x.json"), data);
        (void)parsePlaylistFile(QStringLiteral("x.zip"), data);
        (void)parsePlaylistFile(QStringLiteral("x.txt"), data);
    }
    SUCCEED();
}

TEST(Robustness, FuzzFindingsStayFixed)
{
    // Found while fuzzing (tests/fuzz/import_fuzz.cpp; the inputs are in tests/data/fuzz).
    // Durations no integer holds are unknown, not an undefined conversion or an overflow.
    auto m3u = parseM3u("#EXTM3U\n#EXTINF:2.9e100,A - B\nb.mp3\n#EXTINF:99999999999999999,C - D\nd.mp3\n",
                        QStringLiteral("x"));
    ASSERT_TRUE(m3u.ok()) << why(m3u.error());
    ASSERT_EQ(m3u->entries.size(), 2u);
    EXPECT_EQ(m3u->entries[0].track.durationMs, 0);
    EXPECT_EQ(m3u->entries[1].track.durationMs, 0);
    auto jspf =
        parseJspf(R"({"playlist":{"title":"x","track":[{"title":"a","creator":"b","duration":1e300}]}})",
                  QStringLiteral("x"));
    ASSERT_TRUE(jspf.ok()) << why(jspf.error());
    EXPECT_EQ(jspf->entries.front().track.durationMs, 0);
    // A title read from an XSPF location is cut at the field limit like any other.
    ImportLimits small;
    small.maxFieldChars = 64;
    const QByteArray xspf =
        "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\"><trackList><track><location>"
        "file:///m/" +
        QByteArray(300, 'x') + ".flac</location></track></trackList></playlist>";
    auto fromLocation = parseXspf(xspf, QStringLiteral("x"), small);
    ASSERT_TRUE(fromLocation.ok()) << why(fromLocation.error());
    EXPECT_LE(fromLocation->entries.front().track.name.size(), 64);
    // A cut never leaves half of a character outside the Basic Multilingual Plane.
    const QString face = QString::fromUtf8("\xF0\x9F\x98\x80");
    const QString title = QString(63, QLatin1Char('b')) + face + face;
    auto csv = parseExportifyCsv(
        (QStringLiteral("Track URI,Track Name,Artist Name(s),Album Name,Track Duration (ms)\n,") + title +
         QStringLiteral(",A,B,1\n"))
            .toUtf8(),
        QStringLiteral("x"), small);
    ASSERT_TRUE(csv.ok()) << why(csv.error());
    EXPECT_TRUE(QStringView(csv->entries.front().track.name).isValidUtf16());
    EXPECT_EQ(csv->entries.front().track.name, QString(63, QLatin1Char('b')));
}

} // namespace
