#include "pb/gui/appsettings.h"

#include <QSettings>

#include <algorithm>

namespace pb::gui {

namespace {
const QString kNaming = QStringLiteral("sync/playlistNaming");
const QString kThreshold = QStringLiteral("sync/matchThreshold");
const QString kConcurrency = QStringLiteral("sync/concurrency");
const QString kAutoSyncHours = QStringLiteral("sync/autoSyncHours");
const QString kCloseToTray = QStringLiteral("ui/closeToTray");
} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    const QString naming = settings.value(kNaming, s.playlistNaming).toString().trimmed();
    if (naming.contains(QStringLiteral("{name}")))
        s.playlistNaming = naming;
    bool ok = false;
    const double threshold = settings.value(kThreshold, s.matchThreshold).toDouble(&ok);
    if (ok)
        s.matchThreshold = std::clamp(threshold, kMinThreshold, kMaxThreshold);
    const int concurrency = settings.value(kConcurrency, s.concurrency).toInt(&ok);
    if (ok)
        s.concurrency = std::clamp(concurrency, 1, kMaxConcurrency);
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
    settings.setValue(kNaming, playlistNaming);
    settings.setValue(kThreshold, matchThreshold);
    settings.setValue(kConcurrency, concurrency);
    settings.setValue(kAutoSyncHours, autoSyncHours);
    settings.setValue(kCloseToTray, closeToTray);
}

void AppSettings::save() const
{
    QSettings settings;
    save(settings);
}

QString AppSettings::plexTitleFor(const QString &name, const QString &owner) const
{
    QString title = playlistNaming;
    title.replace(QStringLiteral("{name}"), name).replace(QStringLiteral("{owner}"), owner);
    title = title.simplified();
    return title.isEmpty() ? name : title;
}

pb::sync::SyncOptions syncOptionsFor(const SourcePlaylist &playlist, const QString &librarySectionKey,
                                     const AppSettings &settings)
{
    pb::sync::SyncOptions options;
    options.librarySectionKey = librarySectionKey;
    const QString owner = playlist.ownerName.isEmpty() ? playlist.ownerId : playlist.ownerName;
    options.plexTitle = settings.plexTitleFor(playlist.name, owner);
    return options;
}

} // namespace pb::gui
