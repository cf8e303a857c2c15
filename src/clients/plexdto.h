#pragma once

#include "jsonutil.h"
#include "pb/clients/plextypes.h"
#include "pb/core/types.h"

#include <vector>

/// Plex Media Server and plex.tv wire shapes, read with from_json at the boundary.
namespace pb::clients::detail::plex {

struct TrackDto {
    pb::PlexTrack value;
};
void from_json(const json &j, TrackDto &dto);

struct PlaylistItemDto {
    pb::PlexPlaylistItem value;
};
void from_json(const json &j, PlaylistItemDto &dto);

struct PlaylistDto {
    pb::PlexPlaylist value;
};
void from_json(const json &j, PlaylistDto &dto);

struct SectionDto {
    pb::PlexSection value;
};
void from_json(const json &j, SectionDto &dto);

/// {"MediaContainer": {"size","totalSize","offset", <listKey>: [...]}}
template <typename Item>
struct ContainerDto {
    std::vector<Item> items;
    qint64 size = 0;
    qint64 totalSize = -1; ///< -1 when the server did not say
    qint64 offset = -1;    ///< -1 when the server did not say
};

/// Reads MediaContainer.<listKey> (Metadata, Directory, Hub ...).
template <typename Item>
ContainerDto<Item> readContainer(const json &root, const char *listKey)
{
    const json &mc = object(root, "MediaContainer");
    ContainerDto<Item> dto;
    for (const json &item : optArray(mc, listKey))
        dto.items.push_back(item.get<Item>());
    dto.size = optInt(mc, "size", static_cast<qint64>(dto.items.size()));
    dto.totalSize = optInt(mc, "totalSize", -1);
    dto.offset = optInt(mc, "offset", -1);
    return dto;
}

/// The tracks of a MediaContainer's Metadata (listings, /library/metadata/{keys}).
std::vector<pb::PlexTrack> tracksOf(const json &root);
/// The tracks of a /hubs/search answer: the Metadata of every hub of type `track`.
std::vector<pb::PlexTrack> hubTracksOf(const json &root);
/// The first playlist of a MediaContainer; ShapeError when it holds none.
pb::PlexPlaylist playlistOf(const json &root);

/// GET /identity
struct IdentityDto {
    QString machineIdentifier;
    QString version;
};
void from_json(const json &j, IdentityDto &dto);

/// plex.tv PIN
struct PinDto {
    PlexPin value;
};
void from_json(const json &j, PinDto &dto);

/// plex.tv resource (device) with its connections
struct ResourceDto {
    PlexResource value;
};
void from_json(const json &j, ResourceDto &dto);

struct AccountDto {
    PlexAccount value;
};
void from_json(const json &j, AccountDto &dto);

/// PMS errors are HTML pages: the heading becomes the message. 401 → AuthRequired,
/// 403 → Forbidden, 404 → NotFound, others → HttpStatus.
pb::Error pmsErrorFor(const HttpResponse &response);
/// plex.tv errors are JSON {"errors":[{code,message,status}]}.
pb::Error plexTvErrorFor(const HttpResponse &response);

} // namespace pb::clients::detail::plex
