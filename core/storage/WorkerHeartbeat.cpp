#include "storage/WorkerHeartbeat.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/PostgresWorkspace.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSysInfo>
#include <QThread>
#include <QUuid>

#include <condition_variable>
#include <mutex>

namespace masir {

namespace {

constexpr qint64 kForgetAfterMs = 7LL * 24 * 3600 * 1000;

QString stateKey(WorkerHeartbeat::State state)
{
    switch (state) {
    case WorkerHeartbeat::State::Starting:
        return QStringLiteral("starting");
    case WorkerHeartbeat::State::Sending:
        return QStringLiteral("sending");
    case WorkerHeartbeat::State::Standby:
        return QStringLiteral("standby");
    case WorkerHeartbeat::State::Paused:
        return QStringLiteral("paused");
    case WorkerHeartbeat::State::Off:
        return QStringLiteral("off");
    case WorkerHeartbeat::State::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

} // namespace

/// The thread that writes the beats, with its own connection.
class WorkerHeartbeat::Beats final
{
public:
    Beats(const Database &db, int beatMs)
        : m_db(db)
        , m_beatMs(beatMs)
        , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
        , m_startedAt(QDateTime::currentMSecsSinceEpoch())
        // the program's file ("masir-cli", "masir"), as people start it; read
        // here, in the thread that owns the application
        , m_program(QFileInfo(QCoreApplication::applicationFilePath()).fileName())
    {
        m_thread.reset(QThread::create([this] { loop(); }));
        m_thread->setObjectName(QStringLiteral("masir-heartbeat"));
        m_thread->start(QThread::LowPriority);
    }
    ~Beats()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread->wait();
    }

    void set(State state, const QString &detail, qint64 lockPid)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (state == m_state && detail == m_detail && lockPid == m_lockPid)
                return;
            m_state = state;
            m_detail = detail;
            m_lockPid = lockPid;
            m_changed = true;
        }
        m_wake.notify_all();
    }
    QString id() const { return m_id; }

private:
    void loop()
    {
        const QString name = QStringLiteral("masir-heartbeat-") + m_id;
        {
            QSqlDatabase db = m_db.separateConnection(name);
            forgetSilent(db);
            std::unique_lock lock(m_mutex);
            while (!m_stop) {
                const State state = m_state;
                const QString detail = m_detail;
                const qint64 lockPid = m_lockPid;
                m_changed = false;
                lock.unlock();
                // the server went away or restarted: connect again for the next
                // beat (a file's write waits for the next beat instead)
                if (!write(db, state, detail, lockPid) && m_db.isPostgres())
                    PostgresWorkspace::reconnect(db, false);
                lock.lock();
                m_wake.wait_for(lock, std::chrono::milliseconds(m_beatMs),
                                [this] { return m_stop || m_changed; });
            }
            lock.unlock();
            QSqlQuery q(db);
            QString error;
            if (!Sql::exec(lcStorage(), q, QStringLiteral("DELETE FROM workers WHERE id = ?"),
                           {m_id}, &error))
                qCWarning(lcStorage) << "could not remove the worker's heartbeat:" << error;
        }
        QSqlDatabase::removeDatabase(name);
    }

    bool write(const QSqlDatabase &db, State state, const QString &detail, qint64 lockPid)
    {
        QSqlQuery q(db);
        QString error;
        const QString &program = m_program;
        if (Sql::exec(
                lcStorage(), q,
                QStringLiteral("INSERT INTO workers (id, program, host, pid, lock_pid, state, "
                               "detail, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, "
                               "?, ?, ?, %1) ON CONFLICT (id) DO UPDATE SET lock_pid = "
                               "excluded.lock_pid, state = excluded.state, detail = "
                               "excluded.detail, heartbeat_at = excluded.heartbeat_at")
                    .arg(SqlDialect(db).nowMs()),
                {m_id, program.isEmpty() ? QStringLiteral("masir") : program,
                 QSysInfo::machineHostName(), QCoreApplication::applicationPid(), lockPid,
                 stateKey(state), SqlValues::text(detail), m_startedAt},
                &error))
            return true;
        qCWarning(lcStorage) << "could not write the worker's heartbeat:" << error;
        return false;
    }

