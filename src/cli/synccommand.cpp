// playlist-bridge-cli sync (PLAYLIST_ID|NAME)... | --all [--dry-run] [--json] [--force-rematch]
//                          [--section KEY] [--strict] [--keep-hand-added|--remove-hand-added]
#include "clisession.h"
#include "command.h"
#include "syncrun.h"

#include "pb/sync/syncsettings.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace pb::cli {

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

QString statusName(sync::TrackStatus s)
{
    switch (s) {
    case sync::TrackStatus::Matched: return QStringLiteral("matched");
    case sync::TrackStatus::Missing: return QStringLiteral("missing");
    case sync::TrackStatus::Skipped: return QStringLiteral("skipped");
    case sync::TrackStatus::Pending: return QStringLiteral("pending");
    }
    return {};
}

QString outcomeName(sync::SyncOutcome o)
{
    switch (o) {
    case sync::SyncOutcome::Succeeded: return QStringLiteral("succeeded");
    case sync::SyncOutcome::Failed: return QStringLiteral("failed");
    case sync::SyncOutcome::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QJsonObject report(const SourcePlaylist &p, const sync::SyncJobSnapshot &snap, const sync::SyncResult &r)
{
    QJsonArray tracks;
    for (const sync::TrackOutcome &t : snap.tracks) {
        const bool matched = t.status == sync::TrackStatus::Matched;
        tracks.append(QJsonObject{
            {QStringLiteral("position"), t.position},
            {QStringLiteral("trackId"), t.track.id.isEmpty() ? QJsonValue() : t.track.id},
            {QStringLiteral("spotifyId"),
             t.track.id.isEmpty() || p.source != kSourceSpotify ? QJsonValue() : t.track.id},
            {QStringLiteral("name"), t.track.name},
            {QStringLiteral("artists"), QJsonArray::fromStringList(t.track.artists)},
            {QStringLiteral("status"), statusName(t.status)},
            {QStringLiteral("ratingKey"), matched ? QJsonValue(t.plexTrack.ratingKey) : QJsonValue()},
            {QStringLiteral("confidence"), t.confidence},
            {QStringLiteral("reason"), t.reason}});
    }
    QJsonValue plex = QJsonValue::Null;
    if (!r.dryRun && !r.plexPlaylistRatingKey.isEmpty())
        plex = QJsonObject{{QStringLiteral("ratingKey"), r.plexPlaylistRatingKey},
                           {QStringLiteral("title"), r.plexPlaylistTitle}};
    QJsonObject o{{QStringLiteral("playlist"), QJsonObject{{QStringLiteral("source"), p.source},
                                                           {QStringLiteral("id"), p.id},
                                                           {QStringLiteral("name"), p.name}}},
                  {QStringLiteral("plexPlaylist"), plex},
                  {QStringLiteral("outcome"), outcomeName(r.outcome)},
                  {QStringLiteral("dryRun"), r.dryRun},
                  {QStringLiteral("total"), r.total},
                  {QStringLiteral("matched"), r.matched},
                  {QStringLiteral("missing"), r.missing},
                  {QStringLiteral("skipped"), r.skipped},
                  {QStringLiteral("added"), r.edit.added},
                  {QStringLiteral("removed"), r.edit.removed},
                  {QStringLiteral("moved"), r.edit.moved},
                  {QStringLiteral("created"), r.edit.created},
                  {QStringLiteral("plexPlaylistUnchanged"), r.plexPlaylistUnchanged},
                  {QStringLiteral("message"), r.message},
                  {QStringLiteral("error"), r.error ? QJsonValue(r.error->toString()) : QJsonValue()},
                  {QStringLiteral("tracks"), tracks}};
    return o;
}

/// One line per playlist, redrawn in place on a terminal.
class ProgressBars {
public:
    explicit ProgressBars(const std::vector<SourcePlaylist> &playlists) : m_playlists(playlists)
    {
        m_lines.resize(playlists.size());
    }
    void update(const PlaylistKey &key, const QString &line)
    {
        for (std::size_t i = 0; i < m_playlists.size(); ++i)
            if (m_playlists[i].key() == key)
                m_lines[i] = line;
        draw();
    }
    static QString bar(const sync::SyncProgress &p)
    {
        const int width = 24;
        const int filled = std::clamp(static_cast<int>(p.progress * width), 0, width);
        return QStringLiteral("[%1%2] %3%  %4 (%5 matched, %6 missing)")
            .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('.')))
            .arg(qRound(p.progress * 100), 3)
            .arg(p.currentStep)
            .arg(p.matchedTracks)
            .arg(p.failedTracks);
    }

private:
    void draw()
    {
        QTextStream err(stderr);
        if (m_drawn)
            err << QStringLiteral("\x1b[%1A").arg(m_lines.size());
        for (std::size_t i = 0; i < m_lines.size(); ++i)
            err << QStringLiteral("\x1b[2K%1  %2\n").arg(m_playlists[i].name.left(28), -28).arg(m_lines[i]);
        m_drawn = true;
    }
    std::vector<SourcePlaylist> m_playlists;
    std::vector<QString> m_lines;
    bool m_drawn = false;
};

