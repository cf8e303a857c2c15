#include "pb/matching/matchingengine.h"

#include <gtest/gtest.h>

using namespace pb::matching;
using pb::PlexTrack;
using pb::SourceTrack;

namespace {

SourceTrack sp(const QString &name, const QStringList &artists, const QString &album = {}, qint64 ms = 0)
{
    SourceTrack t;
    t.id = QStringLiteral("sp1");
    t.name = name;
    t.artists = artists;
    t.album = album;
    t.durationMs = ms;
    return t;
}

PlexTrack px(const QString &key, const QString &title, const QString &artist, const QString &album = {},
             qint64 ms = 0, const QString &trackArtist = {})
{
    PlexTrack t;
    t.ratingKey = key;
    t.title = title;
    t.grandparentTitle = artist;
    t.originalTitle = trackArtist;
    t.parentTitle = album;
    t.durationMs = ms;
    return t;
}

} // namespace

TEST(MatchingEngine, AcceptsEqualTrackWithReason)
{
    const MatchingEngine e;
    const MatchResult r = e.match(
        sp(QStringLiteral("Hey Jude"), {QStringLiteral("The Beatles")}, QStringLiteral("Hey Jude"), 431000),
        {px(QStringLiteral("1"), QStringLiteral("Hey Jude"), QStringLiteral("The Beatles"),
            QStringLiteral("Hey Jude"), 432200)});
    ASSERT_TRUE(r.accepted());
    EXPECT_EQ(r.best->ratingKey, QStringLiteral("1"));
    EXPECT_EQ(r.reason, QStringLiteral("accepted: title and artist equal, duration +1.2 s"));
    EXPECT_TRUE(e.isConfident(r));
    EXPECT_GE(r.confidence, 0.0);
    EXPECT_LE(r.confidence, 1.0);
}

TEST(MatchingEngine, RejectsLiveSiblingAndPrefersStudio)
{
    const MatchingEngine e;
    const SourceTrack t = sp(QStringLiteral("Iron Man - 2012 - Remaster"), {QStringLiteral("Black Sabbath")},
                             QStringLiteral("Paranoid (2012 Remaster)"), 356000);
    const MatchResult live =
        e.match(t, {px(QStringLiteral("9"), QStringLiteral("Iron Man (Live)"),
                       QStringLiteral("Black Sabbath"), QStringLiteral("Past Lives"), 357000)});
    EXPECT_FALSE(live.accepted());
    EXPECT_TRUE(live.signals.versionConflict);
    EXPECT_TRUE(live.reason.startsWith(QLatin1String("rejected: candidate is a live version")))
        << qPrintable(live.reason);

    const MatchResult both =
        e.match(t, {px(QStringLiteral("9"), QStringLiteral("Iron Man (Live)"),
                       QStringLiteral("Black Sabbath"), QStringLiteral("Past Lives"), 357000),
                    px(QStringLiteral("1"), QStringLiteral("Iron Man"), QStringLiteral("Black Sabbath"),
                       QStringLiteral("Paranoid"), 355000)});
    ASSERT_TRUE(both.accepted());
    EXPECT_EQ(both.best->ratingKey, QStringLiteral("1"));
    ASSERT_TRUE(both.runnerUp.has_value());
    EXPECT_EQ(both.runnerUp->track.ratingKey, QStringLiteral("9"));
}

TEST(MatchingEngine, DurationVeto)
{
    const MatchingEngine e;
    const MatchResult r = e.match(
        sp(QStringLiteral("The A Team"), {QStringLiteral("Ed Sheeran")}, {}, 258000),
        {px(QStringLiteral("1"), QStringLiteral("The A Team"), QStringLiteral("Ed Sheeran"), {}, 301000)});
    EXPECT_FALSE(r.accepted());
    EXPECT_TRUE(r.signals.durationVetoed);
    EXPECT_EQ(r.reason, QStringLiteral("rejected: duration differs by +43.0 s"));
}

