#include "fakefixture.h"

namespace pb::clients::testing {

using namespace pb::fakes;

World clientsTestWorld()
{
    World w;
    w.spotify.userId = QStringLiteral("me");
    w.spotify.displayName = QStringLiteral("Test User");
    for (int i = 0; i < 300; ++i) {
        WorldSpotifyTrack t;
        t.id = QStringLiteral("trk%1").arg(i, 4, 10, QLatin1Char('0'));
        t.name = QStringLiteral("Song %1").arg(i);
        t.artists = {QStringLiteral("Artist %1").arg(i % 17)};
        t.album = QStringLiteral("Album %1").arg(i % 23);
        t.durationMs = 180000 + i;
        t.isrc = QStringLiteral("USABC%1").arg(i, 7, 10, QLatin1Char('0'));
        w.spotify.tracks.push_back(t);
    }
    WorldSpotifyTrack local;
    local.id = QStringLiteral("local1");
    local.name = QStringLiteral("Home Recording");
    local.artists = {QStringLiteral("Me")};
    local.album = QStringLiteral("Tapes");
    local.durationMs = 200000;
    local.kind = WorldSpotifyTrack::Kind::Local;
    w.spotify.tracks.push_back(local);
    WorldSpotifyTrack episode;
    episode.id = QStringLiteral("ep1");
    episode.name = QStringLiteral("Episode One");
    episode.show = QStringLiteral("The Show");
    episode.durationMs = 3600000;
    episode.kind = WorldSpotifyTrack::Kind::Episode;
    w.spotify.tracks.push_back(episode);

    auto playlist = [&](QString id, QString name, int n, QString owner = QStringLiteral("me")) {
        WorldSpotifyPlaylist p;
        p.id = std::move(id);
        p.name = std::move(name);
        p.owner = std::move(owner);
        for (int i = 0; i < n; ++i)
            p.tracks.push_back(w.spotify.tracks[static_cast<size_t>(i)].id);
        return p;
    };
    w.spotify.playlists.push_back(playlist(QStringLiteral("big"), QStringLiteral("Big"), 137));
    w.spotify.playlists.push_back(playlist(QStringLiteral("empty"), QStringLiteral("Empty"), 0));
    w.spotify.playlists.push_back(
        playlist(QStringLiteral("exact"), QStringLiteral("Exactly two pages"), 100));
    WorldSpotifyPlaylist mixed = playlist(QStringLiteral("mixed"), QStringLiteral("Mixed"), 0);
    mixed.tracks = {QStringLiteral("trk0001"), QString(), QStringLiteral("local1"), QStringLiteral("ep1"),
                    QStringLiteral("trk0002")};
    mixed.hasImage = false;
    w.spotify.playlists.push_back(mixed);
    w.spotify.playlists.push_back(playlist(QStringLiteral("followed"), QStringLiteral("Someone Else's Hits"),
                                           3, QStringLiteral("someone")));
    for (int i = 0; i < 120; ++i)
        w.spotify.playlists.push_back(
            playlist(QStringLiteral("filler%1").arg(i), QStringLiteral("Filler %1").arg(i), 1));
    for (int i = 0; i < 60; ++i)
        w.spotify.liked.push_back(w.spotify.tracks[static_cast<size_t>(i)].id);

    for (int i = 0; i < 1200; ++i) {
        WorldPlexTrack t;
        t.ratingKey = QString::number(10000 + i);
        t.title = QStringLiteral("Song %1").arg(i);
        t.artist = QStringLiteral("Artist %1").arg(i % 17);
        t.album = QStringLiteral("Album %1").arg(i % 23);
        t.duration = 180000 + i;
        t.index = i % 12 + 1;
        t.year = 2000 + i % 20;
        w.plex.tracks.push_back(t);
    }
    WorldPlexPlaylist existing;
    existing.ratingKey = QStringLiteral("900");
    existing.title = QStringLiteral("Existing");
    for (int i = 0; i < 100; ++i)
        existing.items.push_back(QString::number(10000 + i));
    w.plex.playlists.push_back(existing);
    return w;
}

} // namespace pb::clients::testing
