#include "httplistener.h"

#include <QHttpServerRequest>
#include <QTimer>

namespace pb::fakes {

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("UNKNOWN");
    }
}

QHttpServerResponder::StatusCode toStatus(int status)
{
    return static_cast<QHttpServerResponder::StatusCode>(isWritableStatus(status) ? status : 500);
}

} // namespace

HttpListener::HttpListener(Service service, Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_service(service), m_handler(std::move(handler))
{}

HttpListener::~HttpListener() = default;

quint16 HttpListener::listenLoopback(quint16 port)
{
    m_port = listen(QHostAddress::LocalHost, port);
    return m_port;
}

QUrl HttpListener::baseUrl() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    return u;
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    FakeRequest r;
    r.service = m_service;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path();
    r.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    r.params = parseParams(r.rawQuery);
    for (const auto &h : request.headers())
        r.headers.insert(h.first.toLower(), h.second);
    r.body = request.body();
    r.baseUrl = baseUrl();
    const QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    r.requestLineLength = static_cast<int>(r.method.size() + 1 + target.size() + 9);

    // Without TCP_NODELAY a body that ends in a small segment waits for the client's delayed
    // ACK (about 40 ms on Linux loopback), which would distort every benchmark.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto pending = std::make_shared<PendingAnswer>();
    pending->responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    pending->socket = socket;
    pending->head = request.method() == QHttpServerRequest::Method::Head;
    m_handler(std::move(r), std::move(pending));
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Never reached: handleRequest() takes every request. Answer 404 to be safe.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

void HttpListener::answer(const std::shared_ptr<PendingAnswer> &pending, FakeReply reply, Delivery delivery,
                          std::chrono::milliseconds delay)
{
    if (delivery == Delivery::Never) {
        m_parked.push_back(pending);
        return;
    }
    if (delay.count() <= 0) {
        write(*pending, reply, delivery);
        return;
    }
    QTimer::singleShot(delay, this, [this, pending, reply = std::move(reply), delivery] {
        write(*pending, reply, delivery);
    });
}

void HttpListener::write(PendingAnswer &pending, const FakeReply &reply, Delivery delivery)
{
    QTcpSocket *socket = pending.socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState || !pending.responder)
        return;
    QHttpServerResponder &resp = *pending.responder;
    QByteArray body = reply.body;
    if (delivery == Delivery::Truncated)
        body.truncate(body.size() / 2);
    resp.writeStatusLine(toStatus(reply.status));
    if (!reply.contentType.isEmpty())
        resp.writeHeader("Content-Type", reply.contentType);
    for (const auto &h : reply.headers)
        resp.writeHeader(h.first, h.second);
    // A reset announces the full length, then stops halfway: the client sees a short body.
    resp.writeHeader("Content-Length",
                     QByteArray::number(delivery == Delivery::Reset ? reply.body.size() : body.size()));
    if (delivery == Delivery::Reset) {
        resp.writeBody(body.left(body.size() / 2));
        socket->flush();
        socket->abort();
    } else {
        resp.writeBody(pending.head ? QByteArray() : body);
    }
    pending.responder.reset();
}

} // namespace pb::fakes
