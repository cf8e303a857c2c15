#pragma once

#include "pb/clients/plexclient.h"
#include "pb/clients/spotifytokens.h"
#include "pb/core/cancellation.h"
#include "pb/matching/matchingengine.h"
#include "pb/sources/playlistsource.h"
#include "pb/sync/statestore.h"
#include "pb/sync/syncservice.h"

#include <QHash>

#include <functional>

namespace pb::sync {

/// Where a job reports to. Each function posts to the service's thread; callable from the
/// worker thread.
struct JobSink {
    std::function<void(const SyncProgress &)> progress;
    std::function<void(const std::vector<TrackOutcome> &)> tracks;
    std::function<void(const SyncResult &)> finished;
    std::function<void(const clients::SpotifyTokens &)> tokensChanged;
};

/// What every part of one running job shares. Lives on the worker thread for the job's life.
struct JobContext {
    sources::PlaylistSource *source = nullptr; ///< where the playlist is read from
    clients::PlexClient *plex = nullptr;
    StateStore *store = nullptr;
    const matching::MatchingEngine *engine = nullptr;
    SyncServiceOptions serviceOptions;
    SyncOptions options;
    CancellationToken cancel;
    QString machineIdentifier;
    QStringList sectionKeys; ///< the music sections searched
    /// Tracks of the linked Plex playlist as just read: they exist, so cache entries and
    /// overrides naming them need no metadata look-up.
    QHash<QString, PlexTrack> knownTracks;
};

} // namespace pb::sync
