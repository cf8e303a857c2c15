// Exportify CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks).
#include "importcommon.h"

#include <QHash>

namespace pb::sources {

using namespace detail;

namespace {

constexpr ImportFormat kFormat = ImportFormat::ExportifyCsv;

struct Row {
    int line = 0; ///< 1-based line the row starts on
    QStringList fields;
};

/// Splits the text into rows; an unterminated quoted field is an error naming its line.
Result<std::vector<Row>> readRows(const QString &text, const ImportLimits &limits)
{
    std::vector<Row> rows;
    Row row;
    QString field;
    bool quoted = false, fieldStarted = false;
    int line = 1, quoteLine = 0;
    row.line = 1;
    auto endField = [&] {
        row.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&]() -> bool {
        endField();
        const bool blank = row.fields.size() == 1 && row.fields.front().trimmed().isEmpty();
        if (!blank)
            rows.push_back(std::move(row));
        row = Row{};
        row.line = line;
        return static_cast<int>(rows.size()) <= limits.maxEntries + 1;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                if (field.size() < limits.maxFieldChars)
                    field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            ++line;
            if (!endRow())
                return parseError(kFormat, QStringLiteral("line %1").arg(line),
                                  QStringLiteral("more than %1 rows").arg(limits.maxEntries));
        } else {
            fieldStarted = true;
            if (field.size() < limits.maxFieldChars)
                field += c;
        }
    }
    if (quoted)
        return parseError(kFormat, QStringLiteral("line %1").arg(quoteLine),
                          QStringLiteral("a quoted field is never closed"));
    if (fieldStarted || !row.fields.isEmpty() || !field.isEmpty())
        endRow();
    return rows;
}

/// Exportify joins several artists with ", " and escapes a comma inside a name as "\,".
QStringList splitArtists(const QString &value)
{
    QStringList out;
    QString current;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == QLatin1Char('\\') && i + 1 < value.size() && value[i + 1] == QLatin1Char(',')) {
            current += QLatin1Char(',');
            ++i;
        } else if (value[i] == QLatin1Char(',')) {
            out << current.trimmed();
            current.clear();
        } else {
            current += value[i];
        }
    }
    out << current.trimmed();
    out.removeAll(QString());
    return out;
}

} // namespace

Result<ImportedPlaylist> parseExportifyCsv(const QByteArray &data, const QString &fallbackName,
                                           const ImportLimits &limits)
{
    if (data.size() > limits.maxFileBytes)
        return parseError(kFormat, QStringLiteral("file"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    auto rows = readRows(decodeText(data), limits);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return parseError(kFormat, QStringLiteral("line 1"), QStringLiteral("no header row"));
    // Column names of both Exportify generations (and common spellings of others).
    QHash<QString, int> column;
    const Row &header = rows->front();
    for (int i = 0; i < header.fields.size(); ++i)
        column.insert(header.fields[i].trimmed().toCaseFolded(), i);
    auto find = [&](std::initializer_list<const char *> names) {
        for (const char *n : names)
            if (auto it = column.constFind(QString::fromLatin1(n)); it != column.cend())
                return *it;
        return -1;
    };
    const int title = find({"track name", "name of track", "title"});
    const int artists = find({"artist name(s)", "artist name", "artists", "artist"});
    const int album = find({"album name", "album"});
    const int uri = find({"track uri", "spotify uri", "uri", "spotify id"});
    const int duration = find({"track duration (ms)", "duration (ms)", "duration_ms"});
    const int isrc = find({"isrc"});
    const int name = find({"name", "playlist name", "playlist"});
    if (title < 0)
        return parseError(kFormat, QStringLiteral("line 1"), QStringLiteral("no \"Track Name\" column"));
    if (artists < 0)
        return parseError(kFormat, QStringLiteral("line 1"), QStringLiteral("no \"Artist Name(s)\" column"));

    ImportedPlaylist playlist;
    playlist.format = kFormat;
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const Row &row = (*rows)[r];
        auto field = [&](int c) { return c >= 0 && c < row.fields.size() ? row.fields[c] : QString(); };
        const QString where = QStringLiteral("line %1").arg(row.line);
        if (row.fields.size() < header.fields.size() && row.fields.size() <= std::max(title, artists))
            return parseError(kFormat, where,
                              QStringLiteral("%1 fields where the header has %2")
                                  .arg(row.fields.size())
                                  .arg(header.fields.size()));
        const QString t = cleanField(field(title), limits);
        if (t.isEmpty())
            return parseError(kFormat, where, QStringLiteral("\"Track Name\" is empty"));
        if (playlist.name.isEmpty() && name >= 0)
            playlist.name = cleanField(field(name), limits);
        QString u = field(uri).trimmed();
        QString id = spotifyTrackId(u);
        if (id.isEmpty() && u.size() == 22 && spotifyTrackId(QStringLiteral("spotify:track:") + u) == u) {
            id = u; // the first Exportify wrote the bare id ("Spotify ID")
            u = QStringLiteral("spotify:track:") + u;
        }
        bool ok = true;
        const QString durationText = field(duration).trimmed();
        const qint64 ms = durationText.isEmpty() ? 0 : durationText.toLongLong(&ok);
        if (!ok)
            return parseError(
                kFormat, where,
                QStringLiteral("the duration \"%1\" is not a number").arg(durationText.left(40)));
        PlaylistEntry e = makeEntry(static_cast<int>(playlist.entries.size()), id, t,
                                    splitArtists(cleanField(field(artists), limits)),
                                    cleanField(field(album), limits), ms, cleanField(field(isrc), limits), u);
        if (u.startsWith(QLatin1String("spotify:local:"))) {
            e.skipReason = SkipReason::LocalFile;
            e.track.isLocal = true;
            e.track.id.clear();
        }
        playlist.entries.push_back(std::move(e));
    }
    if (playlist.name.isEmpty())
        playlist.name =
            fallbackName.trimmed().isEmpty() ? QStringLiteral("Imported playlist") : fallbackName.trimmed();
    return playlist;
}

} // namespace pb::sources
