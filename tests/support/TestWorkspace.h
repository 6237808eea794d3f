#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace masir::test {

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
