#include "importing/CsvReader.h"

#include <QBuffer>

namespace masir {

namespace {
constexpr qint64 kChunkBytes = 256 * 1024;
constexpr int kRawPreview = 200; // characters of a broken record kept for the report
} // namespace

CsvReader::CsvReader(QIODevice *device, Encoding encoding, const Options &options, int skipBytes)
    : m_device(device)
    , m_decoder(std::in_place, encoding)
    , m_options(options)
    , m_skipBytes(skipBytes)
{}

CsvReader::CsvReader(const QString &text, const Options &options)
    : m_options(options)
    , m_buf(text)
    , m_inputDone(true)
{}

bool CsvReader::refill()
{
    if (m_inputDone)
        return false;
    // Drop the text before the current record.
    if (m_recordStart > 0) {
        m_buf.remove(0, m_recordStart);
        m_pos -= m_recordStart;
        m_recordStart = 0;
    }
    QByteArray bytes = m_device->read(kChunkBytes);
    if (bytes.isEmpty()) {
        // read() returns nothing at the end, and also on a read error.
        if (!m_device->atEnd())
            m_ioError = m_device->errorString();
        m_inputDone = true;
        m_buf += m_decoder->finish();
        return m_pos < m_buf.size();
    }
    m_bytesRead += bytes.size();
    if (m_skipBytes > 0) {
        const int skip = int(std::min<qsizetype>(m_skipBytes, bytes.size()));
        bytes.remove(0, skip);
        m_skipBytes -= skip;
    }
    m_buf += m_decoder->decode(bytes);
    return true;
}

bool CsvReader::atBufferEnd()
{
    while (m_pos >= m_buf.size()) {
        if (!refill())
            return m_pos >= m_buf.size();
    }
    return false;
}

CsvReader::Status CsvReader::next(Record &record, Error &error)
{
    enum class State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    };
    const QChar delim = m_options.delimiter;
    const QChar quote = QLatin1Char('"');
    m_lastRecordEnd = -1; // until a record is read: an error has no record text

