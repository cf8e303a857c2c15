#include "pb/matching/version.h"
#include "pb/matching/normalizer.h"

#include <QRegularExpression>

namespace pb::matching {
namespace {

constexpr std::uint32_t bit(VersionFlag f)
{
    return static_cast<std::uint32_t>(f);
}

// What one bracket group or " - " segment says about the version.
struct Segment {
    bool descriptor = false; ///< remove it from the base title
    std::uint32_t flags = 0;
    QString remixer;
    QString qualifier;
    QStringList featured;
};

bool hasWord(const QStringList &words, const char *w)
{
    return words.contains(QLatin1String(w));
}

// `padded` is " words ": true when `phrase` occurs as whole words. No allocation.
bool hasPhrase(const QString &padded, const char *phrase)
{
    const QLatin1StringView p(phrase);
    for (qsizetype at = padded.indexOf(p); at >= 0; at = padded.indexOf(p, at + 1)) {
        const qsizetype end = at + p.size();
        if (at > 0 && padded.at(at - 1) == QLatin1Char(' ') && end < padded.size() &&
            padded.at(end) == QLatin1Char(' '))
            return true;
    }
    return false;
}

QString joinWords(const QStringList &words, qsizetype from, qsizetype to)
{
    static const QStringList stop = {QStringLiteral("at"),  QStringLiteral("from"), QStringLiteral("in"),
                                     QStringLiteral("on"),  QStringLiteral("the"),  QStringLiteral("version"),
                                     QStringLiteral("ver"), QStringLiteral("a"),    QStringLiteral("de")};
    QStringList kept;
    for (qsizetype i = std::max<qsizetype>(0, from); i < std::min(to, words.size()); ++i)
        if (!stop.contains(words.at(i)))
            kept.append(words.at(i));
    return kept.join(QLatin1Char(' '));
}

Segment classify(const QString &raw)
{
    Segment s;
    static const QRegularExpression featRe(
        QStringLiteral("^\\s*(?:feat\\.?|ft\\.?|featuring|with|prod\\.?(?:\\s+by)?)\\s+(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto feat = featRe.match(raw);
    if (feat.hasMatch()) {
        s.descriptor = true;
        if (!raw.trimmed().startsWith(QLatin1String("prod"), Qt::CaseInsensitive))
            s.featured = splitArtists(feat.captured(1));
        return s;
    }
    const QString key = normalizeText(raw);
    const QStringList words = key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return s;
    const QString padded = QLatin1Char(' ') + key + QLatin1Char(' ');
    static const QRegularExpression yearOnly(QStringLiteral("^(?:19|20)\\d\\d$"));
    if (words.size() == 1 && yearOnly.match(words.first()).hasMatch()) {
        s.descriptor = true; // "Iron Man - 2012 - Remaster": the year belongs to the remaster
        return s;
    }
    auto set = [&](VersionFlag f) { s.flags |= bit(f); };

    for (const QString &w : words) {
        if (w.startsWith(QLatin1String("remaster")) || w == QLatin1String("remasterizado") ||
            w == QLatin1String("remasterizada"))
            set(VersionFlag::Remaster);
    }
    if (hasWord(words, "mono"))
        set(VersionFlag::Mono);
    if (hasWord(words, "stereo"))
        set(VersionFlag::Stereo);
    if (hasWord(words, "explicit") || hasWord(words, "clean") || hasWord(words, "dirty") ||
        hasWord(words, "censored") || hasWord(words, "uncensored"))
        set(VersionFlag::ExplicitClean);
    if (hasPhrase(padded, "from the") || hasWord(words, "soundtrack") ||
        hasPhrase(padded, "motion picture") || hasWord(words, "ost") || hasPhrase(padded, "bonus track") ||
        hasWord(words, "bonus") || hasWord(words, "deluxe") ||
        (words.first() == QLatin1String("from") && words.size() > 1))
        set(VersionFlag::Soundtrack);

    const qsizetype liveAt = words.indexOf(QLatin1String("live"));
    if (liveAt >= 0 || hasPhrase(padded, "en vivo") || hasPhrase(padded, "ao vivo") ||
        hasPhrase(padded, "in concert") || hasWord(words, "session") || hasWord(words, "sessions") ||
        hasPhrase(padded, "live lounge")) {
        set(VersionFlag::Live);
        if (liveAt >= 0)
            s.qualifier = joinWords(words, liveAt + 1, words.size());
    }
    if (hasWord(words, "unplugged"))
        set(VersionFlag::Unplugged);
    if (hasWord(words, "acoustic") || hasWord(words, "acustico") || hasWord(words, "acustica"))
        set(VersionFlag::Acoustic);
    if (hasWord(words, "instrumental") || hasWord(words, "instrumentals") || hasWord(words, "inst") ||
        hasPhrase(padded, "off vocal"))
        set(VersionFlag::Instrumental);
    if (hasWord(words, "karaoke") || hasPhrase(padded, "originally performed") ||
        hasPhrase(padded, "in the style of") || hasPhrase(padded, "backing track"))
        set(VersionFlag::Karaoke);
    if (hasWord(words, "demo") || hasPhrase(padded, "rough cut") || hasWord(words, "outtake") ||
        hasWord(words, "outtakes") || hasWord(words, "rehearsal") || hasPhrase(padded, "work in progress") ||
        hasPhrase(padded, "home recording") || hasPhrase(padded, "voice memo") ||
        hasPhrase(padded, "alternate take") || hasPhrase(padded, "early take") ||
        hasPhrase(padded, "work tape"))
        set(VersionFlag::Demo);
    if (hasWord(words, "extended"))
        set(VersionFlag::Extended);
    if (hasPhrase(padded, "sped up") || hasPhrase(padded, "speed up") || hasWord(words, "slowed") ||
        hasWord(words, "reverb") || hasWord(words, "nightcore") || hasWord(words, "8d"))
        set(VersionFlag::SpeedChanged);
    if (hasPhrase(padded, "taylors version") || hasPhrase(padded, "re recorded") ||
        hasWord(words, "rerecorded") || hasPhrase(padded, "re record") || hasWord(words, "rerecording"))
        set(VersionFlag::ReRecorded);
    if (hasWord(words, "orchestral") || hasWord(words, "symphonic") || hasPhrase(padded, "piano version") ||
        hasPhrase(padded, "a cappella") || hasWord(words, "acapella") ||
        hasPhrase(padded, "string version") || hasPhrase(padded, "strings version"))
        set(VersionFlag::Orchestral);
    if (hasWord(words, "cover") || hasWord(words, "tribute"))
        set(VersionFlag::Cover);
    // Recordings that are not the released take: commentary, interviews, broadcasts, "Take 2".
    if (hasWord(words, "commentary") || hasWord(words, "interview") || hasWord(words, "video") ||
        hasWord(words, "visualizer") || hasWord(words, "soundcheck")) {
        set(VersionFlag::OtherVersion);
        s.qualifier = key;
    }
    if (hasWord(words, "broadcast") || hasWord(words, "bootleg"))
        set(VersionFlag::Live);
    static const QRegularExpression take(QStringLiteral("(?:^| )take \\d+(?: |$)"));
    if (take.match(key).hasMatch())
        set(VersionFlag::Demo);
    if (hasPhrase(padded, "official audio"))
        set(VersionFlag::AlbumVersion);
    if (hasWord(words, "reprise")) { // "Song (Reprise)": a second, shorter take inside the album
        set(VersionFlag::OtherVersion);
        s.qualifier = QStringLiteral("reprise");
    }
    if (hasPhrase(padded, "tv size") || hasPhrase(padded, "tv ver") || hasPhrase(padded, "tv version") ||
        key.contains(QStringLiteral("tvサイズ")) || hasPhrase(padded, "tv edit"))
        set(VersionFlag::TvSize);
    static const QStringList languages = {
        QStringLiteral("english"),  QStringLiteral("spanish"),   QStringLiteral("japanese"),
        QStringLiteral("korean"),   QStringLiteral("chinese"),   QStringLiteral("french"),
        QStringLiteral("german"),   QStringLiteral("italian"),   QStringLiteral("portuguese"),
        QStringLiteral("mandarin"), QStringLiteral("cantonese"), QStringLiteral("jp"),
        QStringLiteral("kr"),       QStringLiteral("eng")};
    const bool mentionsVersion =
        hasWord(words, "version") || hasWord(words, "ver") || hasWord(words, "versión");
    for (const QString &lang : languages)
        if (words.contains(lang) && mentionsVersion)
            set(VersionFlag::Language);

    // Edits: "Radio Edit", "Single Edit" are cuts of the same master; "<Name> Edit" is a remix.
    const qsizetype editAt = words.indexOf(QLatin1String("edit"));
    const bool radioVersion = hasPhrase(padded, "radio version") || hasPhrase(padded, "short version");
    if (radioVersion)
        set(VersionFlag::Edit);
    if (editAt >= 0 && !(s.flags & bit(VersionFlag::TvSize))) {
        static const QStringList plainEdit = {QStringLiteral("radio"), QStringLiteral("single"),
                                              QStringLiteral("short"), QStringLiteral("album"),
                                              QStringLiteral("clean"), QStringLiteral("explicit")};
        const QString before = joinWords(words, 0, editAt);
        if (before.isEmpty() || plainEdit.contains(words.at(editAt > 0 ? editAt - 1 : 0)))
            set(VersionFlag::Edit);
        else {
            set(VersionFlag::Remix);
            s.remixer = before;
        }
    }

    // Remixes: "<remixer> Remix", "(VIP Mix)", "Dub", "Bootleg", "Rework". "Original Mix" and
    // "Album Mix" name the original; "Stereo Mix"/"Mono Mix" are mono/stereo; "Extended Mix" is
    // the extended cut.
    static const QStringList remixWords = {
        QStringLiteral("remix"),  QStringLiteral("rmx"),      QStringLiteral("mix"),
        QStringLiteral("vip"),    QStringLiteral("dub"),      QStringLiteral("bootleg"),
        QStringLiteral("rework"), QStringLiteral("reworked"), QStringLiteral("remixed"),
        QStringLiteral("refix"),  QStringLiteral("flip"),     QStringLiteral("remezcla")};
    qsizetype remixAt = -1;
    for (qsizetype i = 0; i < words.size(); ++i)
        if (remixWords.contains(words.at(i))) {
            remixAt = i;
            break;
        }
    if (remixAt >= 0) {
        const QString prev = remixAt > 0 ? words.at(remixAt - 1) : QString();
        const bool mixOnly = words.at(remixAt) == QLatin1String("mix");
        if (mixOnly && (prev == QLatin1String("original") || prev == QLatin1String("album") ||
                        prev == QLatin1String("main"))) {
            set(VersionFlag::AlbumVersion);
        } else if (mixOnly && (prev == QLatin1String("stereo") || prev == QLatin1String("mono") ||
                               prev == QLatin1String("extended") || prev == QLatin1String("radio"))) {
            if (prev == QLatin1String("radio"))
                set(VersionFlag::Edit);
        } else {
            set(VersionFlag::Remix);
            QStringList who = words.mid(0, remixAt);
            who.removeAll(QStringLiteral("extended"));
            who.removeAll(QStringLiteral("radio"));
            who.removeAll(QStringLiteral("edit"));
            who.removeAll(QStringLiteral("official"));
            s.remixer = joinWords(who, 0, who.size());
        }
    }

    if (mentionsVersion && !(s.flags & ~bit(VersionFlag::Soundtrack))) {
        static const QStringList sameNames = {QStringLiteral("album"),    QStringLiteral("single"),
                                              QStringLiteral("original"), QStringLiteral("main"),
                                              QStringLiteral("lp"),       QStringLiteral("studio"),
                                              QStringLiteral("45"),       QStringLiteral("7"),
                                              QStringLiteral("film"),     QStringLiteral("movie")};
        bool same = false;
        for (const QString &w : words)
            same = same || sameNames.contains(w);
        if (same) {
            set(VersionFlag::AlbumVersion);
        } else {
            set(VersionFlag::OtherVersion);
            s.qualifier = joinWords(words, 0, words.size());
        }
    }
    s.descriptor = s.flags != 0;
    return s;
}

void absorb(ParsedTitle &t, const Segment &s, const QString &text)
{
    t.version.flags |= s.flags;
    if (t.version.remixer.isEmpty())
        t.version.remixer = s.remixer;
    if (t.version.qualifier.isEmpty())
        t.version.qualifier = s.qualifier;
    for (const QString &f : s.featured)
        if (!t.featured.contains(f))
            t.featured.append(f);
    if (s.flags != 0)
        t.version.descriptors.append(text.trimmed());
}

} // namespace

ParsedTitle parseTitle(const QString &title)
{
    ParsedTitle t;
    // Most library titles carry no brackets, dashes or credits: nothing to parse.
    static const QRegularExpression interesting(
        QStringLiteral(
            "[\\(\\[\\{\uFF08\uFF3B\\-\u2010-\u2015]|\\bf(?:ea)?t\\.?\\s|\\bfeaturing\\b|\\btv\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (!interesting.match(title).hasMatch()) {
        t.base = title.simplified();
        if (t.base.isEmpty())
            t.base = title.trimmed();
        return t;
    }
    // NFKC first so full-width brackets and dashes ("（一人連弾 Ver）") parse like ASCII ones.
    const QString text = title.normalized(QString::NormalizationForm_KC);
    QString base;
    base.reserve(text.size());

    // 1. Bracket groups, outermost level only.
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            const QChar close = c == QLatin1Char('(')
                                    ? QLatin1Char(')')
                                    : (c == QLatin1Char('[') ? QLatin1Char(']') : QLatin1Char('}'));
            int depth = 0;
            qsizetype j = i;
            for (; j < text.size(); ++j) {
                if (text.at(j) == c)
                    ++depth;
                else if (text.at(j) == close && --depth == 0)
                    break;
            }
            const QString inner = text.mid(i + 1, (j < text.size() ? j : text.size()) - i - 1);
            const Segment seg = classify(inner);
            if (seg.descriptor) {
                absorb(t, seg, inner);
            } else {
                base.append(text.mid(i, j - i + 1));
            }
            i = j + 1;
            continue;
        }
        base.append(c);
        ++i;
    }

    // 2. " - " segments after the first: "Song - 2011 Remaster", "Song - Fedde le Grand Remix".
    static const QRegularExpression dash(QStringLiteral("\\s+[-\u2010\u2011\u2012\u2013\u2014\u2015]\\s+"));
    QStringList parts = base.split(dash);
    if (parts.size() > 1) {
        QString kept = parts.first();
        for (qsizetype k = 1; k < parts.size(); ++k) {
            const Segment seg = classify(parts.at(k));
            if (seg.descriptor)
                absorb(t, seg, parts.at(k));
            else
                kept += QStringLiteral(" - ") + parts.at(k);
        }
        base = kept;
    }

    // 3. Unbracketed trailing descriptors some stores use: "Guren no Yumiya Tv Size Ver.".
    static const QRegularExpression trailingTv(
        QStringLiteral("\\s+(tv\\s*size(?:\\s+ver(?:sion)?\\.?)?|tv\\s+ver(?:sion)?\\.?)$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto tv = trailingTv.match(base);
    if (tv.hasMatch() && tv.capturedStart() > 0) {
        absorb(t, classify(tv.captured(1)), tv.captured(1));
        base.truncate(tv.capturedStart());
    }

    // 4. An unbracketed trailing credit: "Song feat. X", "Song ft. X".
    static const QRegularExpression trailingFeat(QStringLiteral("\\s+(?:feat\\.?|ft\\.|featuring)\\s+(.+)$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    const auto m = trailingFeat.match(base);
    if (m.hasMatch() && m.capturedStart() > 0) {
        for (const QString &f : splitArtists(m.captured(1)))
            if (!t.featured.contains(f))
                t.featured.append(f);
        base.truncate(m.capturedStart());
    }

    t.base = base.simplified();
    while (t.base.endsWith(QLatin1Char('-')) || t.base.endsWith(QChar(0x2013)))
        t.base = t.base.chopped(1).trimmed();
    if (t.base.isEmpty())
        t.base = title.trimmed(); // "(Live)" as a whole title is the title
    return t;
}

VersionInfo albumVersion(const QString &album)
{
    VersionInfo v = parseTitle(album).version;
    const QString key = normalizeText(album);
    const QString padded = QLatin1Char(' ') + key + QLatin1Char(' ');
    // Whole-album live/unplugged names: "Live at Wembley '86", "Alive in America", "MTV Unplugged".
    static const QRegularExpression liveName(
        QStringLiteral("^(?:live (?:at|in|from|on) |.* live$|live$|.* live (?:at|in|from) )"));
    if (liveName.match(key).hasMatch() || hasPhrase(padded, "in concert"))
        v.flags |= bit(VersionFlag::Live);
    if (hasPhrase(padded, "unplugged"))
        v.flags |= bit(VersionFlag::Unplugged);
    // Only the descriptors that change every track on the album matter here.
    v.flags &= bit(VersionFlag::Live) | bit(VersionFlag::Unplugged) | bit(VersionFlag::Acoustic) |
               bit(VersionFlag::Karaoke) | bit(VersionFlag::Instrumental) | bit(VersionFlag::SpeedChanged) |
               bit(VersionFlag::ReRecorded);
    return v;
}

QString baseAlbum(const QString &album)
{
    QString base = parseTitle(album).base;
    // Release-format suffixes: "Guilty - The 4th Mini Album", "Vol. 1 (Deluxe Edition)", "X - EP".
    static const QRegularExpression suffix(
        QStringLiteral(
            "\\s*(?:[-\u2013\u2014:]\\s*)?[\\(\\[]?(?:the\\s+)?(?:\\d+(?:st|nd|rd|th)\\s+)?(?:mini\\s+)?"
            "(?:album|ep|single|lp|deluxe(?:\\s+edition)?|(?:expanded|special|anniversary|"
            "collector'?s|limited)\\s+edition)[\\)\\]]?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString stripped = QString(base).remove(suffix).trimmed();
    if (!stripped.isEmpty())
        base = stripped;
    return base;
}

QString versionFlagName(std::uint32_t flags)
{
    struct Name {
        VersionFlag flag;
        const char *name;
    };
    static const Name names[] = {
        {VersionFlag::Live, "live version"},
        {VersionFlag::Remix, "remix"},
        {VersionFlag::Acoustic, "acoustic version"},
        {VersionFlag::Unplugged, "unplugged version"},
        {VersionFlag::Instrumental, "instrumental"},
        {VersionFlag::Karaoke, "karaoke version"},
        {VersionFlag::Demo, "demo"},
        {VersionFlag::Edit, "edit"},
        {VersionFlag::Extended, "extended version"},
        {VersionFlag::SpeedChanged, "sped-up/slowed/8D version"},
        {VersionFlag::ReRecorded, "re-recording"},
        {VersionFlag::Orchestral, "orchestral/piano version"},
        {VersionFlag::Language, "other-language version"},
        {VersionFlag::TvSize, "TV-size version"},
        {VersionFlag::Cover, "cover"},
        {VersionFlag::OtherVersion, "other version"},
    };
    for (const Name &n : names)
        if (flags & bit(n.flag))
            return QLatin1String(n.name);
    return QStringLiteral("version");
}

namespace {

bool similarWords(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return true; // "(Remix)" against "(Fedde le Grand Remix)": not enough to tell them apart
    const Script sa = scriptOf(a);
    const Script sb = scriptOf(b);
    if (sa != sb && sa != Script::None && sb != Script::None)
        return true; // "一人連弾" against "Hitori Rendan": cannot tell, do not reject on it
    if (a == b || a.contains(b) || b.contains(a))
        return true;
    const QStringList wa = a.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList wb = b.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int shared = 0;
    for (const QString &w : wa)
        shared += wb.contains(w) ? 1 : 0;
    return shared * 2 >= std::min(wa.size(), wb.size()) + 1;
}

} // namespace

QString versionConflict(const VersionInfo &spotify, const VersionInfo &plex, bool durationsClose)
{
    std::uint32_t diff = spotify.differentRecording() ^ plex.differentRecording();
    // Acoustic and unplugged, as written by different stores, are the same session.
    const std::uint32_t acoustic = bit(VersionFlag::Acoustic) | bit(VersionFlag::Unplugged);
    if ((diff & acoustic) == acoustic)
        diff &= ~acoustic;
    // A radio edit a second or two from the album cut is, in practice, the album cut.
    if (durationsClose)
        diff &= ~bit(VersionFlag::Edit);
    if (diff != 0) {
        const bool plexHasIt = (plex.differentRecording() & diff) != 0;
        const QString name = versionFlagName(diff);
        return plexHasIt ? QStringLiteral("candidate is a %1").arg(name)
                         : QStringLiteral("track is a %1, candidate is not").arg(name);
    }
    const std::uint32_t both = spotify.differentRecording() & plex.differentRecording();
    if ((both & bit(VersionFlag::Remix)) && !similarWords(spotify.remixer, plex.remixer))
        return QStringLiteral("different remix (%1 vs %2)").arg(spotify.remixer, plex.remixer);
    if ((both & (bit(VersionFlag::Live) | bit(VersionFlag::OtherVersion))) &&
        !similarWords(spotify.qualifier, plex.qualifier))
        return QStringLiteral("different %1 (%2 vs %3)")
            .arg(versionFlagName(both), spotify.qualifier, plex.qualifier);
    return {};
}

} // namespace pb::matching
