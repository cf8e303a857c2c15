#pragma once

#include "pb/core/types.h"
#include "pb/sync/jobtypes.h"
#include "pb/sync/syncsettings.h"

#include <QString>

class QSettings;

namespace pb::gui {

/// The user's preferences: the sync ones (pb::sync::SyncSettings, shared with the CLI) and the
/// app's own, stored under "sync/autoSyncHours" and "ui/closeToTray".
struct AppSettings : pb::sync::SyncSettings {
    static constexpr int kMaxAutoSyncHours = 168; ///< a week

    /// While the app runs, sync every playlist every this many hours; 0 = never.
    int autoSyncHours = 0;
    /// Closing the window keeps the app running in the system tray (where there is one).
    bool closeToTray = false;

    /// Reads the settings, clamping out-of-range or malformed values to the defaults' bounds.
    static AppSettings load(const QSettings &settings);
    static AppSettings load();
    void save(QSettings &settings) const;
    void save() const;
};

/// The options of a sync the user starts: the chosen Plex library, the matching settings and,
/// for a Plex playlist the sync creates, the title from the stored naming pattern (all read
/// now, so a change in Settings applies to the next sync). A linked playlist keeps its title
/// whatever the pattern says.
pb::sync::SyncOptions syncOptionsFor(const SourcePlaylist &playlist, const QString &librarySectionKey,
                                     const AppSettings &settings = AppSettings::load());

} // namespace pb::gui
