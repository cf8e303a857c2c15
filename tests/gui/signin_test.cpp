#include "testbackend.h"

#include "pb/gui/plexconnectdialog.h"
#include "pb/gui/settingsdialog.h"
#include "pb/gui/spotifyconnectdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using namespace pb::gui;

TEST(SpotifyConnectDialog, ShowsRedirectAndScopesAndWaitsCancellably)
{
    test::TestBackend backend;
    SpotifyConnectDialog dialog(&backend);
    dialog.show();
    QStringList shown;
    for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        shown << edit->text();
    EXPECT_TRUE(shown.contains(backend.spotifyRedirectUri()));
    EXPECT_TRUE(shown.join(QLatin1Char(' ')).contains(QStringLiteral("playlist-read-private")));

    dialog.clientIdEdit()->setText(QStringLiteral("not-an-id"));
    EXPECT_FALSE(dialog.connectButton()->isEnabled());
    dialog.clientIdEdit()->setText(QStringLiteral("0123456789abcdef0123456789ABCDEF"));
    ASSERT_TRUE(dialog.connectButton()->isEnabled());
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog.isWaiting());
    EXPECT_EQ(backend.spotifyClientId, QStringLiteral("0123456789abcdef0123456789ABCDEF"));

    dialog.cancelSignIn();
    EXPECT_TRUE(backend.spotifyCancelled);
    EXPECT_FALSE(dialog.isWaiting());
    EXPECT_TRUE(dialog.errorText().isEmpty()); // a cancel is not an error

    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    ASSERT_TRUE(backend.pendingSpotify);
    std::exchange(backend.pendingSpotify, nullptr)(
        pb::Error::make(pb::ErrorKind::Api, QStringLiteral("INVALID_CLIENT: Invalid redirect URI")));
    EXPECT_FALSE(dialog.isWaiting());
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("Invalid redirect URI")));

    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    std::exchange(backend.pendingSpotify,
                  nullptr)(pb::SpotifyUser{QStringLiteral("me"), QStringLiteral("Me"), {}});
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST(PlexConnectDialog, TokenFlowThenLibraryPicker)
{
    test::TestBackend backend;
    PlexServerChoice server;
    server.machineIdentifier = QStringLiteral("abc");
    server.name = QStringLiteral("Living Room");
    server.sections = {{QStringLiteral("3"), QStringLiteral("Music"), QStringLiteral("artist"), {}},
                       {QStringLiteral("7"), QStringLiteral("Hi-Res"), QStringLiteral("artist"), {}}};
    backend.plexServers = {server};
    PlexConnectDialog dialog(&backend);
    dialog.show();
    EXPECT_EQ(dialog.currentPage(), PlexConnectDialog::ChoosePage);

    dialog.urlEdit()->setText(QStringLiteral("not a url at all ::"));
    dialog.tokenEdit()->setText(QStringLiteral("tok"));
    dialog.connectWithToken();
    EXPECT_FALSE(dialog.errorText().isEmpty());

    dialog.urlEdit()->setText(QStringLiteral("http://192.168.1.10:32400"));
    dialog.connectWithToken();
    EXPECT_EQ(dialog.currentPage(), PlexConnectDialog::WaitingPage);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.currentPage() == PlexConnectDialog::PickPage; }));
    EXPECT_EQ(dialog.serverCombo()->currentText(), QStringLiteral("Living Room"));
    ASSERT_EQ(dialog.libraryCombo()->count(), 2);
    dialog.libraryCombo()->setCurrentIndex(1);
    dialog.useSelectedLibrary();
    EXPECT_EQ(backend.chosenServer, QStringLiteral("abc"));
    EXPECT_EQ(backend.chosenSection, QStringLiteral("7"));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST(PlexConnectDialog, PinUnavailableShowsTheError)
{
    test::TestBackend backend; // the default connectPlexWithPin answers "not available"
    PlexConnectDialog dialog(&backend);
    dialog.show();
    dialog.signInWithPlex();
    EXPECT_EQ(dialog.currentPage(), PlexConnectDialog::ChoosePage);
    EXPECT_FALSE(dialog.errorText().isEmpty());
}

TEST(SettingsDialog, SavesToQSettings)
{
    QSettings().clear();
    SettingsDialog dialog;
    AppSettings s = dialog.values();
    EXPECT_EQ(s.playlistNaming, QStringLiteral("{name}"));
    s.playlistNaming = QStringLiteral("{name} from Spotify");
    s.matchThreshold = 0.9;
    s.concurrency = 2;
    dialog.setValues(s);
    dialog.accept();
    const AppSettings loaded = AppSettings::load();
    EXPECT_EQ(loaded.playlistNaming, QStringLiteral("{name} from Spotify"));
    EXPECT_DOUBLE_EQ(loaded.matchThreshold, 0.9);
    EXPECT_EQ(loaded.concurrency, 2);
    QSettings().clear();
}

TEST(SettingsDialog, KeepHandAddedCheckboxIsSavedAndPerPlaylistChoicesSurvive)
{
    QSettings().clear();
    AppSettings before;
    before.keepHandAddedFor.insert(QStringLiteral("spotify:pl1"), false);
    before.save();
    SettingsDialog dialog;
    auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("keepHandAddedCheck"));
    ASSERT_NE(check, nullptr);
    EXPECT_FALSE(check->isChecked());
    check->setChecked(true);
    dialog.accept();
    const AppSettings loaded = AppSettings::load();
    EXPECT_TRUE(loaded.keepHandAdded);
    EXPECT_FALSE(loaded.keepsHandAdded(pb::PlaylistKey::spotify(QStringLiteral("pl1"))));
    EXPECT_TRUE(loaded.keepsHandAdded(pb::PlaylistKey::spotify(QStringLiteral("other"))));
    SettingsDialog reopened;
    EXPECT_TRUE(reopened.findChild<QCheckBox *>(QStringLiteral("keepHandAddedCheck"))->isChecked());
    QSettings().clear();
}

} // namespace
