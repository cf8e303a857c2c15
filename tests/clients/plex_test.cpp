// PlexClient against the fake Plex Media Server: reads with paging, chunked writes with 414,
// playlist edits, and the PMS error pages.
#include "fakefixture.h"

#include "pb/clients/plexclient.h"

using namespace pb::clients;
using namespace pb::clients::testing;
using pb::ErrorKind;
using pb::fakes::Fault;
using pb::fakes::FaultKind;
using std::chrono::milliseconds;

namespace {

class ClientsPlex : public FakesTest {
protected:
    void start(pb::fakes::FakeOptions o = {}) { startFakes(o); }

    PlexConfig config()
    {
        PlexConfig c;
        c.serverUrl = fakes().plexServerUrl();
        c.token = fakes().plexServerToken();
        c.client.clientIdentifier = QStringLiteral("0b6e4a52-test-install");
        c.policy = fastPolicy();
        return c;
    }

    std::unique_ptr<PlexClient> plex(std::optional<PlexConfig> c = std::nullopt)
    {
        return std::make_unique<PlexClient>(&m_nam, c ? *c : config());
    }

    static QStringList keys(int from, int n)
    {
        QStringList out;
        for (int i = 0; i < n; ++i)
            out.append(QString::number(10000 + from + i));
        return out;
    }

    static QStringList asList(const std::vector<QString> &v) { return QStringList(v.begin(), v.end()); }
};

} // namespace

TEST_F(ClientsPlex, IdentityAndMusicSections)
{
    start();
    auto p = plex();
    auto id = await<pb::PlexServer>([&](auto cb) { p->identity(nullptr, cb); });
    ASSERT_TRUE(id.ok()) << id.error().toString().toStdString();
    EXPECT_EQ(id->machineIdentifier, fakes().plexMachineIdentifier());
    auto sections = await<std::vector<pb::PlexSection>>([&](auto cb) { p->musicSections(nullptr, cb); });
    ASSERT_TRUE(sections.ok()) << sections.error().toString().toStdString();
    ASSERT_EQ(sections->size(), 1u);
    EXPECT_EQ(sections->front().key, QStringLiteral("1"));
}

TEST_F(ClientsPlex, SearchPagesThroughTheWholeSection)
{
    start();
    PlexConfig c = config();
    c.pageSize = 97;
    auto p = plex(c);
    PlexTrackQuery q;
    q.sectionKey = QStringLiteral("1");
    auto all = await<std::vector<pb::PlexTrack>>([&](auto cb) { p->searchTracks(q, nullptr, cb); });
    ASSERT_TRUE(all.ok()) << all.error().toString().toStdString();
    EXPECT_EQ(all->size(), 1200u);
    EXPECT_EQ(count(QStringLiteral("^/library/sections/1/all$")), 13); // ceil(1200 / 97)
    QSet<QString> unique;
    for (const auto &t : *all)
        unique.insert(t.ratingKey);
    EXPECT_EQ(unique.size(), 1200);
}

TEST_F(ClientsPlex, SearchFiltersAndLimit)
{
    start();
    auto p = plex();
    PlexTrackQuery exact;
    exact.sectionKey = QStringLiteral("1");
    exact.titleExact = QStringLiteral("Song 17");
    auto one = await<std::vector<pb::PlexTrack>>([&](auto cb) { p->searchTracks(exact, nullptr, cb); });
    ASSERT_TRUE(one.ok()) << one.error().toString().toStdString();
    ASSERT_EQ(one->size(), 1u);
    EXPECT_EQ(one->front().title, QStringLiteral("Song 17"));
    EXPECT_EQ(one->front().grandparentTitle, QStringLiteral("Artist 0"));

    PlexTrackQuery contains;
    contains.sectionKey = QStringLiteral("1");
    contains.title = QStringLiteral("Song 11");
    contains.artist = QStringLiteral("Artist 11");
    contains.limit = 3;
    auto few = await<std::vector<pb::PlexTrack>>([&](auto cb) { p->searchTracks(contains, nullptr, cb); });
    ASSERT_TRUE(few.ok()) << few.error().toString().toStdString();
    EXPECT_LE(few->size(), 3u);
    EXPECT_FALSE(few->empty());
    for (const auto &t : *few)
        EXPECT_TRUE(t.title.contains(QStringLiteral("Song 11")));
}

TEST_F(ClientsPlex, HubSearchAndMetadata)
{
    start();
    auto p = plex();
    auto hub = await<std::vector<pb::PlexTrack>>(
        [&](auto cb) { p->hubSearch(QStringLiteral("Song 42"), QStringLiteral("1"), 10, nullptr, cb); });
    ASSERT_TRUE(hub.ok()) << hub.error().toString().toStdString();
    ASSERT_FALSE(hub->empty());
    EXPECT_TRUE(
        std::any_of(hub->begin(), hub->end(), [](auto &t) { return t.title == QLatin1String("Song 42"); }));

    PlexConfig c = config();
    c.maxKeysPerMetadataCall = 40;
    auto batched = plex(c);
    QStringList wanted = keys(0, 100);
    wanted.insert(50, QStringLiteral("999999")); // unknown: simply absent
    auto meta = await<std::vector<pb::PlexTrack>>([&](auto cb) { batched->metadata(wanted, nullptr, cb); });
    ASSERT_TRUE(meta.ok()) << meta.error().toString().toStdString();
    EXPECT_EQ(count(QStringLiteral("^/library/metadata/")), 3);
    EXPECT_GE(meta->size(), 60u); // every batch without the unknown key comes back in full
}

