#include "jsonutil.h"

#include <QRegularExpression>

#include <cmath>

namespace pb::clients::detail {

const char *jsonTypeName(const json &j)
{
    return j.type_name();
}

namespace {

[[noreturn]] void fail(const char *key, const char *expected, const json &got)
{
    throw ShapeError(std::string("field '") + key + "' should be " + expected + " but is " + got.type_name());
}

const json *find(const json &j, const char *key)
{
    if (!j.is_object())
        throw ShapeError(std::string("expected an object holding '") + key + "' but got " + j.type_name());
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return nullptr;
    return &*it;
}

} // namespace

const json &object(const json &j, const char *key)
{
    const json *v = find(j, key);
    if (!v)
        throw ShapeError(std::string("field '") + key + "' is missing");
    if (!v->is_object())
        fail(key, "an object", *v);
    return *v;
}

const json *optObject(const json &j, const char *key)
{
    const json *v = find(j, key);
    if (v && !v->is_object())
        fail(key, "an object", *v);
    return v;
}

const json &optArray(const json &j, const char *key)
{
    static const json empty = json::array();
    const json *v = find(j, key);
    if (!v)
        return empty;
    if (!v->is_array())
        fail(key, "an array", *v);
    return *v;
}

QString str(const json &j, const char *key)
{
    const json *v = find(j, key);
    if (!v)
        throw ShapeError(std::string("field '") + key + "' is missing");
    if (!v->is_string())
        fail(key, "a string", *v);
    return QString::fromStdString(v->get<std::string>());
}

QString optStr(const json &j, const char *key)
{
    const json *v = find(j, key);
    if (!v)
        return {};
    if (!v->is_string())
        fail(key, "a string", *v);
    return QString::fromStdString(v->get<std::string>());
}

QString optStrOrInt(const json &j, const char *key)
{
    const json *v = find(j, key);
    if (!v)
        return {};
    if (v->is_string())
        return QString::fromStdString(v->get<std::string>());
    if (v->is_number_integer())
        return QString::fromStdString(v->dump()); // every digit, also past the int64 range
    fail(key, "a string or an integer", *v);
}

qint64 optInt(const json &j, const char *key, qint64 def)
{
    const json *v = find(j, key);
    if (!v)
        return def;
    if (v->is_number_integer())
        return v->get<qint64>();
    if (v->is_number_float()) {
        // Truncated, but only when an integer can hold it: converting 1e300 is undefined.
        const double d = v->get<double>();
        if (std::isfinite(d) && d > -9.2e18 && d < 9.2e18)
            return static_cast<qint64>(d);
        fail(key, "a number in range", *v);
    }
    fail(key, "a number", *v);
}

bool optBool(const json &j, const char *key, bool def)
{
    const json *v = find(j, key);
    if (!v)
        return def;
    if (v->is_boolean())
        return v->get<bool>();
    if (v->is_number_integer())
        return v->get<qint64>() != 0;
    fail(key, "a boolean", *v);
}

QString htmlSummary(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body.left(64 * 1024));
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression h1(QStringLiteral("<h1[^>]*>(.*?)</h1>"),
                                       QRegularExpression::CaseInsensitiveOption |
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString found;
    if (auto m = h1.match(text); m.hasMatch())
        found = m.captured(1);
    else if (auto t = title.match(text); t.hasMatch())
        found = t.captured(1);
    found.remove(tags);
    found = found.simplified();
    if (found.size() > 200) {
        // Never cut a character outside the Basic Multilingual Plane in half.
        const qsizetype cut = found.at(199).isHighSurrogate() ? 199 : 200;
        found = found.left(cut) + QStringLiteral("…");
    }
    return found;
}

bool looksLikeHtml(const HttpResponse &response)
{
    const QByteArray type = response.header("Content-Type").toLower();
    if (type.contains("text/html"))
        return true;
    const QByteArray start = response.body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

pb::Result<json> parseJsonBody(const HttpResponse &response, const QString &service)
{
    if (looksLikeHtml(response)) {
        const QString summary = htmlSummary(response.body);
        return pb::Error::make(
            pb::ErrorKind::Parse,
            QStringLiteral("%1 answered with an HTML page%2 where JSON was expected")
                .arg(service, summary.isEmpty() ? QString() : QStringLiteral(" (“%1”)").arg(summary)),
            response.status);
    }
    if (response.body.trimmed().isEmpty())
        return pb::Error::make(
            pb::ErrorKind::Parse,
            QStringLiteral("%1 answered with an empty body where JSON was expected").arg(service),
            response.status);
    json parsed = json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
    if (parsed.is_discarded())
        return pb::Error::make(pb::ErrorKind::Parse,
                               QStringLiteral("%1 answered with malformed JSON (%2 bytes)")
                                   .arg(service)
                                   .arg(response.body.size()),
                               response.status);
    return parsed;
}

} // namespace pb::clients::detail
