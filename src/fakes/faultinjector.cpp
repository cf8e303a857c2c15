#include "pb/fakes/faultinjector.h"

#include <nlohmann/json.hpp>

namespace pb::fakes {

QString serviceName(Service service)
{
    switch (service) {
    case Service::SpotifyAccounts: return QStringLiteral("spotify-accounts");
    case Service::SpotifyApi: return QStringLiteral("spotify-api");
    case Service::PlexTv: return QStringLiteral("plex-tv");
    case Service::PlexServer: return QStringLiteral("plex-server");
    }
    return QStringLiteral("unknown");
}

Fault Fault::httpStatus(int status, QString pathPattern, int count, QByteArray body)
{
    Fault f;
    f.kind = FaultKind::Status;
    f.status = status;
    f.pathPattern = std::move(pathPattern);
    f.count = count;
    f.body = body.isEmpty() ? QByteArray("{\"error\":{\"status\":") + QByteArray::number(status) +
                                  ",\"message\":\"Server error\"}}"
                            : std::move(body);
    return f;
}

Fault Fault::spotifyRateLimit(int retryAfterSeconds, QString pathPattern, int count, bool quota)
{
    Fault f;
    f.kind = FaultKind::Status;
    f.status = 429;
    f.pathPattern = std::move(pathPattern);
    f.count = count;
    f.body = quota
                 ? QByteArray(
                       R"({"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}})")
                 : QByteArray(R"({"error":{"status":429,"message":"API rate limit exceeded"}})");
    f.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
    return f;
}

Fault Fault::withKind(FaultKind kind, QString pathPattern, int count)
{
    Fault f;
    f.kind = kind;
    f.pathPattern = std::move(pathPattern);
    f.count = count;
    if (kind == FaultKind::Html)
        f.status = 200;
    return f;
}

Fault Fault::delayed(std::chrono::milliseconds delay, QString pathPattern, int count)
{
    Fault f = withKind(FaultKind::Delay, std::move(pathPattern), count);
    f.delay = delay;
    return f;
}

pb::Result<std::vector<Fault>> parseFaults(const QByteArray &json)
{
    using Json = nlohmann::json;
    const Json doc = Json::parse(json.constBegin(), json.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_array())
        return pb::Error::make(ErrorKind::Parse, QStringLiteral("faults file: not a JSON array"));
    std::vector<Fault> out;
    for (size_t i = 0; i < doc.size(); ++i) {
        const Json &e = doc[i];
        const QString where = QStringLiteral("faults[%1]").arg(i);
        if (!e.is_object())
            return pb::Error::make(ErrorKind::InvalidInput, where + QStringLiteral(" must be an object"));
        try {
            Fault f;
            const std::string kind = e.value("kind", std::string("status"));
            static const std::pair<const char *, FaultKind> kinds[] = {
                {"status", FaultKind::Status}, {"delay", FaultKind::Delay},
                {"reset", FaultKind::Reset},   {"malformed", FaultKind::Malformed},
                {"html", FaultKind::Html},     {"timeout", FaultKind::Timeout}};
            bool known = false;
            for (const auto &k : kinds) {
                if (kind == k.first) {
                    f.kind = k.second;
                    known = true;
                }
            }
            if (!known)
                return pb::Error::make(ErrorKind::InvalidInput, where + QStringLiteral(".kind is unknown"));
            if (f.kind == FaultKind::Html)
                f.status = 200;
            f.method = QString::fromStdString(e.value("method", std::string()));
            f.pathPattern = QString::fromStdString(e.value("path", std::string(".*")));
            if (e.contains("service")) {
                const QString s = QString::fromStdString(e["service"].get<std::string>());
                for (Service sv :
                     {Service::SpotifyAccounts, Service::SpotifyApi, Service::PlexTv, Service::PlexServer}) {
                    if (serviceName(sv) == s)
                        f.service = sv;
                }
                if (!f.service)
                    return pb::Error::make(ErrorKind::InvalidInput,
                                           where + QStringLiteral(".service is unknown"));
            }
            f.status = e.value("status", f.status);
            if (e.contains("body"))
                f.body = QByteArray::fromStdString(e["body"].is_string() ? e["body"].get<std::string>()
                                                                         : e["body"].dump());
            f.contentType =
                QByteArray::fromStdString(e.value("contentType", std::string("application/json")));
            if (e.contains("headers") && e["headers"].is_object()) {
                for (auto it = e["headers"].begin(); it != e["headers"].end(); ++it)
                    f.headers.append({QByteArray::fromStdString(it.key()),
                                      QByteArray::fromStdString(it.value().get<std::string>())});
            }
            f.delay = std::chrono::milliseconds(e.value("delayMs", 0));
            f.count = e.value("count", 1);
            f.skip = e.value("skip", 0);
            f.probability = e.value("probability", 1.0);
            if (!QRegularExpression(f.pathPattern).isValid())
                return pb::Error::make(ErrorKind::InvalidInput,
                                       where + QStringLiteral(".path is not a valid pattern"));
            out.push_back(std::move(f));
        } catch (const Json::exception &) {
            return pb::Error::make(ErrorKind::InvalidInput,
                                   where + QStringLiteral(" has a field of the wrong type"));
        }
    }
    return out;
}

FaultInjector::FaultInjector(quint32 seed) : m_rng(seed) {}

bool FaultInjector::add(Fault fault)
{
    QRegularExpression re(fault.pathPattern);
    if (!re.isValid())
        return false;
    std::lock_guard lock(m_mutex);
    m_entries.push_back(Entry{std::move(fault), std::move(re), 0, 0});
    return true;
}

void FaultInjector::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}

int FaultInjector::pending() const
{
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (const Entry &e : m_entries)
        n += (e.fault.count < 0 || e.fired < e.fault.count) ? 1 : 0;
    return n;
}

void FaultInjector::reseed(quint32 seed)
{
    std::lock_guard lock(m_mutex);
    m_rng.seed(seed);
}

std::optional<Fault> FaultInjector::take(Service service, const QString &method, const QString &path)
{
    std::lock_guard lock(m_mutex);
    for (Entry &e : m_entries) {
        const Fault &f = e.fault;
        if (f.count >= 0 && e.fired >= f.count)
            continue;
        if (f.service && *f.service != service)
            continue;
        if (!f.method.isEmpty() && f.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (!e.regex.match(path).hasMatch())
            continue;
        if (e.seen++ < f.skip)
            continue;
        if (f.probability < 1.0) {
            std::uniform_real_distribution<double> dist(0.0, 1.0);
            if (dist(m_rng) >= f.probability)
                continue;
        }
        ++e.fired;
        return f;
    }
    return std::nullopt;
}

} // namespace pb::fakes
