// XSPF (XML) and JSPF (its JSON form, as ListenBrainz writes it).
#include "importcommon.h"

#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>

#include <cmath>

#include <nlohmann/json.hpp>

namespace pb::sources {

using namespace detail;
using nlohmann::json;

namespace {

/// The stable id of a track from its identifiers and locations: a MusicBrainz recording, a
/// Spotify track, a Deezer track; "" when none is known.
QString idFromIdentifiers(const QStringList &identifiers)
{
    for (const QString &i : identifiers) {
        if (QString id = recordingId(i); !id.isEmpty())
            return id;
        if (QString id = spotifyTrackId(i); !id.isEmpty())
            return id;
        static const QRegularExpression kDeezer(
            QStringLiteral("^https?://(?:www\\.)?deezer\\.com/(?:[a-z]{2}/)?track/(\\d+)"));
        if (auto m = kDeezer.match(i.trimmed()); m.hasMatch())
            return QStringLiteral("deezer:") + m.captured(1);
    }
    return {};
}

QString nameOr(const QString &name, const QString &fallback)
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    return fallback.trimmed().isEmpty() ? QStringLiteral("Imported playlist") : fallback.trimmed();
}

} // namespace

Result<ImportedPlaylist> parseXspf(const QByteArray &data, const QString &fallbackName,
                                   const ImportLimits &limits)
{
    constexpr ImportFormat kFormat = ImportFormat::Xspf;
    if (data.size() > limits.maxFileBytes)
        return parseError(kFormat, QStringLiteral("file"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    QXmlStreamReader xml(data);
    xml.setEntityExpansionLimit(1024); // no billion laughs
    ImportedPlaylist playlist;
    playlist.format = kFormat;
    QString name;
    bool sawPlaylist = false;
    struct Track {
        QString title, creator, album, duration;
        QStringList identifiers;
        int line = 0;
    };
    std::optional<Track> track;
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const QStringView tag = xml.name();
            if (depth == 1) {
                if (tag != QLatin1String("playlist"))
                    return parseError(
                        kFormat, QStringLiteral("line %1").arg(xml.lineNumber()),
                        QStringLiteral("the root element is <%1>, not <playlist>").arg(tag.left(40)));
                sawPlaylist = true;
            } else if (tag == QLatin1String("track") && depth == 3) {
                track = Track{};
                track->line = static_cast<int>(xml.lineNumber());
            } else if (track && depth == 4) {
                const QString value = xml.readElementText(QXmlStreamReader::SkipChildElements);
                --depth; // readElementText consumed the end element
                if (tag == QLatin1String("title"))
                    track->title = value;
                else if (tag == QLatin1String("creator"))
                    track->creator = value;
                else if (tag == QLatin1String("album"))
                    track->album = value;
                else if (tag == QLatin1String("duration"))
                    track->duration = value.trimmed();
                else if (tag == QLatin1String("identifier") || tag == QLatin1String("location"))
                    track->identifiers << value.trimmed();
            } else if (depth == 2 && (tag == QLatin1String("title") || tag == QLatin1String("annotation"))) {
                const QString value =
                    cleanField(xml.readElementText(QXmlStreamReader::SkipChildElements), limits);
                --depth;
                (tag == QLatin1String("title") ? name : playlist.description) = value;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (track && depth == 3 && xml.name() == QLatin1String("track")) {
                const QString where = QStringLiteral("line %1").arg(track->line);
                if (static_cast<int>(playlist.entries.size()) >= limits.maxEntries)
                    return parseError(kFormat, where,
                                      QStringLiteral("more than %1 tracks").arg(limits.maxEntries));
                QString title = cleanField(track->title, limits);
                QString artist = cleanField(track->creator, limits);
                if (title.isEmpty() && !track->identifiers.isEmpty()) {
                    QString fromName;
                    const QString text = track->identifiers.front()
                                             .section(QLatin1Char('/'), -1)
                                             .section(QLatin1Char('.'), 0, 0);
                    const QString fileName = cleanField(QUrl::fromPercentEncoding(text.toUtf8()), limits);
                    if (!splitArtistTitle(fileName, &artist, &title))
                        title = fileName;
                }
                if (title.isEmpty())
                    return parseError(kFormat, where, QStringLiteral("a <track> has no <title>"));
                bool ok = true;
                const qint64 ms = track->duration.isEmpty() ? 0 : track->duration.toLongLong(&ok);
                if (!ok)
                    return parseError(kFormat, where,
                                      QStringLiteral("<duration> \"%1\" is not a number of milliseconds")
                                          .arg(track->duration.left(20)));
                playlist.entries.push_back(makeEntry(static_cast<int>(playlist.entries.size()),
                                                     idFromIdentifiers(track->identifiers), title,
                                                     artist.isEmpty() ? QStringList() : QStringList{artist},
                                                     cleanField(track->album, limits), ms));
                track.reset();
            }
            --depth;
        }
    }
    if (xml.hasError())
        return parseError(kFormat, QStringLiteral("line %1").arg(xml.lineNumber()), xml.errorString());
    if (!sawPlaylist)
        return parseError(kFormat, QStringLiteral("line 1"), QStringLiteral("no <playlist> element"));
    playlist.name = nameOr(name, fallbackName);
    return playlist;
}

Result<ImportedPlaylist> parseJspf(const QByteArray &data, const QString &fallbackName,
                                   const ImportLimits &limits)
{
    constexpr ImportFormat kFormat = ImportFormat::Jspf;
    if (data.size() > limits.maxFileBytes)
        return parseError(kFormat, QStringLiteral("file"),
                          QStringLiteral("larger than %1 MB").arg(limits.maxFileBytes >> 20));
    if (!jsonDepthWithin(data, 32))
        return parseError(kFormat, QStringLiteral("file"), QStringLiteral("nested too deeply"));
    const json root = json::parse(data.constBegin(), data.constEnd(), nullptr, false);
    if (root.is_discarded())
        return parseError(kFormat, QStringLiteral("file"), QStringLiteral("not valid JSON"));
    if (!root.is_object() || !root.contains("playlist") || !root["playlist"].is_object())
        return parseError(kFormat, QStringLiteral("playlist"), QStringLiteral("missing (not a JSPF file)"));
    const json &pl = root["playlist"];
    auto text = [](const json &o, const char *key) {
        const auto it = o.find(key);
        return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    ImportedPlaylist playlist;
    playlist.format = kFormat;
    playlist.description = cleanField(text(pl, "annotation"), limits);
    const auto tracks = pl.find("track");
    if (tracks != pl.end() && !tracks->is_array())
        return parseError(kFormat, QStringLiteral("playlist.track"), QStringLiteral("not a list"));
    if (tracks != pl.end()) {
        if (tracks->size() > static_cast<std::size_t>(limits.maxEntries))
            return parseError(kFormat, QStringLiteral("playlist.track"),
                              QStringLiteral("more than %1 tracks").arg(limits.maxEntries));
        for (std::size_t i = 0; i < tracks->size(); ++i) {
            const QString where = QStringLiteral("playlist.track[%1]").arg(i);
            const json &t = (*tracks)[i];
            if (!t.is_object())
                return parseError(kFormat, where, QStringLiteral("not an object"));
            QStringList identifiers;
            for (const char *key : {"identifier", "location"}) {
                const auto it = t.find(key);
                if (it == t.end())
                    continue;
                if (it->is_string())
                    identifiers << QString::fromStdString(it->get<std::string>());
                else if (it->is_array())
                    for (const json &v : *it)
                        if (v.is_string())
                            identifiers << QString::fromStdString(v.get<std::string>());
            }
            const QString title = cleanField(text(t, "title"), limits);
            if (title.isEmpty())
                return parseError(kFormat, where + QStringLiteral(".title"),
                                  QStringLiteral("missing or empty"));
            qint64 ms = 0;
            if (const auto d = t.find("duration"); d != t.end()) {
                if (!d->is_number())
                    return parseError(kFormat, where + QStringLiteral(".duration"),
                                      QStringLiteral("not a number"));
                ms = d->is_number_integer()              ? d->get<qint64>()
                     : std::abs(d->get<double>()) < 1e15 ? static_cast<qint64>(d->get<double>())
                                                         : 0; // no integer holds it: unknown
            }
            const QString artist = cleanField(text(t, "creator"), limits);
            playlist.entries.push_back(makeEntry(static_cast<int>(i), idFromIdentifiers(identifiers), title,
                                                 artist.isEmpty() ? QStringList() : QStringList{artist},
                                                 cleanField(text(t, "album"), limits), ms));
        }
    }
    playlist.name = nameOr(cleanField(text(pl, "title"), limits), fallbackName);
    return playlist;
}

} // namespace pb::sources