TEST_F(ClientsPlex, PlaylistItemsAcrossPages)
{
    start();
    PlexConfig c = config();
    c.pageSize = 30;
    auto p = plex(c);
    auto items = await<std::vector<pb::PlexPlaylistItem>>(
        [&](auto cb) { p->playlistItems(QStringLiteral("900"), nullptr, cb); });
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    ASSERT_EQ(items->size(), 100u);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ((*items)[static_cast<size_t>(i)].track.ratingKey, QString::number(10000 + i));
    EXPECT_GT(items->front().playlistItemId, 0);
    EXPECT_EQ(count(QStringLiteral("^/playlists/900/items$")), 4);
    auto lists = await<std::vector<pb::PlexPlaylist>>([&](auto cb) { p->playlists(nullptr, cb); });
    ASSERT_TRUE(lists.ok()) << lists.error().toString().toStdString();
    EXPECT_TRUE(std::any_of(lists->begin(), lists->end(),
                            [](auto &l) { return l.ratingKey == QLatin1String("900"); }));
}

TEST_F(ClientsPlex, CreateLargePlaylistInUrlSizedChunks)
{
    start();
    auto p = plex();
    const QStringList wanted = keys(0, 1000);
    auto created = await<pb::PlexPlaylist>([&](auto cb) {
        p->createPlaylist(QStringLiteral("Big — 1000"), fakes().plexMachineIdentifier(), wanted, nullptr, cb);
    });
    ASSERT_TRUE(created.ok()) << created.error().toString().toStdString();
    EXPECT_EQ(asList(fakes().plexPlaylistItems(created->ratingKey)), wanted);
    EXPECT_EQ(count(QStringLiteral("^/playlists$"), QStringLiteral("POST")), 1);
    const int appends = count(QStringLiteral("^/playlists/[^/]+/items$"), QStringLiteral("PUT"));
    EXPECT_GE(appends, 2); // ~8 encoded bytes a key: about 500 keys a request
    for (const auto &r : fakes().requestLog())
        EXPECT_LT(r.path.size() + r.query.size() + 1, 4000) << r.path.toStdString();
}

TEST_F(ClientsPlex, Uri414HalvesTheChunkAndKeepsTheOrder)
{
    pb::fakes::FakeOptions o;
    o.maxRequestLineLength = 1200; // far below the client's 4,000: forces 414s
    start(o);
    auto p = plex();
    QStringList wanted = keys(0, 600);
    std::reverse(wanted.begin(), wanted.end()); // an order Plex would not produce by itself
    auto created = await<pb::PlexPlaylist>([&](auto cb) {
        p->createPlaylist(QStringLiteral("Reversed"), fakes().plexMachineIdentifier(), wanted, nullptr, cb);
    });
    ASSERT_TRUE(created.ok()) << created.error().toString().toStdString();
    EXPECT_EQ(asList(fakes().plexPlaylistItems(created->ratingKey)), wanted);
    int rejected = 0;
    for (const auto &r : fakes().requestLog())
        rejected += r.status == 414 ? 1 : 0;
    EXPECT_GE(rejected, 1);

    // Appending to an existing playlist follows the same rules.
    const QStringList more = keys(700, 300);
    auto added = await<void>([&](auto cb) {
        p->addItems(created->ratingKey, fakes().plexMachineIdentifier(), more, nullptr, cb);
    });
    ASSERT_TRUE(added.ok()) << added.error().toString().toStdString();
    EXPECT_EQ(asList(fakes().plexPlaylistItems(created->ratingKey)), wanted + more);
}

