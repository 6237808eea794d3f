#include "contacts/ContactRepository.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QSqlDatabase>
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
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("s"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE contacts ADD COLUMN search_text TEXT")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("s"));
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
