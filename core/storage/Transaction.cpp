#include "storage/Transaction.h"

#include "common/Logging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery q(m_db);
    m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active) {
        m_error = q.lastError().text();
        qCWarning(lcStorage) << "BEGIN failed:" << m_error;
    }
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        m_error = q.lastError().text();
        qCWarning(lcStorage) << "COMMIT failed:" << m_error;
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStorage) << "ROLLBACK failed:" << q.lastError().text();
    m_active = false;
}

} // namespace masir
