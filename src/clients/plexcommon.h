#pragma once

#include "httpcore.h"
#include "pb/clients/clientconfig.h"

namespace pb::clients::detail::plex {

/// Accept: application/json, the X-Plex-* identification headers and, when given, X-Plex-Token.
/// The token goes in a header, never in the URL, so URLs can be logged.
inline void addPlexHeaders(HttpRequest &req, const PlexClientInfo &client, const QString &token)
{
    req.setHeader("Accept", "application/json");
    req.setHeader("X-Plex-Client-Identifier", client.clientIdentifier.toUtf8());
    req.setHeader("X-Plex-Product", client.product.toUtf8());
    if (!client.version.isEmpty())
        req.setHeader("X-Plex-Version", client.version.toUtf8());
    if (!client.platform.isEmpty())
        req.setHeader("X-Plex-Platform", client.platform.toUtf8());
    if (!client.platformVersion.isEmpty())
        req.setHeader("X-Plex-Platform-Version", client.platformVersion.toUtf8());
    if (!client.device.isEmpty())
        req.setHeader("X-Plex-Device", client.device.toUtf8());
    if (!client.deviceName.isEmpty())
        req.setHeader("X-Plex-Device-Name", client.deviceName.toUtf8());
    if (!token.isEmpty())
        req.setHeader("X-Plex-Token", token.toUtf8());
}

} // namespace pb::clients::detail::plex
