// Fault injection, latency, the request log and the threaded runner.
#include "fakestest.h"

#include "pb/fakes/fakeservicesthread.h"

using namespace pb::fakes;
using namespace pb::fakes::test;

namespace {

class FakesFaults : public FakesTest {};

} // namespace

TEST_F(FakesFaults, StatusBurstThenRecovers)
{
    fakes().faults().add(Fault::httpStatus(503, QStringLiteral("^/v1/me$"), 2));
    const Response a = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(a.status, 503);
    EXPECT_EQ(a.json()["error"]["status"], 503);
    EXPECT_EQ(spotify(QStringLiteral("/v1/me")).status, 503);
    EXPECT_EQ(spotify(QStringLiteral("/v1/me")).status, 200);
    EXPECT_EQ(fakes().faults().pending(), 0);
}

TEST_F(FakesFaults, RateLimitFaultCarriesRetryAfterAndQuotaReason)
{
    fakes().faults().add(Fault::spotifyRateLimit(3, QStringLiteral("^/v1/"), 1, false));
    fakes().faults().add(Fault::spotifyRateLimit(60, QStringLiteral("^/v1/"), 1, true));
    const Response plain = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(plain.status, 429);
    EXPECT_EQ(plain.header("Retry-After"), "3");
    EXPECT_EQ(plain.json()["error"]["message"], "API rate limit exceeded");
    const Response quota = spotify(QStringLiteral("/v1/me"));
    EXPECT_EQ(quota.json()["error"]["reason"], "QUOTA_EXCEEDED");
}

TEST_F(FakesFaults, MethodServiceAndSkipNarrowTheMatch)
{
    Fault f = Fault::httpStatus(500, QStringLiteral("^/playlists"), 1);
    f.method = QStringLiteral("POST");
    f.service = Service::PlexServer;
    f.skip = 1;
    fakes().faults().add(f);
    EXPECT_EQ(pms(QStringLiteral("/playlists")).status, 200);                    // GET: not matched
    EXPECT_EQ(pms(QStringLiteral("/playlists?type=audio"), "POST").status, 400); // skipped once
    EXPECT_EQ(pms(QStringLiteral("/playlists?type=audio"), "POST").status, 500);
}

TEST_F(FakesFaults, ResetMidBodyIsANetworkErrorForTheClient)
{
    fakes().faults().add(Fault::withKind(FaultKind::Reset, QStringLiteral("^/library/sections$")));
    const Response r = pms(QStringLiteral("/library/sections"));
    EXPECT_TRUE(r.finished);
    EXPECT_NE(r.error, QNetworkReply::NoError);
    EXPECT_EQ(pms(QStringLiteral("/library/sections")).status, 200);
}

