#pragma once

#include "pb/core/result.h"
#include "pb/core/types.h"
#include "pb/matching/matchingengine.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

/// The accuracy harness: a labelled corpus, a matcher under test, precision / recall / false-match
/// rate overall and per category. Used by the harness test and `playlist-bridge-cli match-eval`.
namespace pb::matching {

/// One labelled question: which candidate is the same recording as `track`, or none?
struct CorpusCase {
    QString id;
    QString category;
    QString provenance; ///< "reported:<owner/repo#n>", "rule:<transform>", "hand:<topic>"
    QString note;
    SourceTrack track;
    std::vector<PlexTrack> candidates;
    QStringList expected; ///< acceptable ratingKeys; empty = no candidate is the same recording
};

/// Reads a corpus file (tests/data/matching/corpus.json format). Malformed input is a Parse error.
Result<std::vector<CorpusCase>> loadCorpus(const QString &path);

/// A matcher under evaluation: the accepted ratingKey, or nothing.
using CaseMatcher = std::function<std::optional<QString>(const CorpusCase &)>;

/// Counts for one category (or all of them).
struct CategoryScore {
    QString category;
    int cases = 0;
    int positives = 0;     ///< cases with an expected candidate
    int negatives = 0;     ///< cases whose answer is "none"
    int correct = 0;       ///< accepted an expected key, or accepted nothing on a negative
    int truePositives = 0; ///< accepted an expected key
    int wrongAccepts = 0;  ///< accepted a key that is not expected (on any case): a false match
    int missed = 0;        ///< positives where nothing was accepted

    /// Accepted and right / accepted; 1 when nothing was accepted.
    double precision() const;
    /// Right acceptances / positives; 1 when there are no positives.
    double recall() const;
    /// Wrong acceptances / cases: how often a playlist gets a track that is not the one asked for.
    double falseMatchRate() const;
};

/// One case the matcher got wrong.
struct EvaluationMiss {
    QString id;
    QString category;
    QString accepted; ///< empty when nothing was accepted
    QStringList expected;
    QString detail; ///< the matcher's reason, when it has one
};

/// The result of running a matcher over a corpus.
struct Evaluation {
    QString matcherName;
    CategoryScore overall;
    std::vector<CategoryScore> perCategory; ///< sorted by category name
    std::vector<EvaluationMiss> misses;
};

/// Runs `matcher` over every case. `explain` (optional) gives the reason text stored with misses.
Evaluation evaluate(const std::vector<CorpusCase> &corpus, const QString &matcherName,
                    const CaseMatcher &matcher,
                    const std::function<QString(const CorpusCase &)> &explain = {});

/// Runs the engine over every case: a match it accepts is its answer, its reason explains misses.
Evaluation evaluateEngine(const std::vector<CorpusCase> &corpus, const MatchingEngine &engine,
                          const QString &matcherName = QStringLiteral("ours"));

/// A plain-text table: one row per category and one for all, each matcher's precision, recall and
/// false-match rate side by side (baseline optional).
QString formatComparison(const Evaluation &ours, const Evaluation *baseline);

/// Every miss, one line each.
QString formatMisses(const Evaluation &evaluation);

/// The evaluation as JSON text (for `match-eval --json`).
QString toJson(const Evaluation &ours, const Evaluation *baseline);

} // namespace pb::matching
