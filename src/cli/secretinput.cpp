#include "secretinput.h"

#include <QByteArray>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <termios.h>
#include <unistd.h>

namespace pb::cli {

namespace {

// The terminal settings to put back, reachable from a signal handler. Only one secret is read
// at a time (the CLI is single-threaded while it reads), so one slot is enough.
struct termios g_savedTerminal {};
volatile sig_atomic_t g_echoIsOff = 0;

constexpr std::array<int, 4> kEndingSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

/// Ctrl-C (or a kill) while echo is off: put the terminal back, start the shell's prompt on a
/// new line, then let the signal end the process as it would have (default action, re-raised;
/// it is delivered when the handler returns). Only async-signal-safe calls.
extern "C" void restoreTerminalAndDie(int sig)
{
    if (g_echoIsOff) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        g_echoIsOff = 0;
        const char nl = '\n';
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, &nl, 1);
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

/// Echo off for its lifetime (the typed newline is not echoed either; the caller prints one).
/// The destructor restores the terminal and the previous signal handlers on every normal or
/// error path; the handlers cover the process being ended while the user types.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct sigaction action {};
        action.sa_handler = &restoreTerminalAndDie;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < kEndingSignals.size(); ++i)
            ::sigaction(kEndingSignals[i], &action, &m_previous[i]);
        m_installed = true;
        struct termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK | ECHONL);
        g_echoIsOff = 1; // before the change: a signal arriving right after it must restore
        if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
            g_echoIsOff = 0;
    }
    ~EchoOff()
    {
        if (g_echoIsOff) {
            ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
            g_echoIsOff = 0;
        }
        if (m_installed) {
            for (std::size_t i = 0; i < kEndingSignals.size(); ++i)
                ::sigaction(kEndingSignals[i], &m_previous[i], nullptr);
        }
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    std::array<struct sigaction, kEndingSignals.size()> m_previous{};
    bool m_installed = false;
};

enum class LineStatus {
    Ok,
    TooLong,
    Failed
};

/// Reads up to the first newline one byte at a time, so nothing after it is consumed.
LineStatus readLine(QByteArray &line)
{
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return LineStatus::Failed;
        if (n == 0 || c == '\n')
            return LineStatus::Ok;
        if (line.size() >= kMaxSecretBytes)
            return LineStatus::TooLong;
        line.append(c);
    }
}

void writeToStderr(const QByteArray &text)
{
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n =
            ::write(STDERR_FILENO, text.constData() + done, static_cast<size_t>(text.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace

Result<QString> readSecretLine(const QString &prompt)
{
    QByteArray line;
    LineStatus status;
    int readErrno = 0;
    if (::isatty(STDIN_FILENO)) {
        writeToStderr(prompt.toUtf8());
        {
            const EchoOff quiet;
            status = readLine(line);
            readErrno = errno;
        }
        writeToStderr("\n"); // the user's Enter was not echoed
    } else {
        status = readLine(line);
        readErrno = errno;
    }
    const QString secret = QString::fromUtf8(line).trimmed();
    line.fill('\0'); // do not leave the secret in freed memory longer than needed
    switch (status) {
    case LineStatus::Failed:
        return Error::make(ErrorKind::Storage, QStringLiteral("could not read standard input: %1")
                                                   .arg(QString::fromLocal8Bit(std::strerror(readErrno))));
    case LineStatus::TooLong:
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("the first line of standard input is longer than %1 bytes; "
                                          "it should hold only the token")
                               .arg(kMaxSecretBytes));
    case LineStatus::Ok: break;
    }
    if (secret.isEmpty())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("standard input held no token"));
    return secret;
}

} // namespace pb::cli
