#include "fakestate.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <algorithm>

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
