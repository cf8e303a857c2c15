// Imported files end to end: a file is imported into the state database, synced into the fake
// Plex over real HTTP, then an updated file re-imported and synced again in place.
#include "syncfixture.h"

#include "pb/sync/importer.h"

#include <QFile>

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

class SyncFileTest : public SyncFixture {
protected:
    void SetUp() override { startWorld(smallWorld(12, {9}, {0, 1, 2})); }

    /// An Exportify-style CSV (no Spotify URIs: ids come from the text) of the small world's tracks.
    QByteArray lines(const std::vector<int> &tracks) const
    {
        QByteArray out = "Track Name,Artist Name(s),Album Name,Track Duration (ms)\n";
        const fakes::World w = world();
        for (int i : tracks) {
            const fakes::WorldSpotifyTrack &t = w.spotify.tracks[static_cast<std::size_t>(i)];
            out += '"' + t.name.toUtf8() + "\",\"" + t.artists.front().toUtf8() + "\",\"" + t.album.toUtf8() +
                   "\"," + QByteArray::number(static_cast<qlonglong>(t.durationMs)) + '\n';
        }
        return out;
    }
    fakes::World world() const { return smallWorld(12, {9}, {0, 1, 2}); }

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
        return path;
    }

    Result<std::vector<ImportOutcome>> import(const QString &path)
    {
        auto s = store();
        return importPlaylistFile(*s, path);
    }

    SyncResult syncPlaylist(const SourcePlaylist &p, SyncOptions options = {})
    {
        QSignalSpy finished(m_service.get(), &SyncRegistry::syncFinished);
        EXPECT_TRUE(m_service->startSync(p, options));
        EXPECT_TRUE(finished.count() > 0 || finished.wait(60000));
        return finished.isEmpty() ? SyncResult{} : finished.takeFirst().at(1).value<SyncResult>();
    }
};

TEST_F(SyncFileTest, AnImportedFileSyncsAndAnUpdatedFileUpdatesTheSamePlexPlaylistInPlace)
{
    auto first = import(writeFile(QStringLiteral("Sunday Mix.csv"), lines({3, 4, 9, 5})));
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    ASSERT_EQ(first->size(), 1u);
    const SourcePlaylist p = first->front().playlist;
    EXPECT_EQ(p.key(), (PlaylistKey{QString(kSourceFile), QStringLiteral("sunday mix")}));
    EXPECT_TRUE(first->front().isNew);
    EXPECT_EQ(p.trackCount, 4);

    const SyncResult r = syncPlaylist(p);
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_TRUE(r.edit.created);
    EXPECT_EQ(r.playlist, p.key());
    EXPECT_EQ(r.plexPlaylistTitle, QStringLiteral("Sunday Mix"));
    EXPECT_EQ(r.matched, 3);
    EXPECT_EQ(r.missing, 1); // track 9 is not in Plex
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), (QStringList{rk(3), rk(4), rk(5)}));

    // A newer file of the same playlist (another folder, a browser's " (1)"): one track gone,
    // two new, a new order. The same Plex playlist is edited in place.
    QDir(m_dir.path()).mkpath(QStringLiteral("newer"));
    auto second = import(writeFile(QStringLiteral("newer/sunday_mix (1).csv"), lines({6, 5, 3, 7})));
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->front().playlist.key(), p.key());
    EXPECT_FALSE(second->front().isNew);
    EXPECT_TRUE(second->front().changed);
    const SyncResult again = syncPlaylist(second->front().playlist);
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_FALSE(again.edit.created);
    EXPECT_EQ(again.plexPlaylistRatingKey, r.plexPlaylistRatingKey);
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), (QStringList{rk(6), rk(5), rk(3), rk(7)}));
    EXPECT_EQ(m_fakes->plexPlaylists().size(), 1u);

    // The same file once more changes nothing: the fingerprints match, matching is skipped.
    auto third = import(writeFile(QStringLiteral("newer/sunday_mix (1).csv"), lines({6, 5, 3, 7})));
    ASSERT_TRUE(third.ok());
    EXPECT_FALSE(third->front().changed);
    const SyncResult unchanged = syncPlaylist(third->front().playlist);
    EXPECT_EQ(unchanged.outcome, SyncOutcome::Succeeded);
    EXPECT_TRUE(unchanged.message.startsWith(QStringLiteral("Already up to date")))
        << unchanged.message.toStdString();
}

TEST_F(SyncFileTest, AManualFixOfAnImportedTrackHoldsForTheNextImport)
{
    auto first = import(writeFile(QStringLiteral("fix.csv"), lines({1, 2})));
    ASSERT_TRUE(first.ok());
    auto s = store();
    auto record = s->importedPlaylist(first->front().playlist.id);
    ASSERT_TRUE(record.ok() && record->has_value());
    const QString trackId = (*record)->entries[1].track.id;
    EXPECT_TRUE(trackId.startsWith(QStringLiteral("text:")));
    ASSERT_TRUE(m_service->setManualOverride(trackId, rk(11)).ok());
    auto second = import(writeFile(QStringLiteral("fix.csv"), lines({2, 1}))); // same tracks, new order
    ASSERT_TRUE(second.ok());
    const SyncResult r = syncPlaylist(second->front().playlist);
    ASSERT_EQ(r.outcome, SyncOutcome::Succeeded) << r.message.toStdString();
    EXPECT_EQ(plexItems(r.plexPlaylistRatingKey), (QStringList{rk(11), rk(1)}));
}

TEST_F(SyncFileTest, AMalformedFileIsAClearErrorAndStoresNothing)
{
    auto r = import(writeFile(QStringLiteral("broken.txt"), "Artist 1 - Song\nno separator here\n"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Parse);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("line 2"))) << r.error().message.toStdString();
    EXPECT_TRUE(store()->importedPlaylists()->empty());
    auto missing = import(m_dir.filePath(QStringLiteral("nope.m3u")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::InvalidInput);
}

TEST_F(SyncFileTest, ARemovedImportFailsItsSyncWithAClearReason)
{
    auto first = import(writeFile(QStringLiteral("gone.csv"), lines({1})));
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(store()->removeImportedPlaylist(first->front().playlist.id).ok());
    const SyncResult r = syncPlaylist(first->front().playlist);
    EXPECT_EQ(r.outcome, SyncOutcome::Failed);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->kind, ErrorKind::NotFound);
    EXPECT_TRUE(m_fakes->plexPlaylists().empty());
}

} // namespace