TEST(MatchingEngine, CoversAndOtherArtistsRejected)
{
    const MatchingEngine e;
    const SourceTrack t = sp(QStringLiteral("Sweet Dreams (Are Made of This) - Remastered"),
                             {QStringLiteral("Eurythmics")}, {}, 216000);
    const MatchResult r =
        e.match(t, {px(QStringLiteral("2"), QStringLiteral("Sweet Dreams (Are Made of This)"),
                       QStringLiteral("Marilyn Manson"), QStringLiteral("Smells Like Children"), 293000),
                    px(QStringLiteral("3"), QStringLiteral("Sweet Dreams (Are Made of This)"),
                       QStringLiteral("Weezer"), {}, 215000)});
    EXPECT_FALSE(r.accepted()) << qPrintable(r.reason);
}

TEST(MatchingEngine, VariousArtistsUsesTrackArtist)
{
    const MatchingEngine e;
    const MatchResult r = e.match(
        sp(QStringLiteral("Jamie"), {QStringLiteral("Eddie Holland")}, QStringLiteral("Jamie"), 160000),
        {px(QStringLiteral("5"), QStringLiteral("Jamie"), QStringLiteral("Various Artists"),
            QStringLiteral("Hitsville USA"), 161000, QStringLiteral("Eddie Holland"))});
    EXPECT_TRUE(r.accepted()) << qPrintable(r.reason);
}

TEST(MatchingEngine, NonLatinTitlesDoNotMatchEachOther)
{
    const MatchingEngine e;
    const MatchResult r = e.match(
        sp(QString::fromUtf8("\xE6\x90\x8D\xE3\x81\xA8\xE5\x98\x98"), {QStringLiteral("Yoeko Kurahashi")}),
        {px(QStringLiteral("1"), QString::fromUtf8("\xE6\xB6\x99\xE3\x81\xA7\xE9\x9B\xAA\xE3\x81\xAF"),
            QStringLiteral("Yoeko Kurahashi"))});
    EXPECT_FALSE(r.accepted());
}

TEST(MatchingEngine, NoCandidates)
{
    const MatchResult r = MatchingEngine().match(sp(QStringLiteral("x"), {QStringLiteral("y")}), {});
    EXPECT_FALSE(r.accepted());
    EXPECT_EQ(r.reason, QStringLiteral("rejected: no candidates"));
}

TEST(MatchingEngine, IsrcDecides)
{
    SourceTrack t = sp(QStringLiteral("Kizuna"), {QStringLiteral("Yasuharu Takanashi")}, {}, 200000);
    t.isrc = QStringLiteral("JPX001234567");
    PlexTrack c =
        px(QStringLiteral("1"), QStringLiteral("Bonds"), QStringLiteral("Yasuharu Takanashi"), {}, 200500);
    c.guids = {QStringLiteral("isrc://JPX001234567")};
    EXPECT_TRUE(MatchingEngine().match(t, {c}).accepted());
}

TEST(MatchingSearchPlan, ArtistQueriesFirstTitleOnlyLast)
{
    const MatchingEngine e;
    const auto plan = e.searchPlan(sp(QStringLiteral("It Ain't Hard to Tell - Remastered"),
                                      {QStringLiteral("Nas"), QStringLiteral("The Other")}));
    ASSERT_GE(plan.size(), 4u);
    EXPECT_EQ(plan.front().title, QStringLiteral("It Ain't Hard to Tell"));
    EXPECT_EQ(plan.front().artist, QStringLiteral("Nas"));
    EXPECT_EQ(plan[1].title, QString::fromUtf8("It Ain\xE2\x80\x99t Hard to Tell"));
    bool otherArtist = false;
    for (const auto &q : plan)
        otherArtist = otherArtist || q.artist == QStringLiteral("Other");
    EXPECT_TRUE(otherArtist);
    // Title-only queries follow every artist + title query; the artist's tracks come last of all.
    EXPECT_TRUE(plan.back().title.isEmpty());
    EXPECT_EQ(plan.back().artist, QStringLiteral("Nas"));
    bool seenTitleOnly = false;
    for (size_t i = 0; i + 1 < plan.size(); ++i) {
        if (plan[i].artist.isEmpty())
            seenTitleOnly = true;
        else
            EXPECT_FALSE(seenTitleOnly) << "an artist + title query after a title-only one";
    }
    EXPECT_TRUE(seenTitleOnly);
}

