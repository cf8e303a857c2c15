// The baselines must reproduce the documented behaviour of the tools they stand for
// (landscape.md §3.1a and §3.2), weaknesses included, or the comparison table means nothing.
#include "pb/matching/baseline.h"

#include <gtest/gtest.h>

using namespace pb::matching;

namespace {

pb::SourceTrack sp(const QString &name, const QStringList &artists, qint64 ms = 200000)
{
    pb::SourceTrack t;
    t.name = name;
    t.artists = artists;
    t.durationMs = ms;
    return t;
}

pb::PlexTrack px(const QString &key, const QString &title, const QString &artist, qint64 ms = 200000)
{
    pb::PlexTrack t;
    t.ratingKey = key;
    t.title = title;
    t.grandparentTitle = artist;
    t.durationMs = ms;
    return t;
}

} // namespace

TEST(MatchingBaseline, SoulSyncAcceptsLiveAsStudioBecauseCleanTitleDropsBrackets)
{
    // Core strings differ ("songlive" vs "song"), but clean_title makes both "song": 0.6 + 0.3 + 0.1.
    EXPECT_EQ(baseline::soulSyncOrigin(
                  sp(QStringLiteral("Song"), {QStringLiteral("Band")}),
                  {px(QStringLiteral("1"), QStringLiteral("Song (Live)"), QStringLiteral("Band"))}),
              std::optional<QString>(QStringLiteral("1")));
}

TEST(MatchingBaseline, SoulSyncCoreTitlePathIgnoresArtist)
{
    // Equal core strings score 0.90 + 0.09 * artist: accepted even for a different artist.
    EXPECT_TRUE(baseline::soulSyncOrigin(
                    sp(QStringLiteral("Hurt"), {QStringLiteral("Nine Inch Nails")}),
                    {px(QStringLiteral("1"), QStringLiteral("Hurt"), QStringLiteral("Johnny Cash"))})
                    .has_value());
}

TEST(MatchingBaseline, SpotifyToPlexMatchesAnyNonLatinTitleBySameArtist)
{
    // createSearchString deletes every non-[a-z0-9 ] character: "" == "" is a tier-1 match.
    EXPECT_EQ(baseline::spotifyToPlex(
                  sp(QString::fromUtf8("\xE5\xA4\x9C\xE3\x81\xAB"), {QStringLiteral("YOASOBI")}),
                  {px(QStringLiteral("9"), QString::fromUtf8("\xE7\xBE\xA4\xE9\x9D\x92"),
                      QStringLiteral("YOASOBI"))}),
              std::optional<QString>(QStringLiteral("9")));
}

TEST(MatchingBaseline, SpotifyToPlexContainsTierAcceptsRemix)
{
    // Tier 2 (artist match, title contains) has no version check.
    EXPECT_TRUE(baseline::spotifyToPlex(sp(QStringLiteral("Titanium"), {QStringLiteral("David Guetta")}),
                                        {px(QStringLiteral("1"), QStringLiteral("Titanium (Alesso Remix)"),
                                            QStringLiteral("David Guetta"))})
                    .has_value());
}

TEST(MatchingBaseline, BothRejectUnrelatedTracks)
{
    const auto track = sp(QStringLiteral("Light Years"), {QStringLiteral("Jamiroquai")});
    const std::vector<pb::PlexTrack> other = {
        px(QStringLiteral("1"), QStringLiteral("Heatwave"), QStringLiteral("MIIL"))};
    EXPECT_FALSE(baseline::soulSyncOrigin(track, other).has_value());
    EXPECT_FALSE(baseline::spotifyToPlex(track, other).has_value());
}
