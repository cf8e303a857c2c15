// The accuracy harness (issue #4): runs the engine and a competitor baseline over the labelled
// corpus, prints the per-category table and every miss, and holds the floors.
#include "pb/matching/baseline.h"
#include "pb/matching/evaluation.h"
#include "pb/matching/matcheval.h"
#include "pb/matching/matchingengine.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>

using namespace pb::matching;

namespace {

// Floors. The overall ones are the bars (kFloorFalseMatchRate, kFloorRecall in
// matcheval.h). The rest are set from the measured numbers in docs/matching.md and are never
// lowered to make a run pass: a change that drops below them has made matching worse.
// Measured 99.8 % precision (one inseparable Japanese/Korean pair, E12).
constexpr double kMinPrecision = 0.995;
// Measured: every category except non-latin, classical and language at 100 % recall.
// Non-Latin: measured 12/16 (translated and stylised titles, and title plus artist both in
// another script, cannot be matched from text alone).
constexpr double kMinRecallNonLatin = 0.75;
constexpr double kMinRecallDefault = 1.0;
// Categories whose whole point is rejecting a different recording or song: no false match at all.
const QSet<QString> &zeroFalseMatchCategories()
{
    static const QSet<QString> cats = {QStringLiteral("live"),
                                       QStringLiteral("remix"),
                                       QStringLiteral("acoustic"),
                                       QStringLiteral("instrumental"),
                                       QStringLiteral("karaoke"),
                                       QStringLiteral("demo"),
                                       QStringLiteral("extended"),
                                       QStringLiteral("sped-up"),
                                       QStringLiteral("re-recorded"),
                                       QStringLiteral("other-version"),
                                       QStringLiteral("edit"),
                                       QStringLiteral("cover"),
                                       QStringLiteral("other-song"),
                                       QStringLiteral("short-numeric"),
                                       QStringLiteral("same-title-other-artist"),
                                       QStringLiteral("duration"),
                                       QStringLiteral("feat")};
    return cats;
}

const std::vector<CorpusCase> &corpus()
{
    static const std::vector<CorpusCase> cases = [] {
        auto loaded = loadCorpus(QStringLiteral(PB_TEST_DATA_DIR "/matching/corpus.json"));
        if (!loaded) {
            ADD_FAILURE() << qPrintable(loaded.error().toString());
            return std::vector<CorpusCase>{};
        }
        return std::move(loaded).value();
    }();
    return cases;
}

Evaluation evaluateEngine(const MatchConfig &config = {})
{
    const MatchingEngine engine(config);
    return pb::matching::evaluateEngine(corpus(), engine);
}

} // namespace

TEST(MatchingAccuracy, CorpusIsLargeAndCoversEveryReportedCase)
{
    ASSERT_GE(corpus().size(), 300u);
    int reported = 0;
    for (const CorpusCase &c : corpus())
        reported += c.provenance.startsWith(QLatin1String("reported:")) ? 1 : 0;
    EXPECT_GE(reported, 119); // every case of reported-match-cases.md (57 citations)
}

TEST(MatchingAccuracy, EngineMeetsFloorsAndBeatsBaselines)
{
    const Evaluation ours = evaluateEngine();
    const Evaluation soulSync = evaluate(corpus(), QStringLiteral("SoulSync-2025"), [](const CorpusCase &c) {
        return baseline::soulSyncOrigin(c.track, c.candidates);
    });
    const Evaluation s2p = evaluate(corpus(), QStringLiteral("spotify-to-plex"), [](const CorpusCase &c) {
        return baseline::spotifyToPlex(c.track, c.candidates);
    });
    std::printf("\n%s\n%s\nMisses (ours):\n%s\n", qPrintable(formatComparison(ours, &soulSync)),
                qPrintable(formatComparison(ours, &s2p)), qPrintable(formatMisses(ours)));

    EXPECT_LE(ours.overall.falseMatchRate(), kFloorFalseMatchRate);
    EXPECT_GE(ours.overall.recall(), kFloorRecall);
    EXPECT_GE(ours.overall.precision(), kMinPrecision);
    EXPECT_GT(ours.overall.correct, soulSync.overall.correct);
    EXPECT_GT(ours.overall.correct, s2p.overall.correct);
    EXPECT_LT(ours.overall.wrongAccepts, soulSync.overall.wrongAccepts);
    EXPECT_LT(ours.overall.wrongAccepts, s2p.overall.wrongAccepts);
}

