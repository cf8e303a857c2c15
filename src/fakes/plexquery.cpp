#include "plexquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace pb::fakes::plexquery {

namespace {

bool isIgnored(const QString &key)
{
    static const QStringList ignored{
        QStringLiteral("type"),       QStringLiteral("sort"),         QStringLiteral("limit"),
        QStringLiteral("group"),      QStringLiteral("includeGuids"), QStringLiteral("includeMeta"),
        QStringLiteral("checkFiles"), QStringLiteral("asyncAugment"), QStringLiteral("push"),
        QStringLiteral("pop"),        QStringLiteral("or"),           QStringLiteral("query")};
    return ignored.contains(key) || key.startsWith(QLatin1String("X-Plex-")) ||
           key.startsWith(QLatin1String("include")) || key.startsWith(QLatin1String("exclude"));
}

// The Field a filter names in a listing of `type`, or -1. An unprefixed field is the listed
// type's own (`title` of an album listing is the album's title).
int fieldIndex(QString f, MetadataType type)
{
    const QLatin1String own(type == kArtist ? "artist." : (type == kAlbum ? "album." : "track."));
    if (!f.contains(QLatin1Char('.')))
        f.prepend(own);
    if (f == QLatin1String("artist.title"))
        return type == kArtist ? kTitle : kArtistTitle;
    if (f == QLatin1String("artist.id"))
        return kArtistId;
    if (type == kArtist)
        return -1;
    if (f == QLatin1String("album.title"))
        return type == kAlbum ? kTitle : kAlbumTitle;
    if (f == QLatin1String("album.year"))
        return kYear;
    if (f == QLatin1String("album.id"))
        return kAlbumId;
    if (type == kAlbum)
        return -1;
    if (f == QLatin1String("track.title"))
        return kTitle;
    if (f == QLatin1String("track.originalTitle"))
        return kOriginalTitle;
    if (f == QLatin1String("track.year"))
        return kYear;
    return -1;
}

bool isInteger(int field)
{
    return field == kYear || field == kArtistId || field == kAlbumId;
}

// Both sides are case-folded already: case-insensitive, accent-sensitive (the assumption
// documented in docs/fakes.md). Contains uses the filter's precomputed matcher.
bool test(int field, const QString &value, const QString &op, const QString &want,
          const QStringMatcher &matcher)
{
    if (isInteger(field)) {
        const qint64 v = value.toLongLong(), w = want.toLongLong();
        if (op == QLatin1String(">>="))
            return v > w;
        if (op == QLatin1String("<<="))
            return v < w;
        return (op == QLatin1String("=")) == (v == w);
    }
    if (op == QLatin1String("="))
        return matcher.indexIn(value) >= 0;
    if (op == QLatin1String("!="))
        return matcher.indexIn(value) < 0;
    if (op == QLatin1String("=="))
        return value == want;
    if (op == QLatin1String("!=="))
        return value != want;
    if (op == QLatin1String("<="))
        return value.startsWith(want);
    if (op == QLatin1String(">="))
        return value.endsWith(want);
    return false;
}

int compareBy(const WorldPlexTrack &a, const WorldPlexTrack &b, QString f)
{
    // A sort names its field as `titleSort`, `track.titleSort` or `artist.titleSort`.
    if (f.startsWith(QLatin1String("track.")))
        f = f.mid(6);
    f.remove(QLatin1String("Sort"));
    if (f == QLatin1String("duration"))
        return a.duration < b.duration ? -1 : (a.duration > b.duration ? 1 : 0);
    if (f == QLatin1String("index"))
        return a.index - b.index;
    if (f == QLatin1String("year") || f == QLatin1String("album.year"))
        return a.year - b.year;
    if (f == QLatin1String("artist.title") || f == QLatin1String("grandparentTitle"))
        return QString::compare(a.artist, b.artist, Qt::CaseInsensitive);
    if (f == QLatin1String("album.title") || f == QLatin1String("parentTitle"))
        return QString::compare(a.album, b.album, Qt::CaseInsensitive);
    if (f == QLatin1String("title"))
        return QString::compare(a.title, b.title, Qt::CaseInsensitive);
    if (f == QLatin1String("originalTitle"))
        return QString::compare(a.originalTitle, b.originalTitle, Qt::CaseInsensitive);
    return 0; // addedAt, ratingKey ... equal in the fake: keep library order
}

} // namespace

