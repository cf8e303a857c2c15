#pragma once

#include "pb/clients/requesthandle.h"
#include "pb/core/error.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QNetworkReply;
class QTimer;

namespace pb::clients::detail {

/// The shared state of one logical call: who to call back, whether it was cancelled, and the
/// network reply or timer currently doing its work (so cancel can abort it at once).
/// Lives as long as a RequestHandle or a pending continuation refers to it.
class CallState : public std::enable_shared_from_this<CallState> {
public:
    CallState(QObject *owner, QObject *context);
    virtual ~CallState();
    CallState(const CallState &) = delete;
    CallState &operator=(const CallState &) = delete;

    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    bool isFinished() const { return m_finished.load(std::memory_order_acquire); }
    /// True when nobody wants the result any more: continuations stop at this point.
    bool isDone() const { return isCancelled() || isFinished(); }

    /// Thread-safe. Aborts the work and delivers ErrorKind::Cancelled (on the owner's thread).
    void cancel();
    /// The context died: stop the work, never call back.
    void abandon();

    /// The reply / timer now doing this call's work (owner thread only).
    void setReply(QNetworkReply *reply);
    void setTimer(QTimer *timer);
    /// Extra work to stop on cancel (parallel sub-requests).
    void addAbortHook(std::function<void()> hook);

    QObject *owner() const { return m_owner.data(); }
    /// Fails the call with `error` (no-op when already finished).
    virtual void fail(pb::Error error) = 0;

protected:
    /// Claims the right to finish; false when the call already finished.
    bool claimFinish();
    bool contextAlive() const { return !m_hasContext || !m_context.isNull(); }
    void abortWork();
    virtual void dropCallback() = 0;

private:
    QPointer<QObject> m_owner;
    QPointer<QObject> m_context;
    bool m_hasContext = false;
    std::atomic_bool m_cancelled{false};
    std::atomic_bool m_finished{false};
    QPointer<QNetworkReply> m_reply;
    QPointer<QTimer> m_timer;
    QMetaObject::Connection m_contextConnection;
    std::mutex m_hooksMutex;
    std::vector<std::function<void()>> m_abortHooks;

    friend void watchContext(const std::shared_ptr<CallState> &state, QObject *context);
};

/// Connects the context's destroyed() signal to abandon().
void watchContext(const std::shared_ptr<CallState> &state, QObject *context);

/// A call whose callback takes Result<T>.
template <typename T>
class Call final : public CallState {
public:
    Call(QObject *owner, QObject *context, Callback<T> callback)
        : CallState(owner, context), m_callback(std::move(callback))
    {}

    /// Delivers the result once; later results (and results after cancel) are dropped.
    void complete(pb::Result<T> result)
    {
        if (!claimFinish())
            return;
        auto callback = std::move(m_callback);
        m_callback = nullptr;
        if (callback && contextAlive())
            callback(std::move(result));
    }
    void fail(pb::Error error) override { complete(pb::Result<T>(std::move(error))); }

protected:
    void dropCallback() override { m_callback = nullptr; }

private:
    Callback<T> m_callback;
};

template <typename T>
std::shared_ptr<Call<T>> makeCall(QObject *owner, QObject *context, Callback<T> callback)
{
    auto call = std::make_shared<Call<T>>(owner, context, std::move(callback));
    watchContext(call, context);
    return call;
}

} // namespace pb::clients::detail