int runSync(const QStringList &argsIn)
{
    QTextStream out(stdout), err(stderr);
    QStringList args = argsIn;
    auto opts = takeSessionOptions(args);
    if (!opts) {
        err << "sync: " << opts.error().message << '\n';
        return kExitUsage;
    }
    sync::SyncOptions syncOptions;
    bool json = false, all = false, strict = false;
    std::optional<bool> keepHandAdded;
    QStringList wanted;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--all"))
            all = true;
        else if (a == QLatin1String("--dry-run"))
            syncOptions.dryRun = true;
        else if (a == QLatin1String("--force-rematch"))
            syncOptions.forceRematch = true;
        else if (a == QLatin1String("--allow-shrink"))
            syncOptions.allowShrink = true;
        else if (a == QLatin1String("--strict"))
            strict = true;
        else if (a == QLatin1String("--keep-hand-added"))
            keepHandAdded = true;
        else if (a == QLatin1String("--remove-hand-added"))
            keepHandAdded = false;
        else if (a == QLatin1String("--section") && i + 1 < args.size())
            syncOptions.librarySectionKey = args[++i];
        else if (a.startsWith(QLatin1String("--"))) {
            err << "sync: unknown option '" << a << "'\n";
            return kExitUsage;
        } else
            wanted << a;
    }
    if (all == !wanted.isEmpty()) {
        err << "sync: name playlists (by id or name) or use --all\n";
        return kExitUsage;
    }

    opts->needSpotify = false; // imported playlists sync without a Spotify sign-in
    auto session = Session::open(*opts);
    if (!session) {
        err << "sync: " << session.error().message << '\n';
        return exitCodeFor(session.error());
    }
    auto list = (*session)->playlists();
    if (!list) {
        err << "sync: " << list.error().toString() << '\n';
        return exitCodeFor(list.error());
    }
    std::vector<SourcePlaylist> chosen;
    if (all) {
        // Like the app's Sync All: playlists Spotify does not let apps read are left out with a
        // note, so a scheduled `sync --all` does not fail for a followed playlist.
        QString userId;
        if ((*session)->hasSpotify()) {
            auto user = (*session)->spotifyUser();
            if (!user) {
                err << "sync: " << user.error().toString() << '\n';
                return exitCodeFor(user.error());
            }
            userId = user->id;
        }
        QStringList unreadable;
        for (const SourcePlaylist &p : *list) {
            if (appCanReadTracks(p, userId))
                chosen.push_back(p);
            else
                unreadable << p.name;
        }
        if (!unreadable.isEmpty())
            err << "sync: left out " << unreadable.size()
                << (unreadable.size() == 1 ? " playlist" : " playlists")
                << " Spotify does not let apps read (neither yours nor collaborative; make a copy in "
                   "Spotify to sync one): "
                << unreadable.join(QStringLiteral(", ")) << '\n';
    } else {
        for (const QString &w : wanted) {
            // "source:id", a bare id, or a name.
            std::vector<SourcePlaylist> hits;
            const std::optional<PlaylistKey> key = PlaylistKey::fromString(w);
            for (const SourcePlaylist &p : *list)
                if ((key && p.key() == *key) || p.id == w)
                    hits = {p};
            if (hits.empty())
                for (const SourcePlaylist &p : *list)
                    if (p.name.compare(w, Qt::CaseInsensitive) == 0)
                        hits.push_back(p);
            if (hits.empty()) {
                err << "sync: no playlist with id or name '" << w << "'\n";
                return kExitNotFound;
            }
            if (hits.size() > 1) {
                err << "sync: several playlists are named '" << w << "'; use an id:";
                for (const SourcePlaylist &p : hits)
                    err << ' ' << p.key().toString();
                err << '\n';
                return kExitUsage;
            }
            chosen.push_back(hits.front());
        }
    }

    SyncRunOptions run;
    run.options = syncOptions;
    run.json = json;
    run.strict = strict;
    run.keepHandAdded = keepHandAdded;
    return syncPlaylists(**session, chosen, std::move(run));
}

} // namespace

