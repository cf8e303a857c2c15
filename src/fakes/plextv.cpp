// Fake plex.tv v2: PIN login (POST/GET /api/v2/pins), /api/v2/user and /api/v2/resources.
// JSON only (clients send Accept: application/json); errors as {"errors":[...]}.
#include "fakestate.h"

#include <QUuid>

namespace pb::fakes {

namespace {

Json pinJson(const FakeState &state, const FakeState::Pin &p)
{
    return Json{{"id", p.id},
                {"code", u8(p.code)},
                {"product", u8(p.product.isEmpty() ? QStringLiteral("0") : p.product)},
                {"trusted", false},
                {"qr", u8(QStringLiteral("https://plex.tv/api/v2/pins/qr/") + p.code)},
                {"clientIdentifier", u8(p.clientId)},
                {"location",
                 {{"code", "NL"},
                  {"european_union_member", true},
                  {"continent_code", "EU"},
                  {"country", "Netherlands"},
                  {"city", "Amsterdam"},
                  {"time_zone", "Europe/Amsterdam"},
                  {"postal_code", "1012"},
                  {"in_privacy_restricted_country", false},
                  {"in_privacy_restricted_region", false},
                  {"subdivisions", "North Holland"},
                  {"coordinates", "52.3740, 4.8897"}}},
                {"expiresIn", std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(p.expires))},
                {"createdAt", u8(p.created.toString(Qt::ISODate))},
                {"expiresAt", u8(p.expires.toString(Qt::ISODate))},
                {"authToken", p.approved ? Json(u8(state.world.plex.userToken)) : Json(nullptr)},
                {"newRegistration", nullptr}};
}

Json connection(const QString &protocol, const QString &address, int port, bool local, bool relay)
{
    return Json{{"protocol", u8(protocol)},
                {"address", u8(address)},
                {"port", port},
                {"uri", u8(QStringLiteral("%1://%2:%3").arg(protocol, address).arg(port))},
                {"local", local},
                {"relay", relay},
                {"IPv6", false}};
}

Json connectionOfKind(const QString &kind, int live, int dead)
{
    const bool isDead = kind.startsWith(QLatin1String("dead-"));
    const bool local = kind.endsWith(QLatin1String("local"));
    const bool relay = kind == QLatin1String("relay");
    return connection(QStringLiteral("http"), QStringLiteral("127.0.0.1"), isDead ? dead : live, local,
                      relay);
}

/// One server as plex.tv lists it; `server` is that server's own state (its listener's port).
Json serverResource(const FakeState &server, int ownerIndex)
{
    const auto &plex = server.world.plex;
    const int live = server.plexServerUrl.port();
    const int dead = server.deadPort;
    // By default the dead connection comes first, so clients must probe rather than take the first one.
    Json connections = Json::array();
    for (const QString &kind : plex.connections)
        connections.push_back(connectionOfKind(kind, live, dead));
    // A shared server names its owner (ownerId, sourceTitle), as plex.tv does for friends' servers.
    return Json{{"name", u8(plex.name)},
                {"product", "Plex Media Server"},
                {"productVersion", "1.41.3.9314-a0bfb8370"},
                {"platform", "Linux"},
                {"platformVersion", "6.1.0"},
                {"device", "PC"},
                {"clientIdentifier", u8(plex.machineIdentifier)},
                {"createdAt", "2021-03-01T10:00:00Z"},
                {"lastSeenAt", "2026-11-27T10:00:00Z"},
                {"provides", "server"},
                {"ownerId", plex.owned ? Json(nullptr) : Json(87654321 + ownerIndex)},
                {"sourceTitle", plex.owned ? Json(nullptr) : Json(u8(plex.sourceTitle))},
                {"publicAddress", "203.0.113.7"},
                {"accessToken", u8(plex.accessToken)},
                {"owned", plex.owned},
                {"home", false},
                {"synced", false},
                {"relay", true},
                {"presence", true},
                {"httpsRequired", false},
                {"publicAddressMatches", true},
                {"dnsRebindingProtection", false},
                {"natLoopbackSupported", true},
                {"connections", connections}};
}

Json resources(FakeState &state)
{
    // A player device too: clients must pick resources that provide "server".
    Json player{{"name", "Living Room Plexamp"},
                {"product", "Plexamp"},
                {"productVersion", "4.11.0"},
                {"platform", "Android"},
                {"platformVersion", "14"},
                {"device", "Pixel"},
                {"clientIdentifier", "plexamp-living-room-0001"},
                {"createdAt", "2023-05-01T10:00:00Z"},
                {"lastSeenAt", "2026-11-20T10:00:00Z"},
                {"provides", "client,player"},
                {"ownerId", nullptr},
                {"sourceTitle", nullptr},
                {"publicAddress", "203.0.113.7"},
                {"accessToken", "fake-plexamp-device-token"},
                {"owned", true},
                {"home", false},
                {"synced", false},
                {"relay", false},
                {"presence", false},
                {"httpsRequired", false},
                {"publicAddressMatches", true},
                {"dnsRebindingProtection", false},
                {"natLoopbackSupported", false},
                {"connections", Json::array()}};
    Json out = Json::array({player});
    for (int i = 0; FakeState *server = state.plexServerState(i); ++i)
        out.push_back(serverResource(*server, i));
    return out;
}

Json userJson(const FakeState &state)
{
    const auto &plex = state.world.plex;
    return Json{{"id", 12345678},
                {"uuid", "a1b2c3d4e5f60718"},
                {"username", u8(plex.username)},
                {"title", u8(plex.username)},
                {"email", u8(plex.username + QStringLiteral("@example.invalid"))},
                {"friendlyName", u8(plex.username)},
                {"locale", nullptr},
                {"confirmed", true},
                {"joinedAt", 1500000000},
                {"emailOnlyAuth", false},
                {"hasPassword", true},
                {"protected", false},
                {"thumb", "https://plex.tv/users/a1b2c3d4e5f60718/avatar"},
                {"authToken", u8(plex.userToken)},
                {"mailingListStatus", "unsubscribed"},
                {"anonymous", nullptr},
                {"rememberExpiresAt", 1900000000},
                {"subscriptionDescription", nullptr},
                {"attributionPartner", nullptr},
                {"mailingListActive", false},
                {"scrobbleTypes", ""},
                {"country", "NL"},
                {"subscription",
                 {{"active", false}, {"status", "Inactive"}, {"plan", nullptr}, {"features", Json::array()}}},
                {"restricted", false},
                {"home", false},
                {"guest", false},
                {"homeSize", 1},
                {"homeAdmin", false},
                {"maxHomeSize", 15},
                {"rememberMe", false},
                {"profile",
                 {{"autoSelectAudio", true},
                  {"defaultAudioLanguage", "en"},
                  {"defaultSubtitleLanguage", nullptr},
                  {"autoSelectSubtitle", 0},
                  {"defaultSubtitleAccessibility", 0},
                  {"defaultSubtitleForced", 1},
                  {"watchedIndicator", 1},
                  {"mediaReviewsVisibility", 0}}},
                {"entitlements", Json::array()},
                {"roles", Json::array()},
                {"services", Json::array()},
                {"adsConsent", nullptr},
                {"adsConsentSetAt", nullptr},
                {"adsConsentReminderAt", nullptr},
                {"experimentalFeatures", false},
                {"twoFactorEnabled", false},
                {"backupCodesCreated", false}};
}

bool tokenOk(const FakeState &state, const FakeRequest &req)
{
    const QString token = req.headerOrParam("x-plex-token", QStringLiteral("X-Plex-Token"));
    return !token.isEmpty() && token == state.world.plex.userToken;
}

} // namespace

