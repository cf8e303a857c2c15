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

// Keeping hand-added tracks: a default and per-playlist choices, saved and read back, and a
// playlist's own choice wins over the default in the options of its sync.
TEST(SyncSettings, KeepHandAddedDefaultAndPerPlaylistChoiceRoundTrip)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    EXPECT_FALSE(SyncSettings::load(settings).keepHandAdded);
    SyncSettings s;
    s.keepHandAdded = true;
    s.keepHandAddedFor.insert(PlaylistKey::spotify(QStringLiteral("mine")).toString(), false);
    s.save(settings);
    settings.sync();
    const SyncSettings back = SyncSettings::load(settings);
    EXPECT_TRUE(back.keepHandAdded);
    EXPECT_FALSE(back.keepsHandAdded(PlaylistKey::spotify(QStringLiteral("mine"))));
    EXPECT_TRUE(back.keepsHandAdded(PlaylistKey::spotify(QStringLiteral("other"))));

    SourcePlaylist mine;
    mine.id = QStringLiteral("mine");
    mine.name = QStringLiteral("Mine");
    SourcePlaylist other = mine;
    other.id = QStringLiteral("other");
    EXPECT_FALSE(back.optionsFor(mine).keepHandAdded);
    EXPECT_TRUE(back.optionsFor(other).keepHandAdded);
}

TEST(SyncSettings, MalformedKeepHandAddedValuesAreIgnored)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("sync/keepHandAdded"), QStringLiteral("perhaps"));
    settings.setValue(QStringLiteral("sync/keepHandAddedFor"),
                      QVariantMap{{QStringLiteral("no key"), true},
                                  {QStringLiteral("spotify:a"), QStringLiteral("maybe")},
                                  {QStringLiteral("spotify:b"), true}});
    const SyncSettings s = SyncSettings::load(settings);
    EXPECT_FALSE(s.keepHandAdded);
    EXPECT_EQ(s.keepHandAddedFor.size(), 1);
    EXPECT_TRUE(s.keepsHandAdded(PlaylistKey::spotify(QStringLiteral("b"))));
}
