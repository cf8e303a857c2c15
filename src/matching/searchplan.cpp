// The search side of the engine: which Plex queries to issue, the early-exit rule, the
// whole-playlist API and its statistics. Scoring lives in matchingengine.cpp.
#include "pb/matching/matchingengine.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace pb::matching {

bool MatchingEngine::isConfident(const MatchResult &result) const
{
    return result.accepted() && result.confidence >= m_config.confidentThreshold;
}

std::vector<SearchQuery> MatchingEngine::searchPlan(const SourceTrack &track) const
{
    std::vector<SearchQuery> plan;
    auto add = [&](const QString &title, const QString &artist, bool exact) {
        SearchQuery q{title.simplified(), artist.simplified(), {}, exact};
        if (q.title.isEmpty() || std::find(plan.begin(), plan.end(), q) != plan.end())
            return;
        plan.push_back(std::move(q));
    };
    const ParsedTitle parsed = parseTitle(track.name);
    const QString base = parsed.base;
    // Substring searches everywhere (they also find "Title (Remastered)" and "Title [Live]", which
    // the scorer then judges), except one exact query first for very short titles: a substring
    // search for "One" or "7" returns hundreds of tracks and the limit may cut the right one off.
    const bool shortTitle = normalizeText(base).remove(QLatin1Char(' ')).size() <= 4;
    const bool exact = false;
    // Plex's artist filter is a substring match: "Beatles" finds "The Beatles" as well.
    auto artistForQuery = [](QString a) {
        a = a.trimmed();
        if (a.startsWith(QLatin1String("The "), Qt::CaseInsensitive) && a.size() > 4)
            a.remove(0, 4);
        return a;
    };
    QStringList artists;
    for (const QString &a : track.artists)
        if (!a.trimmed().isEmpty() && !isVariousArtists(a) && artists.size() < 2)
            artists << artistForQuery(a);

    static const QRegularExpression apostrophes(QStringLiteral("['\u2019\u2018`\u00B4]"));
    QString swapped = base;
    if (base.contains(QLatin1Char('\'')))
        swapped.replace(QLatin1Char('\''), QChar(0x2019));
    else
        swapped.replace(apostrophes, QStringLiteral("'"));
    static const QRegularExpression brackets(QStringLiteral("\\s*[\\(\\[\\{][^\\)\\]\\}]*[\\)\\]\\}]"));
    const QString core = QString(base).remove(brackets).simplified();

    if (!artists.isEmpty()) {
        if (shortTitle)
            add(base, artists.first(), true);
        add(base, artists.first(), exact);
        if (swapped != base)
            add(swapped, artists.first(), false);
        for (qsizetype i = 1; i < artists.size(); ++i)
            add(base, artists.at(i), exact);
        if (!core.isEmpty() && core != base)
            add(core, artists.first(), false);
    }
    // Classical "Work: I. Movement": libraries often title the movement only.
    const qsizetype colon = base.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && !artists.isEmpty()) {
        static const QRegularExpression numeral(QStringLiteral("^\\s*[IVXivx]+\\.\\s*"));
        const QString movement = base.mid(colon + 1).remove(numeral).simplified();
        if (movement.size() >= 8)
            add(movement, artists.last(), false);
    }
    // Title only: compilations, artists spelled differently or in another script.
    add(base, {}, exact);
    if (swapped != base)
        add(swapped, {}, false);
    // Last resort, reached only when nothing above was confident: the artist's tracks, for titles
    // the library writes in another script or translation ("紅蓮華" / "Gurenge").
    if (!artists.isEmpty()) {
        SearchQuery q{{}, artists.first().simplified(), {}, false};
        if (std::find(plan.begin(), plan.end(), q) == plan.end())
            plan.push_back(std::move(q));
    }
    return plan;
}

Result<TrackMatch> MatchingEngine::matchTrack(const SourceTrack &track,
                                              const CandidateProvider &provider) const
{
    TrackMatch out;
    out.track = track;
    const PreparedSpotify prepared = prepare(track);
    std::vector<PreparedPlex> pool;
    QSet<QString> seen;
    for (const SearchQuery &q : searchPlan(track)) {
        Result<std::vector<PlexTrack>> found = provider(q);
        ++out.queriesIssued;
        if (!found)
            return found.error();
        bool added = false;
        for (PlexTrack &t : found.value()) {
            if (seen.contains(t.ratingKey))
                continue;
            seen.insert(t.ratingKey);
            pool.push_back(prepare(t));
            added = true;
        }
        if (added) {
            out.result = match(prepared, pool);
            if (isConfident(out.result))
                break; // the early-exit rule
        }
    }
    if (pool.empty())
        out.result = match(prepared, pool);
    return out;
}

Result<std::vector<TrackMatch>> MatchingEngine::matchPlaylistTracks(const std::vector<SourceTrack> &tracks,
                                                                    const CandidateProvider &provider) const
{
    std::vector<TrackMatch> out;
    out.reserve(tracks.size());
    for (size_t i = 0; i < tracks.size(); ++i) {
        Result<TrackMatch> m = matchTrack(tracks[i], provider);
        if (!m)
            return m.error();
        m.value().position = static_cast<int>(i);
        out.push_back(std::move(m).value());
    }
    return out;
}

QString MatchingEngine::generateDownloadQuery(const SourceTrack &track)
{
    const ParsedTitle parsed = parseTitle(track.name);
    QStringList words;
    if (!track.artists.isEmpty() && !isVariousArtists(track.artists.first()))
        words << track.artists.first();
    words << parsed.base;
    // Keep what makes it a different recording ("Live", "Fedde le Grand Remix"); drop the rest.
    if (parsed.version.differentRecording() != 0)
        for (const QString &d : parsed.version.descriptors) {
            const VersionInfo v = parseTitle(QStringLiteral("x (%1)").arg(d)).version;
            if (v.differentRecording() != 0)
                words << d;
        }
    QString q = words.join(QLatin1Char(' '));
    static const QRegularExpression noise(
        QStringLiteral("[\"\u201C\u201D\\(\\)\\[\\]\\{\\}]|\\.{2,}|\\s-\\s"));
    q.replace(noise, QStringLiteral(" "));
    return q.simplified();
}

MatchStatistics MatchingEngine::getMatchStatistics(const std::vector<TrackMatch> &matches)
{
    MatchStatistics st;
    st.total = static_cast<int>(matches.size());
    double sum = 0;
    for (const TrackMatch &m : matches) {
        const MatchResult &r = m.result;
        if (r.accepted()) {
            ++st.matched;
            sum += r.confidence;
        }
        const int bucket = std::clamp(static_cast<int>(std::floor(r.confidence * 10)), 0, 9);
        ++st.confidenceHistogram[static_cast<size_t>(bucket)];
        QString category = r.accepted() ? QStringLiteral("accepted") : r.reason;
        const qsizetype cut = category.indexOf(QRegularExpression(QStringLiteral("[,(]")));
        if (cut > 0)
            category.truncate(cut);
        st.reasons[category.trimmed()] += 1;
    }
    st.unmatched = st.total - st.matched;
    st.matchRate = st.total > 0 ? static_cast<double>(st.matched) / st.total : 0;
    st.averageConfidence = st.matched > 0 ? sum / st.matched : 0;
    return st;
}

} // namespace pb::matching
