#pragma once

// What the fuzz targets share: the libFuzzer entry point, a property check that aborts (both
// libFuzzer and the replay driver report an abort as a crash and keep the input), and the
// input as a QByteArray that does not copy, so AddressSanitizer sees reads past its end.
#include "pb/core/error.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace pb::fuzz {

/// Aborts with `what` when a property of the parsed result does not hold.
inline void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz property violated: %s\n", what);
        std::abort();
    }
}

/// A failed parse must be a typed error of one of the expected kinds with a message.
inline void requireTypedError(const pb::Error &e, pb::ErrorKind a, pb::ErrorKind b = pb::ErrorKind::Internal)
{
    require(e.kind == a || (b != pb::ErrorKind::Internal && e.kind == b), "the error has the expected kind");
    require(!e.message.isEmpty(), "the error has a message");
}

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

} // namespace pb::fuzz
