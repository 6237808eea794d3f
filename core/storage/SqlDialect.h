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

    /// The text at a JSON path in a JSON text column; the path is bound as jsonPath().
    QString jsonValue(const QString &column) const
    {
        return m_postgres ? QStringLiteral("(%1::jsonb ->> ?)").arg(column)
                          : QStringLiteral("json_extract(%1, ?)").arg(column);
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

    /// \a column in a condition the planner must not answer from an index on it
    /// (SQLite's unary +): a scan after a cursor by id, where the index would
    /// read every row of that value ever written and sort them. PostgreSQL's
    /// planner weighs that itself.
    QString notIndexed(const QString &column) const
    {
        return m_postgres ? column : QLatin1Char('+') + column;
    }

    /// \a expression as a number, or NULL when it is text that is not one (SQL's
    /// CAST would make "abc" 0). Numbers pass as they are; text is read as a whole
    /// (spaces around allowed). The function is Masir's on both engines
    /// (Database registers it on SQLite; the PostgreSQL schema has it).
    static QString toNumber(const QString &expression)
    {
        return QStringLiteral("masir_number(%1)").arg(expression);
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
