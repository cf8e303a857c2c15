#include "pb/core/error.h"

namespace pb {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Network: return QStringLiteral("network");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::HttpStatus: return QStringLiteral("http");
    case ErrorKind::Api: return QStringLiteral("api");
    case ErrorKind::Parse: return QStringLiteral("parse");
    case ErrorKind::AuthRequired: return QStringLiteral("auth-required");
    case ErrorKind::RateLimited: return QStringLiteral("rate-limited");
    case ErrorKind::QuotaExceeded: return QStringLiteral("quota-exceeded");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    case ErrorKind::NotFound: return QStringLiteral("not-found");
    case ErrorKind::Forbidden: return QStringLiteral("forbidden");
    case ErrorKind::InvalidInput: return QStringLiteral("invalid-input");
    case ErrorKind::Storage: return QStringLiteral("storage");
    case ErrorKind::ShortRead: return QStringLiteral("short-read");
    case ErrorKind::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

Error Error::make(ErrorKind kind, QString message, int httpStatus, QString code)
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    e.code = std::move(code);
    return e;
}

QString Error::toString() const
{
    QString out = errorKindName(kind);
    if (httpStatus != 0)
        out += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!message.isEmpty())
        out += QStringLiteral(": ") + message;
    return out;
}

bool Error::isTransient() const
{
    switch (kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::RateLimited: return true;
    case ErrorKind::HttpStatus: return httpStatus >= 500;
    default: return false;
    }
}

} // namespace pb
