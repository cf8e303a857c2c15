#include "pb/matching/matchingengine.h"

#include "similarity.h"

#include <QRegularExpression>

#include <algorithm>
#include <bit>
#include <cmath>

namespace pb::matching {
namespace {

using similarity::levenshteinRatio;

// Weights of the confidence sum. Title carries most because a library search is by title;
// artist next; duration is a strong signal but often missing; album only breaks ties between
// copies of the same recording (album vs compilation).
constexpr double kTitleWeight = 0.55;
constexpr double kArtistWeight = 0.30;
constexpr double kDurationWeight = 0.10;
constexpr double kAlbumWeight = 0.05;
// Below these a signal is a disagreement, not a weak agreement: the sum is halved.
constexpr double kTitleGate = 0.75;
// What an unknowable signal (a Latin title against a Japanese one, a compilation with no track
// artist) is worth when every other signal agrees exactly: enough to accept, never enough to be
// confident, so the search plan keeps looking for a candidate that can be compared directly.
constexpr double kUnknownSignalCredit = 0.75;
// Same title, same album, same length, artist credit written differently ("The Jacksons").
constexpr double kAlbumVouchedArtistCredit = 0.7;
// Same-recording descriptor differences ("2011 Remaster" vs plain) lose this much, so the copy
// that is written the same way wins a tie.
constexpr double kSameRecordingTiePenalty = 0.005;

bool crossScript(Script a, Script b)
{
    return (a == Script::Latin && b == Script::NonLatin) || (a == Script::NonLatin && b == Script::Latin);
}

// Artist names made only of digits and symbols ("7!!", "!!!") cannot be compared with their
// spelled-out forms ("Seven Oops", "Chk Chk Chk") either.
bool artistCrossScript(Script a, Script b)
{
    return crossScript(a, b) || ((a == Script::None) != (b == Script::None));
}

// One title's word is the other's word plus letters ("Believe"/"Believer", "Light"/"Lights"):
// that is another word, not a spelling variant.
// One title is the other plus a whole word that is not a stop word ("Song II", "Song Pt 2",
// "Believe In Me"): a sequel or another song. Bracketed subtitles never get here (core key).
bool addedWord(const QStringList &wa, const QStringList &wb)
{
    static const QStringList stop = {QStringLiteral("the"), QStringLiteral("a"),  QStringLiteral("an"),
                                     QStringLiteral("and"), QStringLiteral("of"), QStringLiteral("to")};
    const QStringList &shorter = wa.size() <= wb.size() ? wa : wb;
    const QStringList &longer = wa.size() <= wb.size() ? wb : wa;
    for (const QString &w : shorter)
        if (!longer.contains(w))
            return false; // not a superset: spelling differences, handled by the ratio
    for (const QString &w : longer)
        if (!shorter.contains(w) && !stop.contains(w))
            return true;
    return false;
}

bool extendedWord(const QStringList &wa, const QStringList &wb)
{
    for (const QString &x : wa) {
        if (wb.contains(x))
            continue;
        for (const QString &y : wb)
            if (!wa.contains(y) && x.size() != y.size() && (x.startsWith(y) || y.startsWith(x)))
                return true;
    }
    return false;
}

// Title similarity on the normalised keys, with the guards that stop "Believe" matching
// "Believe In Me", "Part 1" matching "Part 2" and "Dani California" matching "Californication".
double titleSimilarity(const PreparedSpotify &s, const PreparedPlex &p)
{
    if (s.titleKey == p.titleKey || s.titleKeyNoSpace == p.titleKeyNoSpace)
        return 1.0;
    if (s.titleCoreKey == p.titleCoreKey) {
        // Equal once bracketed words are dropped. A dropped phrase is a subtitle ("Sweet Dreams (Are
        // Made of This)"); a dropped single word of no known kind is a descriptor we do not know
        // ("(Rehearsal)", "(Interlude)"), which is more often another take than the same one.
        auto dropped = [](const QString &key, const QString &core) {
            return key.count(QLatin1Char(' ')) - core.count(QLatin1Char(' '));
        };
        const qsizetype words =
            std::max(dropped(s.titleKey, s.titleCoreKey), dropped(p.titleKey, p.titleCoreKey));
        return words <= 1 ? 0.7 : 0.95;
    }
    if (!s.titleContentKey.isEmpty() && s.titleContentKey == p.titleContentKey)
        return 0.95; // "The Sound of Silence" vs "Sound of Silence"
    if (s.titleWords.size() > 1 && s.titleSortedKey == p.titleSortedKey)
        return 0.95; // the same words in another order: "Gangnam Style (강남스타일)" / "강남스타일 (Gangnam
                     // Style)"
    // "Für Elise, WoO 59" vs "Für Elise": a catalogue number on one side only.
    if (s.titleCatalogueFree.isEmpty() != p.titleCatalogueFree.isEmpty() &&
        (s.titleCatalogueFree.isEmpty() ? s.titleKey : s.titleCatalogueFree) ==
            (p.titleCatalogueFree.isEmpty() ? p.titleKey : p.titleCatalogueFree))
        return 0.95;
    // "Work: I. Movement" against a library that titles the movement only ("i Largo - Allegro").
    if (s.titleMovementKey.size() >= 8 && s.titleMovementKey == p.titleMovementKey)
        return 0.9;
    double r = levenshteinRatio(s.titleKey, p.titleKey);
    if (s.titleCoreKey != s.titleKey || p.titleCoreKey != p.titleKey)
        r = std::max(r, 0.95 * levenshteinRatio(s.titleCoreKey, p.titleCoreKey));
    if (r <= 0.5)
        return r; // the guards below only ever lower a score
    if (s.titleDigits != p.titleDigits)
        r = std::min(r, 0.5);
    if (std::min(s.titleKeyNoSpace.size(), p.titleKeyNoSpace.size()) <= 5)
        r = std::min(r, 0.6); // "Free" vs "Freed": short titles must be equal
    if (r > 0.7 && (extendedWord(s.titleWords, p.titleWords) || addedWord(s.titleWords, p.titleWords)))
        r = std::min(r, 0.7);
    return r;
}

QString digitsOf(const QString &s)
{
    QString d;
    for (const QChar c : s)
        if (c.isDigit())
            d.append(c);
    return d;
}

// A candidate credited only to a featured (not the first) Spotify artist is more often that
// artist's own song of the same name ("Stay" by Mikky Ekko vs Rihanna's "Stay" featuring him) than
// the duet filed under its second artist: it counts as below the artist gate.
constexpr double kFeaturedOnlyArtistCredit = 0.6;

double artistSimilarity(const PreparedSpotify &s, const PreparedPlex &p)
{
    double best = 0;
    for (qsizetype i = 0; i < s.artistKeys.size(); ++i) {
        const QString &a = s.artistKeys.at(i);
        const bool primary =
            s.classical || p.classical || s.primaryArtistKeys.isEmpty() || s.primaryArtistKeys.contains(a);
        for (qsizetype j = 0; j < p.artistKeys.size(); ++j) {
            const QString &b = p.artistKeys.at(j);
            if (a == b || s.artistKeysNoSpace.at(i) == p.artistKeysNoSpace.at(j)) {
                if (primary)
                    return 1.0; // "M I I L" vs "MIIL"
                best = std::max(best, kFeaturedOnlyArtistCredit);
                continue;
            }
            // "Nick Cave and the Bad Seeds" vs "Nick Cave": one name is the other's leading words.
            const QString &shorter = a.size() < b.size() ? a : b;
            const QString &longer = a.size() < b.size() ? b : a;
            // Only "X and ..." ("Nick Cave and the Bad Seeds", "Bob Marley and the Wailers"): "Queen
            // Tribute Band" or "Abba Gold Orchestra" is somebody else.
            double sim = (shorter.size() >= 5 && longer.startsWith(shorter) &&
                          QStringView(longer).mid(shorter.size()).startsWith(QLatin1String(" and ")))
                             ? 0.9
                             : levenshteinRatio(a, b);
            best = std::max(best, primary ? sim : std::min(sim, kFeaturedOnlyArtistCredit));
        }
    }
    return best;
}

QString formatDelta(qint64 deltaMs)
{
    return QStringLiteral("%1%2 s")
        .arg(deltaMs >= 0 ? QStringLiteral("+") : QString())
        .arg(deltaMs / 1000.0, 0, 'f', 1);
}

QString describe(double v)
{
    return v >= 0.999 ? QStringLiteral("equal") : QStringLiteral("similar (%1)").arg(v, 0, 'f', 2);
}

// The title's descriptors plus the album's (a live album, a remix single).
VersionInfo effectiveVersion(const VersionInfo &title, const VersionInfo &album)
{
    VersionInfo v = title;
    v.flags |= album.flags;
    if (v.remixer.isEmpty())
        v.remixer = album.remixer;
    if (v.qualifier.isEmpty())
        v.qualifier = album.qualifier;
    return v;
}

} // namespace

MatchingEngine::MatchingEngine(MatchConfig config) : m_config(config) {}

Candidate MatchingEngine::score(const SourceTrack &track, const PlexTrack &candidate) const
{
    return score(prepare(track), prepare(candidate));
}

Candidate MatchingEngine::score(const PreparedSpotify &s, const PreparedPlex &p) const
{
    return scoreImpl(s, p, true);
}

Candidate MatchingEngine::scoreImpl(const PreparedSpotify &s, const PreparedPlex &p, bool explain) const
{
    Candidate c;
    if (explain)
        c.track = p.track;
    SignalScores &sig = c.signals;

    // Duration: a veto beyond the tolerance, full marks within kDurationExactMs.
    sig.durationKnown = s.track.durationMs > 0 && p.track.durationMs > 0;
    qint64 absDelta = 0;
    if (sig.durationKnown) {
        sig.durationDeltaMs = p.track.durationMs - s.track.durationMs;
        absDelta = std::llabs(sig.durationDeltaMs);
        if (absDelta > m_config.durationToleranceMs) {
            sig.durationVetoed = true;
            sig.duration = 0;
        } else if (absDelta <= kDurationExactMs) {
            sig.duration = 1.0;
        } else {
            sig.duration = 1.0 - static_cast<double>(absDelta - kDurationExactMs) /
                                     std::max(1, m_config.durationToleranceMs - kDurationExactMs);
        }
    } else {
        sig.duration = 0.5;
    }
    const bool durationClose = sig.durationKnown && absDelta <= kDurationExactMs;

    sig.isrcEqual = !s.track.isrc.isEmpty() && !p.isrc.isEmpty() &&
                    s.track.isrc.compare(p.isrc, Qt::CaseInsensitive) == 0;

    bool titleUnknown = crossScript(s.titleScript, p.titleScript);
    const bool artistUnknown =
        p.artistKeys.isEmpty() || s.artistKeys.isEmpty() || artistCrossScript(s.artistScript, p.artistScript);
    sig.title = titleUnknown ? 0 : titleSimilarity(s, p);
    if (titleUnknown && s.titleSortedKey == p.titleSortedKey) {
        titleUnknown = false; // both scripts on both sides
        sig.title = 0.95;
    } else if (titleUnknown && (!s.titleTranslit.isEmpty() || !p.titleTranslit.isEmpty())) {
        // Cyrillic and Greek transliterate well enough to compare ("Кукла колдуна" / "Kukla kolduna").
        titleUnknown = false;
        sig.title = levenshteinRatio(s.titleTranslit.isEmpty() ? s.titleKey : s.titleTranslit,
                                     p.titleTranslit.isEmpty() ? p.titleKey : p.titleTranslit);
    }
    sig.artist = artistUnknown ? 0 : artistSimilarity(s, p);
    sig.album =
        (s.albumKey.isEmpty() || p.albumKey.isEmpty()) ? 0.5 : levenshteinRatio(s.albumKey, p.albumKey);

    const VersionInfo sv = effectiveVersion(s.title.version, s.albumVersion);
    const VersionInfo pv = effectiveVersion(p.title.version, p.albumVersion);
    QString conflict = versionConflict(sv, pv, durationClose);
    // A featured artist in the candidate's title whom Spotify does not credit marks another
    // recording ("Little Apple (feat. T-ara)" vs the solo "Little Apple"). The other way round is
    // normal: libraries often drop Spotify's featured credits.
    if (conflict.isEmpty()) {
        for (qsizetype i = 0; i < p.featuredKeys.size(); ++i) {
            const QString &key = p.featuredKeys.at(i);
            bool credited = false;
            for (const QString &a : s.artistKeys)
                credited = credited || levenshteinRatio(a, key) >= 0.85;
            if (!credited && !artistCrossScript(s.artistScript, scriptOf(key))) {
                conflict = QStringLiteral("candidate features %1").arg(p.title.featured.value(i));
                break;
            }
        }
    }
    // "Intro", "Interlude", "Untitled": the same generic title by the same artist on another album
    // is another piece. When both albums are known they must agree.
    if (conflict.isEmpty() && s.genericTitle && !s.albumKey.isEmpty() && !p.albumKey.isEmpty() &&
        (sig.album < 0.8 || digitsOf(s.albumKey) != digitsOf(p.albumKey)))
        conflict = QStringLiteral("generic title on another album"); // "Vol. 1" is not "Vol. 2"
    sig.versionConflict = !conflict.isEmpty();

    if (sig.durationVetoed) {
        c.confidence = 0;
        if (explain)
            c.reason =
                QStringLiteral("rejected: duration differs by %1").arg(formatDelta(sig.durationDeltaMs));
        return c;
    }
    if (sig.isrcEqual) {
        c.confidence = 0.99;
        if (explain)
            c.reason = QStringLiteral("accepted: same ISRC (%1)").arg(p.isrc);
        return c;
    }

    // Signals that cannot be compared letter by letter get credit only when everything else
    // agrees exactly; otherwise they count as disagreement.
    QStringList notes;
    double title = sig.title;
    double artist = sig.artist;
    bool titleCredited = false; // a credit, not a measurement: the gates do not apply
    bool artistCredited = false;
    if (titleUnknown) {
        const bool rest = !artistUnknown && sig.artist >= 0.9 && durationClose;
        title = rest ? kUnknownSignalCredit : 0;
        titleCredited = rest;
        if (rest)
            notes << QStringLiteral("title in another script");
    }
    if (artistUnknown) {
        const bool rest = !titleUnknown && sig.title >= 0.95 && durationClose;
        artist = rest ? kUnknownSignalCredit : 0;
        artistCredited = rest;
        if (rest)
            notes << (p.artistKeys.isEmpty() ? QStringLiteral("no artist on candidate")
                                             : QStringLiteral("artist in another script"));
    } else if (artist < m_config.artistGate && sig.title >= 0.97 && sig.album >= 0.9 &&
               !s.albumKey.isEmpty() && !p.albumKey.isEmpty() && durationClose) {
        // Same title on the same album at the same length: the credit is written differently
        // ("Michael Jackson" vs "The Jacksons", "7!!" vs "Seven Oops").
        artist = kAlbumVouchedArtistCredit;
        artistCredited = true;
        notes << QStringLiteral("artist credit differs; album agrees");
    }

    // Squared: a title that is merely similar is far weaker evidence than an equal one.
    const double titleTerm = (title >= 1.0 || titleUnknown) ? title : title * title;
    double conf = kTitleWeight * titleTerm + kArtistWeight * artist + kDurationWeight * sig.duration +
                  kAlbumWeight * sig.album;
    QString rejection;
    if (title < kTitleGate && !titleCredited) {
        conf *= 0.5;
        rejection = titleUnknown ? QStringLiteral("title in another script, nothing else decisive")
                                 : QStringLiteral("titles differ");
    }
    if (artist < m_config.artistGate && !artistCredited) {
        conf *= 0.5;
        if (rejection.isEmpty())
            rejection = artistUnknown
                            ? QStringLiteral("artist cannot be compared, title or duration not exact")
                            : QStringLiteral("different artist");
    }
    const std::uint32_t sameDiff = (s.title.version.flags ^ p.title.version.flags) & kSameRecordingMask;
    conf -= kSameRecordingTiePenalty * std::popcount(sameDiff);
    if (sig.versionConflict) {
        conf *= 0.3;
        rejection = conflict;
    }
    c.confidence = std::clamp(conf, 0.0, 1.0);
    if (!explain)
        return c;

    if (!rejection.isEmpty() || c.confidence < m_config.acceptThreshold) {
        c.reason = QStringLiteral("rejected: ") +
                   (rejection.isEmpty() ? QStringLiteral("confidence %1 below %2 (title %3, artist %4)")
                                              .arg(c.confidence, 0, 'f', 2)
                                              .arg(m_config.acceptThreshold, 0, 'f', 2)
                                              .arg(sig.title, 0, 'f', 2)
                                              .arg(sig.artist, 0, 'f', 2)
                                        : rejection);
        return c;
    }
    QString what;
    if (sig.title >= 0.999 && sig.artist >= 0.999)
        what = QStringLiteral("title and artist equal");
    else
        what = QStringLiteral("title %1, artist %2").arg(describe(sig.title), describe(sig.artist));
    if (!notes.isEmpty())
        what += QStringLiteral(" (") + notes.join(QStringLiteral("; ")) + QLatin1Char(')');
    c.reason = QStringLiteral("accepted: ") + what + QStringLiteral(", duration ") +
               (sig.durationKnown ? formatDelta(sig.durationDeltaMs) : QStringLiteral("unknown"));
    return c;
}

MatchResult MatchingEngine::match(const SourceTrack &track, const std::vector<PlexTrack> &candidates) const
{
    std::vector<PreparedPlex> prepared;
    prepared.reserve(candidates.size());
    for (const PlexTrack &c : candidates)
        prepared.push_back(prepare(c));
    return match(prepare(track), prepared);
}

template <typename Get>
MatchResult MatchingEngine::matchRange(const PreparedSpotify &track, std::size_t count, Get get) const
{
    MatchResult result;
    result.candidatesConsidered = static_cast<int>(count);
    if (count == 0) {
        result.reason = QStringLiteral("rejected: no candidates");
        return result;
    }
    // Score everything cheaply, explain only the best two.
    const PreparedPlex *best = nullptr;
    const PreparedPlex *second = nullptr;
    double bestScore = -1;
    double secondScore = -1;
    for (std::size_t i = 0; i < count; ++i) {
        const PreparedPlex &p = get(i);
        if (best && p.track.ratingKey == best->track.ratingKey)
            continue;
        const double conf = scoreImpl(track, p, false).confidence;
        if (conf > bestScore) {
            second = best;
            secondScore = bestScore;
            best = &p;
            bestScore = conf;
        } else if (conf > secondScore) {
            second = &p;
            secondScore = conf;
        }
    }
    Candidate top = scoreImpl(track, *best, true);
    result.confidence = top.confidence;
    result.signals = top.signals;
    result.reason = top.reason;
    if (second)
        result.runnerUp = scoreImpl(track, *second, true);
    if (top.confidence >= m_config.acceptThreshold && top.reason.startsWith(QLatin1String("accepted")))
        result.best = std::move(top.track);
    return result;
}

MatchResult MatchingEngine::match(const PreparedSpotify &track,
                                  const std::vector<PreparedPlex> &candidates) const
{
    return matchRange(track, candidates.size(),
                      [&](std::size_t i) -> const PreparedPlex & { return candidates[i]; });
}

MatchResult MatchingEngine::match(const PreparedSpotify &track,
                                  const std::vector<const PreparedPlex *> &candidates) const
{
    return matchRange(track, candidates.size(),
                      [&](std::size_t i) -> const PreparedPlex & { return *candidates[i]; });
}

} // namespace pb::matching
