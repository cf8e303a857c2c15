#include "sourcefixture.h"

#include "pb/clients/spotifyclient.h"
#include "pb/sources/spotifysource.h"

using namespace pb;
using namespace pb::sources;
using namespace pb::sources::testing;
using pb::fakes::World;
using pb::fakes::WorldSpotifyPlaylist;
using pb::fakes::WorldSpotifyTrack;

namespace {

World smallWorld()
{
    World w;
    w.spotify.userId = QStringLiteral("me");
    w.spotify.displayName = QStringLiteral("Me Myself");
    for (int i = 0; i < 120; ++i) {
        WorldSpotifyTrack t;
        t.id = QStringLiteral("trk%1").arg(i, 4, 10, QLatin1Char('0'));
        t.name = QStringLiteral("Song %1").arg(i);
        t.artists = {QStringLiteral("Artist %1").arg(i % 7)};
        t.durationMs = 200000;
        t.isrc = QStringLiteral("GBAAA%1").arg(i, 7, 10, QLatin1Char('0'));
        w.spotify.tracks.push_back(t);
    }
    auto playlist = [&](const char *id, const char *name, int n, const char *owner = "me") {
        WorldSpotifyPlaylist p;
        p.id = QString::fromLatin1(id);
        p.name = QString::fromLatin1(name);
        p.owner = QString::fromLatin1(owner);
        for (int i = 0; i < n; ++i)
            p.tracks.push_back(w.spotify.tracks[static_cast<std::size_t>(i)].id);
        return p;
    };
    w.spotify.playlists = {playlist("road", "Road", 73), playlist("chill", "Chill", 2),
                           playlist("theirs", "Their Hits", 3, "someone")};
    w.spotify.liked = {w.spotify.tracks[5].id, w.spotify.tracks[3].id};
    return w;
}

class SpotifySourceTest : public SourceTest {
protected:
    void SetUp() override
    {
        startFakes(smallWorld());
        clients::SpotifyConfig config;
        config.accountsUrl = fakes().spotifyAccountsUrl();
        config.apiUrl = fakes().spotifyApiUrl();
        config.clientId = QStringLiteral("client");
        config.policy = fastPolicy();
        const auto t = fakes().issueSpotifyTokens(config.clientId);
        clients::SpotifyTokens tokens;
        tokens.accessToken = t.accessToken;
        tokens.refreshToken = t.refreshToken;
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(t.expiresIn);
        m_client = std::make_unique<clients::SpotifyClient>(&m_nam, config, tokens);
    }
    std::unique_ptr<SpotifySource> source(bool liked = true)
    {
        return std::make_unique<SpotifySource>(
            m_client.get(),
            SpotifySource::Options{liked, {QStringLiteral("me"), QStringLiteral("Me Myself"), {}}});
    }
    Result<PlaylistRead> read(SpotifySource &s, const SourcePlaylist &p)
    {
        return await<PlaylistRead>([&](auto done) { s.read(p, &m_nam, done); });
    }
    SourcePlaylist listed(const char *id)
    {
        SourcePlaylist p;
        p.id = QString::fromLatin1(id);
        return p;
    }

