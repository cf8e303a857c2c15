#pragma once

// The fixture every fakes test uses: a FakeServices with a small, known world, plus
// helpers for the common calls. All traffic is real HTTP through QNetworkAccessManager.
#include "fakeshttp.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>

namespace pb::fakes::test {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// A known world: Spotify playlists of 0, 40 and 45 entries, a mixed one (track, null,
/// local file, episode), a followed and a collaborative one; a small Plex library with
/// filter traps (case, accents, live versions, CJK and Cyrillic titles).
inline World testWorld()
{
    World w;
    w.spotify.userId = QStringLiteral("tester");
    w.spotify.displayName = QStringLiteral("Test User");
    for (int i = 0; i < 60; ++i) {
        WorldSpotifyTrack t;
        t.id = QStringLiteral("trk%1").arg(i, 19, 10, QLatin1Char('0'));
        t.name = QStringLiteral("Song %1").arg(i);
        t.artists = {QStringLiteral("Artist %1").arg(i % 7)};
        t.album = QStringLiteral("Album %1").arg(i % 5);
        t.durationMs = 180000 + i;
        t.isrc = QStringLiteral("USAAA%1").arg(i, 7, 10, QLatin1Char('0'));
        w.spotify.tracks.push_back(t);
    }
    WorldSpotifyTrack local;
    local.id = QStringLiteral("local0001");
    local.name = QStringLiteral("My Demo");
    local.artists = {QStringLiteral("Me Myself")};
    local.album = QStringLiteral("Garage");
    local.durationMs = 95000;
    local.kind = WorldSpotifyTrack::Kind::Local;
    w.spotify.tracks.push_back(local);
    WorldSpotifyTrack ep;
    ep.id = QStringLiteral("episode00000000000001");
    ep.name = QStringLiteral("Episode One");
    ep.show = QStringLiteral("The Show");
    ep.durationMs = 1800000;
    ep.kind = WorldSpotifyTrack::Kind::Episode;
    w.spotify.tracks.push_back(ep);

    auto playlist = [&](const QString &id, int n, const QString &owner = QStringLiteral("tester")) {
        WorldSpotifyPlaylist p;
        p.id = id;
        p.name = QStringLiteral("Playlist ") + id;
        p.owner = owner;
        for (int i = 0; i < n; ++i)
            p.tracks.push_back(w.spotify.tracks[static_cast<size_t>(i)].id);
        return p;
    };
    w.spotify.playlists.push_back(playlist(QStringLiteral("empty"), 0));
    w.spotify.playlists.back().hasImage = false;
    w.spotify.playlists.push_back(playlist(QStringLiteral("forty"), 40));
    w.spotify.playlists.push_back(playlist(QStringLiteral("fortyfive"), 45));
    WorldSpotifyPlaylist mixed = playlist(QStringLiteral("mixed"), 1);
    mixed.tracks.push_back(QString());
    mixed.tracks.push_back(local.id);
    mixed.tracks.push_back(ep.id);
    w.spotify.playlists.push_back(mixed);
    w.spotify.playlists.push_back(playlist(QStringLiteral("followed"), 3, QStringLiteral("someone-else")));
    WorldSpotifyPlaylist collab = playlist(QStringLiteral("collab"), 2, QStringLiteral("friend"));
    collab.collaborative = true;
    w.spotify.playlists.push_back(collab);
    for (int i = 0; i < 25; ++i)
        w.spotify.liked.push_back(w.spotify.tracks[static_cast<size_t>(i)].id);

    auto plex = [&](const QString &key, const QString &title, const QString &artist, const QString &album,
                    const QString &original = {}) {
        WorldPlexTrack t;
        t.ratingKey = key;
        t.title = title;
        t.artist = artist;
        t.album = album;
        t.originalTitle = original;
        t.duration = 200000;
        t.index = 1;
        t.year = 2015;
        t.guids = {
            QStringLiteral("mbid://00000000-0000-0000-0000-%1").arg(key.toInt(), 12, 10, QLatin1Char('0'))};
        w.plex.tracks.push_back(t);
    };
    plex(QStringLiteral("101"), QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("25"));
    plex(QStringLiteral("102"), QStringLiteral("Hello (Live)"), QStringLiteral("Adele"),
         QStringLiteral("Live 2016"));
    plex(QStringLiteral("103"), QStringLiteral("Hello"), QStringLiteral("Lionel Richie"),
         QStringLiteral("Can't Slow Down"));
    plex(QStringLiteral("104"), QStringLiteral("Héllo Again"), QStringLiteral("Neil Diamond"),
         QStringLiteral("The Jazz Singer"));
    plex(QStringLiteral("105"), QStringLiteral("Say Hello"), QStringLiteral("Rosie Thomas"),
         QStringLiteral("These Friends"));
    plex(QStringLiteral("106"), QStringLiteral("夜に駆ける"), QStringLiteral("YOASOBI"),
         QStringLiteral("THE BOOK"));
    plex(QStringLiteral("107"), QStringLiteral("Кукла колдуна"), QStringLiteral("Король и Шут"),
         QStringLiteral("Акустический альбом"));
    plex(QStringLiteral("108"), QStringLiteral("Stay"), QStringLiteral("Rihanna"),
         QStringLiteral("Unapologetic"), QStringLiteral("Rihanna feat. Mikky Ekko"));
    for (int i = 0; i < 22; ++i)
        plex(QString::number(200 + i), QStringLiteral("Filler %1").arg(i), QStringLiteral("Various"),
             QStringLiteral("Fill"));
    return w;
}

inline QString challengeOf(const QByteArray &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

class FakesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_fakes = std::make_unique<FakeServices>(options());
        m_fakes->useWorld(testWorld());
        ASSERT_TRUE(m_fakes->start().ok());
    }
    virtual FakeOptions options() const { return {}; }

    FakeServices &fakes() { return *m_fakes; }

    Response call(const QByteArray &method, const QUrl &base, const QString &path, Headers headers = {},
                  QByteArray body = {})
    {
        return send(m_nam, Call{method, at(base, path), std::move(headers), std::move(body)});
    }
    Response spotify(const QString &path, const QByteArray &method = "GET", QByteArray body = {})
    {
        if (m_bearer.isEmpty())
            m_bearer =
                "Bearer " + fakes().issueSpotifyTokens(QStringLiteral("client-1")).accessToken.toUtf8();
        Headers h{{"Authorization", m_bearer}};
        if (!body.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return call(method, fakes().spotifyApiUrl(), path, h, std::move(body));
    }
    Response pms(const QString &path, const QByteArray &method = "GET", Headers extra = {})
    {
        Headers h{{"Accept", "application/json"}, {"X-Plex-Token", fakes().plexServerToken().toUtf8()}};
        h.append(extra);
        return call(method, fakes().plexServerUrl(), path, h);
    }
    Response plexTv(const QString &path, const QByteArray &method = "GET", Headers extra = {})
    {
        Headers h{{"Accept", "application/json"}, {"X-Plex-Client-Identifier", "client-under-test"}};
        h.append(extra);
        return call(method, fakes().plexTvUrl(), path, h);
    }
    QString machineUri(const QString &keys)
    {
        const QString uri = QStringLiteral("server://%1/com.plexapp.plugins.library/library/metadata/%2")
                                .arg(fakes().plexMachineIdentifier(), keys);
        return QString::fromLatin1(QUrl::toPercentEncoding(uri));
    }

    std::unique_ptr<FakeServices> m_fakes;
    QNetworkAccessManager m_nam;
    QByteArray m_bearer;
};

} // namespace pb::fakes::test
