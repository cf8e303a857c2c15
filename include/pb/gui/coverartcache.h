#pragma once

#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace pb::gui {

/// Loads playlist cover art asynchronously on the GUI thread's network manager and keeps it
/// in memory and in a disk cache (one file per URL), so a restart shows covers immediately and
/// the GUI thread never waits for the network.
class CoverArtCache : public QObject {
    Q_OBJECT

public:
    /// `directory` empty = the app's cache location + "/covers".
    explicit CoverArtCache(QString directory = {}, QObject *parent = nullptr);

    /// Calls `done` with the cover, from memory or disk at once, otherwise when downloaded.
    /// Never calls it if `ctx` was destroyed; does nothing for an empty or failing URL.
    void request(const QString &url, QObject *ctx, std::function<void(const QPixmap &)> done);

    /// The cover shown until (or instead of) the real one: a tile with the playlist's initial.
    static QPixmap placeholder(const QString &name, int size, bool likedSongs = false);

    QString directory() const { return m_directory; }
    QString cacheFileFor(const QString &url) const;

private:
    struct Waiter {
        QPointer<QObject> ctx;
        std::function<void(const QPixmap &)> done;
    };
    void finish(const QString &url, const QPixmap &pixmap);

    QString m_directory;
    QNetworkAccessManager *m_network; // parent: this
    QHash<QString, QPixmap> m_memory;
    QHash<QString, std::vector<Waiter>> m_waiting;
};

} // namespace pb::gui
