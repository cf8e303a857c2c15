#pragma once

#include "pb/core/types.h"
#include "pb/sync/jobtypes.h"

#include <QString>

class QSettings;

namespace pb::gui {

/// The user's preferences, stored with QSettings under "sync/" (and "ui/closeToTray"). One place for the
/// keys, defaults and bounds so the dialog, the app and the tests agree.
struct AppSettings {
    static constexpr double kDefaultThreshold = 0.85;
    static constexpr double kMinThreshold = 0.50;
    static constexpr double kMaxThreshold = 0.99;
    static constexpr int kDefaultConcurrency = 4;
    static constexpr int kMaxConcurrency = 16;
    static constexpr int kMaxAutoSyncHours = 168; ///< a week

    /// The Plex playlist title; {name} and {owner} are replaced.
    QString playlistNaming = QStringLiteral("{name}");
    double matchThreshold = kDefaultThreshold; ///< minimum confidence to accept a match
    int concurrency = kDefaultConcurrency;     ///< Plex searches in flight per sync
    /// While the app runs, sync every playlist every this many hours; 0 = never.
    int autoSyncHours = 0;
    /// Closing the window keeps the app running in the system tray (where there is one).
    bool closeToTray = false;

    /// Reads the settings, clamping out-of-range or malformed values to the defaults' bounds.
    static AppSettings load(const QSettings &settings);
    static AppSettings load();
    void save(QSettings &settings) const;
    void save() const;

    /// The Plex playlist title for a Spotify playlist under this naming pattern.
    QString plexTitleFor(const QString &name, const QString &owner) const;
};

/// The options of a sync the user starts: the chosen Plex library and, for a Plex playlist the
/// sync creates, the title from the stored naming pattern (read now, so a change in Settings
/// applies to the next sync). A linked playlist keeps its title whatever the pattern says.
pb::sync::SyncOptions syncOptionsFor(const SourcePlaylist &playlist, const QString &librarySectionKey,
                                     const AppSettings &settings = AppSettings::load());

} // namespace pb::gui
