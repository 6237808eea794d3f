#pragma once

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace masir::Sql {

/// Runs a prepared query; on failure keeps the database's message in \a error.
inline bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

/// Prepares \a sql, binds \a binds in order and runs it.
inline bool exec(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return exec(q, error);
}

} // namespace masir::Sql
