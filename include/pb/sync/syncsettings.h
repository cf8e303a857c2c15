#pragma once

#include "pb/core/types.h"
#include "pb/matching/matchingengine.h"
#include "pb/sync/jobtypes.h"

#include <QHash>
#include <QString>

class QSettings;

namespace pb::sync {

/// The sync preferences a person sets in the app's Settings, stored with QSettings under
/// "sync/". The one definition of their keys, defaults and bounds: the app reads them before
/// every sync it starts and the CLI before every run, so both make the same decisions and a
/// change applies to the next sync without a restart.
struct SyncSettings {
    static constexpr double kDefaultThreshold = matching::kAcceptThreshold; ///< the engine's own
    static constexpr double kMinThreshold = 0.50;
    static constexpr double kMaxThreshold = 0.99;
    static constexpr int kDefaultConcurrency = 4;
    static constexpr int kMaxConcurrency = 16;

    /// The Plex playlist title; {name} and {owner} are replaced.
    QString playlistNaming = QStringLiteral("{name}");
    double matchThreshold = kDefaultThreshold; ///< minimum confidence to accept a match
    int concurrency = kDefaultConcurrency;     ///< Plex searches in flight per sync
    /// Never remove tracks added by hand to a synced Plex playlist (SyncOptions::keepHandAdded).
    bool keepHandAdded = false;
    /// Per playlist (PlaylistKey::toString()), a choice that replaces `keepHandAdded`.
    QHash<QString, bool> keepHandAddedFor;

    /// Reads the settings, clamping out-of-range values to the bounds and replacing malformed
    /// ones by the defaults.
    static SyncSettings load(const QSettings &settings);
    static SyncSettings load();
    void save(QSettings &settings) const;

    /// The Plex playlist title for a source playlist under this naming pattern.
    QString plexTitleFor(const QString &name, const QString &owner) const;
    /// Whether syncs of `playlist` keep hand-added tracks: its own choice, else the default.
    bool keepsHandAdded(const PlaylistKey &playlist) const;
    /// The options of one sync of `playlist`: `base` with the matching threshold, the search
    /// concurrency, whether hand-added tracks are kept and, for a Plex playlist the sync
    /// creates, the title from the pattern.
    SyncOptions optionsFor(const SourcePlaylist &playlist, SyncOptions base = {}) const;
};

} // namespace pb::sync
