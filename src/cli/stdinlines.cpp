#include "stdinlines.h"

#include <QSocketNotifier>

#include <unistd.h>

namespace pb::cli {

StdinLines::StdinLines(std::function<void(const QString &line)> onLine)
    : m_onLine(std::move(onLine)),
      m_notifier(std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read))
{
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [this] { readAvailable(); });
}

StdinLines::~StdinLines() = default;

void StdinLines::readAvailable()
{
    char chunk[4096];
    // The notifier said the descriptor is readable, so this read does not block.
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_notifier->setEnabled(false); // end of input (or an error): stop listening
        if (!m_buffer.isEmpty())
            m_onLine(QString::fromUtf8(std::exchange(m_buffer, {})));
        return;
    }
    m_buffer.append(chunk, static_cast<qsizetype>(n));
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        m_onLine(QString::fromUtf8(line).trimmed());
    }
}

} // namespace pb::cli
