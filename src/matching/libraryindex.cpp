#include "pb/matching/libraryindex.h"

#include <algorithm>

namespace pb::matching {
namespace {

QString squeeze(QString s)
{
    s.remove(QLatin1Char(' '));
    return s;
}

void addTo(QHash<QString, std::vector<int>> &map, const QString &key, int id)
{
    if (key.isEmpty())
        return;
    std::vector<int> &ids = map[key];
    if (ids.empty() || ids.back() != id)
        ids.push_back(id);
}

} // namespace

void LibraryIndex::reserve(std::size_t count)
{
    m_tracks.reserve(count);
}

void LibraryIndex::add(const PlexTrack &track)
{
    const int id = static_cast<int>(m_tracks.size());
    m_tracks.push_back(prepare(track));
    const PreparedPlex &p = m_tracks.back();
    addTo(m_byTitle, p.titleKeyNoSpace, id);
    addTo(m_byTitle, squeeze(p.titleCoreKey), id);
    for (const QString &a : p.artistKeys)
        addTo(m_byArtist, a, id);
}

std::vector<const PreparedPlex *> LibraryIndex::candidatesFor(const PreparedSpotify &track) const
{
    std::vector<int> ids;
    auto collect = [&](const QHash<QString, std::vector<int>> &map, const QString &key) {
        const auto it = map.constFind(key);
        if (it != map.constEnd())
            ids.insert(ids.end(), it->begin(), it->end());
    };
    collect(m_byTitle, track.titleKeyNoSpace);
    collect(m_byTitle, squeeze(track.titleCoreKey));
    for (const QString &a : track.artistKeys)
        collect(m_byArtist, a);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<const PreparedPlex *> out;
    out.reserve(ids.size());
    for (int id : ids)
        out.push_back(&m_tracks[static_cast<std::size_t>(id)]);
    return out;
}

MatchResult LibraryIndex::match(const MatchingEngine &engine, const PreparedSpotify &track) const
{
    return engine.match(track, candidatesFor(track));
}

} // namespace pb::matching
