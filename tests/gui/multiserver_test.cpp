// Connect Plex on an account with two servers (tests/data/fakes/two_servers_world.json),
// through the real ServiceBackend and clients against the fakes: the shared "Alex's Den"
// (listed first by plex.tv, one music library) and the owned "Home Server" (Movies, Rock,
// Jazz, TV Shows). Both servers are offered, each with only its own music libraries, and the
// chosen server and library are what gets saved.
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/clients/clientconfig.h"
#include "pb/fakes/fakeservices.h"
#include "pb/gui/plexconnectdialog.h"

#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;
using pb::app::ServiceBackend;
using pb::app::ServiceConnection;

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

/// The two-server world (adjusted by `tweak`) running as the demo, with plex.tv's address
/// pointed at it, and a Connect Plex dialog signed in and showing the server picker.
class GuiMultiServer : public ::testing::Test {
protected:
    void TearDown() override { qunsetenv(pb::clients::kEnvPlexTvUrl); }

    void startDemo(const std::function<void(pb::fakes::World &)> &tweak = {})
    {
        ASSERT_TRUE(m_own.dir.isValid());
        auto world = pb::fakes::loadWorld(QStringLiteral(PB_TEST_DATA_DIR "/fakes/two_servers_world.json"));
        ASSERT_TRUE(world.ok()) << world.error().toString().toStdString();
        if (tweak)
            tweak(*world);
        pb::app::DemoOptions options;
        options.latency = std::chrono::milliseconds(1);
        options.world = std::move(world).value();
        m_demo = std::make_unique<pb::app::DemoEnvironment>(options);
        ASSERT_TRUE(m_demo->start().ok());
        qputenv(pb::clients::kEnvPlexTvUrl, m_demo->fakes()->plexTvUrl().toString().toUtf8());
        m_backend = std::make_unique<ServiceBackend>(m_demo->connection());
        m_dialog = std::make_unique<PlexConnectDialog>(m_backend.get());
        m_dialog->show();
        m_dialog->signInWithPlex();
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_dialog->currentPage() != PlexConnectDialog::WaitingPage; },
                                    60000));
        ASSERT_EQ(m_dialog->currentPage(), PlexConnectDialog::PickPage)
            << m_dialog->errorText().toStdString();
    }

    pb::fakes::FakeServices *fakes() const { return m_demo->fakes(); }
    PlexConnectDialog &dialog() const { return *m_dialog; }

private:
    OwnSettings m_own;
    std::unique_ptr<pb::app::DemoEnvironment> m_demo;
    std::unique_ptr<ServiceBackend> m_backend;
    std::unique_ptr<PlexConnectDialog> m_dialog; // destroyed before the backend it uses
};

TEST_F(GuiMultiServer, ConnectPlexOffersEveryServerWithItsMusicLibrariesAndSavesTheChoice)
{
    ASSERT_NO_FATAL_FAILURE(startDemo());
    ASSERT_EQ(fakes()->plexServerCount(), 2);

    // Both servers, in a stable order: the owned one first (preselected, as `login plex`
    // picks it), then the shared one, in plex.tv's order.
    QComboBox *servers = dialog().serverCombo();
    QComboBox *libraries = dialog().libraryCombo();
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
    dialog().useSelectedLibrary();
    EXPECT_EQ(dialog().result(), QDialog::Accepted) << dialog().errorText().toStdString();

    const QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/machineIdentifier")).toString(), kHomeId);
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/serverName")).toString(),
              QStringLiteral("Home Server"));
    EXPECT_EQ(QUrl(settings.value(QStringLiteral("accounts/plex/serverUrl")).toString()).port(),
              fakes()->plexServerUrl(1).port());
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/sectionKey")).toString(), QStringLiteral("7"));
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/sectionTitle")).toString(),
              QStringLiteral("Jazz"));
    for (const QString &key : settings.allKeys()) {
        for (int i = 0; i < 2; ++i)
            EXPECT_NE(settings.value(key).toString(), fakes()->plexServerToken(i)) << key.toStdString();
    }
}

TEST_F(GuiMultiServer, SameNamedServersAreToldApartAndTheChosenOneIsSaved)
{
    // Both servers named after a host called "home".
    ASSERT_NO_FATAL_FAILURE(
        startDemo([](pb::fakes::World &world) { world.plex.name = QStringLiteral("Home Server"); }));
    QComboBox *servers = dialog().serverCombo();
    ASSERT_EQ(servers->count(), 2);
    EXPECT_NE(servers->itemText(0), servers->itemText(1));
    EXPECT_TRUE(servers->itemText(1).contains(kDenId.left(8))) << servers->itemText(1).toStdString();

    servers->setCurrentIndex(servers->findData(kDenId));
    EXPECT_EQ(itemsOf(dialog().libraryCombo()), QStringList{QStringLiteral("Music/1")});
    dialog().useSelectedLibrary();
    EXPECT_EQ(dialog().result(), QDialog::Accepted) << dialog().errorText().toStdString();
    const QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/machineIdentifier")).toString(), kDenId);
    EXPECT_EQ(QUrl(settings.value(QStringLiteral("accounts/plex/serverUrl")).toString()).port(),
              fakes()->plexServerUrl(0).port());
}

TEST_F(GuiMultiServer, AServerNoConnectionOfWhichAnswersIsNotOffered)
{
    ASSERT_NO_FATAL_FAILURE(startDemo([](pb::fakes::World &world) {
        world.plex.connections = {QStringLiteral("dead-local"),
                                  QStringLiteral("dead-remote")}; // the shared one is off
    }));
    EXPECT_EQ(itemsOf(dialog().serverCombo()), QStringList{QStringLiteral("Home Server/") + kHomeId});
    EXPECT_EQ(itemsOf(dialog().libraryCombo()),
              (QStringList{QStringLiteral("Rock/4"), QStringLiteral("Jazz/7")}));
}

} // namespace
