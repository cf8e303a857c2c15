#pragma once

#include "pb/gui/appsettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace pb::gui {

/// Playlist naming, match threshold and concurrency, saved with QSettings on OK.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// The values as currently entered.
    AppSettings values() const;
    void setValues(const AppSettings &settings);

    void accept() override;

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

} // namespace pb::gui
