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

/// A Spotify track normalised once, so scoring many candidates costs no re-normalisation.
struct PreparedSpotify {
    SpotifyTrack track;
    ParsedTitle title;
    QString titleKey;        ///< normalizeText(title.base)
    QString titleKeyNoSpace; ///< titleKey with spaces removed ("M I I L" style spacing)
    QStringList artistKeys;  ///< every credited and featured artist, normalised, de-duplicated
    QString albumKey;        ///< normalizeText(baseAlbum(album))
    VersionInfo albumVersion;
};

/// A Plex candidate normalised once (the library index keeps these).
struct PreparedPlex {
    PlexTrack track;
    ParsedTitle title;
    QString titleKey;
    QString titleKeyNoSpace;
    QStringList artistKeys; ///< album artist (unless Various Artists) and every track artist
    QString albumKey;
    QString isrc; ///< from an isrc:// guid, upper-case, may be empty
};

/// Normalises a Spotify track for scoring.
PreparedSpotify prepare(const SpotifyTrack &track);
/// Normalises a Plex track for scoring.
PreparedPlex prepare(const PlexTrack &track);

} // namespace pb::matching
