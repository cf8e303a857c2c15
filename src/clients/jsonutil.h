#pragma once

#include "callstate.h"
#include "httpcore.h"
#include "pb/core/result.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace pb::clients::detail {

using json = nlohmann::json;

/// Thrown by the field readers below and caught at the boundary (parseDto): the message names
/// the field and what was wrong, never its value (which could be a secret).
class ShapeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const char *jsonTypeName(const json &j);

/// The object at j[key]; throws ShapeError when missing or not an object.
const json &object(const json &j, const char *key);
/// j[key] when it is an object; nullptr when missing or null; throws for other types.
const json *optObject(const json &j, const char *key);
/// j[key] as an array; missing or null → empty array; other types throw.
const json &optArray(const json &j, const char *key);
/// Required string (missing, null or wrong type throws).
QString str(const json &j, const char *key);
/// Optional string: missing or null → empty; wrong type throws.
QString optStr(const json &j, const char *key);
/// A string or an integer, as a string (ids that services send either way).
QString optStrOrInt(const json &j, const char *key);
/// Optional integer (missing or null → def); floats are truncated; other types throw.
qint64 optInt(const json &j, const char *key, qint64 def = 0);
/// Optional bool; accepts true/false and the 0/1 integers Plex uses.
bool optBool(const json &j, const char *key, bool def = false);

/// The body as JSON; an HTML page, an empty body or malformed JSON → ErrorKind::Parse with a
/// readable message naming the service.
pb::Result<json> parseJsonBody(const HttpResponse &response, const QString &service);

/// The text of an HTML page's <title> or first <h1>, tags stripped; past 200 UTF-16 code units
/// cut there (never inside a character) and ended with "…".
QString htmlSummary(const QByteArray &body);
bool looksLikeHtml(const HttpResponse &response);

/// Runs a reader over parsed JSON, turning ShapeError and nlohmann exceptions into Parse errors.
template <typename T, typename Reader>
pb::Result<T> readDto(const json &j, const QString &what, Reader &&reader)
{
    try {
        return pb::Result<T>(reader(j));
    } catch (const ShapeError &e) {
        return pb::Error::make(pb::ErrorKind::Parse,
                               QStringLiteral("Unexpected %1: %2").arg(what, QString::fromUtf8(e.what())));
    } catch (const json::exception &e) {
        return pb::Error::make(pb::ErrorKind::Parse,
                               QStringLiteral("Unexpected %1: %2").arg(what, QString::fromUtf8(e.what())));
    }
}

/// from_json at the boundary: `T` has a from_json found by ADL.
template <typename T>
pb::Result<T> parseDto(const json &j, const QString &what)
{
    return readDto<T>(j, what, [](const json &v) { return v.get<T>(); });
}

/// Sends `request` and completes `call` with reader(parsed JSON body); every failure (HTTP,
/// HTML body, malformed JSON, wrong shape) completes it with the typed error.
template <typename T, typename Reader>
void sendForJson(HttpCore &http, const std::shared_ptr<Call<T>> &call, HttpRequest request, QString what,
                 Reader reader)
{
    const QString service = http.hooks().serviceName;
    http.send(
        call, std::move(request),
        [call, what = std::move(what), reader = std::move(reader), service](pb::Result<HttpResponse> r) {
            if (!r.ok())
                return call->fail(r.error());
            auto j = parseJsonBody(*r, service);
            if (!j.ok())
                return call->fail(j.error());
            auto value = readDto<T>(*j, what, reader);
            if (!value.ok())
                return call->fail(value.error());
            call->complete(std::move(value).value());
        });
}

} // namespace pb::clients::detail
