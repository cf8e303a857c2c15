#pragma once
// Shared set-up for the sources' tests: the fakes in-process, one network manager, fast
// retries, and await() to run the event loop until a callback arrives.

#include "pb/clients/clientconfig.h"
#include "pb/clients/requesthandle.h"
#include "pb/fakes/fakeservices.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

namespace pb::sources::testing {

/// Runs the event loop until the callback fires (the guard only keeps a broken test from hanging).
template <typename T, typename Start>
pb::Result<T> await(Start start, int guardMs = 30000)
{
    std::optional<pb::Result<T>> out;
    QEventLoop loop;
    start([&](pb::Result<T> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(guardMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!out)
        return pb::Error::make(pb::ErrorKind::Internal, QStringLiteral("test guard: the callback never ran"));
    return std::move(*out);
}

/// Lets queued events run for a moment (to prove that nothing else arrives).
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Fast waits: a Retry-After of 2 s costs 2 ms.
inline clients::HttpPolicy fastPolicy()
{
    clients::HttpPolicy p;
    p.transferTimeout = std::chrono::milliseconds(5000);
    p.backoffBase = std::chrono::milliseconds(100);
    p.delayScale = 0.001;
    return p;
}

class SourceTest : public ::testing::Test {
protected:
    void startFakes(pb::fakes::World world, pb::fakes::FakeOptions options = {})
    {
        m_fakes = std::make_unique<pb::fakes::FakeServices>(options);
        m_fakes->useWorld(std::move(world));
        const pb::Status s = m_fakes->start();
        ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
    }
    pb::fakes::FakeServices &fakes() { return *m_fakes; }

    QNetworkAccessManager m_nam;
    std::unique_ptr<pb::fakes::FakeServices> m_fakes;
};

} // namespace pb::sources::testing
