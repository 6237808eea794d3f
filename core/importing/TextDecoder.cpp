#include "importing/TextDecoder.h"

#include "importing/CodePageTables.h"

#include <uchardet/uchardet.h>

namespace masir {

namespace Encodings {

QString key(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Utf16LE:
        return QStringLiteral("utf-16le");
    case Encoding::Utf16BE:
        return QStringLiteral("utf-16be");
    case Encoding::Windows1250:
        return QStringLiteral("windows-1250");
    case Encoding::Windows1252:
        return QStringLiteral("windows-1252");
    case Encoding::Windows1256:
        return QStringLiteral("windows-1256");
    }
    return QStringLiteral("utf-8");
}

std::optional<Encoding> fromKey(const QString &input)
{
    QString k = input.trimmed().toLower();
    k.remove(QLatin1Char('_'));
    k.remove(QLatin1Char(' '));
    if (k == QLatin1String("utf-8") || k == QLatin1String("utf8"))
        return Encoding::Utf8;
    if (k == QLatin1String("utf-16le") || k == QLatin1String("utf16le") ||
        k == QLatin1String("utf-16") || k == QLatin1String("utf16") ||
        k == QLatin1String("unicode"))
        return Encoding::Utf16LE;
    if (k == QLatin1String("utf-16be") || k == QLatin1String("utf16be"))
        return Encoding::Utf16BE;
    for (const auto &[names, encoding] :
         {std::pair{QStringList{QStringLiteral("windows-1250"), QStringLiteral("cp1250"),
                                QStringLiteral("win1250")},
                    Encoding::Windows1250},
          std::pair{QStringList{QStringLiteral("windows-1252"), QStringLiteral("cp1252"),
                                QStringLiteral("win1252"), QStringLiteral("latin1"),
                                QStringLiteral("iso-8859-1")},
                    Encoding::Windows1252},
          std::pair{QStringList{QStringLiteral("windows-1256"), QStringLiteral("cp1256"),
                                QStringLiteral("win1256"), QStringLiteral("arabic")},
                    Encoding::Windows1256}}) {
        if (names.contains(k))
            return encoding;
    }
    return std::nullopt;
}

QString label(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QCoreApplication::translate("masir::Encodings", "UTF-8 (Unicode)");
    case Encoding::Utf16LE:
        return QCoreApplication::translate("masir::Encodings",
                                           "UTF-16 LE (Excel \"Unicode text\")");
    case Encoding::Utf16BE:
        return QCoreApplication::translate("masir::Encodings", "UTF-16 BE");
    case Encoding::Windows1250:
        return QCoreApplication::translate("masir::Encodings",
                                           "Windows-1250 (Central European, Polish)");
    case Encoding::Windows1252:
        return QCoreApplication::translate("masir::Encodings", "Windows-1252 (Western European)");
    case Encoding::Windows1256:
        return QCoreApplication::translate("masir::Encodings", "Windows-1256 (Persian, Arabic)");
    }
    return {};
}

QList<Encoding> all()
{
    return {Encoding::Utf8,        Encoding::Utf16LE,     Encoding::Utf16BE,
            Encoding::Windows1256, Encoding::Windows1250, Encoding::Windows1252};
}

} // namespace Encodings

namespace {

const char16_t *tableFor(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Windows1250:
        return codepages::kWindows1250;
    case Encoding::Windows1252:
        return codepages::kWindows1252;
    case Encoding::Windows1256:
        return codepages::kWindows1256;
    default:
        return nullptr;
    }
}

QStringConverter::Encoding qtEncoding(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case Encoding::Utf16BE:
        return QStringConverter::Utf16BE;
    default:
        return QStringConverter::Utf8;
    }
}

} // namespace

TextDecoder::TextDecoder(Encoding encoding)
    : m_encoding(encoding)
    , m_decoder(qtEncoding(encoding), QStringConverter::Flag::Stateless)
{
    // Stateless flag off: we want the decoder to keep partial sequences; it is
    // rebuilt here without flags so it carries state between chunks.
    m_decoder = QStringDecoder(qtEncoding(encoding), QStringConverter::Flag::Default);
}

QString TextDecoder::decodeCodePage(QByteArrayView bytes)
{
    const char16_t *table = tableFor(m_encoding);
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar b = uchar(bytes[i]);
        const char16_t c = b < 0x80 ? char16_t(b) : table[b - 0x80];
        if (c == 0xFFFD)
            ++m_invalid;
        dst[i] = QChar(c);
    }
    return out;
}

QString TextDecoder::decode(QByteArrayView bytes)
{
    if (tableFor(m_encoding))
        return decodeCodePage(bytes);
    QString out = m_decoder.decode(bytes);
    m_invalid += out.count(QChar::ReplacementCharacter);
    m_total += bytes.size();
    m_tail = QByteArray(m_tail + bytes.last(std::min<qsizetype>(bytes.size(), 4)).toByteArray())
                 .right(4);
    return out;
}

QString TextDecoder::finish()
{
    if (tableFor(m_encoding))
        return {};
    // QStringDecoder keeps an incomplete character for the next chunk; at the end
    // of the input it is an error.
    bool incomplete = false;
    if (m_encoding == Encoding::Utf8) {
        for (qsizetype back = 1; back <= std::min<qsizetype>(3, m_tail.size()); ++back) {
            const uchar c = uchar(m_tail.at(m_tail.size() - back));
            if ((c & 0xC0) == 0x80)
                continue; // continuation byte: look further back
            const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            incomplete = length > back;
            break;
        }
    } else {
        incomplete = m_total % 2 != 0;
    }
    if (!incomplete)
        return {};
    ++m_invalid;
    return QString(QChar::ReplacementCharacter);
}

