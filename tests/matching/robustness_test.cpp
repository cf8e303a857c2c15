// Property tests over hostile strings: no crash, no hang, deterministic results, idempotent
// normalisation, and a non-empty title never normalising to the empty string.
#include "pb/matching/matchingengine.h"

#include <gtest/gtest.h>

#include <random>

using namespace pb::matching;

namespace {

QString fromUnits(std::initializer_list<char16_t> units)
{
    QString s;
    for (char16_t u : units)
        s.append(QChar(u));
    return s;
}

std::vector<QString> oddStrings()
{
    std::vector<QString> v = {
        QString(),
        QStringLiteral(" "),
        fromUnits({0xD800}),                                 // lone high surrogate
        fromUnits({0xDC00, u'a'}),                           // lone low surrogate
        fromUnits({u'a', 0xD83D}),                           // truncated emoji
        fromUnits({0x0301, 0x0301, 0x0301}),                 // combining marks with no base
        fromUnits({0x200B, 0x200D, 0xFEFF}),                 // zero-width characters only
        fromUnits({0x202E, u'a', u'b', 0x202C}),             // RTL override
        fromUnits({0x200F, 0x05E9, 0x05DC, 0x05D5, 0x05DD}), // RLM + Hebrew
        QString::fromUtf8(
            "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"), // ZWJ family
        QString::fromUtf8("\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"),                           // flag
        QString(10000, QLatin1Char('a')),
        QString(10000, QChar(0x0301)),
        QString(5000, QLatin1Char('(')),
        QString(5000, QLatin1Char(')')) + QString(5000, QLatin1Char('(')),
        QStringLiteral("((((((((feat. feat. feat.") + QString(3000, QLatin1Char('-')),
        QStringLiteral(" - - - - - "),
        QString(QChar(0)) + QStringLiteral("nul\tcontrol") + QChar(1) + QChar(0x7f),
        QString::fromUtf8("Z\xCC\x8D\xCC\x8E\xCC\x84\xCC\x85\xCC\x86\xCC\x87\xCC\x88"
                          "algo"),
        QStringLiteral("(Live) [Remix] {Acoustic} - Radio Edit - Remastered"),
    };
    std::mt19937 rng(4);
    std::uniform_int_distribution<int> len(0, 60);
    std::uniform_int_distribution<int> unit(0, 0xFFFF);
    for (int i = 0; i < 300; ++i) {
        QString s;
        const int n = len(rng);
        for (int k = 0; k < n; ++k)
            s.append(QChar(static_cast<char16_t>(unit(rng))));
        v.push_back(s);
    }
    return v;
}

} // namespace

TEST(MatchingRobustness, NormalisationIsTotalIdempotentAndNeverEmptiesText)
{
    for (const QString &s : oddStrings()) {
        const QString once = normalizeText(s);
        EXPECT_EQ(normalizeText(once), once) << "not idempotent for input of length " << s.size();
        bool hasVisible = false;
        for (const QChar c : s)
            hasVisible = hasVisible || !c.isSpace();
        if (hasVisible) {
            EXPECT_FALSE(once.isEmpty()) << "non-empty input normalised to empty, length " << s.size();
        }
        const ParsedTitle t = parseTitle(s);
        (void)splitArtists(s);
        (void)baseAlbum(s);
        if (hasVisible) {
            EXPECT_FALSE(t.base.isEmpty());
        }
    }
}

TEST(MatchingRobustness, MatchingIsDeterministicAndBounded)
{
    const std::vector<QString> strings = oddStrings();
    const MatchingEngine engine;
    std::vector<pb::PlexTrack> candidates;
    for (size_t i = 0; i < strings.size(); i += 3) {
        pb::PlexTrack c;
        c.ratingKey = QString::number(i);
        c.title = strings[i];
        c.grandparentTitle = strings[(i + 1) % strings.size()];
        c.originalTitle = strings[(i + 2) % strings.size()];
        c.parentTitle = strings[(i + 5) % strings.size()];
        c.durationMs = static_cast<qint64>(i) * 1000;
        candidates.push_back(c);
    }
    for (size_t i = 0; i < strings.size(); i += 7) {
        pb::SourceTrack t;
        t.name = strings[i];
        t.artists = {strings[(i + 3) % strings.size()], strings[(i + 4) % strings.size()]};
        t.album = strings[(i + 6) % strings.size()];
        t.durationMs = static_cast<qint64>(i) * 997;
        const MatchResult a = engine.match(t, candidates);
        const MatchResult b = engine.match(t, candidates);
        EXPECT_EQ(a.accepted(), b.accepted());
        EXPECT_EQ(a.confidence, b.confidence);
        EXPECT_EQ(a.reason, b.reason);
        EXPECT_GE(a.confidence, 0.0);
        EXPECT_LE(a.confidence, 1.0);
        EXPECT_FALSE(a.reason.isEmpty());
        (void)engine.searchPlan(t);
        (void)MatchingEngine::generateDownloadQuery(t);
    }
}

TEST(MatchingRobustness, EmptyNeverMatchesEmpty)
{
    pb::SourceTrack t;
    t.name = QString::fromUtf8("\xE7\xB4\x85\xE8\x93\xAE\xE8\x8F\xAF");
    t.artists = {QStringLiteral("LiSA")};
    pb::PlexTrack c;
    c.ratingKey = QStringLiteral("1");
    c.title = QString::fromUtf8("\xE7\x82\x8E"); // 炎: another all-kanji title by the same artist
    c.grandparentTitle = QStringLiteral("LiSA");
    EXPECT_FALSE(MatchingEngine().match(t, {c}).accepted());
}
