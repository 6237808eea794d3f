#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlQuery;

namespace masir {

class WorkspaceAddress;

/// Rows Database::copyFrom() copies: what \a select reads in the source
/// workspace goes into \a table here, by the names of the columns it reads.
struct RowCopy
{
    QString table;
    QString select;
    QString conflict = {}; ///< after the INSERT: "ON CONFLICT (…) DO UPDATE …"
    bool replace = false;  ///< the table here is emptied first
};

/// One workspace: a single SQLite file, or a PostgreSQL database (a
/// postgresql:// URL; see PostgresWorkspace).
///
/// open() validates the file before anything is written (a foreign file, a damaged
/// file, a newer schema or an unusable location are refused with a message and the
/// file is left as it was), then applies pending migrations.
///
/// Each thread gets its own named connection, opened lazily in that thread by
/// connection(); a thread's connections are closed when the thread ends.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Database)
    Q_DISABLE_COPY_MOVE(Database)

public:
    enum class Mode
    {
        ReadWrite, ///< migrate to the latest schema, create the file if missing
        ReadOnly,  ///< never write: the file must exist with the latest schema
    };

    explicit Database(const QString &path, Mode mode = Mode::ReadWrite);
    ~Database();

    /// Sets SQLite up for Masir, process-wide: call it first thing in main(),
    /// before any connection (SQLite refuses once a connection was opened).
    static void configureLibrary();

    bool open();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; } ///< a file, or a postgresql:// URL
    /// The workspace as people read it: a file's path, or a URL without its password.
    QString displayName() const;
    /// Whether the workspace is a PostgreSQL database rather than a file.
    bool isPostgres() const;
    Mode mode() const { return m_mode; }

    /// The connection for the calling thread, opened on first use.
    QSqlDatabase connection() const;

    /// A connection of its own, named \a name, not shared with the thread's
    /// (a lock held by its session); the caller removes it when done.
    QSqlDatabase separateConnection(const QString &name) const { return openConnection(name); }

    /// The schema version stored in the file (0 for a new file).
    int schemaVersion() const;

    /// Copies rows of \a source (a file or a server's workspace, read in one
    /// snapshot) into this one, all in one transaction: a scratch copy of a
    /// few contacts (the journey simulator), not a whole workspace.
    bool copyFrom(const Database &source, const QList<RowCopy> &copies, QString *error) const;

    /// Runs SQLite's full integrity check; returns an empty string when the file is sound.
    QString integrityProblems() const;

    /// Secondary indexes that a bulk write may drop and rebuild (sorting once is
    /// much cheaper than a million random inserts), and with them the trigger that
    /// gives each new contact its score row. open() recreates whatever is missing,
    /// for instance after an import was killed half-way, and makes the score rows.
    static QStringList rebuildableIndexes();
    bool dropRebuildableIndexes(const QStringList &names = rebuildableIndexes()) const;
    bool ensureIndexes() const;
    /// Makes one of rebuildableIndexes() if it is missing, and nothing else: for
    /// a bulk write that finds it must look values up in the table after all.
    bool ensureIndex(const QString &name) const;
    /// Adds the functions SqlDialect's SQL (and the migrations) call to \a db:
    /// every connection Database opens has them.
    static bool addSqlFunctions(const QSqlDatabase &db, QString *error = nullptr);
    /// Whether \a db overwrites what it deletes with zeros from now on: an
    /// erasure leaves nothing readable in the file's free space.
    static bool setSecureDelete(const QSqlDatabase &db, bool on, QString *error = nullptr);
    /// Copies the write-ahead log into the file and empties it, so that no
    /// older page is left in it (an erasure's last step). Retries for a few
    /// seconds while another connection reads; false when it could not.
    static bool truncateLog(const QSqlDatabase &db, QString *error = nullptr);
    /// The trigger's definition, as migration 12 made it.
    static QString scoreRowTrigger();

    /// The page cache every connection starts with, in KiB.
    static constexpr int defaultCacheKiB = 32768;
    /// The page size of a workspace file Masir creates, in bytes.
    static constexpr int newFilePageSize = 16384;

    /// The application_id Masir writes into its files ("MSIR").
    static constexpr int applicationId = 0x4D534952;

    /// Where a workspace lives when the user does not choose one.
    static QString defaultWorkspacePath();
    static QString demoWorkspacePath();

private:
    bool openPostgres();
    bool checkLocation();
    bool checkExistingFile();
    QString connectionName() const;
    QSqlDatabase openConnection(const QString &name) const;

    QString m_path;
    std::unique_ptr<WorkspaceAddress> m_address; ///< null when m_path could not be read
    Mode m_mode;
    bool m_open = false;
    QString m_error;
    quint64 m_serial;
};

/// A larger page cache on one connection for the length of a bulk write (an
/// import, a recomputation), back to what it was when it goes out of scope.
/// Scopes nest: an inner one smaller than the outer changes nothing, unless
/// it asks for exactly its size (an index build sorts faster with less).
class ScopedCacheSize final
{
    Q_DISABLE_COPY_MOVE(ScopedCacheSize)

public:
    enum class Size
    {
        AtLeast,
        Exactly,
    };
    ScopedCacheSize(QSqlDatabase db, int kib, Size size = Size::AtLeast);
    ~ScopedCacheSize();

private:
    static qint64 pageSizeKiB(QSqlQuery &q);

    QSqlDatabase m_db;
    qint64 m_previousKiB = 0; ///< 0: left as it was
};

/// A connection set up for a bulk writer (an import) for as long as it lives:
/// a page cache of \a cacheKiB, CHECK constraints not evaluated (SQLite builds a
/// temporary table for each IN list in them on every INSERT, which costs more
/// than the insert: the writer writes only values it has checked), and, unless
/// \a checkReferences, foreign keys not checked (the writer writes only rows
/// that refer to rows it wrote in the same transaction). Everything goes back
/// when it goes out of scope.
class BulkWriteSettings final
{
    Q_DISABLE_COPY_MOVE(BulkWriteSettings)

public:
    BulkWriteSettings(QSqlDatabase db, int cacheKiB, bool checkReferences);
    ~BulkWriteSettings();

private:
    QSqlDatabase m_db;
    ScopedCacheSize m_cache;
    bool m_checkReferences;
};

} // namespace masir
