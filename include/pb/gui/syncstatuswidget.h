#pragma once

#include "pb/sync/jobtypes.h"

#include <QPixmap>
#include <QWidget>

class QAbstractButton;
class QLabel;
class QPalette;
class QProgressBar;

namespace pb::gui {

/// The four numbers the seed's status icons show.
struct SyncCounts {
    int total = 0;
    int matched = 0;
    int failed = 0;
    int percent = 0;
    bool finished = false; ///< percent is the share found in Plex, not progress

    static SyncCounts fromProgress(const pb::sync::SyncProgress &progress);
    static SyncCounts fromResult(const pb::sync::SyncResult &result);
};

/// Total / matched / failed / percent, each an icon with its number and a tooltip, readable by
/// screen readers as one sentence. Compact on the playlist cards, with words in the modal header.
/// The percent looks different for the two things it means: during a sync it is progress (a
/// small progress bar on the cards, the progress ring icon in the header), after it the share
/// of the playable tracks found in Plex (a pie of that share, drawn in the palette's colours).
class SyncCountsWidget : public QWidget {
    Q_OBJECT

public:
    explicit SyncCountsWidget(bool compact, QWidget *parent = nullptr);

    void setCounts(const SyncCounts &counts);
    const SyncCounts &counts() const { return m_counts; }
    /// "120 tracks, 118 matched, 2 missing, 98 % found" (also the accessible description).
    QString summaryText() const;
    /// The compact progress bar shown instead of the share while a sync runs (cards only).
    QProgressBar *progressBar() const { return m_progress; }
    /// The percent label (the share after a sync; the progress in the header during one).
    QLabel *percentLabel() const { return m_percent; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addItem(const QString &icon, QLabel **iconLabel = nullptr);
    void updatePercentIcon();

    bool m_compact;
    SyncCounts m_counts;
    QLabel *m_total = nullptr;
    QLabel *m_matched = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_percent = nullptr;
    QLabel *m_percentIcon = nullptr;
    QProgressBar *m_progress = nullptr; ///< compact only
};

/// A pie of `percent` (0–100) at `size` logical pixels: the share in the matched green, the
/// rest in the palette's text colour, faint, so it reads on light and dark palettes.
QPixmap sharePie(int percent, int size, const QPalette &palette, qreal devicePixelRatio);

/// The modal's header sync status: counts, a progress bar, the current step and track.
/// Hidden until a sync starts.
class SyncStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);

    void showProgress(const pb::sync::SyncProgress &progress);
    void showResult(const pb::sync::SyncResult &result);

    SyncCountsWidget *counts() const { return m_counts; }
    QProgressBar *progressBar() const { return m_bar; }
    QLabel *currentTrackLabel() const { return m_current; }

private:
    SyncCountsWidget *m_counts;
    QProgressBar *m_bar;
    QLabel *m_current;
};

/// Turns a sync button into the red "Cancel" state and back. The red is fixed (it must read
/// as "stop" in light and dark palettes); everything else follows the system palette.
void setSyncButtonRunning(QAbstractButton *button, bool running, const QString &idleText,
                          const QString &runningText);

/// "Matching tracks · 45 of 120 · Artist – Title"
QString describeProgress(const pb::sync::SyncProgress &progress);
/// The one line shown when a sync ended ("Synced: 118 of 120 tracks in Plex (2 missing)").
QString describeResult(const pb::sync::SyncResult &result);

} // namespace pb::gui
