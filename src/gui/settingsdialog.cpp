#include "pb/gui/settingsdialog.h"

#include "ui_settingsdialog.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSystemTrayIcon>

#include <cmath>

namespace pb::gui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setValues(AppSettings{}); });
    connect(m_ui->namingEdit, &QLineEdit::textChanged, this, [this] {
        const AppSettings s = values();
        const bool valid = m_ui->namingEdit->text().contains(QStringLiteral("{name}"));
        m_ui->namingPreview->setText(
            valid ? tr("For example: “%1”").arg(s.plexTitleFor(tr("Road Trip"), tr("Alex")))
                  : tr("The pattern must contain {name}."));
        m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    });
    connect(m_ui->autoSyncCheck, &QCheckBox::toggled, m_ui->autoSyncSpin, &QWidget::setEnabled);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_ui->closeToTrayCheck->setEnabled(false);
        m_ui->closeToTrayCheck->setToolTip(tr("This desktop has no system tray."));
    }
    setValues(AppSettings::load());
}

SettingsDialog::~SettingsDialog() = default;

AppSettings SettingsDialog::values() const
{
    AppSettings s;
    // Per-playlist choices are not edited here; the dialog must not drop them.
    s.keepHandAddedFor = AppSettings::load().keepHandAddedFor;
    s.playlistNaming = m_ui->namingEdit->text().trimmed();
    s.matchThreshold = m_ui->thresholdSpin->value() / 100.0;
    s.concurrency = m_ui->concurrencySpin->value();
    s.autoSyncHours = m_ui->autoSyncCheck->isChecked() ? m_ui->autoSyncSpin->value() : 0;
    s.closeToTray = m_ui->closeToTrayCheck->isChecked();
    s.keepHandAdded = m_ui->keepHandAddedCheck->isChecked();
    return s;
}

void SettingsDialog::setValues(const AppSettings &settings)
{
    m_ui->namingEdit->setText(settings.playlistNaming);
    m_ui->thresholdSpin->setValue(static_cast<int>(std::lround(settings.matchThreshold * 100)));
    m_ui->concurrencySpin->setValue(settings.concurrency);
    m_ui->autoSyncCheck->setChecked(settings.autoSyncHours > 0);
    m_ui->autoSyncSpin->setEnabled(settings.autoSyncHours > 0);
    if (settings.autoSyncHours > 0)
        m_ui->autoSyncSpin->setValue(settings.autoSyncHours);
    m_ui->closeToTrayCheck->setChecked(settings.closeToTray);
    m_ui->keepHandAddedCheck->setChecked(settings.keepHandAdded);
}

void SettingsDialog::accept()
{
    values().save();
    QDialog::accept();
}

} // namespace pb::gui
