// The ZIP of Spotify's account data export (and Exportify's "Export All" ZIP), read in memory.
#include "importcommon.h"

#include <zip.h>

#include <memory>

namespace pb::sources {

using namespace detail;

namespace {

constexpr ImportFormat kFormat = ImportFormat::SpotifyExport;
constexpr zip_int64_t kMaxEntries = 10000;        // the export holds a few dozen files
constexpr qint64 kMaxInflatedBytes = 512LL << 20; // all entries read, once inflated

struct ArchiveCloser {
    void operator()(zip_t *z) const { zip_discard(z); }
};
struct FileCloser {
    void operator()(zip_file_t *f) const { zip_fclose(f); }
};

bool suspiciousPath(const QString &name)
{
    return name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\')) ||
           name.contains(QLatin1String("..")) || (name.size() > 1 && name[1] == QLatin1Char(':')) ||
           name.contains(QChar(0));
}

enum class Kind {
    None,
    Playlists,
    Library,
    Csv
};

Kind kindOf(const QString &name)
{
    const QString base = name.section(QLatin1Char('/'), -1);
    if (base.startsWith(QLatin1String("._")))
        return Kind::None; // macOS resource forks
    if (base.startsWith(QLatin1String("Playlist"), Qt::CaseInsensitive) &&
        base.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return Kind::Playlists;
    if (base.compare(QLatin1String("YourLibrary.json"), Qt::CaseInsensitive) == 0)
        return Kind::Library;
    if (base.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return Kind::Csv;
    return Kind::None;
}

} // namespace

Result<std::vector<ImportedPlaylist>> parseSpotifyExportZip(const QByteArray &data,
                                                            const ImportLimits &limits)
{
    if (data.size() > limits.maxFileBytes)
        return parseError(kFormat, QStringLiteral("ZIP"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    zip_error_t error;
    zip_error_init(&error);
    // libzip reads from our buffer and never frees it (freep = 0).
    zip_source_t *source =
        zip_source_buffer_create(data.constData(), static_cast<zip_uint64_t>(data.size()), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return parseError(kFormat, QStringLiteral("ZIP"), QStringLiteral("cannot be read"));
    }
    std::unique_ptr<zip_t, ArchiveCloser> archive(
        zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) {
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_source_free(source);
        zip_error_fini(&error);
        return parseError(kFormat, QStringLiteral("ZIP"),
                          QStringLiteral("not a valid archive (%1)").arg(why));
    }
    zip_error_fini(&error);
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    if (count < 0 || count > kMaxEntries)
        return parseError(kFormat, QStringLiteral("ZIP"),
                          QStringLiteral("more than %1 entries").arg(kMaxEntries));

    std::vector<ImportedPlaylist> out;
    qint64 inflated = 0;
    bool sawExport = false;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
            !(st.valid & ZIP_STAT_NAME))
            return parseError(kFormat, QStringLiteral("ZIP entry %1").arg(i), QStringLiteral("unreadable"));
        const QString name = QString::fromUtf8(st.name);
        if (suspiciousPath(name))
            return parseError(kFormat, QStringLiteral("ZIP entry \"%1\"").arg(name.left(120)),
                              QStringLiteral("a path outside the archive"));
        const Kind kind = kindOf(name);
        if (kind == Kind::None || name.endsWith(QLatin1Char('/')))
            continue;
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return parseError(kFormat, QStringLiteral("ZIP entry \"%1\"").arg(name),
                              QStringLiteral("encrypted"));
        // Declared sizes are not trusted: bytes are counted as they are inflated.
        std::unique_ptr<zip_file_t, FileCloser> file(
            zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
        if (!file)
            return parseError(kFormat, QStringLiteral("ZIP entry \"%1\"").arg(name),
                              QStringLiteral("cannot be opened"));
        QByteArray content;
        char buffer[64 * 1024];
        for (;;) {
            const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
            if (n < 0)
                return parseError(kFormat, QStringLiteral("ZIP entry \"%1\"").arg(name),
                                  QStringLiteral("damaged"));
            if (n == 0)
                break;
            inflated += n;
            if (content.size() + n > limits.maxFileBytes || inflated > kMaxInflatedBytes)
                return parseError(kFormat, QStringLiteral("ZIP entry \"%1\"").arg(name),
                                  QStringLiteral("inflates to more than the %1 MB allowed")
                                      .arg((content.size() + n > limits.maxFileBytes ? limits.maxFileBytes
                                                                                     : kMaxInflatedBytes) >>
                                           20));
            content.append(buffer, static_cast<qsizetype>(n));
        }
        Result<std::vector<ImportedPlaylist>> parsed = std::vector<ImportedPlaylist>{};
        if (kind == Kind::Playlists) {
            parsed = parseSpotifyPlaylistsJson(content, limits);
        } else if (kind == Kind::Library) {
            auto liked = parseSpotifyLibraryJson(content, limits);
            parsed =
                liked
                    ? Result<std::vector<ImportedPlaylist>>(std::vector<ImportedPlaylist>{std::move(*liked)})
                    : Result<std::vector<ImportedPlaylist>>(liked.error());
        } else {
            auto csv = parseExportifyCsv(content, playlistNameFromFileName(name), limits);
            parsed =
                csv ? Result<std::vector<ImportedPlaylist>>(std::vector<ImportedPlaylist>{std::move(*csv)})
                    : Result<std::vector<ImportedPlaylist>>(csv.error());
        }
        if (!parsed)
            return Error::make(ErrorKind::Parse,
                               QStringLiteral("%1 (in \"%2\")").arg(parsed.error().message, name));
        sawExport = true;
        for (ImportedPlaylist &p : *parsed) {
            if (static_cast<int>(out.size()) >= limits.maxPlaylists)
                return parseError(kFormat, QStringLiteral("ZIP"),
                                  QStringLiteral("more than %1 playlists").arg(limits.maxPlaylists));
            out.push_back(std::move(p));
        }
    }
    if (!sawExport)
        return parseError(kFormat, QStringLiteral("ZIP"),
                          QStringLiteral("holds no Playlist*.json, YourLibrary.json or CSV file"));
    return out;
}

} // namespace pb::sources
