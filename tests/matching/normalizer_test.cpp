#include "pb/matching/normalizer.h"

#include <gtest/gtest.h>

using namespace pb::matching;

namespace {
QString n(const char *s)
{
    return normalizeText(QString::fromUtf8(s));
}
} // namespace

TEST(MatchingNormalize, CaseAndWhitespace)
{
    EXPECT_EQ(n("  TRACK   Name "), QStringLiteral("track name"));
    EXPECT_EQ(n("RODEO"), n("Rodeo"));
}

TEST(MatchingNormalize, ApostrophesAndQuotesUnify)
{
    EXPECT_EQ(n("93 'Til Infinity"), n("93 \xE2\x80\x99til Infinity"));
    EXPECT_EQ(n("It Ain't Hard to Tell"), n("It Ain\xE2\x80\x99t Hard to Tell"));
    EXPECT_EQ(n("DON'T WANNA"), n("DON\xE2\x80\x99T WANNA"));
    EXPECT_EQ(n("\xE2\x80\x9CQuoted\xE2\x80\x9D"), n("\"Quoted\""));
}

TEST(MatchingNormalize, DashesAndAmpersandAndPlus)
{
    EXPECT_EQ(n("A\xE2\x80\x94"
                "B"),
              n("A-B"));
    EXPECT_EQ(n("A \xE2\x80\x93 B"), n("A - B"));
    EXPECT_EQ(n("The Back Roads and the Back Row"), n("The Back Roads & The Back Row"));
    EXPECT_EQ(n("Dan + Shay"), n("Dan & Shay"));
}

TEST(MatchingNormalize, LatinAccentsFold)
{
    EXPECT_EQ(n("\xC3\x89"
                "coutez-moi"),
              n("Ecoutez moi"));
    EXPECT_EQ(n("Vogel im K\xC3\xA4"
                "fig"),
              n("Vogel Im Kafig"));
    EXPECT_EQ(n("M\xC3\xB6ge die Stra\xC3\x9F"
                "e"),
              QStringLiteral("moge die strasse"));
    EXPECT_EQ(n("Sigur R\xC3\xB3s"), QStringLiteral("sigur ros"));
    EXPECT_EQ(n("M\xC3\xB8"
                "r"),
              QStringLiteral("mor"));
    EXPECT_EQ(n("Beyonc\xC3\xA9"), QStringLiteral("beyonce"));
}

TEST(MatchingNormalize, NonLatinLettersKept)
{
    const QString kanji = n("\xE7\xB4\x85\xE8\x93\xAE\xE8\x8F\xAF"); // 紅蓮華
    EXPECT_EQ(kanji, QString::fromUtf8("\xE7\xB4\x85\xE8\x93\xAE\xE8\x8F\xAF"));
    EXPECT_NE(n("\xE6\x90\x8D\xE3\x81\xA8\xE5\x98\x98"),
              n("\xE6\xB6\x99\xE3\x81\xA7\xE9\x9B\xAA")); // 損と嘘 vs 涙で雪
    // Dakuten stays on kana: が is not か.
    EXPECT_NE(n("\xE3\x81\x8C"), n("\xE3\x81\x8B"));
    EXPECT_EQ(n("\xD0\x9A\xD0\xB8\xD0\xBD\xD0\xBE"),
              QString::fromUtf8("\xD0\xBA\xD0\xB8\xD0\xBD\xD0\xBE"));  // Кино
    EXPECT_FALSE(n("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4").isEmpty()); // 한국어
}

TEST(MatchingNormalize, NonEmptyNeverBecomesEmpty)
{
    EXPECT_FALSE(n("?").isEmpty());
    EXPECT_FALSE(n("...").isEmpty());
    EXPECT_NE(n("?"), n("!"));
    EXPECT_FALSE(n("\xE2\x99\x80").isEmpty()); // ♀
    EXPECT_TRUE(n("").isEmpty());
}

TEST(MatchingNormalize, FullWidthAndCompatibilityForms)
{
    EXPECT_EQ(n("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"), QStringLiteral("abc")); // ＡＢＣ
    EXPECT_EQ(n("\xEF\xAC\x81re"), QStringLiteral("fire"));                      // ﬁ ligature
}

