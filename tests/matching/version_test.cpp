#include "pb/matching/version.h"

#include <gtest/gtest.h>

using namespace pb::matching;

namespace {
ParsedTitle p(const char *s)
{
    return parseTitle(QString::fromUtf8(s));
}
bool has(const ParsedTitle &t, VersionFlag f)
{
    return t.version.has(f);
}
} // namespace

TEST(MatchingVersion, RemasterSuffixesAreSameRecording)
{
    for (const char *s : {"Iron Man - 2012 - Remaster", "Dirty Diana (2012 Remaster)",
                          "I Wanna Rock (Remastered Album Version)", "Iron Man - Remastered 2009"}) {
        const ParsedTitle t = p(s);
        EXPECT_TRUE(has(t, VersionFlag::Remaster)) << s;
        EXPECT_EQ(t.version.differentRecording(), 0u) << s;
    }
    EXPECT_EQ(p("Iron Man - 2012 - Remaster").base, QStringLiteral("Iron Man"));
    EXPECT_EQ(p("I Wanna Rock (Remastered Album Version)").base, QStringLiteral("I Wanna Rock"));
}

TEST(MatchingVersion, DifferentRecordingDescriptors)
{
    EXPECT_TRUE(has(p("The A Team (Live)"), VersionFlag::Live));
    EXPECT_TRUE(has(p("Song (Live at Wembley Stadium)"), VersionFlag::Live));
    EXPECT_EQ(p("Song (Live at Wembley Stadium)").version.qualifier, QStringLiteral("wembley stadium"));
    EXPECT_TRUE(has(p("Potions - Acoustic"), VersionFlag::Acoustic));
    EXPECT_TRUE(has(p("In My Feelings (Instrumental)"), VersionFlag::Instrumental));
    EXPECT_TRUE(has(p("Bad Blood (Karaoke Version)"), VersionFlag::Karaoke));
    EXPECT_TRUE(has(p("Fake (Demo)"), VersionFlag::Demo));
    EXPECT_TRUE(has(p("Miracle (Extended)"), VersionFlag::Extended));
    EXPECT_TRUE(has(p("Miracle (Church Version)"), VersionFlag::OtherVersion));
    EXPECT_TRUE(has(p("Love Story (Taylor's Version)"), VersionFlag::ReRecorded));
    EXPECT_TRUE(has(p("Love Story (Taylor\xE2\x80\x99s Version)"), VersionFlag::ReRecorded));
    EXPECT_TRUE(has(p("Song - Sped Up"), VersionFlag::SpeedChanged));
    EXPECT_TRUE(has(p("Oh! (Japanese Version)"), VersionFlag::Language));
    EXPECT_TRUE(has(p("Lovefool - Radio Edit"), VersionFlag::Edit));
}

TEST(MatchingVersion, RemixerNames)
{
    const ParsedTitle a = p("Paradise - Fedde le Grand Remix");
    EXPECT_TRUE(has(a, VersionFlag::Remix));
    EXPECT_EQ(a.version.remixer, QStringLiteral("fedde le grand"));
    EXPECT_EQ(a.base, QStringLiteral("Paradise"));
    EXPECT_EQ(p("Paradise (Ti\xC3\xABsto Remix)").version.remixer, QStringLiteral("tiesto"));
    EXPECT_TRUE(has(p("Desire (Calvin Harris VIP Mix)"), VersionFlag::Remix));
    EXPECT_TRUE(has(p("Track - Original Mix"), VersionFlag::AlbumVersion));
    EXPECT_EQ(p("Track - Original Mix").version.differentRecording(), 0u);
}

TEST(MatchingVersion, FeaturingMovesOut)
{
    const ParsedTitle t = p("Take \xC3\x9C There (feat. Kiesza) [Missy Elliott Remix] [Bonus Track]");
    EXPECT_EQ(t.base, QString::fromUtf8("Take \xC3\x9C There"));
    EXPECT_EQ(t.featured, QStringList{QStringLiteral("Kiesza")});
    EXPECT_EQ(t.version.remixer, QStringLiteral("missy elliott"));
    EXPECT_EQ(p("Free (with Ellie Goulding)").featured, QStringList{QStringLiteral("Ellie Goulding")});
    EXPECT_EQ(p("Song ft. A & B").featured, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    EXPECT_EQ(p("Song ft. A & B").base, QStringLiteral("Song"));
}

TEST(MatchingVersion, OrdinaryBracketsStayInTheTitle)
{
    EXPECT_EQ(p("Sweet Dreams (Are Made of This)").base, QStringLiteral("Sweet Dreams (Are Made of This)"));
    EXPECT_EQ(p("You Make My Dreams (Come True)").version.flags, 0u);
    EXPECT_EQ(p("Claude - \xC3\x89"
                "coutez-moi")
                  .base,
              QString::fromUtf8("Claude - \xC3\x89"
                                "coutez-moi"));
    EXPECT_EQ(p("(Live)").base, QStringLiteral("(Live)")); // a title that is only a descriptor stays
}

TEST(MatchingVersion, Conflicts)
{
    const VersionInfo studio = p("Matches").version;
    EXPECT_FALSE(versionConflict(studio, p("Matches (Acoustic)").version, false).isEmpty());
    EXPECT_TRUE(versionConflict(studio, p("Matches (2011 Remaster)").version, false).isEmpty());
    EXPECT_FALSE(versionConflict(p("Paradise - Fedde le Grand Remix").version,
                                 p("Paradise (Ti\xC3\xABsto Remix)").version, false)
                     .isEmpty());
    EXPECT_TRUE(versionConflict(p("Paradise - Fedde le Grand Remix").version,
                                p("Paradise (Fedde Le Grand Remix)").version, false)
                    .isEmpty());
    // A radio edit within the duration tolerance is the album cut in practice.
    EXPECT_TRUE(versionConflict(p("Lovefool - Radio Edit").version, studio, true).isEmpty());
    EXPECT_FALSE(versionConflict(p("Lovefool - Radio Edit").version, studio, false).isEmpty());
    EXPECT_FALSE(
        versionConflict(p("Song (Live at Wembley)").version, p("Song (Live in Tokyo)").version, false)
            .isEmpty());
}

TEST(MatchingVersion, Albums)
{
    EXPECT_EQ(baseAlbum(QStringLiteral("1984 (Remastered)")), QStringLiteral("1984"));
    EXPECT_EQ(baseAlbum(QStringLiteral("Let Love In (2011 Remastered Version)")),
              QStringLiteral("Let Love In"));
    EXPECT_EQ(baseAlbum(QStringLiteral("Guilty - The 4th Mini Album")), QStringLiteral("Guilty"));
    EXPECT_EQ(baseAlbum(QStringLiteral("To. X - The 5th Mini Album")), QStringLiteral("To. X"));
    EXPECT_TRUE(albumVersion(QStringLiteral("Live at Wembley '86")).has(VersionFlag::Live));
    EXPECT_TRUE(albumVersion(QStringLiteral("MTV Unplugged in New York")).has(VersionFlag::Unplugged));
    EXPECT_FALSE(albumVersion(QStringLiteral("Live Through This")).has(VersionFlag::Live));
}
