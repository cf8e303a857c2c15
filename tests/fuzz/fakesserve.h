#pragma once

// Serving requests to the fakes' handlers directly (no sockets), for the fuzz targets of the
// world parser and of the fakes' request handling.
#include "fakestate.h"
#include "fuzzcheck.h"

namespace pb::fuzz {

/// One request to a fake service, with the credentials it needs added: `path` decoded,
/// `rawQuery` as sent, as the listener hands them over. `headers` (lower-case names) replace
/// the default credentials.
inline pb::fakes::FakeReply serve(pb::fakes::FakeState &state, pb::fakes::Service service,
                                  const QString &method, const QString &path, const QByteArray &rawQuery,
                                  QByteArray body = {}, const QHash<QByteArray, QByteArray> &headers = {})
{
    using namespace pb::fakes;
    FakeRequest req;
    req.service = service;
    req.method = method;
    req.path = path;
    req.rawQuery = rawQuery;
    req.params = parseParams(req.rawQuery);
    req.body = std::move(body);
    req.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    req.requestLineLength = static_cast<int>(method.size() + path.size() + rawQuery.size()) + 11;
    req.headers.insert("accept", "application/json");
    if (service == Service::PlexServer)
        req.headers.insert("x-plex-token", state.world.plex.accessToken.toUtf8());
    if (service == Service::PlexTv) {
        req.headers.insert("x-plex-client-identifier", "fuzz-client");
        req.headers.insert("x-plex-token", state.world.plex.userToken.toUtf8());
    }
    if (service == Service::SpotifyApi) {
        const SpotifyTokens t =
            state.issueTokens(QStringLiteral("fuzz"), {}, QDateTime::currentDateTimeUtc().addDays(1), true);
        req.headers.insert("authorization", "Bearer " + t.accessToken.toUtf8());
    }
    for (auto it = headers.begin(); it != headers.end(); ++it)
        req.headers.insert(it.key(), it.value());
    FakeReply reply;
    switch (service) {
    case Service::SpotifyAccounts: reply = handleSpotifyAccounts(state, req); break;
    case Service::SpotifyApi: reply = handleSpotifyApi(state, req); break;
    case Service::PlexTv: reply = handlePlexTv(state, req); break;
    case Service::PlexServer: reply = handlePlexServer(state, req); break;
    }
    require(isWritableStatus(reply.status), "the fake answers with a status it can write");
    return reply;
}

/// A GET of `target` (`/path?query`, ASCII).
inline pb::fakes::FakeReply get(pb::fakes::FakeState &state, pb::fakes::Service service,
                                const QString &target)
{
    const qsizetype q = target.indexOf(QLatin1Char('?'));
    return serve(state, service, QStringLiteral("GET"), q < 0 ? target : target.left(q),
                 q < 0 ? QByteArray() : target.mid(q + 1).toLatin1());
}

} // namespace pb::fuzz
