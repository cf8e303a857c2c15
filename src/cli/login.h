#pragma once

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace pb::cli {

/// `login spotify ...` (logincommand.cpp) and `login plex ...` (loginplex.cpp); `args` are the
/// arguments after the service name. Both return an ExitCode.
int loginSpotify(const QStringList &args);
int loginPlex(const QStringList &args);

/// The value of `--name VALUE` or `--name=VALUE` at args[i] (advancing i past a separate
/// value); nullopt when args[i] is not that option. `missing` is set when the value is absent.
std::optional<QString> optionValue(const QStringList &args, qsizetype &i, const QString &name, bool *missing);

} // namespace pb::cli
