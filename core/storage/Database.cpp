#include "storage/Database.h"

#include "common/Logging.h"
#include "storage/Migrations.h"
#include "storage/PostgresWorkspace.h"
#include "storage/PreparedStatement.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"
#include "storage/WorkspaceAddress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QThread>
#include <QThreadStorage>
#include <QUrl>

#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <optional>
#include <vector>

namespace masir {

namespace {

std::atomic<quint64> g_nextSerial{1};

// Connections opened by the current thread. QThreadStorage deletes this when the
// thread finishes (before QThread::wait() returns), so a finished worker never
// leaves a dangling connection behind.
struct ThreadConnections
{
    std::vector<QString> names;
    ~ThreadConnections()
    {
        for (const QString &name : names) {
            { // the handle must be gone before removeDatabase()
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};
QThreadStorage<ThreadConnections *> t_connections;

std::vector<QString> &threadConnectionNames()
{
    if (!t_connections.hasLocalData())
        t_connections.setLocalData(new ThreadConnections);
    return t_connections.localData()->names;
}

constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);

/// masir_number(x): SqlDialect::toNumber(). Numbers as they are; text that is
/// a whole number after trimming spaces as that number; anything else NULL.
void sqlNumber(sqlite3_context *context, int, sqlite3_value **argv)
{
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        sqlite3_result_value(context, argv[0]);
        return;
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
        const QByteArray trimmed =
            QByteArray::fromRawData(text, sqlite3_value_bytes(argv[0])).trimmed();
        bool ok = false;
        const qlonglong whole = trimmed.toLongLong(&ok);
        if (ok) {
            sqlite3_result_int64(context, whole);
            return;
        }
        const double real = trimmed.toDouble(&ok);
        if (ok && std::isfinite(real)) {
            sqlite3_result_double(context, real);
            return;
        }
        break;
    }
    default:
        break;
    }
    sqlite3_result_null(context);
}

} // namespace

Database::Database(const QString &path, Mode mode)
    : m_path(WorkspaceAddress::isUrl(path) ? path : QFileInfo(path).absoluteFilePath())
    , m_mode(mode)
    , m_serial(g_nextSerial++)
{
    QString error;
    if (auto address = WorkspaceAddress::parse(m_path, &error))
        m_address = std::make_unique<WorkspaceAddress>(std::move(*address));
    else
        m_error = error;
    // A server's password lives only in m_address: path() is shown, logged
    // and kept (recent workspaces), never with it.
    if (WorkspaceAddress::isUrl(m_path))
        m_path = m_address ? m_address->display()
                           : QUrl(m_path.trimmed()).toString(QUrl::RemovePassword);
}

Database::~Database()
{
    // Close this thread's connection; other threads close theirs when they end.
    const QString name = connectionName();
    auto &names = threadConnectionNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        names.erase(it);
    }
}

QString Database::defaultWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace.masir"));
}

QString Database::demoWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.masir"));
}

