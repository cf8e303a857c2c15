#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QProcess;

namespace pb::cli::test {

/// What one run of playlist-bridge-cli produced.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + err); }
};

/// Runs the built playlist-bridge-cli with its own config and data homes (so settings and the
/// file secret store land in a temporary directory) and no D-Bus session (so no system
/// keychain is ever touched: the secret store falls back to its owner-only file).
class CliEnvironment {
public:
    CliEnvironment();

    /// Sets (or overrides) one environment variable of the runs.
    void set(const QString &name, const QString &value) { m_env.insert(name, value); }
    QProcessEnvironment environment() const { return m_env; }
    QString configHome() const { return m_dir.path() + QStringLiteral("/config"); }
    /// Every file under the config and data homes, concatenated (to look for leaked secrets).
    QByteArray allSavedFiles() const;
    /// The settings file the CLI writes.
    QString settingsValue(const QString &key) const;

    /// Runs the CLI to completion with `stdinData` on its standard input.
    CliRun run(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 120000) const;

    /// Runs the CLI interactively: once its standard output matches `prompt`, hands the match
    /// to `act` (which may write to the program's standard input), then waits for the end.
    /// `act` is not called when the program ends without printing the prompt.
    CliRun runInteractive(const QStringList &args, const QRegularExpression &prompt,
                          const std::function<void(QProcess &, const QRegularExpressionMatch &)> &act) const;

    /// `login spotify --client-id ID`, completed by pasting the address the fake /authorize
    /// (which approves at once) redirects to, fetched with `nam`.
    CliRun
    loginSpotifyByPasting(QNetworkAccessManager &nam,
                          const QString &clientId = QStringLiteral("0123456789abcdef0123456789abcdef")) const;

    /// Starts the CLI without waiting (for runs side by side); end it with finish().
    std::unique_ptr<QProcess> start(const QStringList &args) const;
    /// Waits for a started run to end (killing it after `timeoutMs`) and collects its output.
    static CliRun finish(QProcess &p, int timeoutMs = 120000);

    static QString program();

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

} // namespace pb::cli::test
