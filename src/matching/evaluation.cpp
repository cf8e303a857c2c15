#include "pb/matching/evaluation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace pb::matching {
namespace {

Error parseError(const QString &what)
{
    return Error::make(ErrorKind::Parse, QStringLiteral("corpus: ") + what);
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

double ratio(int num, int den, double ifEmpty)
{
    return den > 0 ? static_cast<double>(num) / den : ifEmpty;
}

QString pct(double v, int decimals = 1)
{
    return QStringLiteral("%1%").arg(v * 100.0, 0, 'f', decimals);
}

} // namespace

double CategoryScore::precision() const
{
    return ratio(truePositives, truePositives + wrongAccepts, 1.0);
}

double CategoryScore::recall() const
{
    return ratio(truePositives, positives, 1.0);
}

double CategoryScore::falseMatchRate() const
{
    return ratio(wrongAccepts, cases, 0.0);
}

Result<std::vector<CorpusCase>> loadCorpus(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Storage,
                           QStringLiteral("cannot read corpus %1: %2").arg(path, file.errorString()));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &err);
    if (doc.isNull())
        return parseError(err.errorString());
    if (!doc.isObject() || !doc.object().value(QStringLiteral("cases")).isArray())
        return parseError(QStringLiteral("expected an object with a \"cases\" array"));
    std::vector<CorpusCase> out;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("cases")).toArray()) {
        if (!v.isObject())
            return parseError(QStringLiteral("a case is not an object"));
        const QJsonObject o = v.toObject();
        CorpusCase c;
        c.id = o.value(QStringLiteral("id")).toString();
        c.category = o.value(QStringLiteral("category")).toString();
        c.provenance = o.value(QStringLiteral("provenance")).toString();
        c.note = o.value(QStringLiteral("note")).toString();
        if (c.id.isEmpty() || c.category.isEmpty())
            return parseError(QStringLiteral("a case has no id or category"));
        const QJsonObject s = o.value(QStringLiteral("spotify")).toObject();
        c.track.id = c.id;
        c.track.name = s.value(QStringLiteral("name")).toString();
        c.track.artists = stringList(s.value(QStringLiteral("artists")));
        c.track.album = s.value(QStringLiteral("album")).toString();
        c.track.durationMs = s.value(QStringLiteral("durationMs")).toInteger();
        c.track.isrc = s.value(QStringLiteral("isrc")).toString();
        for (const QJsonValue &pv : o.value(QStringLiteral("candidates")).toArray()) {
            const QJsonObject p = pv.toObject();
            PlexTrack t;
            t.ratingKey = p.value(QStringLiteral("ratingKey")).toString();
            t.title = p.value(QStringLiteral("title")).toString();
            t.grandparentTitle = p.value(QStringLiteral("grandparentTitle")).toString();
            t.originalTitle = p.value(QStringLiteral("originalTitle")).toString();
            t.parentTitle = p.value(QStringLiteral("parentTitle")).toString();
            t.durationMs = p.value(QStringLiteral("durationMs")).toInteger();
            t.guids = stringList(p.value(QStringLiteral("guids")));
            if (t.ratingKey.isEmpty())
                return parseError(QStringLiteral("case %1: a candidate has no ratingKey").arg(c.id));
            c.candidates.push_back(std::move(t));
        }
        c.expected = stringList(o.value(QStringLiteral("expected")));
        out.push_back(std::move(c));
    }
    return out;
}

Evaluation evaluate(const std::vector<CorpusCase> &corpus, const QString &matcherName,
                    const CaseMatcher &matcher, const std::function<QString(const CorpusCase &)> &explain)
{
    Evaluation ev;
    ev.matcherName = matcherName;
    ev.overall.category = QStringLiteral("ALL");
    QMap<QString, CategoryScore> byCategory;
    for (const CorpusCase &c : corpus) {
        const std::optional<QString> got = matcher(c);
        CategoryScore &cat = byCategory[c.category];
        cat.category = c.category;
        for (CategoryScore *s : {&cat, &ev.overall}) {
            ++s->cases;
            if (c.expected.isEmpty())
                ++s->negatives;
            else
                ++s->positives;
        }
        bool right = false;
        if (got) {
            if (c.expected.contains(*got)) {
                right = true;
                ++cat.truePositives;
                ++ev.overall.truePositives;
            } else {
                ++cat.wrongAccepts;
                ++ev.overall.wrongAccepts;
                if (!c.expected.isEmpty()) {
                    ++cat.missed;
                    ++ev.overall.missed;
                }
            }
        } else if (c.expected.isEmpty()) {
            right = true;
        } else {
            ++cat.missed;
            ++ev.overall.missed;
        }
        if (right) {
            ++cat.correct;
            ++ev.overall.correct;
        } else {
            ev.misses.push_back(EvaluationMiss{c.id, c.category, got.value_or(QString()), c.expected,
                                               explain ? explain(c) : QString()});
        }
    }
    for (const CategoryScore &s : byCategory)
        ev.perCategory.push_back(s);
    return ev;
}

