#include "fakehttp.h"

#include <QRegularExpression>

namespace pb::fakes {

QString decodeComponent(const QByteArray &raw)
{
    QByteArray plus = raw;
    plus.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(plus));
}

std::vector<Param> parseParams(const QByteArray &encoded)
{
    std::vector<Param> out;
    const QList<QByteArray> parts = encoded.split('&');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        Param p;
        p.rawKey = eq < 0 ? part : part.left(eq);
        p.rawValue = eq < 0 ? QByteArray() : part.mid(eq + 1);
        p.key = decodeComponent(p.rawKey);
        p.value = decodeComponent(p.rawValue);
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<QString> FakeRequest::param(const QString &key) const
{
    for (const Param &p : params) {
        if (p.key == key)
            return p.value;
    }
    return std::nullopt;
}

QString FakeRequest::paramOr(const QString &key, const QString &fallback) const
{
    return param(key).value_or(fallback);
}

QByteArray FakeRequest::header(const QByteArray &lowerName) const
{
    return headers.value(lowerName);
}

QString FakeRequest::headerOrParam(const QByteArray &lowerName, const QString &paramName) const
{
    const QByteArray h = header(lowerName);
    if (!h.isEmpty())
        return QString::fromUtf8(h);
    return paramOr(paramName);
}

QStringList FakeRequest::segments() const
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool FakeRequest::wantsJson() const
{
    return header("accept").contains("application/json");
}

QByteArray FakeReply::headerValue(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

FakeReply jsonReply(int status, const Json &body)
{
    FakeReply r;
    r.status = status;
    r.contentType = "application/json";
    r.body = QByteArray::fromStdString(body.dump(-1, ' ', false, Json::error_handler_t::replace));
    return r;
}

FakeReply emptyReply(int status, const QByteArray &contentType)
{
    FakeReply r;
    r.status = status;
    r.contentType = contentType;
    return r;
}

FakeReply spotifyError(int status, const QString &message)
{
    return jsonReply(status, Json{{"error", {{"status", status}, {"message", u8(message)}}}});
}

FakeReply plexHtmlError(int status)
{
    FakeReply r;
    r.status = status;
    r.contentType = "text/html";
    const QByteArray phrase = reasonPhrase(status);
    const QByteArray code = QByteArray::number(status);
    if (status == 401) {
        r.body = "<html><head><script>window.location = window.location.href.match(/(^.+\\/)[^\\/]*$/)[1] + "
                 "'web/index.html';</script><title>Unauthorized</title></head><body><h1>401 "
                 "Unauthorized</h1></body></html>";
    } else {
        r.body = "<html><head><title>" + phrase + "</title></head><body><h1>" + code + " " + phrase +
                 "</h1></body></html>";
    }
    return r;
}

FakeReply plexTvError(int status, int code, const QString &message)
{
    return jsonReply(
        status,
        Json{{"errors", Json::array({{{"code", code}, {"message", u8(message)}, {"status", status}}})}});
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 414: return "Request-URI Too Long";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Error";
    }
}

bool isWritableStatus(int status)
{
    static const int known[] = {200, 201, 202, 204, 301, 302, 303, 304, 307, 308, 400, 401,
                                402, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414,
                                415, 422, 429, 431, 451, 500, 501, 502, 503, 504, 505};
    for (int k : known) {
        if (k == status)
            return true;
    }
    return false;
}

std::optional<Json> parseJson(const QByteArray &body)
{
    Json j = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (j.is_discarded())
        return std::nullopt;
    return j;
}

bool containsCi(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

QString foldForSearch(const QString &s)
{
    const QString d = s.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(d.size());
    for (const QChar c : d) {
        const auto cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
            cat == QChar::Mark_Enclosing)
            continue;
        out.append(c.toCaseFolded());
    }
    return out;
}

} // namespace pb::fakes
