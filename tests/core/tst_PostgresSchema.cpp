// A workspace on PostgreSQL: what opening one makes and refuses, and the same
// schema as on SQLite, compared from the two catalogs. Runs against the
// private server ctest's fixture starts (tests/support/pg_cluster.sh).
#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "demo/DemoWorkspace.h"
#include "messaging/OutboxSender.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/PostgresCopy.h"
#include "storage/PostgresWorkspace.h"
#include "storage/PreparedStatement.h"
#include "storage/SchemaCatalog.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"
#include "storage/WorkNotices.h"
#include "storage/WorkerHeartbeat.h"
#include "storage/WorkspaceAddress.h"
#include "storage/WorkspaceLock.h"
#include "storage/WorkspacePush.h"

#include "TestPostgres.h"
#include "TestWorkspace.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace masir;

class tst_PostgresSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!test::TestPostgres::serverUrl().isEmpty(),
                 "MASIR_TEST_PG is not set: run this test through ctest, whose fixture starts "
                 "the PostgreSQL server");
    }

    void addressesAreReadAndShownWithoutSecrets()
    {
        QString error;
        const auto a = WorkspaceAddress::parse(
            QStringLiteral("postgresql://staff:s%40cret@db.shop.example:6432/bakery?sslmode="
                           "verify-full&sslrootcert=/etc/ssl/shop.pem"),
            &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(a->isPostgres());
        QCOMPARE(a->host(), QStringLiteral("db.shop.example"));
        QCOMPARE(a->port(), 6432);
        QCOMPARE(a->user(), QStringLiteral("staff"));
        QCOMPARE(a->password(), QStringLiteral("s@cret"));
        QCOMPARE(a->database(), QStringLiteral("bakery"));
        QCOMPARE(a->options().value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QVERIFY(!a->display().contains(QStringLiteral("cret")));
        QVERIFY(
            a->display().startsWith(QStringLiteral("postgresql://staff@db.shop.example:6432/")));
        // a socket folder as the host, as libpq takes it
        const auto socket =
            WorkspaceAddress::parse(QStringLiteral("postgres://me@/shop?host=/run/pg"), &error);
        QVERIFY(socket);
        QCOMPARE(socket->host(), QStringLiteral("/run/pg"));
        // a remote worker's keepalive settings (docs/team.md) are libpq's own
        QVERIFY2(WorkspaceAddress::parse(QStringLiteral("postgresql://w@db/shop?keepalives_idle="
                                                        "60&tcp_user_timeout=60000"),
                                         &error),
                 qPrintable(error));
        // what is wrong is said
        QVERIFY(!WorkspaceAddress::parse(QStringLiteral("postgresql://me@server"), &error));
        QVERIFY2(error.contains(QStringLiteral("no database")), qPrintable(error));
        QVERIFY(!WorkspaceAddress::parse(QStringLiteral("postgresql://me@server/db?sslmod=require"),
                                         &error));
        QVERIFY2(error.contains(QStringLiteral("sslmod")), qPrintable(error));
        QVERIFY(!WorkspaceAddress::parse(
            QStringLiteral("postgresql://me@server/db?application_name=a%3Bsslmode%3Ddisable"),
            &error));
        QVERIFY2(error.contains(QStringLiteral("application_name")), qPrintable(error));
        // the workspace's path, shown and logged, has no password
        const Database db(QStringLiteral("postgresql://staff:s3cret@db.shop.example/bakery"));
        QVERIFY(!db.path().contains(QStringLiteral("s3cret")));
        QVERIFY(!db.displayName().contains(QStringLiteral("s3cret")));
        // a file stays a file
        const auto file = WorkspaceAddress::parse(QStringLiteral("/home/me/shop.masir"), &error);
        QVERIFY(file && !file->isPostgres());
    }

    // An empty database gets the schema once, even when two open it at once.
    void makesTheSchemaOnce()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        const auto open = [&pg] {
            Database db(pg.url());
            return db.open() ? QString() : db.errorString();
        };
        QFuture<QString> first = QtConcurrent::run(open);
        QFuture<QString> second = QtConcurrent::run(open);
        QVERIFY2(first.result().isEmpty(), qPrintable(first.result()));
        QVERIFY2(second.result().isEmpty(), qPrintable(second.result()));
        Database db(pg.url());
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QVERIFY(db.isPostgres());
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM masir_meta")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        // Each new contact gets its score row, as on SQLite.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (email, created_at, updated_at) "
                                      "VALUES ('sara@example.com', 1, 1)")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contact_scores")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(ContactRepository(db).count(), 1);
        // Text that is not a number is NULL, a number is itself.
        QVERIFY(q.exec(QStringLiteral("SELECT masir_number(' 12.5 '), masir_number('12abc'), "
                                      "masir_number(3.0::double precision)")) &&
                q.next());
        QCOMPARE(q.value(0).toDouble(), 12.5);
        QVERIFY(q.value(1).isNull());
        QCOMPARE(q.value(2).toDouble(), 3.0);
    }

    // The same tables, columns, types, keys, references, checks and indexes
    // as a new SQLite workspace.
    void sameSchemaAsSqlite()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database postgres(pg.url());
        QVERIFY2(postgres.open(), qPrintable(postgres.errorString()));
        test::TestWorkspace sqlite;
        QVERIFY(sqlite.opened());
        QString error;
        const QStringList a = SchemaCatalog::describe(sqlite.db(), &error);
        QVERIFY2(!a.isEmpty(), qPrintable(error));
        const QStringList b = SchemaCatalog::describe(postgres, &error);
        QVERIFY2(!b.isEmpty(), qPrintable(error));
        QStringList onlySqlite, onlyPostgres;
        for (const QString &line : a)
            if (!b.contains(line))
                onlySqlite << line;
        for (const QString &line : b)
            if (!a.contains(line))
                onlyPostgres << line;
        QVERIFY2(onlySqlite.isEmpty() && onlyPostgres.isEmpty(),
                 qPrintable(QStringLiteral("\nonly on SQLite:\n  %1\nonly on PostgreSQL:\n  %2")
                                .arg(onlySqlite.join(QStringLiteral("\n  ")),
                                     onlyPostgres.join(QStringLiteral("\n  ")))));
        QVERIFY(a.size() > 400);
        // and the same rows to start with: scoring rules, the sales pipeline
        const auto rows = [](Database &db, const QString &sql) {
            QStringList out;
            QSqlQuery q(db.connection());
            if (!q.exec(sql))
                return QStringList{q.lastError().text()};
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
                out << row.join(QLatin1Char('|'));
            }
            return out;
        };
        for (const QString &sql :
             {QStringLiteral("SELECT kind, event_type, property, op, value, points, cap_points, "
                             "cap_days, enabled FROM scoring_rules ORDER BY id"),
              QStringLiteral("SELECT key, value FROM settings ORDER BY key"),
              QStringLiteral("SELECT p.name, s.key, s.probability, s.outcome, s.position FROM "
                             "pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id ORDER BY "
                             "s.position")}) {
            const QStringList file = rows(sqlite.db(), sql);
            QVERIFY2(file.size() >= 1, qPrintable(sql));
            QCOMPARE(rows(postgres, sql), file);
        }
    }

    // A file's workspace copied to the server: every row of every table, ids
    // kept, new rows numbered after them; a second push is refused.
    void pushesAFileToTheServer()
    {
        test::TestWorkspace file;
        QVERIFY(file.opened());
        DemoWorkspace demo(file.db());
        DemoWorkspace::Options options;
        options.contacts = 150;
        QVERIFY2(demo.populate(options) && demo.addSamples(QStringLiteral("en")),
                 qPrintable(demo.errorString()));
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database server(pg.url());
        QVERIFY2(server.open(), qPrintable(server.errorString()));
        QString error;
        QStringList tables;
        // a deleted contact's id is never given again, on the server either
        qint64 deleted = 0;
        {
            QSqlQuery newest(file.db().connection());
            QVERIFY(newest.exec(QStringLiteral("SELECT max(id) FROM contacts")) && newest.next());
            deleted = newest.value(0).toLongLong();
        }
        QVERIFY(ContactRepository(file.db()).remove({deleted}));
        QVERIFY2(WorkspacePush::push(file.db(), server, &error,
                                     [&](const QString &table, qint64) { tables << table; }),
                 qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // every table, each after those it refers to
        QVERIFY(tables.indexOf(QStringLiteral("contacts")) <
                tables.indexOf(QStringLiteral("events")));
        QVERIFY(tables.indexOf(QStringLiteral("deals")) < tables.indexOf(QStringLiteral("tasks")));
        QSqlQuery a(file.db().connection());
        QSqlQuery b(server.connection());
        for (const QString &table : std::as_const(tables)) {
            const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(table);
            QVERIFY(a.exec(count) && a.next() && b.exec(count) && b.next());
            QVERIFY2(a.value(0).toLongLong() == b.value(0).toLongLong(), qPrintable(table));
        }
        QVERIFY(b.exec(QStringLiteral("SELECT count(*) FROM events")) && b.next());
        QVERIFY(b.value(0).toLongLong() > 150);
        // the same people with the same ids, and the next one after them
        const QString people = QStringLiteral("SELECT id, email, first_name FROM contacts ORDER "
                                              "BY id");
        QVERIFY(a.exec(people) && b.exec(people));
        qint64 last = 0;
        while (a.next()) {
            QVERIFY(b.next());
            QCOMPARE(b.value(0).toLongLong(), a.value(0).toLongLong());
            QCOMPARE(b.value(1).toString(), a.value(1).toString());
            QCOMPARE(b.value(2).toString(), a.value(2).toString());
            last = a.value(0).toLongLong();
        }
        QVERIFY(b.exec(QStringLiteral("INSERT INTO contacts (email, created_at, updated_at) "
                                      "VALUES ('new@example.com', 1, 1) RETURNING id")) &&
                b.next());
        QCOMPARE(last, deleted - 1);
        const qint64 added = b.value(0).toLongLong();
        QCOMPARE(added, deleted + 1);
        // the server's triggers, quiet while it copied, work again: a new
        // contact has its score row
        QVERIFY(b.exec(QStringLiteral("SELECT count(*) FROM contact_scores WHERE contact_id = %1")
                           .arg(added)) &&
                b.next());
        QCOMPARE(b.value(0).toInt(), 1);
        QVERIFY(b.exec(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND "
                                      "tgenabled = 'D'")) &&
                b.next());
        QCOMPARE(b.value(0).toInt(), 0);
        QCOMPARE(ContactRepository(server).count(), 150);
        // into a workspace with data: refused, nothing written
        QVERIFY(!WorkspacePush::push(file.db(), server, &error));
        QVERIFY2(error.contains(QStringLiteral("has data already")), qPrintable(error));
        QCOMPARE(ContactRepository(server).count(), 150);
    }

    void refusesWhatIsNotAWorkspace()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        {
            Database db(pg.url());
            QVERIFY(db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE masir_meta SET value = '999' WHERE key = "
                                          "'schema_version'")));
        }
        Database newer(pg.url());
        QVERIFY(!newer.open());
        QVERIFY2(newer.errorString().contains(QStringLiteral("newer version")),
                 qPrintable(newer.errorString()));

        test::TestPostgres foreign;
        QVERIFY(foreign.ok());
        {
            Database db(foreign.url(), Database::Mode::ReadOnly);
            QVERIFY(!db.open()); // nothing made when only reading
            QVERIFY2(db.errorString().contains(QStringLiteral("no Masir workspace")),
                     qPrintable(db.errorString()));
            // and the server itself refuses writes on a read-only connection
            QSqlQuery q(db.connection());
            QVERIFY(!q.exec(QStringLiteral("CREATE TABLE orders (id int)")));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("read-only")),
                     qPrintable(q.lastError().text()));
        }
        QVERIFY2(foreign.run(QStringLiteral("CREATE TABLE orders (id int)")),
                 qPrintable(foreign.error()));
        Database other(foreign.url());
        QVERIFY(!other.open());
        QVERIFY2(other.errorString().contains(QStringLiteral("another program")),
                 qPrintable(other.errorString()));
        QSqlQuery q(other.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT to_regclass('contacts') IS NULL")) && q.next());
        QVERIFY(q.value(0).toBool()); // left untouched
    }

    // SQL is written with SQLite's placeholders; the server gets $N, numbered
    // as SQLite numbers them, and quoted text is left alone.
    void placeholdersAsTheServerTakesThem()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database db(pg.url());
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        const SqlDialect server(db.connection());
        QCOMPARE(server.statement(QStringLiteral("SELECT ?, ? WHERE a = '?' AND \"b?\" = ?")),
                 QStringLiteral("SELECT $1, $2 WHERE a = '?' AND \"b?\" = $3"));
        QCOMPARE(server.statement(QStringLiteral("VALUES (?1, ?2, ?1), (?12, ?)")),
                 QStringLiteral("VALUES ($1, $2, $1), ($12, $13)"));
        QCOMPARE(SqlDialect(static_cast<const QSqlDriver *>(nullptr))
                     .statement(QStringLiteral("SELECT ?1")),
                 QStringLiteral("SELECT ?1"));
    }

    // The bulk writer's COPY: every value arrives as it was given (the text
    // form's escapes, a NULL, a "\\N" that is text, integers and reals), and
    // a row the table refuses fails the copy with the server's reason.
    void copiesValuesAsGiven()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database db(pg.url());
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TEMPORARY TABLE copied (k INTEGER, t TEXT, n BIGINT, r DOUBLE PRECISION, "
            "u TEXT CHECK (u <> 'refused'))")));
        const QStringList texts{QStringLiteral("tab\there"),   QStringLiteral("two\nlines\r"),
                                QStringLiteral("back\\slash"), QStringLiteral("\\N"),
                                QStringLiteral("فارسی ۱۲۳"),   QString()};
        PostgresCopy copy(db.connection());
        QVERIFY2(copy.begin(QStringLiteral("copied"),
                            {QStringLiteral("k"), QStringLiteral("t"), QStringLiteral("n"),
                             QStringLiteral("r"), QStringLiteral("u")}),
                 qPrintable(copy.errorString()));
        for (int k = 0; k < texts.size(); ++k) {
            copy.addInteger(k);
            PackedRow row;
            row.appendText(texts[k]);
            row.appendInteger(-(qint64(1) << 40) - k);
            row.appendNull();
            copy.addRow(row);
            if (k == 1)
                copy.addNull();
            else
                copy.addText(QByteArrayLiteral("ok"));
            copy.endRow();
        }
        QVERIFY2(copy.end(), qPrintable(copy.errorString()));
        QCOMPARE(copy.rows(), texts.size());
        QVERIFY(q.exec(QStringLiteral("SELECT t, n, r IS NULL, u IS NULL FROM copied ORDER BY k")));
        for (int k = 0; k < texts.size(); ++k) {
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), texts[k].isNull() ? QStringLiteral("") : texts[k]);
            QCOMPARE(q.value(1).toLongLong(), -(qint64(1) << 40) - k);
            QVERIFY(q.value(2).toBool());
            QCOMPARE(q.value(3).toBool(), k == 1);
        }
        // a refused row: the copy fails with the server's reason
        QVERIFY(copy.begin(QStringLiteral("copied"), {QStringLiteral("u")}));
        copy.addText(QByteArrayLiteral("refused"));
        copy.endRow();
        QVERIFY(!copy.end());
        QVERIFY2(copy.errorString().contains(QStringLiteral("check")),
                 qPrintable(copy.errorString()));
    }

    // A transaction a failed statement ended is not reported as committed
    // (the server answers its COMMIT with ROLLBACK), and keeps nothing.
    void aFailedTransactionDoesNotCommit()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database db(pg.url());
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        {
            Transaction tx(db.connection(), Transaction::Mode::Write);
            QVERIFY(tx.isActive());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES "
                                          "('a', 'a', 0)")));
            QVERIFY(!q.exec(QStringLiteral("INSERT INTO no_such_table VALUES (1)")));
            QVERIFY(!tx.commit());
            QVERIFY2(!tx.errorString().isEmpty(), "no reason given");
        }
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tags")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // a refused statement of a writer is undone alone: the rest commits
        {
            Transaction tx(db.connection(), Transaction::Mode::Write);
            PreparedStatement insert(db.connection(),
                                     QStringLiteral("INSERT INTO tags (name, name_key, "
                                                    "created_at) VALUES (?1, ?1, ?2)"));
            QVERIFY2(insert.isValid(), qPrintable(insert.errorString()));
            for (const char *name : {"x", "x", "y"}) {
                insert.bind(1, QByteArray(name));
                insert.bind(2, qint64(0));
                insert.exec(); // the second "x" is refused: the name is unique
                insert.clearBindings();
            }
            QVERIFY2(tx.commit(), qPrintable(tx.errorString()));
        }
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tags")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    // One sender per server workspace, whichever machine it runs on: the lock
    // is the server's, and it goes with the connection that holds it.
    void oneSenderPerServerWorkspace()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database a(pg.url());
        Database b(pg.url());
        QVERIFY2(a.open() && b.open(), qPrintable(a.errorString() + b.errorString()));
        WorkspaceLock first(a, QStringLiteral("sender"));
        WorkspaceLock second(b, QStringLiteral("sender"));
        QVERIFY(first.tryLock());
        QVERIFY(first.isHeld());
        QVERIFY(!second.tryLock());
        QVERIFY2(second.holder().startsWith(QStringLiteral("server process ")),
                 qPrintable(second.holder()));
        WorkspaceLock other(b, QStringLiteral("collector"));
        QVERIFY(other.tryLock()); // another role's lock is another lock
        first.unlock();
        QVERIFY(second.tryLock());
        // a cut connection loses the lock, and another takes it
        QVERIFY(pg.admin(QStringLiteral("SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN "
                                        "pg_stat_activity s ON s.pid = l.pid WHERE l.locktype = "
                                        "'advisory' AND s.datname = '%1'")
                             .arg(pg.name())));
        QTRY_VERIFY(!second.isHeld());
        QVERIFY(first.tryLock());

        // the sender says who sends instead of it
        ManualClock clock(QDateTime::currentDateTimeUtc());
        OutboxSender sender(b, clock);
        const auto stats = sender.run(100);
        QVERIFY2(stats, qPrintable(sender.errorString()));
        QVERIFY(stats->otherSender);
        QVERIFY2(stats->accountErrors.join(QString()).contains(QStringLiteral("server process")),
                 qPrintable(stats->accountErrors.join(QString())));
        first.unlock();
        const auto now = sender.run(100);
        QVERIFY(now && !now->otherSender);
    }

    // A connection the server ended is opened again, with the session's
    // settings, and says so; a live one is left as it is.
    void aLostConnectionOpensAgain()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database db(pg.url());
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        Database other(pg.url());
        QVERIFY2(other.open(), qPrintable(other.errorString()));
        bool again = true;
        QVERIFY(PostgresWorkspace::reconnect(db.connection(), false, &again));
        QVERIFY(!again);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        const qint64 pid = q.value(0).toLongLong();
        q = QSqlQuery();
        QSqlQuery end(other.connection());
        QVERIFY(end.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
        QVERIFY(PostgresWorkspace::reconnect(db.connection(), false, &again));
        QVERIFY(again);
        QSqlQuery after(db.connection());
        QVERIFY(after.exec(QStringLiteral("SHOW idle_in_transaction_session_timeout")) &&
                after.next());
        QCOMPARE(after.value(0).toString(), QStringLiteral("20s"));
    }

    // New work another process commits (an event, an enrolment, a message)
    // wakes a worker that listens, once its transaction commits; its own
    // commits, and an insert that added nothing, do not. A file has no notices.
    void newWorkWakesAListener()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database listener(pg.url());
        QVERIFY2(listener.open(), qPrintable(listener.errorString()));
        Database other(pg.url());
        QVERIFY2(other.open(), qPrintable(other.errorString()));
        Contact someone;
        someone.email = QStringLiteral("new@example.com");
        QVERIFY(ContactRepository(other).create(someone));
        const qint64 contact = someone.id;
        QVERIFY(contact);
        WorkNotices notices;
        int woken = 0;
        QObject::connect(&notices, &WorkNotices::workArrived, &notices, [&woken] { ++woken; });
        QVERIFY(notices.listen(listener.connection()));
        QVERIFY(notices.listen(listener.connection())); // listening already
        const auto addEvent = [contact](const Database &db, const char *where) {
            Transaction tx(db.connection(), Transaction::Mode::Write);
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (contact_id, type, occurred_at) "
                                          "SELECT %1, 'signed_up', 0 %2")
                               .arg(contact)
                               .arg(QLatin1String(where))));
            QVERIFY(tx.commit());
        };
        addEvent(listener, "");         // its own
        addEvent(other, "WHERE false"); // nothing added
        QTest::qWait(500);
        QCOMPARE(woken, 0);
        {
            Transaction tx(other.connection(), Transaction::Mode::Write);
            QSqlQuery q(other.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (contact_id, type, occurred_at) "
                                          "VALUES (%1, 'signed_up', 1)")
                               .arg(contact)));
            QTest::qWait(300);
            QCOMPARE(woken, 0); // not before it commits
            QVERIFY(tx.commit());
        }
        QTRY_COMPARE_WITH_TIMEOUT(woken, 1, 5000);
        QTemporaryDir dir;
        Database file(dir.filePath(QStringLiteral("w.masir")));
        QVERIFY(file.open());
        QVERIFY(!notices.listen(file.connection()));
    }

    // A sender stopped with its connection open (SIGSTOP) keeps the lock
    // only while its heartbeat is younger than the lease; then a standby ends
    // its session and sends, and the stopped one, resumed, stands by.
    void aSilentSenderIsReplaced()
    {
        test::TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        Database a(pg.url());
        Database b(pg.url());
        QVERIFY2(a.open() && b.open(), qPrintable(a.errorString() + b.errorString()));
        QVERIFY(WorkspaceSettings(a).setValue(WorkspaceSettings::Key::SenderLeaseSeconds, 2));
        ManualClock clock(QDateTime::currentDateTimeUtc());
        OutboxSender first(a, clock);
        const auto sent = first.run(50);
        QVERIFY2(sent && !sent->otherSender, qPrintable(first.errorString()));
        const qint64 lockPid = first.lockServerPid();
        QVERIFY(lockPid > 0);
        QString error;
        {
            // its heartbeat names its lock's session, once, then falls silent
            WorkerHeartbeat beat(a, 3600 * 1000);
            beat.set(WorkerHeartbeat::State::Sending, QString(), lockPid);
            QTRY_VERIFY(
                WorkerHeartbeat::list(b, &error).value_or(QList<WorkerBeat>()).value(0).lockPid ==
                lockPid);
            // while it is younger than the lease, the other stands by
            OutboxSender second(b, clock);
            const auto standing = second.run(50);
            QVERIFY2(standing && standing->otherSender, qPrintable(second.errorString()));
            const auto workers = WorkerHeartbeat::list(b, &error);
            QVERIFY2(workers && workers->size() == 1, qPrintable(error));
            QCOMPARE(workers->first().state, QStringLiteral("sending"));
            QVERIFY(WorkerHeartbeat::describe(workers->first()).contains(QStringLiteral("sends")));
            // past it, the other ends the silent one's session and sends
            QTest::qWait(2200);
            const auto taking = second.run(50);
            QVERIFY2(taking && !taking->otherSender,
                     qPrintable(second.errorString() + taking->accountErrors.join(QString())));
            QVERIFY(second.lockServerPid() > 0 && second.lockServerPid() != lockPid);
            // resumed, the first finds its lock gone and stands by
            const auto resumed = first.run(50);
            QVERIFY2(resumed && resumed->otherSender, qPrintable(first.errorString()));
            QCOMPARE(first.lockServerPid(), 0);
        }
        // a worker that stops takes its row with it
        QTRY_VERIFY(
            WorkerHeartbeat::list(b, &error).value_or(QList<WorkerBeat>{WorkerBeat{}}).isEmpty());
    }

    void saysWhatIsWrongWithAConnection()
    {
        QUrl server(test::TestPostgres::serverUrl());
        server.setPath(QStringLiteral("/no_such_database"));
        Database missing(server.toString());
        QVERIFY(!missing.open());
        QVERIFY2(missing.errorString().contains(QStringLiteral("no database \"no_such_database\"")),
                 qPrintable(missing.errorString()));
        // once it is made, opening again connects again
        test::TestPostgres admin;
        QVERIFY(admin.admin(QStringLiteral("CREATE DATABASE no_such_database")));
        const bool reopened = missing.open();
        const QString why = missing.errorString();
        QVERIFY(admin.admin(QStringLiteral("DROP DATABASE no_such_database WITH (FORCE)")));
        QVERIFY2(reopened, qPrintable(why));

        server.setPath(QStringLiteral("/postgres"));
        server.setUserName(QStringLiteral("nobody"));
        Database stranger(server.toString());
        QVERIFY(!stranger.open());
        QVERIFY2(stranger.errorString().contains(QStringLiteral("no user \"nobody\"")),
                 qPrintable(stranger.errorString()));
        Database away(QStringLiteral("postgresql://masir@/shop?host=/nonexistent/socket"));
        QVERIFY(!away.open());
        QVERIFY2(away.errorString().contains(QStringLiteral("cannot reach")),
                 qPrintable(away.errorString()));
        Database bad(QStringLiteral("postgresql://masir@server"));
        QVERIFY(!bad.open());
        QVERIFY2(bad.errorString().contains(QStringLiteral("no database")),
                 qPrintable(bad.errorString()));
    }
};

QTEST_GUILESS_MAIN(tst_PostgresSchema)
#include "tst_PostgresSchema.moc"
