#include "storage/SqlExec.h"

#include "storage/SqlDialect.h"

#include <QStringList>

#include <QSqlError>

namespace masir::Sql {

namespace {

bool failed(const QLoggingCategory &category, const QSqlQuery &q, const QString &sql,
            QString *error)
{
    *error = q.lastError().text();
    qCWarning(category).noquote() << "SQL failed:" << *error << "in:" << sql;
    return false;
}

} // namespace

bool prepare(QSqlQuery &q, const QString &sql)
{
    return q.prepare(SqlDialect(q.driver()).statement(sql));
}

bool exec(const QLoggingCategory &category, QSqlQuery &q, QString *error)
{
    return q.exec() || failed(category, q, q.lastQuery(), error);
}

bool exec(const QLoggingCategory &category, QSqlQuery &q, const QString &sql,
          const QVariantList &binds, QString *error)
{
    // PostgreSQL prepares no DDL (CREATE TEMP TABLE ...): without values, run it as it is
    if (binds.isEmpty() && SqlDialect(q.driver()).isPostgres())
        return q.exec(sql) || failed(category, q, sql, error);
    if (!prepare(q, sql))
        return failed(category, q, sql, error);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return exec(category, q, error);
}

bool execPrepared(const QLoggingCategory &category, QSqlQuery &q, const QVariantList &binds,
                  QString *error)
{
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    return exec(category, q, error);
}

std::optional<qint64> insertedId(const QLoggingCategory &category, QSqlQuery &q, QString *error)
{
    if (!exec(category, q, error))
        return std::nullopt;
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

bool first(const QLoggingCategory &category, QSqlQuery &q, const QString &sql, QString *error)
{
    if (!q.exec(sql))
        return failed(category, q, sql, error);
    if (q.next())
        return true;
    *error = QStringLiteral("no row");
    return false;
}

QString placeholders(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(QLatin1Char(','));
}

} // namespace masir::Sql
