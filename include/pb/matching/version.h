#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace pb::matching {

/// Version descriptors found in a title or album. Same-recording ones (remaster, mono, album
/// version, explicit...) are tolerated; different-recording ones must agree on both sides.
enum class VersionFlag : std::uint32_t {
    None = 0,
    // Same recording: tolerated when only one side carries it.
    Remaster = 1u << 0,
    Mono = 1u << 1,
    Stereo = 1u << 2,
    AlbumVersion = 1u << 3, ///< album / single / original / main / LP version, "Original Mix"
    ExplicitClean = 1u << 4,
    Soundtrack = 1u << 5, ///< "From the Motion Picture ...", bonus track, deluxe
    // Different recording: both sides must carry the same set.
    Live = 1u << 8,
    Remix = 1u << 9, ///< remix, mix, rmx, VIP, dub, bootleg, rework (remixer compared too)
    Acoustic = 1u << 10,
    Unplugged = 1u << 11,
    Instrumental = 1u << 12,
    Karaoke = 1u << 13,
    Demo = 1u << 14,
    Edit = 1u << 15, ///< radio / single / short edit (tolerated when durations agree closely)
    Extended = 1u << 16,
    SpeedChanged = 1u << 17, ///< sped up, slowed (+ reverb), nightcore
    ReRecorded = 1u << 18,   ///< "(Taylor's Version)", re-recorded, re-record
    Orchestral = 1u << 19,   ///< orchestral, symphonic, piano, a cappella versions
    Language = 1u << 20,     ///< "English Version", "Japanese Ver.", "Spanish Version"
    TvSize = 1u << 21,       ///< "TV Size", "TV ver."
    Cover = 1u << 22,        ///< "(Cover)", "originally performed by", tribute
    OtherVersion = 1u << 23, ///< any other "(X Version)": "Church Version", "Pop Version"
};

/// Same-recording flags: a mask over VersionFlag.
inline constexpr std::uint32_t kSameRecordingMask = 0xffu;

/// The parsed descriptors of one title (or album).
struct VersionInfo {
    std::uint32_t flags = 0; ///< VersionFlag bits
    QString remixer;         ///< normalised remixer / mix name for Remix ("fedde le grand"), may be empty
    QString qualifier;       ///< normalised extra words of a different-recording descriptor ("at wembley")
    QStringList descriptors; ///< the descriptor texts as written, for reasons and the UI

    bool has(VersionFlag f) const { return (flags & static_cast<std::uint32_t>(f)) != 0; }
    /// Only the different-recording bits.
    std::uint32_t differentRecording() const { return flags & ~kSameRecordingMask; }
};

/// A title split into the song's own name and its version descriptors.
struct ParsedTitle {
    QString base;         ///< title without descriptors and featuring credits, as written
    QStringList featured; ///< artists moved out of "(feat. X)", "ft. X", "(with X)"
    VersionInfo version;
};

/// Splits "Song - 2011 Remaster", "Song (Live at Wembley)", "Song (feat. X) [Remix]"...
ParsedTitle parseTitle(const QString &title);

/// Descriptors of an album that make every track on it a different recording ("Live at Wembley",
/// "MTV Unplugged", "... (Live)", "Acoustic Sessions"); same-recording ones are ignored.
VersionInfo albumVersion(const QString &album);

/// Album descriptors ("1984 (Remastered)", "Guilty - The 4th Mini Album") stripped: the album's
/// own name, as written.
QString baseAlbum(const QString &album);

/// Short English name of the first different-recording flag in `flags` ("live version", "remix").
QString versionFlagName(std::uint32_t flags);

/// Why two titles' versions are different recordings, or an empty string when compatible.
/// `durationsClose` relaxes Edit (a radio edit a second away from the album cut is the same audio
/// in practice).
QString versionConflict(const VersionInfo &spotify, const VersionInfo &plex, bool durationsClose);

} // namespace pb::matching
