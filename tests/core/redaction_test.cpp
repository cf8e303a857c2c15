#include "pb/core/redaction.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace {

constexpr auto kSecret = "s3cr3tV4lue-XYZ_123";

std::string withSecret(std::string templ)
{
    const std::string marker = "{S}";
    for (auto pos = templ.find(marker); pos != std::string::npos; pos = templ.find(marker))
        templ.replace(pos, marker.size(), kSecret);
    return templ;
}

struct Case {
    const char *name;
    const char *text;
};

void PrintTo(const Case &c, std::ostream *os)
{
    *os << c.name;
}

class RedactionTest : public ::testing::TestWithParam<Case> {};

TEST_P(RedactionTest, SecretNeverSurvives)
{
    const std::string in = withSecret(GetParam().text);
    const std::string out = pb::redact(in);
    EXPECT_EQ(out.find(kSecret), std::string::npos) << "in:  " << in << "\nout: " << out;
    EXPECT_NE(out.find(pb::kRedacted), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(
    AllForms, RedactionTest,
    ::testing::Values(Case{"PlexTokenHeader", "X-Plex-Token: {S}"},
                      Case{"PlexTokenHeaderLower", "x-plex-token:{S}"},
                      Case{"AuthorizationBearer", "Authorization: Bearer {S}"},
                      Case{"AuthorizationBasic", "authorization: Basic {S}"},
                      Case{"BearerInline", "sending request with bearer {S} to api"},
                      Case{"PlexTokenQuery",
                           "GET http://127.0.0.1:32400/library/sections?X-Plex-Token={S}&type=10"},
                      Case{"PlexTokenQueryFirst", "http://h/identity?x-plex-token={S}"},
                      Case{"AccessTokenQuery", "GET /cb?access_token={S}&expires_in=3600"},
                      Case{"RefreshTokenForm", "grant_type=refresh_token&refresh_token={S}&client_id=abc"},
                      Case{"CodeQuery", "GET /callback?code={S}&state=xyz"},
                      Case{"CodeVerifierForm", "grant_type=authorization_code&code=abc&code_verifier={S}"},
                      Case{"ClientSecretForm", "client_id=1&client_secret={S}"},
                      Case{"TokenShapedParam", "http://h/x?myToken={S}"},
                      Case{"TokenShapedParam2", "http://h/x?session_token={S}&a=1"},
                      Case{"PercentEncoded", "redirect=http%3A%2F%2Fh%2Fx%3Faccess_token%3D{S}%26b%3D1"},
                      Case{"JsonAccessToken", R"({"access_token":"{S}","token_type":"Bearer"})"},
                      Case{"JsonRefreshTokenSpaced", R"({ "refresh_token" : "{S}" })"},
                      Case{"JsonPlexAuthToken", R"({"id":1,"code":"abcd","authToken":"{S}"})"},
                      Case{"JsonAccessTokenCamel", R"([{"name":"srv","accessToken":"{S}"}])"},
                      Case{"JsonClientSecret", R"({"client_secret": "{S}"})"},
                      Case{"JsonEscapedQuote", R"({"access_token":"ab\"{S}"})"},
                      Case{"XmlAttribute", R"(<Device name="x" accessToken="{S}" />)"},
                      Case{"Jwt", "token eyJhbGciOiJFZERTQSJ9.eyJ1c2VyIjoiYSJ9.{S}"},
                      Case{"UnicodeAround", "Ödön 東京 X-Plex-Token={S} ✓"}),
    [](const ::testing::TestParamInfo<Case> &param) { return std::string(param.param.name); });

TEST(Redaction, LeavesOrdinaryTextAlone)
{
    const std::string text =
        "Matched 'Hey Jude' by The Beatles (confidence 0.98), code_challenge_method=S256";
    EXPECT_EQ(pb::redact(text), text);
}

TEST(Redaction, KeepsStructureAroundSecret)
{
    EXPECT_EQ(pb::redact(std::string("GET /a?X-Plex-Token=abc&type=10")),
              "GET /a?X-Plex-Token=[REDACTED]&type=10");
    EXPECT_EQ(pb::redact(std::string(R"({"access_token":"abc","expires_in":3600})")),
              R"({"access_token":"[REDACTED]","expires_in":3600})");
    EXPECT_EQ(pb::redact(std::string("Authorization: Bearer abc")), "Authorization: [REDACTED]");
}

TEST(Redaction, SurvivesInvalidUtf8AndEmptyInput)
{
    EXPECT_EQ(pb::redact(std::string()), "");
    const std::string broken = std::string("abc\xff\xfe") + "access_token=" + kSecret;
    const std::string out = pb::redact(broken);
    EXPECT_EQ(out.find(kSecret), std::string::npos);
}

TEST(Redaction, QStringOverload)
{
    const QString out = pb::redact(QStringLiteral("X-Plex-Token=%1").arg(QString::fromLatin1(kSecret)));
    EXPECT_FALSE(out.contains(QString::fromLatin1(kSecret)));
}

} // namespace
