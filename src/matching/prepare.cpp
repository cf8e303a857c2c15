// prepare(): a Spotify or Plex track normalised once into the keys the scorer compares.
#include "pb/matching/normalizer.h"

#include <QRegularExpression>
#include <QSet>

namespace pb::matching {

namespace {

void addKey(QStringList &keys, const QString &name)
{
    const QString key = normalizeArtist(name);
    if (!key.isEmpty() && !keys.contains(key))
        keys.append(key);
}

QString withoutSpaces(QString s)
{
    s.remove(QLatin1Char(' '));
    return s;
}

// The title key without bracketed words that are not version descriptors ("Sweet Dreams (Are
// Made of This)" -> "Sweet Dreams"), for libraries that drop such subtitles.
QString coreKey(const QString &base, const QString &titleKey)
{
    if (!base.contains(QLatin1Char('(')) && !base.contains(QLatin1Char('[')) &&
        !base.contains(QLatin1Char('{')))
        return titleKey;
    static const QRegularExpression brackets(QStringLiteral("\\s*[\\(\\[\\{][^\\)\\]\\}]*[\\)\\]\\}]"));
    QString core = base;
    core.remove(brackets);
    const QString key = normalizeText(core);
    return key.isEmpty() ? normalizeText(base) : key;
}

Script combinedScript(const QStringList &keys)
{
    return scriptOf(keys.join(QLatin1Char(' ')));
}

QString digitsOf(const QString &s)
{
    QString d;
    bool inNumber = false;
    for (const QChar c : s) {
        if (c.isDigit()) {
            d.append(c);
            inNumber = true;
        } else if (inNumber) {
            d.append(QLatin1Char(' '));
            inNumber = false;
        }
    }
    return d.trimmed();
}

// "Sonata: I. Largo - Allegro" -> "largo allegro"; a title with no colon keeps its whole key.
QString movementKey(const QString &base, bool afterColon)
{
    QString text = base;
    if (afterColon) {
        const qsizetype colon = base.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return {};
        text = base.mid(colon + 1);
    }
    QString key = normalizeText(text);
    static const QRegularExpression numeral(QStringLiteral("^[ivx]+ "));
    key.remove(numeral);
    return key;
}

// A single named after the track with a version in its name ("Toxic (Y2K Remix) - Single"): the
// bare-titled track on it is that version.
template <typename Prepared>
void singleVersion(Prepared &p, const QString &album)
{
    if (p.title.version.differentRecording() != 0 || album.isEmpty())
        return;
    const ParsedTitle a = parseTitle(album);
    if (a.version.differentRecording() == 0 || normalizeText(baseAlbum(album)) != p.titleKey)
        return;
    p.albumVersion.flags |= a.version.differentRecording();
    if (p.albumVersion.remixer.isEmpty())
        p.albumVersion.remixer = a.version.remixer;
    if (p.albumVersion.qualifier.isEmpty())
        p.albumVersion.qualifier = a.version.qualifier;
}

// Derived keys the scorer compares many times, computed once here.
template <typename Prepared>
void finish(Prepared &p)
{
    p.titleTranslit = transliterate(p.titleKey);
    static const QStringList stop = {QStringLiteral("the"), QStringLiteral("a"),  QStringLiteral("an"),
                                     QStringLiteral("and"), QStringLiteral("of"), QStringLiteral("to")};
    QStringList content;
    for (const QString &w : p.titleKey.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!stop.contains(w))
            content.append(w);
    p.titleContentKey = content.join(QLatin1Char(' '));
    p.titleDigits = digitsOf(p.titleKey);
    static const QRegularExpression catalogue(
        QStringLiteral("\\s*\\b(?:op|opus|woo|bwv|kv?|hob|d|rv|hwv|sz)\\s*\\d+[a-z]?(?:\\s*no\\s*\\d+)?\\b"));
    p.titleCatalogueFree.clear();
    if (!p.titleDigits.isEmpty()) { // a catalogue number always has digits
        QString noCatalogue = p.titleKey;
        noCatalogue.remove(catalogue);
        noCatalogue = noCatalogue.simplified();
        if (noCatalogue != p.titleKey)
            p.titleCatalogueFree = noCatalogue;
    }
    // Cyrillic/Greek artist names also in Latin letters, so "Кино" can be told from a Latin-named
    // cover band instead of counting as "cannot compare".
    const qsizetype names = p.artistKeys.size();
    for (qsizetype i = 0; i < names; ++i) {
        const QString latin = transliterate(p.artistKeys.at(i));
        if (!latin.isEmpty() && !p.artistKeys.contains(latin))
            p.artistKeys.append(latin);
    }
    p.titleDigits = digitsOf(p.titleKey);
    p.titleWords = p.titleKey.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList sorted = p.titleWords;
    sorted.sort();
    p.titleSortedKey = sorted.join(QLatin1Char(' '));
    p.artistKeysNoSpace.clear();
    for (const QString &a : p.artistKeys)
        p.artistKeysNoSpace.append(withoutSpaces(a));
    p.titleScript = scriptOf(p.titleKey);
    p.artistScript = combinedScript(p.artistKeys);
}

// "Op. 23", "BWV 1007", "Symphony", "Nocturne": a classical work, where Spotify lists the composer
// first and the performers after. Works on the normalised title words (no regex: every track pays).
bool looksClassical(const QStringList &words)
{
    static const QSet<QString> forms = {
        QStringLiteral("symphony"),   QStringLiteral("sonata"),    QStringLiteral("concerto"),
        QStringLiteral("nocturne"),   QStringLiteral("ballade"),   QStringLiteral("prelude"),
        QStringLiteral("etude"),      QStringLiteral("suite"),     QStringLiteral("quartet"),
        QStringLiteral("requiem"),    QStringLiteral("cantata"),   QStringLiteral("fugue"),
        QStringLiteral("variations"), QStringLiteral("overture"),  QStringLiteral("mazurka"),
        QStringLiteral("partita"),    QStringLiteral("impromptu"), QStringLiteral("rhapsody"),
        QStringLiteral("serenade")};
    static const QSet<QString> catalogues = {
        QStringLiteral("op"),  QStringLiteral("opus"), QStringLiteral("bwv"), QStringLiteral("woo"),
        QStringLiteral("rv"),  QStringLiteral("hwv"),  QStringLiteral("k"),   QStringLiteral("kv"),
        QStringLiteral("hob"), QStringLiteral("d")};
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (forms.contains(words.at(i)))
            return true;
        if (i + 1 < words.size() && catalogues.contains(words.at(i)) && !words.at(i + 1).isEmpty() &&
            words.at(i + 1).at(0).isDigit())
            return true;
    }
    return false;
}

} // namespace

