// Importing playlist files: parsed on a worker thread (pure parsers, no database), stored on
// the GUI thread's state-store connection, then the list is refreshed.
#include "pb/app/servicebackend.h"

#include "pb/sync/importer.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace pb::app {

void ServiceBackend::importPlaylistFile(const QString &path, QObject *ctx,
                                        GuiCallback<std::vector<ImportedSummary>> done)
{
    auto *watcher = new QFutureWatcher<pb::Result<std::vector<pb::sources::ImportedPlaylist>>>(this);
    QPointer<QObject> guard(ctx);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, guard, path, done = std::move(done)] {
                watcher->deleteLater();
                auto parsed = watcher->result();
                if (!guard)
                    return;
                if (!parsed.ok())
                    return done(parsed.error());
                pb::sync::StateStore *s = store();
                if (!s)
                    return done(pb::Error::make(pb::ErrorKind::Storage,
                                                tr("The app's database could not be opened.")));
                auto stored = pb::sync::storeImportedPlaylists(*s, std::move(parsed).value(),
                                                               QFileInfo(path).absoluteFilePath());
                if (!stored.ok())
                    return done(stored.error());
                std::vector<ImportedSummary> out;
                for (const pb::sync::ImportOutcome &o : *stored)
                    out.push_back({o.playlist, o.format, o.isNew, o.changed});
                done(std::move(out));
                refreshPlaylists();
            });
    watcher->setFuture(QtConcurrent::run([path] { return pb::sync::readPlaylistFile(path); }));
}

} // namespace pb::app
