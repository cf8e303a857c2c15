// Sign-in through the real ServiceBackend and clients against the fakes: Connect Plex with the
// PIN flow (plex.tv PIN approved by the fake, resources with a dead connection first, then
// the live one), the server/library picker, and what gets saved.
#include "demoenvironment.h"

#include "pb/clients/clientconfig.h"
#include "pb/fakes/fakeservices.h"
#include "pb/gui/plexconnectdialog.h"
#include "pb/gui/servicebackend.h"

#include <QComboBox>
#include <QSettings>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;

TEST(SignInAgainstFakes, PlexPinFlowListsTheServerAndSavesTheLibrary)
{
    QSettings().clear();
    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(1);
    pb::app::DemoEnvironment demo(options);
    ASSERT_TRUE(demo.start().ok());
    qputenv(pb::clients::kEnvPlexTvUrl, demo.fakes()->plexTvUrl().toString().toUtf8());
    ServiceBackend backend(demo.connection());

    PlexConnectDialog dialog(&backend);
    dialog.show();
    dialog.signInWithPlex();
    EXPECT_EQ(dialog.currentPage(), PlexConnectDialog::WaitingPage);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return dialog.currentPage() != PlexConnectDialog::WaitingPage; }, 60000));
    ASSERT_EQ(dialog.currentPage(), PlexConnectDialog::PickPage) << dialog.errorText().toStdString();
    ASSERT_GE(dialog.serverCombo()->count(), 1);
    ASSERT_GE(dialog.libraryCombo()->count(), 1);
    EXPECT_EQ(dialog.serverCombo()->currentData().toString(), demo.fakes()->plexMachineIdentifier());

    dialog.useSelectedLibrary();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("accounts/plex/machineIdentifier")).toString(),
              demo.fakes()->plexMachineIdentifier());
    EXPECT_EQ(QUrl(settings.value(QStringLiteral("accounts/plex/serverUrl")).toString()).port(),
              demo.fakes()->plexServerUrl().port()); // the live connection, not the dead one
    EXPECT_FALSE(settings.value(QStringLiteral("accounts/plex/sectionKey")).toString().isEmpty());
    // The token is a secret: never in the settings file.
    for (const QString &key : settings.allKeys())
        EXPECT_NE(settings.value(key).toString(), demo.fakes()->plexServerToken()) << key.toStdString();
    qunsetenv(pb::clients::kEnvPlexTvUrl);
    QSettings().clear();
}

} // namespace
