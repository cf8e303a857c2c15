#pragma once

// One loopback listener on Qt HttpServer's QAbstractHttpServer. Qt parses HTTP; this class
// copies each request into a FakeRequest, hands it to a callback, and writes the FakeReply
// later or now, whole, truncated, or with the connection reset mid-body.
#include "fakehttp.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <vector>

namespace pb::fakes {

/// How a reply reaches the client.
enum class Delivery {
    Normal,
    Reset,     ///< headers and half the body, then the connection is aborted
    Truncated, ///< the body cut in half, with a matching Content-Length (malformed payload)
    Never      ///< the request is parked and never answered
};

class HttpListener;

/// A parked answer: the responder and the socket it writes to. Owned by the listener.
struct PendingAnswer {
    std::unique_ptr<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    bool head = false;
};

class HttpListener : public QAbstractHttpServer {
    Q_OBJECT
public:
    /// Called for every request; it must eventually call answer() with the token it got.
    using Handler = std::function<void(FakeRequest, std::shared_ptr<PendingAnswer>)>;

    HttpListener(Service service, Handler handler, QObject *parent = nullptr);
    ~HttpListener() override;

    /// Listens on 127.0.0.1:port (0 = any); returns the bound port or 0.
    quint16 listenLoopback(quint16 port);
    QUrl baseUrl() const;
    /// Replaces the request callback (before listening: lets the callback know its listener).
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    /// Writes `reply` after `delay` (0 = now) in the given way. Safe if the client went away.
    void answer(const std::shared_ptr<PendingAnswer> &pending, FakeReply reply, Delivery delivery,
                std::chrono::milliseconds delay);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(PendingAnswer &pending, const FakeReply &reply, Delivery delivery);

    Service m_service;
    Handler m_handler;
    quint16 m_port = 0;
    std::vector<std::shared_ptr<PendingAnswer>> m_parked;
};

} // namespace pb::fakes
