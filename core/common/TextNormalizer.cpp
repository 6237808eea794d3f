#include "common/TextNormalizer.h"

namespace masir::TextNormalizer {

namespace {

char16_t asciiDigit(char16_t c)
{
    if (c >= u'\u06F0' && c <= u'\u06F9') // Extended Arabic-Indic (Persian)
        return char16_t(u'0' + (c - u'\u06F0'));
    if (c >= u'\u0660' && c <= u'\u0669') // Arabic-Indic
        return char16_t(u'0' + (c - u'\u0660'));
    return 0;
}

char16_t persianLetter(char16_t c)
{
    switch (c) {
    case u'\u064A':       // ARABIC LETTER YEH
    case u'\u0649':       // ARABIC LETTER ALEF MAKSURA
        return u'\u06CC'; // FARSI YEH
    case u'\u0643':       // ARABIC LETTER KAF
        return u'\u06A9'; // KEHEH
    default:
        return c;
    }
}

} // namespace

QString toAsciiDigits(QString text)
{
    // Most text has no such digits: returned as it came.
    const auto *u = reinterpret_cast<const char16_t *>(text.constData());
    qsizetype i = 0;
    while (i < text.size() && !asciiDigit(u[i]))
        ++i;
    if (i == text.size())
        return text;
    for (QChar &ch : text) {
        if (const char16_t d = asciiDigit(ch.unicode()))
            ch = QChar(d);
    }
    return text;
}

QString simplified(QString text)
{
    const qsizetype n = text.size();
    bool simple = n == 0 || (!text.at(0).isSpace() && !text.at(n - 1).isSpace());
    for (qsizetype i = 0; simple && i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char(' '))
            simple = text.at(i + 1) != QLatin1Char(' '); // the last is not a space
        else if (c.unicode() < 0x80 ? c.unicode() < 0x21 && c.isSpace() : c.isSpace())
            simple = false;
    }
    if (simple)
        return text;
    return std::move(text).simplified();
}

QString normalize(QString text)
{
    // Most text has nothing to change: it is returned as it came.
    const auto *u = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n && persianLetter(u[i]) == u[i])
        ++i;
    if (i == n)
        return text;
    for (QChar &ch : text)
        ch = QChar(persianLetter(ch.unicode()));
    return text;
}

QString forSearch(const QString &text)
{
    // Written into a buffer of the input's size (the output is never longer);
    // all-ASCII output is folded here, anything else by Qt's case folding.
    QString out(text.size(), Qt::Uninitialized);
    char16_t *o = reinterpret_cast<char16_t *>(out.data());
    qsizetype length = 0;
    bool ascii = true;
    for (const QChar ch : text) {
        char16_t c = persianLetter(ch.unicode());
        switch (c) {
        case u'\u200C': // ZWNJ
        case u'\u200D': // ZWJ
        case u'\u0640': // TATWEEL
        case u'\u200E': // LRM
        case u'\u200F': // RLM
            continue;
        case u'\u0623': // ALEF WITH HAMZA ABOVE
        case u'\u0625': // ALEF WITH HAMZA BELOW
        case u'\u0671': // ALEF WASLA
            c = u'\u0627';
            break;
        case u'\u0624': // WAW WITH HAMZA ABOVE
            c = u'\u0648';
            break;
        case u'\u0626': // YEH WITH HAMZA ABOVE
            c = u'\u06CC';
            break;
        case u'\u0629': // TEH MARBUTA
        case u'\u06C0': // HEH WITH YEH ABOVE
        case u'\u06C1': // HEH GOAL
            c = u'\u0647';
            break;
        default:
            break;
        }
        // Arabic diacritics (harakat, superscript alef) carry no meaning for search.
        if ((c >= u'\u064B' && c <= u'\u065F') || c == u'\u0670')
            continue;
        if (const char16_t d = asciiDigit(c))
            c = d;
        if (c >= u'A' && c <= u'Z')
            c = char16_t(c + (u'a' - u'A'));
        ascii = ascii && c < 0x80;
        o[length++] = c;
    }
    out.truncate(length);
    return ascii ? out : out.toCaseFolded();
}

} // namespace masir::TextNormalizer
