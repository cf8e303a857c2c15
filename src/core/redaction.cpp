#include "pb/core/redaction.h"

#include <QRegularExpression>

#include <array>

namespace pb {
namespace {

// Parameter and field names whose values are secrets. Anything with "token", "secret",
// "password" or "verifier" in its name counts as well ("token-shaped" parameters).
constexpr auto kSecretNames =
    R"((?:x-plex-token|access_token|refresh_token|id_token|code_verifier|client_secret|)"
    R"(authtoken|accesstoken|auth_token|code|password|passwd|api_?key|signature|)"
    R"([a-z0-9_.\-\[\]]*(?:token|secret|password|verifier)[a-z0-9_.\-\[\]]*))";

struct Rule {
    QRegularExpression pattern;
    QString replacement;
};

QRegularExpression rx(const std::string &pattern)
{
    return QRegularExpression(QString::fromStdString(pattern), QRegularExpression::CaseInsensitiveOption);
}

QString lit(const char *text)
{
    return QString::fromLatin1(text);
}

const std::array<Rule, 6> &rules()
{
    static const std::array<Rule, 6> kRules = [] {
        const std::string names = kSecretNames;
        return std::array<Rule, 6>{{
            // Header lines: "X-Plex-Token: abc", "Authorization: Bearer abc".
            {rx(R"re(\b(x-plex-token|authorization|proxy-authorization|cookie|set-cookie)(\s*:\s*)[^\r\n]*)re"),
             lit(R"re(\1\2[REDACTED])re")},
            // JSON members: "access_token": "abc" (escaped quotes inside the value handled).
            {rx(R"re("()re" + names + R"re()"(\s*:\s*)"(?:[^"\\]|\\.)*")re"),
             lit(R"re("\1"\2"[REDACTED]")re")},
            // XML or HTML attributes: authToken="abc".
            {rx(R"re(\b()re" + names + R"re()(\s*=\s*)"[^"]*")re"), lit(R"re(\1\2"[REDACTED]")re")},
            // Query strings and form bodies, plain or percent-encoded: ?code=abc, X-Plex-Token%3Dabc.
            {rx(R"re((?:(?<=%26)|(?<=%3F)|(?<![a-z0-9_.\-\[\]]))()re" + names +
                R"re()(=|%3D)(?:(?!%26)[^&\s"'#,;<>)])+)re"),
             lit(R"re(\1\2[REDACTED])re")},
            // Bearer and Basic credentials wherever they appear.
            {rx(R"re(\b(Bearer|Basic)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=\-]+)re"),
             lit(R"re(\1 [REDACTED])re")},
            // JWTs (Plex's newer tokens), whatever carries them.
            {rx(R"re(\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)re"), lit("[REDACTED]")},
        }};
    }();
    return kRules;
}

} // namespace

QString redact(const QString &text)
{
    QString out = text;
    for (const Rule &rule : rules())
        out.replace(rule.pattern, rule.replacement);
    return out;
}

std::string redact(std::string_view utf8)
{
    const QString in = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    return redact(in).toStdString();
}

} // namespace pb
