#include "pb/sync/syncsettings.h"

#include <QSettings>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <optional>

namespace pb::sync {

namespace {
const QString kNaming = QStringLiteral("sync/playlistNaming");
const QString kThreshold = QStringLiteral("sync/matchThreshold");
const QString kConcurrency = QStringLiteral("sync/concurrency");
const QString kKeepHandAdded = QStringLiteral("sync/keepHandAdded");
// One map value rather than a key per playlist: playlist ids may hold characters QSettings
// treats as separators.
const QString kKeepHandAddedFor = QStringLiteral("sync/keepHandAddedFor");

std::optional<bool> boolFrom(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    const QString text = v.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return std::nullopt;
}
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
    if (const auto keep = boolFrom(settings.value(kKeepHandAdded, s.keepHandAdded)))
        s.keepHandAdded = *keep;
    const QVariantMap perPlaylist = settings.value(kKeepHandAddedFor).toMap();
    for (auto it = perPlaylist.cbegin(); it != perPlaylist.cend(); ++it)
        if (const auto keep = boolFrom(it.value()); keep && PlaylistKey::fromString(it.key()))
            s.keepHandAddedFor.insert(it.key(), *keep);
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
    settings.setValue(kKeepHandAdded, keepHandAdded);
    QVariantMap perPlaylist;
    for (auto it = keepHandAddedFor.cbegin(); it != keepHandAddedFor.cend(); ++it)
        perPlaylist.insert(it.key(), it.value());
    if (perPlaylist.isEmpty())
        settings.remove(kKeepHandAddedFor);
    else
        settings.setValue(kKeepHandAddedFor, perPlaylist);
}

bool SyncSettings::keepsHandAdded(const PlaylistKey &playlist) const
{
    return keepHandAddedFor.value(playlist.toString(), keepHandAdded);
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
    base.keepHandAdded = keepsHandAdded(playlist.key());
    return base;
}

} // namespace pb::sync
