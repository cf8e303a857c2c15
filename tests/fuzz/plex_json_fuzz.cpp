// Fuzz target: the Plex DTO parsers (the Plex server and plex.tv answer JSON; the clients never
// parse XML, they ask for JSON). The input is an answer body: it goes through parseJsonBody and
// every reader the Plex clients use (track listings and metadata, hub search, playlists and
// their items, sections, identity, PIN, resources, account), and through the error mapping of
// both services, HTML pages included. Each ends in a value or a typed Parse error.
#include "fuzzcheck.h"
#include "jsonutil.h"
#include "plexdto.h"

using namespace pb::clients::detail;
namespace px = pb::clients::detail::plex;

namespace {

template <typename T, typename Reader>
void read(const json &j, Reader &&reader)
{
    auto r = readDto<T>(j, QStringLiteral("Plex answer"), std::forward<Reader>(reader));
    if (!r)
        pb::fuzz::requireTypedError(r.error(), pb::ErrorKind::Parse);
}

template <typename Dto>
void readItems(const json &j, const char *listKey)
{
    read<px::ContainerDto<Dto>>(j, [listKey](const json &v) { return px::readContainer<Dto>(v, listKey); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    HttpResponse response;
    response.status = 200;
    response.body = pb::fuzz::bytesOf(data, size);
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (auto j = parseJsonBody(response, QStringLiteral("Plex server")); !j) {
        pb::fuzz::requireTypedError(j.error(), pb::ErrorKind::Parse);
    } else {
        read<std::vector<pb::PlexTrack>>(*j, &px::tracksOf);
        read<std::vector<pb::PlexTrack>>(*j, &px::hubTracksOf);
        read<pb::PlexPlaylist>(*j, &px::playlistOf);
        readItems<px::TrackDto>(*j, "Metadata");
        readItems<px::PlaylistDto>(*j, "Metadata");
        readItems<px::PlaylistItemDto>(*j, "Metadata");
        readItems<px::SectionDto>(*j, "Directory");
        read<px::IdentityDto>(*j, [](const json &v) { return v.get<px::IdentityDto>(); });
        read<px::PinDto>(*j, [](const json &v) { return v.get<px::PinDto>(); });
        read<px::AccountDto>(*j, [](const json &v) { return v.get<px::AccountDto>(); });
        read<std::vector<px::ResourceDto>>(*j, [](const json &v) {
            std::vector<px::ResourceDto> out;
            for (const json &item : v.is_array() ? v : json::array())
                out.push_back(item.get<px::ResourceDto>());
            return out;
        });
    }
    for (const char *type : {"application/json", "text/html"}) {
        response.headers = {qMakePair(QByteArray("Content-Type"), QByteArray(type))};
        for (int status : {400, 401, 403, 404, 414, 429, 500}) {
            response.status = status;
            pb::fuzz::require(px::pmsErrorFor(response).kind != pb::ErrorKind::Internal, "PMS error mapped");
            pb::fuzz::require(px::plexTvErrorFor(response).kind != pb::ErrorKind::Internal,
                              "plex.tv error mapped");
        }
    }
    const QString summary = htmlSummary(response.body);
    pb::fuzz::require(summary.size() <= 201, "an HTML summary is at most 200 characters and an ellipsis");
    pb::fuzz::require(QStringView(summary).isValidUtf16(), "an HTML summary never cuts a character in half");
    return 0;
}