    std::unique_ptr<clients::SpotifyClient> m_client;
};

TEST_F(SpotifySourceTest, ListsLikedSongsFirstThenThePlaylistsAllKeyedAsSpotify)
{
    auto s = source();
    EXPECT_EQ(s->sourceId(), kSourceSpotify);
    auto list = await<std::vector<SourcePlaylist>>([&](auto done) { s->playlists(&m_nam, done); });
    ASSERT_TRUE(list.ok()) << list.error().toString().toStdString();
    ASSERT_EQ(list->size(), 4u);
    EXPECT_TRUE(list->front().isLikedSongs);
    EXPECT_EQ(list->front().key(), PlaylistKey::spotify(QString(kLikedSongsId)));
    EXPECT_EQ(list->front().trackCount, 2);
    EXPECT_EQ(list->front().ownerName, QStringLiteral("Me Myself"));
    EXPECT_EQ((*list)[1].key(), PlaylistKey::spotify(QStringLiteral("road")));
    EXPECT_EQ((*list)[1].trackCount, 73);
    for (const SourcePlaylist &p : *list)
        EXPECT_EQ(p.source, kSourceSpotify);

    auto withoutLiked = source(false);
    auto plain =
        await<std::vector<SourcePlaylist>>([&](auto done) { withoutLiked->playlists(&m_nam, done); });
    ASSERT_TRUE(plain.ok());
    ASSERT_EQ(plain->size(), 3u);
    EXPECT_FALSE(plain->front().isLikedSongs);
}

TEST_F(SpotifySourceTest, ReadGivesTheSnapshotEveryEntryInOrderAndTheDeclaredTotal)
{
    auto s = source();
    auto r = read(*s, listed("road"));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->playlist.key(), PlaylistKey::spotify(QStringLiteral("road")));
    EXPECT_EQ(r->playlist.name, QStringLiteral("Road"));
    EXPECT_EQ(r->playlist.snapshotId, fakes().spotifySnapshotId(QStringLiteral("road")));
    EXPECT_EQ(r->declaredTotal, 73);
    ASSERT_EQ(r->entries.size(), 73u);
    for (int i = 0; i < 73; ++i) {
        EXPECT_EQ(r->entries[static_cast<std::size_t>(i)].position, i);
        EXPECT_EQ(r->entries[static_cast<std::size_t>(i)].track.id,
                  QStringLiteral("trk%1").arg(i, 4, 10, QLatin1Char('0')));
    }
    EXPECT_EQ(r->entries[2].track.isrc, QStringLiteral("GBAAA0000002")); // ISRC kept for the matcher
}

TEST_F(SpotifySourceTest, LikedSongsFingerprintFollowsTheTrackIdsInOrder)
{
    auto s = source();
    const SourcePlaylist liked = SpotifySource::likedSongsPlaylist();
    auto first = read(*s, liked);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->entries.size(), 2u);
    EXPECT_TRUE(first->playlist.snapshotId.startsWith(QStringLiteral("liked:")));
    EXPECT_EQ(first->playlist.snapshotId,
              QStringLiteral("liked:") +
                  contentFingerprint({QStringLiteral("trk0005"), QStringLiteral("trk0003")}));
    EXPECT_EQ(read(*s, liked)->playlist.snapshotId, first->playlist.snapshotId);
    fakes().setSpotifyLikedTracks({QStringLiteral("trk0003"), QStringLiteral("trk0005")});
    EXPECT_NE(read(*s, liked)->playlist.snapshotId, first->playlist.snapshotId);
}

TEST_F(SpotifySourceTest, AFollowedPlaylistFailsWithTheDevelopmentModeExplanation)
{
    auto s = source();
    auto r = read(*s, listed("theirs"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Forbidden);
}

TEST_F(SpotifySourceTest, CancelStopsEveryRequestAndReportsCancelledOnce)
{
    fakes().setOptions([&] {
        auto o = fakes().options();
        o.latency = std::chrono::milliseconds(300);
        return o;
    }());
    auto s = source();
    int calls = 0;
    std::optional<ErrorKind> kind;
    clients::RequestHandle h = s->read(listed("road"), &m_nam, [&](Result<PlaylistRead> r) {
        ++calls;
        kind = r.ok() ? std::nullopt : std::optional(r.error().kind);
    });
    spin(50);
    h.cancel();
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(kind, ErrorKind::Cancelled);
    spin(700);
    EXPECT_EQ(calls, 1);
}

TEST_F(SpotifySourceTest, NoCallbackOnceTheContextIsGone)
{
    auto s = source();
    int calls = 0;
    {
        QObject context;
        s->read(listed("road"), &context, [&](Result<PlaylistRead>) { ++calls; });
    }
    spin(300);
    EXPECT_EQ(calls, 0);
}

} // namespace