Evaluation evaluateEngine(const std::vector<CorpusCase> &corpus, const MatchingEngine &engine,
                          const QString &matcherName)
{
    return evaluate(
        corpus, matcherName,
        [&](const CorpusCase &c) -> std::optional<QString> {
            const MatchResult r = engine.match(c.track, c.candidates);
            return r.accepted() ? std::optional<QString>(r.best->ratingKey) : std::nullopt;
        },
        [&](const CorpusCase &c) { return engine.match(c.track, c.candidates).reason; });
}

QString formatComparison(const Evaluation &ours, const Evaluation *baseline)
{
    QMap<QString, const CategoryScore *> base;
    if (baseline) {
        for (const CategoryScore &s : baseline->perCategory)
            base.insert(s.category, &s);
        base.insert(QStringLiteral("ALL"), &baseline->overall);
    }
    QString out;
    out += QStringLiteral("%1 %2 %3 %4 %5 %6")
               .arg(QStringLiteral("category"), -24)
               .arg(QStringLiteral("cases"), 5)
               .arg(QStringLiteral("pos"), 4)
               .arg(QStringLiteral("precision"), 9)
               .arg(QStringLiteral("recall"), 7)
               .arg(QStringLiteral("false-match"), 11);
    if (baseline)
        out += QStringLiteral(" | %1: %2 %3 %4")
                   .arg(baseline->matcherName)
                   .arg(QStringLiteral("precision"), 9)
                   .arg(QStringLiteral("recall"), 7)
                   .arg(QStringLiteral("false-match"), 11);
    out += QLatin1Char('\n');
    std::vector<const CategoryScore *> rows;
    for (const CategoryScore &s : ours.perCategory)
        rows.push_back(&s);
    rows.push_back(&ours.overall);
    for (const CategoryScore *s : rows) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(s->category, -24)
                   .arg(s->cases, 5)
                   .arg(s->positives, 4)
                   .arg(pct(s->precision()), 9)
                   .arg(pct(s->recall()), 7)
                   .arg(pct(s->falseMatchRate(), 2), 11);
        if (const CategoryScore *b = base.value(s->category, nullptr))
            out += QStringLiteral(" | %1  %2 %3 %4")
                       .arg(QString(), baseline->matcherName.size())
                       .arg(pct(b->precision()), 9)
                       .arg(pct(b->recall()), 7)
                       .arg(pct(b->falseMatchRate(), 2), 11);
        out += QLatin1Char('\n');
    }
    return out;
}

QString formatMisses(const Evaluation &evaluation)
{
    QString out;
    for (const EvaluationMiss &m : evaluation.misses)
        out += QStringLiteral("%1 [%2]: accepted %3, expected %4%5\n")
                   .arg(m.id, m.category, m.accepted.isEmpty() ? QStringLiteral("none") : m.accepted,
                        m.expected.isEmpty() ? QStringLiteral("none") : m.expected.join(QLatin1Char('|')),
                        m.detail.isEmpty() ? QString() : QStringLiteral(" - ") + m.detail);
    return out;
}

namespace {

QJsonObject scoreJson(const CategoryScore &s)
{
    return QJsonObject{{QStringLiteral("category"), s.category},
                       {QStringLiteral("cases"), s.cases},
                       {QStringLiteral("positives"), s.positives},
                       {QStringLiteral("negatives"), s.negatives},
                       {QStringLiteral("truePositives"), s.truePositives},
                       {QStringLiteral("wrongAccepts"), s.wrongAccepts},
                       {QStringLiteral("missed"), s.missed},
                       {QStringLiteral("precision"), s.precision()},
                       {QStringLiteral("recall"), s.recall()},
                       {QStringLiteral("falseMatchRate"), s.falseMatchRate()}};
}

QJsonObject evaluationJson(const Evaluation &e)
{
    QJsonArray cats;
    for (const CategoryScore &s : e.perCategory)
        cats.append(scoreJson(s));
    QJsonArray misses;
    for (const EvaluationMiss &m : e.misses)
        misses.append(QJsonObject{{QStringLiteral("id"), m.id},
                                  {QStringLiteral("category"), m.category},
                                  {QStringLiteral("accepted"), m.accepted},
                                  {QStringLiteral("expected"), QJsonArray::fromStringList(m.expected)},
                                  {QStringLiteral("detail"), m.detail}});
    return QJsonObject{{QStringLiteral("matcher"), e.matcherName},
                       {QStringLiteral("overall"), scoreJson(e.overall)},
                       {QStringLiteral("categories"), cats},
                       {QStringLiteral("misses"), misses}};
}

} // namespace

QString toJson(const Evaluation &ours, const Evaluation *baseline)
{
    QJsonObject root{{QStringLiteral("ours"), evaluationJson(ours)}};
    if (baseline)
        root.insert(QStringLiteral("baseline"), evaluationJson(*baseline));
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace pb::matching
