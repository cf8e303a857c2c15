// PageWindow, the parallel part of both pagers, against a small HTTP server of the test's own
// (real requests through QNetworkAccessManager): pages come back in page order whatever order
// they answer in, never more than the bound are in flight, an error or a cancel stops every
// page, a stopped window ignores answers still on their way, and nothing keeps the pager alive
// once the read is over.
#include "callstate.h"
#include "httpcore.h"
#include "pagewindow.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QMap>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace pb::clients;
using namespace pb::clients::detail;

namespace {

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Answers GET /page/<n> with the body "<n>", after that page's delay and with its status.
class PageServer : public QObject {
public:
    PageServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        const bool listening = m_server.listen(QHostAddress::LocalHost, 0);
        EXPECT_TRUE(listening);
    }

    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/page/").arg(m_server.serverPort())); }

    QMap<int, int> delayMs;
    QMap<int, int> status;
    std::vector<int> received;
    int open = 0;
    int maxOpen = 0;
    int answered = 0; ///< answers written to a client still connected (not aborted)

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.erase(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
            const QList<QByteArray> line = buffer.left(buffer.indexOf("\r\n")).split(' ');
            buffer.remove(0, end + 4);
            const int page = line.size() > 1 ? line[1].mid(6).toInt() : -1;
            received.push_back(page);
            maxOpen = std::max(maxOpen, ++open);
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(delayMs.value(page, 0), this, [this, guard, page] {
                --open;
                if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                    return;
                ++answered;
                const QByteArray body = QByteArray::number(page);
                guard->write("HTTP/1.1 " + QByteArray::number(status.value(page, 200)) +
                             " X\r\nContent-Type: text/plain\r\nContent-Length: " +
                             QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
        }
    }

    // Before the server: its sockets, deleted with it, still report their disconnection here.
    std::map<QTcpSocket *, QByteArray> m_buffers;
    QTcpServer m_server;
};

/// What a pager does with the window: page i holds {10 i, 10 i + 1}.
class Reader : public std::enable_shared_from_this<Reader> {
public:
    Reader(HttpCore *http, std::shared_ptr<Call<std::vector<int>>> call, QUrl base, int maxInFlight)
        : m_call(std::move(call)), m_base(std::move(base)),
          m_window(http, m_call, maxInFlight,
                   {[this](qint64 index) { return request(index); },
                    [this](qint64 index, pb::Result<HttpResponse> r) { return answer(index, std::move(r)); },
                    [this](std::vector<std::vector<int>> inOrder) {
                        std::vector<int> out;
                        for (auto &page : inOrder)
                            out.insert(out.end(), page.begin(), page.end());
                        m_call->complete(std::move(out));
                    }})
    {}

    void start(qint64 pages)
    {
        m_pages = pages;
        m_window.start(shared_from_this(), pages);
    }

    /// When page `index` answers in the first run, the window is stopped and started again.
    std::optional<qint64> restartAt;
    int requested = 0;
    int inFlight = 0;
    int mostInFlight = 0;
    std::vector<qint64> answered;

private:
    HttpRequest request(qint64 index)
    {
        ++requested;
        mostInFlight = std::max(mostInFlight, ++inFlight);
        HttpRequest req;
        req.url = m_base.resolved(QUrl(QString::number(index)));
        return req;
    }

    std::optional<std::vector<int>> answer(qint64 index, pb::Result<HttpResponse> r)
    {
        --inFlight;
        answered.push_back(index);
        if (!r.ok()) {
            m_window.stop();
            m_call->fail(r.error());
            return std::nullopt;
        }
        EXPECT_EQ(r->body, QByteArray::number(index));
        if (restartAt == index) {
            restartAt.reset();
            m_window.stop();
            inFlight = 0;
            m_window.start(shared_from_this(), m_pages);
            return std::nullopt;
        }
        const int first = static_cast<int>(index) * 10;
        return std::vector<int>{first, first + 1};
    }

    std::shared_ptr<Call<std::vector<int>>> m_call;
    QUrl m_base;
    qint64 m_pages = 0;
    PageWindow<int> m_window;
};

class ClientsPageWindow : public ::testing::Test {
protected:
    ClientsPageWindow() : m_http(&m_nam, policy(), {}, &m_owner) {}

    static HttpPolicy policy()
    {
        HttpPolicy p;
        p.maxRetries = 0;
        p.transferTimeout = std::chrono::milliseconds(5000);
        return p;
    }

    /// Starts a read of `pages` pages; the result lands in m_result.
    std::shared_ptr<Reader> read(qint64 pages, int maxInFlight, QObject *context = nullptr,
                                 std::optional<qint64> restartAt = std::nullopt)
    {
        m_call = makeCall<std::vector<int>>(&m_owner, context, [this](pb::Result<std::vector<int>> r) {
            ++m_calls;
            m_result.emplace(std::move(r));
        });
        auto reader = std::make_shared<Reader>(&m_http, m_call, server.base(), maxInFlight);
        reader->restartAt = restartAt;
        reader->start(pages);
        return reader;
    }

    /// Runs the event loop until `done` holds (the guard only stops a broken test hanging).
    template <typename Done>
    static void waitFor(Done done)
    {
        for (int i = 0; i < 500 && !done(); ++i)
            spin(10);
    }

    void waitForResult()
    {
        for (int i = 0; i < 500 && !m_result; ++i)
            spin(10);
        ASSERT_TRUE(m_result.has_value());
    }

    static std::vector<int> expected(int pages)
    {
        std::vector<int> out;
        for (int i = 0; i < pages; ++i) {
            out.push_back(i * 10);
            out.push_back(i * 10 + 1);
        }
        return out;
    }

    PageServer server;
    QObject m_owner;
    QNetworkAccessManager m_nam;
    HttpCore m_http;
    std::shared_ptr<Call<std::vector<int>>> m_call;
    std::optional<pb::Result<std::vector<int>>> m_result;
    int m_calls = 0;
};

} // namespace

TEST_F(ClientsPageWindow, PagesAnsweringInAnyOrderComeBackInPageOrder)
{
    // Earlier pages answer later: 0 after 60 ms, 1 after 50 ms, ... 5 and later at once.
    for (int page = 0; page < 6; ++page)
        server.delayMs[page] = 60 - page * 10;
    std::weak_ptr<Reader> weak = read(12, 3);
    waitForResult();
    ASSERT_TRUE(m_result->ok()) << m_result->error().toString().toStdString();
    EXPECT_EQ(**m_result, expected(12));
    std::vector<int> received = server.received;
    std::sort(received.begin(), received.end());
    std::vector<int> each(12);
    for (int i = 0; i < 12; ++i)
        each[static_cast<std::size_t>(i)] = i;
    EXPECT_EQ(received, each); // every page once
    spin(50);
    EXPECT_TRUE(weak.expired()); // nothing holds the reader once the read is over
}

TEST_F(ClientsPageWindow, NeverMorePagesInFlightThanTheBound)
{
    for (int page = 0; page < 10; ++page)
        server.delayMs[page] = 5 + (page * 7) % 20;
    auto reader = read(10, 4);
    waitForResult();
    ASSERT_TRUE(m_result->ok());
    EXPECT_EQ(**m_result, expected(10));
    EXPECT_EQ(reader->mostInFlight, 4);
    EXPECT_LE(server.maxOpen, 4);
    EXPECT_EQ(reader->requested, 10);
}

TEST_F(ClientsPageWindow, ABoundOfOneReadsThePagesOneAfterAnother)
{
    auto reader = read(5, 1);
    waitForResult();
    ASSERT_TRUE(m_result->ok());
    EXPECT_EQ(**m_result, expected(5));
    EXPECT_EQ(reader->mostInFlight, 1);
    EXPECT_EQ(server.received, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST_F(ClientsPageWindow, AnErrorFailsTheReadOnceAndStartsNothingMore)
{
    server.status[2] = 404;
    for (int page = 3; page < 20; ++page)
        server.delayMs[page] = 200;
    std::weak_ptr<Reader> weak;
    {
        auto reader = read(20, 4);
        weak = reader;
        waitForResult();
        ASSERT_FALSE(m_result->ok());
        EXPECT_EQ(m_result->error().httpStatus, 404);
        const int requested = reader->requested;
        EXPECT_LT(requested, 20);
        spin(300);
        EXPECT_EQ(reader->requested, requested); // no page launched after the error
        EXPECT_EQ(reader->answered.back(), 2);   // and no answer delivered after it
        EXPECT_EQ(server.answered, 3);           // the pages still out were aborted
    }
    EXPECT_EQ(m_calls, 1);
    EXPECT_TRUE(weak.expired());
}

TEST_F(ClientsPageWindow, CancelAnswersAtOnceAndStopsEveryPage)
{
    for (int page = 0; page < 8; ++page)
        server.delayMs[page] = 300;
    std::weak_ptr<Reader> weak = read(8, 4);
    waitFor([this] { return server.received.size() >= 4; });
    ASSERT_EQ(server.received.size(), 4u);
    RequestHandle handle(m_call);
    handle.cancel();
    ASSERT_TRUE(m_result.has_value()); // on the owner's thread cancel answers synchronously
    EXPECT_EQ(m_result->error().kind, pb::ErrorKind::Cancelled);
    spin(400);
    EXPECT_EQ(m_calls, 1);
    EXPECT_EQ(server.received.size(), 4u); // nothing started after the cancel
    EXPECT_EQ(server.answered, 0);         // and the four out were aborted
    EXPECT_TRUE(weak.expired());
}

TEST_F(ClientsPageWindow, ADestroyedContextGetsNoCallback)
{
    for (int page = 0; page < 8; ++page)
        server.delayMs[page] = 100;
    auto context = std::make_unique<QObject>();
    std::weak_ptr<Reader> weak = read(8, 4, context.get());
    waitFor([this] { return server.received.size() >= 4; });
    context.reset();
    spin(300);
    EXPECT_EQ(m_calls, 0);
    EXPECT_EQ(server.received.size(), 4u);
    EXPECT_EQ(server.answered, 0);
    EXPECT_TRUE(weak.expired());
}

TEST_F(ClientsPageWindow, StartingAgainMidReadGivesOnlyTheSecondRunsPages)
{
    // Page 0 answers first and starts the window over while pages 1 to 3 of the first run are
    // still out: they are abandoned (and would one still answer, its generation is stale), so
    // the result is the second run's pages, each once, delivered once.
    server.delayMs[0] = 0;
    for (int page = 1; page < 4; ++page)
        server.delayMs[page] = 80;
    auto reader = read(6, 4, nullptr, 0);
    waitForResult();
    ASSERT_TRUE(m_result->ok());
    EXPECT_EQ(**m_result, expected(6));
    EXPECT_EQ(m_calls, 1);
}
