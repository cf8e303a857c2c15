// playlist-bridge-cli import: files into the state database, and with --sync into the demo's Plex.
#include "cliprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pb::cli::test;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(data);
    return path;
}

QJsonObject json(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

const QByteArray kMix =
    "#EXTM3U\n#PLAYLIST:Late Night Mix\n#EXTINF:354,Queen - Bohemian Rhapsody\nqueen.mp3\n"
    "#EXTINF:295,Adele - Hello\nadele.mp3\n#EXTINF:120,Nobody Knows - A Song Nobody Has\nx.mp3\n";

TEST(CliImport, ImportWithSyncWritesThePlaylistIntoPlexAndReportsBoth)
{
    const CliEnvironment env;
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("late.m3u8"), kMix);
    const QString db = dir.filePath(QStringLiteral("state.sqlite"));
    const CliRun r = env.run({QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("import"),
                              file, QStringLiteral("--sync"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.text().toStdString();
    const QJsonObject doc = json(r);
    const QJsonObject imported = doc.value(QStringLiteral("imported")).toArray().at(0).toObject();
    EXPECT_EQ(imported.value(QStringLiteral("source")).toString(), QStringLiteral("file"));
    EXPECT_EQ(imported.value(QStringLiteral("name")).toString(), QStringLiteral("Late Night Mix"));
    EXPECT_EQ(imported.value(QStringLiteral("state")).toString(), QStringLiteral("new"));
    EXPECT_EQ(imported.value(QStringLiteral("tracks")).toInt(), 3);
    const QJsonObject synced = doc.value(QStringLiteral("playlists")).toArray().at(0).toObject();
    EXPECT_EQ(synced.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
    EXPECT_TRUE(synced.value(QStringLiteral("created")).toBool());
    EXPECT_EQ(synced.value(QStringLiteral("matched")).toInt(), 2);
    EXPECT_EQ(synced.value(QStringLiteral("missing")).toInt(), 1);
    EXPECT_EQ(synced.value(QStringLiteral("playlist")).toObject().value(QStringLiteral("source")).toString(),
              QStringLiteral("file"));

    // Imported once, the playlist is listed (and named by source:id) without the file.
    QFile::remove(file);
    const CliRun list = env.run({QStringLiteral("--demo"), QStringLiteral("--db"), db,
                                 QStringLiteral("playlists"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.text().toStdString();
    bool found = false;
    for (const QJsonValue &p : json(list).value(QStringLiteral("playlists")).toArray())
        found = found ||
                (p.toObject().value(QStringLiteral("source")).toString() == QStringLiteral("file") &&
                 p.toObject().value(QStringLiteral("id")).toString() == QStringLiteral("late night mix"));
    EXPECT_TRUE(found) << list.out.toStdString();
}

TEST(CliImport, WithoutSyncNoAccountIsNeededAndAnUpdatedFileIsReportedAsUpdated)
{
    const CliEnvironment env;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("state.sqlite"));
    const QString file = writeFile(dir, QStringLiteral("list.txt"), "Queen - Bohemian Rhapsody\n");
    const CliRun first = env.run({QStringLiteral("import"), file, QStringLiteral("--db"), db});
    ASSERT_EQ(first.exitCode, 0) << first.text().toStdString();
    EXPECT_TRUE(first.text().contains(QStringLiteral("new"))) << first.text().toStdString();
    writeFile(dir, QStringLiteral("list.txt"), "Queen - Bohemian Rhapsody\nAdele - Hello\n");
    const CliRun second =
        env.run({QStringLiteral("import"), file, QStringLiteral("--db"), db, QStringLiteral("--json")});
    ASSERT_EQ(second.exitCode, 0) << second.text().toStdString();
    const QJsonObject row = json(second).value(QStringLiteral("imported")).toArray().at(0).toObject();
    EXPECT_EQ(row.value(QStringLiteral("state")).toString(), QStringLiteral("updated"));
    EXPECT_EQ(row.value(QStringLiteral("tracks")).toInt(), 2);
}

TEST(CliImport, AMalformedFileNamesTheLineAndAMissingOneIsAClearError)
{
    const CliEnvironment env;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("state.sqlite"));
    const QString bad =
        writeFile(dir, QStringLiteral("bad.csv"), "Track Name,Artist Name(s)\n\"Hello,Adele\n");
    const CliRun r = env.run({QStringLiteral("import"), bad, QStringLiteral("--db"), db});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.text().contains(QStringLiteral("line 2"))) << r.text().toStdString();
    const CliRun missing = env.run(
        {QStringLiteral("import"), dir.filePath(QStringLiteral("none.m3u")), QStringLiteral("--db"), db});
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_TRUE(missing.text().contains(QStringLiteral("cannot read"))) << missing.text().toStdString();
    EXPECT_EQ(env.run({QStringLiteral("import")}).exitCode, 2);
    EXPECT_EQ(env.run({QStringLiteral("import"), bad, QStringLiteral("--dry-run")}).exitCode, 2);
}

} // namespace
