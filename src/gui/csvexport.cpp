#include "pb/gui/csvexport.h"

#include "pb/gui/tracktablemodel.h"

#include <QStringList>

namespace pb::gui {

namespace {

QString cell(QString value)
{
    // Spreadsheet formula injection: untrusted titles must not start with = + - @ TAB CR.
    static const QString risky = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && risky.contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

} // namespace

QString downloadQuery(const SourceTrack &track)
{
    const QString artist = track.artists.isEmpty() ? QString() : track.artists.front();
    return QString(artist + QLatin1Char(' ') + track.name).simplified();
}

QByteArray missingTracksCsv(const std::vector<pb::sync::TrackOutcome> &outcomes)
{
    QStringList lines;
    lines << QStringLiteral("position,title,artists,album,duration,isrc,spotify_uri,reason,download_query");
    for (const pb::sync::TrackOutcome &o : outcomes) {
        if (o.status != pb::sync::TrackStatus::Missing)
            continue;
        const QStringList cells = {QString::number(o.position + 1),
                                   cell(o.track.name),
                                   cell(o.track.artists.join(QStringLiteral("; "))),
                                   cell(o.track.album),
                                   TrackTableModel::formatDuration(o.track.durationMs),
                                   cell(o.track.isrc),
                                   cell(o.track.uri),
                                   cell(o.reason),
                                   cell(downloadQuery(o.track))};
        lines << cells.join(QLatin1Char(','));
    }
    return QString(lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace pb::gui
