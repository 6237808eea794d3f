#pragma once

#include "TestPostgres.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace masir::test {

/// One number from a workspace file, read-only (a process may be writing it).
inline qint64 scalarIn(const QString &workspace, const QString &sql)
{
    Database db(workspace, Database::Mode::ReadOnly);
    if (!db.open())
        return -1;
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

/// Whether the tests run against PostgreSQL (ctest's *_pg runs of the core
/// tests) rather than SQLite files.
inline bool onPostgres()
{
    return qEnvironmentVariable("MASIR_TEST_ENGINE") == QLatin1String("postgres");
}

/// Skips a test of what only a workspace file has (its pages, its log, its
/// lock file) when the suite runs on PostgreSQL.
#define MASIR_FILE_ONLY(why)                                                                       \
    do {                                                                                           \
        if (masir::test::onPostgres())                                                             \
            QSKIP("A workspace file's own: " why);                                                 \
    } while (false)

/// A real workspace in a fresh temporary folder: a SQLite file, or with
/// MASIR_TEST_ENGINE=postgres a fresh database on the test server.
class TestWorkspace
{
public:
    TestWorkspace()
    {
        QVERIFY2(m_dir.isValid(), "no temporary folder");
        if (onPostgres()) {
            m_server = std::make_unique<TestPostgres>(QStringLiteral("ws"));
            QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
            m_db = std::make_unique<Database>(m_server->url());
        } else {
            m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("test.masir")));
        }
        m_opened = m_db->open();
        if (!m_opened)
            qWarning("workspace: %s", qPrintable(m_db->errorString()));
    }

    bool opened() const { return m_opened; }
    Database &db() { return *m_db; }
    QString path() const { return m_db->path(); }
    QString dir() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPostgres> m_server; ///< outlives m_db: dropped after it closes
    std::unique_ptr<Database> m_db;
    bool m_opened = false;
};

} // namespace masir::test
