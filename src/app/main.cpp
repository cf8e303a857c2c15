// The composition root of the desktop app: builds the services and the window, wires them,
// runs the event loop. Nothing else constructs long-lived services.
#include "pb/core/appinfo.h"
#include "pb/core/logging.h"
#include "pb/gui/mainwindow.h"

#include "offlinebackend.h"

#include <QApplication>
#include <QCommandLineParser>

#include <memory>

namespace {

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Playlist Bridge copies your Spotify playlists into your Plex Media Server."));
    parser.addHelpOption();
    parser.addVersionOption();
}

// --help and --version must work without a display, so they are answered before the GUI
// application (which needs one) exists.
bool wantsInfoOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-v" || arg == "--version" || arg == "--help-all")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (wantsInfoOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        pb::configureApplicationInfo(app, "playlist-bridge");
        QCommandLineParser parser;
        setUpParser(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    pb::configureApplicationInfo(app, "playlist-bridge");
    QApplication::setApplicationDisplayName(QStringLiteral("Playlist Bridge"));
    QApplication::setDesktopFileName(QStringLiteral("playlist-bridge"));

    QCommandLineParser parser;
    setUpParser(parser);
    parser.process(app);

    pb::log::Logging logging({.directory = pb::log::Logging::defaultDirectory()});
    pb::log::app()->info("Playlist Bridge {} starting", pb::log::str(QApplication::applicationVersion()));

    pb::app::OfflineBackend backend;
    pb::gui::MainWindow window(&backend);
    window.show();
    return QApplication::exec();
}
