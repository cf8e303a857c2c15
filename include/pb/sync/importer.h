#pragma once

#include "pb/core/result.h"
#include "pb/sources/filesource.h"
#include "pb/sources/importformats.h"
#include "pb/sync/statestore.h"

#include <QString>

#include <vector>

namespace pb::sync {

/// What importing one playlist of a file did.
struct ImportOutcome {
    SourcePlaylist playlist; ///< the file source's playlist (key: file + its normalised name)
    QString format;          ///< the file's format ("M3U", "Spotify data export", …)
    bool isNew = false;      ///< no playlist of that name had been imported before
    bool changed = false;    ///< its entries differ from the earlier import's
};

/// Reads a playlist file (any format of sources::parsePlaylistFile), then stores every playlist
/// in it in the state database, replacing an earlier import of the same name, so the next
/// sync updates the same Plex playlist. Nothing is stored when the file has an error.
Result<std::vector<ImportOutcome>> importPlaylistFile(StateStore &store, const QString &path,
                                                      const sources::ImportLimits &limits = {});
/// Stores playlists already parsed (for example on a worker thread) as importPlaylistFile does.
Result<std::vector<ImportOutcome>> storeImportedPlaylists(StateStore &store,
                                                          std::vector<sources::ImportedPlaylist> playlists,
                                                          const QString &origin);
/// Reads `path` within the limits and parses it: no database, safe on any thread.
Result<std::vector<sources::ImportedPlaylist>> readPlaylistFile(const QString &path,
                                                                const sources::ImportLimits &limits = {});

/// The file source's playlist of an imported record.
SourcePlaylist importedSourcePlaylist(const ImportedPlaylistRecord &record);
/// A FileSource::Store reading `store` (which must outlive the source, on the same thread).
sources::FileSource::Store fileSourceStore(StateStore *store);

} // namespace pb::sync
