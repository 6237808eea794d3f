#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace masir {

class WorkspaceAddress;

/// A workspace in a PostgreSQL database: how a connection to it is opened,
/// and what opening it checks and makes (Database's PostgreSQL side).
///
/// Opening refuses, with what to do, a server older than PostgreSQL 13, a
/// database that holds another program's tables, and a workspace of a newer
/// Masir. An empty database gets the schema (postgres/baseline.sql) and its
/// version in masir_meta, in one transaction under an advisory lock, so two
/// desktops opening a new database at once make it once.
class PostgresWorkspace final
{
    Q_DECLARE_TR_FUNCTIONS(masir::PostgresWorkspace)

public:
    /// The schema version baseline.sql makes.
    static constexpr int kBaselineVersion = 24;
    /// server_version_num of the oldest server Masir works with.
    static constexpr int kMinimumServer = 130000;
    /// The advisory lock that guards making and migrating the schema.
    static constexpr qint64 kSchemaLock = 0x4D534952'0001; // "MSIR", 1

    /// The advisory lock every write transaction takes first: writers take
    /// turns, as SQLite's BEGIN IMMEDIATE makes them, so that what a writer
    /// checks before it writes (is this contact enrolled already?) still holds
    /// when it writes, and rows commit in the order of their ids. Claim
    /// writers (journey steps) take it shared: they run beside each other on
    /// rows each claimed, and never while another writer is in its
    /// transaction, so a reader by id (a trigger scan, live scoring), itself
    /// a writer, never passes an id whose row could still commit.
    static constexpr qint64 kWriteLock = 0x4D534952'0002; // "MSIR", 2
    /// How long a writer waits for kWriteLock (and any lock in its
    /// transaction) before it gives up with an error.
    static constexpr int kWriteWaitMs = 15000;
    /// How long a session may sit in a transaction without a statement before
    /// the server ends it (and the transaction with it).
    static constexpr int kIdleInTransactionMs = 20000;

    /// Opens connection \a name to \a address; the error is the connection's.
    /// A \a readOnly connection's transactions are read-only on the server.
    static QSqlDatabase connect(const WorkspaceAddress &address, const QString &name,
                                bool readOnly = false);
    /// Whether \a db still reaches its server (the server restarted, or the
    /// session was ended): if not, connects it again, with the same settings.
    /// Call it between transactions. False when the server is still away.
    static bool reconnect(QSqlDatabase db, bool readOnly, bool *again = nullptr);
    /// Checks the server and the database, and makes the schema in an empty
    /// one unless \a readOnly. False with \a error saying what to do.
    static bool prepare(QSqlDatabase db, const WorkspaceAddress &address, bool readOnly,
                        QString *error);
    /// The schema version in masir_meta; 0 when there is none.
    static int schemaVersion(QSqlDatabase db);
    /// What a failed connection's error means for the user, and what to do.
    static QString connectionProblem(const WorkspaceAddress &address, const QString &driverError);

private:
    /// A new session's settings.
    static void setUp(QSqlDatabase db, bool readOnly);
};

} // namespace masir
