// Writes the documentation screenshots (docs/screenshots/*.png) from the real widgets running
// the demo: the main page mid-sync, the details modal mid-sync and after completion, the sync
// history, the tray menu, and the sign-in and settings dialogs. Run by scripts/screenshots.sh (under Xvfb
// when available).
//
//   playlist-bridge-screenshots OUTPUT_DIR [--latency-ms N]
#include "pb/app/demoenvironment.h"

#include "pb/app/servicebackend.h"
#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistdetailsmodal.h"
#include "pb/gui/playlistitem.h"
#include "pb/gui/plexconnectdialog.h"
#include "pb/gui/settingsdialog.h"
#include "pb/gui/spotifyconnectdialog.h"
#include "pb/gui/synchistorydialog.h"
#include "pb/gui/synchistorymodel.h"
#include "pb/gui/syncstatuswidget.h"
#include "pb/gui/tracktablemodel.h"
#include "pb/gui/traycontroller.h"
#include "pb/sync/syncregistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>

#include <cstdio>
#include <functional>

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void settle(int ms = 150)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

bool save(QWidget *w, const QString &dir, const QString &name)
{
    settle();
    const QString path = dir + QLatin1Char('/') + name;
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

int resolved(pb::gui::PlaylistDetailsModal *m)
{
    return m->trackModel()->countWithStatus(pb::sync::TrackStatus::Matched) +
           m->trackModel()->countWithStatus(pb::sync::TrackStatus::Missing);
}

} // namespace

int main(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true); // never the user's settings or cache
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PlaylistBridgeScreenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("playlist-bridge"));
    QApplication::setApplicationDisplayName(QStringLiteral("Playlist Bridge"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Where to write the PNGs."));
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("Fake latency."), QStringLiteral("ms"),
                      QStringLiteral("80")});
    parser.process(app);
    QSettings().clear(); // the default window and splitter sizes, not the last run's
    const QString dir = parser.positionalArguments().value(0, QStringLiteral("docs/screenshots"));
    QDir().mkpath(dir);

    pb::app::DemoOptions options;
    options.latency = std::chrono::milliseconds(parser.value(QStringLiteral("latency-ms")).toInt());
    options.searchesInFlight = 2;
    pb::app::DemoEnvironment demo(options);
    if (const pb::Status s = demo.start(); !s.ok()) {
        std::fprintf(stderr, "fakes did not start: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    pb::app::ServiceBackend backend(demo.connection());
    pb::gui::MainWindow window(&backend);
    window.resize(1100, 1000);
    window.show();
    if (!waitFor([&] { return window.items().size() > 1; })) {
        std::fprintf(stderr, "the playlists did not load\n");
        return 1;
    }

    // The biggest readable playlist syncs slowly enough to be caught mid-way; the
    // others are synced first and shown finished.
    pb::gui::PlaylistItem *big = nullptr;
    for (pb::gui::PlaylistItem *card : window.items()) {
        // A regular playlist is the one shown mid-sync (its details show an owner).
        if (!card->isReadable() || card->playlist().isLikedSongs || card->playlist().trackCount == 0)
            continue;
        if (!big || card->playlist().trackCount > big->playlist().trackCount)
            big = card;
    }
    if (!big) {
        std::fprintf(stderr, "no readable playlist in the demo world\n");
        return 1;
    }
    int failures = 0;
    // Sync every other readable playlist first, so the page shows finished statuses too.
    for (pb::gui::PlaylistItem *card : window.items()) {
        // Liked Songs too: the sync service reads it through /me/tracks.
        if (card != big && card->isReadable())
            card->syncButton()->click();
    }
    waitFor([&] {
        for (pb::gui::PlaylistItem *card : window.items()) {
            if (backend.registry()->isRunning(card->playlist().key()))
                return false;
        }
        return true;
    });
    pb::gui::PlaylistDetailsModal *modal = window.openDetails(big->playlist().key());
    modal->resize(1040, 640);
    waitFor([&] { return modal->trackModel()->rowCount() > 0; });
    modal->syncButton()->click();
    const int rows = modal->trackModel()->rowCount();
    waitFor([&] {
        return resolved(modal) >= std::max(1, rows / 3) ||
               !backend.registry()->isRunning(big->playlist().key());
    });
    if (backend.registry()->isRunning(big->playlist().key())) {
        failures += save(modal, dir, QStringLiteral("modal-mid-sync.png")) ? 0 : 1;
        failures += save(&window, dir, QStringLiteral("main-mid-sync.png")) ? 0 : 1;
    } else {
        std::fprintf(stderr, "the sync finished before it could be captured mid-way; raise --latency-ms\n");
        ++failures;
    }
    waitFor([&] { return !backend.registry()->isRunning(big->playlist().key()); }, 600000);
    // Select the first track that was not found, so the pane shows why.
    for (int row = 0; row < modal->trackModel()->rowCount(); ++row) {
        if (modal->trackModel()->outcome(row).status == pb::sync::TrackStatus::Missing) {
            modal->table()->selectRow(row);
            modal->table()->scrollTo(modal->table()->model()->index(row, 0),
                                     QAbstractItemView::PositionAtCenter);
            break;
        }
    }
    failures += save(modal, dir, QStringLiteral("modal-completed.png")) ? 0 : 1;
    modal->close();
    failures += save(&window, dir, QStringLiteral("main-after-sync.png")) ? 0 : 1;

    // A second sync (nothing changed) so the history has more than one run, then the history
    // view with the first run selected, and the tray menu with the last result.
    big->syncButton()->click();
    waitFor([&] { return !backend.registry()->isRunning(big->playlist().key()); }, 600000);
    if (pb::gui::SyncHistoryDialog *history = window.openHistory(big->playlist().key())) {
        history->resize(980, 560);
        history->table()->selectRow(history->model()->rowCount() - 1);
        // The run's lines name their tracks once the playlist's entries are read.
        waitFor([&] {
            const QTreeWidgetItem *line = history->tracks()->topLevelItem(0);
            return line && line->text(2).contains(QStringLiteral(" – "));
        });
        failures += save(history, dir, QStringLiteral("history.png")) ? 0 : 1;
        history->close();
    } else {
        ++failures;
    }
    QMenu *tray = window.tray()->menu();
    tray->popup(window.mapToGlobal(QPoint(window.width() - 320, 40)));
    failures += save(tray, dir, QStringLiteral("tray-menu.png")) ? 0 : 1;
    tray->hide();

    // The same page under a dark system palette: nothing in the UI hard-codes light colours.
    {
        const QPalette light = QApplication::palette();
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x23));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x42));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
        dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
        failures += save(&window, dir, QStringLiteral("main-dark.png")) ? 0 : 1;
        QApplication::setPalette(light);
    }

    pb::gui::SpotifyConnectDialog spotify(&backend, &window);
    spotify.clientIdEdit()->setText(QStringLiteral("0123456789abcdef0123456789abcdef"));
    spotify.show();
    failures += save(&spotify, dir, QStringLiteral("connect-spotify.png")) ? 0 : 1;
    spotify.hide();

    pb::gui::PlexConnectDialog plex(&backend, &window);
    plex.urlEdit()->setText(QStringLiteral("http://192.168.1.10:32400"));
    plex.show();
    failures += save(&plex, dir, QStringLiteral("connect-plex.png")) ? 0 : 1;
    plex.hide();

    pb::gui::SettingsDialog settings(&window);
    settings.show();
    failures += save(&settings, dir, QStringLiteral("settings.png")) ? 0 : 1;
    settings.hide();
    return failures == 0 ? 0 : 1;
}
