#include "storage/PostgresStatement.h"

#include "storage/Savepoint.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QSqlError>

#include <algorithm>
#include <optional>

namespace masir {

PostgresStatement::PostgresStatement(const QSqlDatabase &db, const QString &sql)
    : m_db(db)
    , m_query(db)
{
    // Not forward-only: Qt's driver then reads all rows at once and the
    // connection is free for the next statement while these are read.
    m_valid = m_query.prepare(SqlDialect(db).statement(sql));
    m_reads = sql.trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive);
    if (!m_valid)
        m_error = m_query.lastError().text();
}

void PostgresStatement::bind(int index, const QVariant &value)
{
    if (index < 1)
        return;
    if (size_t(index) > m_values.size())
        m_values.resize(size_t(index));
    m_values[size_t(index - 1)] = value;
}

void PostgresStatement::clearBindings()
{
    for (QVariant &v : m_values)
        v = QVariant();
}

bool PostgresStatement::run()
{
    for (size_t i = 0; i < m_values.size(); ++i)
        m_query.bindValue(int(i), m_values[i]);
    // A failed statement ends a PostgreSQL transaction, where SQLite undoes
    // only the statement: writers go on past a refused row (an import reports
    // it and writes the rest), so within a transaction each statement is
    // undone alone, back to a savepoint. A query that only reads has nothing
    // to undo and is not refused for its values: it goes without (an import
    // that only updates looked up each row in three round trips, not one), as
    // does a statement in a transaction that is all or nothing.
    std::optional<Savepoint> mark;
    if (!m_reads && Transaction::isOpenOn(m_db) && !Transaction::isAllOrNothing(m_db)) {
        mark.emplace(m_db, QStringLiteral("masir_statement"));
        if (!mark->isActive()) {
            m_error = mark->errorString();
            return false;
        }
    }
    if (!m_query.exec()) {
        m_error = m_query.lastError().text();
        m_changes = 0;
        // back to before the statement, and the savepoint gone: refused rows
        // do not pile up nested savepoints
        if (mark && !mark->rollback())
            m_error += QLatin1Char('\n') + mark->errorString();
        return false;
    }
    if (mark && !mark->release()) {
        m_error = mark->errorString();
        return false;
    }
    m_changes = std::max(0, m_query.numRowsAffected());
    return true;
}

bool PostgresStatement::next()
{
    return m_query.isActive() && m_query.isSelect() && m_query.next();
}

} // namespace masir
