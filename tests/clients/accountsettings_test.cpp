#include "pb/clients/accountsettings.h"

#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace pb::clients;

namespace {

class AccountSettingsTest : public ::testing::Test {
protected:
    QTemporaryDir m_dir;
    QSettings m_settings{m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat};
};

// Profiles saved by earlier versions (and by the other front end) keep working: the keys are
// the ones docs/cli.md lists.
TEST_F(AccountSettingsTest, ReadsTheDocumentedKeys)
{
    m_settings.setValue(QStringLiteral("accounts/spotify/clientId"), QStringLiteral("cid"));
    m_settings.setValue(QStringLiteral("accounts/spotify/userId"), QStringLiteral("alex"));
    m_settings.setValue(QStringLiteral("accounts/spotify/displayName"), QStringLiteral("Alex"));
    m_settings.setValue(QStringLiteral("accounts/plex/serverUrl"), QStringLiteral("http://10.0.0.2:32400"));
    m_settings.setValue(QStringLiteral("accounts/plex/machineIdentifier"), QStringLiteral("m1"));
    m_settings.setValue(QStringLiteral("accounts/plex/serverName"), QStringLiteral("Home"));
    m_settings.setValue(QStringLiteral("accounts/plex/sectionKey"), QStringLiteral("3"));
    m_settings.setValue(QStringLiteral("accounts/plex/sectionTitle"), QStringLiteral("Music"));
    m_settings.setValue(QStringLiteral("spotify/clientId"), QStringLiteral("typed"));
    const SavedSpotifyAccount s = savedSpotifyAccount(m_settings);
    EXPECT_EQ(s.clientId, QStringLiteral("cid"));
    EXPECT_EQ(s.userId, QStringLiteral("alex"));
    EXPECT_EQ(s.displayName, QStringLiteral("Alex"));
    const SavedPlexAccount p = savedPlexAccount(m_settings);
    EXPECT_EQ(p.serverUrl, QStringLiteral("http://10.0.0.2:32400"));
    EXPECT_EQ(p.machineIdentifier, QStringLiteral("m1"));
    EXPECT_EQ(p.serverName, QStringLiteral("Home"));
    EXPECT_EQ(p.sectionKey, QStringLiteral("3"));
    EXPECT_EQ(p.sectionTitle, QStringLiteral("Music"));
    EXPECT_EQ(lastSpotifyClientId(m_settings), QStringLiteral("typed"));
    EXPECT_TRUE(hasSavedAccounts(m_settings));
}

TEST_F(AccountSettingsTest, SaveForgetAndWhatCountsAsSignedIn)
{
    EXPECT_FALSE(hasSavedAccounts(m_settings));
    saveSpotifyAccount(m_settings, {QStringLiteral("cid"), QStringLiteral("alex"), QStringLiteral("Alex")});
    EXPECT_FALSE(hasSavedAccounts(m_settings)); // Plex still missing
    savePlexAccount(m_settings, {QStringLiteral("http://h:32400"), QStringLiteral("m1"),
                                 QStringLiteral("Home"), QStringLiteral("3"), QStringLiteral("Music")});
    EXPECT_TRUE(hasSavedAccounts(m_settings));

    forgetSpotifyAccount(m_settings);
    EXPECT_FALSE(hasSavedAccounts(m_settings));
    // The Client ID stays for the next sign-in; who signed in is gone.
    EXPECT_EQ(savedSpotifyAccount(m_settings).clientId, QStringLiteral("cid"));
    EXPECT_TRUE(savedSpotifyAccount(m_settings).userId.isEmpty());

    forgetPlexAccount(m_settings);
    const SavedPlexAccount p = savedPlexAccount(m_settings);
    EXPECT_FALSE(p.isSignedIn());
    EXPECT_TRUE(p.serverUrl.isEmpty() && p.serverName.isEmpty() && p.sectionTitle.isEmpty());

    // A library is part of a Plex sign-in: a server without one is not enough.
    savePlexAccount(m_settings, {QStringLiteral("http://h:32400"), QStringLiteral("m1"), {}, {}, {}});
    EXPECT_FALSE(savedPlexAccount(m_settings).isSignedIn());
}

} // namespace
