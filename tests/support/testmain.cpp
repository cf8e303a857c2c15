// The one test main: creates the Qt application first (offscreen for widget tests) so tests
// can use event loops, timers, sockets and widgets, then runs GoogleTest.
#ifdef PB_TEST_GUI
#include <QApplication>
#else
#include <QCoreApplication>
#endif

#include <QStandardPaths>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Tests never touch the real user's config, data or keychain.
    QStandardPaths::setTestModeEnabled(true);
#ifdef PB_TEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setOrganizationName(QStringLiteral("PlaylistBridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("playlist-bridge-tests"));
    ::testing::InitGoogleMock(&argc, argv);
    return RUN_ALL_TESTS();
}