TEST_F(FakesFaults, MalformedBodyIsTruncatedJson)
{
    fakes().faults().add(Fault::withKind(FaultKind::Malformed, QStringLiteral("^/v1/me/playlists$")));
    const Response r = spotify(QStringLiteral("/v1/me/playlists"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.error, QNetworkReply::NoError);
    EXPECT_TRUE(r.json().is_discarded());
}

TEST_F(FakesFaults, HtmlPageWhereJsonWasExpected)
{
    Fault f = Fault::withKind(FaultKind::Html, QStringLiteral("^/api/v2/user$"));
    f.status = 502;
    fakes().faults().add(f);
    const Response r =
        plexTv(QStringLiteral("/api/v2/user"), "GET", {{"X-Plex-Token", fakes().plexUserToken().toUtf8()}});
    EXPECT_EQ(r.status, 502);
    EXPECT_TRUE(r.contentType.startsWith("text/html"));
    EXPECT_TRUE(r.body.startsWith("<!DOCTYPE html>"));
}

TEST_F(FakesFaults, TimeoutNeverAnswersButLaterRequestsDo)
{
    fakes().faults().add(Fault::withKind(FaultKind::Timeout, QStringLiteral("^/identity$")));
    const Response hung =
        send(m_nam, Call{"GET", at(fakes().plexServerUrl(), QStringLiteral("/identity")), {}, {}, 300});
    EXPECT_FALSE(hung.finished);
    EXPECT_EQ(pms(QStringLiteral("/identity")).status, 200);
    EXPECT_EQ(fakes().requestLog().front().status, 0);
}

TEST_F(FakesFaults, DelayedAnswerDoesNotBlockOtherRequests)
{
    fakes().faults().add(Fault::delayed(std::chrono::milliseconds(400), QStringLiteral("^/v1/me$")));
    QNetworkRequest slowReq(at(fakes().spotifyApiUrl(), QStringLiteral("/v1/me")));
    slowReq.setRawHeader("Authorization",
                         "Bearer " + fakes().issueSpotifyTokens(QStringLiteral("c")).accessToken.toUtf8());
    QNetworkReply *slow = m_nam.get(slowReq);
    // While the first answer waits on its timer, the event loop serves another request.
    EXPECT_EQ(pms(QStringLiteral("/identity")).status, 200);
    EXPECT_FALSE(slow->isFinished());
    QEventLoop loop;
    QObject::connect(slow, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!slow->isFinished())
        loop.exec();
    EXPECT_TRUE(slow->isFinished());
    EXPECT_EQ(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    slow->deleteLater();
}

TEST_F(FakesFaults, ProbabilityIsDeterministicFromTheSeed)
{
    auto pattern = [&](quint32 seed) {
        fakes().faults().clear();
        fakes().faults().reseed(seed);
        Fault f = Fault::httpStatus(500, QStringLiteral("^/identity$"), -1);
        f.probability = 0.5;
        fakes().faults().add(f);
        QString out;
        for (int i = 0; i < 12; ++i)
            out += pms(QStringLiteral("/identity")).status == 500 ? QLatin1Char('x') : QLatin1Char('.');
        return out;
    };
    const QString a = pattern(7);
    EXPECT_EQ(a, pattern(7));
    EXPECT_TRUE(a.contains(QLatin1Char('x')) && a.contains(QLatin1Char('.'))) << a.toStdString();
}

TEST_F(FakesFaults, FaultsFileParsesAndNamesBadEntries)
{
    const auto ok = parseFaults(R"([{"kind":"status","status":503,"path":"^/v1/","count":2,
                                     "headers":{"Retry-After":"1"}},{"kind":"timeout","service":"plex-tv"}])");
    ASSERT_TRUE(ok.ok());
    ASSERT_EQ(ok.value().size(), 2u);
    EXPECT_EQ(ok.value()[0].headers.front().second, "1");
    EXPECT_EQ(*ok.value()[1].service, Service::PlexTv);
    const auto bad = parseFaults(R"([{"kind":"explode"}])");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("faults[0].kind")));
    EXPECT_FALSE(parseFaults("{").ok());
    EXPECT_FALSE(parseFaults(R"([{"path":"("}])").ok());
}

TEST_F(FakesFaults, FaultsFileNumbersMustBeInRange)
{
    // Found while fuzzing: these were taken as they came (a count of -2 never fired, a float delay
    // of 1e30 was an undefined conversion, a status the listener cannot write became a 500).
    struct Case {
        const char *json;
        const char *mentions;
    } cases[] = {{R"([{"count":-2}])", "faults[0].count"},
                 {R"([{"skip":-1}])", "faults[0].skip"},
                 {R"([{"kind":"delay","delayMs":1e30}])", "faults[0].delayMs"},
                 {R"([{"kind":"delay","delayMs":-5}])", "faults[0].delayMs"},
                 {R"([{"status":418}])", "faults[0].status"},
                 {R"([{"status":2.5}])", "faults[0].status"},
                 {R"([{},{"probability":7.5}])", "faults[1].probability"}};
    for (const Case &c : cases) {
        const auto r = parseFaults(c.json);
        ASSERT_FALSE(r.ok()) << c.json;
        EXPECT_EQ(r.error().kind, pb::ErrorKind::InvalidInput) << c.json;
        EXPECT_TRUE(r.error().message.contains(QString::fromLatin1(c.mentions)))
            << r.error().message.toStdString();
    }
    const auto edge = parseFaults(R"([{"count":-1,"skip":0,"delayMs":0,"status":503,"probability":0}])");
    ASSERT_TRUE(edge.ok()) << edge.error().message.toStdString();
    EXPECT_EQ(edge->front().count, -1);
}

