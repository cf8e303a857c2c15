#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace pb {

/// Replaces every secret in a piece of text (a log line, a URL, a header dump, a JSON body)
/// with "[REDACTED]": X-Plex-Token, Authorization, access/refresh tokens, OAuth codes and
/// verifiers, client secrets, bearer tokens, JWTs and any token- or secret-named parameter,
/// in header, query string (plain or percent-encoded), JSON and XML attribute forms.
/// Safe on any UTF-8 input; invalid UTF-8 is replaced, never passed through half-cut.
QString redact(const QString &text);
std::string redact(std::string_view utf8);

/// The marker secrets are replaced with.
inline constexpr const char *kRedacted = "[REDACTED]";

} // namespace pb
