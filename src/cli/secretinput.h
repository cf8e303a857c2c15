#pragma once

#include "pb/core/result.h"

#include <QString>

namespace pb::cli {

/// One secret line from standard input (`login plex --token-stdin`), so the secret stays out of
/// `ps` and the shell history. On a terminal it shows `prompt` on stderr and turns echo off
/// while the user types; echo is restored on every path, also when SIGINT, SIGTERM, SIGHUP or
/// SIGQUIT ends the process meanwhile. From a pipe or a file it reads the first line without
/// a prompt. Surrounding whitespace (and a Windows "\r") is removed. Nothing is read past the
/// first line. Errors: InvalidInput when the line is empty (or stdin is at end of input) or
/// longer than kMaxSecretBytes, Storage when stdin cannot be read.
Result<QString> readSecretLine(const QString &prompt);

/// A Plex token is 20 characters; anything this long is not a token but, say, a whole file.
inline constexpr qsizetype kMaxSecretBytes = 4096;

} // namespace pb::cli
