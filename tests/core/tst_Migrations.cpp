#include "contacts/ContactRepository.h"
#include "crm/ContactTimeline.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace masir;

namespace {

// Builds a file exactly as version \a version of Masir left it, with a contact in it.
bool buildAtVersion(const QString &path, int version)
{
    bool ok = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        if (db.open()) {
            Migrations m(db);
            ok = m.migrate(version) && m.currentVersion() == version;
            QSqlQuery q(db);
            // every released schema has had contacts with these columns
            ok = ok &&
                 q.exec(QStringLiteral(
                     "INSERT INTO contacts (email, first_name, last_name, created_at, updated_at) "
                     "VALUES ('old@example.com', 'Reza', 'Karimi', 1000, 1000)"));
            if (version >= 2)
                ok = ok &&
                     q.exec(QStringLiteral("INSERT INTO events (contact_id, type, occurred_at) "
                                           "VALUES (1, 'contact_created', 1000)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    return ok;
}

bool hasColumn(const Database &db, const char *table, const char *column)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"));
    q.addBindValue(QLatin1String(table));
    q.addBindValue(QLatin1String(column));
    return q.exec() && q.next() && q.value(0).toInt() > 0;
}

// Runs \a statements on the file at \a path as it is, without migrating it.
bool runOn(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (ok && !q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace

class tst_Migrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEmptyFile()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("w.masir")));
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QSqlQuery q(db.connection());
        for (const char *table : {"contacts", "fields", "contact_values", "tags", "contact_tags",
                                  "events", "notes", "settings"}) {
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
        }
    }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < Migrations::latestVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }
    void fromEveryEarlierVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.masir"));
        QVERIFY(buildAtVersion(path, version));

        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        ContactRepository repo(db);
        QCOMPARE(repo.count(), 1);
        const auto c = repo.find(1);
        QVERIFY(c);
        QCOMPARE(c->email, QStringLiteral("old@example.com"));
        QCOMPARE(c->lastName, QStringLiteral("Karimi"));
        // and the upgraded file takes new contacts
        Contact fresh;
        fresh.firstName = QStringLiteral("New");
        fresh.email = QStringLiteral("new@example.com");
        QVERIFY2(repo.create(fresh), qPrintable(repo.errorString()));
        QCOMPARE(repo.count(), 2);
        QVERIFY(db.integrityProblems().isEmpty());
    }

    // Schema 25 allows one active enrolment of a contact in a journey: a
    // file that had two keeps the newer, the older ends as exited.
    void oneActiveEnrolmentLeft()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.masir"));
        QVERIFY(buildAtVersion(path, 24));
        QVERIFY(runOn(
            path,
            {QStringLiteral("INSERT INTO journeys (name, graph, created_at, updated_at) VALUES "
                            "('Welcome', '{}', 1, 1)"),
             QStringLiteral("INSERT INTO enrollments (journey_id, version, contact_id, state, "
                            "node_id, node_since, entered_at, updated_at) VALUES (1, 1, 1, "
                            "'active', 'a', 1, 1, 1), (1, 1, 1, 'completed', 'a', 1, 1, 1), "
                            "(1, 1, 1, 'active', 'b', 2, 2, 2)")}));
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT state, exit_reason FROM enrollments ORDER BY id")));
        QStringList states;
        while (q.next())
            states << q.value(0).toString() + QLatin1Char('/') + q.value(1).toString();
        QCOMPARE(states, (QStringList{QStringLiteral("exited/duplicate"),
                                      QStringLiteral("completed/"), QStringLiteral("active/")}));
        // and a second active one is refused from now on, by the index
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO enrollments (journey_id, version, contact_id, "
                                       "node_id, node_since, entered_at, updated_at) VALUES (1, "
                                       "1, 1, 'a', 3, 3, 3)")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("UNIQUE")),
                 qPrintable(q.lastError().text()));
    }

    // Schema 11 moved score changes out of the events into score_changes; a
    // journey keeps its place in them.
    void scoreChangesLeaveTheEvents()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v10.masir"));
        QVERIFY(buildAtVersion(path, 10));
        QVERIFY(runOn(path,
                      {QStringLiteral(
                           "INSERT INTO events (contact_id, type, occurred_at, payload) VALUES (1, "
                           "'score_changed', 2000, '{\"from\":0,\"to\":5,\"points\":5,"
                           "\"reason\":\"email_opened\"}')"),
                       QStringLiteral(
                           "INSERT INTO events (contact_id, type, occurred_at, payload) VALUES (1, "
                           "'email_opened', 2500, '{}')"),
                       QStringLiteral(
                           "INSERT INTO events (contact_id, type, occurred_at, payload) VALUES (1, "
                           "'score_changed', 3000, '{\"from\":5,\"to\":35,\"reason\":"
                           "\"journey\"}')"),
                       QStringLiteral("INSERT INTO journeys (name, graph, created_at, updated_at, "
                                      "event_cursor) VALUES ('seen one', '{}', 1, 1, 3)")}));

        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM events WHERE type = 'score_changed'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT id, contact_id, occurred_at, from_score, to_score, "
                                      "reason FROM score_changes ORDER BY id")));
        QList<QVariantList> rows;
        while (q.next())
            rows << QVariantList{q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(),
                                 q.value(3).toInt(), q.value(4).toInt(), q.value(5).toString()};
        QCOMPARE(rows, (QList<QVariantList>{{1, 1, 2000, 0, 5, QStringLiteral("email_opened")},
                                            {2, 1, 3000, 5, 35, QStringLiteral("journey")}}));
        // the journey had read up to event 3, past the first score change: it goes
        // on from the second
        QVERIFY(q.exec(QStringLiteral("SELECT score_cursor FROM journeys")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // the timeline still shows them, newest first, among the events
        const QList<Event> timeline = ContactTimeline(db).entries(1);
        QStringList types;
        for (const Event &e : timeline)
            types << e.type;
        QCOMPARE(types,
                 (QStringList{QStringLiteral("score_changed"), QStringLiteral("email_opened"),
                              QStringLiteral("score_changed"), QStringLiteral("contact_created")}));
        QCOMPARE(timeline.first().payload.value(QStringLiteral("points")).toInt(), 30);
        QVERIFY(db.integrityProblems().isEmpty());
    }

    // Schema 12 moved the score into contact_scores, a row for every contact.
    void scoreLeavesTheContactsRow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v11.masir"));
        QVERIFY(buildAtVersion(path, 11));
        QVERIFY(runOn(path, {QStringLiteral("UPDATE contacts SET score = 42")}));

        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        ContactRepository repo(db);
        QCOMPARE(repo.find(1)->score, 42);
        QVERIFY(!hasColumn(db, "contacts", "score"));
        QSqlQuery q(db.connection());
        // a contact inserted any way gets its row
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (email, created_at, updated_at) "
                                      "VALUES ('raw@example.com', 1, 1)")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contacts c JOIN contact_scores s ON "
                                      "s.contact_id = c.id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM contacts")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contact_scores")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0); // and loses it with the contact
        QVERIFY(db.integrityProblems().isEmpty());
    }

    // Schema 14 moved the stage beside the score, for every contact (one whose
    // score row a killed bulk import had not made yet too).
    void stageLeavesTheContactsRow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v13.masir"));
        QVERIFY(buildAtVersion(path, 13));
        QVERIFY(
            runOn(path, {QStringLiteral("INSERT INTO contacts (email, stage, created_at, "
                                        "updated_at) VALUES ('cut@example.com', 'mql', 1, 1)"),
                         QStringLiteral("DELETE FROM contact_scores WHERE contact_id = 2"),
                         QStringLiteral("UPDATE contacts SET stage = 'customer' WHERE id = 1")}));

        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        ContactRepository repo(db);
        QCOMPARE(repo.find(1)->stage, QStringLiteral("customer"));
        QCOMPARE(repo.find(2)->stage, QStringLiteral("mql"));
        QVERIFY(!hasColumn(db, "contacts", "stage"));
        QSqlQuery q(db.connection());
        // a contact inserted any way starts as a subscriber
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (email, created_at, updated_at) "
                                      "VALUES ('raw@example.com', 1, 1) RETURNING id")));
        QVERIFY(q.next());
        QCOMPARE(repo.find(q.value(0).toLongLong())->stage, QStringLiteral("subscriber"));
        QVERIFY(db.integrityProblems().isEmpty());
    }

    void talliesFromTheEventsThere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v18.masir"));
        QVERIFY(buildAtVersion(path, 18));
        const qint64 slot = 15 * 60 * 1000;
        QVERIFY(runOn(
            path,
            {QStringLiteral("INSERT INTO events (contact_id, type, occurred_at, payload) VALUES "
                            "(1, 'email_opened', %1, '{\"outbox\":7}'), "
                            "(1, 'email_opened', %2, '{\"outbox\":7}'), "
                            "(1, 'email_opened', %2, '{}'), "
                            "(1, 'purchase', %1, '{\"amount\":\"12.5\"}'), "
                            "(1, 'purchase', %1, '{\"amount\":-2}'), "
                            "(1, 'stage_changed', %1, '{\"to\":\"lead\"}'), "
                            "(1, 'stage_changed', %2, '{\"to\":\"lead\"}')")
                 .arg(slot * 10 + 5)
                 .arg(slot * 11)}));

        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT slot, kind, events, firsts, amount FROM "
                                      "event_tallies WHERE kind <> 'contact_created' ORDER BY "
                                      "slot, kind")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1 %2 %3 %4 %5")
                        .arg(q.value(0).toLongLong())
                        .arg(q.value(1).toString())
                        .arg(q.value(2).toLongLong())
                        .arg(q.value(3).toLongLong())
                        .arg(q.value(4).toDouble());
        // message 7's first open in slot 10; the open of no message is its own first
        QCOMPARE(rows, QStringList({QStringLiteral("10 email_opened 1 1 0"),
                                    QStringLiteral("10 purchase 2 0 10.5"),
                                    QStringLiteral("10 stage_changed:lead 1 1 0"),
                                    QStringLiteral("11 email_opened 2 1 0"),
                                    QStringLiteral("11 stage_changed:lead 1 0 0")}));
        QVERIFY(q.exec(QStringLiteral("SELECT stage, reached_at FROM stage_reached")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("lead"));
        QCOMPARE(q.value(1).toLongLong(), slot * 10 + 5);
        QVERIFY(!q.next());
        // schema 20: the customer's purchases added up, the refund with them
        QVERIFY(q.exec(QStringLiteral("SELECT orders, revenue FROM contact_purchases WHERE "
                                      "contact_id = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 2);
        QCOMPARE(q.value(1).toDouble(), 10.5);
    }

    void migratingTwiceChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        {
            Database db(path);
            QVERIFY(db.open());
        }
        Database db(path);
        QVERIFY(db.open());
        Migrations m(db.connection());
        QVERIFY(m.migrate());
        QCOMPARE(m.currentVersion(), Migrations::latestVersion());
    }

    void failedMigrationLeavesPreviousVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        QVERIFY(buildAtVersion(path, 2));
        // Sabotage: the column version 3 adds already exists, so step 3 fails.
        QVERIFY(runOn(path, {QStringLiteral("ALTER TABLE contacts ADD COLUMN search_text TEXT")}));
        Database db(path);
        QVERIFY(!db.open());
        QVERIFY(db.errorString().contains(QStringLiteral("left as it was")));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_Migrations.moc"
