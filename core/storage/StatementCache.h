#pragma once

#include "storage/SqliteStatement.h"

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <memory>

namespace masir {

/// Statements prepared once on one connection and kept for reuse, by their SQL.
/// Each table's writer keeps one, so that a caller writing many rows (an import,
/// a recomputation, a journey batch) prepares each statement once.
class StatementCache final
{
    Q_DISABLE_COPY_MOVE(StatementCache)

public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();

    QSqlDatabase database() const { return m_db; }
    /// The statement for \a sql, prepared on first use, its bindings cleared;
    /// nullptr with \a error set when SQLite refuses it.
    SqliteStatement *get(const QString &sql, QString *error);

private:
    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace masir
