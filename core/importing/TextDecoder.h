#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringDecoder>

#include <optional>

namespace masir {

/// The encodings Masir reads. Windows code pages are decoded with our own tables,
/// so a file decodes the same on every platform.
enum class Encoding
{
    Utf8,
    Utf16LE,
    Utf16BE,
    Windows1250, ///< Central European (Polish Excel)
    Windows1252, ///< Western European
    Windows1256, ///< Arabic script (Persian Excel)
};

namespace Encodings {
QString key(Encoding encoding);                      ///< "utf-8", "windows-1256", ...
std::optional<Encoding> fromKey(const QString &key); ///< accepts aliases: cp1256, utf8, ...
QString label(Encoding encoding); ///< for people: "Windows-1256 (Persian, Arabic)"
QList<Encoding> all();
} // namespace Encodings

/// Decodes a byte stream chunk by chunk; a character split across two chunks is
/// decoded whole. Invalid bytes become U+FFFD and are counted.
class TextDecoder final
{
public:
    explicit TextDecoder(Encoding encoding);

    QString decode(QByteArrayView bytes);
    /// Flushes an incomplete trailing sequence as U+FFFD.
    QString finish();
    qint64 invalidCount() const { return m_invalid; }
    Encoding encoding() const { return m_encoding; }

    /// Decodes a whole buffer in one go.
    static QString decodeAll(QByteArrayView bytes, Encoding encoding);

private:
    QString decodeCodePage(QByteArrayView bytes);

    Encoding m_encoding;
    QStringDecoder m_decoder;
    qint64 m_invalid = 0;
    QByteArray m_tail; ///< the last bytes seen, to tell whether the input ended mid-character
    qint64 m_total = 0;
};

/// Guesses the encoding of a file from its first bytes: a byte-order mark, then
/// strict UTF-8, then uchardet, then our own check of which code page reads as
/// words in Persian/Arabic, Polish or Western European letters.
class EncodingDetector final
{
public:
    struct Result
    {
        Encoding encoding = Encoding::Utf8;
        int bomLength = 0;
        QString reason; ///< "BOM", "valid UTF-8", "uchardet", "letters"
    };

    /// \a atEnd: the sample is the whole file (a sequence cut at the end is an error).
    static Result detect(QByteArrayView sample, bool atEnd);
    static bool isValidUtf8(QByteArrayView bytes, bool atEnd);
    static int bomLength(QByteArrayView bytes, Encoding *encoding);
};

} // namespace masir
