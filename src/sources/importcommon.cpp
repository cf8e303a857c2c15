#include "importcommon.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace pb::sources {

QString importFormatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::SpotifyExport: return QStringLiteral("Spotify data export");
    case ImportFormat::SpotifyLibrary: return QStringLiteral("Spotify data export (YourLibrary.json)");
    case ImportFormat::ExportifyCsv: return QStringLiteral("Exportify CSV");
    case ImportFormat::M3u: return QStringLiteral("M3U");
    case ImportFormat::Xspf: return QStringLiteral("XSPF");
    case ImportFormat::Jspf: return QStringLiteral("JSPF");
    case ImportFormat::PlainText: return QStringLiteral("text");
    }
    return QStringLiteral("file");
}

namespace {

// Case, accents, spacing and punctuation do not make a different track.
QString normaliseForId(const QString &s)
{
    const QString decomposed = s.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            out += c;
        } else {
            space = true;
        }
    }
    return out;
}

} // namespace

QString trackIdFor(const QString &artist, const QString &title, const QString &album)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(normaliseForId(artist).toUtf8());
    h.addData(QByteArrayView("\x1f"));
    h.addData(normaliseForId(title).toUtf8());
    h.addData(QByteArrayView("\x1f"));
    h.addData(normaliseForId(album).toUtf8());
    return QStringLiteral("text:") + QString::fromLatin1(h.result().toHex().left(24));
}

QString importedPlaylistId(const QString &name)
{
    QString n = name;
    n.replace(QLatin1Char('_'), QLatin1Char(' '));
    n = n.simplified();
    static const QRegularExpression kDownloadSuffix(QStringLiteral("\\s*\\(\\d{1,3}\\)$"));
    n.remove(kDownloadSuffix);
    return n.toCaseFolded();
}

QString playlistNameFromFileName(const QString &fileName)
{
    QString base = fileName.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    const qsizetype dot = base.lastIndexOf(QLatin1Char('.'));
    if (dot > 0)
        base.truncate(dot);
    base.replace(QLatin1Char('_'), QLatin1Char(' '));
    return base.simplified();
}

namespace detail {

Error parseError(ImportFormat format, const QString &where, const QString &what)
{
    return Error::make(ErrorKind::Parse,
                       QStringLiteral("%1: %2: %3").arg(importFormatName(format), where, what));
}

QString decodeText(const QByteArray &data)
{
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes.data(), bytes.size());
}

QString cleanField(const QString &value, const ImportLimits &limits)
{
    QString out;
    out.reserve(std::min(value.size(), limits.maxFieldChars));
    for (const QChar c : value) {
        if (out.size() >= limits.maxFieldChars)
            break;
        out += (c.category() == QChar::Other_Control) ? QLatin1Char(' ') : c;
    }
    // A cut (here or by a reader's own bound) never leaves half of a character outside the
    // Basic Multilingual Plane: a trailing high surrogate has lost its partner.
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out.simplified();
}

QString spotifyTrackId(const QString &uriOrUrl)
{
    static const QRegularExpression kUri(QStringLiteral("^spotify:track:([0-9A-Za-z]{22})$"));
    static const QRegularExpression kUrl(QStringLiteral(
        "^https?://open\\.spotify\\.com/(?:intl-[a-z-]+/)?track/([0-9A-Za-z]{22})(?:[?#].*)?$"));
    const QString s = uriOrUrl.trimmed();
    if (auto m = kUri.match(s); m.hasMatch())
        return m.captured(1);
    if (auto m = kUrl.match(s); m.hasMatch())
        return m.captured(1);
    return {};
}

QString recordingId(const QString &identifier)
{
    static const QRegularExpression kMbid(
        QStringLiteral("^(?:https?://musicbrainz\\.org/recording/"
                       ")?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                       "[0-9a-fA-F]{12})$"));
    if (auto m = kMbid.match(identifier.trimmed()); m.hasMatch())
        return QStringLiteral("mbid:") + m.captured(1).toLower();
    return {};
}

PlaylistEntry makeEntry(int position, const QString &id, const QString &title, const QStringList &artists,
                        const QString &album, std::int64_t durationMs, const QString &isrc,
                        const QString &uri)
{
    PlaylistEntry e;
    e.position = position;
    e.track.name = title;
    e.track.artists = artists;
    e.track.album = album;
    e.track.durationMs = std::max<std::int64_t>(0, durationMs);
    e.track.isrc = isrc.trimmed().toUpper();
    e.track.uri = uri;
    e.track.id = id.isEmpty() ? trackIdFor(artists.join(QStringLiteral(", ")), title, album) : id;
    return e;
}

bool jsonDepthWithin(const QByteArray &data, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : data) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return false;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return true;
}

bool splitArtistTitle(const QString &text, QString *artist, QString *title)
{
    static const QRegularExpression kSeparator(QStringLiteral("\\s+[-–—]\\s+"));
    const QRegularExpressionMatch m = kSeparator.match(text);
    if (!m.hasMatch())
        return false;
    *artist = text.left(m.capturedStart()).trimmed();
    *title = text.mid(m.capturedEnd()).trimmed();
    return !artist->isEmpty() && !title->isEmpty();
}

} // namespace detail
} // namespace pb::sources
