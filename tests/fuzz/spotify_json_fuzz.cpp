// Fuzz target: the Spotify DTO parsers. The input is an answer body: it goes through the
// clients' boundary (parseJsonBody, then from_json of every shape the Spotify client reads:
// user, playlist, playlist and Liked Songs pages, token answer, track) and through the error
// mapping of every status the client handles. Each ends in a value or a typed Parse error.
#include "fuzzcheck.h"
#include "jsonutil.h"
#include "spotifydto.h"

using namespace pb::clients::detail;
namespace sp = pb::clients::detail::spotify;

namespace {

template <typename Dto>
void read(const json &j)
{
    auto r = parseDto<Dto>(j, QStringLiteral("Spotify answer"));
    if (!r)
        pb::fuzz::requireTypedError(r.error(), pb::ErrorKind::Parse);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    HttpResponse response;
    response.status = 200;
    response.body = pb::fuzz::bytesOf(data, size);
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (auto j = parseJsonBody(response, QStringLiteral("Spotify")); !j) {
        pb::fuzz::requireTypedError(j.error(), pb::ErrorKind::Parse);
    } else {
        read<sp::UserDto>(*j);
        read<sp::PlaylistDto>(*j);
        read<sp::PageDto<sp::PlaylistDto>>(*j);
        read<sp::PageDto<sp::EntryDto>>(*j);
        read<sp::TokenDto>(*j);
        auto track = readDto<pb::SourceTrack>(*j, QStringLiteral("Spotify track"), &sp::trackFrom);
        if (!track)
            pb::fuzz::requireTypedError(track.error(), pb::ErrorKind::Parse);
    }
    for (int status : {400, 401, 403, 404, 429, 500, 503}) {
        response.status = status;
        const pb::Error e = sp::errorFor(response);
        pb::fuzz::require(e.kind != pb::ErrorKind::Internal, "an error answer maps to a service error");
    }
    response.headers = {qMakePair(QByteArray("Content-Type"), QByteArray("text/html"))};
    response.status = 502;
    pb::fuzz::require(sp::errorFor(response).kind != pb::ErrorKind::Internal,
                      "an HTML page maps to an error");
    return 0;
}
