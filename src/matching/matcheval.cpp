#include "pb/matching/matcheval.h"

#include "pb/matching/baseline.h"
#include "pb/matching/evaluation.h"
#include "pb/matching/matchingengine.h"

namespace pb::matching {

QString defaultCorpusPath()
{
    return QStringLiteral(PB_MATCHING_DEFAULT_CORPUS);
}

int runMatchEval(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString corpusPath = defaultCorpusPath();
    QString baselineName = QStringLiteral("soulsync");
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--corpus") && i + 1 < args.size()) {
            corpusPath = args.at(++i);
        } else if (a == QLatin1String("--baseline") && i + 1 < args.size()) {
            baselineName = args.at(++i);
        } else {
            err << "usage: match-eval [--corpus FILE] [--json] [--baseline soulsync|spotify-to-plex|none]\n";
            return 2;
        }
    }
    if (baselineName != QLatin1String("soulsync") && baselineName != QLatin1String("spotify-to-plex") &&
        baselineName != QLatin1String("none")) {
        err << "match-eval: unknown baseline " << baselineName << '\n';
        return 2;
    }
    const auto corpus = loadCorpus(corpusPath);
    if (!corpus) {
        err << "match-eval: " << corpus.error().toString() << '\n';
        return 1;
    }
    const MatchingEngine engine;
    const Evaluation ours = evaluateEngine(*corpus, engine);
    std::optional<Evaluation> base;
    if (baselineName == QLatin1String("soulsync"))
        base = evaluate(*corpus, QStringLiteral("SoulSync-2025"),
                        [](const CorpusCase &c) { return baseline::soulSyncOrigin(c.track, c.candidates); });
    else if (baselineName == QLatin1String("spotify-to-plex"))
        base = evaluate(*corpus, QStringLiteral("spotify-to-plex"),
                        [](const CorpusCase &c) { return baseline::spotifyToPlex(c.track, c.candidates); });

    const bool floorsHold =
        ours.overall.falseMatchRate() <= kFloorFalseMatchRate && ours.overall.recall() >= kFloorRecall;
    if (json) {
        out << toJson(ours, base ? &*base : nullptr);
    } else {
        out << "corpus: " << corpusPath << " (" << corpus->size() << " cases)\n\n";
        out << formatComparison(ours, base ? &*base : nullptr) << '\n';
        out << "misses (" << ours.misses.size() << "):\n" << formatMisses(ours);
        out << "\nfloors (false-match <= " << kFloorFalseMatchRate * 100
            << " %, recall >= " << kFloorRecall * 100 << " %): " << (floorsHold ? "hold" : "NOT MET") << '\n';
    }
    return floorsHold ? 0 : 1;
}

} // namespace pb::matching
