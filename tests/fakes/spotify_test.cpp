// The Spotify fakes: accounts (PKCE, refresh, errors) and Web API (paging, Development Mode,
// item shapes, writes, 401/429 bodies).
#include "fakestest.h"

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

class FakesSpotify : public FakesTest {
protected:
    Response authorize(const QString &redirect, const QString &challenge,
                       const QString &method = QStringLiteral("S256"))
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("client-1"));
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
        q.addQueryItem(QStringLiteral("code_challenge_method"), method);
        q.addQueryItem(QStringLiteral("code_challenge"), challenge);
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("st4te"));
        return call("GET", fakes().spotifyAccountsUrl(),
                    QStringLiteral("/authorize?") + q.toString(QUrl::FullyEncoded));
    }
    Response token(const QByteArray &form)
    {
        return call("POST", fakes().spotifyAccountsUrl(), QStringLiteral("/api/token"),
                    {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
    }
    QString codeFor(const QByteArray &verifier)
    {
        const Response r = authorize(QStringLiteral("http://127.0.0.1:5000/cb"), challengeOf(verifier));
        return QUrlQuery(QUrl(QString::fromUtf8(r.header("Location"))))
            .queryItemValue(QStringLiteral("code"));
    }
    QByteArray exchange(const QString &code, const QByteArray &verifier)
    {
        return "grant_type=authorization_code&client_id=client-1&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%"
               "2Fcb&code=" +
               code.toUtf8() + "&code_verifier=" + verifier;
    }
    Response withBearer(const QString &path, const QByteArray &token)
    {
        return call("GET", fakes().spotifyApiUrl(), path, {{"Authorization", "Bearer " + token}});
    }

    const QByteArray m_verifier = "A-verifier_with~allowed.chars-0123456789abcdefghij";
};

} // namespace

TEST_F(FakesSpotify, AuthorizeRefusesLocalhostAndNonLoopbackRedirects)
{
    for (const char *uri :
         {"http://localhost:5000/cb", "http://example.com/cb", "https://127.0.0.1.evil/cb"}) {
        const Response r = authorize(QString::fromLatin1(uri), challengeOf(m_verifier));
        EXPECT_EQ(r.status, 400) << uri;
        EXPECT_TRUE(r.body.contains("INVALID_CLIENT: Invalid redirect URI")) << uri;
    }
    EXPECT_EQ(authorize(QStringLiteral("http://[::1]:5000/cb"), challengeOf(m_verifier)).status, 302);
}

TEST_F(FakesSpotify, AuthorizeRequiresS256AndEchoesState)
{
    const Response r = authorize(QStringLiteral("http://127.0.0.1:5000/cb"), challengeOf(m_verifier),
                                 QStringLiteral("plain"));
    ASSERT_EQ(r.status, 302);
    const QUrlQuery q(QUrl(QString::fromUtf8(r.header("Location"))));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("error")), QStringLiteral("invalid_request"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st4te"));
}

TEST_F(FakesSpotify, DeniedAuthorizationRedirectsWithAccessDenied)
{
    FakeOptions o = fakes().options();
    o.denyAuthorization = true;
    fakes().setOptions(o);
    const Response r = authorize(QStringLiteral("http://127.0.0.1:5000/cb"), challengeOf(m_verifier));
    const QUrlQuery q(QUrl(QString::fromUtf8(r.header("Location"))));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    EXPECT_FALSE(q.hasQueryItem(QStringLiteral("code")));
}

TEST_F(FakesSpotify, WrongVerifierIsInvalidGrantAndCodeIsSingleUse)
{
    const QString code = codeFor(m_verifier);
    const Response bad = token(exchange(code, "not-the-verifier-0123456789-0123456789-0123"));
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json()["error"], "invalid_grant");
    EXPECT_EQ(bad.json()["error_description"], "code_verifier was incorrect");
    const Response again = token(exchange(code, m_verifier));
    EXPECT_EQ(again.json()["error_description"], "Invalid authorization code");
}

