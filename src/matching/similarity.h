#pragma once

#include <QString>
#include <QStringView>

/// String similarity measures used by the scorer and the baseline re-implementations.
namespace pb::matching::similarity {

/// 1 - Levenshtein distance / longer length, in [0, 1]. Strings longer than 128 code units are
/// compared on their first 128 (titles are never that long; hostile input stays cheap).
double levenshteinRatio(QStringView a, QStringView b);

/// The same by the textbook dynamic-programming table (the reference the fast path is tested
/// against).
double levenshteinRatioTable(QStringView a, QStringView b);

/// Python difflib.SequenceMatcher(None, a, b).ratio(): 2*matches / total (Ratcliff/Obershelp),
/// without the autojunk heuristic (it only engages from 200 characters). For the baseline.
double sequenceMatcherRatio(QStringView a, QStringView b);

/// Sørensen–Dice over character bigrams (string-similarity-js), for the baseline.
double diceBigram(QStringView a, QStringView b);

} // namespace pb::matching::similarity
