#include "cliprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QTest>

namespace pb::cli::test {

CliEnvironment::CliEnvironment() : m_env(QProcessEnvironment::systemEnvironment())
{
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/data"));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.path() + QStringLiteral("/cache"));
    m_env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.path() + QStringLiteral("/state"));
    // No session bus: QtKeychain finds no backend and the store uses its file.
    m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=%1/no-such-bus").arg(m_dir.path()));
    for (const char *name : {"PLAYLIST_BRIDGE_SPOTIFY_ACCOUNTS_URL", "PLAYLIST_BRIDGE_SPOTIFY_API_URL",
                             "PLAYLIST_BRIDGE_PLEX_TV_URL"})
        m_env.remove(QString::fromLatin1(name));
}

QString CliEnvironment::program()
{
    return QStringLiteral(PB_CLI_PATH);
}

CliRun CliEnvironment::run(const QStringList &args, const QByteArray &stdinData, int timeoutMs) const
{
    const std::unique_ptr<QProcess> p = start(args);
    if (!p->waitForStarted(30000))
        return CliRun{};
    if (!stdinData.isEmpty())
        p->write(stdinData);
    p->closeWriteChannel();
    return finish(*p, timeoutMs);
}

std::unique_ptr<QProcess> CliEnvironment::start(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(m_env);
    p->start(program(), args);
    return p;
}

CliRun CliEnvironment::finish(QProcess &p, int timeoutMs)
{
    CliRun r;
    if (p.state() == QProcess::NotRunning && p.error() == QProcess::FailedToStart)
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

CliRun CliEnvironment::loginSpotifyByPasting(QNetworkAccessManager &nam, const QString &clientId) const
{
    return runInteractive(
        {QStringLiteral("login"), QStringLiteral("spotify"), QStringLiteral("--client-id"), clientId},
        QRegularExpression(QStringLiteral("(http://\\S+/authorize\\?\\S+)")),
        [&](QProcess &p, const QRegularExpressionMatch &m) {
            QNetworkRequest request{QUrl(m.captured(1))};
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *reply = nam.get(request);
            if (QTest::qWaitFor([&] { return reply->isFinished(); }, 30000))
                p.write(reply->rawHeader("Location") + '\n');
            reply->deleteLater();
        });
}

CliRun CliEnvironment::runInteractive(
    const QStringList &args, const QRegularExpression &prompt,
    const std::function<void(QProcess &, const QRegularExpressionMatch &)> &act) const
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(program(), args);
    QByteArray out;
    QRegularExpressionMatch m;
    const bool printed = QTest::qWaitFor(
        [&] {
            out += p.readAllStandardOutput();
            m = prompt.match(QString::fromUtf8(out));
            return m.hasMatch() || p.state() == QProcess::NotRunning;
        },
        60000);
    if (printed && m.hasMatch())
        act(p, m);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000))
        p.kill();
    p.waitForFinished(5000);
    CliRun r;
    r.out = out + p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

QByteArray CliEnvironment::allSavedFiles() const
{
    QByteArray all;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

QString CliEnvironment::settingsValue(const QString &key) const
{
    // configureApplicationInfo's organisation and application names decide the file; find it.
    QDirIterator it(configHome(), {QStringLiteral("playlist-bridge.conf")}, QDir::Files,
                    QDirIterator::Subdirectories);
    if (!it.hasNext())
        return {};
    const QSettings settings(it.next(), QSettings::IniFormat);
    return settings.value(key).toString();
}

} // namespace pb::cli::test

// Under -DPB_SANITIZE=ON: the test's QNetworkAccessManager loads Qt's OpenSSL backend, whose
// global state OpenSSL never frees; LeakSanitizer would report it after every test. Only that
// library is exempted (the CLI processes under test are checked in full).
extern "C" const char *__lsan_default_suppressions();
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libcrypto.so\n";
}
