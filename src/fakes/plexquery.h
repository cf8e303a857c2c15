#pragma once

// The media-query subset the fake PMS understands for type=10 listings:
// `field=` contains, `field!=` does not contain, `field==` equals, `field!==` not equal,
// `field<=` begins with, `field>=` ends with; ',' in a value means OR; `sort=`; `limit=`.
#include "fakestate.h"

#include <QStringMatcher>

namespace pb::fakes::plexquery {

struct Filter {
    int field =
        0;      ///< index into FakeState::PlexSearchEntry::folded: title, artist, album, originalTitle, year
    QString op; ///< "=", "!=", "==", "!==", "<=", ">="
    QStringList values;                   ///< case-folded
    std::vector<QStringMatcher> matchers; ///< one per value, for the contains operators
};

struct Query {
    std::vector<Filter> filters;
    QStringList sort;
    int limit = -1;
};

/// Parses the request's filter, sort and limit parameters; nullopt = 400 (bad filter).
std::optional<Query> parse(const FakeRequest &req);
/// Tracks of a section that pass the filters, sorted.
std::vector<const WorldPlexTrack *> run(const FakeState &state, const QString &section, const Query &q);
} // namespace pb::fakes::plexquery
