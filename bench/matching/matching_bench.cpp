// Matching throughput: normalisation, scoring one track against 50 candidates, and a 1,000-track
// playlist against a 20,000-track library through the LibraryIndex. Synthetic but shaped like a
// real library (multi-word titles, descriptors, featured credits, compilations, non-Latin titles).
#include "pb/matching/libraryindex.h"
#include "pb/matching/matchingengine.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace pb::matching;

namespace {

const QStringList &words()
{
    static const QStringList w = [] {
        QStringList out;
        const char *base[] = {
            "love",     "night",  "heart", "fire",     "dream",   "river",   "light",   "shadow", "summer",
            "rain",     "city",   "star",  "gold",     "blue",    "wild",    "home",    "road",   "sky",
            "dance",    "ghost",  "ocean", "stone",    "silver",  "tears",   "angel",   "storm",  "echo",
            "paper",    "glass",  "wolf",  "rose",     "queen",   "king",    "winter",  "sun",    "moon",
            "black",    "white",  "young", "forever",  "last",    "first",   "broken",  "golden", "lonely",
            "crazy",    "sweet",  "bad",   "good",     "little",  "big",     "lost",    "found",  "holy",
            "electric", "velvet", "neon",  "midnight", "morning", "thunder", "diamond", "mirror"};
        for (const char *b : base)
            out << QString::fromLatin1(b);
        out << QString::fromUtf8("café") << QString::fromUtf8("señor") << QString::fromUtf8("über")
            << QString::fromUtf8("夜") << QString::fromUtf8("сердце") << QString::fromUtf8("καρδιά");
        return out;
    }();
    return w;
}

QString titleCase(const QString &w)
{
    return w.left(1).toUpper() + w.mid(1);
}

struct World {
    std::vector<pb::PlexTrack> library;
    std::vector<pb::SourceTrack> playlist;
    std::vector<QString> titles;
};

const World &world()
{
    static const World w = [] {
        World out;
        std::mt19937 rng(42);
        auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
        const QStringList &ws = words();
        auto phrase = [&](int maxWords) {
            QStringList p;
            const int n = 1 + pick(maxWords);
            for (int i = 0; i < n; ++i)
                p << titleCase(ws.at(pick(static_cast<int>(ws.size()))));
            return p.join(QLatin1Char(' '));
        };
        QStringList artists;
        for (int i = 0; i < 2000; ++i)
            artists << (i % 7 == 0 ? QStringLiteral("The ") : QString()) + phrase(2) + QLatin1Char(' ') +
                           QString::number(i);
        const char *descriptors[] = {" (Live)",     " - Remastered 2011",  " (Radio Edit)",
                                     " (Acoustic)", " (feat. Guest Star)", " (Remix)"};
        out.library.reserve(20000);
        for (int i = 0; i < 20000; ++i) {
            pb::PlexTrack t;
            t.ratingKey = QString::number(100000 + i);
            const QString artist = artists.at(i / 10);
            t.title = phrase(4);
            if (pick(10) == 0)
                t.title += QString::fromLatin1(descriptors[pick(6)]);
            if (pick(20) == 0) {
                t.grandparentTitle = QStringLiteral("Various Artists");
                t.originalTitle = artist;
            } else {
                t.grandparentTitle = artist;
            }
            t.parentTitle = phrase(3);
            t.durationMs = 120000 + pick(240000);
            t.index = i % 12 + 1;
            out.library.push_back(t);
            out.titles.push_back(t.title);
        }
        out.playlist.reserve(1000);
        for (int i = 0; i < 1000; ++i) {
            pb::SourceTrack s;
            s.id = QStringLiteral("sp%1").arg(i);
            if (i % 5 != 4) { // 80 % are in the library, written the Spotify way
                const pb::PlexTrack &t = out.library.at(static_cast<size_t>(pick(20000)));
                s.name = t.title;
                if (pick(3) == 0)
                    s.name += QStringLiteral(" - 2015 Remaster");
                if (pick(5) == 0)
                    s.name = s.name.toUpper();
                s.artists = {t.originalTitle.isEmpty() ? t.grandparentTitle : t.originalTitle};
                if (pick(4) == 0)
                    s.artists << QStringLiteral("Guest Star");
                s.album = t.parentTitle;
                s.durationMs = t.durationMs + pick(2000) - 1000;
            } else { // absent: an unknown song by a known artist
                s.name = phrase(4) + QStringLiteral(" Absent");
                s.artists = {artists.at(pick(2000))};
                s.durationMs = 200000;
            }
            out.playlist.push_back(s);
        }
        return out;
    }();
    return w;
}

void BM_NormalizeText(benchmark::State &state)
{
    const auto &titles = world().titles;
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(normalizeText(titles[i++ % titles.size()]));
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_NormalizeText);

void BM_PrepareSpotifyTrack(benchmark::State &state)
{
    const auto &playlist = world().playlist;
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(prepare(playlist[i++ % playlist.size()]));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_PrepareSpotifyTrack);

// 50 candidates like a search returns: the artist's own tracks plus look-alike titles.
std::vector<pb::PlexTrack> fiftyCandidates(const pb::SourceTrack &track)
{
    std::vector<pb::PlexTrack> out;
    const auto &lib = world().library;
    for (std::size_t i = 0; out.size() < 49 && i < lib.size(); i += 397)
        out.push_back(lib[i]);
    pb::PlexTrack same;
    same.ratingKey = QStringLiteral("target");
    same.title = track.name + QStringLiteral(" (Remastered)");
    same.grandparentTitle = track.artists.first();
    same.parentTitle = track.album;
    same.durationMs = track.durationMs + 800;
    out.push_back(same);
    return out;
}

void BM_Match1Vs50Prepared(benchmark::State &state)
{
    const MatchingEngine engine;
    const pb::SourceTrack &track = world().playlist.front();
    const PreparedSpotify s = prepare(track);
    std::vector<PreparedPlex> candidates;
    for (const auto &c : fiftyCandidates(track))
        candidates.push_back(prepare(c));
    for (auto _ : state)
        benchmark::DoNotOptimize(engine.match(s, candidates));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * candidates.size()));
    state.counters["comparisons/s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * candidates.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Match1Vs50Prepared);

void BM_Match1Vs50Raw(benchmark::State &state)
{
    const MatchingEngine engine;
    const pb::SourceTrack &track = world().playlist.front();
    const std::vector<pb::PlexTrack> candidates = fiftyCandidates(track);
    for (auto _ : state)
        benchmark::DoNotOptimize(engine.match(track, candidates));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * candidates.size()));
}
BENCHMARK(BM_Match1Vs50Raw);

