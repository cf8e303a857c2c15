#include "pb/sync/syncsettings.h"

#include <QSettings>

#include <algorithm>
#include <cmath>

namespace pb::sync {

namespace {
const QString kNaming = QStringLiteral("sync/playlistNaming");
const QString kThreshold = QStringLiteral("sync/matchThreshold");
const QString kConcurrency = QStringLiteral("sync/concurrency");
} // namespace

SyncSettings SyncSettings::load(const QSettings &settings)
{
    SyncSettings s;
    const QString naming = settings.value(kNaming, s.playlistNaming).toString().trimmed();
    if (naming.contains(QStringLiteral("{name}")))
        s.playlistNaming = naming;
    bool ok = false;
    const double threshold = settings.value(kThreshold, s.matchThreshold).toDouble(&ok);
    if (ok && std::isfinite(threshold))
        s.matchThreshold = std::clamp(threshold, kMinThreshold, kMaxThreshold);
    const int concurrency = settings.value(kConcurrency, s.concurrency).toInt(&ok);
    if (ok)
        s.concurrency = std::clamp(concurrency, 1, kMaxConcurrency);
    return s;
}

SyncSettings SyncSettings::load()
{
    return load(QSettings());
}

void SyncSettings::save(QSettings &settings) const
{
    settings.setValue(kNaming, playlistNaming);
    settings.setValue(kThreshold, matchThreshold);
    settings.setValue(kConcurrency, concurrency);
}

QString SyncSettings::plexTitleFor(const QString &name, const QString &owner) const
{
    QString title = playlistNaming;
    title.replace(QStringLiteral("{name}"), name).replace(QStringLiteral("{owner}"), owner);
    title = title.simplified();
    return title.isEmpty() ? name : title;
}

SyncOptions SyncSettings::optionsFor(const SourcePlaylist &playlist, SyncOptions base) const
{
    const QString owner = playlist.ownerName.isEmpty() ? playlist.ownerId : playlist.ownerName;
    base.plexTitle = plexTitleFor(playlist.name, owner);
    base.acceptThreshold = matchThreshold;
    base.searchesInFlight = concurrency;
    return base;
}

} // namespace pb::sync