TEST_F(FakesSpotify, RefreshRotatesAndRevokedOrReusedTokensAreInvalidGrant)
{
    const Response first = token(exchange(codeFor(m_verifier), m_verifier));
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.json()["token_type"], "Bearer");
    EXPECT_EQ(first.json()["expires_in"], 3600);
    const QByteArray refresh = QByteArray::fromStdString(first.json()["refresh_token"].get<std::string>());
    const Response second = token("grant_type=refresh_token&client_id=client-1&refresh_token=" + refresh);
    ASSERT_EQ(second.status, 200);
    EXPECT_NE(second.json()["refresh_token"], first.json()["refresh_token"]);
    const Response reused = token("grant_type=refresh_token&client_id=client-1&refresh_token=" + refresh);
    EXPECT_EQ(reused.status, 400);
    EXPECT_EQ(reused.json()["error"], "invalid_grant");

    const QString newer = QString::fromStdString(second.json()["refresh_token"].get<std::string>());
    fakes().revokeSpotifyRefreshToken(newer);
    const Response revoked =
        token("grant_type=refresh_token&client_id=client-1&refresh_token=" + newer.toUtf8());
    EXPECT_EQ(revoked.json()["error"], "invalid_grant");
    EXPECT_EQ(revoked.json()["error_description"], "Refresh token revoked");
}

TEST_F(FakesSpotify, JsonTokenBodyIsUnsupportedGrantType)
{
    const Response r = call("POST", fakes().spotifyAccountsUrl(), QStringLiteral("/api/token"),
                            {{"Content-Type", "application/json"}}, R"({"grant_type":"refresh_token"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.json()["error"], "unsupported_grant_type");
}

TEST_F(FakesSpotify, MissingInvalidAndExpiredTokensGet401WithSpotifyBodies)
{
    const Response none = call("GET", fakes().spotifyApiUrl(), QStringLiteral("/v1/me"));
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.json()["error"]["message"], "No token provided");
    EXPECT_TRUE(none.header("WWW-Authenticate").startsWith("Bearer realm=\"spotify\""));

    const Response invalid = withBearer(QStringLiteral("/v1/me"), "garbage");
    EXPECT_EQ(invalid.json()["error"]["message"], "Invalid access token");

    const QByteArray tok = fakes().issueSpotifyTokens(QStringLiteral("client-1")).accessToken.toUtf8();
    fakes().expireSpotifyAccessTokens();
    const Response expired = withBearer(QStringLiteral("/v1/me"), tok);
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.json()["error"]["status"], 401);
    EXPECT_EQ(expired.json()["error"]["message"], "The access token expired");
    EXPECT_EQ(
        expired.header("WWW-Authenticate"),
        "Bearer realm=\"spotify\", error=\"invalid_token\", error_description=\"The access token expired\"");
}

TEST_F(FakesSpotify, PlaylistPagingEdges)
{
    const Response first = spotify(QStringLiteral("/v1/me/playlists?limit=4"));
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.json()["total"], 6);
    EXPECT_TRUE(first.json()["previous"].is_null());
    EXPECT_EQ(first.json()["items"].size(), 4u);
    const std::string next = first.json()["next"].get<std::string>();
    EXPECT_NE(next.find("/v1/users/tester/playlists?offset=4&limit=4"), std::string::npos);
    const Response last =
        send(m_nam, Call{"GET", QUrl(QString::fromStdString(next)), {{"Authorization", m_bearer}}, {}});
    ASSERT_EQ(last.status, 200);
    EXPECT_EQ(last.json()["items"].size(), 2u); // last partial page
    EXPECT_TRUE(last.json()["next"].is_null());

    // Exact multiple of the page size: the second page is the last, next is null.
    const Response p1 = spotify(QStringLiteral("/v1/playlists/forty/items?limit=20&offset=20"));
    EXPECT_EQ(p1.json()["items"].size(), 20u);
    EXPECT_TRUE(p1.json()["next"].is_null());
    const Response past = spotify(QStringLiteral("/v1/playlists/forty/items?limit=20&offset=40"));
    EXPECT_EQ(past.json()["items"].size(), 0u);
    const Response empty = spotify(QStringLiteral("/v1/playlists/empty/items"));
    EXPECT_EQ(empty.json()["total"], 0);
    EXPECT_TRUE(empty.json()["items"].empty());
    EXPECT_EQ(empty.json()["limit"], 20);
    const Response partial = spotify(QStringLiteral("/v1/playlists/fortyfive/items?limit=20&offset=40"));
    EXPECT_EQ(partial.json()["items"].size(), 5u);
}

