#include "pb/gui/playlistitem.h"
#include "pb/gui/plural.h"

#include "pb/gui/coverartcache.h"
#include "pb/gui/syncstatuswidget.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace pb::gui {

namespace {
constexpr int kCoverSize = 56;
}

QString unreadableReason(const SourcePlaylist &playlist, const QString &currentUserId)
{
    if (appCanReadTracks(playlist, currentUserId))
        return {};
    return PlaylistItem::tr("Spotify only lets apps read playlists you own or collaborate on. To sync it, "
                            "open it in Spotify, select all tracks and add them to a playlist of your own, "
                            "then Refresh.");
}

QString relativeTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return PlaylistItem::tr("never");
    const qint64 secs = when.secsTo(now);
    if (secs < 60)
        return PlaylistItem::tr("just now");
    if (secs < 3600)
        return countText(static_cast<int>(secs / 60), PlaylistItem::tr("1 minute ago"),
                         PlaylistItem::tr("%1 minutes ago"));
    if (secs < 86400)
        return countText(static_cast<int>(secs / 3600), PlaylistItem::tr("1 hour ago"),
                         PlaylistItem::tr("%1 hours ago"));
    if (secs < 2 * 86400)
        return PlaylistItem::tr("yesterday");
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

PlaylistItem::PlaylistItem(const SourcePlaylist &playlist, const QString &unreadableReason,
                           CoverArtCache *covers, QWidget *parent)
    : QFrame(parent), m_playlist(playlist), m_reason(unreadableReason)
{
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Playlist %1").arg(playlist.name));
    setCursor(Qt::PointingHandCursor);

    m_cover = new QLabel(this);
    m_cover->setFixedSize(kCoverSize, kCoverSize);
    m_cover->setPixmap(CoverArtCache::placeholder(playlist.name, kCoverSize, playlist.isLikedSongs));
    m_cover->setAccessibleName(tr("Cover of %1").arg(playlist.name));
    if (covers) {
        covers->request(playlist.imageUrl, this, [this](const QPixmap &pixmap) {
            m_cover->setPixmap(pixmap.scaled(kCoverSize, kCoverSize, Qt::KeepAspectRatioByExpanding,
                                             Qt::SmoothTransformation));
        });
    }

    m_name = new QLabel(this);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setText(playlist.name);
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_name->setFont(bold);

    m_meta = new QLabel(this);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setForegroundRole(QPalette::PlaceholderText);

    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setTextFormat(Qt::PlainText);
    m_reasonLabel->setVisible(!m_reason.isEmpty());
    if (!m_reason.isEmpty()) {
        m_reasonLabel->setText(tr("Can't read this playlist: %1").arg(m_reason));
        m_reasonLabel->setAccessibleName(tr("Why this playlist cannot be synced"));
    }

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_name);
    text->addWidget(m_meta);
    text->addWidget(m_reasonLabel);

    m_badge = new SyncStateBadge(this);
    m_status = new SyncCountsWidget(true, this);
    m_status->hide(); // until a sync completed or runs

    m_details = new QToolButton(this);
    m_details->setText(tr("Details"));
    m_details->setToolTip(tr("Show the tracks and how each one matched"));
    m_details->setAccessibleName(tr("Details of %1").arg(playlist.name));
    connect(m_details, &QToolButton::clicked, this, [this] { Q_EMIT detailsRequested(m_playlist.key()); });

    m_history = new QToolButton(this);
    m_history->setText(tr("History"));
    m_history->setToolTip(tr("Show every sync of this playlist: when, what changed, what was missing"));
    m_history->setAccessibleName(tr("Sync history of %1").arg(playlist.name));
    connect(m_history, &QToolButton::clicked, this, [this] { Q_EMIT historyRequested(m_playlist.key()); });

    m_sync = new QPushButton(this);
    m_sync->setMinimumWidth(m_sync->fontMetrics().horizontalAdvance(tr("Cancel Sync")) + 32);
    setSyncButtonRunning(m_sync, false, tr("Sync"), tr("Cancel"));
    m_sync->setToolTip(tr("Copy this playlist into Plex"));
    connect(m_sync, &QPushButton::clicked, this, [this] {
        if (m_running)
            Q_EMIT cancelRequested(m_playlist.key());
        else
            Q_EMIT syncRequested(m_playlist.key());
    });

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->addWidget(m_cover);
    row->addLayout(text, 1);
    row->addWidget(m_badge);
    row->addSpacing(6);
    row->addWidget(m_status);
    row->addWidget(m_history);
    row->addWidget(m_details);
    row->addWidget(m_sync);

    if (!m_reason.isEmpty()) {
        m_sync->setEnabled(false);
        m_sync->setToolTip(m_reason);
        m_cover->setEnabled(false);
        m_name->setEnabled(false);
        m_meta->setEnabled(false);
        setToolTip(m_reason);
        m_badge->hide(); // it cannot be synced: the reason is its state
    }
    updateState();
}

