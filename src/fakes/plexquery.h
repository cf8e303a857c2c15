#pragma once

// The media-query subset the fake PMS understands for type=10 listings:
// `field=` contains, `field!=` does not contain, `field==` equals, `field!==` not equal,
// `field<=` begins with, `field>=` ends with; ',' in a value means OR; `sort=`; `limit=`.
#include "fakestate.h"

namespace pb::fakes::plexquery {

struct Filter {
    QString field; ///< title, artist.title, album.title, originalTitle, year
    QString op;    ///< "=", "!=", "==", "!==", "<=", ">="
    QStringList values;
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
/// Hub search: folded (case and accents), every query word a prefix of a word of the name.
bool hubMatches(const QString &name, const QStringList &foldedWords);

} // namespace pb::fakes::plexquery
