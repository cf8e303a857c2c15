#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace pb::matching {

/// The accuracy bars, held by the harness test and by `match-eval`'s exit code.
inline constexpr double kFloorFalseMatchRate = 0.005; ///< at most 0.5 % of cases get a wrong track
inline constexpr double kFloorRecall = 0.97;          ///< at least 97 % of present tracks are found

/// The repository's own corpus (tests/data/matching/corpus.json in the source tree).
QString defaultCorpusPath();

/// `playlist-bridge-cli match-eval [--corpus FILE] [--json] [--baseline soulsync|spotify-to-plex|none]`:
/// evaluates the engine (and a competitor baseline, SoulSync by default) on the corpus, prints
/// precision, recall and false-match rate overall and per category, and lists every miss.
/// Returns 0 when the floors hold, 1 when they do not or the corpus cannot be read, 2 on a usage
/// error. The CLI's command table calls this (src/cli).
int runMatchEval(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace pb::matching
