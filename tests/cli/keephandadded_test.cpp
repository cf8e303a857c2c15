// sync --keep-hand-added / --remove-hand-added and the "sync/keepHandAdded" setting the app's
// Settings writes: the CLI run against a world whose Plex playlist, linked in the state
// database, holds a track the sync never put there.
#include "cliprocess.h"

#include "pb/sync/statestore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pb::cli::test;

namespace {

const char *kMachine = "0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4";

const QByteArray kWorld = R"({
  "spotify": {
    "user": {"id": "tester", "display_name": "Tester"},
    "tracks": [
      {"id": "t1", "name": "Amber Road", "artists": ["Cedar Lane"], "album": "Roads", "duration_ms": 201000},
      {"id": "t2", "name": "Blue Harbor", "artists": ["Cedar Lane"], "album": "Roads", "duration_ms": 202000}
    ],
    "playlists": [{"id": "pl1", "name": "Road Trip", "owner": "tester", "tracks": ["t1", "t2"]}]
  },
  "plex": {
    "server": {"machineIdentifier": "0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4", "name": "Test Server",
               "accessToken": "fake-plex-server-token"},
    "user": {"username": "tester", "token": "fake-plex-user-token"},
    "sections": [{"key": "1", "title": "Music"}],
    "tracks": [
      {"ratingKey": "1001", "section": "1", "title": "Amber Road", "artist": "Cedar Lane", "album": "Roads", "duration": 201000},
      {"ratingKey": "1002", "section": "1", "title": "Blue Harbor", "artist": "Cedar Lane", "album": "Roads", "duration": 202000},
      {"ratingKey": "1003", "section": "1", "title": "Something Else", "artist": "Dune", "album": "Other", "duration": 250000}
    ],
    "playlists": [{"ratingKey": "9001", "title": "Road Trip", "summary": "", "items": ["1001", "1003", "1002"]}]
  }
})";

class CliKeepHandAdded : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_world = m_dir.filePath(QStringLiteral("world.json"));
        QFile f(m_world);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kWorld);
        f.close();
        m_db = m_dir.filePath(QStringLiteral("state.sqlite"));
        auto store = pb::sync::StateStore::open(m_db);
        ASSERT_TRUE(store.ok());
        pb::sync::PlaylistLink link;
        link.playlist = pb::PlaylistKey::spotify(QStringLiteral("pl1"));
        link.machineIdentifier = QString::fromLatin1(kMachine);
        link.plexRatingKey = QStringLiteral("9001");
        link.plexTitle = QStringLiteral("Road Trip");
        link.linkedAt = QDateTime::currentDateTimeUtc();
        ASSERT_TRUE((*store)->saveLink(link).ok());
    }

    /// `sync pl1 --json` with `extra`; the one playlist's report.
    QJsonObject sync(const QStringList &extra = {})
    {
        const CliRun r =
            m_env.run(QStringList{QStringLiteral("--demo=") + m_world, QStringLiteral("--db"), m_db,
                                  QStringLiteral("sync"), QStringLiteral("pl1"), QStringLiteral("--json")} +
                      extra);
        EXPECT_EQ(r.exitCode, 0) << r.text().toStdString();
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QStringLiteral("playlists"))
            .toArray()
            .at(0)
            .toObject();
    }

    void writeSetting(const QString &key, const QVariant &value)
    {
        QDir().mkpath(m_env.configHome() + QStringLiteral("/PlaylistBridge"));
        QSettings s(m_env.configHome() + QStringLiteral("/PlaylistBridge/playlist-bridge.conf"),
                    QSettings::IniFormat);
        s.setValue(key, value);
    }

    QTemporaryDir m_dir;
    CliEnvironment m_env;
    QString m_world;
    QString m_db;
};

TEST_F(CliKeepHandAdded, ByDefaultTheSyncMirrorsTheSource)
{
    const QJsonObject r = sync();
    EXPECT_EQ(r.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
    EXPECT_EQ(r.value(QStringLiteral("removed")).toInt(), 1);
}

TEST_F(CliKeepHandAdded, TheFlagKeepsTheTrackTheSyncDidNotPutThere)
{
    const QJsonObject r = sync({QStringLiteral("--keep-hand-added")});
    EXPECT_EQ(r.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
    EXPECT_EQ(r.value(QStringLiteral("removed")).toInt(), 0);
    EXPECT_EQ(r.value(QStringLiteral("added")).toInt(), 0);
    EXPECT_TRUE(r.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("kept 1 track added in Plex by hand")))
        << r.value(QStringLiteral("message")).toString().toStdString();
}

TEST_F(CliKeepHandAdded, TheSettingKeepsItAndTheOtherFlagOverridesTheSetting)
{
    writeSetting(QStringLiteral("sync/keepHandAdded"), true);
    EXPECT_EQ(sync().value(QStringLiteral("removed")).toInt(), 0);
    EXPECT_EQ(sync({QStringLiteral("--remove-hand-added")}).value(QStringLiteral("removed")).toInt(), 1);
}

} // namespace
