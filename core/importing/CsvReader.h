#pragma once

#include "importing/TextDecoder.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

/// An RFC 4180 reader of our own: a streaming state machine over decoded text.
///
/// It reads quoted fields with delimiters, line breaks and "" escapes; CR, LF and
/// CRLF line endings; blank lines (skipped) and NUL bytes (dropped and counted).
/// A record it cannot read becomes an Error with its row and line, and reading
/// goes on: after an oversized field at the next record, after an unterminated
/// quote at the line after the one where the quote opened. Memory is bounded by
/// the size of one record, never by the file.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CsvReader)
    Q_DISABLE_COPY_MOVE(CsvReader)

public:
    struct Options
    {
        QChar delimiter = QLatin1Char(',');
        qsizetype maxFieldSize = 1 << 20; ///< characters
        /// Keep each record's text in it, for reject reports (a reader that
        /// needs only some asks lastRecordText() instead).
        bool keepRaw = true;
    };

    struct Record
    {
        QStringList fields;
        qint64 row = 0;  ///< 1-based record number (the header is row 1)
        qint64 line = 0; ///< 1-based line where the record starts
        QString raw;
    };

    struct Error
    {
        qint64 row = 0;
        qint64 line = 0;
        QString message;
        QString raw; ///< the start of the record's text
    };

    enum class Status
    {
        Record,
        Error,
        End,
    };

    /// Reads from \a device, skipping \a skipBytes first (a byte-order mark).
    CsvReader(QIODevice *device, Encoding encoding, const Options &options, int skipBytes = 0);
    /// Reads already decoded text.
    CsvReader(const QString &text, const Options &options);

    Status next(Record &record, Error &error);
    /// The text of the record next() returned last, as Record::raw holds it;
    /// until the next call of next().
    QString lastRecordText() const;

    qint64 bytesRead() const { return m_bytesRead; }
    qint64 nulCount() const { return m_nulCount; }
    qint64 invalidCharacters() const { return m_decoder ? m_decoder->invalidCount() : 0; }
    QString ioError() const { return m_ioError; }

    /// Parses up to \a maxRecords records of \a text (for previews and sniffing).
    static QList<QStringList> parse(const QString &text, QChar delimiter, int maxRecords);

private:
    bool refill();
    bool atBufferEnd();
    /// The current record's text up to \a end, without its line break.
    QString recordText(qsizetype end) const;

    QIODevice *m_device = nullptr;
    std::optional<TextDecoder> m_decoder;
    Options m_options;
    QString m_buf;
    qsizetype m_pos = 0;
    bool m_inputDone = false;
    qint64 m_row = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    qint64 m_nulCount = 0;
    qsizetype m_recordStart =
        0; ///< where the current record starts in m_buf; text before it may be dropped
    qsizetype m_lastRecordEnd = -1; ///< of the record next() returned (-1: not kept)
    QString m_ioError;
    int m_skipBytes = 0;
};

} // namespace masir
