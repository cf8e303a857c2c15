#include "pb/matching/normalizer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace pb::matching {
namespace {

// Latin blocks: Basic Latin through Latin Extended-B, IPA, Latin Extended Additional and the
// later Latin extensions. Marks after these bases are accents we fold away; marks after any
// other base (Japanese dakuten, Devanagari vowel signs, Hebrew points...) are part of the letter.
bool isLatinBase(char32_t c)
{
    return c < 0x02B0 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2C60 && c <= 0x2C7F) ||
           (c >= 0xA720 && c <= 0xA7FF) || (c >= 0xAB30 && c <= 0xAB6F);
}

// Bases whose combining marks are accents people drop when typing: Latin, Greek (tonos,
// dialytika) and Cyrillic (й, ё written и, е). Marks after kana, hangul or Indic letters are
// part of the letter and stay.
bool foldsMarks(char32_t base)
{
    return isLatinBase(base) || (base >= 0x0370 && base <= 0x03FF) || (base >= 0x1F00 && base <= 0x1FFF) ||
           (base >= 0x0400 && base <= 0x052F);
}

// Hebrew points and Arabic harakat are optional vowel signs: vocalised and plain text compare equal.
bool isOptionalVowelSign(char32_t c)
{
    return (c >= 0x0591 && c <= 0x05C7) || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

bool isApostrophe(char32_t c)
{
    switch (c) {
    case 0x0027: // '
    case 0x0060: // `
    case 0x00B4: // ´
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201B: // ‛
    case 0x2032: // ′
    case 0x02BC: // ʼ
    case 0x02BB: // ʻ
    case 0xFF07: // ＇
        return true;
    default: return false;
    }
}

// Letters that casefolding and NFKD leave alone but that people type without the stroke/ligature.
const char *latinFold(char32_t c)
{
    switch (c) {
    case 0x00DF: return "ss"; // ß
    case 0x00E6: return "ae"; // æ
    case 0x0153: return "oe"; // œ
    case 0x00F8: return "o";  // ø
    case 0x0142: return "l";  // ł
    case 0x0111: return "d";  // đ
    case 0x00F0: return "d";  // ð
    case 0x00FE: return "th"; // þ
    case 0x0131: return "i";  // dotless ı
    case 0x0127: return "h";  // ħ
    default: return nullptr;
    }
}

} // namespace

QString normalizeText(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size() + 8);
    bool lastLatin = false;
    bool keptMark = false;
    bool wantSpace = false;
    auto appendSpace = [&] { wantSpace = !out.isEmpty(); };
    auto flushSpace = [&] {
        if (wantSpace)
            out.append(QLatin1Char(' '));
        wantSpace = false;
    };

    const qsizetype n = decomposed.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = decomposed.at(i);
        char32_t cp = ch.unicode();
        if (ch.isHighSurrogate() && i + 1 < n && decomposed.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(ch, decomposed.at(i + 1));
            ++i;
        } else if (ch.isSurrogate()) {
            continue; // a lone surrogate carries no text
        }
        if (isApostrophe(cp))
            continue; // "Ain't" == "Ain’t" == "Aint"
        if (cp == U'&' || cp == U'+') {
            appendSpace();
            flushSpace();
            out.append(QLatin1String("and"));
            appendSpace();
            lastLatin = true;
            continue;
        }
        if (QChar::isSpace(cp)) {
            appendSpace();
            continue;
        }
        switch (QChar::category(cp)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            if (!lastLatin && !isOptionalVowelSign(cp) && !out.isEmpty() && !wantSpace) {
                out.append(QChar::fromUcs4(cp));
                keptMark = true;
            }
            continue;
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_NotAssigned:
        case QChar::Other_PrivateUse: continue;
        case QChar::Punctuation_Connector:
        case QChar::Punctuation_Dash:
        case QChar::Punctuation_Open:
        case QChar::Punctuation_Close:
        case QChar::Punctuation_InitialQuote:
        case QChar::Punctuation_FinalQuote:
        case QChar::Punctuation_Other:
        case QChar::Symbol_Math:
        case QChar::Separator_Space:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph: appendSpace(); continue;
        default: break;
        }
        flushSpace();
        const char32_t folded = QChar::toCaseFolded(cp);
        if (const char *f = latinFold(folded)) {
            out.append(QLatin1String(f));
            lastLatin = true;
            continue;
        }
        out.append(QChar::fromUcs4(folded));
        lastLatin = foldsMarks(folded);
    }
    if (out.isEmpty()) {
        // Only punctuation or invisible characters: keep them folded rather than return "", so
        // "?" never equals "!" and nothing non-empty collapses into the empty string.
        QString fallback;
        for (const QChar c : text)
            if (!c.isSpace())
                fallback.append(c);
        return fallback.toCaseFolded();
    }
    return keptMark ? out.normalized(QString::NormalizationForm_KC) : out;
}

