#pragma once

// A sync service wired to in-process fakes (Spotify, Plex) serving a small world, with its
// state in a temporary database. The fakes live on the test thread; waiting on signals spins
// its event loop, so they answer while the sync runs on a pool worker.
#include "pb/fakes/fakeservices.h"
#include "pb/sync/statestore.h"
#include "pb/sync/syncservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace pb::sync::test {

inline QString sid(int i)
{
    return QStringLiteral("sp%1").arg(i, 3, 10, QLatin1Char('0'));
}
inline QString rk(int i)
{
    return QString::number(1000 + i);
}

/// Spotify tracks sp000..sp(n-1); Plex has each as rating key 1000+i except `absent` ones.
inline fakes::World smallWorld(int n, const std::vector<int> &absent, const std::vector<int> &playlist)
{
    fakes::World w;
    w.spotify.userId = QStringLiteral("tester");
    const QStringList words = {QStringLiteral("Amber"), QStringLiteral("Blue"),  QStringLiteral("Cedar"),
                               QStringLiteral("Dune"),  QStringLiteral("Ember"), QStringLiteral("Fjord"),
                               QStringLiteral("Grove"), QStringLiteral("Harbor")};
    for (int i = 0; i < n; ++i) {
        fakes::WorldSpotifyTrack t;
        t.id = sid(i);
        t.name = QStringLiteral("%1 %2 Song %3")
                     .arg(words[i % words.size()], words[(i / 8) % words.size()])
                     .arg(i);
        t.artists = {QStringLiteral("Artist %1").arg(i % 7)};
        t.album = QStringLiteral("Album %1").arg(i % 5);
        t.durationMs = 180000 + i * 1000;
        w.spotify.tracks.push_back(t);
        if (std::find(absent.begin(), absent.end(), i) != absent.end())
            continue;
        fakes::WorldPlexTrack p;
        p.ratingKey = rk(i);
        p.title = t.name;
        p.artist = t.artists.front();
        p.album = t.album;
        p.duration = t.durationMs;
        w.plex.tracks.push_back(p);
    }
    fakes::WorldSpotifyPlaylist pl;
    pl.id = QStringLiteral("pl1");
    pl.name = QStringLiteral("Road Trip");
    pl.owner = w.spotify.userId;
    for (int i : playlist)
        pl.tracks.push_back(sid(i));
    w.spotify.playlists.push_back(pl);
    return w;
}

class SyncFixture : public ::testing::Test {
protected:
    void startWorld(fakes::World world, fakes::FakeOptions options = {})
    {
        m_fakes = std::make_unique<fakes::FakeServices>(options);
        ASSERT_TRUE(m_fakes->start().ok());
        m_fakes->useWorld(std::move(world));
        m_service = makeService();
    }

    std::unique_ptr<SyncService> makeService(SyncServiceOptions options = {})
    {
        const fakes::SpotifyTokens issued = m_fakes->issueSpotifyTokens(QStringLiteral("test-client"));
        SyncAccounts a;
        a.spotify.accountsUrl = m_fakes->spotifyAccountsUrl();
        a.spotify.apiUrl = m_fakes->spotifyApiUrl();
        a.spotify.clientId = QStringLiteral("test-client");
        a.spotify.policy.delayScale = 0.01;
        a.spotify.policy.transferTimeout = std::chrono::milliseconds(1500);
        a.spotifyTokens.accessToken = issued.accessToken;
        a.spotifyTokens.refreshToken = issued.refreshToken;
        a.spotifyTokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(issued.expiresIn);
        a.plex.serverUrl = m_fakes->plexServerUrl();
        a.plex.token = m_fakes->plexServerToken();
        a.plex.client.clientIdentifier = QStringLiteral("sync-tests");
        a.plex.policy.delayScale = 0.01;
        a.plex.policy.transferTimeout = std::chrono::milliseconds(1500);
        a.machineIdentifier = m_fakes->plexMachineIdentifier();
        options.databasePath = dbPath();
        return std::make_unique<SyncService>(a, options);
    }

    QString dbPath() const { return m_dir.filePath(QStringLiteral("state.sqlite")); }

    std::unique_ptr<StateStore> store()
    {
        auto s = StateStore::open(dbPath());
        EXPECT_TRUE(s.ok());
        return s.ok() ? std::move(s).value() : nullptr;
    }

    SourcePlaylist playlist(const QString &id = QStringLiteral("pl1")) const
    {
        SourcePlaylist p;
        p.id = id;
        p.name = QStringLiteral("Road Trip");
        return p;
    }

    /// Runs one sync to its end and returns its result.
    SyncResult sync(SyncOptions options = {}, const QString &id = QStringLiteral("pl1"))
    {
        QSignalSpy finished(m_service.get(), &SyncRegistry::syncFinished);
        EXPECT_TRUE(m_service->startSync(playlist(id), options));
        EXPECT_TRUE(finished.count() > 0 || finished.wait(60000));
        if (finished.isEmpty())
            return {};
        return finished.takeFirst().at(1).value<SyncResult>();
    }

    /// The rating keys the Plex playlist of the link holds, in order.
    QStringList plexItems(const QString &ratingKey) const
    {
        QStringList out;
        for (const QString &k : m_fakes->plexPlaylistItems(ratingKey))
            out << k;
        return out;
    }

    QStringList expectedKeys(const std::vector<int> &playlist, const std::vector<int> &absent) const
    {
        QStringList out;
        for (int i : playlist)
            if (std::find(absent.begin(), absent.end(), i) == absent.end())
                out << rk(i);
        return out;
    }

    std::optional<fakes::FakePlexPlaylist> plexPlaylistByKey(const QString &key) const
    {
        for (const auto &p : m_fakes->plexPlaylists())
            if (p.ratingKey == key)
                return p;
        return std::nullopt;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<fakes::FakeServices> m_fakes;
    std::unique_ptr<SyncService> m_service;
};

} // namespace pb::sync::test
