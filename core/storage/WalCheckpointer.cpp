#include "storage/WalCheckpointer.h"

#include "common/Logging.h"
#include "storage/PreparedStatement.h"

#include <QSqlQuery>

#include <sqlite3.h>

namespace masir {

namespace {
// SQLite's default: what the writer gets back.
constexpr int kAutoCheckpointPages = 1000;
} // namespace

WalCheckpointer::WalCheckpointer(const QSqlDatabase &db)
    : m_db(db)
{
    const QByteArray path = db.databaseName().toUtf8();
    QSqlQuery q(db);
    if (path.isEmpty() || !q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next() ||
        q.value(0).toString() != QLatin1String("wal"))
        return;
    q.finish();
    m_writer = PreparedStatement::handle(db);
    if (!m_writer)
        return;
    if (sqlite3_open_v2(path.constData(), &m_connection, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        qCWarning(lcStorage) << "checkpointer: cannot open" << sqlite3_errmsg(m_connection);
        sqlite3_close(m_connection);
        m_connection = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_connection, 5000);
    // A connection learns that the file is in WAL mode when it first reads it;
    // until then a checkpoint does nothing.
    if (sqlite3_exec(m_connection, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr,
                     nullptr) != SQLITE_OK ||
        !q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"))) {
        sqlite3_close(m_connection);
        m_connection = nullptr;
        return;
    }
    // Instead of the automatic checkpoints (which the pragma just removed):
    // called by SQLite on the writer's thread after each of its commits.
    sqlite3_wal_hook(m_writer, &WalCheckpointer::committed, this);
    // At idle priority: while an import keeps both cores busy reading and
    // writing, the copying waits for the gaps (a million rows: 0.3 s sooner).
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start(QThread::IdlePriority);
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_thread)
        return;
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread->wait();
    // What is left, on this thread at its own priority: an idle thread could
    // wait long for its turn on a busy machine. A log below the threshold is
    // left to the automatic checkpoints given back below, as before.
    if (m_logPages.load() >= kAutoCheckpointPages)
        checkpoint();
    sqlite3_close(m_connection);
    QSqlQuery(m_db).exec(
        QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kAutoCheckpointPages));
}

int WalCheckpointer::committed(void *self, sqlite3 *, const char *, int logPages)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    checkpointer->m_logPages = logPages;
    if (logPages >= kAutoCheckpointPages)
        checkpointer->wake();
    return SQLITE_OK;
}

void WalCheckpointer::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

int WalCheckpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::checkpoint()
{
    int logFrames = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                             &logFrames, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        qCWarning(lcStorage) << "checkpoint failed:" << sqlite3_errmsg(m_connection);
    std::lock_guard lock(m_mutex);
    ++m_checkpoints;
}

void WalCheckpointer::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending || m_stop; });
            if (m_stop)
                return;
            m_pending = false;
        }
        checkpoint();
    }
}

} // namespace masir
