#include "pb/gui/mainwindow.h"

#include "ui_mainwindow.h"

#include "pb/core/version.h"

namespace pb::gui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Playlist Bridge"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/playlist-bridge.svg")));
    m_ui->versionLabel->setText(tr("Version %1").arg(QString::fromLatin1(pb::kVersion)));
}

MainWindow::~MainWindow() = default;

} // namespace pb::gui
