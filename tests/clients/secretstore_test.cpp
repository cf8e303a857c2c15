// Secret stores: the in-memory one for tests, and the owner-only file fallback.
#include "pb/clients/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <optional>

using namespace pb::clients;

namespace {

template <typename T, typename Start>
pb::Result<T> await(Start start)
{
    std::optional<pb::Result<T>> out;
    QEventLoop loop;
    start([&](pb::Result<T> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(10000, &loop, &QEventLoop::quit); // guard only, never expected
        loop.exec();
    }
    if (!out)
        return pb::Error::make(pb::ErrorKind::Internal, QStringLiteral("no callback"));
    return std::move(*out);
}

void roundTrip(SecretStore &store)
{
    const QString key = QString::fromLatin1(kSecretSpotifyRefreshToken);
    auto missing = await<std::optional<QString>>([&](auto cb) { store.read(key, nullptr, cb); });
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
    ASSERT_TRUE(await<void>([&](auto cb) { store.write(key, QStringLiteral("s3cret"), nullptr, cb); }).ok());
    auto got = await<std::optional<QString>>([&](auto cb) { store.read(key, nullptr, cb); });
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->value_or(QString()), QStringLiteral("s3cret"));
    ASSERT_TRUE(await<void>([&](auto cb) { store.remove(key, nullptr, cb); }).ok());
    auto gone = await<std::optional<QString>>([&](auto cb) { store.read(key, nullptr, cb); });
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone->has_value());
}

} // namespace

TEST(ClientsSecretStore, InMemoryRoundTrip)
{
    InMemorySecretStore store;
    roundTrip(store);
}

TEST(ClientsSecretStore, FileRoundTripIsOwnerOnly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/secrets.json"));
    FileSecretStore store(path);
    roundTrip(store);
    ASSERT_TRUE(await<void>([&](auto cb) {
                    store.write(QStringLiteral("k"), QStringLiteral("v"), nullptr, cb);
                }).ok());
    const auto perms = QFile::permissions(path);
    EXPECT_TRUE(perms & QFileDevice::ReadOwner);
    EXPECT_FALSE(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                          QFileDevice::WriteOther));
}

TEST(ClientsSecretStore, CallbackNeverSynchronousAndDroppedWithContext)
{
    InMemorySecretStore store;
    bool called = false;
    auto *context = new QObject;
    store.write(QStringLiteral("k"), QStringLiteral("v"), context, [&](pb::Status) { called = true; });
    EXPECT_FALSE(called);
    delete context;
    QCoreApplication::processEvents();
    EXPECT_FALSE(called);
}

TEST(ClientsSecretStore, DamagedFileIsAStorageError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{not json");
    f.close();
    FileSecretStore store(path);
    auto r = await<std::optional<QString>>([&](auto cb) { store.read(QStringLiteral("k"), nullptr, cb); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, pb::ErrorKind::Storage);
}