TEST_F(FakesFaults, RequestLogCountsAndMasksSecrets)
{
    fakes().clearRequestLog();
    spotify(QStringLiteral("/v1/me"));
    spotify(QStringLiteral("/v1/me/playlists?limit=2"));
    call("GET", fakes().plexServerUrl(), QStringLiteral("/identity?X-Plex-Token=supersecret"));
    EXPECT_EQ(fakes().requestCount(QStringLiteral("^/v1/")), 2);
    EXPECT_EQ(fakes().requestCount(QStringLiteral("^/identity$"), QStringLiteral("GET")), 1);
    const auto log = fakes().requestLog();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[1].toString(), QStringLiteral("GET /v1/me/playlists?limit=2 -> 200"));
    EXPECT_EQ(log[2].service, Service::PlexServer);
    EXPECT_FALSE(log[2].toString().contains(QStringLiteral("supersecret")));
    EXPECT_TRUE(log[2].toString().contains(QStringLiteral("X-Plex-Token=***")));
}

TEST_F(FakesFaults, MalformedRequestsGet400NeverACrash)
{
    const QList<QByteArray> bodies{"",
                                   "{",
                                   "[]",
                                   "null",
                                   R"({"uris":"notalist"})",
                                   R"({"uris":[1,2]})",
                                   R"({"position":"x","uris":[]})",
                                   "\xff\xfe garbage"};
    for (const QByteArray &b : bodies) {
        const Response r =
            spotify(QStringLiteral("/v1/playlists/forty/items"), "POST", b.isEmpty() ? QByteArray(" ") : b);
        EXPECT_EQ(r.status, 400) << b.toStdString();
    }
    EXPECT_EQ(call("POST", fakes().spotifyAccountsUrl(), QStringLiteral("/api/token"),
                   {{"Content-Type", "application/x-www-form-urlencoded"}}, "%%%&&==")
                  .status,
              400);
    EXPECT_EQ(pms(QStringLiteral("/playlists/abc/items/xyz/move?after=%%"), "PUT").status, 404);
    EXPECT_EQ(pms(QStringLiteral("/library/metadata/,,,")).status, 404);
    EXPECT_EQ(pms(QStringLiteral("/library/sections/1/all?type=10&title%3D%3D%3D%3D=x")).status, 400);
    EXPECT_EQ(plexTv(QStringLiteral("/api/v2/pins/notanumber")).status, 404);
    EXPECT_EQ(spotify(QStringLiteral("/v1/me")).status, 200); // still alive
}