bool Database::checkLocation()
{
    const QFileInfo file(m_path);
    const QFileInfo dir(file.absolutePath());
    if (!dir.exists()) {
        m_error = tr("The folder %1 does not exist. Create it first, or choose another "
                     "location for the workspace.")
                      .arg(QDir::toNativeSeparators(dir.absoluteFilePath()));
        return false;
    }
    if (!dir.isDir()) {
        m_error = tr("%1 is not a folder. Choose another location for the workspace.")
                      .arg(QDir::toNativeSeparators(dir.absoluteFilePath()));
        return false;
    }
    if (file.exists() && file.isDir()) {
        m_error = tr("%1 is a folder, not a workspace file. Give the path of a file.")
                      .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    if (m_mode == Mode::ReadOnly) {
        if (!file.exists()) {
            m_error = tr("There is no workspace at %1.").arg(QDir::toNativeSeparators(m_path));
            return false;
        }
        return true;
    }
    // SQLite in WAL mode writes two companion files next to the workspace, so the
    // folder itself has to be writable, not only the file. Permission bits do not
    // tell the whole truth (read-only mounts, administrators), so try it.
    QTemporaryFile probe(
        QDir(dir.absoluteFilePath()).filePath(QStringLiteral(".masir-probe-XXXXXX")));
    if (!dir.isWritable() || !probe.open()) {
        m_error = tr("The folder %1 is read-only, so Masir cannot save the workspace there. "
                     "Choose a folder you can write to.")
                      .arg(QDir::toNativeSeparators(dir.absoluteFilePath()));
        return false;
    }
    if (file.exists() && !file.isWritable()) {
        m_error = tr("The workspace file %1 is read-only. Make it writable, or open a copy.")
                      .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    return true;
}

bool Database::checkExistingFile()
{
    QFile file(m_path);
    if (!file.exists() || file.size() == 0)
        return true; // a new workspace
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("Masir cannot read %1: %2.")
                      .arg(QDir::toNativeSeparators(m_path), file.errorString());
        return false;
    }
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() < 100 || QByteArrayView(header).first(16) != kSqliteMagic) {
        m_error = tr("%1 is not a Masir workspace: it is not an SQLite database. "
                     "Choose another file; this one was left untouched.")
                      .arg(QDir::toNativeSeparators(m_path));
        return false;
    }

    // Look inside through a read-only connection, so that a refused file is never
    // changed: no migration, no journal mode switch, nothing.
    const QString probeName = QStringLiteral("masir-probe-%1").arg(m_serial);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), probeName);
        // Without a -wal file the main file holds everything, and SQLite's immutable
        // mode reads it without creating -wal/-shm files. With one (Masir is running,
        // or crashed), a read-only connection must take the WAL into account.
        if (QFileInfo::exists(m_path + QStringLiteral("-wal"))) {
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            db.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                               QStringLiteral("?mode=ro&immutable=1"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        }
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery q(db);
            int appId = 0;
            int version = 0;
            if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
                problem = q.lastError().text();
            } else if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
                problem = q.lastError().text();
            } else {
                appId = q.value(0).toInt();
                if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
                    problem = q.lastError().text();
                else
                    version = q.value(0).toInt();
            }
            q.finish();
            int tables = 0;
            if (problem.isEmpty() && appId == 0 && version == 0) {
                if (q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next())
                    tables = q.value(0).toInt();
            }
            if (problem.isEmpty() && ((appId != 0 && appId != applicationId) || tables > 0)) {
                m_error = tr("%1 is an SQLite database made by another program, not a Masir "
                             "workspace. Choose another file; this one was left untouched.")
                              .arg(QDir::toNativeSeparators(m_path));
            } else if (problem.isEmpty() && version > Migrations::latestVersion()) {
                m_error = tr("%1 was saved by a newer version of Masir (schema %2; this version "
                             "understands up to %3). Update Masir to open it; the file was "
                             "left untouched.")
                              .arg(QDir::toNativeSeparators(m_path))
                              .arg(version)
                              .arg(Migrations::latestVersion());
            } else if (problem.isEmpty() && m_mode == Mode::ReadOnly &&
                       version < Migrations::latestVersion()) {
                m_error = tr("%1 needs to be upgraded before it can be read. Open it once "
                             "with write access.")
                              .arg(QDir::toNativeSeparators(m_path));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(probeName);

    if (!problem.isEmpty()) {
        qCWarning(lcStorage) << "refusing" << m_path << problem;
        m_error = tr("%1 is damaged or is not a Masir workspace (%2). Restore it from a "
                     "backup; the file was left untouched.")
                      .arg(QDir::toNativeSeparators(m_path), problem);
        return false;
    }
    return m_error.isEmpty();
}

