#pragma once

// Builders for Spotify Web API objects, shaped like the March 2026 recordings in
// tests/data/fakes/spotify (both `item` and the deprecated `track`, `images: null` ...).
#include "fakestate.h"

namespace pb::fakes::spotifyjson {

/// A stable 22-character base62 id derived from a kind and a name ("artist", "Queen").
QString derivedId(const QString &kind, const QString &name);
Json userRef(const FakeState &state, const QString &userId, const QString &displayName, bool withName);
Json trackObject(const FakeState &state, const WorldSpotifyTrack &t);
/// The item of a playlist entry: track, episode or local-file object.
Json itemObject(const FakeState &state, const WorldSpotifyTrack &t);
/// One playlist-track entry; `t` null -> `item`/`track` null.
Json playlistEntry(const FakeState &state, const WorldSpotifyTrack *t, const QString &addedBy, int position);
Json simplifiedPlaylist(const FakeState &state, const FakeState::SpotifyPlaylistState &p);
/// A paging object; `path` is the API path ("/v1/me/tracks"), `extra` more query items.
Json paging(const FakeState &state, const QString &path, int offset, int limit, int total, Json items,
            const QString &extra = {});
Json currentUser(const FakeState &state);

} // namespace pb::fakes::spotifyjson
