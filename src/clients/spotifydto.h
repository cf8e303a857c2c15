#pragma once

#include "jsonutil.h"
#include "pb/clients/spotifytokens.h"
#include "pb/core/types.h"

#include <vector>

/// Spotify wire shapes, read with from_json at the boundary and turned into domain types.
namespace pb::clients::detail::spotify {

struct UserDto {
    pb::SpotifyUser value;
};
void from_json(const json &j, UserDto &dto);

struct PlaylistDto {
    pb::SourcePlaylist value;
};
void from_json(const json &j, PlaylistDto &dto);

/// A playlist item (`item`, falling back to `track`) or a Liked Songs entry (`track`).
/// Null items, local files and episodes become entries with a skipReason.
struct EntryDto {
    pb::PlaylistEntry value;
};
void from_json(const json &j, EntryDto &dto);

/// A paging object: {items, next, total, offset, limit}.
template <typename Item>
struct PageDto {
    std::vector<Item> items;
    QString next;
    qint64 total = 0;
    qint64 offset = 0;
};

template <typename Item>
void from_json(const json &j, PageDto<Item> &dto)
{
    for (const json &item : optArray(j, "items"))
        dto.items.push_back(item.get<Item>());
    dto.next = optStr(j, "next");
    dto.total = optInt(j, "total", 0);
    dto.offset = optInt(j, "offset", 0);
}

/// The /api/token answer.
struct TokenDto {
    SpotifyTokens value;
    qint64 expiresIn = 0;
};
void from_json(const json &j, TokenDto &dto);

/// A track object (also used for episodes and local files).
pb::SourceTrack trackFrom(const json &j);

/// Maps a non-2xx Spotify answer ({"error":{status,message,reason}} on the Web API,
/// {"error","error_description"} on the accounts service, or anything else) to a typed error.
pb::Error errorFor(const HttpResponse &response);

} // namespace pb::clients::detail::spotify