std::optional<Query> parse(const FakeRequest &req, MetadataType type)
{
    Query q;
    static const QRegularExpression opTail(QStringLiteral("([!<>=]+)$"));
    for (const Param &p : req.params) {
        QString key = p.key;
        QString value = p.value;
        QString op = QStringLiteral("=");
        // Operator characters belong to the key: `title%3D=x` decodes to key "title=".
        if (const auto m = opTail.match(key); m.hasMatch()) {
            op = m.captured(1) + QLatin1Char('=');
            key.chop(m.capturedLength(1));
        }
        // Sent unencoded, `title==x` arrives as key "title" and value "=x".
        if (p.rawValue.startsWith('=')) {
            op += QLatin1Char('=');
            value = value.mid(1);
        }
        if (key == QLatin1String("sort")) {
            q.sort = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
            continue;
        }
        if (key == QLatin1String("limit")) {
            bool ok = false;
            q.limit = value.toInt(&ok);
            if (!ok || q.limit < 0)
                return std::nullopt;
            continue;
        }
        if (isIgnored(key))
            continue;
        const int field = fieldIndex(key, type);
        static const QStringList stringOps{QStringLiteral("="),   QStringLiteral("!="), QStringLiteral("=="),
                                           QStringLiteral("!=="), QStringLiteral("<="), QStringLiteral(">=")};
        static const QStringList integerOps{QStringLiteral("="), QStringLiteral("!="), QStringLiteral(">>="),
                                            QStringLiteral("<<=")};
        if (field < 0 || !(isInteger(field) ? integerOps : stringOps).contains(op))
            return std::nullopt;
        Filter f{field, op, value.toCaseFolded().split(QLatin1Char(',')), {}};
        for (const QString &v : f.values)
            f.matchers.emplace_back(v, Qt::CaseSensitive);
        q.filters.push_back(std::move(f));
    }
    return q;
}

bool matches(const QString (&values)[kFieldCount], const Query &q)
{
    for (const Filter &f : q.filters) {
        const QString &v = values[f.field];
        const bool negative = f.op.startsWith(QLatin1Char('!'));
        bool any = negative;
        for (qsizetype k = 0; k < f.values.size(); ++k) {
            const bool hit = test(f.field, v, f.op, f.values[k], f.matchers[static_cast<size_t>(k)]);
            any = negative ? (any && hit) : (any || hit);
        }
        if (!any)
            return false;
    }
    return true;
}

std::vector<const WorldPlexTrack *> run(const FakeState &state, const QString &section, const Query &q)
{
    std::vector<const WorldPlexTrack *> out;
    const auto &tracks = state.world.plex.tracks;
    // An exact title filter narrows the candidates through the title index; otherwise scan.
    std::vector<int> candidates;
    bool indexed = false;
    for (const Filter &f : q.filters) {
        if (f.field == 0 && f.op == QLatin1String("==") && !indexed) {
            indexed = true;
            for (const QString &v : f.values) {
                const auto it = state.plexTitleIndex.constFind(v);
                if (it != state.plexTitleIndex.constEnd())
                    candidates.insert(candidates.end(), it->begin(), it->end());
            }
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        }
    }
    // Otherwise a contains filter on title, artist or album finds its candidates in one
    // pass over the joined values.
    for (const Filter &f : q.filters) {
        if (indexed || f.op != QLatin1String("=") || f.field > 2)
            continue;
        indexed = true;
        const QString &blob = state.foldedBlob[f.field];
        const std::vector<int> &starts = state.blobStart[f.field];
        for (const QStringMatcher &m : f.matchers) {
            qsizetype pos = 0;
            while (pos < blob.size() && (pos = m.indexIn(blob, pos)) >= 0) {
                const auto it = std::upper_bound(starts.begin(), starts.end(), static_cast<int>(pos)) - 1;
                const size_t track = static_cast<size_t>(it - starts.begin());
                candidates.push_back(static_cast<int>(track));
                pos = track + 1 < starts.size() ? starts[track + 1] : blob.size();
            }
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    auto consider = [&](size_t i) {
        const FakeState::PlexSearchEntry &e = state.plexSearch[i];
        if ((section.isEmpty() || e.section == section) && matches(e.folded, q))
            out.push_back(&tracks[i]);
    };
    if (indexed) {
        for (int i : candidates)
            consider(static_cast<size_t>(i));
    } else {
        for (size_t i = 0; i < tracks.size(); ++i)
            consider(i);
    }
    if (!q.sort.isEmpty()) {
        std::stable_sort(out.begin(), out.end(), [&](const WorldPlexTrack *a, const WorldPlexTrack *b) {
            for (const QString &s : q.sort) {
                const bool desc = s.endsWith(QLatin1String(":desc"));
                const int c = compareBy(*a, *b, s.section(QLatin1Char(':'), 0, 0));
                if (c != 0)
                    return desc ? c > 0 : c < 0;
            }
            return false;
        });
    }
    if (q.limit >= 0 && static_cast<int>(out.size()) > q.limit)
        out.resize(static_cast<size_t>(q.limit));
    return out;
}

} // namespace pb::fakes::plexquery
