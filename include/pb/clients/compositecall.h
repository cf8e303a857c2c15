#pragma once

#include "pb/clients/requesthandle.h"

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>

namespace pb::clients {

namespace detail {
/// The type-erased state of a CompositeCall (a CallState; defined in src/clients).
class CompositeCore;
std::shared_ptr<CompositeCore> makeCompositeCore(QObject *owner, QObject *context,
                                                 std::function<void(pb::Error)> onCancel);
RequestHandle handleOf(const std::shared_ptr<CompositeCore> &core);
void addPart(const std::shared_ptr<CompositeCore> &core, const RequestHandle &part);
/// Claims the right to deliver; false when the call was cancelled, finished or its context died.
bool claimDelivery(const std::shared_ptr<CompositeCore> &core);
bool isDone(const std::shared_ptr<CompositeCore> &core);
} // namespace detail

/// A call made of other calls, or of local work, with the contract of a client call
/// (RequestHandle): one handle, the callback at most once on the owner's thread, Cancelled
/// promptly on cancel() and nothing after it, never a callback once the context is destroyed.
/// Cancelling it cancels every part added to it. Copyable; copies share the call.
template <typename T>
class CompositeCall {
public:
    CompositeCall(QObject *owner, QObject *context, Callback<T> done)
        : m_owner(owner), m_done(std::make_shared<Callback<T>>(std::move(done)))
    {
        m_core = detail::makeCompositeCore(owner, context, [done = m_done](pb::Error e) {
            if (auto cb = std::exchange(*done, nullptr))
                cb(std::move(e));
        });
    }

    RequestHandle handle() const { return detail::handleOf(m_core); }
    /// A call whose cancellation belongs to this one.
    void add(const RequestHandle &part) const { detail::addPart(m_core, part); }
    bool isDone() const { return detail::isDone(m_core); }

    /// Delivers the result now (the first delivery wins; none after a cancel).
    void complete(pb::Result<T> result) const
    {
        if (!detail::claimDelivery(m_core))
            return;
        if (auto cb = std::exchange(*m_done, nullptr))
            cb(std::move(result));
    }
    /// Delivers the result on the owner's next event-loop turn, for work done synchronously:
    /// the caller has its handle before the callback runs.
    void completeLater(pb::Result<T> result) const
    {
        auto self = *this;
        auto shared = std::make_shared<pb::Result<T>>(std::move(result));
        QMetaObject::invokeMethod(
            m_owner, [self, shared] { self.complete(std::move(*shared)); }, Qt::QueuedConnection);
    }

private:
    QObject *m_owner;
    std::shared_ptr<Callback<T>> m_done;
    std::shared_ptr<detail::CompositeCore> m_core;
};

} // namespace pb::clients
