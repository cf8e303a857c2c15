// The composition root of the desktop app: builds the services and the window, wires them,
// runs the event loop. Nothing else constructs long-lived services. It is the only code that
// creates the in-process fakes (for the demo).
#include "pb/app/servicebackend.h"
#include "pb/core/appinfo.h"
#include "pb/core/logging.h"
#include "pb/gui/mainwindow.h"

#include "pb/app/demoenvironment.h"
#include "pb/app/offlinebackend.h"
#include "pb/app/savedaccounts.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <memory>

namespace {

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Playlist Bridge copies your Spotify playlists into your Plex Media Server."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("demo"),
         QStringLiteral("Run on the built-in demo (in-process fake Spotify and Plex), no accounts needed. "
                        "Also the default while no accounts are connected.")});
    parser.addOption({QStringLiteral("demo-world"),
                      QStringLiteral("Demo world fixture (JSON, docs/fixtures.md)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("latency-ms"),
                      QStringLiteral("Demo: delay each fake answer by this many milliseconds (default 60)."),
                      QStringLiteral("ms")});
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

    // The window is rebuilt when accounts are connected or disconnected (the backend then
    // runs on the new accounts); otherwise this loop runs once.
    constexpr int kRebuild = 0x5042;
    int rc = kRebuild;
    while (rc == kRebuild) {
        std::unique_ptr<pb::app::DemoEnvironment> demo;
        std::unique_ptr<pb::gui::AppBackend> backend;
        const bool forcedDemo = parser.isSet(QStringLiteral("demo"));
        // Real accounts when both are connected; otherwise (or with --demo) the built-in demo.
        const std::optional<pb::app::ServiceConnection> saved =
            forcedDemo ? std::nullopt : pb::app::loadSavedAccounts();
        if (saved) {
            backend = std::make_unique<pb::app::ServiceBackend>(*saved);
        } else {
            pb::app::DemoOptions options;
            if (parser.isSet(QStringLiteral("latency-ms")))
                options.latency =
                    std::chrono::milliseconds(parser.value(QStringLiteral("latency-ms")).toInt());
            options.worldPath = parser.value(QStringLiteral("demo-world"));
            demo = std::make_unique<pb::app::DemoEnvironment>(options);
            const pb::Status started = demo->start();
            if (started.ok()) {
                pb::log::app()->info("demo mode: in-process fakes, latency {} ms", options.latency.count());
                pb::app::ServiceConnection connection = demo->connection();
                connection.status.demoForced = forcedDemo;
                backend = std::make_unique<pb::app::ServiceBackend>(connection);
            } else {
                pb::log::app()->error("the demo could not start: {}",
                                      pb::log::str(started.error().toString()));
                QMessageBox::warning(nullptr, QStringLiteral("Playlist Bridge"),
                                     QApplication::translate("main", "The demo could not start: %1")
                                         .arg(started.error().message));
                backend = std::make_unique<pb::app::OfflineBackend>();
            }
        }
        const bool live = saved.has_value();
        QObject::connect(backend.get(), &pb::gui::AppBackend::accountsSaved, backend.get(), [live] {
            // Leave the demo once both accounts are in; go back to it after a disconnect.
            if (live || pb::app::hasSavedAccounts())
                QApplication::exit(kRebuild);
        });
        {
            pb::gui::MainWindow window(backend.get());
            window.show();
            rc = QApplication::exec();
        }
        backend.reset(); // cancels running syncs and joins the workers before the fakes stop
        demo.reset();
    }
    return rc;
}
