#pragma once

#include "pb/core/result.h"
#include "pb/fakes/fakeservices.h"

#include <QThread>

#include <memory>

namespace pb::fakes {

/// Runs a FakeServices on its own QThread, for tests whose client blocks the calling thread
/// and for the app's demo mode. The FakeServices accessors are thread-safe; its listeners
/// and timers live on the worker thread.
class FakeServicesThread {
public:
    explicit FakeServicesThread(FakeOptions options = {}, World world = demoWorld());
    ~FakeServicesThread();
    FakeServicesThread(const FakeServicesThread &) = delete;
    FakeServicesThread &operator=(const FakeServicesThread &) = delete;

    /// Starts the thread and the listeners; returns once they are bound (or failed).
    pb::Status start(quint16 basePort = 0);
    /// Stops the listeners and joins the thread (also done by the destructor).
    void stop();

    /// The services, living on the worker thread. Use only the thread-safe accessors.
    FakeServices *services() const { return m_services; }

private:
    FakeOptions m_options;
    World m_world;
    QThread m_thread;
    QObject *m_context = nullptr;
    FakeServices *m_services = nullptr;
};

} // namespace pb::fakes
