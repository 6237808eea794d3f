#include "storage/StatementCache.h"

namespace masir {

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{}

StatementCache::~StatementCache() = default;

PreparedStatement *StatementCache::get(const QString &sql, QString *error)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto statement = std::make_unique<PreparedStatement>(m_db, sql);
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

std::optional<QVariantList> StatementCache::row(const QString &sql, const QVariantList &binds,
                                                QString *error, int columns)
{
    PreparedStatement *st = get(sql, error);
    if (!st)
        return std::nullopt;
    for (int i = 0; i < binds.size(); ++i)
        st->bind(i + 1, binds.at(i));
    const PreparedStatement::Result r = st->step();
    QVariantList values;
    if (r == PreparedStatement::Result::Row)
        for (int c = 0; c < columns; ++c)
            values << st->value(c);
    if (r == PreparedStatement::Result::Error)
        *error = st->errorString();
    st->reset();
    if (r == PreparedStatement::Result::Error)
        return std::nullopt;
    return values;
}

std::optional<qint64> StatementCache::write(const QString &sql, const QVariantList &binds,
                                            QString *error)
{
    if (!row(sql, binds, error, 0))
        return std::nullopt;
    return get(sql, error)->changes();
}

} // namespace masir
