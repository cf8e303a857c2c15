#include "pb/matching/matchingengine.h"
#include "pb/sync/syncsettings.h"

#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <limits>

using namespace pb;
using namespace pb::sync;

namespace {

// The app's Settings, the CLI and the engine start from one threshold: a person who never
// opened Settings gets the same matches from both front ends as match-eval measures.
TEST(SyncSettings, DefaultThresholdIsTheEngines)
{
    QTemporaryDir dir;
    const QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    EXPECT_DOUBLE_EQ(SyncSettings::load(settings).matchThreshold, matching::kAcceptThreshold);
    EXPECT_DOUBLE_EQ(SyncSettings{}.matchThreshold, matching::MatchConfig{}.acceptThreshold);
}

TEST(SyncSettings, MalformedAndOutOfRangeValuesAreBounded)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("sync/matchThreshold"), std::numeric_limits<double>::quiet_NaN());
    settings.setValue(QStringLiteral("sync/concurrency"), -3);
    SyncSettings s = SyncSettings::load(settings);
    EXPECT_DOUBLE_EQ(s.matchThreshold, SyncSettings::kDefaultThreshold);
    EXPECT_EQ(s.concurrency, 1);
    settings.setValue(QStringLiteral("sync/matchThreshold"), 0.1);
    settings.setValue(QStringLiteral("sync/concurrency"), 1000);
    s = SyncSettings::load(settings);
    EXPECT_DOUBLE_EQ(s.matchThreshold, SyncSettings::kMinThreshold);
    EXPECT_EQ(s.concurrency, SyncSettings::kMaxConcurrency);
}

TEST(SyncSettings, OptionsOfOneSyncCarryEverySetting)
{
    SyncSettings s;
    s.playlistNaming = QStringLiteral("{name} by {owner}");
    s.matchThreshold = 0.9;
    s.concurrency = 2;
    SourcePlaylist p;
    p.name = QStringLiteral("Road Trip");
    p.ownerId = QStringLiteral("alex");
    SyncOptions base;
    base.dryRun = true;
    base.librarySectionKey = QStringLiteral("7");
    const SyncOptions o = s.optionsFor(p, base);
    EXPECT_EQ(o.plexTitle, QStringLiteral("Road Trip by alex"));
    EXPECT_DOUBLE_EQ(o.acceptThreshold, 0.9);
    EXPECT_EQ(o.searchesInFlight, 2);
    EXPECT_TRUE(o.dryRun);
    EXPECT_EQ(o.librarySectionKey, QStringLiteral("7"));
}

} // namespace
