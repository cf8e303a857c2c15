#include "fakestate.h"

#include "plexjson.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace pb::fakes {

void FakeState::reset(World w)
{
    world = std::move(w);
    // Keep the other servers' listener URLs across a new world: the listeners stay bound.
    std::vector<QUrl> otherUrls;
    for (const auto &o : otherServers)
        otherUrls.push_back(o->plexServerUrl);
    otherServers.clear();
    for (size_t i = 0; i < world.otherPlexServers.size(); ++i) {
        auto other = std::make_unique<FakeState>();
        other->options = options;
        other->deadPort = deadPort;
        if (i < otherUrls.size())
            other->plexServerUrl = otherUrls[i];
        World only;
        only.plex = world.otherPlexServers[i];
        other->reset(std::move(only));
        otherServers.push_back(std::move(other));
    }
    spotifyTrackIndex.clear();
    for (size_t i = 0; i < world.spotify.tracks.size(); ++i)
        spotifyTrackIndex.insert(world.spotify.tracks[i].id, static_cast<int>(i));
    plexTrackIndex.clear();
    plexSearch.clear();
    plexTitleIndex.clear();
    plexSearch.reserve(world.plex.tracks.size());
    static const QRegularExpression split(QStringLiteral("[^\\w]+"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    for (size_t i = 0; i < world.plex.tracks.size(); ++i) {
        const WorldPlexTrack &t = world.plex.tracks[i];
        plexTrackIndex.insert(t.ratingKey, static_cast<int>(i));
        PlexSearchEntry e;
        e.section = plexSectionOf(t);
        e.foldedTitle = foldForSearch(t.title);
        e.titleWords = e.foldedTitle.split(split, Qt::SkipEmptyParts);
        e.artistWords = foldForSearch(t.artist).split(split, Qt::SkipEmptyParts);
        e.albumWords = foldForSearch(t.album).split(split, Qt::SkipEmptyParts);
        e.folded[0] = t.title.toCaseFolded();
        e.folded[1] = t.artist.toCaseFolded();
        e.folded[2] = t.album.toCaseFolded();
        e.folded[3] = t.originalTitle.toCaseFolded();
        e.folded[4] = QString::number(t.year);
        plexTitleIndex[e.folded[0]].push_back(static_cast<int>(i));
        plexSearch.push_back(std::move(e));
    }
    buildPlexCatalog();
    for (int f = 0; f < 3; ++f) {
        foldedBlob[f].clear();
        blobStart[f].clear();
        blobStart[f].reserve(plexSearch.size());
        for (const PlexSearchEntry &e : plexSearch) {
            blobStart[f].push_back(static_cast<int>(foldedBlob[f].size()));
            foldedBlob[f] += e.folded[f];
            foldedBlob[f] += QChar(0x0001);
        }
    }
    WordIndex *indexes[] = {&titleWordIndex, &artistWordIndex, &albumWordIndex};
    for (WordIndex *ix : indexes)
        ix->entries.clear();
    for (size_t i = 0; i < plexSearch.size(); ++i) {
        const int n = static_cast<int>(i);
        for (const QString &word : plexSearch[i].titleWords)
            titleWordIndex.entries.emplace_back(word, n);
        for (const QString &word : plexSearch[i].artistWords)
            artistWordIndex.entries.emplace_back(word, n);
        for (const QString &word : plexSearch[i].albumWords)
            albumWordIndex.entries.emplace_back(word, n);
    }
    for (WordIndex *ix : indexes)
        std::sort(ix->entries.begin(), ix->entries.end());
    spotifyPlaylists.clear();
    for (const auto &p : world.spotify.playlists)
        spotifyPlaylists.push_back(SpotifyPlaylistState{p, 1});
    plexPlaylists.clear();
    pins.clear();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const auto &p : world.plex.playlists) {
        FakePlexPlaylist fp;
        fp.ratingKey = p.ratingKey;
        fp.title = p.title;
        fp.summary = p.summary;
        fp.addedAt = now - 86400;
        fp.updatedAt = now - 86400;
        for (const QString &k : p.items) {
            if (plexTrackIndex.contains(k))
                fp.items.push_back(FakePlexPlaylistItem{nextPlaylistItemId++, k});
        }
        plexPlaylists.push_back(std::move(fp));
        bool ok = false;
        const qint64 key = p.ratingKey.toLongLong(&ok);
        if (ok && key >= nextRatingKey)
            nextRatingKey = key + 1;
    }
}

void FakeState::buildPlexCatalog()
{
    plexArtists.clear();
    plexAlbums.clear();
    plexArtistByKey.clear();
    plexAlbumByKey.clear();
    plexAlbumOfTrack.assign(world.plex.tracks.size(), 0);
    // Rating keys come from the names (stable across runs and worlds, 500000-899999, below the
    // keys of new playlists); a key already taken by a track, a playlist or another artist or
    // album moves to the next free number.
    QSet<QString> taken;
    for (const auto &t : world.plex.tracks)
        taken.insert(t.ratingKey);
    for (const auto &p : world.plex.playlists)
        taken.insert(p.ratingKey);
    auto keyFor = [&](const QString &kind, const QString &name) {
        QString key = plexjson::derivedKey(kind, name);
        while (taken.contains(key))
            key = QString::number(key.toLongLong() + 1 < 900000 ? key.toLongLong() + 1 : 500000);
        taken.insert(key);
        return key;
    };
    const QString firstSection =
        world.plex.sections.empty() ? QStringLiteral("1") : world.plex.sections.front().key;
    QHash<QString, int> artistIds; // section + folded artist
    QHash<QString, int> albumIds;  // artist index + folded album
    for (size_t i = 0; i < world.plex.tracks.size(); ++i) {
        const WorldPlexTrack &t = world.plex.tracks[i];
        PlexSearchEntry &e = plexSearch[i];
        const QString artistId = e.section + QChar(0x0001) + e.folded[1];
        auto ai = artistIds.constFind(artistId);
        // The first section's names hash alone; another section's join its key, so two
        // libraries never share an artist or album key.
        const QString prefix = e.section == firstSection ? QString() : e.section + QLatin1Char('/');
        if (ai == artistIds.constEnd()) {
            plexArtists.push_back(
                PlexArtist{keyFor(QStringLiteral("artist"), prefix + t.artist), t.artist, e.section, {}});
            ai = artistIds.insert(artistId, static_cast<int>(plexArtists.size() - 1));
            plexArtistByKey.insert(plexArtists.back().ratingKey, *ai);
        }
        const QString albumId = QString::number(*ai) + QChar(0x0001) + e.folded[2];
        auto bi = albumIds.constFind(albumId);
        if (bi == albumIds.constEnd()) {
            const QString key =
                keyFor(QStringLiteral("album"), prefix + t.artist + QLatin1Char('|') + t.album);
            plexAlbums.push_back(PlexAlbum{key, t.album, *ai, t.year, {}});
            bi = albumIds.insert(albumId, static_cast<int>(plexAlbums.size() - 1));
            plexAlbumByKey.insert(key, *bi);
            plexArtists[static_cast<size_t>(*ai)].albums.push_back(*bi);
        }
        PlexAlbum &album = plexAlbums[static_cast<size_t>(*bi)];
        album.tracks.push_back(static_cast<int>(i));
        if (album.year == 0)
            album.year = t.year;
        plexAlbumOfTrack[i] = *bi;
        e.folded[5] = plexArtists[static_cast<size_t>(*ai)].ratingKey;
        e.folded[6] = album.ratingKey;
    }
    // An album lists its tracks by track number, as Plex does; library order breaks ties.
    for (PlexAlbum &album : plexAlbums) {
        std::stable_sort(album.tracks.begin(), album.tracks.end(), [&](int a, int b) {
            return world.plex.tracks[static_cast<size_t>(a)].index <
                   world.plex.tracks[static_cast<size_t>(b)].index;
        });
    }
}

const WorldPlexSection *FakeState::plexSection(const QString &key) const
{
    for (const auto &s : world.plex.sections) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

const FakeState::PlexAlbum &FakeState::plexAlbumOf(const WorldPlexTrack &t) const
{
    const auto &tracks = world.plex.tracks;
    const std::less<const WorldPlexTrack *> before;
    const bool inLibrary =
        !tracks.empty() && !before(&t, tracks.data()) && before(&t, tracks.data() + tracks.size());
    const size_t i = inLibrary ? static_cast<size_t>(&t - tracks.data())
                               : static_cast<size_t>(plexTrackIndex.value(t.ratingKey));
    return plexAlbums[static_cast<size_t>(plexAlbumOfTrack[i])];
}

const FakeState::PlexArtist &FakeState::plexArtistOf(const WorldPlexTrack &t) const
{
    return plexArtists[static_cast<size_t>(plexAlbumOf(t).artist)];
}

FakeState *FakeState::plexServerState(int index)
{
    if (index == 0)
        return this;
    if (index < 0 || static_cast<size_t>(index) > otherServers.size())
        return nullptr;
    return otherServers[static_cast<size_t>(index - 1)].get();
}

std::vector<int> FakeState::WordIndex::withPrefix(const QString &prefix) const
{
    std::vector<int> out;
    auto it =
        std::lower_bound(entries.begin(), entries.end(), prefix,
                         [](const std::pair<QString, int> &e, const QString &p) { return e.first < p; });
    for (; it != entries.end() && it->first.startsWith(prefix); ++it)
        out.push_back(it->second);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QString FakeState::randomToken(int length)
{
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::uniform_int_distribution<int> pick(0, 61);
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i)
        s.append(QLatin1Char(chars[pick(rng)]));
    return s;
}

SpotifyTokens FakeState::issueTokens(const QString &clientId, const QString &scope,
                                     const QDateTime &consentExpires, bool user)
{
    SpotifyTokens t;
    t.accessToken = QStringLiteral("BQ") + randomToken(100);
    t.expiresIn = static_cast<int>(options.accessTokenLifetime.count());
    t.scope = scope;
    accessTokens.insert(
        t.accessToken,
        AccessToken{clientId, scope, QDateTime::currentDateTimeUtc().addSecs(t.expiresIn), user});
    if (user) {
        t.refreshToken = QStringLiteral("AQ") + randomToken(120);
        refreshTokens.insert(t.refreshToken, RefreshToken{clientId, scope, consentExpires, false});
    }
    return t;
}

const WorldSpotifyTrack *FakeState::spotifyTrack(const QString &id) const
{
    const auto it = spotifyTrackIndex.constFind(id);
    return it == spotifyTrackIndex.constEnd() ? nullptr : &world.spotify.tracks[static_cast<size_t>(*it)];
}

FakeState::SpotifyPlaylistState *FakeState::spotifyPlaylist(const QString &id)
{
    for (auto &p : spotifyPlaylists) {
        if (p.data.id == id)
            return &p;
    }
    return nullptr;
}

const WorldPlexTrack *FakeState::plexTrack(const QString &ratingKey) const
{
    const auto it = plexTrackIndex.constFind(ratingKey);
    return it == plexTrackIndex.constEnd() ? nullptr : &world.plex.tracks[static_cast<size_t>(*it)];
}

FakePlexPlaylist *FakeState::plexPlaylist(const QString &ratingKey)
{
    for (auto &p : plexPlaylists) {
        if (p.ratingKey == ratingKey)
            return &p;
    }
    return nullptr;
}

QString FakeState::snapshotId(const SpotifyPlaylistState &p) const
{
    // Looks like Spotify's (base64, 32 characters) and changes with every edit.
    const QByteArray h = QCryptographicHash::hash((p.data.id + QString::number(p.version)).toUtf8(),
                                                  QCryptographicHash::Sha256);
    return QString::fromLatin1(h.toBase64().left(32));
}

QString FakeState::plexSectionOf(const WorldPlexTrack &t) const
{
    if (!t.section.isEmpty())
        return t.section;
    return world.plex.sections.empty() ? QStringLiteral("1") : world.plex.sections.front().key;
}

} // namespace pb::fakes
