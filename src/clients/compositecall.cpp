#include "pb/clients/compositecall.h"

#include "callstate.h"

namespace pb::clients::detail {

class CompositeCore final : public CallState {
public:
    CompositeCore(QObject *owner, QObject *context, std::function<void(pb::Error)> onCancel)
        : CallState(owner, context), m_onCancel(std::move(onCancel))
    {}

    void fail(pb::Error error) override
    {
        if (!claimFinish())
            return;
        abortWork();
        auto onCancel = std::exchange(m_onCancel, nullptr);
        if (onCancel && contextAlive())
            onCancel(std::move(error));
    }
    bool claim()
    {
        if (!claimFinish())
            return false;
        m_onCancel = nullptr;
        abortWork(); // the parts are over or no longer wanted
        return contextAlive();
    }

protected:
    void dropCallback() override { m_onCancel = nullptr; }

private:
    std::function<void(pb::Error)> m_onCancel;
};

std::shared_ptr<CompositeCore> makeCompositeCore(QObject *owner, QObject *context,
                                                 std::function<void(pb::Error)> onCancel)
{
    auto core = std::make_shared<CompositeCore>(owner, context, std::move(onCancel));
    watchContext(core, context);
    return core;
}

RequestHandle handleOf(const std::shared_ptr<CompositeCore> &core)
{
    return RequestHandle(core);
}

void addPart(const std::shared_ptr<CompositeCore> &core, const RequestHandle &part)
{
    if (core->isDone()) {
        part.cancel();
        return;
    }
    core->addAbortHook([part] { part.cancel(); });
}

bool claimDelivery(const std::shared_ptr<CompositeCore> &core)
{
    return core->claim();
}

bool isDone(const std::shared_ptr<CompositeCore> &core)
{
    return core->isDone();
}

} // namespace pb::clients::detail
