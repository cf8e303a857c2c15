// The HTTP core's pure pieces and the call/handle semantics, without a server.
#include "callstate.h"
#include "httpcore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QThread>

#include <gtest/gtest.h>

using namespace pb::clients;
using namespace pb::clients::detail;
using std::chrono::milliseconds;

TEST(ClientsHttpCoreUnit, RetryAfterSecondsAndDates)
{
    EXPECT_EQ(HttpCore::parseRetryAfter("2"), milliseconds(2000));
    EXPECT_EQ(HttpCore::parseRetryAfter(" 0 "), milliseconds(0));
    EXPECT_EQ(HttpCore::parseRetryAfter("1.5"), milliseconds(1500));
    EXPECT_FALSE(HttpCore::parseRetryAfter("").has_value());
    EXPECT_FALSE(HttpCore::parseRetryAfter("soon").has_value());
    EXPECT_FALSE(HttpCore::parseRetryAfter("-3").has_value());
    const QByteArray future = QLocale::c()
                                  .toString(QDateTime::currentDateTimeUtc().addSecs(30),
                                            QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                  .toLatin1();
    const auto wait = HttpCore::parseRetryAfter(future);
    ASSERT_TRUE(wait.has_value());
    EXPECT_GT(wait->count(), 25000);
    EXPECT_LE(wait->count(), 30000);
}

TEST(ClientsHttpCoreUnit, BackoffGrowsWithJitterInsideBounds)
{
    QNetworkAccessManager nam;
    QObject owner;
    HttpPolicy policy;
    policy.backoffBase = milliseconds(100);
    HttpCore core(&nam, policy, {}, &owner);
    for (int retry = 0; retry < 5; ++retry) {
        const qint64 full = 100LL << retry;
        for (int i = 0; i < 20; ++i) {
            const auto d = core.backoffDelay(retry).count();
            EXPECT_GE(d, full / 2);
            EXPECT_LE(d, full);
        }
    }
}

TEST(ClientsHttpCoreUnit, UrlBuildingEncodesEverything)
{
    const QUrl base(QStringLiteral("http://127.0.0.1:32400/prefix/"));
    const QUrl u = joinUrl(base, QStringLiteral("/library/sections/1/all"),
                           encodeQuery({{QStringLiteral("track.title="), QStringLiteral("A+B & C=D, é")}}));
    EXPECT_EQ(u.toString(QUrl::FullyEncoded),
              QStringLiteral("http://127.0.0.1:32400/prefix/library/sections/1/all?"
                             "track.title%3D=A%2BB%20%26%20C%3DD%2C%20%C3%A9"));
    EXPECT_EQ(pathSegment(QStringLiteral("a/b c")), QStringLiteral("a%2Fb%20c"));
}

TEST(ClientsCallHandle, CancelDeliversCancelledOnceAndSynchronously)
{
    QObject owner;
    int calls = 0;
    pb::ErrorKind kind = pb::ErrorKind::Internal;
    auto call = makeCall<int>(&owner, nullptr, [&](pb::Result<int> r) {
        ++calls;
        kind = r.error().kind;
    });
    RequestHandle handle(call);
    EXPECT_FALSE(handle.isFinished());
    handle.cancel();
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(kind, pb::ErrorKind::Cancelled);
    EXPECT_TRUE(handle.isFinished());
    call->complete(5); // a late result is dropped
    handle.cancel();
    EXPECT_EQ(calls, 1);
}

TEST(ClientsCallHandle, DestroyedContextMeansNoCallback)
{
    QObject owner;
    int calls = 0;
    auto *context = new QObject;
    auto call = makeCall<int>(&owner, context, [&](pb::Result<int>) { ++calls; });
    delete context;
    QCoreApplication::processEvents();
    call->complete(1);
    EXPECT_EQ(calls, 0);
    EXPECT_TRUE(call->isFinished());
}

TEST(ClientsCallHandle, CancelFromAnotherThreadIsQueuedToTheOwner)
{
    QObject owner;
    int calls = 0;
    auto call = makeCall<int>(&owner, nullptr, [&](pb::Result<int> r) {
        ++calls;
        EXPECT_EQ(QThread::currentThread(), owner.thread());
        EXPECT_EQ(r.error().kind, pb::ErrorKind::Cancelled);
    });
    RequestHandle handle(call);
    QThread *t = QThread::create([handle] { handle.cancel(); });
    t->start();
    t->wait();
    delete t;
    EXPECT_EQ(calls, 0); // not yet: it runs on the owner's thread
    QCoreApplication::processEvents();
    EXPECT_EQ(calls, 1);
}