QString TextDecoder::decodeAll(QByteArrayView bytes, Encoding encoding)
{
    TextDecoder decoder(encoding);
    QString text = decoder.decode(bytes);
    text += decoder.finish(); // after decode(): the order matters
    return text;
}

int EncodingDetector::bomLength(QByteArrayView b, Encoding *encoding)
{
    if (b.size() >= 3 && uchar(b[0]) == 0xEF && uchar(b[1]) == 0xBB && uchar(b[2]) == 0xBF) {
        *encoding = Encoding::Utf8;
        return 3;
    }
    if (b.size() >= 2 && uchar(b[0]) == 0xFF && uchar(b[1]) == 0xFE) {
        *encoding = Encoding::Utf16LE;
        return 2;
    }
    if (b.size() >= 2 && uchar(b[0]) == 0xFE && uchar(b[1]) == 0xFF) {
        *encoding = Encoding::Utf16BE;
        return 2;
    }
    return 0;
}

bool EncodingDetector::isValidUtf8(QByteArrayView b, bool atEnd)
{
    qsizetype i = 0;
    const qsizetype n = b.size();
    while (i < n) {
        const uchar c = uchar(b[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n) {
            // The sample ends inside this character: fine if the file goes on.
            if (atEnd)
                return false;
            for (qsizetype k = i + 1; k < n; ++k) {
                if ((uchar(b[k]) & 0xC0) != 0x80)
                    return false;
            }
            return true;
        }
        for (int k = 1; k <= extra; ++k) {
            const uchar cc = uchar(b[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += extra + 1;
    }
    return true;
}

namespace {

// How well a single-byte code page reads the sample: high bytes that decode to
// letters score, runs of letters in one script score more (Persian words are whole
// runs of high bytes; Polish has single accented letters inside ASCII words), and
// symbols in the middle of words cost.
double letterScore(QByteArrayView sample, Encoding encoding)
{
    const QString text = TextDecoder::decodeAll(sample, encoding);
    double score = 0;
    QChar prev;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            if (c.isLetter()) {
                score += 1;
                if (prev.isLetter())
                    score += 1;
                if (c.script() == QChar::Script_Arabic && prev.script() == QChar::Script_Arabic)
                    score += 1;
            } else if (c == QChar::ReplacementCharacter) {
                score -= 5;
            } else if (prev.isLetter()) {
                score -= 2; // "¹" or "³" inside a word: the wrong code page
            }
        }
        prev = c;
    }
    return score;
}

std::optional<Encoding> fromCharsetName(const QByteArray &name)
{
    const QByteArray n = name.toUpper();
    if (n == "WINDOWS-1256" || n == "ISO-8859-6")
        return Encoding::Windows1256;
    if (n == "WINDOWS-1250" || n == "ISO-8859-2")
        return Encoding::Windows1250;
    if (n == "WINDOWS-1252" || n == "ISO-8859-1" || n == "ISO-8859-15")
        return Encoding::Windows1252;
    return std::nullopt;
}

} // namespace

EncodingDetector::Result EncodingDetector::detect(QByteArrayView sample, bool atEnd)
{
    Result r;
    if (const int bom = bomLength(sample, &r.encoding)) {
        r.bomLength = bom;
        r.reason = QStringLiteral("BOM");
        return r;
    }
    // UTF-16 without a BOM: every other byte of ASCII text is zero.
    qsizetype evenZeros = 0, oddZeros = 0;
    const qsizetype probe = std::min<qsizetype>(sample.size(), 4096);
    for (qsizetype i = 0; i + 1 < probe; i += 2) {
        evenZeros += sample[i] == 0;
        oddZeros += sample[i + 1] == 0;
    }
    if (probe >= 8 && oddZeros > probe / 4 && evenZeros < probe / 40) {
        r.encoding = Encoding::Utf16LE;
        r.reason = QStringLiteral("zero bytes");
        return r;
    }
    if (probe >= 8 && evenZeros > probe / 4 && oddZeros < probe / 40) {
        r.encoding = Encoding::Utf16BE;
        r.reason = QStringLiteral("zero bytes");
        return r;
    }
    if (isValidUtf8(sample, atEnd)) {
        r.encoding = Encoding::Utf8;
        r.reason = QStringLiteral("valid UTF-8");
        return r;
    }

    const Encoding candidates[] = {Encoding::Windows1256, Encoding::Windows1250,
                                   Encoding::Windows1252};
    std::optional<Encoding> guess;
    if (uchardet_t ud = uchardet_new()) {
        if (uchardet_handle_data(ud, sample.data(), size_t(sample.size())) == 0) {
            uchardet_data_end(ud);
            guess = fromCharsetName(QByteArray(uchardet_get_charset(ud)));
        }
        uchardet_delete(ud);
    }
    // uchardet sees bytes, we see words: keep its answer unless another code page
    // reads clearly better (short files fool statistical detectors).
    double best = -1e18;
    Encoding bestEncoding = Encoding::Windows1252;
    for (const Encoding e : candidates) {
        const double s = letterScore(sample, e);
        if (s > best) {
            best = s;
            bestEncoding = e;
        }
    }
    if (guess && letterScore(sample, *guess) >= best * 0.9) {
        r.encoding = *guess;
        r.reason = QStringLiteral("uchardet");
    } else {
        r.encoding = bestEncoding;
        r.reason = QStringLiteral("letters");
    }
    return r;
}

} // namespace masir
