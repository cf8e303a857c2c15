#include "similarity.h"

#include <gtest/gtest.h>

#include <random>

using namespace pb::matching::similarity;

TEST(MatchingSimilarity, BitParallelEqualsReferenceTable)
{
    std::mt19937 rng(7);
    const QString alphabet = QString::fromUtf8("abcde é夜 ");
    std::uniform_int_distribution<int> len(0, 80);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(alphabet.size()) - 1);
    for (int i = 0; i < 3000; ++i) {
        QString a, b;
        for (int k = len(rng); k > 0; --k)
            a.append(alphabet.at(pick(rng)));
        for (int k = len(rng); k > 0; --k)
            b.append(alphabet.at(pick(rng)));
        ASSERT_DOUBLE_EQ(levenshteinRatio(a, b), levenshteinRatioTable(a, b))
            << qPrintable(a) << " / " << qPrintable(b);
    }
}

TEST(MatchingSimilarity, KnownValues)
{
    EXPECT_DOUBLE_EQ(levenshteinRatio(u"kitten", u"sitting"), 1.0 - 3.0 / 7.0);
    EXPECT_DOUBLE_EQ(levenshteinRatio(u"", u""), 1.0);
    EXPECT_DOUBLE_EQ(levenshteinRatio(u"abc", u""), 0.0);
    // difflib.SequenceMatcher(None, "abcd", "bcde").ratio() == 0.75
    EXPECT_DOUBLE_EQ(sequenceMatcherRatio(u"abcd", u"bcde"), 0.75);
    EXPECT_DOUBLE_EQ(sequenceMatcherRatio(u"", u""), 1.0);
    // string-similarity-js compareTwoStrings("healed", "sealed") == 0.8
    EXPECT_DOUBLE_EQ(diceBigram(u"healed", u"sealed"), 0.8);
}
