#include "accounts.h"

#include "pb/clients/secretstore.h"

#include <QEventLoop>
#include <QTimer>

namespace pb::cli {

namespace {

/// A keychain that never answers must not hang a cron job forever.
constexpr int kStoreTimeoutMs = 30000;

template <typename T, typename Call>
Result<T> await(Call call)
{
    std::optional<Result<T>> out;
    QEventLoop loop;
    QTimer::singleShot(kStoreTimeoutMs, &loop, &QEventLoop::quit);
    call(&loop, [&](Result<T> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    if (!out)
        return Error::make(ErrorKind::Storage, QStringLiteral("the secret store did not answer"));
    return std::move(*out);
}

} // namespace

Secrets::Secrets() : m_store(clients::createSystemSecretStore()) {}

Secrets::~Secrets() = default;

std::optional<QString> Secrets::read(const char *key)
{
    auto r = await<std::optional<QString>>([&](QObject *ctx, clients::Callback<std::optional<QString>> done) {
        m_store->read(QString::fromLatin1(key), ctx, std::move(done));
    });
    if (!r || !*r || (*r)->isEmpty())
        return std::nullopt;
    return **r;
}

Status Secrets::write(const char *key, const QString &secret)
{
    return await<void>([&](QObject *ctx, clients::Callback<void> done) {
        m_store->write(QString::fromLatin1(key), secret, ctx, std::move(done));
    });
}

Status Secrets::remove(const char *key)
{
    return await<void>([&](QObject *ctx, clients::Callback<void> done) {
        m_store->remove(QString::fromLatin1(key), ctx, std::move(done));
    });
}

QString Secrets::backendName() const
{
    return m_store->backendName();
}

} // namespace pb::cli
