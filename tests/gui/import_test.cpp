// Importing files from the window (button and drop) and the short-read question, against the
// widget doubles.
#include "testbackend.h"

#include "pb/gui/mainwindow.h"
#include "pb/gui/playlistitem.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace pb::gui;
using namespace pb::sync;

namespace {

TEST(MainWindowImport, ADroppedFileIsImportedAndTheResultShown)
{
    test::TestBackend backend;
    test::fillDemo(backend);
    MainWindow window(&backend);
    window.show();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mix.m3u8"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("#EXTM3U\n");
    f.close();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path), QUrl(QStringLiteral("https://example.com/x.m3u"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    EXPECT_EQ(backend.imported, QStringList{path}); // the web link is not a file
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Mix (new, 3 tracks)")));

    // Nothing to import: a drop of only a link is refused.
    QMimeData link;
    link.setUrls({QUrl(QStringLiteral("https://example.com/x.m3u"))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &link, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    EXPECT_FALSE(refused.isAccepted());

    // A file with an error says why, in a message box.
    window.importFiles({dir.filePath(QStringLiteral("broken.bad"))});
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>()) != nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("line 2")))
        << box->informativeText().toStdString();
    box->close();
}

TEST(MainWindowImport, ImportedPlaylistsAreReadableCardsThatSayWhereTheyCameFrom)
{
    pb::SourcePlaylist p;
    p.source = QString(pb::kSourceFile);
    p.id = QStringLiteral("mix");
    p.name = QStringLiteral("Mix");
    p.ownerName = QStringLiteral("M3U");
    p.trackCount = 3;
    // Not owned by the Spotify user, yet nothing refuses to read it.
    EXPECT_TRUE(unreadableReason(p, QStringLiteral("someone")).isEmpty());
    PlaylistItem card(p, unreadableReason(p, QStringLiteral("someone")), nullptr);
    EXPECT_TRUE(card.isReadable());
    bool said = false;
    for (const QLabel *l : card.findChildren<QLabel *>())
        said = said || l->text().contains(QStringLiteral("Imported from M3U"));
    EXPECT_TRUE(said);
}

TEST(MainWindowImport, AShortReadAsksBeforeGoingOnAndSyncAnywayAllowsIt)
{
    test::TestBackend backend;
    test::fillDemo(backend);
    MainWindow window(&backend);
    window.show();
    PlaylistItem *road = window.item(test::key("road"));
    ASSERT_NE(road, nullptr);
    QTest::mouseClick(road->syncButton(), Qt::LeftButton);
    ASSERT_EQ(backend.testRegistry()->started.size(), 1u);
    EXPECT_FALSE(backend.testRegistry()->started[0].second.allowShrink);

    SyncResult r;
    r.outcome = SyncOutcome::Failed;
    r.error = pb::Error::make(
        pb::ErrorKind::ShortRead,
        QStringLiteral("Spotify gave no tracks for \"Road Trip\", which had 3 at its last sync"));
    r.message = r.error->message;
    backend.testRegistry()->finish(test::key("road"), r);
    QMessageBox *question = window.shrinkQuestion();
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(question->informativeText().contains(QStringLiteral("no tracks")));
    QPushButton *anyway = nullptr;
    for (QAbstractButton *b : question->buttons())
        if (b->text() == QStringLiteral("Sync Anyway"))
            anyway = qobject_cast<QPushButton *>(b);
    ASSERT_NE(anyway, nullptr);
    EXPECT_NE(question->defaultButton(), anyway); // the safe answer is the default
    anyway->click();
    ASSERT_EQ(backend.testRegistry()->started.size(), 2u);
    EXPECT_TRUE(backend.testRegistry()->started[1].second.allowShrink);
    EXPECT_EQ(backend.testRegistry()->started[1].first, test::key("road"));
}

} // namespace
