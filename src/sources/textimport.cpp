// Line-based formats: M3U/M3U8 and plain "Artist - Title" text.
#include "importcommon.h"

#include <QRegularExpression>
#include <QUrl>

namespace pb::sources {

using namespace detail;

namespace {

QStringList linesOf(const QByteArray &data)
{
    static const QRegularExpression kBreak(QStringLiteral("\r\n|\r|\n"));
    return decodeText(data).split(kBreak);
}

QString nameOr(const QString &name, const QString &fallback)
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    return fallback.trimmed().isEmpty() ? QStringLiteral("Imported playlist") : fallback.trimmed();
}

/// "01 - Artist - Title.mp3" or "Artist - Title.flac" from a path or URL: the text of an
/// entry that has no #EXTINF.
QString textFromLocation(const QString &location)
{
    QString base = location.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    base = QUrl::fromPercentEncoding(base.toUtf8());
    const qsizetype dot = base.lastIndexOf(QLatin1Char('.'));
    if (dot > 0 && base.size() - dot <= 5)
        base.truncate(dot);
    static const QRegularExpression kTrackNumber(QStringLiteral("^\\d{1,3}(?:\\s*[-.]\\s*|\\s+)"));
    base.remove(kTrackNumber);
    return base.replace(QLatin1Char('_'), QLatin1Char(' ')).simplified();
}

} // namespace

Result<ImportedPlaylist> parseM3u(const QByteArray &data, const QString &fallbackName,
                                  const ImportLimits &limits)
{
    constexpr ImportFormat kFormat = ImportFormat::M3u;
    if (data.size() > limits.maxFileBytes)
        return parseError(kFormat, QStringLiteral("file"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    ImportedPlaylist playlist;
    playlist.format = kFormat;
    QString name;
    // What the directives before a location say about it.
    struct Pending {
        bool have = false;
        int line = 0;
        qint64 seconds = -1;
        QString artist, title, album, groupArtist;
    } pending;
    const QStringList lines = linesOf(data);
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        const QString where = QStringLiteral("line %1").arg(i + 1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            if (line.startsWith(QLatin1String("#EXTINF:"), Qt::CaseInsensitive)) {
                // #EXTINF:<seconds>[ attributes],<Artist - Title>
                const QString rest = line.mid(8);
                const qsizetype comma = rest.indexOf(QLatin1Char(','));
                if (comma < 0)
                    return parseError(kFormat, where,
                                      QStringLiteral("#EXTINF needs \"seconds,Artist - Title\""));
                bool ok = false;
                const QString secondsText = rest.left(comma).section(QLatin1Char(' '), 0, 0).trimmed();
                const double seconds = secondsText.toDouble(&ok);
                if (!ok)
                    return parseError(
                        kFormat, where,
                        QStringLiteral("#EXTINF duration \"%1\" is not a number").arg(secondsText.left(20)));
                pending.have = true;
                pending.line = i + 1;
                // A duration no integer holds (1e100) is unknown, not an undefined conversion.
                pending.seconds = seconds > 0 && seconds < 1e9 ? static_cast<qint64>(seconds) : -1;
                const QString display = cleanField(rest.mid(comma + 1), limits);
                if (!splitArtistTitle(display, &pending.artist, &pending.title)) {
                    pending.artist.clear();
                    pending.title = display;
                }
            } else if (line.startsWith(QLatin1String("#PLAYLIST:"), Qt::CaseInsensitive)) {
                name = cleanField(line.mid(10), limits);
            } else if (line.startsWith(QLatin1String("#EXTALB:"), Qt::CaseInsensitive)) {
                pending.album = cleanField(line.mid(8), limits);
            } else if (line.startsWith(QLatin1String("#EXTART:"), Qt::CaseInsensitive)) {
                pending.groupArtist = cleanField(line.mid(8), limits);
            }
            continue; // #EXTM3U and other directives
        }
        if (static_cast<int>(playlist.entries.size()) >= limits.maxEntries)
            return parseError(kFormat, where, QStringLiteral("more than %1 entries").arg(limits.maxEntries));
        QString artist = pending.artist.isEmpty() ? pending.groupArtist : pending.artist;
        QString title = pending.title;
        if (!pending.have || title.isEmpty()) {
            const QString text = textFromLocation(line);
            if (!splitArtistTitle(text, &artist, &title)) {
                artist = pending.groupArtist;
                title = text;
            }
        }
        if (title.isEmpty())
            return parseError(kFormat, where, QStringLiteral("no title for \"%1\"").arg(line.left(80)));
        const QString spotify = spotifyTrackId(line);
        playlist.entries.push_back(makeEntry(
            static_cast<int>(playlist.entries.size()), spotify, cleanField(title, limits),
            artist.isEmpty() ? QStringList() : QStringList{cleanField(artist, limits)}, pending.album,
            pending.seconds > 0 ? pending.seconds * 1000 : 0, {}, spotify.isEmpty() ? QString() : line));
        pending = Pending{};
    }
    playlist.name = nameOr(name, fallbackName);
    return playlist;
}

Result<ImportedPlaylist> parsePlainText(const QByteArray &data, const QString &fallbackName,
                                        const ImportLimits &limits)
{
    constexpr ImportFormat kFormat = ImportFormat::PlainText;
    if (data.size() > limits.maxFileBytes)
        return parseError(kFormat, QStringLiteral("file"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    ImportedPlaylist playlist;
    playlist.format = kFormat;
    const QStringList lines = linesOf(data);
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = cleanField(lines[i], limits);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (static_cast<int>(playlist.entries.size()) >= limits.maxEntries)
            return parseError(kFormat, QStringLiteral("line %1").arg(i + 1),
                              QStringLiteral("more than %1 entries").arg(limits.maxEntries));
        QString artist, title;
        if (!splitArtistTitle(line, &artist, &title))
            return parseError(kFormat, QStringLiteral("line %1").arg(i + 1),
                              QStringLiteral("expected \"Artist - Title\", got \"%1\"").arg(line.left(80)));
        playlist.entries.push_back(
            makeEntry(static_cast<int>(playlist.entries.size()), {}, title, {artist}, {}, 0));
    }
    playlist.name = nameOr({}, fallbackName);
    return playlist;
}

} // namespace pb::sources
