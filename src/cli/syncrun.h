#pragma once

#include "clisession.h"

#include <QJsonArray>

#include <optional>
#include <vector>

namespace pb::cli {

/// How `sync` (and `import --sync`) runs and reports.
struct SyncRunOptions {
    sync::SyncOptions options;
    bool json = false;   ///< one JSON document on stdout instead of text
    bool strict = false; ///< exit 5 when tracks are missing
    QJsonArray imported; ///< with `import --sync --json`: the "imported" part of the document
    /// --keep-hand-added / --remove-hand-added: replaces the settings' choice for this run.
    std::optional<bool> keepHandAdded;
};

/// Syncs the playlists (progress bars on a terminal, Ctrl-C cancels cleanly), prints the
/// results and returns the exit code.
int syncPlaylists(Session &session, const std::vector<SourcePlaylist> &chosen, SyncRunOptions run);

} // namespace pb::cli
