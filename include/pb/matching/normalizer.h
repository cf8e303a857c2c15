#pragma once

#include "pb/core/types.h"
#include "pb/matching/version.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace pb::matching {

/// The comparison form of free text: NFKC compatibility, case folding, Latin accents folded
/// (é→e, ø→o, ß→ss, æ→ae), every quote/apostrophe/dash form unified, "&"/"+"/"and" one token,
/// punctuation to spaces, whitespace collapsed. Non-Latin letters are kept, so a non-empty title
/// never becomes empty (a title of only punctuation keeps its folded characters).
QString normalizeText(const QString &text);

/// normalizeText plus a leading "the " dropped ("The Beatles" == "Beatles").
QString normalizeArtist(const QString &artist);

/// Splits one credit string ("A, B & C", "A feat. B", "A; B", "A x B") into names, keeping
/// known names that contain a separator ("Simon & Garfunkel", "Earth, Wind & Fire").
QStringList splitArtists(const QString &credit);

/// True for "Various Artists", "VA", "Various" and their usual spellings.
bool isVariousArtists(const QString &artist);

/// Which letters a normalised string holds; a Latin title against a non-Latin one ("Gurenge" vs
/// "紅蓮華") cannot be compared letter by letter.
enum class Script : unsigned char {
    None,     ///< digits and symbols only
    Latin,    ///< Latin letters (and maybe digits)
    NonLatin, ///< letters, none of them Latin
    Mixed,
};

/// The script of a string (normalised or not).
Script scriptOf(const QString &text);

/// A normalised key with Cyrillic and Greek letters transliterated to Latin ("кино" -> "kino"),
/// or an empty string when the key holds neither. Other scripts are left alone (kanji and hanzi
/// have no letter-by-letter romanisation).
QString transliterate(const QString &key);

/// A Spotify track normalised once, so scoring many candidates costs no re-normalisation.
struct PreparedSpotify {
    SourceTrack track;
    ParsedTitle title;
    QString titleKey;           ///< normalizeText(title.base)
    QString titleKeyNoSpace;    ///< titleKey with spaces removed ("M I I L" style spacing)
    QString titleCoreKey;       ///< titleKey without any bracketed words ("Sweet Dreams")
    QString titleDigits;        ///< the numbers in the title ("2 0" for "Sweet Spot 2.0")
    QStringList titleWords;     ///< titleKey split on spaces
    QString titleMovementKey;   ///< classical "Work: I. Movement": the movement, numeral dropped
    QString titleTranslit;      ///< transliterate(titleKey), empty unless Cyrillic/Greek
    QString titleContentKey;    ///< titleKey without "the", "a", "an", "and", "of", "to"
    QString titleCatalogueFree; ///< titleKey without "Op. 23", "WoO 59", "BWV 1007"...; empty if none
    QString titleSortedKey; ///< titleKey's words sorted ("Gangnam Style (강남스타일)" either way round)
    QStringList artistKeys; ///< every credited and featured artist, normalised, de-duplicated
    QStringList artistKeysNoSpace; ///< artistKeys with spaces removed ("M I I L" == "MIIL")
    QStringList primaryArtistKeys; ///< the first credited artist's keys (whole, split, transliterated)
    bool classical = false;        ///< a classical work: every credited artist counts as primary
    QString albumKey;              ///< normalizeText(baseAlbum(album))
    VersionInfo albumVersion;
    Script titleScript = Script::None;
    Script artistScript = Script::None; ///< of all artist names together
    bool genericTitle = false; ///< "Intro", "Interlude", "Untitled", "Track 3": needs the album to agree
};

/// A Plex candidate normalised once (the library index keeps these).
struct PreparedPlex {
    PlexTrack track;
    ParsedTitle title;
    QString titleKey;
    QString titleKeyNoSpace;
    QString titleCoreKey;
    QString titleDigits;
    QStringList titleWords;
    QString titleMovementKey;   ///< the title without a leading movement numeral
    QString titleTranslit;      ///< transliterate(titleKey), empty unless Cyrillic/Greek
    QString titleContentKey;    ///< titleKey without stop words
    QString titleCatalogueFree; ///< titleKey without a catalogue number; empty if none
    QString titleSortedKey;     ///< titleKey's words sorted
    QStringList artistKeys;     ///< album artist (unless Various Artists) and every track artist
    QStringList artistKeysNoSpace;
    QStringList featuredKeys; ///< normalised "(feat. X)" names from the title, in title.featured order
    QString albumKey;
    VersionInfo albumVersion;
    Script titleScript = Script::None;
    Script artistScript = Script::None;
    bool classical = false;      ///< the title names a classical work ("Op. 23", "Sonata")
    bool variousArtists = false; ///< album artist is "Various Artists" (only the track artist counts)
    QString isrc;                ///< from an isrc:// guid, upper-case, may be empty
};

/// Normalises a Spotify track for scoring.
PreparedSpotify prepare(const SourceTrack &track);
/// Normalises a Plex track for scoring.
PreparedPlex prepare(const PlexTrack &track);

} // namespace pb::matching
