#include "pb/fakes/fakeservicesthread.h"

namespace pb::fakes {

FakeServicesThread::FakeServicesThread(FakeOptions options, World world)
    : m_options(options), m_world(std::move(world))
{
    m_thread.setObjectName(QStringLiteral("pb-fakes"));
}

FakeServicesThread::~FakeServicesThread()
{
    stop();
}

pb::Status FakeServicesThread::start(quint16 basePort)
{
    if (m_services)
        return {};
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    pb::Status status;
    // Created on the worker thread so its sockets and timers belong to it.
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            auto *s = new FakeServices(m_options);
            s->useWorld(m_world);
            status = s->start(basePort);
            if (!status.ok()) {
                delete s;
                return;
            }
            m_services = s;
        },
        Qt::BlockingQueuedConnection);
    if (!status.ok())
        stop();
    return status;
}

void FakeServicesThread::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_context) {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                delete m_services;
                m_services = nullptr;
                delete m_context;
                m_context = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

} // namespace pb::fakes
