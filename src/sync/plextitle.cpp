#include "plextitle.h"

#include <QSet>

namespace pb::sync {

QString newPlexPlaylistTitle(const QString &chosen, const SourcePlaylist &playlist)
{
    if (const QString t = chosen.trimmed(); !t.isEmpty())
        return t;
    if (const QString n = playlist.name.trimmed(); !n.isEmpty())
        return n;
    return playlist.isLikedSongs ? QStringLiteral("Liked Songs") : QStringLiteral("Spotify playlist");
}

QString unclashedTitle(const QString &base, const std::vector<PlexPlaylist> &existing)
{
    QSet<QString> titles;
    for (const PlexPlaylist &p : existing)
        titles.insert(p.title.toCaseFolded());
    QString title = base;
    for (int n = 1; titles.contains(title.toCaseFolded()); ++n)
        title = n == 1 ? QStringLiteral("%1 (Spotify)").arg(base)
                       : QStringLiteral("%1 (Spotify %2)").arg(base).arg(n);
    return title;
}

} // namespace pb::sync
