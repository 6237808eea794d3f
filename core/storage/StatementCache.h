#pragma once

#include "storage/PreparedStatement.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <map>
#include <memory>
#include <optional>

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
    PreparedStatement *get(const QString &sql, QString *error);
    /// Runs \a sql with \a binds and reads the first \a columns of its
    /// first row: the row, empty when there was none; nullopt with \a error
    /// set when SQLite refused.
    std::optional<QVariantList> row(const QString &sql, const QVariantList &binds, QString *error,
                                    int columns = 1);
    /// Runs \a sql, which returns no rows, with \a binds: how many rows it
    /// changed; nullopt with \a error set when SQLite refused.
    std::optional<qint64> write(const QString &sql, const QVariantList &binds, QString *error);

private:
    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<PreparedStatement>> m_statements;
};

} // namespace masir
