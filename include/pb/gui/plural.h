#pragma once

#include <QString>

namespace pb::gui {

/// English singular/plural without a translation file: both forms go through tr() at the call
/// site, `many` holds %1. ("1 track", "5 tracks")
inline QString countText(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace pb::gui
