// The world fixture format, the generator and the bundled demo world.
#include "fakestest.h"

#include <QFile>

using namespace pb::fakes;

TEST(FakesWorld, MinimalFixtureGetsDefaults)
{
    const auto w = parseWorld(
        R"({"spotify":{"user":{"id":"u"},"tracks":[]},"plex":{"tracks":[]},"extra":{"ignored":1}})");
    ASSERT_TRUE(w.ok()) << w.error().message.toStdString();
    EXPECT_EQ(w->spotify.displayName, QStringLiteral("u"));
    ASSERT_EQ(w->plex.sections.size(), 1u);
    EXPECT_EQ(w->plex.sections.front().title, QStringLiteral("Music"));
    EXPECT_FALSE(w->plex.accessToken.isEmpty());
}

TEST(FakesWorld, MissingOrWrongFieldsAreNamed)
{
    struct Case {
        const char *json;
        const char *mentions;
    } cases[] = {
        {R"({"plex":{"tracks":[]}})", "spotify is required"},
        {R"({"spotify":{"user":{},"tracks":[]},"plex":{"tracks":[]}})", "spotify.user.id is required"},
        {R"({"spotify":{"user":{"id":"u"},"tracks":[{"id":"a","artists":[],"duration_ms":1}]},"plex":{"tracks":[]}})",
         "spotify.tracks[0].name is required"},
        {R"({"spotify":{"user":{"id":"u"},"tracks":[{"id":"a","name":"n","artists":"x","duration_ms":1}]},"plex":{"tracks":[]}})",
         "spotify.tracks[0].artists must be an array"},
        {R"({"spotify":{"user":{"id":"u"},"tracks":[],"playlists":[{"id":"p","name":"n","tracks":[5]}]},"plex":{"tracks":[]}})",
         "spotify.playlists[0].tracks[0]"},
        {R"({"spotify":{"user":{"id":"u"},"tracks":[]},"plex":{"tracks":[{"ratingKey":"1","artist":"a"}]}})",
         "plex.tracks[0].title is required"},
    };
    for (const Case &c : cases) {
        const auto w = parseWorld(c.json);
        ASSERT_FALSE(w.ok()) << c.json;
        EXPECT_TRUE(w.error().message.contains(QString::fromLatin1(c.mentions)))
            << w.error().message.toStdString();
    }
    EXPECT_FALSE(parseWorld("not json").ok());
    EXPECT_FALSE(loadWorld(QStringLiteral("/nonexistent/world.json")).ok());
}

TEST(FakesWorld, NumbersAreWholeAndInRange)
{
    // Found while fuzzing: a float duration of 1e300 was an undefined conversion, and a fixture
    // asking for two billion filler tracks never finished loading.
    const QString base = QStringLiteral(
        R"({"spotify":{"user":{"id":"u"},"tracks":[{"id":"a","name":"n","artists":[],"duration_ms":%1}]},)"
        R"("plex":{"tracks":[{"ratingKey":"1","title":"t","artist":"a","year":%2}]},"filler":{"plexTracks":%3}})");
    struct Case {
        const char *duration, *year, *filler, *mentions;
    } cases[] = {{"1e300", "1", "0", "spotify.tracks[0].duration_ms must be a whole number"},
                 {"-1", "1", "0", "spotify.tracks[0].duration_ms must be from 0 to 604800000"},
                 {"1", "18446744073709551615", "0", "plex.tracks[0].year must be from 0 to 9999"},
                 {"1", "1", "2000000000", "filler.plexTracks must be from 0 to 1000000"}};
    for (const Case &c : cases) {
        const auto w = parseWorld(
            base.arg(QLatin1String(c.duration), QLatin1String(c.year), QLatin1String(c.filler)).toUtf8());
        ASSERT_FALSE(w.ok()) << c.mentions;
        EXPECT_EQ(w.error().kind, pb::ErrorKind::InvalidInput);
        EXPECT_TRUE(w.error().message.contains(QString::fromLatin1(c.mentions)))
            << w.error().message.toStdString();
    }
    const auto ok = parseWorld(
        base.arg(QStringLiteral("604800000"), QStringLiteral("9999"), QStringLiteral("3")).toUtf8());
    ASSERT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(ok->plex.tracks.size(), 4u);
    // Integer ids keep every digit.
    const auto big =
        parseWorld(R"({"spotify":{"user":{"id":18446744073709551615},"tracks":[]},"plex":{"tracks":[]}})");
    ASSERT_TRUE(big.ok());
    EXPECT_EQ(big->spotify.userId, QStringLiteral("18446744073709551615"));
}

TEST(FakesWorld, GeneratorIsDeterministicAndSized)
{
    GenerateOptions o;
    o.libraryTracks = 2000;
    o.playlists = 2;
    o.tracksPerPlaylist = 1000;
    o.seed = 42;
    const World a = generateWorld(o);
    const World b = generateWorld(o);
    EXPECT_GE(a.plex.tracks.size(), 2000u);
    ASSERT_EQ(a.spotify.playlists.size(), 2u);
    EXPECT_EQ(a.spotify.playlists[0].tracks.size(), 1000u);
    EXPECT_EQ(a.spotify.playlists[0].tracks, b.spotify.playlists[0].tracks);
    EXPECT_EQ(a.plex.tracks.back().title, b.plex.tracks.back().title);
    int variants = 0;
    for (const auto &t : a.plex.tracks)
        variants += t.title.contains(QLatin1String(" - ")) || t.title.contains(QLatin1String("(")) ? 1 : 0;
    EXPECT_GT(variants, 100);
    o.seed = 43;
    EXPECT_NE(generateWorld(o).spotify.playlists[0].tracks, a.spotify.playlists[0].tracks);
}

TEST(FakesWorld, DemoWorldShowsWhatMatters)
{
    const World w = demoWorld();
    EXPECT_GE(w.plex.tracks.size(), 2000u);
    EXPECT_GE(w.spotify.playlists.size(), 10u);
    bool followed = false, big = false, nullItem = false;
    for (const auto &p : w.spotify.playlists) {
        followed = followed || (p.owner != w.spotify.userId && !p.collaborative);
        big = big || p.tracks.size() >= 500;
        for (const QString &t : p.tracks)
            nullItem = nullItem || t.isEmpty();
    }
    EXPECT_TRUE(followed);
    EXPECT_TRUE(big);
    EXPECT_TRUE(nullItem);
    EXPECT_FALSE(w.spotify.liked.empty());
    // The shipped file and the compiled-in resource agree.
    const auto file = loadWorld(QStringLiteral(PB_SOURCE_DIR "/resources/demo/world.json"));
    ASSERT_TRUE(file.ok()) << file.error().message.toStdString();
    EXPECT_EQ(file->spotify.playlists.size(), w.spotify.playlists.size());
}
