#include "pb/fakes/faultinjector.h"

#include "fakehttp.h"

#include <nlohmann/json.hpp>

#include <limits>

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

namespace {

// An integer field within [min, max] (max >= 0), `def` when absent; nullopt when it is not an
// integer or out of range (a float such as 1e30 must not be converted: that is undefined).
std::optional<qint64> integerField(const nlohmann::json &e, const char *key, qint64 def, qint64 min,
                                   qint64 max)
{
    if (!e.contains(key))
        return def;
    const nlohmann::json &v = e[key];
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        return u <= static_cast<std::uint64_t>(max) ? std::optional<qint64>(static_cast<qint64>(u))
                                                    : std::nullopt;
    }
    if (!v.is_number_integer())
        return std::nullopt;
    const auto n = v.get<qint64>();
    return n >= min && n <= max ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

pb::Result<std::vector<Fault>> parseFaults(const QByteArray &json)
{
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
            const auto status = integerField(e, "status", f.status, 100, 599);
            if (!status || !isWritableStatus(static_cast<int>(*status)))
                return pb::Error::make(ErrorKind::InvalidInput,
                                       where +
                                           QStringLiteral(".status is not an HTTP status the fake can send"));
            f.status = static_cast<int>(*status);
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
            const auto delay = integerField(e, "delayMs", 0, 0, 3600 * 1000);
            if (!delay)
                return pb::Error::make(ErrorKind::InvalidInput,
                                       where + QStringLiteral(".delayMs must be 0 to 3600000 milliseconds"));
            f.delay = std::chrono::milliseconds(*delay);
            const auto count = integerField(e, "count", 1, -1, std::numeric_limits<int>::max());
            if (!count)
                return pb::Error::make(ErrorKind::InvalidInput,
                                       where +
                                           QStringLiteral(".count must be a whole number, -1 for forever"));
            f.count = static_cast<int>(*count);
            const auto skip = integerField(e, "skip", 0, 0, std::numeric_limits<int>::max());
            if (!skip)
                return pb::Error::make(ErrorKind::InvalidInput,
                                       where + QStringLiteral(".skip must be a whole number from 0"));
            f.skip = static_cast<int>(*skip);
            f.probability = e.value("probability", 1.0);
            if (!(f.probability >= 0.0 && f.probability <= 1.0))
                return pb::Error::make(ErrorKind::InvalidInput,
                                       where + QStringLiteral(".probability must be from 0 to 1"));
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
