#pragma once

// PMS response building: track and playlist metadata, MediaContainer replies in JSON
// (Accept: application/json, content type exactly application/json) or XML otherwise.
#include "fakestate.h"

namespace pb::fakes::plexjson {

Json trackMetadata(const FakeState &state, const WorldPlexTrack &t, bool includeGuids);
Json playlistMetadata(const FakeState &state, const FakePlexPlaylist &p);
Json artistMetadata(const FakeState &state, const FakeState::PlexArtist &a);
Json albumMetadata(const FakeState &state, const FakeState::PlexAlbum &a);
/// A MediaContainer reply; `container` holds the container's attributes and children.
FakeReply container(const FakeRequest &req, Json container, int status = 200);
/// Converts {"MediaContainer":{...}} to Plex-style XML.
QByteArray toXml(const Json &root);
/// Reads X-Plex-Container-Start/Size from header or query; false on a malformed value.
bool readPaging(const FakeRequest &req, int &start, int &size);
/// The end (exclusive) of the page [start, start + size) of `total` items; size -1 = all. Never
/// overflows, whatever the client asked for.
int pageEnd(int start, int size, int total);
/// Adds the paging headers to a container reply.
void addPagingHeaders(FakeReply &reply, int start, int totalSize);
/// A numeric-looking key derived from a name (album and artist rating keys).
QString derivedKey(const QString &kind, const QString &name);

} // namespace pb::fakes::plexjson
