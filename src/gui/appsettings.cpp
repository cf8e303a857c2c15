#include "pb/gui/appsettings.h"

#include <QSettings>

#include <algorithm>

namespace pb::gui {

namespace {
const QString kAutoSyncHours = QStringLiteral("sync/autoSyncHours");
const QString kCloseToTray = QStringLiteral("ui/closeToTray");
} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    static_cast<pb::sync::SyncSettings &>(s) = pb::sync::SyncSettings::load(settings);
    bool ok = false;
    const int hours = settings.value(kAutoSyncHours, s.autoSyncHours).toInt(&ok);
    if (ok)
        s.autoSyncHours = std::clamp(hours, 0, kMaxAutoSyncHours);
    s.closeToTray = settings.value(kCloseToTray, s.closeToTray).toBool();
    return s;
}

AppSettings AppSettings::load()
{
    return load(QSettings());
}

void AppSettings::save(QSettings &settings) const
{
    pb::sync::SyncSettings::save(settings);
    settings.setValue(kAutoSyncHours, autoSyncHours);
    settings.setValue(kCloseToTray, closeToTray);
}

void AppSettings::save() const
{
    QSettings settings;
    save(settings);
}

pb::sync::SyncOptions syncOptionsFor(const SourcePlaylist &playlist, const QString &librarySectionKey,
                                     const AppSettings &settings)
{
    pb::sync::SyncOptions options;
    options.librarySectionKey = librarySectionKey;
    return settings.optionsFor(playlist, options);
}

} // namespace pb::gui
