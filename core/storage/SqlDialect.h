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

/// A case-insensitive LIKE (SQLite's LIKE folds ASCII; PostgreSQL needs ILIKE).
inline QString likeInsensitive()
{
    return QStringLiteral("LIKE");
}

} // namespace masir::SqlDialect