TEST(FakesThread, ServesFromItsOwnThread)
{
    FakeServicesThread thread(FakeOptions{}, testWorld());
    ASSERT_TRUE(thread.start().ok());
    QNetworkAccessManager nam;
    const Response r = send(nam, Call{"GET",
                                      at(thread.services()->plexServerUrl(), QStringLiteral("/identity")),
                                      {{"Accept", "application/json"}},
                                      {}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(thread.services()->requestCount(QStringLiteral("^/identity$")), 1);
    thread.stop();
    EXPECT_EQ(thread.services(), nullptr);
}

TEST_F(FakesFaults, RandomRequestsNeverCrashOrAnswer5xx)
{
    // A seeded storm of odd requests: every one gets a 2xx/3xx/4xx and the fakes stay up.
    std::mt19937 rng(20261127);
    const QList<QByteArray> methods{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
    const QStringList segments{
        QStringLiteral("v1"),      QStringLiteral("me"),        QStringLiteral("playlists"),
        QStringLiteral("items"),   QStringLiteral("tracks"),    QStringLiteral("forty"),
        QStringLiteral("library"), QStringLiteral("sections"),  QStringLiteral("1"),
        QStringLiteral("all"),     QStringLiteral("metadata"),  QStringLiteral("move"),
        QStringLiteral("api"),     QStringLiteral("v2"),        QStringLiteral("pins"),
        QStringLiteral("hubs"),    QStringLiteral("search"),    QStringLiteral("%00"),
        QStringLiteral("..%2F.."), QStringLiteral("%E2%82%AC"), QStringLiteral("authorize"),
        QStringLiteral("token"),   QStringLiteral("-1"),        QStringLiteral("99999999999999")};
    const QStringList queries{QStringLiteral("limit=-5"),
                              QStringLiteral("offset=abc"),
                              QStringLiteral("type=10&title%3D%3D=x"),
                              QStringLiteral("uri=server%3A%2F%2F"),
                              QStringLiteral("after=%FF"),
                              QStringLiteral("=&&=="),
                              QStringLiteral("X-Plex-Container-Size=99999999999"),
                              QStringLiteral("query=%C3%A9")};
    const QList<QByteArray> bodies{"",
                                   "{",
                                   "[1,2",
                                   "{\"uris\":[null]}",
                                   "{\"range_start\":1e400}",
                                   "\x01\x02\x03",
                                   "grant_type=refresh_token&refresh_token="};
    const QUrl bases[] = {fakes().spotifyAccountsUrl(), fakes().spotifyApiUrl(), fakes().plexTvUrl(),
                          fakes().plexServerUrl()};
    const QByteArray bearer =
        "Bearer " + fakes().issueSpotifyTokens(QStringLiteral("c")).accessToken.toUtf8();
    int answered = 0;
    for (int i = 0; i < 200; ++i) {
        QString path;
        const int depth = static_cast<int>(rng() % 6);
        for (int d = 0; d < depth; ++d)
            path += QLatin1Char('/') + segments[static_cast<int>(rng() % segments.size())];
        if (path.isEmpty())
            path = QStringLiteral("/");
        if (rng() % 2)
            path += QLatin1Char('?') + queries[static_cast<int>(rng() % queries.size())];
        Headers h{{"Accept", "application/json"},
                  {"Authorization", bearer},
                  {"X-Plex-Token", fakes().plexServerToken().toUtf8()},
                  {"X-Plex-Client-Identifier", "fuzz"},
                  {"Content-Type", rng() % 2 ? "application/json" : "application/x-www-form-urlencoded"}};
        const Response r = call(methods[static_cast<int>(rng() % methods.size())], bases[rng() % 4], path, h,
                                bodies[static_cast<int>(rng() % bodies.size())]);
        EXPECT_TRUE(r.finished) << path.toStdString();
        EXPECT_GE(r.status, 200) << path.toStdString();
        EXPECT_LT(r.status, 500) << path.toStdString();
        answered += r.finished ? 1 : 0;
    }
    EXPECT_EQ(answered, 200);
    EXPECT_EQ(spotify(QStringLiteral("/v1/me")).status, 200);
}

TEST_F(FakesFaults, RequestLogKeepsTheNewestEntriesUpToItsLimit)
{
    FakeOptions o = fakes().options();
    o.requestLogLimit = 3;
    fakes().setOptions(o);
    for (int i = 0; i < 5; ++i)
        pms(QStringLiteral("/identity?n=%1").arg(i));
    const auto log = fakes().requestLog();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log.front().query, QStringLiteral("n=2"));
    EXPECT_EQ(log.back().query, QStringLiteral("n=4"));
}