QString normalizeArtist(const QString &artist)
{
    QString key = normalizeText(artist);
    if (key.startsWith(QLatin1String("the ")) && key.size() > 4)
        key.remove(0, 4);
    return key;
}

Script scriptOf(const QString &text)
{
    bool latin = false;
    bool other = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        char32_t cp = ch.unicode();
        if (ch.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(ch, text.at(i + 1));
            ++i;
        }
        if (!QChar::isLetter(cp))
            continue;
        if (isLatinBase(cp))
            latin = true;
        else
            other = true;
    }
    if (latin && other)
        return Script::Mixed;
    return latin ? Script::Latin : (other ? Script::NonLatin : Script::None);
}

QString transliterate(const QString &key)
{
    // Lower-case only: keys are already case-folded. Russian/Ukrainian/Belarusian/Serbian and
    // monotonic Greek, the common practical romanisations.
    static const QHash<char16_t, const char *> table = [] {
        QHash<char16_t, const char *> t;
        const std::pair<char16_t, const char *> pairs[] = {
            {u'а', "a"},  {u'б', "b"},  {u'в', "v"},  {u'г', "g"},  {u'ґ', "g"},  {u'д', "d"},
            {u'е', "e"},  {u'є', "ye"}, {u'ж', "zh"}, {u'з', "z"},  {u'и', "i"},  {u'і', "i"},
            {u'ї', "yi"}, {u'к', "k"},  {u'л', "l"},  {u'м', "m"},  {u'н', "n"},  {u'о', "o"},
            {u'п', "p"},  {u'р', "r"},  {u'с', "s"},  {u'т', "t"},  {u'у', "u"},  {u'ў', "u"},
            {u'ф', "f"},  {u'х', "kh"}, {u'ц', "ts"}, {u'ч', "ch"}, {u'ш', "sh"}, {u'щ', "shch"},
            {u'ъ', ""},   {u'ы', "y"},  {u'ь', ""},   {u'э', "e"},  {u'ю', "yu"}, {u'я', "ya"},
            {u'ђ', "dj"}, {u'ј', "j"},  {u'љ', "lj"}, {u'њ', "nj"}, {u'ћ', "c"},  {u'џ', "dz"},
            {u'α', "a"},  {u'β', "v"},  {u'γ', "g"},  {u'δ', "d"},  {u'ε', "e"},  {u'ζ', "z"},
            {u'η', "i"},  {u'θ', "th"}, {u'ι', "i"},  {u'κ', "k"},  {u'λ', "l"},  {u'μ', "m"},
            {u'ν', "n"},  {u'ξ', "x"},  {u'ο', "o"},  {u'π', "p"},  {u'ρ', "r"},  {u'σ', "s"},
            {u'ς', "s"},  {u'τ', "t"},  {u'υ', "y"},  {u'φ', "f"},  {u'χ', "ch"}, {u'ψ', "ps"},
            {u'ω', "o"},
        };
        for (const auto &[c, latin] : pairs)
            t.insert(c, latin);
        return t;
    }();
    bool any = false;
    for (const QChar c : key)
        any = any || (c.unicode() >= 0x0370 && c.unicode() <= 0x052F);
    if (!any)
        return {};
    QString out;
    bool changed = false;
    for (const QChar c : key) {
        const auto it = table.constFind(c.unicode());
        if (it == table.constEnd()) {
            out.append(c);
        } else {
            out.append(QLatin1String(it.value()));
            changed = true;
        }
    }
    return changed ? out : QString();
}