FakeReply handlePlexTv(FakeState &state, const FakeRequest &req)
{
    const QString clientId =
        req.headerOrParam("x-plex-client-identifier", QStringLiteral("X-Plex-Client-Identifier"));
    if (clientId.isEmpty())
        return plexTvError(400, 1000, QStringLiteral("X-Plex-Client-Identifier is missing"));
    const QStringList seg = req.segments();
    if (seg.size() < 3 || seg[0] != QLatin1String("api") || seg[1] != QLatin1String("v2"))
        return plexTvError(404, 1002, QStringLiteral("Not found"));

    if (seg.size() == 3 && seg[2] == QLatin1String("pins") && req.method == QLatin1String("POST")) {
        FakeState::Pin p;
        p.id = state.nextPinId++;
        p.strong = req.paramOr(QStringLiteral("strong")) == QLatin1String("true") ||
                   req.paramOr(QStringLiteral("strong")) == QLatin1String("1");
        p.code = p.strong ? state.randomToken(25).toLower() : state.randomToken(4).toUpper();
        p.clientId = clientId;
        p.product = req.headerOrParam("x-plex-product", QStringLiteral("X-Plex-Product"));
        p.created = QDateTime::currentDateTimeUtc();
        p.expires = p.created.addSecs(p.strong ? state.options.pinLifetime.count() : 900);
        state.pins.insert(p.id, p);
        return jsonReply(201, pinJson(state, p));
    }
    if (seg.size() == 4 && seg[2] == QLatin1String("pins") && req.method == QLatin1String("GET")) {
        bool ok = false;
        const qint64 id = seg[3].toLongLong(&ok);
        auto it = state.pins.find(id);
        if (!ok || it == state.pins.end() || it->expires <= QDateTime::currentDateTimeUtc() ||
            it->clientId != clientId)
            return jsonReply(
                404,
                Json{{"errors", Json::array({{{"code", 1020}, {"message", "Code not found or expired"}}})}});
        ++it->polls;
        const int after = state.options.pinApproveAfterPolls;
        if (after >= 0 && it->polls >= after)
            it->approved = true;
        return jsonReply(200, pinJson(state, *it));
    }
    if (seg.size() == 3 && seg[2] == QLatin1String("user") && req.method == QLatin1String("GET")) {
        if (!tokenOk(state, req))
            return plexTvError(401, 1001, QStringLiteral("User could not be authenticated"));
        return jsonReply(200, userJson(state));
    }
    if (seg.size() == 3 && seg[2] == QLatin1String("resources") && req.method == QLatin1String("GET")) {
        if (!tokenOk(state, req))
            return plexTvError(401, 1001, QStringLiteral("User could not be authenticated"));
        return jsonReply(200, resources(state));
    }
    return plexTvError(404, 1002, QStringLiteral("Not found"));
}

} // namespace pb::fakes