TEST(MatchingSearchPlan, EarlyExitStopsAtConfidentMatch)
{
    const MatchingEngine e;
    int calls = 0;
    const CandidateProvider provider = [&](const SearchQuery &q) -> pb::Result<std::vector<PlexTrack>> {
        ++calls;
        if (q.artist.isEmpty())
            return std::vector<PlexTrack>{};
        return std::vector<PlexTrack>{px(QStringLiteral("7"), QStringLiteral("Hey Jude"),
                                         QStringLiteral("The Beatles"), QStringLiteral("Hey Jude"), 431000)};
    };
    const auto m =
        e.matchTrack(sp(QStringLiteral("Hey Jude"), {QStringLiteral("The Beatles"), QStringLiteral("X")},
                        QStringLiteral("Hey Jude"), 431000),
                     provider);
    ASSERT_TRUE(m.ok());
    EXPECT_TRUE(m->result.accepted());
    EXPECT_EQ(m->queriesIssued, 1);
    EXPECT_EQ(calls, 1);
}

TEST(MatchingPlaylist, MatchesInOrderAndReportsStatistics)
{
    const MatchingEngine e;
    const std::vector<PlexTrack> library = {
        px(QStringLiteral("1"), QStringLiteral("Hey Jude"), QStringLiteral("The Beatles"), {}, 431000),
        px(QStringLiteral("2"), QStringLiteral("Matches (Acoustic)"), QStringLiteral("Someone"), {}, 200000),
    };
    const CandidateProvider provider = [&](const SearchQuery &q) -> pb::Result<std::vector<PlexTrack>> {
        std::vector<PlexTrack> out;
        for (const PlexTrack &t : library)
            if (t.title.contains(q.title, Qt::CaseInsensitive) &&
                t.grandparentTitle.contains(q.artist, Qt::CaseInsensitive))
                out.push_back(t);
        return out;
    };
    const auto r =
        e.matchPlaylistTracks({sp(QStringLiteral("Hey Jude"), {QStringLiteral("The Beatles")}, {}, 431000),
                               sp(QStringLiteral("Matches"), {QStringLiteral("Someone")}, {}, 200000),
                               sp(QStringLiteral("Absent"), {QStringLiteral("Nobody")})},
                              provider);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ((*r)[0].position, 0);
    EXPECT_TRUE((*r)[0].result.accepted());
    EXPECT_FALSE((*r)[1].result.accepted());
    EXPECT_FALSE((*r)[2].result.accepted());
    const MatchStatistics st = MatchingEngine::getMatchStatistics(*r);
    EXPECT_EQ(st.total, 3);
    EXPECT_EQ(st.matched, 1);
    EXPECT_EQ(st.unmatched, 2);
    EXPECT_NEAR(st.matchRate, 1.0 / 3.0, 1e-9);
    EXPECT_EQ(st.reasons.value(QStringLiteral("accepted")), 1);
    EXPECT_EQ(st.reasons.value(QStringLiteral("rejected: no candidates")), 1);
    int histogramTotal = 0;
    for (int b : st.confidenceHistogram)
        histogramTotal += b;
    EXPECT_EQ(histogramTotal, 3);
}

TEST(MatchingPlaylist, ProviderErrorStopsAndPropagates)
{
    const CandidateProvider failing = [](const SearchQuery &) -> pb::Result<std::vector<PlexTrack>> {
        return pb::Error::make(pb::ErrorKind::Cancelled, QStringLiteral("stopped"));
    };
    const auto r =
        MatchingEngine().matchPlaylistTracks({sp(QStringLiteral("a"), {QStringLiteral("b")})}, failing);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, pb::ErrorKind::Cancelled);
}

TEST(MatchingDownloadQuery, CleanArtistTitle)
{
    EXPECT_EQ(MatchingEngine::generateDownloadQuery(
                  sp(QStringLiteral("Iron Man - 2012 - Remaster"), {QStringLiteral("Black Sabbath")})),
              QStringLiteral("Black Sabbath Iron Man"));
    EXPECT_EQ(MatchingEngine::generateDownloadQuery(sp(QStringLiteral("No Gravity (feat. Bava)"),
                                                       {QStringLiteral("DJ"), QStringLiteral("Bava")})),
              QStringLiteral("DJ No Gravity"));
    EXPECT_EQ(MatchingEngine::generateDownloadQuery(
                  sp(QStringLiteral("Paradise - Fedde le Grand Remix"), {QStringLiteral("Coldplay")})),
              QStringLiteral("Coldplay Paradise Fedde le Grand Remix"));
}

