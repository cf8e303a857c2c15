#include "pb/clients/secretstore.h"

#include "pb/core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QStandardPaths>

#ifdef PB_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace pb::clients {

namespace {

/// Runs `fn` on the store's thread in a later event-loop turn, unless `context` died meanwhile.
void later(QObject *store, QObject *context, std::function<void()> fn)
{
    QPointer<QObject> ctx = context;
    const bool hadContext = context != nullptr;
    QMetaObject::invokeMethod(
        store,
        [ctx, hadContext, fn = std::move(fn)] {
            if (!hadContext || ctx)
                fn();
        },
        Qt::QueuedConnection);
}

} // namespace

void InMemorySecretStore::read(const QString &key, QObject *context, Callback<std::optional<QString>> done)
{
    std::optional<QString> value;
    if (auto it = m_secrets.constFind(key); it != m_secrets.constEnd())
        value = *it;
    later(this, context, [done = std::move(done), value] { done(value); });
}

void InMemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Callback<void> done)
{
    m_secrets.insert(key, secret);
    later(this, context, [done = std::move(done)] { done(pb::Status()); });
}

void InMemorySecretStore::remove(const QString &key, QObject *context, Callback<void> done)
{
    m_secrets.remove(key);
    later(this, context, [done = std::move(done)] { done(pb::Status()); });
}

FileSecretStore::FileSecretStore(QString path, QObject *parent) : SecretStore(parent), m_path(std::move(path))
{
    if (m_path.isEmpty())
        m_path = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                 QStringLiteral("/secrets.json");
}

namespace {

pb::Result<QJsonObject> readFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QJsonObject();
    if (!f.open(QIODevice::ReadOnly))
        return pb::Error::make(pb::ErrorKind::Storage,
                               QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return pb::Error::make(pb::ErrorKind::Storage,
                               QStringLiteral("The secrets file %1 is damaged").arg(path));
    return doc.object();
}

pb::Status writeFile(const QString &path, const QJsonObject &object)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return pb::Error::make(pb::ErrorKind::Storage,
                               QStringLiteral("Cannot create %1").arg(info.absolutePath()));
    // Created owner-only from the first byte, then renamed over the old file.
    const QString tmp = path + QStringLiteral(".tmp");
    QFile::remove(tmp);
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return pb::Error::make(pb::ErrorKind::Storage,
                               QStringLiteral("Cannot write %1: %2").arg(tmp, f.errorString()));
    f.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!f.flush()) {
        f.close();
        QFile::remove(tmp);
        return pb::Error::make(pb::ErrorKind::Storage, QStringLiteral("Cannot write %1").arg(tmp));
    }
    f.close();
    QFile::remove(path);
    if (!QFile::rename(tmp, path))
        return pb::Error::make(pb::ErrorKind::Storage, QStringLiteral("Cannot replace %1").arg(path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return pb::Status();
}

} // namespace

void FileSecretStore::read(const QString &key, QObject *context, Callback<std::optional<QString>> done)
{
    auto file = readFile(m_path);
    pb::Result<std::optional<QString>> result = std::optional<QString>();
    if (!file.ok())
        result = file.error();
    else if (file->contains(key))
        result = std::optional<QString>(file->value(key).toString());
    later(this, context, [done = std::move(done), result] { done(result); });
}

void FileSecretStore::write(const QString &key, const QString &secret, QObject *context, Callback<void> done)
{
    auto file = readFile(m_path);
    QJsonObject object = file.ok() ? *file : QJsonObject(); // a damaged file is replaced
    object.insert(key, secret);
    const pb::Status s = writeFile(m_path, object);
    later(this, context, [done = std::move(done), s] { done(s); });
}

void FileSecretStore::remove(const QString &key, QObject *context, Callback<void> done)
{
    auto file = readFile(m_path);
    pb::Status s;
    if (file.ok() && file->contains(key)) {
        QJsonObject object = *file;
        object.remove(key);
        s = writeFile(m_path, object);
    } else if (!file.ok()) {
        s = file.error();
    }
    later(this, context, [done = std::move(done), s] { done(s); });
}

