#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace pb::cli {

/// Hands each line typed or piped on standard input to a callback, without blocking the event
/// loop (a socket notifier on fd 0). At end of input it simply stops listening, so a command
/// run with stdin closed (cron, </dev/null) keeps waiting for its other completion paths.
class StdinLines {
public:
    explicit StdinLines(std::function<void(const QString &line)> onLine);
    ~StdinLines();
    StdinLines(const StdinLines &) = delete;
    StdinLines &operator=(const StdinLines &) = delete;

private:
    void readAvailable();

    std::function<void(const QString &)> m_onLine;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QByteArray m_buffer;
};

} // namespace pb::cli
