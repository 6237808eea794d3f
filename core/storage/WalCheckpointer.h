#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

struct sqlite3;

namespace masir {

/// Checkpoints a workspace's write-ahead log on a thread of its own while a bulk
/// writer (an import, a worker cycle) commits on another.
///
/// With SQLite's automatic checkpoints, the connection that commits copies the
/// log into the database file itself, and waits for the two fsyncs each copy
/// ends with: for a million-row import, 340 fsyncs and 0.9 s on the writer's
/// thread; for a worker cycle applying 100,000 hits, 1.5 to 3 s. While a
/// WalCheckpointer lives, the writer's automatic checkpoints are off: a commit
/// that leaves the log at SQLite's own threshold (1,000 pages) or more wakes
/// this thread (at idle priority) to make a passive checkpoint with its own
/// connection, which never blocks the writer (nor readers). The log can grow
/// meanwhile: it restarts only once a checkpoint has caught up.
class WalCheckpointer final
{
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

public:
    /// \a db: the writer's connection to a workspace file in WAL mode. Does
    /// nothing (the writer keeps its automatic checkpoints) if another
    /// connection to the file cannot be opened.
    explicit WalCheckpointer(const QSqlDatabase &db);
    /// Stops the thread, checkpoints what is left if the log last held as much
    /// as SQLite's threshold (a short cycle's few pages wait, as they would
    /// have), and gives the writer its automatic checkpoints back.
    ~WalCheckpointer();

    bool isActive() const { return m_thread != nullptr; }
    /// Checkpoints made so far (for tests).
    int checkpoints() const;

private:
    static int committed(void *self, sqlite3 *, const char *, int logPages);
    void wake();
    void run();
    void checkpoint();

    QSqlDatabase m_db;
    sqlite3 *m_writer = nullptr;
    sqlite3 *m_connection = nullptr;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    std::atomic<int> m_logPages{0}; ///< in the log at the writer's last commit
    bool m_stop = false;
    int m_checkpoints = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace masir
