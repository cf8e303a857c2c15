#include "pb/gui/mainwindow.h"

#include <QLabel>

#include <gtest/gtest.h>

namespace {

TEST(MainWindow, EmptyStateSaysWhatToConnect)
{
    pb::gui::MainWindow window;
    window.show();
    const auto labels = window.findChildren<QLabel *>();
    QString text;
    for (const QLabel *label : labels)
        text += label->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Connect Spotify")));
    EXPECT_TRUE(text.contains(QStringLiteral("Connect Plex")));
    EXPECT_FALSE(window.windowIcon().isNull());
}

} // namespace