    for (;;) { // one iteration per record; blank lines and recovered errors loop
        // The caller's list and its strings are written over: a reader that passes
        // the same record again (once nothing else holds its strings) gets its
        // fields without allocating anew for each row. Fields [0, count) are this
        // record's; the one being read is fields[count].
        QStringList fields = std::move(record.fields);
        qsizetype count = 0;
        auto startField = [&] {
            if (count == fields.size())
                fields.emplaceBack();
            else
                fields[count].truncate(0);
        };
        startField();
        State state = State::FieldStart;
        m_recordStart = m_pos;
        qint64 startLine = m_line;
        qint64 quoteLine = startLine;
        bool content = false;
        bool tooLong = false;
        int tooLongField = 0;
        bool truncated = false; // the record's text was too big to keep whole

        auto endOfLine = [&](QChar c) {
            // CRLF is one line break; a lone CR is one too.
            if (c == QLatin1Char('\r')) {
                if (!atBufferEnd() && m_buf.at(m_pos) == QLatin1Char('\n'))
                    ++m_pos;
            }
            ++m_line;
        };
        auto rawText = [&](qsizetype end) { return truncated ? QString() : recordText(end); };
        auto appendText = [&](const QChar *text, qsizetype size) {
            if (tooLong)
                return;
            QString &field = fields[count];
            field.append(text, size);
            if (field.size() > m_options.maxFieldSize) {
                tooLong = true;
                tooLongField = int(count) + 1;
                field.clear();
            }
        };
        auto appendChar = [&](QChar c) { appendText(&c, 1); };
        // Plain text runs in one piece: from m_pos up to the first character for
        // which stop() is true (or the end of what is decoded so far).
        auto appendRun = [&](auto stop) {
            const QChar *d = m_buf.constData();
            qsizetype end = m_pos;
            while (end < m_buf.size() && !stop(d[end]))
                ++end;
            appendText(d + m_pos, end - m_pos);
            m_pos = end;
        };
        auto endsUnquoted = [delim](QChar c) {
            return c == delim || c.unicode() == '\n' || c.unicode() == '\r' || c.unicode() == 0;
        };
        auto endsQuoted = [quote](QChar c) {
            // line breaks are counted one by one, below
            return c == quote || c.unicode() == '\n' || c.unicode() == '\r' || c.unicode() == 0;
        };
        auto endField = [&] {
            ++count;
            startField();
        };

        bool recordDone = false;
        while (!recordDone) {
            if (atBufferEnd())
                break;
            // A record larger than we keep in memory: stop keeping its text.
            if (m_pos - m_recordStart > 4 * m_options.maxFieldSize + kChunkBytes) {
                truncated = true;
                m_recordStart = m_pos;
            }
            const QChar c = m_buf.at(m_pos++);
            if (c.unicode() == 0) {
                ++m_nulCount;
                continue;
            }
            const bool newline = c == QLatin1Char('\n') || c == QLatin1Char('\r');
            switch (state) {
            case State::FieldStart:
                if (newline) {
                    endOfLine(c);
                    if (!content) { // a blank line
                        m_recordStart = m_pos;
                        startLine = m_line;
                        quoteLine = m_line;
                        continue;
                    }
                    endField();
                    recordDone = true;
                } else if (c == quote) {
                    content = true;
                    state = State::Quoted;
                    quoteLine = m_line;
                } else if (c == delim) {
                    content = true;
                    endField();
                } else {
                    content = true;
                    --m_pos;
                    appendRun(endsUnquoted);
                    state = State::Unquoted;
                }
                break;
            case State::Unquoted:
                if (c == delim) {
                    endField();
                    state = State::FieldStart;
                } else if (newline) {
                    endOfLine(c);
                    endField();
                    recordDone = true;
                } else {
                    // a stray quote inside a bare field is kept as text
                    --m_pos;
                    appendRun(endsUnquoted);
                }
                break;
            case State::Quoted:
                if (c == quote) {
                    state = State::QuoteInQuoted;
                } else if (newline) {
                    if (c == QLatin1Char('\n') ||
                        (atBufferEnd() || m_buf.at(m_pos) != QLatin1Char('\n')))
                        ++m_line;
                    appendChar(c);
                } else {
                    --m_pos;
                    appendRun(endsQuoted);
                }
                break;
            case State::QuoteInQuoted:
                if (c == quote) {
                    appendChar(quote);
                    state = State::Quoted;
                } else if (c == delim) {
                    endField();
                    state = State::FieldStart;
                } else if (newline) {
                    endOfLine(c);
                    endField();
                    recordDone = true;
                } else {
                    // Text after a closing quote ("a"b): keep it, as spreadsheets do.
                    appendChar(c);
                    state = State::Unquoted;
                }
                break;
            }
        }

        if (!recordDone) { // end of input
            if (state == State::Quoted) {
                ++m_row;
                error = Error{m_row, quoteLine,
                              tr("A quote opened on line %1 is never closed.").arg(quoteLine),
                              truncated ? QString() : rawText(m_buf.size()).left(kRawPreview)};
                if (!truncated) {
                    // Read on from the line after the one where the quote opened.
                    const qsizetype nl = m_buf.indexOf(QLatin1Char('\n'), m_recordStart);
                    const qsizetype cr = m_buf.indexOf(QLatin1Char('\r'), m_recordStart);
                    qsizetype cut = nl < 0 ? cr : (cr < 0 ? nl : std::min(nl, cr));
                    if (cut >= 0 && cut + 1 < m_buf.size()) {
                        if (m_buf.at(cut) == QLatin1Char('\r') && cut + 1 < m_buf.size() &&
                            m_buf.at(cut + 1) == QLatin1Char('\n'))
                            ++cut;
                        m_pos = cut + 1;
                        m_line = startLine + 1;
                        m_recordStart = m_pos;
                        return Status::Error;
                    }
                } else {
                    error.message +=
                        QLatin1Char(' ') +
                        tr("The rest of the file (from line %1) could not be read.").arg(quoteLine);
                }
                m_pos = m_buf.size();
                return Status::Error;
            }
            if (!content)
                return Status::End;
            endField();
        }

        ++m_row;
        if (tooLong) {
            error = Error{m_row, startLine,
                          tr("Field %1 is longer than %2 characters.")
                              .arg(tooLongField)
                              .arg(m_options.maxFieldSize),
                          rawText(std::min(m_pos, m_recordStart + kRawPreview))};
            return Status::Error;
        }
        fields.resize(count); // the one started after the last field goes too
        record.fields = std::move(fields);
        record.row = m_row;
        record.line = startLine;
        record.raw = m_options.keepRaw ? rawText(m_pos) : QString();
        m_lastRecordEnd = truncated ? -1 : m_pos;
        return Status::Record;
    }
}

QString CsvReader::recordText(qsizetype end) const
{
    if (m_recordStart >= m_buf.size())
        return {};
    QString raw = m_buf.mid(m_recordStart, end - m_recordStart);
    while (raw.endsWith(QLatin1Char('\n')) || raw.endsWith(QLatin1Char('\r')))
        raw.chop(1);
    return raw;
}

QString CsvReader::lastRecordText() const
{
    return m_lastRecordEnd < 0 ? QString() : recordText(m_lastRecordEnd);
}

QList<QStringList> CsvReader::parse(const QString &text, QChar delimiter, int maxRecords)
{
    Options options;
    options.delimiter = delimiter;
    options.keepRaw = false;
    CsvReader reader(text, options);
    QList<QStringList> out;
    Record record;
    Error error;
    while (out.size() < maxRecords) {
        const Status s = reader.next(record, error);
        if (s == Status::End)
            break;
        if (s == Status::Record)
            out << record.fields;
    }
    return out;
}

} // namespace masir
