#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

namespace masir {

/// The few pieces of SQL that differ between SQLite and PostgreSQL, kept here so
/// that code outside storage/ writes portable SQL only. One is made for the
/// connection the SQL runs on: SqlDialect(db), or SqlDialect(query.driver()).
class SqlDialect final
{
public:
    explicit SqlDialect(const QSqlDriver *driver)
        : m_postgres(driver && driver->dbmsType() == QSqlDriver::PostgreSQL)
    {}
    explicit SqlDialect(const QSqlDatabase &db)
        : SqlDialect(db.driver())
    {}

    bool isPostgres() const { return m_postgres; }

    /// \a sql as the engine takes it: SQL is written with SQLite's
    /// placeholders (?N, or ? counted from 1), which on PostgreSQL become
    /// $N (outside quoted text and names), so that Qt binds them in order.
    QString statement(const QString &sql) const;

    /// The text at a JSON path in a JSON text column; the path is bound as jsonPath().
    QString jsonValue(const QString &column) const
    {
        return m_postgres ? QStringLiteral("(%1::jsonb ->> ?)").arg(column)
                          : QStringLiteral("json_extract(%1, ?)").arg(column);
    }

    /// A top-level \a property of a JSON text column, named in the SQL: text
    /// on PostgreSQL; the JSON value as it is (text or number) on SQLite.
    QString jsonField(const QString &column, const QString &property) const
    {
        return m_postgres ? QStringLiteral("(%1::jsonb ->> '%2')").arg(column, property)
                          : QStringLiteral("json_extract(%1, '$.%2')").arg(column, property);
    }
    /// The same property as a number on both engines (NULL when it is not one).
    QString jsonNumber(const QString &column, const QString &property) const
    {
        return m_postgres ? toNumber(jsonField(column, property)) : jsonField(column, property);
    }

    /// The bound path for jsonValue(): a top-level property.
    QString jsonPath(const QString &property) const
    {
        return m_postgres ? property : QStringLiteral("$.") + property;
    }

    /// A case-insensitive LIKE (SQLite's LIKE folds ASCII; PostgreSQL needs ILIKE).
    QString likeInsensitive() const
    {
        return m_postgres ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
    }

    /// Whether \a expression is the bound text, whatever the case of its
    /// letters (SQLite folds ASCII's only, PostgreSQL every letter's), bound as
    /// equalsBind(text). On a server an equality, not ILIKE: reading a million
    /// rows of Persian text it costs a third less.
    QString equalsInsensitive(const QString &expression) const
    {
        return m_postgres ? QStringLiteral("lower(%1) = lower(?)").arg(expression)
                          : expression + QStringLiteral(" LIKE ? ESCAPE '\\'");
    }
    /// \a text bound for equalsInsensitive().
    QString equalsBind(const QString &text) const { return m_postgres ? text : escapeLike(text); }

    /// A BLOB column as text to search in for ASCII text (an address): SQLite
    /// reads a BLOB as text; PostgreSQL's bytea is escaped, bytes beyond ASCII
    /// as \\ooo.
    QString blobText(const QString &column) const
    {
        return m_postgres ? QStringLiteral("encode(%1, 'escape')").arg(column) : column;
    }

    /// Whether \a text holds the bound text anywhere (as it is, no wildcards).
    QString contains(const QString &text) const
    {
        return (m_postgres ? QStringLiteral("strpos(%1, ?) > 0")
                           : QStringLiteral("instr(%1, ?) > 0"))
            .arg(text);
    }

    /// \a column in a condition the planner must not answer from an index on it
    /// (SQLite's unary +): a scan after a cursor by id, where the index would
    /// read every row of that value ever written and sort them. PostgreSQL's
    /// planner weighs that itself.
    QString notIndexed(const QString &column) const
    {
        return m_postgres ? column : QLatin1Char('+') + column;
    }

    /// The end of a SELECT that claims the rows it reads of \a tables (their
    /// names or aliases) until its transaction ends: rows that another writer
    /// claimed are passed over, not waited for. SQLite lets one writer in at a
    /// time, so there every row read is the writer's already.
    QString claim(const QString &tables) const
    {
        return m_postgres ? QStringLiteral(" FOR UPDATE OF %1 SKIP LOCKED").arg(tables) : QString();
    }

    /// \a expression as a number, or NULL when it is text that is not one (SQL's
    /// CAST would make "abc" 0). Numbers pass as they are; text is read as a whole
    /// (spaces around allowed). The function is Masir's on both engines
    /// (Database registers it on SQLite; the PostgreSQL schema has it).
    static QString toNumber(const QString &expression)
    {
        return QStringLiteral("masir_number(%1)").arg(expression);
    }

    /// \a expression (a bound value) as a 64-bit integer: PostgreSQL types a
    /// bound value by where it stands, and in a CASE, a sum or a product it
    /// would take text or a 32-bit integer.
    static QString integer(const QString &expression)
    {
        return QStringLiteral("CAST(%1 AS BIGINT)").arg(expression);
    }

    /// The database's own time now, in milliseconds since 1970 UTC: the one
    /// clock that machines sharing a server agree on (a heartbeat's age).
    QString nowMs() const
    {
        return m_postgres
                   ? integer(QStringLiteral("floor(extract(epoch FROM clock_timestamp()) * 1000)"))
                   : integer(QStringLiteral("(julianday('now') - 2440587.5) * 86400000.0"));
    }

    /// \a text with LIKE's wildcards (and the escape character \\) escaped, for
    /// "LIKE ? ESCAPE '\\'".
    static QString escapeLike(const QString &text)
    {
        QString out;
        out.reserve(text.size());
        for (const QChar c : text) {
            if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
                out += QLatin1Char('\\');
            out += c;
        }
        return out;
    }

    /// The SQL comparison for an operator key (eq, ne, lt, le, gt, ge), or "".
    static QString comparison(const QString &op)
    {
        if (op == QLatin1String("eq"))
            return QStringLiteral("=");
        if (op == QLatin1String("ne"))
            return QStringLiteral("<>");
        if (op == QLatin1String("lt"))
            return QStringLiteral("<");
        if (op == QLatin1String("le"))
            return QStringLiteral("<=");
        if (op == QLatin1String("gt"))
            return QStringLiteral(">");
        if (op == QLatin1String("ge"))
            return QStringLiteral(">=");
        return {};
    }

private:
    bool m_postgres = false;
};

} // namespace masir
