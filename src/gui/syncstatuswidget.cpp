#include "pb/gui/syncstatuswidget.h"
#include "pb/gui/plural.h"

#include <QAbstractButton>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace pb::gui {

namespace {

int percentOf(int part, int whole)
{
    if (whole <= 0)
        return 0;
    return static_cast<int>(std::lround(100.0 * part / whole));
}

} // namespace

SyncCounts SyncCounts::fromProgress(const pb::sync::SyncProgress &progress)
{
    SyncCounts c;
    c.total = progress.totalTracks;
    c.matched = progress.matchedTracks;
    c.failed = progress.failedTracks;
    c.percent = static_cast<int>(std::lround(std::clamp(progress.progress, 0.0, 1.0) * 100));
    return c;
}

SyncCounts SyncCounts::fromResult(const pb::sync::SyncResult &result)
{
    SyncCounts c;
    c.total = result.total;
    c.matched = result.matched;
    c.failed = result.missing;
    c.finished = true;
    c.percent = percentOf(result.matched, result.total - result.skipped);
    return c;
}

QPixmap sharePie(int percent, int size, const QPalette &palette, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF disc = QRectF(0, 0, size, size).adjusted(1, 1, -1, -1);
    QColor rest = palette.color(QPalette::WindowText);
    rest.setAlphaF(0.22);
    p.setPen(Qt::NoPen);
    p.setBrush(rest);
    p.drawEllipse(disc);
    const int share = std::clamp(percent, 0, 100);
    p.setBrush(QColor(0x2e, 0x9d, 0x4f)); // the matched icon's green
    if (share >= 100)
        p.drawEllipse(disc);
    else if (share > 0)
        p.drawPie(disc, 90 * 16, -share * 360 * 16 / 100); // clockwise from twelve o'clock
    return pixmap;
}

SyncCountsWidget::SyncCountsWidget(bool compact, QWidget *parent) : QWidget(parent), m_compact(compact)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(compact ? 8 : 14);
    m_total = addItem(QStringLiteral(":/icons/status-total.svg"));
    m_matched = addItem(QStringLiteral(":/icons/status-matched.svg"));
    m_failed = addItem(QStringLiteral(":/icons/status-failed.svg"));
    m_percent = addItem(QStringLiteral(":/icons/status-percent.svg"), &m_percentIcon);
    if (compact) {
        m_progress = new QProgressBar(this);
        m_progress->setRange(0, 100);
        m_progress->setTextVisible(true);
        m_progress->setFormat(tr("%p %"));
        m_progress->setAlignment(Qt::AlignCenter);
        m_progress->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("100 %")) * 2);
        m_progress->setMaximumHeight(fontMetrics().height() + 2);
        m_progress->setAccessibleName(tr("Sync progress"));
        layout->addWidget(m_progress);
    }
    setAccessibleName(tr("Sync status"));
    setCounts({});
}

QLabel *SyncCountsWidget::addItem(const QString &icon, QLabel **iconOut)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(3);
    auto *iconLabel = new QLabel(box);
    const int size = fontMetrics().height();
    iconLabel->setPixmap(QIcon(icon).pixmap(size, size));
    auto *text = new QLabel(box);
    text->setTextFormat(Qt::PlainText);
    row->addWidget(iconLabel);
    row->addWidget(text);
    layout()->addWidget(box);
    if (iconOut)
        *iconOut = iconLabel;
    return text;
}

void SyncCountsWidget::updatePercentIcon()
{
    const int size = fontMetrics().height();
    m_percentIcon->setPixmap(m_counts.finished
                                 ? sharePie(m_counts.percent, size, palette(), devicePixelRatioF())
                                 : QIcon(QStringLiteral(":/icons/status-percent.svg")).pixmap(size, size));
}

void SyncCountsWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updatePercentIcon(); // the pie is drawn in the palette's colours
}

void SyncCountsWidget::setCounts(const SyncCounts &counts)
{
    m_counts = counts;
    if (m_compact) {
        m_total->setText(QString::number(counts.total));
        m_matched->setText(QString::number(counts.matched));
        m_failed->setText(QString::number(counts.failed));
    } else {
        m_total->setText(countText(counts.total, tr("1 track"), tr("%1 tracks")));
        m_matched->setText(tr("%1 matched").arg(counts.matched));
        m_failed->setText(tr("%1 missing").arg(counts.failed));
    }
    m_percent->setText(tr("%1 %").arg(counts.percent));

    const auto tip = [](QLabel *label, const QString &text) {
        label->setToolTip(text);
        label->parentWidget()->setToolTip(text);
        label->setAccessibleName(text);
    };
    tip(m_total, tr("Tracks in the Spotify playlist: %1").arg(counts.total));
    tip(m_matched, tr("Found in Plex: %1").arg(counts.matched));
    tip(m_failed, tr("Not found in Plex: %1").arg(counts.failed));
    const QString percentTip =
        counts.finished ? tr("Found in Plex: %1 % of the playable tracks (%2 of %3). This is the share "
                             "found, not progress.")
                              .arg(counts.percent)
                              .arg(counts.matched)
                              .arg(counts.matched + counts.failed)
                        : tr("Sync progress: %1 % done").arg(counts.percent);
    tip(m_percent, percentTip);
    updatePercentIcon();
    if (m_progress) {
        // Progress is a bar on the cards; the share is the pie and its number.
        m_progress->setValue(std::clamp(counts.percent, 0, 100));
        m_progress->setToolTip(percentTip);
        m_progress->setVisible(!counts.finished);
        m_percent->parentWidget()->setVisible(counts.finished);
    }
    setAccessibleDescription(summaryText());
}

