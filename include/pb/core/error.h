#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace pb {

/// What went wrong, in the categories callers act on differently.
enum class ErrorKind {
    Network,       ///< connection refused, reset, DNS, TLS
    Timeout,       ///< no answer within the transfer timeout
    HttpStatus,    ///< an HTTP status the caller did not expect, body not understood
    Api,           ///< the service answered with a documented error (code + message)
    Parse,         ///< a response or file did not have the expected shape
    AuthRequired,  ///< credentials missing, expired or revoked: the user must sign in again
    RateLimited,   ///< 429; retryAfter says when to try again
    QuotaExceeded, ///< Spotify's QUOTA_EXCEEDED: waiting a few seconds will not help
    Cancelled,     ///< the caller asked to stop
    NotFound,      ///< the thing asked for does not exist (or is not visible)
    Forbidden,     ///< the service refuses this account access to the thing
    InvalidInput,  ///< a caller or user value is unusable
    Storage,       ///< database, file or keychain failure
    ShortRead,     ///< a source's read looks short: the sync stopped rather than remove tracks
    Internal,      ///< a broken invariant inside the app
};

/// A short English name for an ErrorKind ("network", "rate-limited", ...).
QString errorKindName(ErrorKind kind);

/// A typed error: the kind, the HTTP status when one exists, the service's own code, and a
/// message a person can read. Never carries a secret.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    int httpStatus = 0;
    QString code;
    std::optional<std::chrono::milliseconds> retryAfter;

    static Error make(ErrorKind kind, QString message, int httpStatus = 0, QString code = {});

    /// "rate-limited (HTTP 429): API rate limit exceeded"
    QString toString() const;
    bool isTransient() const;
};

} // namespace pb
