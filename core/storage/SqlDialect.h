#pragma once

#include <QString>

namespace masir::SqlDialect {

// The few pieces of SQL that differ between SQLite and PostgreSQL, kept here so
// that code outside storage/ writes portable SQL only.

/// The text at a JSON path in a JSON text column; the path is bound as jsonPath().
inline QString jsonValue(const QString &column)
{
    return QStringLiteral("json_extract(%1, ?)").arg(column);
}

/// The bound path for jsonValue(): a top-level property.
inline QString jsonPath(const QString &property)
{
    return QStringLiteral("$.") + property;
}

/// \a expression as a number, or NULL when it is text that is not one (SQL's
/// CAST would make "abc" 0). Numbers pass as they are; text is read as a whole
/// (spaces around allowed). Database registers the function on each connection.
inline QString toNumber(const QString &expression)
{
    return QStringLiteral("masir_number(%1)").arg(expression);
}

/// \a column in a condition the planner must not answer from an index on it
/// (SQLite's unary +): a scan after a cursor by id, where the index would
/// read every row of that value ever written and sort them.
inline QString notIndexed(const QString &column)
{
    return QLatin1Char('+') + column;
}

/// A case-insensitive LIKE (SQLite's LIKE folds ASCII; PostgreSQL needs ILIKE).
inline QString likeInsensitive()
{
    return QStringLiteral("LIKE");
}

/// \a text with LIKE's wildcards (and the escape character \\) escaped, for
/// "LIKE ? ESCAPE '\\'".
inline QString escapeLike(const QString &text)
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
inline QString comparison(const QString &op)
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

} // namespace masir::SqlDialect