TEST(MatchingEngine, UnknowableSignalsAcceptButNeverConfident)
{
    const MatchingEngine e;
    // Title in another script: artist and duration agree exactly.
    const MatchResult crossTitle = e.match(
        sp(QString::fromUtf8("\xE7\xB4\x85\xE8\x93\xAE\xE8\x8F\xAF"), {QStringLiteral("LiSA")}, {}, 238000),
        {px(QStringLiteral("1"), QStringLiteral("Gurenge"), QStringLiteral("LiSA"), {}, 238500)});
    ASSERT_TRUE(crossTitle.accepted()) << qPrintable(crossTitle.reason);
    EXPECT_FALSE(e.isConfident(crossTitle));
    EXPECT_TRUE(crossTitle.reason.contains(QLatin1String("another script")));
    // ... but not when the duration is unknown.
    EXPECT_FALSE(
        e.match(sp(QString::fromUtf8("\xE7\xB4\x85\xE8\x93\xAE\xE8\x8F\xAF"), {QStringLiteral("LiSA")}),
                {px(QStringLiteral("1"), QStringLiteral("Gurenge"), QStringLiteral("LiSA"))})
            .accepted());
    // Compilation without a track artist.
    const MatchResult noArtist =
        e.match(sp(QStringLiteral("Bohemian Like You"), {QStringLiteral("The Dandy Warhols")}, {}, 211000),
                {px(QStringLiteral("2"), QStringLiteral("Bohemian Like You"),
                    QStringLiteral("Various Artists"), QStringLiteral("Indie Anthems"), 211000)});
    ASSERT_TRUE(noArtist.accepted());
    EXPECT_FALSE(e.isConfident(noArtist));
}

TEST(MatchingSearchPlan, SubstringQueriesExceptAnExactOneForShortTitles)
{
    const MatchingEngine e;
    for (const auto &q :
         e.searchPlan(sp(QStringLiteral("Hey Jude - Remastered 2015"), {QStringLiteral("The Beatles")})))
        EXPECT_FALSE(q.exactTitle) << qPrintable(q.title);
    const auto shortPlan = e.searchPlan(sp(QStringLiteral("One"), {QStringLiteral("U2")}));
    ASSERT_GE(shortPlan.size(), 3u);
    EXPECT_TRUE(shortPlan[0].exactTitle);
    EXPECT_EQ(shortPlan[0].title, QStringLiteral("One"));
    EXPECT_FALSE(shortPlan[1].exactTitle);
    EXPECT_EQ(shortPlan[1].title, QStringLiteral("One"));
}

TEST(MatchingEngine, SequelsAndRepriseAreOtherSongs)
{
    const MatchingEngine e;
    const SourceTrack t =
        sp(QStringLiteral("Bitter Sweet Symphony"), {QStringLiteral("The Verve")}, {}, 358000);
    EXPECT_FALSE(e.match(t, {px(QStringLiteral("1"), QStringLiteral("Bitter Sweet Symphony II"),
                                QStringLiteral("The Verve"), {}, 359000)})
                     .accepted());
    EXPECT_FALSE(e.match(t, {px(QStringLiteral("2"), QStringLiteral("Bitter Sweet Symphony (Reprise)"),
                                QStringLiteral("The Verve"), {}, 358000)})
                     .accepted());
    // A dropped leading "The" is not an added word.
    EXPECT_TRUE(
        e.match(sp(QStringLiteral("The Sound of Silence"), {QStringLiteral("Simon & Garfunkel")}, {}, 185000),
                {px(QStringLiteral("3"), QStringLiteral("Sound of Silence"),
                    QStringLiteral("Simon & Garfunkel"), {}, 185000)})
            .accepted());
}

TEST(MatchingEngine, CyrillicArtistIsComparedNotUnknown)
{
    const MatchingEngine e;
    const SourceTrack t = sp(QString::fromUtf8("Группа крови"), {QString::fromUtf8("Кино")}, {}, 286000);
    EXPECT_FALSE(e.match(t, {px(QStringLiteral("1"), QString::fromUtf8("Группа крови"),
                                QStringLiteral("The Tribute Players"), {}, 286000)})
                     .accepted());
    EXPECT_TRUE(e.match(t, {px(QStringLiteral("2"), QStringLiteral("Gruppa krovi"), QStringLiteral("Kino"),
                               {}, 286000)})
                    .accepted());
}

