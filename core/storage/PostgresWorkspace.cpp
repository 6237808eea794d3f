#include "storage/PostgresWorkspace.h"

#include "common/Logging.h"
#include "storage/Migrations.h"
#include "storage/WorkspaceAddress.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

const QString kApplicationId = QStringLiteral("MSIR");

QString lastError(const QSqlQuery &q)
{
    return q.lastError().text();
}

/// Runs \a sql (one statement or several: an unprepared query on QPSQL is
/// PQexec, which takes many); false with \a error.
bool run(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = lastError(q);
    return false;
}

/// One value, or an invalid QVariant with \a error set when the query failed.
QVariant value(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = lastError(q);
        return {};
    }
    return q.next() ? q.value(0) : QVariant(QString());
}

/// Whether the workspace's own table is there (false on an error too).
bool hasMeta(QSqlDatabase db, QString *error)
{
    return value(db, QStringLiteral("SELECT to_regclass('masir_meta') IS NOT NULL"), error)
        .toBool();
}

} // namespace

QSqlDatabase PostgresWorkspace::connect(const WorkspaceAddress &address, const QString &name,
                                        bool readOnly)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(address.host());
    if (address.port())
        db.setPort(address.port());
    db.setUserName(address.user());
    db.setPassword(address.password());
    db.setDatabaseName(address.database());
    // the program by name in the server's view (pg_stat_activity): who holds a lock
    QString program = QCoreApplication::applicationName();
    program.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")));
    QStringList options{QStringLiteral("application_name=") +
                        (program.isEmpty() ? QStringLiteral("masir") : program)};
    const auto extra = address.options();
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        // quoted as libpq reads them, so a value is one value (a space in it
        // cannot start another setting)
        QString v = it.value();
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        options << it.key() + QStringLiteral("='") + v + QLatin1Char('\'');
    }
    if (!extra.contains(QStringLiteral("connect_timeout")))
        options << QStringLiteral("connect_timeout=10");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot connect to" << address.display() << db.lastError().text();
        return db;
    }
    setUp(db, readOnly);
    return db;
}

void PostgresWorkspace::setUp(QSqlDatabase db, bool readOnly)
{
    QSqlQuery q(db);
    // times are integers, but what the server prints and parses stays UTC
    if (!q.exec(QStringLiteral("SET TIME ZONE 'UTC'")))
        qCWarning(lcStorage) << "SET TIME ZONE" << lastError(q);
    // A process stopped inside a transaction (SIGSTOP, a frozen machine) would
    // hold the write lock, and every writer of the workspace would wait for
    // ever: the server ends such a session. Masir's transactions never idle
    // that long between two statements.
    if (!q.exec(QStringLiteral("SET idle_in_transaction_session_timeout = %1")
                    .arg(kIdleInTransactionMs)))
        qCWarning(lcStorage) << "SET idle_in_transaction_session_timeout" << lastError(q);
    // the server refuses every write on it, whatever the code tries
    if (readOnly && !q.exec(QStringLiteral("SET default_transaction_read_only = on"))) {
        qCWarning(lcStorage) << "cannot make the connection read-only:" << lastError(q);
        db.close();
    }
}

bool PostgresWorkspace::reconnect(QSqlDatabase db, bool readOnly, bool *again)
{
    if (again)
        *again = false;
    QSqlQuery probe(db);
    if (db.isOpen() && probe.exec(QStringLiteral("SELECT 1")))
        return true;
    probe = QSqlQuery();
    // the same server, user and options as before; the session's settings again
    db.close();
    if (!db.open()) {
        qCWarning(lcStorage) << "the server is still away:" << db.lastError().text();
        return false;
    }
    qCInfo(lcStorage) << "connected again to the server";
    if (again)
        *again = true;
    setUp(db, readOnly);
    return db.isOpen();
}

QString PostgresWorkspace::connectionProblem(const WorkspaceAddress &address,
                                             const QString &driverError)
{
    const QString e = driverError.toLower();
    const QString where = address.display();
    if (e.contains(QLatin1String("password authentication failed")) ||
        e.contains(QLatin1String("no password supplied")) ||
        e.contains(QLatin1String("authentication failed")))
        return tr("The server refused the login of \"%1\" to %2: check the user name and the "
                  "password.")
            .arg(address.user(), where);
    if (e.contains(QLatin1String("does not exist")) && e.contains(QLatin1String("database")))
        return tr("The server has no database \"%1\". Create it first (see docs/team.md), or "
                  "check its name in %2.")
            .arg(address.database(), where);
    if (e.contains(QLatin1String("role")) && e.contains(QLatin1String("does not exist")))
        return tr("The server has no user \"%1\". Check the user name in %2.")
            .arg(address.user(), where);
    if (e.contains(QLatin1String("certificate")) || e.contains(QLatin1String("ssl")))
        return tr("The secure connection to %1 could not be set up: %2. Check the server's "
                  "certificate and the sslmode and sslrootcert in the address.")
            .arg(where, driverError.trimmed());
    return tr("Masir cannot reach the server of %1: %2. Check that the server runs and that "
              "its name and port are right, then open the workspace again.")
        .arg(where, driverError.trimmed());
}

int PostgresWorkspace::schemaVersion(QSqlDatabase db)
{
    QString error;
    if (!hasMeta(db, &error))
        return 0;
    return value(db, QStringLiteral("SELECT value FROM masir_meta WHERE key = 'schema_version'"),
                 &error)
        .toInt();
}

