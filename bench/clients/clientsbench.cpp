// playlist-bridge-clients-bench: how long the clients take for the big operations of a sync,
// against the fakes on their own thread at a chosen latency. Prints numbers; never a test.
//   build/rel/bench/clients/playlist-bridge-clients-bench --tracks 1000 --latency-ms 10 --runs 5
#include "pb/clients/plexclient.h"
#include "pb/clients/spotifyclient.h"
#include "pb/fakes/fakeservicesthread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace pb::clients;

namespace {

template <typename T, typename Start>
pb::Result<T> await(Start start)
{
    std::optional<pb::Result<T>> out;
    QEventLoop loop;
    start([&](pb::Result<T> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

pb::fakes::FakeServices *g_services = nullptr;

template <typename Fn>
void measure(const char *name, int runs, Fn fn)
{
    const auto before = g_services->requestLog().size();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!fn()) {
            std::printf("%-40s FAILED\n", name);
            return;
        }
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const auto requests = (g_services->requestLog().size() - before) / static_cast<std::size_t>(runs);
    std::printf("%-34s median %8.1f ms  (min %.1f, max %.1f, %d runs, %zu requests each)\n", name, median(ms),
                *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()), runs,
                requests);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tracks"), QStringLiteral("Playlist length."), QStringLiteral("n"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("Fake latency per answer."),
                      QStringLiteral("ms"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("Repetitions."), QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);
    const int tracks = parser.value(QStringLiteral("tracks")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    pb::fakes::GenerateOptions gen;
    gen.libraryTracks = std::max(tracks * 2, 2000);
    gen.playlists = 1;
    gen.tracksPerPlaylist = tracks;
    const pb::fakes::World world = pb::fakes::generateWorld(gen);
    pb::fakes::FakeOptions options;
    options.latency = std::chrono::milliseconds(parser.value(QStringLiteral("latency-ms")).toInt());
    pb::fakes::FakeServicesThread fakes(options, world);
    if (const pb::Status s = fakes.start(); !s.ok()) {
        std::fprintf(stderr, "fakes: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    pb::fakes::FakeServices *svc = fakes.services();
    g_services = svc;

    QNetworkAccessManager nam;
    SpotifyConfig sc;
    sc.apiUrl = svc->spotifyApiUrl();
    sc.accountsUrl = svc->spotifyAccountsUrl();
    sc.clientId = QStringLiteral("bench");
    const auto issued = svc->issueSpotifyTokens(sc.clientId);
    SpotifyTokens tokens{
        issued.accessToken, issued.refreshToken, QDateTime::currentDateTimeUtc().addSecs(3600), {}};
    SpotifyClient spotify(&nam, sc, tokens);
    PlexConfig pc;
    pc.serverUrl = svc->plexServerUrl();
    pc.token = svc->plexServerToken();
    pc.client.clientIdentifier = QStringLiteral("bench");
    PlexClient plex(&nam, pc);

    QString playlistId;
    for (const auto &p : world.spotify.playlists) {
        if (p.owner == world.spotify.userId && static_cast<int>(p.tracks.size()) == tracks)
            playlistId = p.id;
    }
    QStringList keys;
    for (int i = 0; i < tracks && i < static_cast<int>(world.plex.tracks.size()); ++i)
        keys.append(world.plex.tracks[static_cast<size_t>(i)].ratingKey);
    const QString mid = svc->plexMachineIdentifier();

    std::printf("tracks %d, latency %lld ms, Spotify page 50, Plex page 100, URL limit 4000\n", tracks,
                static_cast<long long>(options.latency.count()));
    measure("spotify playlistEntries", runs, [&] {
        return await<std::vector<pb::PlaylistEntry>>(
                   [&](auto cb) { spotify.playlistEntries(playlistId, nullptr, cb); })
            .ok();
    });
    QString created;
    measure("plex createPlaylist (chunked)", runs, [&] {
        auto r = await<pb::PlexPlaylist>(
            [&](auto cb) { plex.createPlaylist(QStringLiteral("Bench"), mid, keys, nullptr, cb); });
        if (r.ok())
            created = r->ratingKey;
        return r.ok();
    });
    measure("plex playlistItems (read back)", runs, [&] {
        return await<std::vector<pb::PlexPlaylistItem>>(
                   [&](auto cb) { plex.playlistItems(created, nullptr, cb); })
            .ok();
    });
    measure("plex metadata (batched)", runs, [&] {
        return await<std::vector<pb::PlexTrack>>([&](auto cb) { plex.metadata(keys, nullptr, cb); }).ok();
    });
    return 0;
}
