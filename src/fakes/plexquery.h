#pragma once

// The media-query subset the fake PMS understands for type=8, 9 and 10 listings. String
// fields: `field=` contains, `field!=` does not contain, `field==` equals, `field!==` not
// equal, `field<=` begins with, `field>=` ends with. Integer fields (years, rating keys):
// `=` is, `!=` is not, `>>=` greater than, `<<=` less than. ',' in a value means OR;
// `sort=`; `limit=`.
#include "fakestate.h"

#include <QStringMatcher>

namespace pb::fakes::plexquery {

/// The metadata types a section lists.
enum MetadataType {
    kArtist = 8,
    kAlbum = 9,
    kTrack = 10
};

/// Indexes into FakeState::PlexSearchEntry::folded (and into the values of an artist or album).
enum Field {
    kTitle,
    kArtistTitle,
    kAlbumTitle,
    kOriginalTitle,
    kYear,
    kArtistId,
    kAlbumId,
    kFieldCount
};

struct Filter {
    int field = kTitle;                   ///< a Field
    QString op;                           ///< "=", "!=", "==", "!==", "<=", ">=", ">>=", "<<="
    QStringList values;                   ///< case-folded
    std::vector<QStringMatcher> matchers; ///< one per value, for the contains operators
};

struct Query {
    std::vector<Filter> filters;
    QStringList sort;
    int limit = -1;
};

/// Parses the request's filter, sort and limit parameters for a listing of `type`; nullopt =
/// 400 (a field that type does not have, or a bad operator or limit).
std::optional<Query> parse(const FakeRequest &req, MetadataType type = kTrack);
/// True when an item whose field values (case-folded, by Field) are `values` passes every filter.
bool matches(const QString (&values)[kFieldCount], const Query &q);
/// Tracks of a section (empty: of every section) that pass the filters, sorted.
std::vector<const WorldPlexTrack *> run(const FakeState &state, const QString &section, const Query &q);
} // namespace pb::fakes::plexquery
