#pragma once

#include "pb/clients/accountsettings.h" // where the accounts are kept, shared with the app
#include "pb/core/result.h"

#include <QString>

#include <optional>

namespace pb::clients {
class SecretStore;
}

namespace pb::cli {

/// The secret store the app uses (system keychain, or the owner-only file where none answers),
/// driven synchronously: each call runs a local event loop until the store answers.
class Secrets {
public:
    Secrets();
    ~Secrets();
    Secrets(const Secrets &) = delete;
    Secrets &operator=(const Secrets &) = delete;

    /// The secret under `key`; nullopt when none is stored (or the store cannot be read).
    std::optional<QString> read(const char *key);
    Status write(const char *key, const QString &secret);
    Status remove(const char *key);
    /// "system keychain", "file readable only by you", ...
    QString backendName() const;

private:
    std::unique_ptr<clients::SecretStore> m_store;
};

} // namespace pb::cli
