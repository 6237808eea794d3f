#pragma once

#include "storage/PreparedStatement.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct pg_conn;

namespace masir {

/// Rows into a table through COPY … FROM STDIN on a server connection, with
/// libpq on the connection Qt's driver holds (and in its open transaction):
/// the bulk writer of a PostgreSQL workspace, many times faster than one
/// INSERT a row. Values go in COPY's text form, a row at a time; the table
/// checks them when end() sends the last ones, so a bulk writer copies into a
/// staging table of its own and moves rows on with SQL that can report each.
class PostgresCopy final
{
    Q_DISABLE_COPY_MOVE(PostgresCopy)

public:
    /// \a db: a connection through Qt's PostgreSQL driver.
    explicit PostgresCopy(const QSqlDatabase &db);
    ~PostgresCopy();

    /// Starts copying into \a columns of \a table (names as written in SQL).
    /// False with errorString() when the server refuses.
    bool begin(const QString &table, const QStringList &columns);

    void addNull();
    void addInteger(qint64 value);
    void addText(QByteArrayView utf8);
    /// Every value of \a row in order (text, integers, reals and nulls).
    void addRow(const PackedRow &row);
    /// A value as Qt's drivers read it: null, an integer, a real, text, or
    /// bytes (into a bytea column).
    void addValue(const QVariant &value);
    /// Ends the row; its values must be as many as the columns.
    void endRow();

    /// Sends what is left and ends the copy; false with errorString() when the
    /// connection or the table refused a row (none of this copy is kept then,
    /// nor is the rest of the caller's transaction until it rolls back).
    bool end();
    /// The rows sent so far in this copy.
    qint64 rows() const { return m_rows; }
    QString errorString() const { return m_error; }

private:
    bool send(bool all);
    /// Ends the copy on the connection; the server's error, if any.
    QString finish(const char *abandon);
    bool fail(const QString &message);
    void separate();
    void addReal(double value);

    pg_conn *m_conn = nullptr;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    bool m_active = false;
    bool m_rowStarted = false;
    QString m_error;
};

} // namespace masir
