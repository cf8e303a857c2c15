#pragma once

#include "pb/clients/requesthandle.h"
#include "pb/core/types.h"

#include <QObject>
#include <QStringList>

#include <vector>

namespace pb::sources {

/// One read of a playlist: its metadata as the source has it now and every entry, in order.
struct PlaylistRead {
    /// The playlist now; `snapshotId` is the source's change fingerprint (equal fingerprints
    /// mean equal contents).
    SourcePlaylist playlist;
    std::vector<PlaylistEntry> entries; ///< every entry, positions 0..n-1
    /// How many entries the source says the playlist has (Spotify's `total`, Deezer's
    /// `nb_tracks`), or -1 when it says nothing. A read that disagrees with it is short.
    int declaredTotal = -1;
};

/// A place playlists come from: the Spotify Web API, imported files, Deezer, ListenBrainz.
/// Every call is asynchronous with a client call's contract (RequestHandle: one callback at
/// most, on this object's thread, Cancelled on cancel, none after the context dies). Lives on
/// one thread; sync jobs build their own on their worker thread.
class PlaylistSource : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~PlaylistSource() override = default;

    /// The kSource… id of every playlist it serves.
    virtual QString sourceId() const = 0;
    /// Every playlist it offers, in display order.
    virtual clients::RequestHandle playlists(QObject *context,
                                             clients::Callback<std::vector<SourcePlaylist>> done) = 0;
    /// Reads one of its playlists: fresh metadata, fingerprint and every entry.
    virtual clients::RequestHandle read(const SourcePlaylist &playlist, QObject *context,
                                        clients::Callback<PlaylistRead> done) = 0;
};

/// A fingerprint of ids in order (SHA-1, hex): equal lists, equal fingerprints.
QString contentFingerprint(const QStringList &idsInOrder);
/// How a source is named in messages and on cards: "Spotify", "Deezer", "ListenBrainz", or
/// "imported" for files; an unknown id is shown as it is.
QString sourceLabel(const QString &sourceId);

} // namespace pb::sources
