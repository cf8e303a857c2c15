#include "pb/core/filelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace pb {

FileLock::FileLock(QString path) : m_path(std::move(path)) {}

FileLock::~FileLock()
{
    unlock();
}

FileLock::State FileLock::tryLock()
{
    if (m_held)
        return State::Held;
#ifdef Q_OS_UNIX
    if (m_fd < 0) {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return State::Unavailable;
        }
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
        m_held = true;
        return State::Held;
    }
    if (errno == EWOULDBLOCK || errno == EINTR)
        return State::Busy;
    m_error = QString::fromLocal8Bit(std::strerror(errno));
    return State::Unavailable;
#else
    m_error = QStringLiteral("file locks need flock(2)");
    return State::Unavailable;
#endif
}

void FileLock::unlock()
{
#ifdef Q_OS_UNIX
    if (m_fd >= 0) {
        // Closing the only descriptor of the open file releases the flock.
        ::close(m_fd);
        m_fd = -1;
    }
#endif
    m_held = false;
}

} // namespace pb
