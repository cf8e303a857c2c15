#pragma once

#include "pb/app/servicebackend.h"

#include <optional>

namespace pb::app {

/// The accounts connected earlier: public parts from QSettings ("accounts/..."), the Spotify
/// refresh token and the Plex token from the system keychain (or the owner-only file).
/// nullopt unless both Spotify and Plex are fully connected. Waits (briefly, at start-up,
/// before any window exists) for the keychain.
std::optional<pb::app::ServiceConnection> loadSavedAccounts();

/// Whether QSettings says both accounts are connected (the tokens are not checked).
bool hasSavedAccounts();

} // namespace pb::app
