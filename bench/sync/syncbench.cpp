// playlist-bridge-bench [--library N] [--playlist N] [--latency-ms N] [--json]
// A synthetic world with known ground truth, served by the fakes at the given latency: a full
// first sync, a re-sync with nothing changed, then a re-sync after 10 tracks were added and 10
// moved. Prints wall time for each, requests by endpoint, matched/missing, precision and recall
// against the ground truth, and peak RSS.
#include "pb/core/appinfo.h"
#include "pb/fakes/fakeservicesthread.h"
#include "pb/sync/syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <random>
#include <sys/resource.h>

using namespace pb;

namespace {

struct Phase {
    QString name;
    qint64 wallMs = 0;
    sync::SyncResult result;
    std::vector<sync::TrackOutcome> tracks;
    QMap<QString, int> requests; ///< "GET /library/sections/{n}/all" -> count
};

QString endpoint(const fakes::RecordedRequest &r)
{
    static const QRegularExpression digits(QStringLiteral("/\\d+"));
    static const QRegularExpression spotifyId(QStringLiteral("/playlists/[A-Za-z0-9]{22}"));
    QString p = r.path;
    p.replace(spotifyId, QStringLiteral("/playlists/{id}"));
    p.replace(digits, QStringLiteral("/{n}"));
    if (p.startsWith(QLatin1String("/library/metadata/")))
        p = QStringLiteral("/library/metadata/{keys}");
    return r.method + QLatin1Char(' ') + p;
}

/// The Plex rating key each Spotify track truly is: same song title (a same-recording suffix
/// allowed), never the live recording.
QHash<QString, QString> groundTruth(const fakes::World &w)
{
    QHash<QString, QString> byTitle;
    for (const fakes::WorldPlexTrack &t : w.plex.tracks) {
        if (t.title.endsWith(QLatin1String(" (Live)")))
            continue;
        QString base = t.title;
        for (const char *sep : {" - ", " ("}) {
            const qsizetype cut = base.indexOf(QLatin1String(sep));
            if (cut > 0 && base.indexOf(QLatin1String("No. ")) < cut)
                base = base.left(cut);
        }
        byTitle.insert(base, t.ratingKey);
    }
    QHash<QString, QString> truth;
    for (const fakes::WorldSpotifyTrack &t : w.spotify.tracks)
        if (byTitle.contains(t.name))
            truth.insert(t.id, byTitle.value(t.name));
    return truth;
}

Phase runPhase(const QString &name, sync::SyncService &service, fakes::FakeServices &fakes,
               const SourcePlaylist &playlist)
{
    fakes.clearRequestLog();
    Phase ph;
    ph.name = name;
    QEventLoop loop;
    QObject::connect(&service, &sync::SyncRegistry::syncFinished, &loop,
                     [&](const PlaylistKey &, const sync::SyncResult &r) {
                         ph.result = r;
                         loop.quit();
                     });
    QElapsedTimer clock;
    clock.start();
    service.startSync(playlist, {});
    loop.exec();
    ph.wallMs = clock.elapsed();
    if (auto s = service.snapshot(playlist.key()))
        ph.tracks = s->tracks;
    const bool trace = qEnvironmentVariableIsSet("PB_BENCH_TRACE");
    for (const fakes::RecordedRequest &r : fakes.requestLog()) {
        ++ph.requests[endpoint(r)];
        if (trace)
            QTextStream(stderr) << r.at.toString(QStringLiteral("hh:mm:ss.zzz")) << ' ' << r.toString()
                                << '\n';
    }
    return ph;
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    pb::configureApplicationInfo(app, "playlist-bridge-bench");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sync benchmark against the in-process fakes"));
    parser.addHelpOption();
    const QCommandLineOption libraryOpt(QStringLiteral("library"), QStringLiteral("Plex library tracks"),
                                        QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption playlistOpt(QStringLiteral("playlist"), QStringLiteral("Playlist entries"),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption latencyOpt(QStringLiteral("latency-ms"),
                                        QStringLiteral("Fake latency per request"), QStringLiteral("N"),
                                        QStringLiteral("10"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print one JSON document"));
    parser.addOptions({libraryOpt, playlistOpt, latencyOpt, jsonOpt});
    parser.process(app);
    const int library = parser.value(libraryOpt).toInt();
    const int entries = parser.value(playlistOpt).toInt();
    const int latency = parser.value(latencyOpt).toInt();
    QTextStream out(stdout);

    fakes::GenerateOptions g;
    g.libraryTracks = library;
    g.playlists = 1;
    g.tracksPerPlaylist = entries;
    g.seed = 7;
    fakes::World world = fakes::generateWorld(g);
    const QHash<QString, QString> truth = groundTruth(world);
    const fakes::WorldSpotifyPlaylist spotifyList = world.spotify.playlists.front();

    fakes::FakeOptions fo;
    fo.latency = std::chrono::milliseconds(latency);
    fakes::FakeServicesThread thread(fo, world);
    if (Status s = thread.start(); !s) {
        QTextStream(stderr) << "could not start the fakes: " << s.error().toString() << '\n';
        return 1;
    }
    fakes::FakeServices &fakes = *thread.services();

    QTemporaryDir dir;
    const fakes::SpotifyTokens t = fakes.issueSpotifyTokens(QStringLiteral("bench"));
    sync::SyncAccounts a;
    a.spotify.accountsUrl = fakes.spotifyAccountsUrl();
    a.spotify.apiUrl = fakes.spotifyApiUrl();
    a.spotify.clientId = QStringLiteral("bench");
    a.spotifyTokens.accessToken = t.accessToken;
    a.spotifyTokens.refreshToken = t.refreshToken;
    a.spotifyTokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(t.expiresIn);
    a.plex.serverUrl = fakes.plexServerUrl();
    a.plex.token = fakes.plexServerToken();
    a.plex.client.clientIdentifier = QStringLiteral("bench");
    a.machineIdentifier = fakes.plexMachineIdentifier();
    sync::SyncServiceOptions so;
    so.databasePath = dir.filePath(QStringLiteral("state.sqlite"));
    sync::SyncService service(a, so);

    SourcePlaylist playlist;
    playlist.id = spotifyList.id;
    playlist.name = spotifyList.name;

    std::vector<Phase> phases;
    phases.push_back(runPhase(QStringLiteral("first sync"), service, fakes, playlist));
    phases.push_back(runPhase(QStringLiteral("unchanged re-sync"), service, fakes, playlist));
    // 10 tracks added (from the library, at random places) and 10 moved.
    std::vector<QString> ids = spotifyList.tracks;
    std::mt19937 rng(11);
    for (int k = 0; k < 10; ++k) {
        const QString add = world.spotify.tracks[rng() % static_cast<unsigned>(library)].id;
        ids.insert(ids.begin() + static_cast<long>(rng() % (ids.size() + 1)), add);
    }
    for (int k = 0; k < 10; ++k) {
        const auto from = rng() % ids.size();
        const QString moved = ids[from];
        ids.erase(ids.begin() + static_cast<long>(from));
        ids.insert(ids.begin() + static_cast<long>(rng() % (ids.size() + 1)), moved);
    }
    fakes.setSpotifyPlaylistTracks(playlist.id, ids);
    phases.push_back(runPhase(QStringLiteral("20-change re-sync"), service, fakes, playlist));

    // Precision and recall of the first sync's matches against the ground truth.
    const Phase &first = phases.front();
    int matched = 0, correct = 0, findable = 0;
    for (const sync::TrackOutcome &o : first.tracks) {
        const bool inLibrary = truth.contains(o.track.id);
        findable += inLibrary ? 1 : 0;
        if (o.status == sync::TrackStatus::Matched) {
            ++matched;
            correct += truth.value(o.track.id) == o.plexTrack.ratingKey ? 1 : 0;
        }
    }
    const double precision = matched ? 100.0 * correct / matched : 100.0;
    const double recall = findable ? 100.0 * correct / findable : 100.0;
    int searches = 0;
    for (auto it = first.requests.cbegin(); it != first.requests.cend(); ++it)
        if (it.key().endsWith(QLatin1String("/all")))
            searches += it.value();
    const double searchesPerTrack = entries ? static_cast<double>(searches) / entries : 0;

    QJsonArray jphases;
    for (const Phase &p : phases) {
        QJsonObject req;
        int total = 0;
        for (auto it = p.requests.cbegin(); it != p.requests.cend(); ++it) {
            req.insert(it.key(), it.value());
            total += it.value();
        }
        jphases.append(QJsonObject{{QStringLiteral("phase"), p.name},
                                   {QStringLiteral("wallMs"), p.wallMs},
                                   {QStringLiteral("outcome"), p.result.message},
                                   {QStringLiteral("matched"), p.result.matched},
                                   {QStringLiteral("missing"), p.result.missing},
                                   {QStringLiteral("added"), p.result.edit.added},
                                   {QStringLiteral("removed"), p.result.edit.removed},
                                   {QStringLiteral("moved"), p.result.edit.moved},
                                   {QStringLiteral("requests"), total},
                                   {QStringLiteral("requestsByEndpoint"), req}});
    }
    const QJsonObject doc{{QStringLiteral("library"), library},
                          {QStringLiteral("playlist"), entries},
                          {QStringLiteral("latencyMs"), latency},
                          {QStringLiteral("phases"), jphases},
                          {QStringLiteral("precisionPct"), precision},
                          {QStringLiteral("recallPct"), recall},
                          {QStringLiteral("searchesPerTrack"), searchesPerTrack},
                          {QStringLiteral("peakRssKb"), static_cast<qint64>(peakRssKb())}};
    if (parser.isSet(jsonOpt)) {
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QStringLiteral("library %1 tracks, playlist %2 entries, latency %3 ms\n")
               .arg(library)
               .arg(entries)
               .arg(latency);
    for (const QJsonValue &v : jphases) {
        const QJsonObject p = v.toObject();
        out << QStringLiteral("%1: %2 ms, %3 requests, matched %4, missing %5, edit +%6 -%7 ~%8\n")
                   .arg(p[QStringLiteral("phase")].toString(), -18)
                   .arg(p[QStringLiteral("wallMs")].toInteger(), 6)
                   .arg(p[QStringLiteral("requests")].toInt())
                   .arg(p[QStringLiteral("matched")].toInt())
                   .arg(p[QStringLiteral("missing")].toInt())
                   .arg(p[QStringLiteral("added")].toInt())
                   .arg(p[QStringLiteral("removed")].toInt())
                   .arg(p[QStringLiteral("moved")].toInt());
        const QJsonObject req = p[QStringLiteral("requestsByEndpoint")].toObject();
        for (auto it = req.begin(); it != req.end(); ++it)
            out << "    " << it.key() << ": " << it.value().toInt() << '\n';
    }
    out << QStringLiteral("precision %1 %, recall %2 %, searches per track %3, peak RSS %4 MB\n")
               .arg(precision, 0, 'f', 2)
               .arg(recall, 0, 'f', 2)
               .arg(searchesPerTrack, 0, 'f', 2)
               .arg(peakRssKb() / 1024.0, 0, 'f', 1);
    return 0;
}
