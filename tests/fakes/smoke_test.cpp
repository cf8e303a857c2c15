// End-to-end smoke test of the four fakes through QNetworkAccessManager: PKCE login, reading
// Spotify, PIN login and discovery on plex.tv, and a Plex playlist created, filled and read back.
#include "fakeshttp.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

class FakesSmoke : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_fakes.useWorld(demoWorld());
        ASSERT_TRUE(m_fakes.start().ok());
    }
    Response get(const QUrl &base, const QString &path, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return send(m_nam, Call{"GET", at(base, path), std::move(headers), {}});
    }

    FakeServices m_fakes;
    QNetworkAccessManager m_nam;
};

QString challengeOf(const QByteArray &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

TEST_F(FakesSmoke, PkceLoginThenReadsPlaylists)
{
    const QByteArray verifier = "verifier-0123456789-0123456789-0123456789-abcdef";
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("abc123"));
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:43210/callback"));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("code_challenge"), challengeOf(verifier));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("xyz"));
    const Response auth =
        get(m_fakes.spotifyAccountsUrl(), QStringLiteral("/authorize?") + q.toString(QUrl::FullyEncoded));
    ASSERT_EQ(auth.status, 302);
    const QUrl location(QString::fromUtf8(auth.header("Location")));
    EXPECT_EQ(location.host(), QStringLiteral("127.0.0.1"));
    const QUrlQuery back(location);
    EXPECT_EQ(back.queryItemValue(QStringLiteral("state")), QStringLiteral("xyz"));
    const QString code = back.queryItemValue(QStringLiteral("code"));
    ASSERT_FALSE(code.isEmpty());

    const QByteArray form =
        "grant_type=authorization_code&code=" + code.toUtf8() +
        "&redirect_uri=http%3A%2F%2F127.0.0.1%3A43210%2Fcallback&client_id=abc123&code_verifier=" + verifier;
    const Response tok = send(m_nam, Call{"POST",
                                          at(m_fakes.spotifyAccountsUrl(), QStringLiteral("/api/token")),
                                          {{"Content-Type", "application/x-www-form-urlencoded"}},
                                          form});
    ASSERT_EQ(tok.status, 200) << tok.body.toStdString();
    EXPECT_EQ(tok.contentType, "application/json");
    const Json tj = tok.json();
    ASSERT_TRUE(tj.contains("access_token"));
    const QByteArray bearer = "Bearer " + QByteArray::fromStdString(tj["access_token"].get<std::string>());

    const Response me = get(m_fakes.spotifyApiUrl(), QStringLiteral("/v1/me"), {{"Authorization", bearer}});
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json()["id"], "demo-user");

    const Response pls =
        get(m_fakes.spotifyApiUrl(), QStringLiteral("/v1/me/playlists?limit=1"), {{"Authorization", bearer}});
    ASSERT_EQ(pls.status, 200);
    EXPECT_EQ(pls.json()["limit"], 1);
    EXPECT_TRUE(pls.json()["next"].is_string());
}

TEST_F(FakesSmoke, PinLoginDiscoveryAndPlexPlaylistRoundTrip)
{
    const QList<QPair<QByteArray, QByteArray>> plexHeaders{{"Accept", "application/json"},
                                                           {"X-Plex-Client-Identifier", "test-client"},
                                                           {"X-Plex-Product", "Playlist Bridge"}};
    const Response pin = send(
        m_nam,
        Call{"POST", at(m_fakes.plexTvUrl(), QStringLiteral("/api/v2/pins?strong=true")), plexHeaders, {}});
    ASSERT_EQ(pin.status, 201);
    const auto id = pin.json()["id"].get<long long>();
    const Response polled = get(m_fakes.plexTvUrl(), QStringLiteral("/api/v2/pins/%1").arg(id), plexHeaders);
    ASSERT_EQ(polled.status, 200);
    ASSERT_TRUE(polled.json()["authToken"].is_string());
    const QByteArray userToken = QByteArray::fromStdString(polled.json()["authToken"].get<std::string>());

    auto withToken = plexHeaders;
    withToken.append({"X-Plex-Token", userToken});
    const Response res =
        get(m_fakes.plexTvUrl(), QStringLiteral("/api/v2/resources?includeHttps=1"), withToken);
    ASSERT_EQ(res.status, 200);
    const Json server = res.json()[1];
    const QByteArray serverToken = QByteArray::fromStdString(server["accessToken"].get<std::string>());
    const QString machine = QString::fromStdString(server["clientIdentifier"].get<std::string>());

    QList<QPair<QByteArray, QByteArray>> pms{{"Accept", "application/json"}, {"X-Plex-Token", serverToken}};
    const QString uri =
        QStringLiteral("server://%1/com.plexapp.plugins.library/library/metadata/1001,1003").arg(machine);
    const QString create = QStringLiteral("/playlists?type=audio&title=Smoke&smart=0&uri=") +
                           QString::fromLatin1(QUrl::toPercentEncoding(uri));
    const Response made = send(m_nam, Call{"POST", at(m_fakes.plexServerUrl(), create), pms, {}});
    ASSERT_EQ(made.status, 200) << made.body.toStdString();
    EXPECT_EQ(made.contentType, "application/json");
    const QString key =
        QString::fromStdString(made.json()["MediaContainer"]["Metadata"][0]["ratingKey"].get<std::string>());

    const Response items = get(m_fakes.plexServerUrl(), QStringLiteral("/playlists/%1/items").arg(key), pms);
    ASSERT_EQ(items.status, 200);
    const Json md = items.json()["MediaContainer"]["Metadata"];
    ASSERT_EQ(md.size(), 2u);
    EXPECT_EQ(md[0]["ratingKey"], "1001");
    EXPECT_TRUE(md[0]["playlistItemID"].is_number_integer());

    const Response noToken = get(m_fakes.plexServerUrl(), QStringLiteral("/library/sections"), {});
    EXPECT_EQ(noToken.status, 401);
    EXPECT_EQ(noToken.contentType, "text/html");
}
