// playlist-bridge-fakes: the fake Spotify, plex.tv and Plex Media Server as a standalone
// process. The first stdout line is one JSON object with the four base URLs.
#include "pb/core/appinfo.h"
#include "pb/fakes/fakeservices.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace {

std::atomic_bool g_stop{false};

extern "C" void onSignal(int)
{
    g_stop.store(true);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "playlist-bridge-fakes: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    pb::configureApplicationInfo(app, "playlist-bridge-fakes");

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fake Spotify (accounts + Web API), plex.tv and Plex Media Server on 127.0.0.1, for tests, "
        "benchmarks and demos. Prints one JSON line with the base URLs, then serves until SIGINT/SIGTERM."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption fixture(QStringLiteral("fixture"),
                                     QStringLiteral("World fixture JSON (default: the demo world)."),
                                     QStringLiteral("file"));
    const QCommandLineOption port(
        QStringLiteral("port"), QStringLiteral("First of four consecutive ports (default: any free ports)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("Delay added to every answer."), QStringLiteral("ms"),
                                     QStringLiteral("0"));
    const QCommandLineOption jitter(QStringLiteral("jitter-ms"),
                                    QStringLiteral("Extra random delay up to this."), QStringLiteral("ms"),
                                    QStringLiteral("0"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    QStringLiteral("Faults JSON file (docs/fakes.md)."),
                                    QStringLiteral("file"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for tokens, jitter and faults."), QStringLiteral("n"),
                                  QStringLiteral("1"));
    const QCommandLineOption rate(
        QStringLiteral("rate-limit"),
        QStringLiteral("Spotify Web API calls per second before 429 (0 = unlimited)."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption pinPolls(QStringLiteral("pin-polls"),
                                      QStringLiteral("plex.tv PIN approved on this poll (-1 = never)."),
                                      QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption maxLine(QStringLiteral("max-request-line"),
                                     QStringLiteral("PMS answers 414 past this request-line length."),
                                     QStringLiteral("n"), QStringLiteral("8192"));
    const QCommandLineOption noDev(QStringLiteral("no-dev-mode"),
                                   QStringLiteral("Extended-quota Spotify: no Development-Mode 403s."));
    const QCommandLineOption generate(
        QStringLiteral("generate"),
        QStringLiteral("Serve a synthetic world instead: LIBRARY[,PLAYLISTS[,SIZE]] "
                       "(for example 50000,3,1000), seeded by --seed."),
        QStringLiteral("spec"));
    parser.addOptions(
        {fixture, generate, port, latency, jitter, faults, seed, rate, pinPolls, maxLine, noDev});
    parser.process(app);

    auto number = [&](const QCommandLineOption &o, int &out) {
        bool ok = false;
        out = parser.value(o).toInt(&ok);
        return ok;
    };
    int portN = 0, latencyN = 0, jitterN = 0, seedN = 1, rateN = 0, pinN = 1, maxLineN = 8192;
    if (!number(port, portN) || portN < 0 || portN > 65532 || !number(latency, latencyN) || latencyN < 0 ||
        !number(jitter, jitterN) || jitterN < 0 || !number(seed, seedN) || !number(rate, rateN) ||
        rateN < 0 || !number(pinPolls, pinN) || !number(maxLine, maxLineN) || maxLineN < 16)
        return fail(QStringLiteral("a numeric option has a bad value (see --help)"));

    pb::fakes::FakeOptions options;
    options.latency = std::chrono::milliseconds(latencyN);
    options.jitter = std::chrono::milliseconds(jitterN);
    options.seed = static_cast<quint32>(seedN);
    options.rateLimitPerWindow = rateN;
    options.pinApproveAfterPolls = pinN;
    options.maxRequestLineLength = maxLineN;
    options.devMode = !parser.isSet(noDev);

    pb::fakes::FakeServices services(options);
    if (parser.isSet(generate)) {
        const QStringList parts = parser.value(generate).split(QLatin1Char(','));
        pb::fakes::GenerateOptions g;
        bool ok = true;
        g.libraryTracks = parts.value(0).toInt(&ok);
        if (ok && parts.size() > 1)
            g.playlists = parts[1].toInt(&ok);
        if (ok && parts.size() > 2)
            g.tracksPerPlaylist = parts[2].toInt(&ok);
        if (!ok || g.libraryTracks < 1 || g.playlists < 0 || g.tracksPerPlaylist < 0 || parts.size() > 3)
            return fail(QStringLiteral("--generate wants LIBRARY[,PLAYLISTS[,SIZE]]"));
        g.seed = static_cast<quint32>(seedN);
        services.useWorld(pb::fakes::generateWorld(g));
    } else if (parser.isSet(fixture)) {
        if (auto st = services.loadWorld(parser.value(fixture)); !st)
            return fail(st.error().message);
    } else {
        services.useWorld(pb::fakes::demoWorld());
    }
    if (parser.isSet(faults)) {
        QFile f(parser.value(faults));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(f.fileName()));
        auto parsed = pb::fakes::parseFaults(f.readAll());
        if (!parsed)
            return fail(parsed.error().message);
        for (const auto &fault : parsed.value())
            services.faults().add(fault);
    }
    if (auto st = services.start(static_cast<quint16>(portN)); !st)
        return fail(st.error().message);

    QJsonObject urls{{QStringLiteral("spotifyAccounts"), services.spotifyAccountsUrl().toString()},
                     {QStringLiteral("spotifyApi"), services.spotifyApiUrl().toString()},
                     {QStringLiteral("plexTv"), services.plexTvUrl().toString()},
                     {QStringLiteral("plexServer"), services.plexServerUrl().toString()}};
    if (services.plexServerCount() > 1) { // every server of the account, the first one included
        QJsonArray servers;
        for (int i = 0; i < services.plexServerCount(); ++i)
            servers.append(services.plexServerUrl(i).toString());
        urls.insert(QStringLiteral("plexServers"), servers);
    }
    const QByteArray line = QJsonDocument(urls).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    // The handler only sets a flag; the event loop notices it here.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [] {
        if (g_stop.load())
            QCoreApplication::quit();
    });
    poll.start(100);
    return app.exec();
}
