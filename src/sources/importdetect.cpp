// Picks a file's format from its name and its first bytes.
#include "importcommon.h"

namespace pb::sources {

using namespace detail;

namespace {

Result<std::vector<ImportedPlaylist>> one(Result<ImportedPlaylist> r)
{
    if (!r)
        return r.error();
    return std::vector<ImportedPlaylist>{std::move(*r)};
}

} // namespace

Result<std::vector<ImportedPlaylist>> parsePlaylistFile(const QString &fileName, const QByteArray &data,
                                                        const ImportLimits &limits)
{
    if (data.size() > limits.maxFileBytes)
        return Error::make(ErrorKind::Parse,
                           QStringLiteral("the file is larger than %1 MB").arg(limits.maxFileBytes >> 20));
    const QString base = fileName.section(QLatin1Char('/'), -1);
    const QString lower = base.toLower();
    const QString name = playlistNameFromFileName(base);
    const QByteArray head = data.left(512).trimmed();
    QByteArray start = head;
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.mid(3).trimmed();

    if (data.startsWith("PK\x03\x04") || data.startsWith("PK\x05\x06") ||
        lower.endsWith(QLatin1String(".zip")))
        return parseSpotifyExportZip(data, limits);
    if (lower.endsWith(QLatin1String(".jspf")))
        return one(parseJspf(data, name, limits));
    if (lower.endsWith(QLatin1String(".xspf")) || start.startsWith("<?xml") || start.startsWith("<playlist"))
        return one(parseXspf(data, name, limits));
    if (lower.endsWith(QLatin1String(".m3u")) || lower.endsWith(QLatin1String(".m3u8")) ||
        start.startsWith("#EXTM3U"))
        return one(parseM3u(data, name, limits));
    if (lower.endsWith(QLatin1String(".csv")))
        return one(parseExportifyCsv(data, name, limits));
    if (start.startsWith("{")) {
        // The export's JSON files, told apart by their top-level key.
        const QByteArray top = data.left(4096);
        if (lower.startsWith(QLatin1String("yourlibrary")) ||
            (top.contains("\"tracks\"") && !top.contains("\"playlist")))
            return one(parseSpotifyLibraryJson(data, limits));
        if (top.contains("\"playlists\""))
            return parseSpotifyPlaylistsJson(data, limits);
        return one(parseJspf(data, name, limits));
    }
    if (lower.endsWith(QLatin1String(".json")))
        return Error::make(ErrorKind::Parse,
                           QStringLiteral("%1 is not a playlist file Playlist Bridge knows").arg(base));
    return one(parsePlainText(data, name, limits));
}

} // namespace pb::sources