TEST_F(ClientsPlex, EditMoveRemoveClearDeleteAndPoster)
{
    start();
    auto p = plex();
    const QString key = QStringLiteral("900");
    auto items =
        await<std::vector<pb::PlexPlaylistItem>>([&](auto cb) { p->playlistItems(key, nullptr, cb); });
    ASSERT_TRUE(items.ok());
    const auto &it = *items;

    ASSERT_TRUE(await<void>([&](auto cb) {
                    p->moveItem(key, it[5].playlistItemId, std::nullopt, nullptr, cb);
                }).ok());
    EXPECT_EQ(fakes().plexPlaylistItems(key).front(), it[5].track.ratingKey);
    ASSERT_TRUE(await<void>([&](auto cb) {
                    p->moveItem(key, it[0].playlistItemId, it[9].playlistItemId, nullptr, cb);
                }).ok());
    ASSERT_TRUE(await<void>([&](auto cb) { p->removeItem(key, it[1].playlistItemId, nullptr, cb); }).ok());
    EXPECT_EQ(fakes().plexPlaylistItems(key).size(), 99u);

    ASSERT_TRUE(await<void>([&](auto cb) {
                    p->editPlaylist(key, QStringLiteral("Renamed ✓"), QStringLiteral("From Spotify"), nullptr,
                                    cb);
                }).ok());
    auto meta = await<pb::PlexPlaylist>([&](auto cb) { p->playlist(key, nullptr, cb); });
    ASSERT_TRUE(meta.ok()) << meta.error().toString().toStdString();
    EXPECT_EQ(meta->title, QStringLiteral("Renamed ✓"));
    EXPECT_EQ(meta->summary, QStringLiteral("From Spotify"));

    const QByteArray png = QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    ASSERT_TRUE(await<void>([&](auto cb) {
                    p->uploadPoster(key, png, QStringLiteral("image/png"), nullptr, cb);
                }).ok());

    ASSERT_TRUE(await<void>([&](auto cb) { p->clearPlaylist(key, nullptr, cb); }).ok());
    EXPECT_TRUE(fakes().plexPlaylistItems(key).empty());
    ASSERT_TRUE(await<void>([&](auto cb) { p->deletePlaylist(key, nullptr, cb); }).ok());
    auto gone = await<pb::PlexPlaylist>([&](auto cb) { p->playlist(key, nullptr, cb); });
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().kind, ErrorKind::NotFound);
    EXPECT_TRUE(gone.error().message.contains(QStringLiteral("Not Found")))
        << gone.error().message.toStdString();
}

TEST_F(ClientsPlex, EmptyCreateIsRefusedLocally)
{
    start();
    auto p = plex();
    auto r = await<pb::PlexPlaylist>([&](auto cb) {
        p->createPlaylist(QStringLiteral("Empty"), fakes().plexMachineIdentifier(), {}, nullptr, cb);
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(count(QStringLiteral("^/playlists")), 0);
}

TEST_F(ClientsPlex, WrongTokenIsAuthRequiredWithReadableMessage)
{
    start();
    PlexConfig c = config();
    c.token = QStringLiteral("not-a-token");
    auto p = plex(c);
    auto r = await<std::vector<pb::PlexSection>>([&](auto cb) { p->musicSections(nullptr, cb); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::AuthRequired);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("401 Unauthorized")))
        << r.error().message.toStdString();
    EXPECT_FALSE(r.error().message.contains(QStringLiteral("<")));
}

TEST_F(ClientsPlex, FaultsOnReadsAndWrites)
{
    start();
    auto p = plex();
    // 5xx then success on a read.
    fakes().faults().add(Fault::httpStatus(503, QStringLiteral("^/library/sections$"), 2));
    auto sections = await<std::vector<pb::PlexSection>>([&](auto cb) { p->musicSections(nullptr, cb); });
    ASSERT_TRUE(sections.ok()) << sections.error().toString().toStdString();

    // HTML with status 200 where JSON was expected.
    fakes().faults().add(Fault::withKind(FaultKind::Html, QStringLiteral("^/identity$"), 1));
    auto id = await<pb::PlexServer>([&](auto cb) { p->identity(nullptr, cb); });
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().kind, ErrorKind::Parse);

    // A write that failed with a 5xx is not repeated: it may have happened.
    fakes().faults().add(Fault::httpStatus(500, QStringLiteral("^/playlists$"), 1));
    auto created = await<pb::PlexPlaylist>([&](auto cb) {
        p->createPlaylist(QStringLiteral("Once"), fakes().plexMachineIdentifier(), keys(0, 3), nullptr, cb);
    });
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(count(QStringLiteral("^/playlists$"), QStringLiteral("POST")), 1);

    // A reset in the middle of a paged read, retried.
    fakes().faults().add(Fault::withKind(FaultKind::Reset, QStringLiteral("^/playlists/900/items$"), 1));
    auto items = await<std::vector<pb::PlexPlaylistItem>>(
        [&](auto cb) { p->playlistItems(QStringLiteral("900"), nullptr, cb); });
    ASSERT_TRUE(items.ok()) << items.error().toString().toStdString();
    EXPECT_EQ(items->size(), 100u);
}

TEST_F(ClientsPlex, CancelAChunkedWrite)
{
    start();
    auto p = plex();
    fakes().faults().add(Fault::delayed(milliseconds(5000), QStringLiteral("^/playlists/[^/]+/items$"), 1));
    std::optional<pb::Result<pb::PlexPlaylist>> result;
    RequestHandle h =
        p->createPlaylist(QStringLiteral("Cancelled"), fakes().plexMachineIdentifier(), keys(0, 1000),
                          nullptr, [&](pb::Result<pb::PlexPlaylist> r) { result.emplace(std::move(r)); });
    for (int i = 0; i < 100 && count(QStringLiteral("^/playlists/[^/]+/items$")) == 0; ++i)
        spin(10);
    h.cancel();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->error().kind, ErrorKind::Cancelled);
    spin(50);
    const int puts = count(QStringLiteral("^/playlists/[^/]+/items$"));
    spin(200);
    EXPECT_EQ(count(QStringLiteral("^/playlists/[^/]+/items$")), puts); // no further chunks
}
