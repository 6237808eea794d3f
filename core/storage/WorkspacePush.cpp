#include "storage/WorkspacePush.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/PostgresCopy.h"
#include "storage/Savepoint.h"
#include "storage/Transaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

/// The file's tables, each after the tables it refers to.
std::optional<QStringList> tablesInOrder(const Database &file, QString *error)
{
    QSqlQuery q(file.connection());
    QStringList tables;
    QHash<QString, QStringList> refers;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                               "NOT LIKE 'sqlite_%' ORDER BY name"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    while (q.next())
        tables << q.value(0).toString();
    // the heartbeats of the file's own processes: not the server's
    tables.removeAll(QStringLiteral("workers"));
    for (const QString &t : std::as_const(tables)) {
        if (!q.exec(QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('%1')")
                        .arg(t))) {
            *error = q.lastError().text();
            return std::nullopt;
        }
        while (q.next())
            if (q.value(0).toString() != t)
                refers[t] << q.value(0).toString();
    }
    QStringList order;
    QSet<QString> placed;
    std::function<void(const QString &)> place = [&](const QString &t) {
        if (placed.contains(t))
            return;
        placed.insert(t);
        for (const QString &other : refers.value(t))
            place(other);
        order << t;
    };
    for (const QString &t : std::as_const(tables))
        place(t);
    return order;
}

QStringList columnsOf(const Database &file, const QString &table, QString *error)
{
    QSqlQuery q(file.connection());
    QStringList columns;
    if (!q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table)))
        *error = q.lastError().text();
    while (q.next())
        columns << q.value(0).toString();
    return columns;
}

/// New rows of \a table on the server are numbered after the file's: after
/// its largest id, and after any id SQLite handed out before (AUTOINCREMENT
/// never gives a deleted row's id again, and neither may the server).
bool continueNumbering(const Database &file, QSqlDatabase target, const QString &table,
                       QString *error)
{
    QSqlQuery q(target);
    if (!q.exec(QStringLiteral("SELECT pg_get_serial_sequence('%1', 'id')").arg(table)) ||
        !q.next()) {
        *error = QStringLiteral("%1: %2").arg(table, q.lastError().text());
        return false;
    }
    const QString sequence = q.value(0).toString();
    if (sequence.isEmpty())
        return true; // no numbered id
    QSqlQuery used(file.connection());
    if (!used.exec(QStringLiteral("SELECT max(n) FROM (SELECT max(id) AS n FROM %1 UNION ALL "
                                  "SELECT seq FROM sqlite_sequence WHERE name = '%1') s")
                       .arg(table)) ||
        !used.next()) {
        *error = QStringLiteral("%1: %2").arg(table, used.lastError().text());
        return false;
    }
    if (!q.exec(QStringLiteral("SELECT setval('%1', %2, false)")
                    .arg(sequence)
                    .arg(used.value(0).toLongLong() + 1))) {
        *error = QStringLiteral("%1: %2").arg(table, q.lastError().text());
        return false;
    }
    return true;
}

} // namespace

bool WorkspacePush::push(const Database &file, const Database &server, QString *error,
                         const std::function<void(const QString &, qint64)> &progress)
{
    if (file.isPostgres() || !server.isPostgres()) {
        *error = tr("Push copies a workspace file to a PostgreSQL server: give the file first, "
                    "then the server's postgresql:// address.");
        return false;
    }
    if (file.schemaVersion() != server.schemaVersion()) {
        *error = tr("The file is at schema %1 and the server's workspace at %2: open the file "
                    "once with this version of Masir first.")
                     .arg(file.schemaVersion())
                     .arg(server.schemaVersion());
        return false;
    }
    QSqlDatabase target = server.connection();
    QSqlQuery check(target);
    if (!check.exec(QStringLiteral("SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) "
                                   "FROM campaigns) + (SELECT count(*) FROM journeys)")) ||
        !check.next()) {
        *error = check.lastError().text();
        return false;
    }
    if (check.value(0).toLongLong() > 0) {
        *error = tr("The server's workspace has data already; push copies into a new, empty "
                    "one only. Create another database for it.");
        return false;
    }
    check.finish();
    const auto tables = tablesInOrder(file, error);
    if (!tables)
        return false;
    Transaction tx(target, Transaction::Mode::Write);
    if (!tx.isActive()) {
        *error = tx.errorString();
        return false;
    }
    QSqlQuery read(file.connection());
    read.setForwardOnly(true);
    for (const QString &table : *tables) {
        const QStringList columns = columnsOf(file, table, error);
        if (columns.isEmpty())
            return false;
        QSqlQuery write(target);
        // rows the server made on its own (a contact's score row) give way to the file's
        if (!write.exec(QStringLiteral("DELETE FROM %1").arg(table))) {
            *error = tr("%1: %2").arg(table, write.lastError().text());
            return false;
        }
        const QString quoted =
            QLatin1Char('"') + columns.join(QStringLiteral("\", \"")) + QLatin1Char('"');
        if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(quoted, table))) {
            *error = tr("%1: %2").arg(table, read.lastError().text());
            return false;
        }
        // The server's own triggers stay quiet while the file's rows go in:
        // score rows come from the file, and a notice for each of millions of
        // events would be kept until the commit. Only the tables' owner may
        // (the owner pushes, see docs/team.md); anyone else pushes with them.
        Savepoint quiet(target, QStringLiteral("masir_push_triggers"));
        QSqlQuery triggers(target);
        const bool silenced =
            quiet.isActive() &&
            triggers.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(table));
        if (silenced)
            quiet.release();
        else
            quiet.rollback();
        // Through COPY, the server's bulk writer: a million rows in seconds, not
        // in minutes of one INSERT each. A row the server refuses fails the
        // copy; its message names the row ("COPY contacts, line 12").
        PostgresCopy copy(target);
        QStringList names;
        for (const QString &c : columns)
            names << QLatin1Char('"') + c + QLatin1Char('"');
        if (!copy.begin(table, names)) {
            *error = tr("%1: %2").arg(table, copy.errorString());
            return false;
        }
        qint64 rows = 0;
        while (read.next()) {
            for (int c = 0; c < columns.size(); ++c)
                copy.addValue(read.value(c));
            copy.endRow();
            if (++rows % 50000 == 0 && progress)
                progress(table, rows);
        }
        if (!copy.end()) {
            *error = tr("%1: %2").arg(table, copy.errorString());
            return false;
        }
        if (silenced &&
            !triggers.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(table))) {
            *error = tr("%1: %2").arg(table, triggers.lastError().text());
            return false;
        }
        if (progress)
            progress(table, rows);
        if (columns.contains(QStringLiteral("id")) &&
            !continueNumbering(file, target, table, error))
            return false;
        qCInfo(lcStorage) << "pushed" << rows << "rows of" << table;
    }
    if (!tx.commit()) {
        *error = tx.errorString();
        return false;
    }
    // The planner's statistics now, not when autovacuum comes by: the first
    // segment counted on a million new rows would otherwise read them blind.
    QSqlQuery analyze(target);
    if (!analyze.exec(QStringLiteral("ANALYZE")))
        qCWarning(lcStorage) << "pushed, but ANALYZE failed:" << analyze.lastError().text();
    return true;
}

} // namespace masir
