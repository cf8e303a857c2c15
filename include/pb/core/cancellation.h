#pragma once

#include <atomic>
#include <memory>

namespace pb {

/// A copyable, thread-safe cancellation flag. Whoever starts work keeps one copy and calls
/// cancel(); the work polls isCancelled() at its safe points.
class CancellationToken {
public:
    CancellationToken() : m_flag(std::make_shared<std::atomic_bool>(false)) {}

    void cancel() const { m_flag->store(true, std::memory_order_release); }
    bool isCancelled() const { return m_flag->load(std::memory_order_acquire); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace pb