bool Database::open()
{
    m_open = false;
    if (!m_address)
        return false; // the address could not be read: m_error says why
    m_error.clear();
    if (m_address->isPostgres())
        return openPostgres();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_error = tr("The Qt SQLite driver is not installed (on Debian and Ubuntu: the "
                     "libqt6sql6-sqlite package).");
        return false;
    }
    if (!checkLocation() || !checkExistingFile())
        return false;

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = tr("Masir cannot open %1: %2.")
                      .arg(QDir::toNativeSeparators(m_path), db.lastError().text());
        return false;
    }
    // Every writer goes through SQLite's own API on Qt's connections.
    QString sqliteError;
    if (!PreparedStatement::handle(db, &sqliteError)) {
        qCWarning(lcStorage) << sqliteError;
        m_error = tr("Masir cannot use Qt's SQLite driver: it was built with its own copy of "
                     "SQLite. Install a Qt built with the system SQLite (as Debian, Ubuntu, "
                     "Fedora and Homebrew ship it).");
        return false;
    }
    if (m_mode == Mode::ReadWrite) {
        Migrations migrations(db);
        if (!migrations.migrate()) {
            m_error = tr("Masir could not upgrade %1: %2. The file was left as it was.")
                          .arg(QDir::toNativeSeparators(m_path), migrations.errorString());
            return false;
        }
        ensureIndexes(); // after a bulk write that was cut short
    }
    m_open = true;
    return true;
}

bool Database::openPostgres()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_error = tr("The Qt PostgreSQL driver is not installed (on Debian and Ubuntu: the "
                     "libqt6sql6-psql package).");
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = PostgresWorkspace::connectionProblem(*m_address, db.lastError().text());
        // forgotten, so that opening again connects again
        const QString name = connectionName();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        auto &names = threadConnectionNames();
        names.erase(std::remove(names.begin(), names.end(), name), names.end());
        return false;
    }
    if (!PostgresWorkspace::prepare(db, *m_address, m_mode == Mode::ReadOnly, &m_error))
        return false;
    m_open = true;
    return true;
}

bool Database::isPostgres() const
{
    return m_address && m_address->isPostgres();
}

QString Database::displayName() const
{
    return m_address ? m_address->display() : QDir::toNativeSeparators(m_path);
}

QString Database::connectionName() const
{
    return QStringLiteral("masir-%1-%2")
        .arg(m_serial)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    threadConnectionNames().push_back(name);
    return openConnection(name);
}

bool Database::addSqlFunctions(const QSqlDatabase &db, QString *error)
{
    sqlite3 *handle = PreparedStatement::handle(db, error);
    return handle &&
           sqlite3_create_function_v2(handle, "masir_number", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, sqlNumber, nullptr, nullptr, nullptr) == SQLITE_OK;
}

QSqlDatabase Database::openConnection(const QString &name) const
{
    if (isPostgres())
        return PostgresWorkspace::connect(*m_address, name, m_mode == Mode::ReadOnly);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    if (m_mode == Mode::ReadOnly)
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    const QStringList pragmas = {
        // Wait up to 5 s for another connection (the worker, an import) to finish its
        // write instead of failing at once with "database is locked".
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        // SQLite leaves foreign keys off unless each connection asks; we rely on them
        // for ON DELETE CASCADE from contacts to tags, values and events.
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // Temporary b-trees for sorting stay in memory.
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        // 32 MiB page cache per connection: enough for the contact list's indexes.
        QStringLiteral("PRAGMA cache_size = -%1").arg(defaultCacheKiB),
        // The log of a large import grows with it (see WalCheckpointer); when it
        // starts over it is cut back to 64 MiB instead of keeping that size on disk.
        QStringLiteral("PRAGMA journal_size_limit = %1").arg(64 * 1024 * 1024),
    };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma))
            qCWarning(lcStorage) << pragma << q.lastError().text();
    }
    q.finish();
    QString error;
    if (!addSqlFunctions(db, &error))
        qCWarning(lcStorage) << "cannot add masir_number()" << error;
    if (m_mode == Mode::ReadWrite) {
        // A new workspace is made with 16 KiB pages (a file keeps the size it was
        // made with): a quarter of the reads and writes of SQLite's 4 KiB default
        // for the same data, and each costs a system call. A million-row import
        // made 730,000 of them with 4 KiB pages. Against 8 KiB pages, on a million
        // contacts: the import 0.2 s faster, a jump to the middle of the list
        // 74 -> 52 ms, a search with no match 378 -> 321 ms, a 3-condition segment
        // 204 -> 158 ms, journeys as fast.
        q.exec(QStringLiteral("PRAGMA page_size = %1").arg(newFilePageSize));
        // WAL lets the UI read while the worker or an import writes, and a crash at
        // any moment leaves the file consistent. In WAL mode synchronous=NORMAL is
        // still safe against an application crash (only a power loss can roll back
        // the last commits, never corrupt the file) and saves an fsync per commit.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            qCWarning(lcStorage) << "journal_mode" << q.lastError().text();
        if (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
            qCWarning(lcStorage) << "synchronous" << q.lastError().text();
    }
    return db;
}