#ifdef PB_HAVE_QTKEYCHAIN
namespace {

/// The system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential Store).
/// When no keychain backend answers (a headless server), it switches for good to the owner-only
/// file, so sign-in still works there.
class KeychainSecretStore : public SecretStore {
public:
    KeychainSecretStore(QString service, QObject *parent)
        : SecretStore(parent), m_service(std::move(service)), m_file(new FileSecretStore(QString(), this))
    {}

    void read(const QString &key, QObject *context, Callback<std::optional<QString>> done) override
    {
        if (m_useFile)
            return m_file->read(key, context, std::move(done));
        auto *job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setKey(key);
        QPointer<QObject> ctx = context;
        const bool hadContext = context != nullptr;
        connect(job, &QKeychain::Job::finished, this,
                [this, key, job, ctx, hadContext, done = std::move(done)] {
                    if (hadContext && !ctx)
                        return;
                    if (noBackend(job))
                        return m_file->read(key, ctx.data(), done);
                    if (job->error() == QKeychain::EntryNotFound)
                        return done(std::optional<QString>());
                    if (job->error() != QKeychain::NoError)
                        return done(pb::Error::make(pb::ErrorKind::Storage,
                                                    QStringLiteral("Keychain: %1").arg(job->errorString())));
                    done(std::optional<QString>(job->textData()));
                });
        job->start();
    }

    void write(const QString &key, const QString &secret, QObject *context, Callback<void> done) override
    {
        if (m_useFile)
            return m_file->write(key, secret, context, std::move(done));
        auto *job = new QKeychain::WritePasswordJob(m_service, this);
        job->setKey(key);
        job->setTextData(secret);
        finishWith(job, context, std::move(done), [this, key, secret](QObject *c, Callback<void> d) {
            m_file->write(key, secret, c, std::move(d));
        });
    }

    void remove(const QString &key, QObject *context, Callback<void> done) override
    {
        if (m_useFile)
            return m_file->remove(key, context, std::move(done));
        auto *job = new QKeychain::DeletePasswordJob(m_service, this);
        job->setKey(key);
        finishWith(job, context, std::move(done),
                   [this, key](QObject *c, Callback<void> d) { m_file->remove(key, c, std::move(d)); });
    }

    QString backendName() const override
    {
        return m_useFile ? m_file->backendName() : QStringLiteral("system keychain");
    }

private:
    bool noBackend(QKeychain::Job *job)
    {
        if (job->error() != QKeychain::NoBackendAvailable && job->error() != QKeychain::OtherError)
            return false;
        if (!m_useFile)
            pb::log::auth()->warn("no system keychain answers: secrets go to a file readable only by you");
        m_useFile = true;
        return true;
    }

    void finishWith(QKeychain::Job *job, QObject *context, Callback<void> done,
                    std::function<void(QObject *, Callback<void>)> fallback)
    {
        QPointer<QObject> ctx = context;
        const bool hadContext = context != nullptr;
        connect(job, &QKeychain::Job::finished, this,
                [this, job, ctx, hadContext, done = std::move(done), fallback = std::move(fallback)] {
                    if (hadContext && !ctx)
                        return;
                    if (noBackend(job))
                        return fallback(ctx.data(), done);
                    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
                        return done(pb::Error::make(pb::ErrorKind::Storage,
                                                    QStringLiteral("Keychain: %1").arg(job->errorString())));
                    done(pb::Status());
                });
        job->start();
    }

    QString m_service;
    FileSecretStore *m_file;
    bool m_useFile = false;
};

} // namespace
#endif

bool systemKeychainAvailable()
{
#ifdef PB_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

std::unique_ptr<SecretStore> createSystemSecretStore(const QString &service, QObject *parent)
{
#ifdef PB_HAVE_QTKEYCHAIN
    return std::make_unique<KeychainSecretStore>(service, parent);
#else
    Q_UNUSED(service);
    return std::make_unique<FileSecretStore>(QString(), parent);
#endif
}

} // namespace pb::clients
