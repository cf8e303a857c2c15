// Fuzz target: the fakes' request handling (query and form parsing, media queries, paging,
// playlist writes, token and PIN flows) for requests no client of ours would send. The input
// is one request as text:
//
//     <service 0-3> <METHOD> <path?query>
//     <name>: <value>          (optional headers; they replace the default credentials)
//
//     <body>
//
// served by the handler of that service (0 Spotify accounts, 1 Spotify Web API, 2 plex.tv,
// 3 Plex Media Server) over a small generated world, fresh for every input.
#include "fakesserve.h"
#include "pb/fakes/world.h"

using namespace pb::fakes;

namespace {

const World &world()
{
    static const World w = [] {
        GenerateOptions o;
        o.libraryTracks = 24; // small: the world is installed afresh for every input
        o.playlists = 2;
        o.tracksPerPlaylist = 8;
        World g = generateWorld(o);
        g.plex.playlists.push_back(
            WorldPlexPlaylist{QStringLiteral("9001"),
                              QStringLiteral("Mix"),
                              {},
                              {g.plex.tracks[0].ratingKey, g.plex.tracks[1].ratingKey}});
        return g;
    }();
    return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = pb::fuzz::bytesOf(data, size);
    const qsizetype lineEnd = input.indexOf('\n');
    const QList<QByteArray> first = input.left(lineEnd < 0 ? input.size() : lineEnd).split(' ');
    if (first.size() < 3 || first[0].size() != 1 || first[0][0] < '0' || first[0][0] > '3')
        return 0;
    const Service services[] = {Service::SpotifyAccounts, Service::SpotifyApi, Service::PlexTv,
                                Service::PlexServer};
    const Service service = services[first[0][0] - '0'];
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    qsizetype pos = lineEnd < 0 ? input.size() : lineEnd + 1;
    while (pos < input.size()) {
        qsizetype end = input.indexOf('\n', pos);
        if (end < 0)
            end = input.size();
        const QByteArray line = input.mid(pos, end - pos);
        pos = end + 1;
        if (line.isEmpty()) {
            body = input.mid(pos);
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    FakeState state;
    state.reset(world());
    // Decoded the way Qt HttpServer hands the path over: percent-decoded, query kept encoded.
    const QByteArray target = first[2];
    const qsizetype q = target.indexOf('?');
    const QString path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    pb::fuzz::serve(state, service, QString::fromUtf8(first[1]), path,
                    q < 0 ? QByteArray() : target.mid(q + 1), body, headers);
    return 0;
}