int syncPlaylists(Session &session, const std::vector<SourcePlaylist> &chosen, SyncRunOptions run)
{
    QTextStream out(stdout);
    // The music library chosen at sign-in, unless --section names another.
    if (run.options.librarySectionKey.isEmpty())
        run.options.librarySectionKey = session.sectionKey();
    sync::SyncService service(session.accounts(), session.serviceOptions());
    QObject::connect(&service, &sync::SyncService::spotifyTokensChanged, &service,
                     [&](const clients::SpotifyTokens &t) { session.updateSpotifyTokens(t); });
    const bool bars = !run.json && isatty(fileno(stderr));
    ProgressBars progress(chosen);
    QObject::connect(&service, &sync::SyncRegistry::progressChanged, &service,
                     [&](const PlaylistKey &id, const sync::SyncProgress &p) {
                         if (bars)
                             progress.update(id, ProgressBars::bar(p));
                     });
    std::vector<std::pair<SourcePlaylist, sync::SyncResult>> results;
    QEventLoop loop;
    QObject::connect(&service, &sync::SyncRegistry::syncFinished, &service,
                     [&](const PlaylistKey &id, const sync::SyncResult &r) {
                         for (const SourcePlaylist &p : chosen)
                             if (p.key() == id)
                                 results.emplace_back(p, r);
                         if (bars)
                             progress.update(id, r.message);
                         if (results.size() == chosen.size())
                             loop.quit();
                     });
    // Ctrl-C (or SIGTERM from cron's timeout) cancels cleanly: every Plex playlist ends
    // exactly old or exactly new, and the results are still printed.
    g_interrupted.store(false);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &service, [&] {
        if (g_interrupted.exchange(false))
            service.cancelAll();
    });
    interruptPoll.start(50);
    // The same settings as the app's (its Settings dialog writes them), read now.
    const sync::SyncSettings settings = sync::SyncSettings::load();
    for (const SourcePlaylist &p : chosen) {
        sync::SyncOptions options = settings.optionsFor(p, run.options);
        if (run.keepHandAdded)
            options.keepHandAdded = *run.keepHandAdded;
        service.startSync(p, options);
    }
    if (results.size() < chosen.size())
        loop.exec();

    int code = kExitOk;
    QJsonArray docs;
    for (const auto &[p, r] : results) {
        const auto snap = service.snapshot(p.key()).value_or(sync::SyncJobSnapshot{});
        docs.append(report(p, snap, r));
        if (!run.json && !bars)
            out << p.name << ": " << r.message << '\n';
        if (!run.json) {
            for (const sync::TrackOutcome &t : snap.tracks)
                if (t.status == sync::TrackStatus::Missing)
                    out << "  missing #" << t.position + 1 << ": "
                        << t.track.artists.join(QStringLiteral(", ")) << " – " << t.track.name << " ("
                        << t.reason << ")\n";
        }
        if (r.error && r.error->kind == ErrorKind::ShortRead && !run.json)
            QTextStream(stderr) << p.name << ": run again with --allow-shrink to sync it anyway\n";
        if (r.outcome != sync::SyncOutcome::Succeeded)
            code = r.error && r.error->kind == ErrorKind::AuthRequired ? kExitAuth : kExitFailure;
        else if (run.strict && r.missing > 0 && code == kExitOk)
            code = kExitPartial;
    }
    if (run.json) {
        QJsonObject doc{{QStringLiteral("playlists"), docs}};
        if (!run.imported.isEmpty())
            doc.insert(QStringLiteral("imported"), run.imported);
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    }
    return code;
}

Command syncCommand()
{
    return {"sync", "Sync playlists into Plex: sync (ID|NAME)... | --all [--dry-run] [--json]", &runSync};
}

} // namespace pb::cli
