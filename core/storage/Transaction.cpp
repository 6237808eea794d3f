#include "storage/Transaction.h"

#include "common/Logging.h"
#include "storage/PostgresWorkspace.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {
/// The connections of this thread with a Transaction open on them: whether it
/// is all or nothing.
thread_local QHash<QString, bool> openConnections;
} // namespace

bool Transaction::isOpenOn(const QSqlDatabase &db)
{
    return openConnections.contains(db.connectionName());
}

bool Transaction::isAllOrNothing(const QSqlDatabase &db)
{
    return openConnections.value(db.connectionName(), false);
}

void Transaction::setAllOrNothing()
{
    if (m_active)
        openConnections.insert(m_db.connectionName(), true);
}

void Transaction::setActive(bool active)
{
    m_active = active;
    if (active)
        openConnections.insert(m_db.connectionName(), false);
    else
        openConnections.remove(m_db.connectionName());
}

Transaction::Transaction(QSqlDatabase db, Mode mode)
    : m_db(std::move(db))
    , m_mode(mode)
{
    QSqlQuery q(m_db);
    if (m_db.driverName() == QLatin1String("QPSQL")) {
        // PostgreSQL: rows are locked as they are written; a snapshot is a
        // repeatable-read transaction, taken at its first statement
        const bool writes = mode != Mode::ReadSnapshot;
        m_active =
            q.exec(writes ? QStringLiteral("BEGIN")
                          : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        // writers take turns, as on SQLite (see PostgresWorkspace::kWriteLock),
        // claim writers beside each other; they wait for it as SQLite waits for
        // its lock, not for ever
        if (m_active && writes &&
            (!q.exec(QStringLiteral("SET LOCAL lock_timeout = '%1ms'")
                         .arg(PostgresWorkspace::kWriteWaitMs)) ||
             !q.exec(QStringLiteral("SELECT %1(%2)")
                         .arg(mode == Mode::Claim ? QStringLiteral("pg_advisory_xact_lock_shared")
                                                  : QStringLiteral("pg_advisory_xact_lock"))
                         .arg(PostgresWorkspace::kWriteLock)))) {
            m_error = q.lastError().text();
            rollback();
            return;
        }
        if (m_active && mode == Mode::ReadSnapshot && !q.exec(QStringLiteral("SELECT 1"))) {
            m_error = q.lastError().text();
            rollback();
            return;
        }
    } else if (mode != Mode::ReadSnapshot) {
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        // SQLite takes the snapshot at the first read, not at BEGIN: read now.
        m_active = q.exec(QStringLiteral("BEGIN DEFERRED"));
        if (m_active && !q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            m_error = q.lastError().text();
            rollback();
            qCWarning(lcStorage) << "snapshot failed:" << m_error;
            return;
        }
    }
    if (!m_active) {
        m_error = q.lastError().text();
        qCWarning(lcStorage) << "BEGIN failed:" << m_error;
        return;
    }
    setActive(true);
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
    if (m_db.driverName() == QLatin1String("QPSQL")) {
        // A transaction a failed statement ended answers COMMIT with ROLLBACK,
        // not with an error; Qt's driver tells the two apart.
        if (!m_db.commit()) {
            m_error = m_db.lastError().text();
            if (m_error.trimmed().isEmpty())
                m_error = QCoreApplication::translate(
                    "masir::Transaction",
                    "The server rolled the transaction back: a statement in it failed.");
            qCWarning(lcStorage) << "COMMIT failed:" << m_error;
            rollback();
            return false;
        }
        setActive(false);
        return true;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        m_error = q.lastError().text();
        qCWarning(lcStorage) << "COMMIT failed:" << m_error;
        rollback();
        return false;
    }
    setActive(false);
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStorage) << "ROLLBACK failed:" << q.lastError().text();
    setActive(false);
}

} // namespace masir