TEST(MatchingNormalize, ArtistLeadingThe)
{
    EXPECT_EQ(normalizeArtist(QStringLiteral("The Beatles")), normalizeArtist(QStringLiteral("Beatles")));
    EXPECT_EQ(normalizeArtist(QStringLiteral("The The")), QStringLiteral("the"));
}

TEST(MatchingSplitArtists, KeepsKnownNamesAndBands)
{
    EXPECT_EQ(splitArtists(QStringLiteral("Simon & Garfunkel")),
              QStringList{QStringLiteral("Simon & Garfunkel")});
    EXPECT_EQ(splitArtists(QStringLiteral("Earth, Wind & Fire")),
              QStringList{QStringLiteral("Earth, Wind & Fire")});
    EXPECT_EQ(splitArtists(QStringLiteral("Nick Cave & The Bad Seeds")),
              QStringList{QStringLiteral("Nick Cave & The Bad Seeds")});
    EXPECT_EQ(splitArtists(QStringLiteral("AC/DC")), QStringList{QStringLiteral("AC/DC")});
}

TEST(MatchingSplitArtists, SplitsServiceSeparators)
{
    EXPECT_EQ(splitArtists(QStringLiteral("Justin Bieber, Cash Cobain & Eddie Benjamin")),
              (QStringList{QStringLiteral("Justin Bieber"), QStringLiteral("Cash Cobain"),
                           QStringLiteral("Eddie Benjamin")}));
    EXPECT_EQ(splitArtists(QStringLiteral("Skrillex; Diplo")),
              (QStringList{QStringLiteral("Skrillex"), QStringLiteral("Diplo")}));
    EXPECT_EQ(splitArtists(QStringLiteral("Calvin Harris feat. Ellie Goulding")),
              (QStringList{QStringLiteral("Calvin Harris"), QStringLiteral("Ellie Goulding")}));
    EXPECT_EQ(splitArtists(QStringLiteral("Simon & Garfunkel, Paul Simon")),
              (QStringList{QStringLiteral("Simon & Garfunkel"), QStringLiteral("Paul Simon")}));
}

TEST(MatchingSplitArtists, VariousArtists)
{
    EXPECT_TRUE(isVariousArtists(QStringLiteral("Various Artists")));
    EXPECT_TRUE(isVariousArtists(QStringLiteral("VA")));
    EXPECT_FALSE(isVariousArtists(QStringLiteral("Various Cruelties")));
}

TEST(MatchingPrepare, FeaturedArtistsMoveToArtistSet)
{
    pb::SourceTrack t;
    t.name = QStringLiteral("No Gravity (feat. Bava)");
    t.artists = {QStringLiteral("Some DJ")};
    const PreparedSpotify p = prepare(t);
    EXPECT_EQ(p.titleKey, QStringLiteral("no gravity"));
    EXPECT_TRUE(p.artistKeys.contains(QStringLiteral("bava")));
    EXPECT_TRUE(p.artistKeys.contains(QStringLiteral("some dj")));
}

TEST(MatchingPrepare, VariousArtistsAlbumArtistIgnored)
{
    pb::PlexTrack t;
    t.title = QStringLiteral("Jamie");
    t.grandparentTitle = QStringLiteral("Various Artists");
    t.originalTitle = QStringLiteral("Eddie Holland");
    const PreparedPlex p = prepare(t);
    EXPECT_TRUE(p.variousArtists);
    EXPECT_EQ(p.artistKeys, QStringList{QStringLiteral("eddie holland")});
}

TEST(MatchingPrepare, IsrcFromGuids)
{
    pb::PlexTrack t;
    t.title = QStringLiteral("x");
    t.guids = {QStringLiteral("plex://track/abc"), QStringLiteral("isrc://usabc1234567")};
    EXPECT_EQ(prepare(t).isrc, QStringLiteral("USABC1234567"));
}

TEST(MatchingNormalize, TransliteratesCyrillicAndGreekOnly)
{
    EXPECT_EQ(transliterate(n("Кино")), QStringLiteral("kino"));
    EXPECT_EQ(transliterate(n("Звезда по имени Солнце")), QStringLiteral("zvezda po imeni solntse"));
    EXPECT_EQ(transliterate(n("Μελίνα")), QStringLiteral("melina"));
    EXPECT_TRUE(transliterate(n("Latin only")).isEmpty());
    EXPECT_TRUE(transliterate(n("\xE5\xA4\x9C")).isEmpty()); // 夜: no letter-by-letter romanisation
}