    void forgetSilent(const QSqlDatabase &db)
    {
        QSqlQuery q(db);
        QString error;
        if (!Sql::exec(lcStorage(), q,
                       QStringLiteral("DELETE FROM workers WHERE heartbeat_at < %1 - ?")
                           .arg(SqlDialect(db).nowMs()),
                       {kForgetAfterMs}, &error))
            qCWarning(lcStorage) << "could not clear old heartbeats:" << error;
    }

    const Database &m_db;
    const int m_beatMs;
    const QString m_id;
    const qint64 m_startedAt;
    const QString m_program;
    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_changed = false;
    State m_state = State::Starting;
    QString m_detail;
    qint64 m_lockPid = 0;
};

WorkerHeartbeat::WorkerHeartbeat(const Database &db, int beatMs)
    : m_beats(std::make_unique<Beats>(db, beatMs))
{}

WorkerHeartbeat::~WorkerHeartbeat() = default;

void WorkerHeartbeat::set(State state, const QString &detail, qint64 lockPid)
{
    m_beats->set(state, detail, lockPid);
}

QString WorkerHeartbeat::id() const
{
    return m_beats->id();
}

std::optional<QList<WorkerBeat>> WorkerHeartbeat::list(const Database &db, QString *error)
{
    QSqlQuery q(db.connection());
    if (!Sql::exec(lcStorage(), q,
                   QStringLiteral("SELECT id, program, host, pid, lock_pid, state, detail, "
                                  "started_at, heartbeat_at, %1 - heartbeat_at FROM workers "
                                  "ORDER BY heartbeat_at DESC, id")
                       .arg(SqlDialect(db.connection()).nowMs()),
                   {}, error))
        return std::nullopt;
    QList<WorkerBeat> out;
    while (q.next())
        out << WorkerBeat{q.value(0).toString(),   q.value(1).toString(),
                          q.value(2).toString(),   q.value(3).toLongLong(),
                          q.value(4).toLongLong(), q.value(5).toString(),
                          q.value(6).toString(),   q.value(7).toLongLong(),
                          q.value(8).toLongLong(), std::max<qint64>(0, q.value(9).toLongLong())};
    return out;
}

std::optional<bool> WorkerHeartbeat::isSilent(const Database &db, qint64 lockPid, qint64 sinceMs,
                                              qint64 leaseMs, QString *error)
{
    QSqlQuery q(db.connection());
    if (!Sql::exec(lcStorage(), q,
                   QStringLiteral("SELECT max(heartbeat_at) < %1 - ? FROM workers WHERE lock_pid "
                                  "= ? AND heartbeat_at >= ?")
                       .arg(SqlDialect(db.connection()).nowMs()),
                   {leaseMs, lockPid, sinceMs}, error) ||
        !q.next())
        return std::nullopt;
    return !q.value(0).isNull() && q.value(0).toBool();
}

QString WorkerHeartbeat::describe(const WorkerBeat &beat)
{
    const QString who = tr("%1 on %2").arg(beat.program, beat.host);
    if (beat.state == QLatin1String("sending"))
        return tr("%1 sends from this workspace").arg(who);
    if (beat.state == QLatin1String("standby"))
        return tr("%1 stands by, ready to send").arg(who);
    if (beat.state == QLatin1String("paused"))
        return tr("%1 runs; sending is paused").arg(who);
    if (beat.state == QLatin1String("off"))
        return tr("%1 runs journeys and does not send").arg(who);
    if (beat.state == QLatin1String("error"))
        return tr("%1 cannot send: %2").arg(who, beat.detail);
    return tr("%1 is starting").arg(who);
}

} // namespace masir
