// GUI heartbeat benchmark: during a 1,000-track demo sync, with the main window and the
// details modal open (the table filling in live), a 5 ms timer on the GUI thread records the
// gaps between its ticks. The longest gap is how long the GUI thread stalled. Prints numbers;
// never asserts (speed is measured, not tested).
//
//   playlist-bridge-gui-bench [--tracks N] [--library N] [--latency-ms N] [--json]
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/tracktablemodel.h"
#include "pb/sync/syncregistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true); // never the user's settings or cache
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PlaylistBridgeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("playlist-bridge-gui-bench"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tracks"), QStringLiteral("Playlist length."), QStringLiteral("n"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("library"), QStringLiteral("Plex library size."), QStringLiteral("n"),
                      QStringLiteral("20000")});
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("Fake latency."), QStringLiteral("ms"),
                      QStringLiteral("10")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON line.")});
    parser.process(app);
    const int tracks = parser.value(QStringLiteral("tracks")).toInt();

    pb::fakes::GenerateOptions go;
    go.libraryTracks = parser.value(QStringLiteral("library")).toInt();
    go.playlists = 1;
    go.tracksPerPlaylist = tracks;
    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(parser.value(QStringLiteral("latency-ms")).toInt());
    options.world = pb::fakes::generateWorld(go);
    options.searchesInFlight = 8;
    const pb::PlaylistKey playlistId = pb::PlaylistKey::spotify(options.world->spotify.playlists.front().id);
    pb::app::DemoEnvironment demo(options);
    if (const pb::Status s = demo.start(); !s.ok()) {
        std::fprintf(stderr, "fakes did not start: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    pb::app::ServiceBackend backend(demo.connection());
    pb::gui::MainWindow window(&backend);
    window.resize(1000, 700);
    window.show();

    // Wait for the list, open the modal, wait for its table.
    QElapsedTimer wait;
    wait.start();
    while (!window.item(playlistId) && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    pb::gui::PlaylistDetailsModal *modal = window.openDetails(playlistId);
    if (!modal) {
        std::fprintf(stderr, "the playlist did not load\n");
        return 1;
    }
    while (modal->trackModel()->rowCount() < tracks && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    std::vector<qint64> gapsUs;
    gapsUs.reserve(100000);
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        gapsUs.push_back(beat.nsecsElapsed() / 1000);
        beat.restart();
    });

    pb::sync::SyncResult result;
    QObject::connect(backend.registry(), &pb::sync::SyncRegistry::syncFinished, &app,
                     [&](const pb::PlaylistKey &, const pb::sync::SyncResult &r) {
                         result = r;
                         heartbeat.stop();
                         QCoreApplication::quit();
                     });
    QElapsedTimer wall;
    QTimer::singleShot(0, &app, [&] {
        wall.start();
        beat.start();
        heartbeat.start();
        modal->syncButton()->click();
    });
    QApplication::exec();
    const qint64 wallMs = wall.elapsed();

    std::vector<qint64> sorted = gapsUs;
    std::sort(sorted.begin(), sorted.end());
    const auto pct = [&](double p) {
        return sorted.empty()
                   ? 0.0
                   : sorted[static_cast<size_t>(p * static_cast<double>(sorted.size() - 1))] / 1000.0;
    };
    const double maxMs = sorted.empty() ? 0.0 : sorted.back() / 1000.0;
    if (parser.isSet(QStringLiteral("json"))) {
        std::printf(
            "{\"tracks\":%d,\"library\":%d,\"latencyMs\":%lld,\"wallMs\":%lld,\"matched\":%d,\"missing\":%d,"
            "\"heartbeats\":%zu,\"maxGapMs\":%.1f,\"p99GapMs\":%.1f,\"p50GapMs\":%.1f}\n",
            tracks, go.libraryTracks, static_cast<long long>(options.latency.count()),
            static_cast<long long>(wallMs), result.matched, result.missing, gapsUs.size(), maxMs, pct(0.99),
            pct(0.5));
    } else {
        std::printf("GUI heartbeat during a %d-track demo sync (library %d, latency %lld ms, modal open)\n",
                    tracks, go.libraryTracks, static_cast<long long>(options.latency.count()));
        std::printf("  sync: %s in %lld ms, %d matched, %d missing\n",
                    result.outcome == pb::sync::SyncOutcome::Succeeded ? "succeeded" : "did not succeed",
                    static_cast<long long>(wallMs), result.matched, result.missing);
        std::printf("  heartbeats (5 ms timer): %zu\n", gapsUs.size());
        std::printf("  longest gap between heartbeats: %.1f ms  (p99 %.1f ms, median %.1f ms)\n", maxMs,
                    pct(0.99), pct(0.5));
    }
    return 0;
}