void PlaylistItem::updateMeta()
{
    QStringList parts;
    if (m_playlist.source == pb::kSourceFile) {
        // An imported playlist: where it came from instead of an owner.
        parts << (m_playlist.ownerName.isEmpty() ? tr("Imported file")
                                                 : tr("Imported from %1").arg(m_playlist.ownerName));
    } else if (m_playlist.isLikedSongs) {
        parts << tr("Your Liked Songs");
    } else if (!m_playlist.ownerName.isEmpty()) {
        parts << tr("by %1").arg(m_playlist.ownerName);
    }
    parts << countText(m_playlist.trackCount, tr("1 track"), tr("%1 tracks"));
    if (isReadable()) {
        const QDateTime last =
            m_standing.lastCompleted ? m_standing.lastCompleted->finishedAt.toLocalTime() : QDateTime();
        parts << tr("Last synced: %1").arg(relativeTime(last));
    }
    m_meta->setText(parts.join(QStringLiteral(" · ")));
    setAccessibleDescription(isReadable() ? tr("%1. %2").arg(m_meta->text(), m_badge->accessibleDescription())
                                          : m_meta->text());
}

CardState PlaylistItem::state() const
{
    return cardState(m_standing, m_running);
}

void PlaylistItem::updateState()
{
    const CardState s = state();
    m_badge->setState(s, cardStateToolTip(s, m_standing, m_progress));
    if (m_running) {
        m_status->setCounts(SyncCounts::fromProgress(m_progress));
        m_status->setToolTip(describeProgress(m_progress));
        m_status->show();
    } else if (m_standing.lastCompleted) {
        // The last completed sync's counts, whatever happened since (a cancel, a failure).
        m_status->setCounts(SyncCounts::fromResult(*m_standing.lastCompleted));
        m_status->setToolTip(tr("The last completed sync, %1: %2")
                                 .arg(relativeTime(m_standing.lastCompleted->finishedAt.toLocalTime()),
                                      describeResult(*m_standing.lastCompleted)));
        m_status->show();
    } else {
        m_status->hide(); // zeros would read as "nothing matched"
    }
    updateMeta();
}

void PlaylistItem::setStanding(const pb::sync::SyncStanding &standing)
{
    m_standing = standing;
    updateState();
}

void PlaylistItem::setRunning(bool running)
{
    if (running && !m_running) {
        m_progress = {};
        m_progress.totalTracks = m_playlist.trackCount;
    }
    m_running = running;
    setSyncButtonRunning(m_sync, running, tr("Sync"), tr("Cancel"));
    m_sync->setToolTip(running ? tr("Stop this sync; the Plex playlist is left as it was")
                               : tr("Copy this playlist into Plex"));
    updateState();
}

void PlaylistItem::showProgress(const pb::sync::SyncProgress &progress)
{
    m_progress = progress;
    updateState();
}

void PlaylistItem::showResult(const pb::sync::SyncResult &result)
{
    pb::sync::SyncResult r = result;
    if (!r.finishedAt.isValid())
        r.finishedAt = QDateTime::currentDateTimeUtc();
    m_standing.add(r);
    updateState();
}

bool PlaylistItem::matchesFilter(const QString &text) const
{
    const QString needle = text.trimmed();
    return needle.isEmpty() || m_playlist.name.contains(needle, Qt::CaseInsensitive) ||
           m_playlist.ownerName.contains(needle, Qt::CaseInsensitive);
}

void PlaylistItem::mouseReleaseEvent(QMouseEvent *event)
{
    QFrame::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        Q_EMIT detailsRequested(m_playlist.key());
}

void PlaylistItem::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        Q_EMIT detailsRequested(m_playlist.key());
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace pb::gui
