// Baselines for the accuracy harness: faithful re-implementations of two competitors' documented
// matchers (landscape.md §3.1a and §3.2), so the corpus can show the difference in numbers.
#include "pb/matching/baseline.h"

#include "similarity.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace pb::matching::baseline {
namespace {

using similarity::diceBigram;
using similarity::sequenceMatcherRatio;

// Python's unidecode, approximated: accents stripped, common ligatures spelled out, and every
// other non-ASCII character replaced by a token unique to it. unidecode transliterates such
// characters (kanji to pinyin); the token keeps the property the matcher relies on (equal input
// gives equal output, different characters differ) without unidecode's tables.
QString unidecodeLike(const QString &s)
{
    const QString d = s.normalized(QString::NormalizationForm_KD);
    QString out;
    for (qsizetype i = 0; i < d.size(); ++i) {
        char32_t cp = d.at(i).unicode();
        if (d.at(i).isHighSurrogate() && i + 1 < d.size() && d.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(d.at(i), d.at(i + 1));
            ++i;
        }
        const auto cat = QChar::category(cp);
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
            cat == QChar::Mark_Enclosing)
            continue;
        if (cp < 0x80) {
            out.append(QChar(static_cast<char16_t>(cp)));
            continue;
        }
        switch (cp) {
        case 0x00DF: out.append(QLatin1String("ss")); continue;
        case 0x00E6: out.append(QLatin1String("ae")); continue;
        case 0x00C6: out.append(QLatin1String("AE")); continue;
        case 0x0153: out.append(QLatin1String("oe")); continue;
        case 0x00F8: out.append(QLatin1String("o")); continue;
        case 0x00D8: out.append(QLatin1String("O")); continue;
        case 0x2018:
        case 0x2019: out.append(QLatin1Char('\'')); continue;
        case 0x201C:
        case 0x201D: out.append(QLatin1Char('"')); continue;
        case 0x2013:
        case 0x2014:
        case 0x2010:
        case 0x2011: out.append(QLatin1Char('-')); continue;
        default: break;
        }
        if (QChar::isLetterOrNumber(cp))
            out.append(QStringLiteral("u%1 ").arg(static_cast<uint>(cp), 0, 16));
    }
    return out;
}

// get_core_string: unidecode, lower-case, keep only [a-z0-9].
QString coreString(const QString &s)
{
    static const QRegularExpression nonAlnum(QStringLiteral("[^a-z0-9]"));
    return unidecodeLike(s).toLower().remove(nonAlnum);
}

QString normalizeSoulSync(QString s)
{
    static const QRegularExpression punct(QStringLiteral("[^\\w\\s-]"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    s = unidecodeLike(s).toLower();
    s.remove(punct);
    return s.replace(spaces, QStringLiteral(" ")).trimmed();
}

// clean_title: every bracket, a " - ..." tail and any feat. tail removed, then normalised.
QString cleanTitle(QString s)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("\\(.*\\)")),
        QRegularExpression(QStringLiteral("\\[.*\\]")),
        QRegularExpression(QStringLiteral("\\s-\\s.*")),
        QRegularExpression(QStringLiteral("\\sfeat\\.?.*"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\sft\\.?.*"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\sfeaturing.*"), QRegularExpression::CaseInsensitiveOption),
    };
    for (const auto &re : patterns)
        s.remove(re);
    return normalizeSoulSync(s);
}

// clean_artist: feat. credits and everything after "&", "and" or "," removed.
QString cleanArtist(QString s)
{
    static const QRegularExpression cut(
        QStringLiteral("\\s*(?:\\sfeat\\.?|\\sft\\.?|\\sfeaturing|&|\\sand\\s|,).*$"),
        QRegularExpression::CaseInsensitiveOption);
    s.remove(cut);
    return normalizeSoulSync(s);
}

} // namespace

std::optional<QString> soulSyncOrigin(const SourceTrack &track, const std::vector<PlexTrack> &candidates)
{
    double bestConfidence = -1;
    const PlexTrack *best = nullptr;
    const QString spCore = coreString(track.name);
    const QString spClean = cleanTitle(track.name);
    for (const PlexTrack &c : candidates) {
        const QString plexArtist = normalizeSoulSync(c.grandparentTitle);
        double artist = 0;
        for (qsizetype i = 0; i < std::min<qsizetype>(2, track.artists.size()); ++i) {
            const QString a = cleanArtist(track.artists.at(i));
            const double s =
                (!a.isEmpty() && plexArtist.contains(a)) ? 1.0 : sequenceMatcherRatio(a, plexArtist);
            artist = std::max(artist, s);
        }
        double confidence;
        if (spCore == coreString(c.title)) {
            confidence = 0.90 + 0.09 * artist;
        } else {
            const double title = sequenceMatcherRatio(spClean, cleanTitle(c.title));
            double duration = 0.5;
            if (track.durationMs > 0 && c.durationMs > 0) {
                const double delta = std::abs(static_cast<double>(track.durationMs - c.durationMs));
                const double longest = static_cast<double>(std::max(track.durationMs, c.durationMs));
                duration = delta <= 5000 ? 1.0 : std::max(0.0, 1.0 - 5.0 * delta / longest);
            }
            confidence = 0.6 * title + 0.3 * artist + 0.1 * duration;
        }
        if (confidence > bestConfidence) {
            bestConfidence = confidence;
            best = &c;
        }
    }
    if (best && bestConfidence >= 0.8)
        return best->ratingKey;
    return std::nullopt;
}

