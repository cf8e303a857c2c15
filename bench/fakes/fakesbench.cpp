// playlist-bridge-fakes-bench: latency of the fake Plex Media Server for the requests a sync
// makes, on a generated library, through QNetworkAccessManager (fakes on their own thread).
// Prints numbers; never a test.
//   build/rel/bench/fakes/playlist-bridge-fakes-bench --library 50000 --requests 300
#include "pb/fakes/fakeservicesthread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

struct Answer {
    int status = 0;
    QByteArray body;
};

Answer get(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &token)
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("X-Plex-Token", token);
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return a;
}

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Latency of the fake PMS on a generated library."));
    parser.addHelpOption();
    const QCommandLineOption library(QStringLiteral("library"), QStringLiteral("Library tracks."),
                                     QStringLiteral("n"), QStringLiteral("50000"));
    const QCommandLineOption requests(QStringLiteral("requests"), QStringLiteral("Requests per case."),
                                      QStringLiteral("n"), QStringLiteral("300"));
    parser.addOptions({library, requests});
    parser.process(app);
    const int libraryN = std::max(100, parser.value(library).toInt());
    const int requestsN = std::max(1, parser.value(requests).toInt());

    QElapsedTimer clock;
    clock.start();
    pb::fakes::GenerateOptions g;
    g.libraryTracks = libraryN;
    g.playlists = 1;
    g.tracksPerPlaylist = 1000;
    pb::fakes::FakeServicesThread fakes(pb::fakes::FakeOptions{}, pb::fakes::generateWorld(g));
    if (auto st = fakes.start(); !st) {
        std::fprintf(stderr, "%s\n", st.error().message.toUtf8().constData());
        return 1;
    }
    std::printf("world of %d library tracks generated, indexed and served in %.2f s\n", libraryN,
                static_cast<double>(clock.elapsed()) / 1000.0);

    QNetworkAccessManager nam;
    const QUrl base = fakes.services()->plexServerUrl();
    const QByteArray token = fakes.services()->plexServerToken().toUtf8();
    auto url = [&](const QString &pathAndQuery) -> QUrl { return QUrl(base.toString() + pathAndQuery); };
    const Answer first =
        get(nam, url(QStringLiteral("/library/sections/1/all?type=10&X-Plex-Container-Size=200")), token);
    const auto page = nlohmann::json::parse(first.body.constBegin(), first.body.constEnd(), nullptr, false);
    QStringList titles;
    for (const auto &m : page["MediaContainer"]["Metadata"])
        titles.append(QString::fromStdString(m["title"].get<std::string>()));
    if (titles.isEmpty())
        return 1;
    auto title = [&](int i) -> QString { return titles[i % titles.size()]; };

    const std::vector<std::pair<const char *, std::function<QString(int)>>> cases{
        {"title== (exact)",
         [&](int i) -> QString {
             return QStringLiteral("/library/sections/1/all?type=10&title%3D=") + enc(title(i));
         }},
        {"title= + artist.title= (50-item page)",
         [&](int i) -> QString {
             return QStringLiteral("/library/sections/1/all?type=10&X-Plex-Container-Size=50&title=") +
                    enc(title(i).section(QStringLiteral(" No."), 0, 0)) + QStringLiteral("&artist.title=The");
         }},
        {"hubs/search limit=10",
         [&](int i) -> QString {
             return QStringLiteral("/hubs/search?sectionId=1&limit=10&query=") + enc(title(i));
         }},
        {"library/metadata (10 keys)",
         [&](int i) -> QString {
             QStringList keys;
             for (int k = 0; k < 10; ++k)
                 keys.append(QString::number(10000 + (i * 10 + k) % libraryN));
             return QStringLiteral("/library/metadata/") + keys.join(QLatin1Char(','));
         }},
    };
    for (const auto &[name, make] : cases) {
        std::vector<double> ms;
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < requestsN; ++i) {
            QElapsedTimer t;
            t.start();
            const Answer a = get(nam, url(make(i)), token);
            ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
            if (a.status != 200) {
                std::fprintf(stderr, "%s: HTTP %d\n", name, a.status);
                return 1;
            }
        }
        std::sort(ms.begin(), ms.end());
        const double seconds = static_cast<double>(total.nsecsElapsed()) / 1e9;
        std::printf("%-40s median %7.2f ms  p95 %7.2f ms  %7.1f req/s\n", name, ms[ms.size() / 2],
                    ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], requestsN / seconds);
    }
    fakes.stop();
    return 0;
}
