#include "pb/clients/spotifytokenvault.h"

#include "callstate.h"

#include "pb/clients/secretstore.h"
#include "pb/core/filelock.h"
#include "pb/core/logging.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#include <optional>

namespace pb::clients {

namespace {

QString refreshKey()
{
    return QString::fromLatin1(kSecretSpotifyRefreshToken);
}

/// One refresh under the vault's lock: wait for the lock, read the stored token, refresh, store
/// the new token, release. Lives on the endpoint's thread, as the endpoint's child (so it dies
/// with the client, releasing the lock).
class RefreshTurn final : public QObject {
public:
    RefreshTurn(SpotifyTokenVault::Options options, SpotifyTokenEndpoint *endpoint, QString current,
                std::shared_ptr<detail::Call<SpotifyTokens>> call)
        : QObject(endpoint), m_options(std::move(options)), m_endpoint(endpoint),
          m_current(std::move(current)), m_call(std::move(call)), m_lock(m_options.lockPath)
    {
        m_poll.setSingleShot(true);
        connect(&m_poll, &QTimer::timeout, this, &RefreshTurn::tryLock);
    }

    void start()
    {
        m_waiting.start();
        const QPointer<RefreshTurn> self(this);
        // Cancelled while waiting: give up the turn. Once the request is out, its answer is
        // still stored (the old token is spent whatever the caller wants now).
        m_call->addAbortHook([self] {
            if (self && !self->m_posted)
                self->end(std::nullopt);
        });
        tryLock();
    }

private:
    void tryLock()
    {
        if (m_ended || m_call->isDone())
            return end(std::nullopt);
        const FileLock::State state = m_lock.tryLock();
        if (state == FileLock::State::Unavailable)
            log::auth()->warn("cannot take the Spotify token lock ({}): refreshing without it",
                              log::str(m_lock.errorString()));
        if (state != FileLock::State::Busy)
            return readStored();
        if (m_waiting.elapsed() >= m_options.maxWait.count())
            return end(
                Error::make(ErrorKind::Timeout,
                            QStringLiteral("Another Playlist Bridge program has been renewing the Spotify "
                                           "sign-in for over %1 s; try again.")
                                .arg(m_options.maxWait.count() / 1000)));
        m_poll.start(m_options.pollInterval);
    }

    void readStored()
    {
        m_store = m_options.makeStore ? m_options.makeStore() : createSystemSecretStore();
        m_store->read(refreshKey(), this, [this](Result<std::optional<QString>> r) {
            if (!r.ok())
                log::auth()->warn("could not read the saved Spotify sign-in: {}",
                                  log::str(r.error().toString()));
            const std::optional<QString> stored = r.ok() ? *r : std::nullopt;
            if (!stored || stored->isEmpty())
                return post(m_current); // nothing saved (or unreadable): nothing to keep in step
            m_keepStored = true;
            if (*stored != m_current)
                log::auth()->info("the saved Spotify sign-in was renewed elsewhere meanwhile: using it");
            post(*stored);
        });
    }

    void post(const QString &refreshToken)
    {
        m_used = refreshToken;
        m_posted = true;
        m_endpoint->refresh(refreshToken, this, [this](Result<SpotifyTokens> r) { answered(std::move(r)); });
    }

    void answered(Result<SpotifyTokens> r)
    {
        if (r.ok()) {
            if (!m_keepStored)
                return end(std::move(r));
            const SpotifyTokens tokens = *r;
            m_store->write(refreshKey(), tokens.refreshToken, this, [this, tokens](Status saved) {
                if (!saved.ok())
                    log::auth()->warn("could not save Spotify's new refresh token: {}",
                                      log::str(saved.error().toString()));
                end(tokens);
            });
            return;
        }
        const bool refused =
            r.error().kind == ErrorKind::AuthRequired && r.error().code == QLatin1String("invalid_grant");
        if (!refused || m_reread)
            return end(std::move(r));
        // Refused: maybe a sign-in elsewhere replaced the token without taking the lock. Read
        // it once more before anyone is told to reconnect.
        m_reread = true;
        const Error refusal = r.error();
        m_store->read(refreshKey(), this, [this, refusal](Result<std::optional<QString>> again) {
            if (again.ok() && *again && !(*again)->isEmpty() && **again != m_used) {
                log::auth()->info("Spotify refused the refresh token, but a newer one is saved: trying it");
                m_keepStored = true;
                return post(**again);
            }
            end(refusal);
        });
    }

    /// Releases the lock, then delivers `result` (none: the call was cancelled or abandoned).
    void end(std::optional<Result<SpotifyTokens>> result)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_poll.stop();
        m_lock.unlock();
        if (result)
            m_call->complete(std::move(*result));
        deleteLater();
    }

    SpotifyTokenVault::Options m_options;
    SpotifyTokenEndpoint *m_endpoint;
    QString m_current;
    QString m_used;
    std::shared_ptr<detail::Call<SpotifyTokens>> m_call;
    std::unique_ptr<SecretStore> m_store;
    QTimer m_poll;
    QElapsedTimer m_waiting;
    FileLock m_lock; ///< released with the turn at the latest
    bool m_posted = false;
    bool m_keepStored = false; ///< a token was stored: store its successor
    bool m_reread = false;
    bool m_ended = false;
};

} // namespace

SpotifyTokenVault::SpotifyTokenVault() : SpotifyTokenVault(Options{}) {}

SpotifyTokenVault::SpotifyTokenVault(Options options) : m_options(std::move(options))
{
    if (m_options.lockPath.isEmpty())
        m_options.lockPath = defaultLockPath();
}

QString SpotifyTokenVault::defaultLockPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/spotify-token.lock");
}

RequestHandle SpotifyTokenVault::refresh(SpotifyTokenEndpoint *endpoint, const QString &current,
                                         QObject *context, Callback<SpotifyTokens> done) const
{
    auto call = detail::makeCall<SpotifyTokens>(endpoint, context, std::move(done));
    auto *turn = new RefreshTurn(m_options, endpoint, current, call);
    // Started in the next event-loop turn: the callback never runs inside this call.
    QMetaObject::invokeMethod(
        turn, [turn] { turn->start(); }, Qt::QueuedConnection);
    return RequestHandle(call);
}

} // namespace pb::clients
