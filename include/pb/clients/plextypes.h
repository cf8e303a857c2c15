#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

namespace pb::clients {

/// A plex.tv sign-in PIN (POST /api/v2/pins?strong=true).
struct PlexPin {
    qint64 id = 0;
    QString code;        ///< shown in the auth URL; not a secret on its own
    QDateTime expiresAt; ///< UTC, as computed from expiresIn when received
    QString authToken;   ///< secret; empty until the user approves
};

/// One way to reach a server, from plex.tv resources.
struct PlexConnection {
    QUrl uri;
    QString protocol;
    QString address;
    int port = 0;
    bool local = false;
    bool relay = false;
    bool ipv6 = false;
};

/// A device from plex.tv /api/v2/resources; servers have "server" in provides.
struct PlexResource {
    QString name;
    QString product;
    QString productVersion;
    QString clientIdentifier; ///< = the server's machineIdentifier
    QString accessToken;      ///< secret: the token to use with this server
    QStringList provides;
    bool owned = false;
    bool presence = false;
    std::vector<PlexConnection> connections;

    bool isServer() const { return provides.contains(QStringLiteral("server")); }
};

/// The plex.tv account behind a token (GET /api/v2/user).
struct PlexAccount {
    qint64 id = 0;
    QString uuid;
    QString username;
    QString title;
    QString email;
};

/// A track search inside one music section (GET /library/sections/{key}/all?type=10&...).
struct PlexTrackQuery {
    QString sectionKey;
    QString title;      ///< title=<contains>
    QString titleExact; ///< track.title==<exact>
    QString artist;     ///< artist.title=<contains>
    QString album;      ///< album.title=<contains>
    int limit = 0;      ///< 0 = no limit= parameter (all pages are read)
};

} // namespace pb::clients
