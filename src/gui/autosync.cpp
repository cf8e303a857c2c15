#include "pb/gui/autosync.h"

#include "pb/sync/syncregistry.h"

#include <limits>

namespace pb::gui {

AutoSync::AutoSync(pb::sync::SyncRegistry *registry, std::function<QList<pb::PlaylistKey>()> startAll,
                   QObject *parent)
    : QObject(parent), m_registry(registry), m_startAll(std::move(startAll))
{
    connect(&m_timer, &QTimer::timeout, this, &AutoSync::runNow);
    if (m_registry)
        connect(m_registry, &pb::sync::SyncRegistry::syncFinished, this, &AutoSync::onFinished);
}

void AutoSync::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_timer.stop();
    if (interval.count() <= 0)
        return;
    // Hours apart, second precision is plenty (short intervals are the tests').
    m_timer.setTimerType(interval < std::chrono::seconds(20) ? Qt::PreciseTimer : Qt::VeryCoarseTimer);
    // QTimer takes an int of milliseconds (24 days); the settings stop at a week.
    m_timer.start(std::min(interval, std::chrono::milliseconds(std::numeric_limits<int>::max())));
}

std::chrono::milliseconds AutoSync::remaining() const
{
    return m_timer.isActive() ? m_timer.remainingTimeAsDuration() : std::chrono::milliseconds(0);
}

QList<pb::PlaylistKey> AutoSync::runNow()
{
    const QList<pb::PlaylistKey> started = m_startAll ? m_startAll() : QList<pb::PlaylistKey>{};
    if (started.isEmpty())
        return started;
    if (m_pending.isEmpty())
        m_results.clear();
    for (const pb::PlaylistKey &id : started)
        m_pending.insert(id);
    Q_EMIT batchStarted(started);
    return started;
}

void AutoSync::onFinished(const pb::PlaylistKey &id, const pb::sync::SyncResult &result)
{
    if (!m_pending.remove(id))
        return; // a sync this did not start
    m_results.push_back(result);
    if (m_pending.isEmpty())
        Q_EMIT batchFinished(std::exchange(m_results, {}));
}

} // namespace pb::gui
