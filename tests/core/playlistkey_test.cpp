#include "pb/core/playlistkey.h"
#include "pb/core/types.h"

#include <QHash>

#include <gtest/gtest.h>

using pb::PlaylistKey;

TEST(PlaylistKey, TextFormRoundTripsAndKeepsColonsInTheId)
{
    const PlaylistKey k{QStringLiteral("deezer"), QStringLiteral("908622995")};
    EXPECT_EQ(k.toString(), QStringLiteral("deezer:908622995"));
    EXPECT_EQ(PlaylistKey::fromString(k.toString()), k);
    const auto withColon = PlaylistKey::fromString(QStringLiteral("file:road trip: 2024"));
    ASSERT_TRUE(withColon);
    EXPECT_EQ(withColon->source, QStringLiteral("file"));
    EXPECT_EQ(withColon->id, QStringLiteral("road trip: 2024"));
}

TEST(PlaylistKey, MalformedTextIsNotAKey)
{
    for (const char *bad : {"", "spotify", ":id", "spotify:", "Spotify:id", "spo tify:id", "ü:id"})
        EXPECT_FALSE(PlaylistKey::fromString(QString::fromUtf8(bad))) << bad;
}

TEST(PlaylistKey, SourceAndIdBothDecideEqualityAndHash)
{
    const PlaylistKey a = PlaylistKey::spotify(QStringLiteral("x"));
    const PlaylistKey b{QString(pb::kSourceDeezer), QStringLiteral("x")};
    EXPECT_NE(a, b);
    EXPECT_TRUE(a < b || b < a);
    QHash<PlaylistKey, int> byKey;
    byKey.insert(a, 1);
    byKey.insert(b, 2);
    EXPECT_EQ(byKey.value(PlaylistKey::spotify(QStringLiteral("x"))), 1);
    EXPECT_EQ(byKey.size(), 2);
    EXPECT_FALSE(PlaylistKey{}.isValid());
}

TEST(PlaylistKey, APlaylistIsASpotifyOneUnlessItSaysOtherwise)
{
    pb::SourcePlaylist p;
    p.id = QStringLiteral("abc");
    EXPECT_EQ(p.key(), PlaylistKey::spotify(QStringLiteral("abc")));
    p.source = QString(pb::kSourceFile);
    EXPECT_EQ(p.key().toString(), QStringLiteral("file:abc"));
}