PreparedSpotify prepare(const SourceTrack &track)
{
    PreparedSpotify p;
    p.track = track;
    p.title = parseTitle(track.name);
    p.titleKey = normalizeText(p.title.base);
    p.titleKeyNoSpace = withoutSpaces(p.titleKey);
    p.titleCoreKey = coreKey(p.title.base, p.titleKey);
    // Spotify already gives one name per artist: split only a name that is clearly a joined
    // credit (local files and tag-derived entries), never a known band name.
    for (const QString &artist : track.artists) {
        addKey(p.artistKeys, artist);
        const QStringList parts = splitArtists(artist);
        if (parts.size() > 1)
            for (const QString &part : parts)
                addKey(p.artistKeys, part);
        if (p.primaryArtistKeys.isEmpty())
            p.primaryArtistKeys = p.artistKeys;
    }
    // The first artist's keys in Latin letters too (classical works, where the composer comes first
    // and every performer counts, are handled by the classical flag after finish()).
    for (qsizetype i = 0, n = p.primaryArtistKeys.size(); i < n; ++i) {
        const QString latin = transliterate(p.primaryArtistKeys.at(i));
        if (!latin.isEmpty())
            p.primaryArtistKeys.append(latin);
    }
    for (const QString &featured : p.title.featured)
        addKey(p.artistKeys, featured);
    p.albumKey = normalizeText(baseAlbum(track.album));
    p.titleMovementKey = movementKey(p.title.base, true);
    static const QRegularExpression generic(
        QStringLiteral("^(?:intro|outro|interlude|untitled|skit|prelude|overture|reprise|hidden track|"
                       "bonus track|coda|epilogue|prologue|(?:track|untitled|interlude|skit) \\d+)$"));
    p.genericTitle = generic.match(p.titleKey).hasMatch();
    p.albumVersion = albumVersion(track.album);
    singleVersion(p, track.album);
    finish(p);
    p.classical = looksClassical(p.titleWords);
    return p;
}