TEST(MatchingAccuracy, PerCategoryFloors)
{
    const Evaluation ours = evaluateEngine();
    for (const CategoryScore &c : ours.perCategory) {
        if (zeroFalseMatchCategories().contains(c.category)) {
            EXPECT_EQ(c.wrongAccepts, 0) << qPrintable(c.category);
        }
        if (c.category == QLatin1String("non-latin")) {
            EXPECT_GE(c.recall(), kMinRecallNonLatin);
        } else if (c.category != QLatin1String("classical") && c.category != QLatin1String("language")) {
            EXPECT_GE(c.recall(), kMinRecallDefault) << qPrintable(c.category);
        }
    }
}

// How the named constants were chosen: the same corpus at other settings. Printed, and the
// chosen setting must be at least as good as its neighbours on errors (wrong + missed).
TEST(MatchingAccuracy, ThresholdSweep)
{
    std::printf("\n%-28s %8s %8s %8s %8s\n", "setting", "recall", "f-match", "wrong", "missed");
    auto row = [](const char *name, double value, const Evaluation &e) {
        std::printf("%-20s %7.3f %7.1f%% %7.2f%% %8d %8d\n", name, value, e.overall.recall() * 100,
                    e.overall.falseMatchRate() * 100, e.overall.wrongAccepts, e.overall.missed);
        return e.overall.wrongAccepts + e.overall.missed;
    };
    int chosenErrors = 0;
    int bestErrors = 1 << 30;
    for (double t : {0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.93}) {
        MatchConfig cfg;
        cfg.acceptThreshold = t;
        const int errors = row("acceptThreshold", t, evaluateEngine(cfg));
        bestErrors = std::min(bestErrors, errors);
        if (t == kAcceptThreshold)
            chosenErrors = errors;
    }
    EXPECT_EQ(chosenErrors, bestErrors) << "kAcceptThreshold is no longer the best measured setting";
    for (double g : {0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
        MatchConfig cfg;
        cfg.artistGate = g;
        row("artistGate", g, evaluateEngine(cfg));
    }
    for (int ms : {2000, 4000, 6000, 8000, 10000, 15000, 30000}) {
        MatchConfig cfg;
        cfg.durationToleranceMs = ms;
        row("durationToleranceMs", ms, evaluateEngine(cfg));
    }
}

// The early-exit rule measured: each case searched through a Plex-like provider (case- and
// accent-insensitive substring filters on title and artist, as /library/sections/{id}/all does)
// with the search plan. Printed per confidentThreshold: how often the answer differs from scoring
// every candidate at once, and how many queries a track costs.
TEST(MatchingAccuracy, EarlyExitSweep)
{
    std::printf("\n%-22s %10s %10s %12s\n", "confidentThreshold", "recall", "f-match", "queries/case");
    for (double t : {0.85, 0.90, 0.93, 0.96, 1.01}) {
        MatchConfig cfg;
        cfg.confidentThreshold = t;
        const MatchingEngine engine(cfg);
        int queries = 0;
        const Evaluation e = evaluate(corpus(), QStringLiteral("plan"), [&](const CorpusCase &c) {
            const CandidateProvider provider =
                [&](const SearchQuery &q) -> pb::Result<std::vector<pb::PlexTrack>> {
                std::vector<pb::PlexTrack> out;
                const QString title = normalizeText(q.title);
                const QString artist = normalizeText(q.artist);
                for (const pb::PlexTrack &p : c.candidates) {
                    const QString candidateTitle = normalizeText(p.title);
                    const bool titleHit =
                        q.exactTitle ? candidateTitle == title : candidateTitle.contains(title);
                    const bool artistHit = artist.isEmpty() ||
                                           normalizeText(p.grandparentTitle).contains(artist) ||
                                           normalizeText(p.originalTitle).contains(artist);
                    if (titleHit && artistHit)
                        out.push_back(p);
                }
                return out;
            };
            const auto m = engine.matchTrack(c.track, provider);
            queries += m ? m->queriesIssued : 0;
            return (m && m->result.accepted()) ? std::optional<QString>(m->result.best->ratingKey)
                                               : std::nullopt;
        });
        std::printf("%-22.2f %9.1f%% %9.2f%% %12.2f\n", t, e.overall.recall() * 100,
                    e.overall.falseMatchRate() * 100,
                    static_cast<double>(queries) / static_cast<double>(corpus().size()));
        if (t == kConfidentThreshold && qEnvironmentVariableIsSet("PB_MATCHING_DEBUG"))
            std::printf("%s", qPrintable(formatMisses(e)));
        if (t == kConfidentThreshold) {
            EXPECT_LE(e.overall.falseMatchRate(), kFloorFalseMatchRate);
        }
    }
}

TEST(MatchingAccuracy, MatchEvalCommand)
{
    QString out;
    QString err;
    QTextStream o(&out);
    QTextStream e(&err);
    EXPECT_EQ(runMatchEval({QStringLiteral("--json")}, o, e), 0) << qPrintable(err);
    o.flush();
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
    ASSERT_TRUE(doc.isObject());
    const QJsonObject overall =
        doc.object()[QStringLiteral("ours")].toObject()[QStringLiteral("overall")].toObject();
    EXPECT_LE(overall[QStringLiteral("falseMatchRate")].toDouble(), kFloorFalseMatchRate);
    EXPECT_GE(overall[QStringLiteral("recall")].toDouble(), kFloorRecall);
    EXPECT_EQ(runMatchEval({QStringLiteral("--corpus"), QStringLiteral("/nonexistent/corpus.json")}, o, e),
              1);
    EXPECT_EQ(runMatchEval({QStringLiteral("--bogus")}, o, e), 2);
    QString text;
    QTextStream t(&text);
    EXPECT_EQ(runMatchEval({QStringLiteral("--baseline"), QStringLiteral("spotify-to-plex")}, t, e), 0);
    t.flush();
    EXPECT_TRUE(text.contains(QLatin1String("spotify-to-plex")));
    EXPECT_TRUE(text.contains(QLatin1String("floors")));
}

TEST(MatchingAccuracy, MalformedCorpusIsATypedError)
{
    const auto missing = loadCorpus(QStringLiteral(PB_TEST_DATA_DIR "/matching/does-not-exist.json"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, pb::ErrorKind::Storage);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::pair<const char *, const char *> bad[] = {
        {"truncated.json", "{\"cases\": [{\"id\": \"a\""},
        {"no-cases.json", "{\"version\": 1}"},
        {"not-object.json", "[1, 2, 3]"},
        {"case-not-object.json", "{\"cases\": [42]}"},
        {"no-id.json", "{\"cases\": [{\"category\": \"x\"}]}"},
        {"no-key.json",
         "{\"cases\": [{\"id\": \"a\", \"category\": \"x\", \"candidates\": [{\"title\": \"t\"}]}]}"},
    };
    for (const auto &[name, body] : bad) {
        const QString path = dir.filePath(QLatin1String(name));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(body);
        f.close();
        const auto r = loadCorpus(path);
        ASSERT_FALSE(r.ok()) << name;
        EXPECT_EQ(r.error().kind, pb::ErrorKind::Parse) << name;
    }
}

// Holdouts: sets written after the engine's constants were fixed, each run once before any fix for
// it (first runs in docs/matching.md). After the fixes they guard against regressions. Floors are
// the measured numbers: holdout3's one wrong acceptance (S07, a live album whose name does not say
// so) cannot be told from the metadata, nor can holdout6's (Y10, a re-recording named only on its
// album); holdout6's X08 (a compilation copy with no track artist and no duration) is left
// unmatched on purpose: nothing on the candidate vouches for it.
struct HoldoutFloor {
    const char *file;
    int maxWrongAccepts;
    double minRecall;
};

class MatchingHoldout : public ::testing::TestWithParam<HoldoutFloor> {};

TEST_P(MatchingHoldout, MeetsFloors)
{
    auto holdout = loadCorpus(QStringLiteral(PB_TEST_DATA_DIR "/matching/") + QLatin1String(GetParam().file));
    ASSERT_TRUE(holdout.ok()) << qPrintable(holdout.error().toString());
    const MatchingEngine engine;
    const Evaluation ours = pb::matching::evaluateEngine(*holdout, engine);
    const Evaluation soulSync = evaluate(*holdout, QStringLiteral("SoulSync-2025"), [](const CorpusCase &c) {
        return baseline::soulSyncOrigin(c.track, c.candidates);
    });
    std::printf("\nHoldout %s:\n%s\nMisses (ours):\n%s\n", GetParam().file,
                qPrintable(formatComparison(ours, &soulSync)), qPrintable(formatMisses(ours)));
    EXPECT_LE(ours.overall.wrongAccepts, GetParam().maxWrongAccepts);
    EXPECT_GE(ours.overall.recall(), GetParam().minRecall);
}

INSTANTIATE_TEST_SUITE_P(
    MatchingAccuracy, MatchingHoldout,
    ::testing::Values(HoldoutFloor{"holdout.json", 0, 1.0}, HoldoutFloor{"holdout2.json", 0, 1.0},
                      HoldoutFloor{"holdout3.json", 1, 1.0}, HoldoutFloor{"holdout4.json", 0, 1.0},
                      HoldoutFloor{"holdout5.json", 0, 1.0}, HoldoutFloor{"holdout6.json", 1, 0.91}));
