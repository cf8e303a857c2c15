#include "similarity.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace pb::matching::similarity {

namespace {

/// Titles are compared on their first 128 characters: longer text adds cost, not accuracy.
constexpr qsizetype kMax = 128;

// Myers/Hyyrö bit-parallel edit distance; `a` holds at most 64 code units. One pass over `b`
// with a few word operations per character instead of a row of the DP table.
int myersDistance(QStringView a, QStringView b)
{
    std::array<std::uint64_t, 128> ascii{};
    struct Extra {
        char16_t ch;
        std::uint64_t mask;
    };
    std::array<Extra, 64> extra{};
    int extraCount = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const char16_t ch = a[i].unicode();
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (ch < 128) {
            ascii[ch] |= bit;
            continue;
        }
        int k = 0;
        while (k < extraCount && extra[static_cast<std::size_t>(k)].ch != ch)
            ++k;
        if (k == extraCount)
            extra[static_cast<std::size_t>(extraCount++)] = Extra{ch, 0};
        extra[static_cast<std::size_t>(k)].mask |= bit;
    }
    const std::uint64_t last = std::uint64_t{1} << (a.size() - 1);
    std::uint64_t pv = ~std::uint64_t{0};
    std::uint64_t mv = 0;
    int score = static_cast<int>(a.size());
    for (const QChar c : b) {
        const char16_t ch = c.unicode();
        std::uint64_t eq = 0;
        if (ch < 128) {
            eq = ascii[ch];
        } else {
            for (int k = 0; k < extraCount; ++k)
                if (extra[static_cast<std::size_t>(k)].ch == ch) {
                    eq = extra[static_cast<std::size_t>(k)].mask;
                    break;
                }
        }
        const std::uint64_t xv = eq | mv;
        const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
        std::uint64_t ph = mv | ~(xh | pv);
        std::uint64_t mh = pv & xh;
        if (ph & last)
            ++score;
        else if (mh & last)
            --score;
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
    }
    return score;
}

} // namespace

double levenshteinRatio(QStringView a, QStringView b)
{
    a = a.left(kMax);
    b = b.left(kMax);
    if (a == b)
        return 1.0;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (n == 0 || m == 0)
        return 0.0;
    if (std::min(n, m) <= 64) {
        const int d = n <= m ? myersDistance(a, b) : myersDistance(b, a);
        return 1.0 - static_cast<double>(d) / static_cast<double>(std::max(n, m));
    }
    return levenshteinRatioTable(a, b);
}

double levenshteinRatioTable(QStringView a, QStringView b)
{
    a = a.left(kMax);
    b = b.left(kMax);
    if (a == b)
        return 1.0;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (n == 0 || m == 0)
        return 0.0;
    std::array<int, kMax + 1> row{};
    for (qsizetype j = 0; j <= m; ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        int diag = row[0];
        row[0] = static_cast<int>(i);
        const QChar ca = a[i - 1];
        for (qsizetype j = 1; j <= m; ++j) {
            const int up = row[j];
            const int cost = ca == b[j - 1] ? 0 : 1;
            row[j] = std::min({up + 1, row[j - 1] + 1, diag + cost});
            diag = up;
        }
    }
    return 1.0 - static_cast<double>(row[m]) / static_cast<double>(std::max(n, m));
}

namespace {

// Longest common block in a[alo, ahi) x b[blo, bhi), leftmost in a then b, as difflib does.
struct Block {
    qsizetype i, j, size;
};

Block longestMatch(QStringView a, QStringView b, qsizetype alo, qsizetype ahi, qsizetype blo, qsizetype bhi)
{
    Block best{alo, blo, 0};
    std::vector<qsizetype> prev(static_cast<size_t>(bhi - blo + 1), 0);
    std::vector<qsizetype> cur(prev.size(), 0);
    for (qsizetype i = alo; i < ahi; ++i) {
        std::fill(cur.begin(), cur.end(), 0);
        for (qsizetype j = blo; j < bhi; ++j) {
            if (a[i] == b[j]) {
                const qsizetype k = prev[static_cast<size_t>(j - blo)] + 1;
                cur[static_cast<size_t>(j - blo + 1)] = k;
                if (k > best.size)
                    best = Block{i - k + 1, j - k + 1, k};
            }
        }
        std::swap(prev, cur);
    }
    return best;
}

qsizetype matchingCharacters(QStringView a, QStringView b, qsizetype alo, qsizetype ahi, qsizetype blo,
                             qsizetype bhi)
{
    if (alo >= ahi || blo >= bhi)
        return 0;
    const Block m = longestMatch(a, b, alo, ahi, blo, bhi);
    if (m.size == 0)
        return 0;
    return m.size + matchingCharacters(a, b, alo, m.i, blo, m.j) +
           matchingCharacters(a, b, m.i + m.size, ahi, m.j + m.size, bhi);
}

} // namespace

double sequenceMatcherRatio(QStringView a, QStringView b)
{
    a = a.left(256);
    b = b.left(256);
    const qsizetype total = a.size() + b.size();
    if (total == 0)
        return 1.0; // difflib: two empty sequences are identical
    return 2.0 * static_cast<double>(matchingCharacters(a, b, 0, a.size(), 0, b.size())) /
           static_cast<double>(total);
}

double diceBigram(QStringView a, QStringView b)
{
    // string-similarity-js: spaces removed, equal strings 1, strings under 2 characters 0.
    QString x = a.toString();
    QString y = b.toString();
    x.remove(QLatin1Char(' '));
    y.remove(QLatin1Char(' '));
    if (x == y)
        return 1.0;
    if (x.size() < 2 || y.size() < 2)
        return 0.0;
    QHash<QStringView, int> grams;
    for (qsizetype i = 0; i + 1 < x.size(); ++i)
        ++grams[QStringView(x).mid(i, 2)];
    int shared = 0;
    for (qsizetype i = 0; i + 1 < y.size(); ++i) {
        auto it = grams.find(QStringView(y).mid(i, 2));
        if (it != grams.end() && it.value() > 0) {
            --it.value();
            ++shared;
        }
    }
    return 2.0 * shared / static_cast<double>(x.size() + y.size() - 2);
}

} // namespace pb::matching::similarity