bool PostgresWorkspace::prepare(QSqlDatabase db, const WorkspaceAddress &address, bool readOnly,
                                QString *error)
{
    const QString where = address.display();
    QString sqlError;
    const int server = value(db, QStringLiteral("SHOW server_version_num"), &sqlError).toInt();
    if (!sqlError.isEmpty()) {
        *error = tr("Masir cannot read %1: %2.").arg(where, sqlError);
        return false;
    }
    if (server < kMinimumServer) {
        *error = tr("The server of %1 runs PostgreSQL %2; Masir needs version 13 or newer. "
                    "Upgrade the server, or use another.")
                     .arg(where)
                     .arg(server / 10000);
        return false;
    }
    // One desktop at a time looks and makes: a second one opening a new
    // database at the same moment waits here, then finds the schema made.
    if (!db.transaction()) {
        *error = tr("Masir cannot read %1: %2.").arg(where, db.lastError().text());
        return false;
    }
    const auto fail = [&](const QString &message) {
        db.rollback();
        *error = message;
        return false;
    };
    if (!run(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchemaLock), &sqlError))
        return fail(tr("Masir cannot read %1: %2.").arg(where, sqlError));
    // a table is named only once it is known to be there: PostgreSQL checks
    // every name before it runs a statement
    const QVariant owner =
        hasMeta(db, &sqlError)
            ? value(db,
                    QStringLiteral("SELECT COALESCE((SELECT value FROM masir_meta WHERE key = "
                                   "'application_id'), '?')"),
                    &sqlError)
            : QVariant(QString());
    if (!sqlError.isEmpty())
        return fail(tr("Masir cannot read %1: %2.").arg(where, sqlError));
    if (owner.toString().isEmpty()) {
        const qint64 tables =
            value(db,
                  QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = "
                                 "current_schema()"),
                  &sqlError)
                .toLongLong();
        if (!sqlError.isEmpty())
            return fail(tr("Masir cannot read %1: %2.").arg(where, sqlError));
        if (tables > 0)
            return fail(tr("The database %1 holds %2 tables of another program; it is not a "
                           "Masir workspace. Choose an empty database for Masir; this one was "
                           "left untouched.")
                            .arg(where)
                            .arg(tables));
        if (readOnly)
            return fail(tr("The database %1 has no Masir workspace yet. Open it once with write "
                           "access.")
                            .arg(where));
        QFile baseline(QStringLiteral(":/masir/storage/postgres/baseline.sql"));
        if (!baseline.open(QIODevice::ReadOnly))
            return fail(tr("This build of Masir lacks its PostgreSQL schema (%1).")
                            .arg(baseline.errorString()));
        if (!run(db, QString::fromUtf8(baseline.readAll()), &sqlError) ||
            !run(db,
                 QStringLiteral("INSERT INTO masir_meta (key, value) VALUES ('application_id', "
                                "'%1'), ('schema_version', '%2')")
                     .arg(kApplicationId)
                     .arg(kBaselineVersion),
                 &sqlError))
            return fail(tr("Masir could not make its tables in %1: %2. Nothing was kept; check "
                           "that the user may create tables in the database.")
                            .arg(where, sqlError));
        qCInfo(lcStorage) << "made the workspace schema" << kBaselineVersion << "in"
                          << address.display();
    } else if (owner.toString() != kApplicationId) {
        return fail(tr("The database %1 belongs to another program; it is not a Masir "
                       "workspace. It was left untouched.")
                        .arg(where));
    }
    const int version = schemaVersion(db);
    if (version > Migrations::latestVersion())
        return fail(tr("%1 was saved by a newer version of Masir (schema %2; this version "
                       "understands up to %3). Update Masir to open it; it was left untouched.")
                        .arg(where)
                        .arg(version)
                        .arg(Migrations::latestVersion()));
    if (version < kBaselineVersion)
        return fail(tr("%1 is at schema %2, older than any server workspace Masir made; it was "
                       "left untouched.")
                        .arg(where)
                        .arg(version));
    if (version < Migrations::latestVersion() && readOnly)
        return fail(tr("%1 needs its schema brought up to this version of Masir (from %2 to %3). "
                       "Open it once with write access.")
                        .arg(where)
                        .arg(version)
                        .arg(Migrations::latestVersion()));
    // The steps after the baseline, all in this transaction under the schema
    // lock: another desktop opening now waits, then finds them made. And
    // under the write lock: a worker of an older Masir still running cannot
    // write between two statements of a step.
    if (version < Migrations::latestVersion() &&
        !run(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLock), &sqlError))
        return fail(tr("Masir cannot read %1: %2.").arg(where, sqlError));
    for (int v = version + 1; v <= Migrations::latestVersion(); ++v) {
        for (const QString &sql : Migrations::step(v, true)) {
            if (!run(db, sql, &sqlError))
                return fail(tr("Masir could not bring %1 to schema %2: %3. Nothing was changed.")
                                .arg(where)
                                .arg(v)
                                .arg(sqlError));
        }
        if (!run(db,
                 QStringLiteral("UPDATE masir_meta SET value = '%1' WHERE key = "
                                "'schema_version'")
                     .arg(v),
                 &sqlError))
            return fail(tr("Masir could not bring %1 to schema %2: %3. Nothing was changed.")
                            .arg(where)
                            .arg(v)
                            .arg(sqlError));
        qCInfo(lcStorage) << "migrated" << where << "to schema" << v;
    }
    if (!db.commit())
        return fail(tr("Masir cannot read %1: %2.").arg(where, db.lastError().text()));
    return true;
}

} // namespace masir
