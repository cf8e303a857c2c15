#include "pb/clients/compositecall.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <optional>

using namespace pb;
using namespace pb::clients;

namespace {

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// A part that only ends when cancelled: a CompositeCall of its own, never completed.
struct Part {
    explicit Part(QObject *owner)
        : call(owner, nullptr,
               [this](Result<int> r) { cancelled = !r.ok() && r.error().kind == ErrorKind::Cancelled; })
    {}
    CompositeCall<int> call;
    bool cancelled = false;
};

TEST(CompositeCall, CompletesOnceAndCancelsNothingAfterwards)
{
    QObject owner;
    int calls = 0;
    CompositeCall<int> call(&owner, nullptr, [&](Result<int> r) {
        ++calls;
        EXPECT_EQ(*r, 7);
    });
    call.complete(7);
    call.complete(8);
    call.handle().cancel();
    EXPECT_EQ(calls, 1);
    EXPECT_TRUE(call.isDone());
}

TEST(CompositeCall, CancelReportsCancelledAtOnceAndCancelsEveryPart)
{
    QObject owner;
    Part a(&owner), b(&owner);
    std::optional<ErrorKind> kind;
    int calls = 0;
    CompositeCall<int> call(&owner, nullptr, [&](Result<int> r) {
        ++calls;
        kind = r.error().kind;
    });
    call.add(a.call.handle());
    call.add(b.call.handle());
    call.handle().cancel();
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(kind, ErrorKind::Cancelled);
    EXPECT_TRUE(a.cancelled);
    EXPECT_TRUE(b.cancelled);
    call.complete(1); // too late: nothing
    EXPECT_EQ(calls, 1);
    Part late(&owner);
    call.add(late.call.handle()); // a part added after the end is cancelled at once
    EXPECT_TRUE(late.cancelled);
}

TEST(CompositeCall, CompleteLaterDeliversAfterTheCallerHasTheHandle)
{
    QObject owner;
    int calls = 0;
    CompositeCall<int> call(&owner, nullptr, [&](Result<int> r) {
        ++calls;
        EXPECT_EQ(*r, 3);
    });
    call.completeLater(3);
    EXPECT_EQ(calls, 0);
    spin(20);
    EXPECT_EQ(calls, 1);

    int cancelledCalls = 0;
    CompositeCall<int> cancelled(&owner, nullptr, [&](Result<int> r) {
        ++cancelledCalls;
        EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    });
    cancelled.completeLater(3);
    cancelled.handle().cancel();
    spin(20);
    EXPECT_EQ(cancelledCalls, 1);
}

TEST(CompositeCall, NoCallbackOnceTheContextIsDestroyed)
{
    QObject owner;
    int calls = 0;
    std::optional<CompositeCall<int>> call;
    {
        QObject context;
        call.emplace(&owner, &context, [&](Result<int>) { ++calls; });
        call->completeLater(1);
    }
    spin(20);
    call->complete(2);
    call->handle().cancel();
    EXPECT_EQ(calls, 0);
}

TEST(CompositeCall, CancelFromAnotherThreadIsDeliveredOnTheOwnersThread)
{
    QObject owner;
    std::optional<Qt::HANDLE> thread;
    CompositeCall<int> call(&owner, nullptr, [&](Result<int>) { thread = QThread::currentThreadId(); });
    std::unique_ptr<QThread> other(QThread::create([h = call.handle()] { h.cancel(); }));
    other->start();
    other->wait();
    spin(20);
    ASSERT_TRUE(thread);
    EXPECT_EQ(*thread, QThread::currentThreadId());
}

} // namespace
