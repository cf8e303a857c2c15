#include "pb/sync/editplanner.h"

#include <QHash>
#include <QSet>

#include <gtest/gtest.h>

#include <random>

using namespace pb::sync;

namespace {

std::vector<CurrentItem> playlist(const QStringList &keys, qint64 firstId = 1)
{
    std::vector<CurrentItem> items;
    for (const QString &k : keys)
        items.push_back({firstId++, k});
    return items;
}

QStringList keysOf(const std::vector<CurrentItem> &items)
{
    QStringList out;
    for (const CurrentItem &c : items)
        out << c.ratingKey;
    return out;
}

QStringList split(const char *s)
{
    return QString::fromLatin1(s).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

std::vector<CurrentItem> applyOk(const std::vector<CurrentItem> &items, const EditPlan &plan)
{
    qint64 next = 100000;
    auto r = applyPlan(items, plan, [&] { return next++; });
    EXPECT_TRUE(r.has_value());
    return r.value_or(std::vector<CurrentItem>{});
}

// Independent O(n^2) longest strictly increasing subsequence.
int lisBrute(const std::vector<int> &v)
{
    std::vector<int> best(v.size(), 1);
    int out = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (v[j] < v[i])
                best[i] = std::max(best[i], best[j] + 1);
        out = std::max(out, best[i]);
    }
    return out;
}

TEST(EditPlanner, IdenticalPlaylistNeedsNothing)
{
    const auto cur = playlist(split("a b c a"));
    EXPECT_TRUE(planEdit(cur, split("a b c a")).isEmpty());
    EXPECT_TRUE(planEdit({}, {}).isEmpty());
}

TEST(EditPlanner, FirstFillIsAllAdditionsInOrder)
{
    const EditPlan p = planEdit({}, split("x y x"));
    EXPECT_TRUE(p.removals.empty());
    EXPECT_TRUE(p.moves.empty());
    EXPECT_EQ(p.additions, split("x y x"));
}

TEST(EditPlanner, SingleMoveToTheTop)
{
    const auto cur = playlist(split("a b c d"));
    const EditPlan p = planEdit(cur, split("d a b c"));
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0].item, ItemRef::existing(4));
    EXPECT_FALSE(p.moves[0].after.has_value());
    EXPECT_EQ(keysOf(applyOk(cur, p)), split("d a b c"));
}

TEST(EditPlanner, ReverseNeedsNMinusOneMoves)
{
    const auto cur = playlist(split("a b c d e"));
    const EditPlan p = planEdit(cur, split("e d c b a"));
    EXPECT_EQ(p.moves.size(), 4u);
    EXPECT_EQ(keysOf(applyOk(cur, p)), split("e d c b a"));
}

TEST(EditPlanner, RemovesAddsAndKeepsIdentity)
{
    const auto cur = playlist(split("a b c"));
    const EditPlan p = planEdit(cur, split("c n a"));
    EXPECT_EQ(p.removals, std::vector<qint64>{2});
    EXPECT_EQ(p.additions, split("n"));
    const auto out = applyOk(cur, p);
    EXPECT_EQ(keysOf(out), split("c n a"));
    // The kept items are the same Plex items (ids survive), not re-added copies.
    EXPECT_EQ(out[0].playlistItemId, 3);
    EXPECT_EQ(out[2].playlistItemId, 1);
}

TEST(EditPlanner, DuplicatesAreCountedExactly)
{
    const auto cur = playlist(split("a a a b"));
    const EditPlan p = planEdit(cur, split("b a b"));
    EXPECT_EQ(p.removals.size(), 2u);
    EXPECT_EQ(p.additions, split("b"));
    EXPECT_EQ(keysOf(applyOk(cur, p)), split("b a b"));
}

TEST(EditPlanner, ApplyRejectsAPlanForAnotherPlaylist)
{
    const auto cur = playlist(split("a b"));
    const EditPlan p = planEdit(cur, split("b"));
    qint64 next = 1;
    EXPECT_FALSE(applyPlan(playlist(split("a b"), 50), p, [&] { return next++; }).has_value());
}

