#pragma once

#include "pb/fakes/world.h"

namespace pb::fakes {

/// Appends `count` synthetic Plex library tracks with no Spotify counterpart (library bulk).
void appendFillerTracks(World &world, int count, quint32 seed);

} // namespace pb::fakes
