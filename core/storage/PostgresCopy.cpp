#include "storage/PostgresCopy.h"

#include <QSqlDriver>

#include <libpq-fe.h>

#include <cstring>

namespace masir {

namespace {
constexpr qsizetype kSendBytes = 256 * 1024; ///< buffered before a PQputCopyData

QString serverMessage(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}
} // namespace

PostgresCopy::PostgresCopy(const QSqlDatabase &db)
{
    const QVariant h = db.driver() ? db.driver()->handle() : QVariant();
    // Qt names the type as declared where it registered it: PGconn* or pg_conn*.
    if (h.isValid() &&
        (qstrcmp(h.typeName(), "PGconn*") == 0 || qstrcmp(h.typeName(), "pg_conn*") == 0))
        m_conn = *static_cast<PGconn *const *>(h.constData());
    else
        m_error = QStringLiteral("not a connection through Qt's PostgreSQL driver");
    m_buffer.reserve(kSendBytes + 4096);
}

PostgresCopy::~PostgresCopy()
{
    if (m_active) // left without end(): the copy fails, and so does the caller's transaction
        finish("abandoned");
}

bool PostgresCopy::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool PostgresCopy::begin(const QString &table, const QStringList &columns)
{
    if (!m_conn)
        return false;
    m_rows = 0;
    m_buffer.clear();
    m_rowStarted = false;
    m_error.clear();
    const QByteArray sql = QStringLiteral("COPY %1 (%2) FROM STDIN")
                               .arg(table, columns.join(QLatin1Char(',')))
                               .toUtf8();
    PGresult *r = PQexec(m_conn, sql.constData());
    const bool copying = PQresultStatus(r) == PGRES_COPY_IN;
    if (!copying)
        m_error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    m_active = copying;
    return copying;
}

void PostgresCopy::separate()
{
    if (m_rowStarted)
        m_buffer.append('\t');
    m_rowStarted = true;
}

void PostgresCopy::addNull()
{
    separate();
    m_buffer.append("\\N", 2);
}

void PostgresCopy::addInteger(qint64 value)
{
    separate();
    char digits[24];
    const int n = std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(value));
    m_buffer.append(digits, n);
}

void PostgresCopy::addText(QByteArrayView utf8)
{
    separate();
    // COPY's text form: a backslash, a tab, a newline and a carriage return
    // are escaped; everything else goes as it is.
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\' && *p != '\t' && *p != '\n' && *p != '\r')
            ++p;
        m_buffer.append(run, p - run);
        if (p == end)
            break;
        const char escaped[2] = {'\\', *p == '\\'   ? '\\'
                                       : *p == '\t' ? 't'
                                       : *p == '\n' ? 'n'
                                                    : 'r'};
        m_buffer.append(escaped, 2);
        ++p;
    }
}

void PostgresCopy::addRow(const PackedRow &row)
{
    const char *p = row.m_data.constData();
    PackedRow::Cell cell;
    for (int i = 0; i < row.m_count; ++i) {
        p = PackedRow::readCell(p, cell);
        switch (cell.tag) {
        case PackedRow::Integer: {
            qint64 v;
            memcpy(&v, cell.data, sizeof v);
            addInteger(v);
            break;
        }
        case PackedRow::Real: {
            double v;
            memcpy(&v, cell.data, sizeof v);
            addReal(v);
            break;
        }
        case PackedRow::Text:
            addText(QByteArrayView(cell.data, cell.size));
            break;
        default:
            addNull();
        }
    }
}

void PostgresCopy::addReal(double value)
{
    separate();
    m_buffer.append(QByteArray::number(value, 'g', 17));
}

void PostgresCopy::addValue(const QVariant &value)
{
    if (value.isNull()) {
        addNull();
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        addInteger(value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        addReal(value.toDouble());
        break;
    case QMetaType::QByteArray:
        // bytea's hex form; its backslash is escaped as any other
        addText(QByteArray(QByteArrayLiteral("\\x") + value.toByteArray().toHex()));
        break;
    default:
        addText(value.toString().toUtf8());
    }
}

void PostgresCopy::endRow()
{
    m_buffer.append('\n');
    m_rowStarted = false;
    ++m_rows;
    if (m_buffer.size() >= kSendBytes)
        send(false);
}

bool PostgresCopy::send(bool all)
{
    if (!m_active || (m_buffer.isEmpty() && !all))
        return m_active;
    if (!m_error.isEmpty()) {
        m_buffer.clear(); // a send failed: the rest is dropped, end() reports it
        return false;
    }
    const bool sent = m_buffer.isEmpty() ||
                      PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) == 1;
    m_buffer.clear();
    return sent || fail(serverMessage(m_conn));
}

QString PostgresCopy::finish(const char *abandon)
{
    QString error;
    if (PQputCopyEnd(m_conn, abandon) != 1)
        error = serverMessage(m_conn);
    // The copy's result, then none; a connection still copying (the end could
    // not be sent) gives no more.
    while (PGresult *r = PQgetResult(m_conn)) {
        const ExecStatusType status = PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && error.isEmpty())
            error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
        if (status == PGRES_COPY_IN || status == PGRES_COPY_BOTH)
            break;
    }
    return error;
}

bool PostgresCopy::end()
{
    if (!m_active)
        return m_error.isEmpty() ? fail(QStringLiteral("no copy was started")) : false;
    const bool sent = send(true);
    m_active = false;
    const QString error = finish(sent ? nullptr : "not sent");
    if (sent && !error.isEmpty())
        m_error = error;
    return sent && error.isEmpty();
}

} // namespace masir