TEST(EditPlanner, LongestIncreasingSubsequenceMarksAValidRun)
{
    const std::vector<int> v{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    std::vector<bool> in;
    const int n = longestIncreasingSubsequence(v, &in);
    EXPECT_EQ(n, lisBrute(v));
    int last = -1, count = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!in[i])
            continue;
        EXPECT_GT(v[i], last);
        last = v[i];
        ++count;
    }
    EXPECT_EQ(count, n);
}

// Property: for random playlists (small alphabets force duplicates; large ones make keys
// unique), applying the plan reproduces the wanted order exactly, removals and additions are
// the multiset difference, moves never exceed (size - LIS), are exactly that minimum when
// keys are unique, and re-planning from the result is empty.
class EditPlannerProperty : public ::testing::TestWithParam<int> {};

TEST_P(EditPlannerProperty, ReproducesOrderExactlyWithMinimalEdits)
{
    const int alphabet = GetParam();
    std::mt19937 rng(static_cast<unsigned>(alphabet * 7919));
    for (int round = 0; round < 400; ++round) {
        std::uniform_int_distribution<int> len(0, 40);
        std::uniform_int_distribution<int> key(0, alphabet - 1);
        const bool unique = alphabet >= 1000;
        auto randomKeys = [&](int n) {
            QStringList out;
            QSet<QString> seen;
            while (out.size() < n) {
                const QString k = QString::number(key(rng));
                if (unique && seen.contains(k))
                    continue;
                seen.insert(k);
                out << k;
            }
            return out;
        };
        const QStringList before = randomKeys(len(rng));
        QStringList wanted;
        if (round % 3 == 0) {
            // A realistic edit of `before`: shuffle part of it, drop some, add some.
            wanted = before;
            std::shuffle(wanted.begin(), wanted.begin() + wanted.size() / 3, rng);
            if (!wanted.isEmpty())
                wanted.removeAt(static_cast<int>(rng() % static_cast<unsigned>(wanted.size())));
            for (const QString &k : randomKeys(3))
                if (!unique || !wanted.contains(k))
                    wanted.insert(static_cast<int>(rng() % static_cast<unsigned>(wanted.size() + 1)), k);
        } else {
            wanted = randomKeys(len(rng));
        }
        const auto cur = playlist(before);
        const EditPlan plan = planEdit(cur, wanted);
        const auto out = applyOk(cur, plan);
        ASSERT_EQ(keysOf(out), wanted) << "round " << round;

        QHash<QString, int> diff;
        for (const QString &k : before)
            ++diff[k];
        for (const QString &k : wanted)
            --diff[k];
        int minRemovals = 0, minAdditions = 0;
        for (auto it = diff.cbegin(); it != diff.cend(); ++it) {
            minRemovals += std::max(0, it.value());
            minAdditions += std::max(0, -it.value());
        }
        EXPECT_EQ(static_cast<int>(plan.removals.size()), minRemovals);
        EXPECT_EQ(plan.additions.size(), minAdditions);

        if (unique) {
            // Targets of the items after removals and additions, in playlist order.
            std::vector<int> targets;
            for (const QString &k : before)
                if (wanted.contains(k))
                    targets.push_back(static_cast<int>(wanted.indexOf(k)));
            for (int i = 0; i < wanted.size(); ++i)
                if (!before.contains(wanted[i]))
                    targets.push_back(i);
            EXPECT_EQ(static_cast<int>(plan.moves.size()), wanted.size() - lisBrute(targets));
        } else {
            EXPECT_LE(plan.moves.size(), static_cast<std::size_t>(wanted.size()));
        }
        if (before == wanted) {
            EXPECT_TRUE(plan.isEmpty());
        }
        EXPECT_TRUE(planEdit(out, wanted).isEmpty());
    }
}

INSTANTIATE_TEST_SUITE_P(Alphabets, EditPlannerProperty, ::testing::Values(2, 5, 30, 100000));

} // namespace
