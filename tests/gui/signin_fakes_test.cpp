// Sign-in through the real ServiceBackend and clients against the fakes: Connect Plex with the
// PIN flow (plex.tv PIN approved by the fake, resources with a dead connection first, then
// the live one), the server/library picker, and what gets saved.
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/clients/clientconfig.h"
#include "pb/fakes/fakeservices.h"
#include "pb/gui/plexconnectdialog.h"
#include "pb/gui/spotifyconnectdialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdio>

namespace {

using namespace pb::gui;
using pb::app::ServiceBackend;
using pb::app::ServiceConnection;

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

namespace {

TEST(SignInAgainstFakes, SpotifyPkceFlowThroughTheLoopbackSavesTheUser)
{
    QSettings().clear();
    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(1);
    pb::app::DemoEnvironment demo(options);
    ASSERT_TRUE(demo.start().ok());
    qputenv(pb::clients::kEnvSpotifyAccountsUrl, demo.fakes()->spotifyAccountsUrl().toString().toUtf8());
    qputenv(pb::clients::kEnvSpotifyApiUrl, demo.fakes()->spotifyApiUrl().toString().toUtf8());
    ServiceBackend backend(demo.connection());
    // The "browser": follows /authorize's redirect to the app's loopback listener.
    QNetworkAccessManager browser;
    QUrl opened;
    backend.setBrowserHook([&](const QUrl &url) {
        opened = url;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browser.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply] {
            // Shown when the test fails: where the "browser" ended up.
            std::printf("browser: %s -> HTTP %d %s\n", qPrintable(reply->url().toString(QUrl::RemoveQuery)),
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        qPrintable(reply->errorString()));
            reply->deleteLater();
        });
    });

    SpotifyConnectDialog dialog(&backend);
    dialog.show();
    dialog.clientIdEdit()->setText(QStringLiteral("0123456789abcdef0123456789abcdef"));
    dialog.startSignIn();
    EXPECT_TRUE(dialog.isWaiting());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.isWaiting(); }, 60000));
    EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    EXPECT_TRUE(opened.toString().contains(QStringLiteral("code_challenge_method=S256")));
    EXPECT_TRUE(opened.toString().contains(QStringLiteral("127.0.0.1")));
    const QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("accounts/spotify/clientId")).toString(),
              QStringLiteral("0123456789abcdef0123456789abcdef"));
    EXPECT_FALSE(settings.value(QStringLiteral("accounts/spotify/userId")).toString().isEmpty());
    qunsetenv(pb::clients::kEnvSpotifyAccountsUrl);
    qunsetenv(pb::clients::kEnvSpotifyApiUrl);
    QSettings().clear();
}

} // namespace
