#pragma once

#include <QHashFunctions>
#include <QLatin1String>
#include <QMetaType>
#include <QString>

#include <optional>

namespace pb {

/// The playlist sources. A source id is part of every playlist's key and is stored in the
/// state database, so these strings never change.
inline constexpr QLatin1String kSourceSpotify{"spotify"};           ///< the Spotify Web API
inline constexpr QLatin1String kSourceFile{"file"};                 ///< an imported file (any format)
inline constexpr QLatin1String kSourceDeezer{"deezer"};             ///< a public Deezer playlist
inline constexpr QLatin1String kSourceListenBrainz{"listenbrainz"}; ///< a ListenBrainz playlist

/// Which playlist, from which source: the key of links, history, overrides and every view.
/// Ids are only unique within their source (a Deezer and a file playlist may share one).
struct PlaylistKey {
    QString source; ///< one of the kSource… ids
    QString id;     ///< the playlist's id within its source

    bool isValid() const { return !source.isEmpty() && !id.isEmpty(); }
    /// "source:id", the form the CLI accepts and logs show.
    QString toString() const;
    /// Parses "source:id" (the source is lower-case letters, digits and '-'); nullopt otherwise.
    static std::optional<PlaylistKey> fromString(const QString &text);
    /// A key of the Spotify Web API source.
    static PlaylistKey spotify(const QString &id) { return {QString(kSourceSpotify), id}; }

    friend bool operator==(const PlaylistKey &, const PlaylistKey &) = default;
    friend bool operator<(const PlaylistKey &a, const PlaylistKey &b)
    {
        return a.source != b.source ? a.source < b.source : a.id < b.id;
    }
};

inline size_t qHash(const PlaylistKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.source, key.id);
}

} // namespace pb

Q_DECLARE_METATYPE(pb::PlaylistKey)