TEST_F(FakesSpotify, InvalidLimitsAre400)
{
    for (const char *q : {"limit=0", "limit=51", "limit=abc", "offset=-1"}) {
        const Response r = spotify(QStringLiteral("/v1/me/playlists?") + QLatin1String(q));
        EXPECT_EQ(r.status, 400) << q;
    }
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/forty/items?limit=51")).json()["error"]["message"],
              "Invalid limit");
}

TEST_F(FakesSpotify, DevelopmentModeRules)
{
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/followed/items")).status, 403);
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/forty/tracks")).status, 403);
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/collab/items")).status, 200);
    const Response meta = spotify(QStringLiteral("/v1/playlists/followed"));
    ASSERT_EQ(meta.status, 200);
    EXPECT_EQ(meta.json()["items"]["total"], 3);
    EXPECT_TRUE(meta.json()["items"]["items"].empty());
    EXPECT_TRUE(meta.json()["items"]["next"].is_null());
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/nope")).json()["error"]["message"], "Resource not found");

    FakeOptions o = fakes().options();
    o.devMode = false;
    fakes().setOptions(o);
    const Response legacy = spotify(QStringLiteral("/v1/playlists/forty/tracks?limit=100"));
    ASSERT_EQ(legacy.status, 200);
    EXPECT_FALSE(legacy.json()["items"][0].contains("item"));
}

TEST_F(FakesSpotify, ItemsCarryItemAndTrackWithNullLocalAndEpisodeEntries)
{
    const Response r = spotify(QStringLiteral("/v1/playlists/mixed/items?additional_types=track,episode"));
    ASSERT_EQ(r.status, 200);
    const Json items = r.json()["items"];
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0]["item"], items[0]["track"]);
    EXPECT_EQ(items[0]["item"]["external_ids"]["isrc"], "USAAA0000000");
    EXPECT_TRUE(items[1]["item"].is_null());
    EXPECT_TRUE(items[1]["track"].is_null());
    EXPECT_TRUE(items[2]["is_local"].get<bool>());
    EXPECT_TRUE(items[2]["item"]["id"].is_null());
    EXPECT_EQ(items[2]["item"]["uri"], "spotify:local:Me+Myself:Garage:My+Demo:95");
    EXPECT_EQ(items[3]["item"]["type"], "episode");
}

TEST_F(FakesSpotify, LikedSongsUseTrackAndImagesNullForCoverlessPlaylist)
{
    const Response liked = spotify(QStringLiteral("/v1/me/tracks?limit=50"));
    ASSERT_EQ(liked.status, 200);
    EXPECT_EQ(liked.json()["total"], 25);
    EXPECT_TRUE(liked.json()["items"][0].contains("track"));
    EXPECT_FALSE(liked.json()["items"][0].contains("item"));
    const Response pls = spotify(QStringLiteral("/v1/me/playlists?limit=1"));
    EXPECT_TRUE(pls.json()["items"][0]["images"].is_null());
}

