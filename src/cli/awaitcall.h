#pragma once

#include "pb/clients/requesthandle.h"
#include "pb/core/result.h"

#include <QEventLoop>

#include <optional>

namespace pb::cli {

/// Runs one asynchronous client call to completion on a local event loop: `start(context,
/// callback)` issues the call (the clients' own timeouts, retries and PIN expiry bound it).
/// The linear style suits a command-line tool that does one thing at a time.
template <typename T, typename Start>
Result<T> awaitCall(Start &&start)
{
    QEventLoop loop;
    std::optional<Result<T>> out;
    start(&loop, clients::Callback<T>([&](Result<T> r) {
        out.emplace(std::move(r));
        loop.quit();
    }));
    if (!out)
        loop.exec();
    return std::move(*out);
}

} // namespace pb::cli
