// Connect Plex on an account with two servers (tests/data/fakes/two_servers_world.json),
// through the real ServiceBackend and clients against the fakes: the shared "Alex's Den"
// (listed first by plex.tv, one music library) and the owned "Home Server" (Movies, Rock,
// Jazz, TV Shows). Both servers are offered, each with only its own music libraries, and the
// chosen server and library are what gets saved.
#include "demoenvironment.h"

#include "pb/clients/clientconfig.h"
#include "pb/fakes/fakeservices.h"
#include "pb/gui/plexconnectdialog.h"
#include "pb/gui/servicebackend.h"

#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;

const QString kDenId = QStringLiteral("5d3e7a1c9b2f40e6a8c4d1b7e9f2a3c5b6d7e8f9");
const QString kHomeId = QStringLiteral("a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0");

QStringList itemsOf(const QComboBox *combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemText(i) + QLatin1Char('/') + combo->itemData(i).toString();
    return out;
}

/// Settings of its own for the test, so parallel test processes never see its saved account.
struct OwnSettings {
    QTemporaryDir dir;
    OwnSettings()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    }
    ~OwnSettings()
    {
        QSettings().clear();
        const QString shared = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, shared);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, shared);
    }
};

TEST(GuiMultiServer, ConnectPlexOffersEveryServerWithItsMusicLibrariesAndSavesTheChoice)
{
    const OwnSettings own;
    ASSERT_TRUE(own.dir.isValid());
    auto world = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
    ASSERT_TRUE(world.ok()) << world.error().toString().toStdString();
    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(1);
    options.world = std::move(world).value();
    pb::app::DemoEnvironment demo(options);
    ASSERT_TRUE(demo.start().ok());
    ASSERT_EQ(demo.fakes()->plexServerCount(), 2);
    qputenv(pb::clients::kEnvPlexTvUrl, demo.fakes()->plexTvUrl().toString().toUtf8());
    ServiceBackend backend(demo.connection());

    PlexConnectDialog dialog(&backend);
    dialog.show();
    dialog.signInWithPlex();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return dialog.currentPage() != PlexConnectDialog::WaitingPage; }, 60000));
    ASSERT_EQ(dialog.currentPage(), PlexConnectDialog::PickPage) << dialog.errorText().toStdString();

    // Both servers, in a stable order: the owned one first (preselected, as `login plex`
    // picks it), then the shared one, in plex.tv's order.
    QComboBox *servers = dialog.serverCombo();
    QComboBox *libraries = dialog.libraryCombo();
    ASSERT_EQ(itemsOf(servers), (QStringList{QStringLiteral("Home Server/") + kHomeId,
                                             QStringLiteral("Alex's Den/") + kDenId}));
    EXPECT_EQ(servers->currentData().toString(), kHomeId);
    // Only music libraries: Movies (listed first on the server) and TV Shows are never offered.
    EXPECT_EQ(itemsOf(libraries), (QStringList{QStringLiteral("Rock/4"), QStringLiteral("Jazz/7")}));

    servers->setCurrentIndex(servers->findData(kDenId));
    EXPECT_EQ(itemsOf(libraries), QStringList{QStringLiteral("Music/1")});

    servers->setCurrentIndex(servers->findData(kHomeId));
    ASSERT_EQ(libraries->count(), 2);
    libraries->setCurrentIndex(libraries->findData(QStringLiteral("7")));
    dialog.useSelectedLibrary();
    EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();

    const QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/machineIdentifier")).toString(), kHomeId);
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/serverName")).toString(),
              QStringLiteral("Home Server"));
    EXPECT_EQ(QUrl(settings.value(QStringLiteral("accounts/plex/serverUrl")).toString()).port(),
              demo.fakes()->plexServerUrl(1).port());
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/sectionKey")).toString(), QStringLiteral("7"));
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/sectionTitle")).toString(),
              QStringLiteral("Jazz"));
    for (const QString &key : settings.allKeys()) {
        for (int i = 0; i < 2; ++i)
            EXPECT_NE(settings.value(key).toString(), demo.fakes()->plexServerToken(i)) << key.toStdString();
    }
    qunsetenv(pb::clients::kEnvPlexTvUrl);
}

TEST(GuiMultiServer, SameNamedServersAreToldApartAndTheChosenOneIsSaved)
{
    const OwnSettings own;
    ASSERT_TRUE(own.dir.isValid());
    auto world = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
    ASSERT_TRUE(world.ok()) << world.error().toString().toStdString();
    world->plex.name = QStringLiteral("Home Server"); // both servers named after a host called "home"
    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(1);
    options.world = std::move(world).value();
    pb::app::DemoEnvironment demo(options);
    ASSERT_TRUE(demo.start().ok());
    qputenv(pb::clients::kEnvPlexTvUrl, demo.fakes()->plexTvUrl().toString().toUtf8());
    ServiceBackend backend(demo.connection());

    PlexConnectDialog dialog(&backend);
    dialog.show();
    dialog.signInWithPlex();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return dialog.currentPage() != PlexConnectDialog::WaitingPage; }, 60000));
    ASSERT_EQ(dialog.currentPage(), PlexConnectDialog::PickPage) << dialog.errorText().toStdString();
    QComboBox *servers = dialog.serverCombo();
    ASSERT_EQ(servers->count(), 2);
    EXPECT_NE(servers->itemText(0), servers->itemText(1));
    EXPECT_TRUE(servers->itemText(1).contains(kDenId.left(8))) << servers->itemText(1).toStdString();

    servers->setCurrentIndex(servers->findData(kDenId));
    EXPECT_EQ(itemsOf(dialog.libraryCombo()), QStringList{QStringLiteral("Music/1")});
    dialog.useSelectedLibrary();
    EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    const QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/machineIdentifier")).toString(), kDenId);
    EXPECT_EQ(QUrl(settings.value(QStringLiteral("accounts/plex/serverUrl")).toString()).port(),
              demo.fakes()->plexServerUrl(0).port());
    qunsetenv(pb::clients::kEnvPlexTvUrl);
}

TEST(GuiMultiServer, AServerNoConnectionOfWhichAnswersIsNotOffered)
{
    const OwnSettings own;
    ASSERT_TRUE(own.dir.isValid());
    auto world = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
    ASSERT_TRUE(world.ok()) << world.error().toString().toStdString();
    world->plex.connections = {QStringLiteral("dead-local"),
                               QStringLiteral("dead-remote")}; // the shared one is off
    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(1);
    options.world = std::move(world).value();
    pb::app::DemoEnvironment demo(options);
    ASSERT_TRUE(demo.start().ok());
    qputenv(pb::clients::kEnvPlexTvUrl, demo.fakes()->plexTvUrl().toString().toUtf8());
    ServiceBackend backend(demo.connection());

    PlexConnectDialog dialog(&backend);
    dialog.show();
    dialog.signInWithPlex();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return dialog.currentPage() != PlexConnectDialog::WaitingPage; }, 60000));
    ASSERT_EQ(dialog.currentPage(), PlexConnectDialog::PickPage) << dialog.errorText().toStdString();
    EXPECT_EQ(itemsOf(dialog.serverCombo()), QStringList{QStringLiteral("Home Server/") + kHomeId});
    EXPECT_EQ(itemsOf(dialog.libraryCombo()),
              (QStringList{QStringLiteral("Rock/4"), QStringLiteral("Jazz/7")}));
    qunsetenv(pb::clients::kEnvPlexTvUrl);
}

} // namespace
