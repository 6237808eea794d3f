#include "storage/WorkspaceLock.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <atomic>
#include <limits>

namespace masir {

WorkspaceLock::WorkspaceLock(const Database &db, const QString &role)
    : m_db(db)
    , m_role(role)
{}

WorkspaceLock::~WorkspaceLock()
{
    unlock();
}

qint64 WorkspaceLock::key() const
{
    const QByteArray hash =
        QCryptographicHash::hash(m_role.toUtf8(), QCryptographicHash::Sha256).left(4);
    return (qint64(0x4D534952) << 32) | qFromBigEndian<quint32>(hash.constData());
}

bool WorkspaceLock::tryLock()
{
    m_error.clear();
    if (m_held)
        return true;
    if (!m_db.isPostgres()) {
        if (!m_file) {
            m_file =
                std::make_unique<QLockFile>(m_db.path() + QStringLiteral(".%1.lock").arg(m_role));
            m_file->setStaleLockTime(0); // stale only when its process is gone
        }
        m_held = m_file->tryLock(0);
        return m_held;
    }
    static std::atomic<int> serial{0};
    m_connection = QStringLiteral("masir-lock-%1-%2").arg(m_role).arg(serial++);
    QSqlDatabase db = m_db.separateConnection(m_connection);
    QSqlQuery q(db);
    if (!db.isOpen() ||
        !q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1), pg_backend_pid()").arg(key())) ||
        !q.next()) {
        m_error = tr("Masir cannot ask the server who sends from this workspace: %1")
                      .arg(db.isOpen() ? q.lastError().text() : db.lastError().text());
        qCWarning(lcStorage).noquote() << m_error;
        q = QSqlQuery();
        db = QSqlDatabase();
        dropConnection();
        return false;
    }
    m_held = q.value(0).toBool();
    m_serverPid = m_held ? q.value(1).toLongLong() : 0;
    q = QSqlQuery();
    db = QSqlDatabase();
    if (!m_held)
        dropConnection();
    return m_held;
}

bool WorkspaceLock::isHeld()
{
    if (!m_held || m_connection.isEmpty())
        return m_held;
    // the lock lives as long as its session: ask that session
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
                              "pid = pg_backend_pid() AND granted AND classid = %1 AND objid = %2")
                   .arg(quint32(quint64(key()) >> 32))
                   .arg(quint32(quint64(key()) & 0xFFFFFFFF))) &&
        q.next() && q.value(0).toInt() > 0)
        return true;
    qCWarning(lcStorage) << "lost the" << m_role << "lock:" << q.lastError().text();
    q = QSqlQuery();
    m_held = false;
    m_serverPid = 0;
    dropConnection();
    return false;
}

void WorkspaceLock::unlock()
{
    if (m_file && m_held)
        m_file->unlock();
    m_held = false;
    m_serverPid = 0;
    dropConnection(); // a server lets go of the session's lock with the session
}

void WorkspaceLock::dropConnection()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

QString WorkspaceLock::holder()
{
    if (!m_db.isPostgres()) {
        qint64 pid = 0;
        QString host, app;
        if (!m_file || !m_file->getLockInfo(&pid, &host, &app))
            return {};
        return tr("%1, pid %2").arg(app).arg(pid);
    }
    const auto process = holderProcess();
    if (!process)
        return {};
    return process->from.isEmpty()
               ? tr("server process %1").arg(process->pid)
               : tr("server process %1, from %2").arg(process->pid).arg(process->from);
}

std::optional<WorkspaceLock::Process> WorkspaceLock::holderProcess()
{
    if (!m_db.isPostgres())
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT a.pid, a.client_addr, %3 FROM pg_locks l "
                               "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = "
                               "'advisory' AND l.granted AND l.classid = %1 AND l.objid = %2 AND "
                               "l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database "
                               "WHERE datname = current_database())")
                    .arg(quint32(quint64(key()) >> 32))
                    .arg(quint32(quint64(key()) & 0xFFFFFFFF))
                    .arg(SqlDialect::integer(
                        QStringLiteral("floor(extract(epoch FROM a.backend_start) * 1000)")))) ||
        !q.next())
        return std::nullopt;
    // a session this user may not see the start of (another role, without
    // pg_read_all_stats) is never judged silent: no heartbeat is that new
    const qint64 since =
        q.value(2).isNull() ? std::numeric_limits<qint64>::max() : q.value(2).toLongLong();
    return Process{q.value(0).toLongLong(), since, q.value(1).toString()};
}

bool WorkspaceLock::evict(qint64 pid)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    // false from the server: that process is gone already, and the lock with it
    if (q.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)) && q.next()) {
        qCWarning(lcStorage) << "ended server process" << pid << "which held the" << m_role
                             << "lock and stopped answering";
        return true;
    }
    m_error = tr("The sending process (server process %1) stopped answering, but this one may "
                 "not end its connection: %2. Give this user the pg_signal_backend role, or "
                 "end that process on its machine.")
                  .arg(pid)
                  .arg(q.lastError().text());
    return false;
}

} // namespace masir