namespace {

// Names that contain a separator and must survive splitting. The general rule below ("& The X"
// is one band) covers most of the rest; this list is for the ones it cannot.
const QStringList &knownJoinedNames()
{
    static const QStringList names = {
        QStringLiteral("Simon & Garfunkel"),
        QStringLiteral("Earth, Wind & Fire"),
        QStringLiteral("Crosby, Stills, Nash & Young"),
        QStringLiteral("Crosby, Stills & Nash"),
        QStringLiteral("Emerson, Lake & Palmer"),
        QStringLiteral("Blood, Sweat & Tears"),
        QStringLiteral("Peter, Paul and Mary"),
        QStringLiteral("Daryl Hall & John Oates"),
        QStringLiteral("Hall & Oates"),
        QStringLiteral("Sam & Dave"),
        QStringLiteral("Ike & Tina Turner"),
        QStringLiteral("Mumford & Sons"),
        QStringLiteral("Kool & The Gang"),
        QStringLiteral("Iron & Wine"),
        QStringLiteral("Chase & Status"),
        QStringLiteral("Above & Beyond"),
        QStringLiteral("Brooks & Dunn"),
        QStringLiteral("Big & Rich"),
        QStringLiteral("Dan + Shay"),
        QStringLiteral("Florence + The Machine"),
        QStringLiteral("Angus & Julia Stone"),
        QStringLiteral("Years & Years"),
        QStringLiteral("Matt and Kim"),
        QStringLiteral("Tyler, The Creator"),
        QStringLiteral("Me First and the Gimme Gimmes"),
        QStringLiteral("Jay & The Americans"),
        QStringLiteral("Salt-N-Pepa"),
        QStringLiteral("Sly & The Family Stone"),
        QStringLiteral("Booker T. & the M.G.'s"),
        QStringLiteral("Sonny & Cher"),
        QStringLiteral("Captain & Tennille"),
        QStringLiteral("Ashford & Simpson"),
        QStringLiteral("Eric B. & Rakim"),
        QStringLiteral("DJ Jazzy Jeff & The Fresh Prince"),
        QStringLiteral("Macklemore & Ryan Lewis"),
        QStringLiteral("Bell X1"),
    };
    return names;
}

} // namespace

QStringList splitArtists(const QString &credit)
{
    // Separators both services use in one credit string. "&"/"and"/"+" do not split before "the"
    // ("Nick Cave & The Bad Seeds", "Florence and the Machine").
    static const QRegularExpression separators(
        QStringLiteral("\\s*(?:[,;]|\\s/"
                       "\\s|\\s(?:&|\\+|and)\\s(?!the\\s)|\\s(?:feat\\.?|ft\\.?|featuring|vs\\.?|x|×|with)"
                       "\\s)\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    QString work = credit.trimmed();
    if (work.isEmpty())
        return {};
    if (!separators.match(work).hasMatch())
        return {work}; // the common case: one name, nothing to protect
    // Protect known names: replace them with placeholders that contain no separator.
    QStringList protectedNames;
    for (const QString &name : knownJoinedNames()) {
        const qsizetype at = work.indexOf(name, 0, Qt::CaseInsensitive);
        if (at < 0)
            continue;
        protectedNames.append(work.mid(at, name.size()));
        work.replace(at, name.size(), QStringLiteral("\x01%1\x01").arg(protectedNames.size() - 1));
    }
    QStringList parts;
    for (QString part : work.split(separators, Qt::SkipEmptyParts)) {
        part = part.trimmed();
        for (qsizetype i = 0; i < protectedNames.size(); ++i)
            part.replace(QStringLiteral("\x01%1\x01").arg(i), protectedNames.at(i));
        if (!part.isEmpty() && !parts.contains(part))
            parts.append(part);
    }
    return parts;
}

bool isVariousArtists(const QString &artist)
{
    static const QSet<QString> names = {
        QStringLiteral("various artists"),
        QStringLiteral("various"),
        QStringLiteral("va"),
        QStringLiteral("v a"),
        QStringLiteral("various artist"),
        QStringLiteral("varios artistas"),
        QStringLiteral("verschiedene interpreten"),
        QStringLiteral("artistes divers"),
        QStringLiteral("vari"),
        QStringLiteral("artisti vari"),
        QStringLiteral("multiple artists"),
    };
    return names.contains(normalizeText(artist));
}

} // namespace pb::matching
