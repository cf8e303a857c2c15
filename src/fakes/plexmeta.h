#pragma once

// includeMeta=1: the filter fields, sorts and operators of each type a section lists, which
// clients read before they build a media query (python-plexapi validates every filter and
// sort against them). Only what the fake can filter and sort on (plexquery.h) is offered.
#include "fakehttp.h"
#include "pb/fakes/world.h"

namespace pb::fakes::plexmeta {

/// {"Type": [artist, album, track ...], "FieldType": [...]} of a section; `activeType` is the
/// metadata type being listed.
Json sectionMeta(const WorldPlexSection &s, int activeType);
/// The same for a section's collections.
Json collectionsMeta(const WorldPlexSection &s);

} // namespace pb::fakes::plexmeta
