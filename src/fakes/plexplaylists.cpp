// Fake PMS playlists: list, get, items (paged, with playlistItemID), create with a
// server:// uri, append, remove one item, move, clear, edit, delete.
#include "plexjson.h"

#include <QRegularExpression>

namespace pb::fakes {

namespace {

namespace pj = plexjson;

// server://{machineIdentifier}/com.plexapp.plugins.library/library/metadata/{k1,k2,...}
// Returns the rating keys, or nullopt when the uri, machine or any key is unusable (400).
std::optional<std::vector<QString>> parseUri(const FakeState &state, const QString &uri)
{
    static const QRegularExpression re(QStringLiteral(
        "^server://([a-fA-F0-9-]+)/com\\.plexapp\\.plugins\\.library/library/metadata/([^/?]+)$"));
    const auto m = re.match(uri);
    if (!m.hasMatch() || m.captured(1) != state.world.plex.machineIdentifier)
        return std::nullopt;
    std::vector<QString> keys;
    for (const QString &k : m.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!state.plexTrack(k.trimmed()))
            return std::nullopt;
        keys.push_back(k.trimmed());
    }
    if (keys.empty())
        return std::nullopt;
    return keys;
}

void touch(FakePlexPlaylist &p)
{
    // Never equal to the previous value, so clients can see the change.
    p.updatedAt = std::max(p.updatedAt + 1, QDateTime::currentSecsSinceEpoch());
}

FakeReply playlistContainer(const FakeState &state, const FakeRequest &req, const FakePlexPlaylist &p,
                            std::optional<std::pair<int, int>> counts = std::nullopt)
{
    Json c{{"size", 1}, {"Metadata", Json::array({pj::playlistMetadata(state, p)})}};
    if (counts) {
        c["leafCountAdded"] = counts->first;
        c["leafCountRequested"] = counts->second;
    }
    return pj::container(req, c);
}

FakeReply list(const FakeState &state, const FakeRequest &req)
{
    const QString type = req.paramOr(QStringLiteral("playlistType"));
    const QString smart = req.paramOr(QStringLiteral("smart"));
    const QString title = req.paramOr(QStringLiteral("title"));
    Json items = Json::array();
    for (const auto &p : state.plexPlaylists) {
        if (!type.isEmpty() && type != QLatin1String("audio"))
            continue;
        if (smart == QLatin1String("1"))
            continue;
        if (!title.isEmpty() && !p.title.contains(title, Qt::CaseInsensitive))
            continue;
        items.push_back(pj::playlistMetadata(state, p));
    }
    Json c{{"size", items.size()}};
    if (!items.empty())
        c["Metadata"] = items;
    return pj::container(req, c);
}

FakeReply items(const FakeState &state, const FakeRequest &req, const FakePlexPlaylist &p)
{
    int start = 0, size = -1;
    if (!pj::readPaging(req, start, size))
        return plexHtmlError(400);
    const int total = static_cast<int>(p.items.size());
    Json page = Json::array();
    qint64 duration = 0;
    const int end = pj::pageEnd(start, size, total);
    for (int i = 0; i < total; ++i) {
        const auto &item = p.items[static_cast<size_t>(i)];
        const WorldPlexTrack *t = state.plexTrack(item.ratingKey);
        if (t)
            duration += t->duration;
        if (i < start || i >= end || !t)
            continue;
        Json j =
            pj::trackMetadata(state, *t, req.paramOr(QStringLiteral("includeGuids")) == QLatin1String("1"));
        j["playlistItemID"] = item.playlistItemId;
        page.push_back(std::move(j));
    }
    Json c{{"size", page.size()},
           {"totalSize", total},
           {"offset", start},
           {"composite", u8(QStringLiteral("/playlists/%1/composite/%2").arg(p.ratingKey).arg(p.updatedAt))},
           {"duration", duration},
           {"leafCount", total},
           {"playlistType", "audio"},
           {"ratingKey", u8(p.ratingKey)},
           {"smart", false},
           {"title", u8(p.title)}};
    if (!page.empty())
        c["Metadata"] = page;
    FakeReply r = pj::container(req, c);
    pj::addPagingHeaders(r, start, total);
    return r;
}

FakeReply create(FakeState &state, const FakeRequest &req)
{
    if (req.paramOr(QStringLiteral("type")) != QLatin1String("audio"))
        return plexHtmlError(400);
    if (req.paramOr(QStringLiteral("smart"), QStringLiteral("0")) != QLatin1String("0"))
        return plexHtmlError(400); // smart playlists are not modelled by the fake
    const QString title = req.paramOr(QStringLiteral("title"));
    if (title.trimmed().isEmpty())
        return plexHtmlError(400);
    const auto keys = parseUri(state, req.paramOr(QStringLiteral("uri")));
    if (!keys)
        return plexHtmlError(400);
    FakePlexPlaylist p;
    p.ratingKey = QString::number(state.nextRatingKey++);
    p.title = title;
    p.addedAt = QDateTime::currentSecsSinceEpoch();
    p.updatedAt = p.addedAt;
    for (const QString &k : *keys)
        p.items.push_back(FakePlexPlaylistItem{state.nextPlaylistItemId++, k});
    state.plexPlaylists.push_back(p);
    return playlistContainer(state, req, state.plexPlaylists.back());
}

FakeReply addItems(FakeState &state, const FakeRequest &req, FakePlexPlaylist &p)
{
    const auto keys = parseUri(state, req.paramOr(QStringLiteral("uri")));
    if (!keys)
        return plexHtmlError(400);
    for (const QString &k : *keys)
        p.items.push_back(FakePlexPlaylistItem{state.nextPlaylistItemId++, k});
    touch(p);
    const int n = static_cast<int>(keys->size());
    return playlistContainer(state, req, p, std::make_pair(n, n));
}

std::optional<size_t> indexOfItem(const FakePlexPlaylist &p, const QString &itemId)
{
    bool ok = false;
    const qint64 id = itemId.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    for (size_t i = 0; i < p.items.size(); ++i) {
        if (p.items[i].playlistItemId == id)
            return i;
    }
    return std::nullopt;
}

FakeReply move(FakeState &state, const FakeRequest &req, FakePlexPlaylist &p, const QString &itemId)
{
    const auto from = indexOfItem(p, itemId);
    if (!from)
        return plexHtmlError(404);
    const FakePlexPlaylistItem moving = p.items[*from];
    const auto after = req.param(QStringLiteral("after"));
    std::optional<size_t> afterIndex;
    if (after && !after->isEmpty()) {
        afterIndex = indexOfItem(p, *after);
        if (!afterIndex)
            return plexHtmlError(400);
        if (*afterIndex == *from)
            return playlistContainer(state, req, p);
    }
    p.items.erase(p.items.begin() + static_cast<std::ptrdiff_t>(*from));
    size_t dest = 0;
    if (afterIndex)
        dest = (*afterIndex > *from ? *afterIndex - 1 : *afterIndex) + 1;
    p.items.insert(p.items.begin() + static_cast<std::ptrdiff_t>(dest), moving);
    touch(p);
    return playlistContainer(state, req, p);
}

FakeReply edit(FakeState &state, const FakeRequest &req, FakePlexPlaylist &p)
{
    for (const char *f : {"title", "title.value"}) {
        if (const auto v = req.param(QString::fromLatin1(f)))
            p.title = *v;
    }
    for (const char *f : {"summary", "summary.value"}) {
        if (const auto v = req.param(QString::fromLatin1(f)))
            p.summary = *v;
    }
    (void)state;
    touch(p);
    return emptyReply(204);
}

} // namespace