TEST_F(FakesSpotify, WritesChangeSnapshotAndContents)
{
    const QString before = fakes().spotifySnapshotId(QStringLiteral("fortyfive"));
    const Response add = spotify(QStringLiteral("/v1/playlists/fortyfive/items"), "POST",
                                 R"({"uris":["spotify:track:trk0000000000000000050"],"position":0})");
    ASSERT_EQ(add.status, 201) << add.body.toStdString();
    const QString afterAdd = QString::fromStdString(add.json()["snapshot_id"].get<std::string>());
    EXPECT_NE(afterAdd, before);
    EXPECT_EQ(fakes().spotifyPlaylistTracks(QStringLiteral("fortyfive")).front(),
              QStringLiteral("trk0000000000000000050"));

    const Response move = spotify(QStringLiteral("/v1/playlists/fortyfive/items"), "PUT",
                                  R"({"range_start":0,"insert_before":3,"range_length":1})");
    ASSERT_EQ(move.status, 200);
    EXPECT_EQ(fakes().spotifyPlaylistTracks(QStringLiteral("fortyfive"))[2],
              QStringLiteral("trk0000000000000000050"));
    const Response del = spotify(QStringLiteral("/v1/playlists/fortyfive/items"), "DELETE",
                                 R"({"items":[{"uri":"spotify:track:trk0000000000000000050"}]})");
    ASSERT_EQ(del.status, 200);
    EXPECT_EQ(fakes().spotifyPlaylistTracks(QStringLiteral("fortyfive")).size(), 45u);
    const Response rename =
        spotify(QStringLiteral("/v1/playlists/fortyfive"), "PUT", R"({"name":"Renamed"})");
    EXPECT_EQ(rename.status, 200);
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/fortyfive")).json()["name"], "Renamed");
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/followed/items"), "POST", R"({"uris":[]})").status, 403);
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/fortyfive/items"), "POST", "{not json").status, 400);
    EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/fortyfive/items"), "PUT",
                      R"({"range_start":"x","insert_before":1})")
                  .status,
              400);
    // Found while fuzzing: range_start + range_length overflowed, a float length was converted.
    for (const char *reorder : {R"({"range_start":9223372036854775807,"insert_before":0})",
                                R"({"range_start":1,"insert_before":0,"range_length":9223372036854775807})",
                                R"({"range_start":0,"insert_before":0,"range_length":1e300})"})
        EXPECT_EQ(spotify(QStringLiteral("/v1/playlists/fortyfive/items"), "PUT", reorder).status, 400)
            << reorder;
    EXPECT_EQ(fakes().spotifyPlaylistTracks(QStringLiteral("fortyfive")).size(), 45u);
}

TEST_F(FakesSpotify, RateLimitAndQuotaAnswers429WithRetryAfter)
{
    FakeOptions o = fakes().options();
    o.rateLimitPerWindow = 2;
    o.rateWindow = std::chrono::minutes(5); // never expires during the test
    o.retryAfterSeconds = 7;
    fakes().setOptions(o);
    EXPECT_EQ(spotify(QStringLiteral("/v1/me")).status, 200);
    EXPECT_EQ(spotify(QStringLiteral("/v1/me")).status, 200);
    const Response limited = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.header("Retry-After"), "7");
    EXPECT_EQ(limited.json()["error"]["message"], "API rate limit exceeded");
    EXPECT_FALSE(limited.json()["error"].contains("reason"));

    o.rateLimitPerWindow = 0;
    o.spotifyQuotaExceeded = true;
    fakes().setOptions(o);
    const Response quota = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(quota.status, 429);
    EXPECT_EQ(quota.json()["error"]["reason"], "QUOTA_EXCEEDED");
    EXPECT_FALSE(quota.header("Retry-After").isEmpty());
}

TEST_F(FakesSpotify, ClientCredentialsTokenCannotReadUserEndpoints)
{
    const Response cc = call("POST", fakes().spotifyAccountsUrl(), QStringLiteral("/api/token"),
                             {{"Content-Type", "application/x-www-form-urlencoded"},
                              {"Authorization", "Basic " + QByteArray("client-1:secret").toBase64()}},
                             "grant_type=client_credentials");
    ASSERT_EQ(cc.status, 200);
    EXPECT_FALSE(cc.json().contains("refresh_token"));
    const Response me = withBearer(QStringLiteral("/v1/me"),
                                   QByteArray::fromStdString(cc.json()["access_token"].get<std::string>()));
    EXPECT_EQ(me.status, 401);
    EXPECT_EQ(me.json()["error"]["message"], "Valid user authentication required");
}
