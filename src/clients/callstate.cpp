#include "callstate.h"

#include <QNetworkReply>
#include <QThread>
#include <QTimer>

namespace pb::clients {

RequestHandle::RequestHandle(std::shared_ptr<detail::CallState> state) : m_state(std::move(state)) {}

void RequestHandle::cancel() const
{
    if (m_state)
        m_state->cancel();
}

bool RequestHandle::isFinished() const
{
    return !m_state || m_state->isFinished();
}

namespace detail {

CallState::CallState(QObject *owner, QObject *context)
    : m_owner(owner), m_context(context), m_hasContext(context != nullptr)
{}

CallState::~CallState()
{
    QObject::disconnect(m_contextConnection);
}

void watchContext(const std::shared_ptr<CallState> &state, QObject *context)
{
    if (!context || !state->owner())
        return;
    std::weak_ptr<CallState> weak = state;
    state->m_contextConnection = QObject::connect(context, &QObject::destroyed, state->owner(), [weak] {
        if (auto s = weak.lock())
            s->abandon();
    });
}

bool CallState::claimFinish()
{
    bool expected = false;
    if (!m_finished.compare_exchange_strong(expected, true, std::memory_order_acq_rel))
        return false;
    QObject::disconnect(m_contextConnection);
    return true;
}

void CallState::cancel()
{
    m_cancelled.store(true, std::memory_order_release);
    if (isFinished())
        return;
    auto self = shared_from_this();
    auto run = [self] {
        if (self->isFinished())
            return;
        self->abortWork();
        self->fail(pb::Error::make(pb::ErrorKind::Cancelled, QStringLiteral("Cancelled")));
    };
    QObject *owner = m_owner.data();
    if (!owner) {
        // The client is gone: nothing can call back any more; just mark the call over.
        claimFinish();
        dropCallback();
        return;
    }
    if (QThread::currentThread() == owner->thread())
        run();
    else
        QMetaObject::invokeMethod(owner, run, Qt::QueuedConnection);
}

void CallState::abandon()
{
    m_cancelled.store(true, std::memory_order_release);
    if (!claimFinish())
        return;
    dropCallback();
    abortWork();
}

void CallState::setReply(QNetworkReply *reply)
{
    m_reply = reply;
}

void CallState::setTimer(QTimer *timer)
{
    m_timer = timer;
}

void CallState::addAbortHook(std::function<void()> hook)
{
    std::lock_guard lock(m_hooksMutex);
    m_abortHooks.push_back(std::move(hook));
}

void CallState::abortWork()
{
    if (QTimer *timer = m_timer.data()) {
        timer->stop();
        timer->deleteLater();
    }
    m_timer = nullptr;
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->abort(); // the finished handler sees isDone() and only cleans up
    }
    std::vector<std::function<void()>> hooks;
    {
        std::lock_guard lock(m_hooksMutex);
        hooks.swap(m_abortHooks);
    }
    for (auto &hook : hooks)
        hook();
}

} // namespace detail
} // namespace pb::clients