namespace {

// createSearchString: lower-case, fold a small Latin table, delete everything outside [0-9 a-z].
QString searchString(const QString &s)
{
    static const QString from = QString::fromUtf8("àáâãäåçèéêëìíîïñòóôõöùúûüýÿ");
    static const QString to = QStringLiteral("aaaaaaceeeeiiiinooooouuuuyy");
    QString out;
    for (QChar c : s.toLower()) {
        const qsizetype at = from.indexOf(c);
        if (at >= 0)
            c = to.at(at);
        else if (c == QChar(0x00E6)) {
            out.append(QLatin1String("ae"));
            continue;
        } else if (c == QChar(0x0153)) {
            out.append(QLatin1String("oe"));
            continue;
        }
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char(' '))
            out.append(c);
    }
    return out.trimmed();
}

struct Field {
    bool match = false;
    bool contains = false;
    double similarity = 0;
};

Field compare(const QString &a, const QString &b)
{
    const QString x = searchString(a);
    const QString y = searchString(b);
    Field f;
    f.match = x == y;
    f.contains = x.size() >= 5 && y.size() >= 5 && (x.contains(y) || y.contains(x));
    f.similarity = diceBigram(x, y);
    return f;
}

QString removeFeaturing(QString s)
{
    const qsizetype feat = s.indexOf(QLatin1String("feat"), 0, Qt::CaseInsensitive);
    if (feat >= 0)
        s.truncate(feat);
    const qsizetype paren = s.indexOf(QLatin1Char('('));
    if (paren >= 0)
        s.truncate(paren);
    return s.trimmed();
}

QString filtered(QString s)
{
    static const char *words[] = {"original mix",   "radio edit", "single edit",
                                  "alternate mix",  "remastered", "remaster",
                                  "single version", "retail mix", "quartet"};
    for (const char *w : words)
        s.remove(QLatin1String(w), Qt::CaseInsensitive);
    return s.simplified();
}

QString trimmed(QString s)
{
    for (const QChar sep : {QLatin1Char('('), QLatin1Char('['), QLatin1Char('{'), QLatin1Char('-')}) {
        const qsizetype at = s.lastIndexOf(sep);
        if (at > 4)
            s.truncate(at);
    }
    return s.trimmed();
}

} // namespace

std::optional<QString> spotifyToPlex(const SourceTrack &track, const std::vector<PlexTrack> &candidates)
{
    QStringList artists = track.artists;
    if (track.artists.size() > 1)
        artists << track.artists.join(QStringLiteral(", "));
    const QString approaches[] = {track.name, filtered(track.name), trimmed(track.name),
                                  trimmed(filtered(track.name))};
    for (const QString &title : approaches) {
        for (const QString &artist : artists) {
            struct Scored {
                const PlexTrack *track;
                Field title, artist, album, artistWithTitle;
                double sort;
            };
            std::vector<Scored> scored;
            for (const PlexTrack &c : candidates) {
                const QString plexArtist =
                    removeFeaturing(c.originalTitle.isEmpty() ? c.grandparentTitle : c.originalTitle);
                Scored s{&c,
                         compare(title, c.title),
                         compare(artist, plexArtist),
                         compare(track.album, c.parentTitle),
                         compare(c.title, artist + QLatin1Char(' ') + title),
                         0};
                double duration = 0;
                if (track.durationMs > 0 && c.durationMs > 0)
                    duration = 1.0 - std::abs(static_cast<double>(track.durationMs - c.durationMs)) /
                                         static_cast<double>(std::max(track.durationMs, c.durationMs));
                s.sort = s.artist.similarity + s.title.similarity + s.album.similarity + 0.5 * duration;
                scored.push_back(s);
            }
            std::stable_sort(scored.begin(), scored.end(),
                             [](const Scored &a, const Scored &b) { return a.sort > b.sort; });
            using Tier = bool (*)(const Scored &);
            static const Tier tiers[] = {
                [](const Scored &s) { return s.artist.match && s.title.match; },
                [](const Scored &s) { return s.artist.match && s.title.contains; },
                [](const Scored &s) { return s.artist.match && s.title.similarity >= 0.8; },
                [](const Scored &s) { return s.artist.contains && s.title.match; },
                [](const Scored &s) { return s.artist.similarity >= 0.85 && s.title.similarity >= 0.85; },
                [](const Scored &s) { return s.artist.contains && s.title.contains && s.album.contains; },
                [](const Scored &s) { return s.artistWithTitle.similarity >= 0.9; },
                [](const Scored &s) {
                    return s.artist.similarity >= 0.7 && s.album.match && s.title.similarity >= 0.85;
                },
            };
            for (const Tier tier : tiers)
                for (const Scored &s : scored)
                    if (tier(s))
                        return s.track->ratingKey;
        }
    }
    return std::nullopt;
}

} // namespace pb::matching::baseline
