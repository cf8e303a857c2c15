// How a playlist stands (SyncJobSnapshot::standing): the last sync and the last completed one,
// kept through previews, failures and cancels, and read back from the history after a restart.
#include "syncfixture.h"

#include <QSignalSpy>

using namespace pb;
using namespace pb::sync;
using namespace pb::sync::test;

namespace {

const std::vector<int> kAbsent = {2, 7};
const std::vector<int> kPlaylist = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
const PlaylistKey kKey = PlaylistKey::spotify(QStringLiteral("pl1"));

class SyncStandingTest : public SyncFixture {
protected:
    void SetUp() override { startWorld(smallWorld(12, kAbsent, kPlaylist)); }

    SyncStanding standing() const
    {
        const auto snap = m_service->snapshot(kKey);
        return snap ? snap->standing : SyncStanding{};
    }
};

TEST_F(SyncStandingTest, PreviewsFailuresAndCancelsKeepTheLastCompletedSync)
{
    EXPECT_FALSE(m_service->snapshot(kKey).has_value()) << "never synced";

    const SyncResult good = sync();
    ASSERT_EQ(good.outcome, SyncOutcome::Succeeded) << good.message.toStdString();
    ASSERT_EQ(good.missing, 2);
    ASSERT_TRUE(standing().lastSync && standing().lastCompleted);
    EXPECT_EQ(standing().lastCompleted->finishedAt, good.finishedAt);

    SyncOptions preview;
    preview.dryRun = true;
    ASSERT_EQ(sync(preview).outcome, SyncOutcome::Succeeded);
    EXPECT_EQ(m_service->snapshot(kKey)->result->dryRun, true);
    EXPECT_EQ(standing().lastSync->finishedAt, good.finishedAt) << "a preview is not a sync";

    // Spotify's answer breaks: the sync fails before it writes.
    m_fakes->faults().add(
        fakes::Fault::withKind(fakes::FaultKind::Html, QStringLiteral("^/v1/playlists/pl1/items"), -1));
    const SyncResult failed = sync();
    ASSERT_EQ(failed.outcome, SyncOutcome::Failed);
    m_fakes->faults().clear();
    ASSERT_TRUE(standing().lastSync && standing().lastCompleted);
    EXPECT_EQ(standing().lastSync->outcome, SyncOutcome::Failed);
    EXPECT_EQ(standing().lastSync->message, failed.message);
    EXPECT_EQ(standing().lastCompleted->finishedAt, good.finishedAt);
    EXPECT_EQ(standing().lastCompleted->matched, good.matched);

    // A restart: a new service on the same state reads the standing from the history.
    m_service = makeService();
    ASSERT_TRUE(standing().lastSync && standing().lastCompleted);
    EXPECT_EQ(standing().lastSync->outcome, SyncOutcome::Failed);
    EXPECT_EQ(standing().lastCompleted->matched, good.matched);
    EXPECT_EQ(standing().lastCompleted->missing, good.missing);

    // The first sync of this session is cancelled: the history's last completed sync stays.
    m_fakes->faults().add(
        fakes::Fault::delayed(std::chrono::milliseconds(2000), QStringLiteral("^/v1/playlists/pl1"), -1));
    QSignalSpy finished(m_service.get(), &SyncRegistry::syncFinished);
    ASSERT_TRUE(m_service->startSync(playlist(), {}));
    m_service->cancelSync(kKey);
    ASSERT_TRUE(finished.count() > 0 || finished.wait(20000));
    EXPECT_EQ(finished.takeFirst().at(1).value<SyncResult>().outcome, SyncOutcome::Cancelled);
    m_fakes->faults().clear();
    ASSERT_TRUE(standing().lastSync && standing().lastCompleted);
    EXPECT_EQ(standing().lastSync->outcome, SyncOutcome::Cancelled);
    EXPECT_EQ(standing().lastCompleted->matched, good.matched);
    EXPECT_EQ(standing().lastCompleted->finishedAt.toSecsSinceEpoch(), good.finishedAt.toSecsSinceEpoch());

    // The next sync completes and becomes both.
    const SyncResult again = sync();
    ASSERT_EQ(again.outcome, SyncOutcome::Succeeded) << again.message.toStdString();
    EXPECT_EQ(standing().lastSync->finishedAt, again.finishedAt);
    EXPECT_EQ(standing().lastCompleted->finishedAt, again.finishedAt);
}

} // namespace
