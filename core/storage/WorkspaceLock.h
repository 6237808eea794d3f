#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class Database;

/// A lock that one process at a time holds for a workspace, for one role (the
/// sender). Next to a workspace file it is a lock file (QLockFile, taken over
/// when its process is gone). On a server it is a session advisory lock on a
/// connection of its own: the server lets it go when that connection ends, also
/// when the process holding it dies or its connection is cut, so a standby on
/// another machine can take over.
class WorkspaceLock final
{
    Q_DECLARE_TR_FUNCTIONS(masir::WorkspaceLock)
    Q_DISABLE_COPY_MOVE(WorkspaceLock)

public:
    /// The lock named \a role ("sender") of \a db's workspace.
    WorkspaceLock(const Database &db, const QString &role);
    ~WorkspaceLock();

    /// Takes the lock if it is free, without waiting. False when another
    /// holds it, or (errorString() says why) when the server could not be asked.
    bool tryLock();
    QString errorString() const { return m_error; }
    /// Whether this one still holds it: a server's lock is lost with its
    /// connection (checked on the server).
    bool isHeld();
    void unlock();
    /// Who holds it, for a message: "masir-cli, pid 123" or "server process
    /// 4567, from 10.0.0.5"; empty if unknown.
    QString holder();

    /// On a server: the server process whose session holds the lock, and when
    /// that session began (ms since 1970, the server's clock): a heartbeat
    /// older than the session is not the holder's, whatever its process number.
    struct Process
    {
        qint64 pid = 0;
        qint64 sinceMs = 0;
        QString from; ///< the client's address; empty on a local socket
    };
    std::optional<Process> holderProcess();
    /// The server process of this one's own lock session; 0 on a file or when not held.
    qint64 serverPid() const { return m_serverPid; }
    /// Ends the session of server process \a pid, which holds the lock and has
    /// stopped answering: the server lets the lock go. False (errorString())
    /// when this user may not end it.
    bool evict(qint64 pid);

private:
    /// The advisory lock's key: "MSIR" and the role's hash.
    qint64 key() const;
    void dropConnection();

    const Database &m_db;
    QString m_role;
    std::unique_ptr<QLockFile> m_file; ///< a workspace file's
    QString m_connection;              ///< a server's: the connection holding the lock
    qint64 m_serverPid = 0;            ///< that connection's server process
    bool m_held = false;
    QString m_error;
};

} // namespace masir
