#include "pb/sources/filesource.h"

#include "pb/clients/compositecall.h"

namespace pb::sources {

FileSource::FileSource(Store store, QObject *parent) : PlaylistSource(parent), m_store(std::move(store)) {}

clients::RequestHandle FileSource::playlists(QObject *context,
                                             clients::Callback<std::vector<SourcePlaylist>> done)
{
    clients::CompositeCall<std::vector<SourcePlaylist>> call(this, context, std::move(done));
    call.completeLater(m_store.list ? m_store.list()
                                    : Result<std::vector<SourcePlaylist>>(std::vector<SourcePlaylist>{}));
    return call.handle();
}

clients::RequestHandle FileSource::read(const SourcePlaylist &playlist, QObject *context,
                                        clients::Callback<PlaylistRead> done)
{
    clients::CompositeCall<PlaylistRead> call(this, context, std::move(done));
    auto r = m_store.read ? m_store.read(playlist.id) : Result<std::optional<PlaylistRead>>(std::nullopt);
    if (!r)
        call.completeLater(r.error());
    else if (!*r)
        call.completeLater(Error::make(
            ErrorKind::NotFound, tr("The imported playlist \"%1\" is no longer there; import its file again.")
                                     .arg(playlist.name)));
    else
        call.completeLater(std::move(**r));
    return call.handle();
}

} // namespace pb::sources
