// Fuzz target: the world fixture parser (parseWorld). A fixture parses to a world or to a typed
// error naming the field; a parsed world is then installed (every index and the artist and
// album catalogue are built) and served: sections, listings, search, metadata, playlists on
// the Plex server, playlists and items on Spotify, resources on plex.tv.
#include "fakesserve.h"
#include "pb/fakes/world.h"

using namespace pb::fakes;
using pb::fuzz::get;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto world = parseWorld(pb::fuzz::bytesOf(data, size));
    if (!world) {
        pb::fuzz::requireTypedError(world.error(), pb::ErrorKind::InvalidInput, pb::ErrorKind::Parse);
        return 0;
    }
    FakeState state;
    state.reset(std::move(world).value());
    const WorldPlex &plex = state.world.plex;
    // Fixture values (keys, ids) go into the decoded path only, where any character is allowed.
    const auto at = [&](Service service, const QString &path) {
        pb::fuzz::serve(state, service, QStringLiteral("GET"), path, {});
    };
    for (const char *target :
         {"/", "/library", "/library/sections", "/library/all?type=8", "/library/all?type=9&includeMeta=1",
          "/library/all?type=10&title=a&sort=titleSort:desc", "/hubs/search?query=a&limit=5", "/playlists"})
        get(state, Service::PlexServer, QString::fromLatin1(target));
    for (size_t i = 0; i < plex.sections.size() && i < 3; ++i) {
        at(Service::PlexServer, QStringLiteral("/library/sections/%1").arg(plex.sections[i].key));
        at(Service::PlexServer, QStringLiteral("/library/sections/%1/all").arg(plex.sections[i].key));
    }
    if (!plex.tracks.empty())
        at(Service::PlexServer, QStringLiteral("/library/metadata/") + plex.tracks.front().ratingKey);
    if (!plex.playlists.empty())
        at(Service::PlexServer, QStringLiteral("/playlists/%1/items").arg(plex.playlists.front().ratingKey));
    if (!state.plexArtists.empty()) {
        const QString artist = state.plexArtists.front().ratingKey;
        at(Service::PlexServer, QStringLiteral("/library/metadata/%1/allLeaves").arg(artist));
        at(Service::PlexServer, QStringLiteral("/library/metadata/%1/children").arg(artist));
    }
    get(state, Service::SpotifyApi, QStringLiteral("/v1/me/playlists?limit=50"));
    get(state, Service::SpotifyApi, QStringLiteral("/v1/me/tracks"));
    if (!state.world.spotify.playlists.empty()) {
        const QString id = state.world.spotify.playlists.front().id;
        at(Service::SpotifyApi, QStringLiteral("/v1/playlists/") + id);
        at(Service::SpotifyApi, QStringLiteral("/v1/playlists/%1/items").arg(id));
    }
    get(state, Service::PlexTv, QStringLiteral("/api/v2/resources"));
    return 0;
}
