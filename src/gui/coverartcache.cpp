#include "pb/gui/coverartcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLinearGradient>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>

namespace pb::gui {

namespace {

constexpr int kMaxMemoryEntries = 512;
constexpr qint64 kMaxImageBytes = 4 * 1024 * 1024; // covers are small; refuse anything huge

} // namespace

CoverArtCache::CoverArtCache(QString directory, QObject *parent)
    : QObject(parent), m_directory(std::move(directory)), m_network(new QNetworkAccessManager(this))
{
    if (m_directory.isEmpty())
        m_directory =
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/covers");
    QDir().mkpath(m_directory);
    m_network->setTransferTimeout(15000);
}

QString CoverArtCache::cacheFileFor(const QString &url) const
{
    const QByteArray hash = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".img");
}

void CoverArtCache::request(const QString &url, QObject *ctx, std::function<void(const QPixmap &)> done)
{
    if (url.isEmpty())
        return;
    if (const auto it = m_memory.constFind(url); it != m_memory.constEnd()) {
        done(*it);
        return;
    }
    QPixmap fromDisk;
    if (fromDisk.load(cacheFileFor(url))) {
        if (m_memory.size() < kMaxMemoryEntries)
            m_memory.insert(url, fromDisk);
        done(fromDisk);
        return;
    }
    const QUrl qurl(url);
    if (!qurl.isValid() ||
        (qurl.scheme() != QLatin1String("http") && qurl.scheme() != QLatin1String("https")))
        return;

    auto &waiters = m_waiting[url];
    waiters.push_back({ctx, std::move(done)});
    if (waiters.size() > 1)
        return; // a download for this URL is already running

    QNetworkRequest request(qurl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        QPixmap pixmap;
        if (reply->error() == QNetworkReply::NoError) {
            const QByteArray data = reply->read(kMaxImageBytes);
            if (pixmap.loadFromData(data)) {
                QSaveFile file(cacheFileFor(url));
                if (file.open(QIODevice::WriteOnly)) {
                    file.write(data);
                    file.commit();
                }
            }
        }
        finish(url, pixmap);
    });
}

void CoverArtCache::finish(const QString &url, const QPixmap &pixmap)
{
    const std::vector<Waiter> waiters = m_waiting.take(url);
    if (pixmap.isNull())
        return;
    if (m_memory.size() < kMaxMemoryEntries)
        m_memory.insert(url, pixmap);
    for (const Waiter &w : waiters) {
        if (w.ctx)
            w.done(pixmap);
    }
}

QPixmap CoverArtCache::placeholder(const QString &name, int size, bool likedSongs)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // A stable colour per name, so a playlist keeps its tile between runs.
    const uint hash = qHash(name);
    const QColor base =
        likedSongs ? QColor(0x50, 0x38, 0xe0) : QColor::fromHsv(static_cast<int>(hash % 360), 120, 190);
    QLinearGradient gradient(0, 0, size, size);
    gradient.setColorAt(0, base.lighter(125));
    gradient.setColorAt(1, base.darker(130));
    painter.setBrush(gradient);
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(0, 0, size, size), size / 10.0, size / 10.0);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(size * 2 / 5);
    font.setBold(true);
    painter.setFont(font);
    const QString letter = likedSongs ? QString(QChar(0x2665)) : name.left(1).toUpper();
    painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, letter);
    return pixmap;
}

} // namespace pb::gui
