#pragma once

// The mutable state behind the four fake services. One mutex guards all of it: handlers run
// under it, and the FakeServices accessors (called from test threads) take it too.
#include "fakehttp.h"
#include "pb/fakes/fakeservices.h"

#include <QDateTime>
#include <QHash>

#include <deque>
#include <memory>
#include <mutex>
#include <random>

namespace pb::fakes {

class FakeState {
public:
    struct AuthCode {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        QDateTime expires;
    };
    struct AccessToken {
        QString clientId;
        QString scope;
        QDateTime expires;
        bool user = true;
    };
    struct RefreshToken {
        QString clientId;
        QString scope;
        QDateTime consentExpires;
        bool revoked = false;
    };
    struct Pin {
        qint64 id = 0;
        QString code;
        QString clientId;
        QString product;
        bool strong = false;
        int polls = 0;
        QDateTime created;
        QDateTime expires;
        bool approved = false;
    };
    struct SpotifyPlaylistState {
        WorldSpotifyPlaylist data;
        int version = 1;
    };

    mutable std::recursive_mutex mutex;
    FakeOptions options;
    World world;
    QHash<QString, int> spotifyTrackIndex;
    QHash<QString, int> plexTrackIndex;
    /// Per library track (same order as world.plex.tracks): its section and the folded words
    /// hub search compares, computed once per world so large libraries stay fast.
    struct PlexSearchEntry {
        QString section;
        QString foldedTitle;
        QStringList titleWords;
        QStringList artistWords;
        QStringList albumWords;
        /// What the filters compare (plexquery::kFields): case-folded title, artist, album,
        /// originalTitle, then year, artist and album rating keys.
        QString folded[7];
    };
    std::vector<PlexSearchEntry> plexSearch;
    /// Sorted (folded word, track index) pairs: hub search finds words by prefix with a
    /// binary search instead of scanning the library.
    struct WordIndex {
        std::vector<std::pair<QString, int>> entries;
        /// Sorted, unique indexes of the tracks with a word starting with `prefix`.
        std::vector<int> withPrefix(const QString &prefix) const;
    };
    WordIndex titleWordIndex;
    WordIndex artistWordIndex;
    WordIndex albumWordIndex;
    QHash<QString, std::vector<int>> plexTitleIndex; ///< case-folded title -> track indexes
    /// Per filter field 0..2 (title, artist, album): every track's folded value joined with
    /// U+0001, and where each track's value starts, so a contains filter is one pass.
    QString foldedBlob[3];
    std::vector<int> blobStart[3];
    /// Artists and albums as Plex groups the tracks of a section (album artist, then album
    /// title, both case-insensitive), each with a rating key of its own, in library order.
    struct PlexArtist {
        QString ratingKey;
        QString title;
        QString section;
        std::vector<int> albums; ///< indexes into plexAlbums
    };
    struct PlexAlbum {
        QString ratingKey;
        QString title;
        int artist = 0; ///< index into plexArtists
        int year = 0;
        std::vector<int> tracks; ///< indexes into world.plex.tracks, library order
    };
    std::vector<PlexArtist> plexArtists;
    std::vector<PlexAlbum> plexAlbums;
    std::vector<int> plexAlbumOfTrack; ///< per library track: its index in plexAlbums
    QHash<QString, int> plexArtistByKey;
    QHash<QString, int> plexAlbumByKey;
    std::vector<SpotifyPlaylistState> spotifyPlaylists;

    QHash<QString, AuthCode> codes;
    QHash<QString, AccessToken> accessTokens;
    QHash<QString, RefreshToken> refreshTokens;

    QHash<qint64, Pin> pins;
    qint64 nextPinId = 373040866;

    std::vector<FakePlexPlaylist> plexPlaylists;
    qint64 nextPlaylistItemId = 1001;
    qint64 nextRatingKey = 900001;

    std::deque<RecordedRequest> log; ///< oldest dropped past FakeOptions::requestLogLimit
    std::deque<qint64> apiCallTimes; ///< ms since epoch, for the rate limiter
    std::mt19937 rng{1};

    QUrl spotifyAccountsUrl;
    QUrl spotifyApiUrl;
    QUrl plexTvUrl;
    QUrl plexServerUrl;
    quint16 deadPort = 9; ///< a closed port for the dead plex.tv connection

    /// The account's other Plex servers (World::otherPlexServers), each a state of its own
    /// with only its `world.plex` filled. Touched only under this (the first) state's mutex;
    /// their plexServerUrl is set by FakeServices when their listeners are bound.
    std::vector<std::unique_ptr<FakeState>> otherServers;
    /// The state of Plex server `index` (0 = this one), or nullptr past the last.
    FakeState *plexServerState(int index);

    /// Issues an access token (and a refresh token for user grants) and records them.
    SpotifyTokens issueTokens(const QString &clientId, const QString &scope, const QDateTime &consentExpires,
                              bool user);
    /// Installs a world and resets every runtime table.
    void reset(World w);
    /// A random token of `length` characters from [A-Za-z0-9].
    QString randomToken(int length);

    const WorldSpotifyTrack *spotifyTrack(const QString &id) const;
    SpotifyPlaylistState *spotifyPlaylist(const QString &id);
    const WorldPlexTrack *plexTrack(const QString &ratingKey) const;
    FakePlexPlaylist *plexPlaylist(const QString &ratingKey);
    QString snapshotId(const SpotifyPlaylistState &p) const;
    QString plexSectionOf(const WorldPlexTrack &t) const;
    const WorldPlexSection *plexSection(const QString &key) const;
    const PlexAlbum &plexAlbumOf(const WorldPlexTrack &t) const;
    const PlexArtist &plexArtistOf(const WorldPlexTrack &t) const;

private:
    void buildPlexCatalog();
};

// Service handlers (one file each). Called with the state mutex held.
FakeReply handleSpotifyAccounts(FakeState &state, const FakeRequest &request);
FakeReply handleSpotifyApi(FakeState &state, const FakeRequest &request);
FakeReply handlePlexTv(FakeState &state, const FakeRequest &request);
FakeReply handlePlexServer(FakeState &state, const FakeRequest &request);

// Spotify write endpoints (spotifywrite.cpp), dispatched from handleSpotifyApi.
std::optional<FakeReply> handleSpotifyWrite(FakeState &state, const FakeRequest &request);
// Plex playlist endpoints (plexplaylists.cpp), dispatched from handlePlexServer.
std::optional<FakeReply> handlePlexPlaylists(FakeState &state, const FakeRequest &request);
// Plex library browsing (plexlibrary.cpp): /library, section details, artists and albums.
std::optional<FakeReply> handlePlexLibrary(FakeState &state, const FakeRequest &request);

} // namespace pb::fakes
