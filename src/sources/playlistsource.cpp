#include "pb/sources/playlistsource.h"

#include <QCryptographicHash>

namespace pb::sources {

QString contentFingerprint(const QStringList &idsInOrder)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString &id : idsInOrder) {
        h.addData(id.toUtf8());
        h.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(h.result().toHex());
}

QString sourceLabel(const QString &sourceId)
{
    if (sourceId == kSourceSpotify)
        return QStringLiteral("Spotify");
    if (sourceId == kSourceDeezer)
        return QStringLiteral("Deezer");
    if (sourceId == kSourceListenBrainz)
        return QStringLiteral("ListenBrainz");
    if (sourceId == kSourceFile)
        return QStringLiteral("imported");
    return sourceId;
}

} // namespace pb::sources
