#pragma once

#include "pb/gui/appbackend.h"
#include "pb/sync/syncregistry.h"

namespace pb::app {

/// A registry with no jobs: used when nothing can sync (no accounts and no demo).
class IdleRegistry : public pb::sync::SyncRegistry {
    Q_OBJECT

public:
    using SyncRegistry::SyncRegistry;
    bool startSync(const SourcePlaylist &, const pb::sync::SyncOptions &) override { return false; }
    void cancelSync(const PlaylistKey &) override {}
    bool isRunning(const PlaylistKey &) const override { return false; }
    std::optional<pb::sync::SyncJobSnapshot> snapshot(const PlaylistKey &) const override
    {
        return std::nullopt;
    }
};

/// The backend of a window with no accounts connected and no demo: it shows the empty state.
class OfflineBackend : public pb::gui::AppBackend {
    Q_OBJECT

public:
    explicit OfflineBackend(QObject *parent = nullptr);

    pb::gui::AccountStatus accountStatus() const override { return {}; }
    pb::sync::SyncRegistry *registry() const override { return m_registry; }
    void refreshPlaylists() override;
    void loadEntries(const SourcePlaylist &, QObject *ctx,
                     pb::gui::GuiCallback<std::vector<PlaylistEntry>> done) override;
    void searchPlex(const QString &, QObject *ctx,
                    pb::gui::GuiCallback<std::vector<PlexTrack>> done) override;
    pb::Status setManualOverride(const SourceTrack &, const PlexTrack &) override;

private:
    IdleRegistry *m_registry;
};

} // namespace pb::app
