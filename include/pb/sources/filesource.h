#pragma once

#include "pb/sources/playlistsource.h"

#include <functional>
#include <optional>

namespace pb::sources {

/// Imported files as a playlist source. The imported playlists live in the state database
/// (pb::sync::StateStore); the source reads them through the functions it is given, on its
/// own thread's connection. Local work, but with a client call's contract: results arrive on
/// the next event-loop turn.
class FileSource final : public PlaylistSource {
    Q_OBJECT

public:
    struct Store {
        std::function<Result<std::vector<SourcePlaylist>>()> list;
        /// nullopt: no imported playlist with this id (it was removed).
        std::function<Result<std::optional<PlaylistRead>>(const QString &id)> read;
    };

    explicit FileSource(Store store, QObject *parent = nullptr);

    QString sourceId() const override { return QString(kSourceFile); }
    clients::RequestHandle playlists(QObject *context,
                                     clients::Callback<std::vector<SourcePlaylist>> done) override;
    clients::RequestHandle read(const SourcePlaylist &playlist, QObject *context,
                                clients::Callback<PlaylistRead> done) override;

private:
    Store m_store;
};

} // namespace pb::sources
