#include "storage/Savepoint.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

Savepoint::Savepoint(QSqlDatabase db, const QString &name)
    : m_db(std::move(db))
    , m_name(name)
{
    m_active = run(QStringLiteral("SAVEPOINT ") + m_name);
}

Savepoint::~Savepoint()
{
    if (m_active)
        rollback();
}

bool Savepoint::run(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    return false;
}

bool Savepoint::release()
{
    if (!m_active)
        return false;
    m_active = false;
    return run(QStringLiteral("RELEASE SAVEPOINT ") + m_name);
}

bool Savepoint::rollback()
{
    if (!m_active)
        return false;
    m_active = false;
    // back to the savepoint, and the savepoint gone: none pile up
    return run(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_name) &&
           run(QStringLiteral("RELEASE SAVEPOINT ") + m_name);
}

} // namespace masir
