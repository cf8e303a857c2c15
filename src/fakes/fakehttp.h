#pragma once

// Request and reply values the fake services exchange with the listener, plus the helpers
// every handler uses (query parsing, JSON and error bodies).
#include "pb/fakes/faultinjector.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace pb::fakes {

using Json = nlohmann::json;

/// One parsed query or form parameter: the key as sent (percent-encoded, operators such as
/// `title%3D` included) and the decoded key and value.
struct Param {
    QByteArray rawKey;
    QByteArray rawValue;
    QString key;
    QString value;
};

/// Splits `a=1&b=2` (query string or form body); '+' means space, as browsers send it.
std::vector<Param> parseParams(const QByteArray &encoded);
/// Percent-decodes with '+' as space.
QString decodeComponent(const QByteArray &raw);

/// A request copied out of Qt HttpServer so it can outlive the handler call.
struct FakeRequest {
    Service service = Service::SpotifyApi;
    QString method; ///< GET, POST, ...
    QString path;   ///< decoded path
    QByteArray rawQuery;
    std::vector<Param> params;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QUrl baseUrl; ///< http://127.0.0.1:port of the service that got it
    int requestLineLength = 0;

    /// The first value of a query parameter, if present.
    std::optional<QString> param(const QString &key) const;
    QString paramOr(const QString &key, const QString &fallback = {}) const;
    QByteArray header(const QByteArray &lowerName) const;
    /// A header or, as Plex allows for X-Plex-*, the query parameter of the same name.
    QString headerOrParam(const QByteArray &lowerName, const QString &paramName) const;
    /// The path split on '/', empty segments dropped.
    QStringList segments() const;
    bool wantsJson() const; ///< Accept contains application/json
};

/// What a handler answers.
struct FakeReply {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Set when the handler itself asks the listener to reset the connection.
    bool reset = false;

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
    QByteArray headerValue(const QByteArray &name) const;
};

/// A JSON reply with content type exactly `application/json` (no charset, as the real services).
FakeReply jsonReply(int status, const Json &body);
FakeReply emptyReply(int status, const QByteArray &contentType = {});
/// Spotify's `{"error":{"status":N,"message":"..."}}`.
FakeReply spotifyError(int status, const QString &message);
/// PMS's HTML error pages (401 includes the script form seen in the wild).
FakeReply plexHtmlError(int status);
/// plex.tv's `{"errors":[{"code":..,"message":..,"status":..}]}`.
FakeReply plexTvError(int status, int code, const QString &message);
/// The standard reason phrase for a status ("Not Found").
QByteArray reasonPhrase(int status);
/// True when Qt HttpServer 6.4 knows how to write this status line.
bool isWritableStatus(int status);

/// QString -> std::string (UTF-8) for JSON.
inline std::string u8(const QString &s)
{
    return s.toStdString();
}
/// Parses a JSON body; nullopt on malformed input (never throws out).
std::optional<Json> parseJson(const QByteArray &body);
/// Case-insensitive substring test.
bool containsCi(const QString &haystack, const QString &needle);
/// Lower-cases and strips accents (NFKD, combining marks dropped).
QString foldForSearch(const QString &s);

} // namespace pb::fakes
