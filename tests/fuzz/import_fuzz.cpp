// Fuzz targets: the playlist file parsers of pb_sources, one binary per format (the format is
// chosen at build time with PB_FUZZ_FORMAT, see CMakeLists.txt), and `import_file` for the
// format detection of parsePlaylistFile (the input's first line is the file name). Limits are
// small so that the bounds are reached. Every input ends in playlists that keep the limits
// (entries, playlists, field lengths), whose text is valid UTF-16 and whose entries have an id
// or a skip reason, all the same when parsed twice; or in a typed Parse error with a message.
#include "fuzzcheck.h"
#include "pb/sources/importformats.h"

using namespace pb::sources;

namespace {

constexpr ImportLimits kLimits{256 * 1024, 300, 20, 64};

bool validText(const QString &s)
{
    return QStringView(s).isValidUtf16() && s.size() <= kLimits.maxFieldChars + 1;
}

void check(const ImportedPlaylist &p)
{
    pb::fuzz::require(static_cast<int>(p.entries.size()) <= kLimits.maxEntries, "entries within the limit");
    pb::fuzz::require(QStringView(p.name).isValidUtf16(), "the playlist name is valid UTF-16");
    pb::fuzz::require(!importedPlaylistId(p.name).isEmpty() || p.name.trimmed().isEmpty(),
                      "a named playlist has an id");
    for (const pb::PlaylistEntry &e : p.entries) {
        pb::fuzz::require(validText(e.track.name) && validText(e.track.album),
                          "title and album within the limit");
        for (const QString &a : e.track.artists)
            pb::fuzz::require(validText(a), "artists within the limit");
        pb::fuzz::require(!e.track.id.isEmpty() || e.skipReason != pb::SkipReason::None,
                          "an entry has a stable id or a skip reason");
    }
}

/// What one parse gave: the playlists, and how many of the parsers run refused the input.
struct Parsed {
    std::vector<ImportedPlaylist> playlists;
    int refused = 0;

    void take(pb::Result<ImportedPlaylist> r)
    {
        if (!r)
            return refuse(r.error());
        playlists.push_back(std::move(r).value());
    }
    void take(pb::Result<std::vector<ImportedPlaylist>> r)
    {
        if (!r)
            return refuse(r.error());
        pb::fuzz::require(static_cast<int>(r->size()) <= kLimits.maxPlaylists, "playlists within the limit");
        for (ImportedPlaylist &p : *r)
            playlists.push_back(std::move(p));
    }
    void refuse(const pb::Error &e)
    {
        pb::fuzz::requireTypedError(e, pb::ErrorKind::Parse);
        ++refused;
    }
};

Parsed parse(const QByteArray &data)
{
    Parsed out;
    const QString name = QStringLiteral("Fuzzed Playlist");
    switch (PB_FUZZ_FORMAT) {
    case 0: // a file of the Spotify export is a Playlist*.json or YourLibrary.json
        out.take(parseSpotifyPlaylistsJson(data, kLimits));
        out.take(parseSpotifyLibraryJson(data, kLimits));
        break;
    case 1: out.take(parseExportifyCsv(data, name, kLimits)); break;
    case 2: out.take(parseM3u(data, name, kLimits)); break;
    case 3: out.take(parseXspf(data, name, kLimits)); break;
    case 4: out.take(parseJspf(data, name, kLimits)); break;
    case 5: out.take(parsePlainText(data, name, kLimits)); break;
    case 6: out.take(parseSpotifyExportZip(data, kLimits)); break;
    default: { // import_file: the first line names the file
        const qsizetype nl = data.indexOf('\n');
        out.take(parsePlaylistFile(nl < 0 ? QString() : QString::fromUtf8(data.left(nl)),
                                   nl < 0 ? data : data.mid(nl + 1), kLimits));
    }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = pb::fuzz::bytesOf(data, size);
    const Parsed first = parse(bytes);
    for (const ImportedPlaylist &p : first.playlists)
        check(p);
    if (size <= 4096) {
        const Parsed again = parse(bytes);
        pb::fuzz::require(again.refused == first.refused && again.playlists.size() == first.playlists.size(),
                          "parsing is deterministic");
        for (size_t i = 0; i < first.playlists.size(); ++i) {
            const auto &a = first.playlists[i].entries;
            const auto &b = again.playlists[i].entries;
            pb::fuzz::require(again.playlists[i].name == first.playlists[i].name && a.size() == b.size(),
                              "parsing is deterministic");
            for (size_t k = 0; k < a.size(); ++k)
                pb::fuzz::require(a[k].track.id == b[k].track.id, "ids are stable");
        }
    }
    return 0;
}