void Database::configureLibrary()
{
    // SQLite keeps memory statistics by default, behind one process-wide mutex
    // taken on every allocation and free: 16% of an import's writer thread, for
    // numbers Masir never reads.
    if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        qCWarning(lcStorage) << "SQLite was set up before configureLibrary()";
}

int Database::schemaVersion() const
{
    if (isPostgres())
        return PostgresWorkspace::schemaVersion(connection());
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

namespace {
// name -> definition; the same as the migrations create them (a test checks it).
const QList<QPair<QString, QString>> &indexDefinitions()
{
    static const QList<QPair<QString, QString>> list = {
        {QStringLiteral("contacts_email"),
         QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS contacts_email ON contacts (email) "
                        "WHERE email <> ''")},
        {QStringLiteral("contacts_phone"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS contacts_phone ON contacts (phone)")},
        {QStringLiteral("contacts_last_name"),
         QStringLiteral(
             "CREATE INDEX IF NOT EXISTS contacts_last_name ON contacts (last_name, id)")},
        {QStringLiteral("contacts_company"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS contacts_company ON contacts (company, id)")},
        {QStringLiteral("contacts_created"),
         QStringLiteral(
             "CREATE INDEX IF NOT EXISTS contacts_created ON contacts (created_at, source)")},
    };
    return list;
}
} // namespace

QStringList Database::rebuildableIndexes()
{
    QStringList names;
    for (const auto &[name, sql] : indexDefinitions())
        names << name;
    return names;
}

bool Database::dropRebuildableIndexes(const QStringList &names) const
{
    // A shared server keeps its indexes: other desktops read and write while
    // a bulk write runs.
    if (isPostgres())
        return true;
    QSqlQuery q(connection());
    for (const QString &name : names) {
        Q_ASSERT(rebuildableIndexes().contains(name));
        if (!q.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(name)))
            return false;
    }
    // A trigger runs as a statement within the statement: for a million inserts
    // it cost more than the inserts. ensureIndexes() makes its rows at once.
    return q.exec(QStringLiteral("DROP TRIGGER IF EXISTS contacts_score_row"));
}

bool Database::ensureIndex(const QString &name) const
{
    for (const auto &[indexName, sql] : indexDefinitions()) {
        if (indexName != name)
            continue;
        if (isPostgres())
            return true; // never dropped there
        QSqlQuery q(connection());
        if (q.exec(sql))
            return true;
        qCWarning(lcStorage) << "cannot create index" << name << q.lastError().text();
        return false;
    }
    Q_ASSERT_X(false, "ensureIndex", "not a rebuildable index");
    return false;
}

bool Database::ensureIndexes() const
{
    if (isPostgres())
        return true; // never dropped there
    QSqlQuery q(connection());
    QStringList existing;
    if (q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'"))) {
        while (q.next())
            existing << q.value(0).toString();
    }
    q.finish();
    // Building an index sorts the table; let SQLite sort on a second thread. Its
    // sorter hands a run to that thread each time a run fills the page cache, so
    // a small cache while building keeps both cores busy (the four contacts
    // indexes of a million rows: 2.9 s with a 64 MB cache, 2.0 s with 2 MB).
    // The runs go to temporary files: with our temp_store = MEMORY they went
    // through in-memory journals, and the four indexes took 2.7 s, not 2.2 s.
    std::optional<ScopedCacheSize> smallCache;
    auto memoryTemp = qScopeGuard([&] {
        if (smallCache)
            q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    });
    for (const auto &[name, sql] : indexDefinitions()) {
        if (existing.contains(name))
            continue;
        if (!smallCache) {
            smallCache.emplace(connection(), 2048, ScopedCacheSize::Size::Exactly);
            q.exec(QStringLiteral("PRAGMA threads = 2"));
            q.exec(QStringLiteral("PRAGMA temp_store = FILE"));
        }
        if (!q.exec(sql)) {
            qCWarning(lcStorage) << "cannot create index" << name << q.lastError().text();
            return false;
        }
    }
    // The trigger that gives each new contact its score row: the rows it did not
    // make while a bulk write had it away are made now, with it, in one step.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                               "name = 'contacts_score_row'")) ||
        !q.next())
        return false;
    if (q.value(0).toInt() > 0)
        return true;
    q.finish();
    Transaction tx(connection(), Transaction::Mode::Write);
    // A bulk import makes its contacts' rows batch by batch; the counts (from the
    // smallest indexes) say whether anything is left to make.
    bool complete = false;
    if (tx.isActive() &&
        q.exec(QStringLiteral("SELECT (SELECT count(*) FROM contacts) = (SELECT count(*) FROM "
                              "contact_scores)")) &&
        q.next())
        complete = q.value(0).toBool();
    q.finish();
    if (!tx.isActive() ||
        (!complete &&
         !q.exec(QStringLiteral("INSERT INTO contact_scores (contact_id) SELECT id FROM contacts "
                                "WHERE NOT EXISTS (SELECT 1 FROM contact_scores s WHERE "
                                "s.contact_id = contacts.id) ORDER BY id"))) ||
        !q.exec(scoreRowTrigger()) || !tx.commit()) {
        qCWarning(lcStorage) << "cannot restore the score rows" << q.lastError().text()
                             << tx.errorString();
        return false;
    }
    return true;
}

QString Database::scoreRowTrigger()
{
    return QStringLiteral("CREATE TRIGGER contacts_score_row AFTER INSERT ON contacts BEGIN "
                          "INSERT INTO contact_scores (contact_id) VALUES (new.id); END");
}

bool Database::copyFrom(const Database &source, const QList<RowCopy> &copies, QString *error) const
{
    QSqlDatabase from = source.connection();
    QSqlDatabase to = connection();
    Transaction snapshot(from, Transaction::Mode::ReadSnapshot);
    Transaction tx(to, Transaction::Mode::Write);
    if (!snapshot.isActive() || !tx.isActive()) {
        *error = snapshot.isActive() ? tx.errorString() : snapshot.errorString();
        return false;
    }
    tx.setAllOrNothing();
    for (const RowCopy &copy : copies) {
        QSqlQuery write(to);
        if (copy.replace && !Sql::exec(lcStorage(), write,
                                       QStringLiteral("DELETE FROM %1").arg(copy.table), {}, error))
            return false;
        QSqlQuery read(from);
        read.setForwardOnly(true);
        if (!Sql::exec(lcStorage(), read, copy.select, {}, error))
            return false;
        const QSqlRecord columns = read.record();
        QStringList names;
        for (int i = 0; i < columns.count(); ++i)
            names << columns.fieldName(i);
        if (!Sql::prepare(write, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) %4")
                                     .arg(copy.table, names.join(QLatin1Char(',')),
                                          Sql::placeholders(columns.count()), copy.conflict))) {
            *error = write.lastError().text();
            return false;
        }
        while (read.next()) {
            QVariantList row;
            row.reserve(columns.count());
            for (int i = 0; i < columns.count(); ++i)
                row << read.value(i);
            if (!Sql::execPrepared(lcStorage(), write, row, error))
                return false;
        }
    }
    if (!tx.commit()) {
        *error = tx.errorString();
        return false;
    }
    return true;
}

QString Database::integrityProblems() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return q.lastError().text();
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    return problems.join(QLatin1Char('\n'));
}

