#include "pb/app/offlinebackend.h"

#include <QCoreApplication>
#include <QTimer>

namespace pb::app {

namespace {
pb::Error notConnected()
{
    return pb::Error::make(
        pb::ErrorKind::AuthRequired,
        QCoreApplication::translate("pb::app::OfflineBackend", "Connect Spotify and Plex first."));
}
} // namespace

OfflineBackend::OfflineBackend(QObject *parent) : AppBackend(parent), m_registry(new IdleRegistry(this)) {}

void OfflineBackend::refreshPlaylists()
{
    QTimer::singleShot(0, this, [this] { Q_EMIT playlistsFailed(notConnected().message); });
}

void OfflineBackend::loadEntries(const SourcePlaylist &, QObject *ctx,
                                 pb::gui::GuiCallback<std::vector<PlaylistEntry>> done)
{
    QTimer::singleShot(0, ctx, [done = std::move(done)] { done(notConnected()); });
}

void OfflineBackend::searchPlex(const QString &, QObject *ctx,
                                pb::gui::GuiCallback<std::vector<PlexTrack>> done)
{
    QTimer::singleShot(0, ctx, [done = std::move(done)] { done(notConnected()); });
}

pb::Status OfflineBackend::setManualOverride(const SourceTrack &, const PlexTrack &)
{
    return notConnected();
}

} // namespace pb::app
