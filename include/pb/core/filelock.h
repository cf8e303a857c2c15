#pragma once

#include <QString>

namespace pb {

/// An exclusive lock on a file, held with flock(2) on its own open file: it excludes other
/// processes and other FileLocks of this process alike, and the system releases it when the
/// process dies, however it dies (kill -9 included), so it never goes stale. The file itself
/// stays; only the lock on it matters. Not thread-safe: one FileLock per user.
class FileLock {
public:
    enum class State {
        Held,       ///< this object holds the lock
        Busy,       ///< someone else holds it
        Unavailable ///< the file cannot be opened or locked (see errorString())
    };

    explicit FileLock(QString path);
    /// Releases the lock.
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    /// Tries once, without waiting (creating the file and its folder as needed).
    State tryLock();
    void unlock();
    bool isHeld() const { return m_held; }
    QString path() const { return m_path; }
    /// Why the last tryLock() was Unavailable.
    QString errorString() const { return m_error; }

private:
    QString m_path;
    QString m_error;
    int m_fd = -1;
    bool m_held = false;
};

} // namespace pb
