#include "pb/core/cancellation.h"
#include "pb/core/result.h"

#include <gtest/gtest.h>

#include <thread>

namespace {

pb::Result<int> parsePositive(int v)
{
    if (v <= 0)
        return pb::Error::make(pb::ErrorKind::InvalidInput, QStringLiteral("not positive"));
    return v;
}

TEST(Result, CarriesValueOrError)
{
    auto good = parsePositive(3);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 3);
    auto bad = parsePositive(-1);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, pb::ErrorKind::InvalidInput);
    EXPECT_EQ(bad.error().toString(), QStringLiteral("invalid-input: not positive"));
}

TEST(Result, VoidStatus)
{
    pb::Status ok;
    EXPECT_TRUE(ok.ok());
    pb::Status failed = pb::Error::make(pb::ErrorKind::Storage, QStringLiteral("disk full"));
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, QStringLiteral("disk full"));
}

TEST(Error, TransienceFollowsKindAndStatus)
{
    EXPECT_TRUE(pb::Error::make(pb::ErrorKind::Network, {}).isTransient());
    EXPECT_TRUE(pb::Error::make(pb::ErrorKind::HttpStatus, {}, 503).isTransient());
    EXPECT_FALSE(pb::Error::make(pb::ErrorKind::HttpStatus, {}, 404).isTransient());
    EXPECT_FALSE(pb::Error::make(pb::ErrorKind::QuotaExceeded, {}, 429).isTransient());
    EXPECT_EQ(pb::Error::make(pb::ErrorKind::RateLimited, QStringLiteral("slow down"), 429).toString(),
              QStringLiteral("rate-limited (HTTP 429): slow down"));
}

TEST(CancellationToken, CopiesShareTheFlagAcrossThreads)
{
    pb::CancellationToken token;
    pb::CancellationToken copy = token;
    EXPECT_FALSE(copy.isCancelled());
    std::thread t([token] { token.cancel(); });
    t.join();
    EXPECT_TRUE(copy.isCancelled());
}

} // namespace