namespace {

// Tagging leftovers in library titles: "01 - Get Lucky", "3. Title" (the track number), "Coldplay -
// Clocks" (the artist). Removed only when they are exactly that: a two-digit or the track's own
// number, or the track's own artist.
QString withoutTagLeftovers(const PlexTrack &track)
{
    static const QRegularExpression number(QStringLiteral("^(\\d{1,3})\\s*(?:-|\\.|\u2013)\\s+(.+)$"));
    const auto m = (!track.title.isEmpty() && track.title.at(0).isDigit()) ? number.match(track.title)
                                                                           : QRegularExpressionMatch();
    if (m.hasMatch()) {
        const QString digits = m.captured(1);
        if (digits.size() == 2 || (track.index > 0 && digits.toInt() == track.index))
            return m.captured(2);
    }
    for (const QString &artist : {track.grandparentTitle, track.originalTitle}) {
        if (artist.isEmpty())
            continue;
        for (const QString &sep : {QStringLiteral(" - "), QStringLiteral(" \u2013 ")}) {
            const QString prefix = artist + sep;
            if (track.title.size() > prefix.size() && track.title.startsWith(prefix, Qt::CaseInsensitive))
                return track.title.mid(prefix.size());
        }
    }
    return track.title;
}

} // namespace

PreparedPlex prepare(const PlexTrack &track)
{
    PreparedPlex p;
    p.track = track;
    p.title = parseTitle(withoutTagLeftovers(track));
    p.titleKey = normalizeText(p.title.base);
    p.titleKeyNoSpace = withoutSpaces(p.titleKey);
    p.titleCoreKey = coreKey(p.title.base, p.titleKey);
    p.variousArtists = isVariousArtists(track.grandparentTitle);
    auto addCredit = [&](const QString &credit) {
        if (credit.trimmed().isEmpty() || isVariousArtists(credit))
            return;
        addKey(p.artistKeys, credit);
        const QStringList parts = splitArtists(credit);
        if (parts.size() > 1)
            for (const QString &part : parts)
                addKey(p.artistKeys, part);
    };
    addCredit(track.originalTitle);
    if (!p.variousArtists)
        addCredit(track.grandparentTitle);
    for (const QString &featured : p.title.featured) {
        addKey(p.artistKeys, featured);
        p.featuredKeys.append(normalizeArtist(featured));
    }
    p.albumKey = normalizeText(baseAlbum(track.parentTitle));
    p.titleMovementKey = movementKey(p.title.base, false);
    p.albumVersion = albumVersion(track.parentTitle);
    singleVersion(p, track.parentTitle);
    for (const QString &guid : track.guids) {
        if (guid.startsWith(QLatin1String("isrc://"), Qt::CaseInsensitive)) {
            p.isrc = guid.mid(7).trimmed().toUpper();
            break;
        }
    }
    finish(p);
    p.classical = looksClassical(p.titleWords);
    return p;
}

} // namespace pb::matching
