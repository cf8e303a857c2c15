// `playlist-bridge-cli match-eval` on the repository's corpus: the accuracy floors hold
// (exit 0) and the report carries precision, recall and false-match figures.
#include "cliprocess.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

using pb::cli::test::CliEnvironment;
using pb::cli::test::CliRun;

const QString kCorpus = QStringLiteral(PB_TEST_DATA_DIR "/matching/corpus.json");

TEST(CliMatchEval, RepositoryCorpusHoldsTheFloorsAndPrintsTheRates)
{
    const CliEnvironment env;
    const CliRun r = env.run({QStringLiteral("match-eval"), QStringLiteral("--corpus"), kCorpus});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    const QString text = QString::fromUtf8(r.out);
    EXPECT_TRUE(text.contains(QStringLiteral("precision")));
    EXPECT_TRUE(text.contains(QStringLiteral("recall")));
    EXPECT_TRUE(text.contains(QStringLiteral("false-match")));
    EXPECT_TRUE(text.contains(QStringLiteral("ALL")));
    EXPECT_TRUE(text.contains(QStringLiteral("hold")));
}

TEST(CliMatchEval, JsonReportHasOverallRatesWithinTheFloors)
{
    const CliEnvironment env;
    const CliRun r = env.run(
        {QStringLiteral("match-eval"), QStringLiteral("--json"), QStringLiteral("--corpus"), kCorpus});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    const QJsonObject overall = QJsonDocument::fromJson(r.out)
                                    .object()
                                    .value(QStringLiteral("ours"))
                                    .toObject()
                                    .value(QStringLiteral("overall"))
                                    .toObject();
    ASSERT_TRUE(overall.contains(QStringLiteral("precision")));
    EXPECT_GE(overall.value(QStringLiteral("recall")).toDouble(), 0.97);
    EXPECT_LE(overall.value(QStringLiteral("falseMatchRate")).toDouble(), 0.005);
    EXPECT_GT(overall.value(QStringLiteral("precision")).toDouble(), 0.9);
}

TEST(CliMatchEval, UsageAndUnreadableCorpus)
{
    const CliEnvironment env;
    EXPECT_EQ(env.run({QStringLiteral("match-eval"), QStringLiteral("--frobnicate")}).exitCode, 2);
    EXPECT_EQ(env.run({QStringLiteral("match-eval"), QStringLiteral("--corpus"),
                       QStringLiteral("/nonexistent/corpus.json")})
                  .exitCode,
              1);
}

} // namespace