ScopedCacheSize::ScopedCacheSize(QSqlDatabase db, int kib, Size size)
    : m_db(std::move(db))
{
    // Negative: KiB; positive: pages. Each scope gives back what was there
    // before it (the default when that cannot be read).
    m_previousKiB = Database::defaultCacheKiB;
    if (SqlDialect(m_db).isPostgres()) {
        m_previousKiB = 0; // the server's memory is its administrator's
        return;
    }
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next()) {
        const qint64 before = q.value(0).toLongLong();
        m_previousKiB = before < 0 ? -before : before * pageSizeKiB(q);
    }
    q.finish();
    if (kib > m_previousKiB || (size == Size::Exactly && kib != m_previousKiB))
        q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kib));
    else
        m_previousKiB = 0; // nothing to give back
}

BulkWriteSettings::BulkWriteSettings(QSqlDatabase db, int cacheKiB, bool checkReferences)
    : m_db(std::move(db))
    , m_cache(m_db, cacheKiB)
    , m_checkReferences(checkReferences)
{
    if (SqlDialect(m_db).isPostgres()) {
        m_checkReferences = true; // a server checks everything it is given
        return;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA ignore_check_constraints = ON")))
        qCWarning(lcStorage) << "ignore_check_constraints:" << q.lastError().text();
    if (!checkReferences && !q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")))
        qCWarning(lcStorage) << "foreign_keys:" << q.lastError().text();
}

BulkWriteSettings::~BulkWriteSettings()
{
    if (SqlDialect(m_db).isPostgres())
        return;
    QSqlQuery q(m_db);
    if (!m_checkReferences && !q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        qCWarning(lcStorage) << "foreign_keys:" << q.lastError().text();
    if (!q.exec(QStringLiteral("PRAGMA ignore_check_constraints = OFF")))
        qCWarning(lcStorage) << "ignore_check_constraints:" << q.lastError().text();
}

ScopedCacheSize::~ScopedCacheSize()
{
    if (m_previousKiB > 0)
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = -%1").arg(m_previousKiB));
}

qint64 ScopedCacheSize::pageSizeKiB(QSqlQuery &q)
{
    return q.exec(QStringLiteral("PRAGMA page_size")) && q.next()
               ? std::max<qint64>(1, q.value(0).toLongLong() / 1024)
               : 4;
}

} // namespace masir

namespace masir {

bool Database::setSecureDelete(const QSqlDatabase &db, bool on, QString *error)
{
    // A server's free space is its administrator's to wipe (VACUUM), as its
    // backups and replicas are: docs/team.md says so.
    if (SqlDialect(db).isPostgres())
        return true;
    QSqlQuery q(db);
    if (!q.exec(on ? QStringLiteral("PRAGMA secure_delete = 1")
                   : QStringLiteral("PRAGMA secure_delete = 0"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

bool Database::truncateLog(const QSqlDatabase &db, QString *error)
{
    if (SqlDialect(db).isPostgres())
        return true; // the server's write-ahead log is its own
    QSqlQuery q(db);
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        if (q.value(0).toInt() == 0) // not busy: the log is empty
            return true;
        q.finish();
        QThread::msleep(100);
    }
    if (error)
        *error = tr("Another window or the worker kept reading the workspace; close them and "
                    "try again.");
    return false;
}

} // namespace masir
