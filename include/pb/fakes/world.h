#pragma once

#include "pb/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

/// The world the fakes serve: a Spotify account and a Plex server, described by one JSON
/// fixture (docs/fixtures.md). Plain data; the fakes copy it and mutate their copy.
namespace pb::fakes {

/// A Spotify catalogue entry. `kind` decides how it is served in playlists.
struct WorldSpotifyTrack {
    enum class Kind {
        Track,
        Episode,
        Local
    };
    QString id;
    QString name;
    QStringList artists;
    QString album;
    QString releaseDate = QStringLiteral("2020-01-01");
    std::int64_t durationMs = 0;
    QString isrc;
    bool isExplicit = false;
    int trackNumber = 1;
    Kind kind = Kind::Track;
    QString show; ///< episodes only: the show's name
};

/// A Spotify playlist. An empty entry in `tracks` is a null item (a track no longer available).
struct WorldSpotifyPlaylist {
    QString id;
    QString name;
    QString description;
    QString owner; ///< a user id; the signed-in user's id means "owned"
    QString ownerDisplayName;
    bool collaborative = false;
    bool isPublic = true;
    bool hasImage = true; ///< false -> `images: null`, as Spotify sends for cover-less playlists
    std::vector<QString> tracks;
};

struct WorldSpotify {
    QString userId = QStringLiteral("demo-user");
    QString displayName = QStringLiteral("Demo User");
    QStringList clientIds; ///< accepted client ids; empty = any non-empty id
    std::vector<WorldSpotifyTrack> tracks;
    std::vector<WorldSpotifyPlaylist> playlists;
    std::vector<QString> liked;
};

struct WorldPlexSection {
    QString key = QStringLiteral("1");
    QString title = QStringLiteral("Music");
    /// Plex's section type: `artist` is a music library; `movie`, `show` and `photo` are
    /// served in /library/sections too but are never music (clients must skip them).
    QString type = QStringLiteral("artist");
};

struct WorldPlexTrack {
    QString ratingKey;
    QString section; ///< section key; empty = the first section
    QString title;
    QString artist;        ///< album artist (grandparentTitle)
    QString originalTitle; ///< track artist when it differs
    QString album;
    std::int64_t duration = 0; ///< ms
    int index = 0;
    int year = 0;
    QStringList guids;
};

struct WorldPlexPlaylist {
    QString ratingKey;
    QString title;
    QString summary;
    std::vector<QString> items; ///< rating keys
};

/// One Plex Media Server and its library. The account fields (userToken, username) are the
/// plex.tv account's and are the same on every server of a world.
struct WorldPlex {
    QString machineIdentifier = QStringLiteral("0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4");
    QString name = QStringLiteral("Demo Plex Server");
    QString accessToken = QStringLiteral("fake-plex-server-token");
    bool owned = true;   ///< false = shared with the account by someone else (`sourceTitle`)
    QString sourceTitle; ///< the owner's name on a shared server; empty when owned
    /// The connections plex.tv lists, in order: `local`, `remote`, `relay` reach this server;
    /// `dead-local`, `dead-remote` point at a closed port.
    QStringList connections{QStringLiteral("dead-local"), QStringLiteral("local"),
                            QStringLiteral("dead-remote"), QStringLiteral("relay")};
    QString userToken = QStringLiteral("fake-plex-user-token");
    QString username = QStringLiteral("demo-plex-user");
    std::vector<WorldPlexSection> sections{WorldPlexSection{}};
    std::vector<WorldPlexTrack> tracks;
    std::vector<WorldPlexPlaylist> playlists;
};

struct World {
    WorldSpotify spotify;
    WorldPlex plex; ///< the first server (served at FakeServices::plexServerUrl())
    /// More servers on the same plex.tv account (fixture `plex.otherServers`), each on its
    /// own listener, listed by /api/v2/resources after the first one.
    std::vector<WorldPlex> otherPlexServers;
};

/// Parses a world fixture. Unknown fields are ignored; a missing required field is an
/// InvalidInput error naming it (for example "spotify.tracks[3].name is required").
pb::Result<World> parseWorld(const QByteArray &json);
/// Reads and parses a world fixture file.
pb::Result<World> loadWorld(const QString &path);

/// The bundled demo world (resources/demo/world.json plus generated filler library tracks).
World demoWorld();

/// Options of the synthetic world generator used by benchmarks.
struct GenerateOptions {
    int libraryTracks = 1000;      ///< Plex library size
    int playlists = 3;             ///< owned Spotify playlists
    int tracksPerPlaylist = 100;   ///< entries per playlist
    double absentFraction = 0.05;  ///< share of Spotify tracks with no Plex counterpart
    double variantFraction = 0.15; ///< share of Plex titles with "- Remastered", "(feat. X)" ...
    quint32 seed = 1;
};

/// A deterministic synthetic world of any size (same options and seed -> same world).
World generateWorld(const GenerateOptions &options);

} // namespace pb::fakes
