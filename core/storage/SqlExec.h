#pragma once

#include <QLoggingCategory>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

namespace masir::Sql {

// The one way to run a QSqlQuery and check it. A failure keeps the database's
// message in *error and is logged, with the statement but never its values,
// under the caller's category (lcJourneys(), lcSend(), ...).

/// Prepares \a sql on \a q as its engine takes it (SqlDialect::statement()):
/// SQL with SQLite's numbered placeholders (?1) prepared by hand goes here.
bool prepare(QSqlQuery &q, const QString &sql);

/// Runs a prepared query.
bool exec(const QLoggingCategory &category, QSqlQuery &q, QString *error);

/// Prepares \a sql, binds \a binds in order and runs it.
bool exec(const QLoggingCategory &category, QSqlQuery &q, const QString &sql,
          const QVariantList &binds, QString *error);

/// Binds \a binds to the query \a q was prepared with, in order, and runs it.
bool execPrepared(const QLoggingCategory &category, QSqlQuery &q, const QVariantList &binds,
                  QString *error);

/// Runs an INSERT ... RETURNING id that \a q was prepared with: the new row's
/// id; 0 when nothing was written (ON CONFLICT DO NOTHING); nullopt on an error.
std::optional<qint64> insertedId(const QLoggingCategory &category, QSqlQuery &q, QString *error);

/// Runs \a sql, which has no parameters, and steps to its first row: a query
/// for one value (a count, a max). False when it failed or gave no row.
bool first(const QLoggingCategory &category, QSqlQuery &q, const QString &sql, QString *error);

/// "?,?,?": \a n marks for an IN list.
QString placeholders(qsizetype n);

} // namespace masir::Sql
