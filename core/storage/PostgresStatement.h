#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <vector>

namespace masir {

/// A prepared statement on a PostgreSQL connection, through Qt's driver: the
/// server's half of PreparedStatement. The SQL is written once for both engines
/// with SQLite's placeholders (?1 or ?), which become PostgreSQL's ($1).
class PostgresStatement final
{
    Q_DISABLE_COPY_MOVE(PostgresStatement)

public:
    PostgresStatement(const QSqlDatabase &db, const QString &sql);

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    /// Binds \a value to the 1-based placeholder \a index.
    void bind(int index, const QVariant &value);
    void clearBindings();

    /// Runs the statement with the values bound; false with errorString() set.
    bool run();
    /// The next row of the last run, or false when there is none.
    bool next();
    QVariant value(int column) const { return m_query.value(column); }
    /// The rows the last run inserted, changed or deleted.
    qint64 changes() const { return m_changes; }
    /// Lets the connection go of the last run's rows.
    void finish() { m_query.finish(); }

private:
    QSqlDatabase m_db;
    QSqlQuery m_query;
    std::vector<QVariant> m_values;
    qint64 m_changes = 0;
    bool m_valid = false;
    bool m_reads = false; ///< a SELECT: run without a savepoint
    QString m_error;
};

} // namespace masir