void BM_BuildLibraryIndex20k(benchmark::State &state)
{
    for (auto _ : state) {
        LibraryIndex index;
        index.reserve(world().library.size());
        for (const auto &t : world().library)
            index.add(t);
        benchmark::DoNotOptimize(index.size());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * world().library.size()));
}
BENCHMARK(BM_BuildLibraryIndex20k)->Unit(benchmark::kMillisecond);

void BM_Playlist1kVsLibrary20k(benchmark::State &state)
{
    static const LibraryIndex index = [] {
        LibraryIndex i;
        i.reserve(world().library.size());
        for (const auto &t : world().library)
            i.add(t);
        return i;
    }();
    const MatchingEngine engine;
    int matched = 0;
    std::size_t scored = 0;
    for (auto _ : state) {
        matched = 0;
        scored = 0;
        for (const auto &track : world().playlist) {
            const PreparedSpotify s = prepare(track);
            const auto candidates = index.candidatesFor(s);
            scored += candidates.size();
            matched += engine.match(s, candidates).accepted() ? 1 : 0;
        }
    }
    state.counters["matched"] = matched;
    state.counters["candidates_per_track"] = static_cast<double>(scored) / world().playlist.size();
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * world().playlist.size()));
}
BENCHMARK(BM_Playlist1kVsLibrary20k)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
