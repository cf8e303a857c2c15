#pragma once
// Shared set-up for the clients' behaviour tests: the fakes in-process (same thread; every
// call is asynchronous), one QNetworkAccessManager, fast retry delays, and await().

#include "pb/clients/clientconfig.h"
#include "pb/clients/requesthandle.h"
#include "pb/clients/spotifyclient.h"
#include "pb/fakes/fakeservices.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>

namespace pb::clients::testing {

/// Runs the event loop until the callback fires. The guard only stops a broken test from
/// hanging the suite; no test expects to reach it.
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

inline const QString kClientId = QStringLiteral("test-client-id");

/// This test install as Plex sees it (X-Plex-Client-Identifier and the other X-Plex headers).
inline PlexClientInfo testPlexClientInfo()
{
    PlexClientInfo info;
    info.clientIdentifier = QStringLiteral("0b6e4a52-test-install");
    info.version = QStringLiteral("0.1.0");
    info.platform = QStringLiteral("Linux");
    info.device = QStringLiteral("Linux");
    return info;
}

/// A small world with every shape the clients must handle.
pb::fakes::World clientsTestWorld();

class FakesTest : public ::testing::Test {
protected:
    void startFakes(pb::fakes::FakeOptions options = {}, pb::fakes::World world = clientsTestWorld())
    {
        m_fakes = std::make_unique<pb::fakes::FakeServices>(options);
        m_fakes->useWorld(std::move(world));
        const pb::Status s = m_fakes->start();
        ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
    }

    pb::fakes::FakeServices &fakes() { return *m_fakes; }

    /// Fast waits (Retry-After 2 s costs 2 ms) that are still reported at their nominal value.
    HttpPolicy fastPolicy()
    {
        HttpPolicy p;
        p.transferTimeout = std::chrono::milliseconds(5000);
        p.backoffBase = std::chrono::milliseconds(100);
        p.delayScale = 0.001;
        p.onWait = [this](std::chrono::milliseconds nominal, const pb::Error &reason) {
            m_waits.push_back(nominal);
            m_waitReasons.push_back(reason.kind);
        };
        return p;
    }

    SpotifyConfig spotifyConfig()
    {
        SpotifyConfig c;
        c.accountsUrl = m_fakes->spotifyAccountsUrl();
        c.apiUrl = m_fakes->spotifyApiUrl();
        c.clientId = kClientId;
        c.policy = fastPolicy();
        return c;
    }

    SpotifyTokens issuedTokens()
    {
        const auto t = m_fakes->issueSpotifyTokens(kClientId);
        SpotifyTokens tokens;
        tokens.accessToken = t.accessToken;
        tokens.refreshToken = t.refreshToken;
        tokens.scope = t.scope;
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(t.expiresIn);
        return tokens;
    }

    std::unique_ptr<SpotifyClient> spotify(std::optional<SpotifyConfig> config = std::nullopt)
    {
        return std::make_unique<SpotifyClient>(&m_nam, config ? *config : spotifyConfig(), issuedTokens());
    }

    int count(const QString &pathRegex, const QString &method = {}) const
    {
        return m_fakes->requestCount(pathRegex, method);
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<pb::fakes::FakeServices> m_fakes;
    std::vector<std::chrono::milliseconds> m_waits;
    std::vector<pb::ErrorKind> m_waitReasons;
};

} // namespace pb::clients::testing
