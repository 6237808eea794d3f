#include "storage/BulkUpdate.h"

#include "common/Logging.h"
#include "storage/PreparedStatement.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"

#include <QSqlQuery>

namespace masir {

namespace {
const QString kTable = QStringLiteral("masir_bulk_update");
} // namespace

BulkUpdate::BulkUpdate(const QSqlDatabase &db, const QString &table, const QString &key,
                       const QString &column)
    : m_db(db)
    , m_table(table)
    , m_key(key)
    , m_column(column)
{}

BulkUpdate::~BulkUpdate() = default;

bool BulkUpdate::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStorage) << "bulk update of" << m_table << "failed:" << m_error;
    return false;
}

bool BulkUpdate::prepareCopy()
{
    // (A query still open when the copy starts would wait for its results for
    // ever: this one is gone before.)
    QSqlQuery q(m_db);
    QString error;
    // Asked, not tried: a refused CREATE would end the caller's transaction.
    if (!Sql::first(lcStorage(), q,
                    QStringLiteral("SELECT has_database_privilege(current_database(), "
                                   "'TEMPORARY')"),
                    &error))
        return fail(error);
    m_copying = q.value(0).toBool();
    q.finish();
    if (!m_copying)
        return true;
    // Gone with the transaction, whether it commits or not.
    if (Sql::exec(lcStorage(), q,
                  QStringLiteral("CREATE TEMPORARY TABLE %1 (k BIGINT NOT NULL, v BIGINT) ON "
                                 "COMMIT DROP")
                      .arg(kTable),
                  {}, &error))
        return true;
    m_copying = false;
    return fail(error);
}

bool BulkUpdate::start()
{
    m_started = true;
    if (SqlDialect(m_db).isPostgres() && !prepareCopy())
        return false;
    if (m_copying) {
        m_copy = std::make_unique<PostgresCopy>(m_db);
        return m_copy->begin(kTable, {QStringLiteral("k"), QStringLiteral("v")}) ||
               fail(m_copy->errorString());
    }
    m_update = std::make_unique<PreparedStatement>(
        m_db, QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(m_table, m_column, m_key));
    return m_update->isValid() || fail(m_update->errorString());
}

bool BulkUpdate::set(qint64 key, qint64 value)
{
    if ((!m_started && !start()) || !m_error.isEmpty())
        return false;
    if (m_copying) {
        m_copy->addInteger(key);
        m_copy->addInteger(value);
        m_copy->endRow();
        return true;
    }
    if (!m_update)
        return false;
    m_update->bind(1, value);
    m_update->bind(2, key);
    return m_update->exec() || fail(m_update->errorString());
}

bool BulkUpdate::finish()
{
    if (!m_copying)
        return m_error.isEmpty();
    m_copying = false;
    if (!m_copy->end())
        return fail(m_copy->errorString());
    QSqlQuery q(m_db);
    QString error;
    const bool ok =
        Sql::exec(lcStorage(), q,
                  QStringLiteral("UPDATE %1 t SET %2 = b.v FROM %3 b WHERE t.%4 = b.k")
                      .arg(m_table, m_column, kTable, m_key),
                  {}, &error) &&
        Sql::exec(lcStorage(), q, QStringLiteral("DROP TABLE %1").arg(kTable), {}, &error);
    return ok || fail(error);
}

} // namespace masir
