#include "pb/gui/appbackend.h"

#include <QCoreApplication>
#include <QTimer>

namespace pb::gui {

pb::Result<std::vector<pb::sync::SyncRun>> AppBackend::syncHistory(const pb::PlaylistKey &, int) const
{
    return std::vector<pb::sync::SyncRun>{};
}

pb::Result<std::vector<pb::sync::RunTrack>> AppBackend::runTracks(qint64) const
{
    return std::vector<pb::sync::RunTrack>{};
}

namespace {

pb::Error unavailable()
{
    return pb::Error::make(
        pb::ErrorKind::InvalidInput,
        QCoreApplication::translate("pb::gui::AppBackend", "Sign-in is not available here."));
}

} // namespace

QString AppBackend::spotifyRedirectUri() const
{
    return QStringLiteral("http://127.0.0.1/callback");
}

QStringList AppBackend::spotifyScopes() const
{
    return {QStringLiteral("playlist-read-private"), QStringLiteral("playlist-read-collaborative"),
            QStringLiteral("user-library-read")};
}

void AppBackend::connectSpotify(const QString &, QObject *, GuiCallback<SpotifyUser> done)
{
    done(unavailable());
}

void AppBackend::cancelSpotifySignIn() {}

void AppBackend::importPlaylistFile(const QString &, QObject *ctx,
                                    GuiCallback<std::vector<ImportedSummary>> done)
{
    QTimer::singleShot(0, ctx, [done = std::move(done)] {
        done(pb::Error::make(
            pb::ErrorKind::InvalidInput,
            QCoreApplication::translate("pb::gui::AppBackend", "Importing is not available here.")));
    });
}

void AppBackend::plexTracks(const QStringList &, QObject *ctx, GuiCallback<std::vector<PlexTrack>> done)
{
    QTimer::singleShot(0, ctx, [done = std::move(done)] {
        done(pb::Error::make(
            pb::ErrorKind::InvalidInput,
            QCoreApplication::translate("pb::gui::AppBackend", "Plex is not available here.")));
    });
}

void AppBackend::connectPlexWithPin(QObject *, GuiCallback<std::vector<PlexServerChoice>> done)
{
    done(unavailable());
}

void AppBackend::connectPlexWithToken(const QString &, const QString &, QObject *,
                                      GuiCallback<std::vector<PlexServerChoice>> done)
{
    done(unavailable());
}

void AppBackend::cancelPlexSignIn() {}

pb::Status AppBackend::choosePlexLibrary(const QString &, const QString &)
{
    return unavailable();
}

void AppBackend::disconnectSpotify() {}

void AppBackend::disconnectPlex() {}

} // namespace pb::gui
