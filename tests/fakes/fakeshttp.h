#pragma once

// A tiny synchronous HTTP helper for the fakes' tests: real requests through
// QNetworkAccessManager, waited for in a local event loop.
#include "pb/fakes/fakeservices.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <optional>

namespace pb::fakes::test {

using Json = nlohmann::json;

struct Response {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    Json json() const
    {
        Json j = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        return j;
    }
};

struct Call {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int waitMs = 10000; ///< hang protection only, never a timing assertion
    bool followRedirects = false;
};

inline Response send(QNetworkAccessManager &nam, const Call &call)
{
    QNetworkRequest req(call.url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, call.followRedirects
                                                                   ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                                   : QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : call.headers)
        req.setRawHeader(h.first, h.second);
    // QNetworkAccessManager only knows a HEAD has no body when it is sent with head().
    QNetworkReply *reply =
        call.method == "HEAD" ? nam.head(req) : nam.sendCustomRequest(req, call.method, call.body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(call.waitMs, &loop, &QEventLoop::quit);
    loop.exec();
    Response r;
    r.finished = reply->isFinished();
    if (!r.finished)
        reply->abort();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.contentType = reply->rawHeader("Content-Type");
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

inline QUrl at(const QUrl &base, const QString &pathAndQuery)
{
    return QUrl(base.toString(QUrl::StripTrailingSlash) + pathAndQuery);
}

} // namespace pb::fakes::test
