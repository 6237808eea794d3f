#pragma once

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

/// A real SQLite workspace file in a fresh temporary folder.
class TestWorkspace
{
public:
    TestWorkspace()
    {
        QVERIFY2(m_dir.isValid(), "no temporary folder");
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("test.masir")));
        m_opened = m_db->open();
    }

    bool opened() const { return m_opened; }
    Database &db() { return *m_db; }
    QString path() const { return m_db->path(); }
    QString dir() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    bool m_opened = false;
};

} // namespace masir::test
