#include "storage/StatementCache.h"

namespace masir {

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{}

StatementCache::~StatementCache() = default;

SqliteStatement *StatementCache::get(const QString &sql, QString *error)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto statement = std::make_unique<SqliteStatement>(m_db, sql);
        if (!statement->isValid()) {
            *error = statement->errorString();
            return nullptr;
        }
        it = m_statements.emplace(sql, std::move(statement)).first;
    } else {
        it->second->clearBindings();
    }
    return it->second.get();
}

} // namespace masir