std::optional<FakeReply> handlePlexPlaylists(FakeState &state, const FakeRequest &req)
{
    const QStringList seg = req.segments();
    if (seg.isEmpty() || seg[0] != QLatin1String("playlists"))
        return std::nullopt;
    const QString &m = req.method;
    const bool get = m == QLatin1String("GET") || m == QLatin1String("HEAD");
    if (seg.size() == 1)
        return get ? list(state, req)
                   : (m == QLatin1String("POST") ? create(state, req) : plexHtmlError(400));
    FakePlexPlaylist *p = state.plexPlaylist(seg[1]);
    if (!p)
        return plexHtmlError(404);
    if (seg.size() == 2) {
        if (get)
            return playlistContainer(state, req, *p);
        if (m == QLatin1String("PUT"))
            return edit(state, req, *p);
        if (m == QLatin1String("DELETE")) {
            const QString key = p->ratingKey;
            std::erase_if(state.plexPlaylists, [&](const FakePlexPlaylist &x) { return x.ratingKey == key; });
            return emptyReply(200);
        }
        return plexHtmlError(400);
    }
    if (seg[2] != QLatin1String("items"))
        return plexHtmlError(404);
    if (seg.size() == 3) {
        if (get)
            return items(state, req, *p);
        if (m == QLatin1String("PUT"))
            return addItems(state, req, *p);
        if (m == QLatin1String("DELETE")) {
            p->items.clear();
            touch(*p);
            return playlistContainer(state, req, *p);
        }
        return plexHtmlError(400);
    }
    if (seg.size() == 4 && m == QLatin1String("DELETE")) {
        const auto idx = indexOfItem(*p, seg[3]);
        if (!idx)
            return plexHtmlError(404);
        p->items.erase(p->items.begin() + static_cast<std::ptrdiff_t>(*idx));
        touch(*p);
        return playlistContainer(state, req, *p);
    }
    if (seg.size() == 5 && seg[4] == QLatin1String("move") && m == QLatin1String("PUT"))
        return move(state, req, *p, seg[3]);
    return plexHtmlError(404);
}

} // namespace pb::fakes
