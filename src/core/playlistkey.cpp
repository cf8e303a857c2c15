#include "pb/core/playlistkey.h"

namespace pb {

QString PlaylistKey::toString() const
{
    return source + QLatin1Char(':') + id;
}

std::optional<PlaylistKey> PlaylistKey::fromString(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return std::nullopt;
    const QString source = text.left(colon);
    for (const QChar c : source) {
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('-')))
            return std::nullopt;
    }
    return PlaylistKey{source, text.mid(colon + 1)};
}

} // namespace pb
