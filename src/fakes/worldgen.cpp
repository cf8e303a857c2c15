// Synthetic worlds for benchmarks and the demo filler: deterministic from a seed, with the
// title variants real libraries have (remaster suffixes, feat. credits, live traps) and
// Spotify tracks that are absent from Plex.
#include "worldfiller.h"

#include <QCryptographicHash>

#include <random>

namespace pb::fakes {

namespace {

const char *const kAdjectives[] = {
    "Velvet", "Electric", "Silent", "Golden", "Broken", "Midnight", "Crimson", "Hollow", "Neon",   "Wild",
    "Paper",  "Northern", "Lucky",  "Static", "Blue",   "Quiet",    "Burning", "Glass",  "Lonely", "Young"};
const char *const kNouns[] = {"Foxes",    "Harbour",  "Rivers", "Engines",  "Hearts",     "Machines", "Tides",
                              "Ghosts",   "Cities",   "Wolves", "Letters",  "Satellites", "Gardens",  "Kings",
                              "Sparrows", "Lanterns", "Echoes", "Horizons", "Mirrors",    "Avenues"};
const char *const kWords[] = {
    "Love",   "Night",   "Road",   "Fire",   "Rain",  "Home",    "Light",   "Dream",   "Summer",  "Heart",
    "Gold",   "Ocean",   "Dance",  "Shadow", "Stars", "River",   "Time",    "Wind",    "Fever",   "Window",
    "Silver", "Morning", "Letter", "Wild",   "Again", "Forever", "Tonight", "Falling", "Running", "Back"};
const char *const kSuffixes[] = {" - Remastered 2011", " (Remastered)",     " - 2009 Remaster",
                                 " - Radio Edit",      " (feat. Ada Lane)", " - Mono Version"};

struct Song {
    QString title;
    QString artist;
    QString album;
    int durationMs = 0;
    int index = 1;
    int year = 2000;
};

QString artistName(int i)
{
    const int n = static_cast<int>(std::size(kAdjectives) * std::size(kNouns));
    QString name = QStringLiteral("The %1 %2")
                       .arg(QString::fromLatin1(kAdjectives[i % std::size(kAdjectives)]),
                            QString::fromLatin1(kNouns[(i / std::size(kAdjectives)) % std::size(kNouns)]));
    if (i >= n)
        name += QStringLiteral(" %1").arg(i / n + 1);
    return name;
}

Song makeSong(int i, std::mt19937 &rng, int numArtists)
{
    std::uniform_int_distribution<int> word(0, static_cast<int>(std::size(kWords)) - 1);
    const int words = 1 + static_cast<int>(rng() % 3);
    QStringList t;
    for (int k = 0; k < words; ++k)
        t.append(QString::fromLatin1(kWords[word(rng)]));
    Song s;
    s.title = t.join(QLatin1Char(' ')) + QStringLiteral(" No. %1").arg(i); // unique, still word-like
    const int artist = i % numArtists;
    s.artist = artistName(artist);
    s.album = QStringLiteral("%1 Sessions Vol. %2")
                  .arg(QString::fromLatin1(kWords[artist % std::size(kWords)]))
                  .arg(i / numArtists / 10 + 1);
    s.durationMs = 120000 + static_cast<int>(rng() % 240000);
    s.index = (i / numArtists) % 12 + 1;
    s.year = 1965 + static_cast<int>(rng() % 60);
    return s;
}

QString spotifyId(const QString &seedText)
{
    static const char base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    const QByteArray h = QCryptographicHash::hash(seedText.toUtf8(), QCryptographicHash::Sha256);
    QString id;
    for (int i = 0; i < 22; ++i)
        id.append(QLatin1Char(base62[static_cast<unsigned char>(h.at(i)) % 62]));
    return id;
}

WorldPlexTrack plexFrom(const Song &s, const QString &key)
{
    WorldPlexTrack t;
    t.ratingKey = key;
    t.title = s.title;
    t.artist = s.artist;
    t.album = s.album;
    t.duration = s.durationMs;
    t.index = s.index;
    t.year = s.year;
    return t;
}

} // namespace

World generateWorld(const GenerateOptions &o)
{
    World w;
    std::mt19937 rng(o.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int library = std::max(1, o.libraryTracks);
    const int numArtists = std::max(5, library / 12);
    const int absent = std::max(1, static_cast<int>(library * o.absentFraction) + 1);
    std::vector<Song> songs;
    songs.reserve(static_cast<size_t>(library + absent));
    for (int i = 0; i < library + absent; ++i)
        songs.push_back(makeSong(i, rng, numArtists));

    // Plex holds the first `library` songs; some titles carry a variant suffix, and some
    // songs get a live recording next to the studio one (the trap a matcher must avoid).
    int nextKey = 10000;
    for (int i = 0; i < library; ++i) {
        WorldPlexTrack t = plexFrom(songs[static_cast<size_t>(i)], QString::number(nextKey++));
        const double r = unit(rng);
        if (r < o.variantFraction * 0.7) {
            t.title += QString::fromLatin1(kSuffixes[rng() % std::size(kSuffixes)]);
        } else if (r < o.variantFraction) {
            WorldPlexTrack live = t;
            live.ratingKey = QString::number(nextKey++);
            live.title += QStringLiteral(" (Live)");
            live.album = QStringLiteral("Live at the Roundhouse");
            w.plex.tracks.push_back(live);
        }
        w.plex.tracks.push_back(std::move(t));
    }

    // Spotify knows every song; playlists draw mostly from the library, sometimes absent ones.
    for (size_t i = 0; i < songs.size(); ++i) {
        const Song &s = songs[i];
        WorldSpotifyTrack t;
        t.id = spotifyId(QStringLiteral("gen-%1-%2").arg(o.seed).arg(i));
        t.name = s.title;
        t.artists = {s.artist};
        t.album = s.album;
        t.durationMs = s.durationMs + static_cast<int>(rng() % 1500);
        t.trackNumber = s.index;
        t.releaseDate = QString::number(s.year);
        t.isrc = QStringLiteral("QZ%1%2")
                     .arg(s.year % 100, 2, 10, QLatin1Char('0'))
                     .arg(i, 7, 10, QLatin1Char('0'));
        w.spotify.tracks.push_back(std::move(t));
    }
    w.spotify.userId = QStringLiteral("bench-user");
    w.spotify.displayName = QStringLiteral("Benchmark User");
    for (int p = 0; p < o.playlists; ++p) {
        WorldSpotifyPlaylist pl;
        pl.id = spotifyId(QStringLiteral("gen-playlist-%1-%2").arg(o.seed).arg(p));
        pl.name = QStringLiteral("Generated Playlist %1").arg(p + 1);
        pl.owner = w.spotify.userId;
        for (int k = 0; k < o.tracksPerPlaylist; ++k) {
            const bool pickAbsent = unit(rng) < o.absentFraction;
            const size_t idx = pickAbsent ? static_cast<size_t>(library + static_cast<int>(rng() % absent))
                                          : static_cast<size_t>(rng() % library);
            pl.tracks.push_back(w.spotify.tracks[idx].id);
        }
        w.spotify.playlists.push_back(std::move(pl));
    }
    for (int k = 0; k < std::min(50, library); ++k)
        w.spotify.liked.push_back(w.spotify.tracks[static_cast<size_t>(k)].id);
    return w;
}

void appendFillerTracks(World &world, int count, quint32 seed)
{
    std::mt19937 rng(seed);
    const int numArtists = std::max(5, count / 12);
    for (int i = 0; i < count; ++i) {
        Song s = makeSong(i, rng, numArtists);
        world.plex.tracks.push_back(plexFrom(s, QString::number(200000 + i)));
    }
}

} // namespace pb::fakes