TEST(MatchingEngine, FeaturedArtistsOwnSongIsNotTheDuet)
{
    const MatchingEngine e;
    const SourceTrack t =
        sp(QStringLiteral("Stay"), {QStringLiteral("Rihanna"), QStringLiteral("Mikky Ekko")}, {}, 240000);
    EXPECT_FALSE(e.match(t, {px(QStringLiteral("1"), QStringLiteral("Stay"), QStringLiteral("Mikky Ekko"),
                                QStringLiteral("Time"), 240000)})
                     .accepted());
    // Filed under the second artist but credited to both: the duet.
    EXPECT_TRUE(e.match(t, {px(QStringLiteral("2"), QStringLiteral("Stay"), QStringLiteral("Mikky Ekko"), {},
                               240000, QStringLiteral("Rihanna feat. Mikky Ekko"))})
                    .accepted());
    // Classical: composer first, performers after; the performer is enough.
    EXPECT_TRUE(
        e.match(sp(QStringLiteral("Ballade No. 1 in G Minor, Op. 23"),
                   {QStringLiteral("Frédéric Chopin"), QStringLiteral("Krystian Zimerman")}, {}, 560000),
                {px(QStringLiteral("3"), QStringLiteral("Ballade No. 1 in G minor, Op. 23"),
                    QStringLiteral("Krystian Zimerman"), {}, 561000)})
            .accepted());
}

TEST(MatchingEngine, RemixSingleMarksItsTrack)
{
    const MatchingEngine e;
    EXPECT_FALSE(e.match(sp(QStringLiteral("Toxic"), {QStringLiteral("Britney Spears")},
                            QStringLiteral("In The Zone"), 199000),
                         {px(QStringLiteral("1"), QStringLiteral("Toxic"), QStringLiteral("Britney Spears"),
                             QStringLiteral("Toxic (Y2K & Alexander Lewis Remix) - Single"), 199000)})
                     .accepted());
}

TEST(MatchingEngine, TaggingLeftoversAndCatalogueNumbers)
{
    const MatchingEngine e;
    const SourceTrack t = sp(QStringLiteral("Clocks"), {QStringLiteral("Coldplay")}, {}, 307000);
    EXPECT_TRUE(e.match(t, {px(QStringLiteral("1"), QStringLiteral("05 - Clocks"), QStringLiteral("Coldplay"),
                               {}, 307000)})
                    .accepted());
    EXPECT_TRUE(e.match(t, {px(QStringLiteral("2"), QStringLiteral("Coldplay - Clocks"),
                               QStringLiteral("Coldplay"), {}, 307000)})
                    .accepted());
    EXPECT_TRUE(e.match(sp(QString::fromUtf8("F\xC3\xBCr Elise"),
                           {QStringLiteral("Ludwig van Beethoven"), QStringLiteral("Lang Lang")}, {}, 175000),
                        {px(QStringLiteral("4"), QString::fromUtf8("F\xC3\xBCr Elise, WoO 59"),
                            QStringLiteral("Lang Lang"), {}, 175000)})
                    .accepted());
    // Different catalogue numbers are different works.
    EXPECT_FALSE(e.match(sp(QStringLiteral("Nocturne in E-Flat Major, Op. 9 No. 2"),
                            {QStringLiteral("Arthur Rubinstein")}, {}, 270000),
                         {px(QStringLiteral("5"), QStringLiteral("Nocturne in E-Flat Major, Op. 9 No. 1"),
                             QStringLiteral("Arthur Rubinstein"), {}, 270000)})
                     .accepted());
}

TEST(MatchingVersionMore, BroadcastsTakesAndCommentary)
{
    EXPECT_TRUE(parseTitle(QStringLiteral("Wonderwall (Radio Broadcast)")).version.has(VersionFlag::Live));
    EXPECT_TRUE(parseTitle(QStringLiteral("Dreams (Take 2)")).version.has(VersionFlag::Demo));
    EXPECT_TRUE(parseTitle(QStringLiteral("Song (Track by Track Commentary)"))
                    .version.has(VersionFlag::OtherVersion));
    EXPECT_TRUE(parseTitle(QStringLiteral("Song (8D Audio)")).version.has(VersionFlag::SpeedChanged));
    EXPECT_EQ(parseTitle(QStringLiteral("Song (Official Audio)")).version.differentRecording(), 0u);
}