QString SyncCountsWidget::summaryText() const
{
    const QString pct =
        m_counts.finished ? tr("%1 % found").arg(m_counts.percent) : tr("%1 % done").arg(m_counts.percent);
    return tr("%1, %2 matched, %3 missing, %4")
        .arg(countText(m_counts.total, tr("1 track"), tr("%1 tracks")))
        .arg(m_counts.matched)
        .arg(m_counts.failed)
        .arg(pct);
}

SyncStatusWidget::SyncStatusWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_counts = new SyncCountsWidget(false, this);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Sync progress"));
    m_bar->setMaximumHeight(fontMetrics().height() / 2 + 4);
    m_current = new QLabel(this);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setAccessibleName(tr("Current step"));
    m_current->setMinimumWidth(1);
    layout->addWidget(m_counts, 0, Qt::AlignRight);
    layout->addWidget(m_bar);
    layout->addWidget(m_current);
    setAccessibleName(tr("Sync status"));
    hide();
}

void SyncStatusWidget::showProgress(const pb::sync::SyncProgress &progress)
{
    m_counts->setCounts(SyncCounts::fromProgress(progress));
    m_bar->setValue(static_cast<int>(std::clamp(progress.progress, 0.0, 1.0) * 1000));
    m_current->setText(describeProgress(progress));
    show();
}

void SyncStatusWidget::showResult(const pb::sync::SyncResult &result)
{
    m_counts->setCounts(SyncCounts::fromResult(result));
    m_bar->setValue(result.outcome == pb::sync::SyncOutcome::Succeeded ? 1000 : m_bar->value());
    m_current->setText(describeResult(result));
    show();
}

void setSyncButtonRunning(QAbstractButton *button, bool running, const QString &idleText,
                          const QString &runningText)
{
    button->setText(running ? runningText : idleText);
    button->setProperty("syncRunning", running);
    button->setStyleSheet(running ? QStringLiteral("QPushButton { background-color: #c62828; color: white;"
                                                   " border: 1px solid #8e1b1b; border-radius: 4px;"
                                                   " padding: 4px 12px; }"
                                                   "QPushButton:hover { background-color: #d84343; }")
                                  : QString());
    button->setAccessibleName(button->text().remove(QLatin1Char('&')));
}

QString describeProgress(const pb::sync::SyncProgress &p)
{
    QString text = p.currentStep.isEmpty() ? QObject::tr("Starting…") : p.currentStep;
    if (p.totalSteps > 0 && p.stepNumber > 0)
        text = QObject::tr("Step %1 of %2: %3").arg(p.stepNumber).arg(p.totalSteps).arg(text);
    if (!p.currentTrack.isEmpty())
        text += QStringLiteral(" · ") + p.currentTrack;
    return text;
}

QString describeResult(const pb::sync::SyncResult &r)
{
    using pb::sync::SyncOutcome;
    switch (r.outcome) {
    case SyncOutcome::Cancelled:
        return r.plexPlaylistUnchanged
                   ? QObject::tr("Cancelled. The Plex playlist was not changed.")
                   : QObject::tr("Cancelled after the write finished: the Plex playlist is "
                                 "up to date.");
    case SyncOutcome::Failed:
        return QObject::tr("Failed: %1").arg(r.message.isEmpty() && r.error ? r.error->message : r.message);
    case SyncOutcome::Succeeded: break;
    }
    if (r.dryRun)
        return QObject::tr("Preview: %1 to add, %2 to remove, %3 to move; %4 of %5 tracks found.")
            .arg(r.edit.added)
            .arg(r.edit.removed)
            .arg(r.edit.moved)
            .arg(r.matched)
            .arg(r.total);
    if (!r.edit.created && r.edit.added == 0 && r.edit.removed == 0 && r.edit.moved == 0)
        // "0 added, 0 removed, 0 moved" reads like nothing was found; say that nothing had to change.
        return QObject::tr("Up to date: %1 of %2 tracks in Plex (%3 missing, %4 skipped); nothing "
                           "had to change.")
            .arg(r.matched)
            .arg(r.total)
            .arg(r.missing)
            .arg(r.skipped);
    return QObject::tr(
               "Synced: %1 of %2 tracks in Plex (%3 missing, %4 skipped). %5 added, %6 removed, %7 moved.")
        .arg(r.matched)
        .arg(r.total)
        .arg(r.missing)
        .arg(r.skipped)
        .arg(r.edit.added)
        .arg(r.edit.removed)
        .arg(r.edit.moved);
}

} // namespace pb::gui
