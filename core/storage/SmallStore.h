#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>

namespace masir {

/// A small SQLite file of its own (not a workspace), such as the collector's
/// store: a connection per thread, write-ahead log, and a schema made of
/// numbered steps applied once each, like the workspace's migrations.
class SmallStore final
{
    Q_DISABLE_COPY_MOVE(SmallStore)

public:
    SmallStore(QString path, QList<QStringList> schema);
    ~SmallStore();

    /// Opens the file (made if missing) and brings its schema up to date.
    bool open();
    /// This thread's connection.
    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

private:
    QString connectionName() const;

    QString m_path;
    QList<QStringList> m_schema;
    int m_serial;
    QString m_error;
};

} // namespace masir
