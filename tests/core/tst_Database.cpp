#include "contacts/ContactColumns.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/PreparedStatement.h"
#include "storage/WalCheckpointer.h"

#include "TestWorkspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

using namespace masir;

namespace {

QByteArray fingerprint(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) +
           QByteArray::number(QFileInfo(path).lastModified().toMSecsSinceEpoch());
}

QVariant pragma(const Database &db, const char *name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) || !q.next())
        return {};
    return q.value(0);
}

// Runs SQL on a file through a plain connection, as another program would.
void rawExec(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

// Creates a workspace at \a path and closes it again.
void makeWorkspace(const QString &path)
{
    Database db(path);
    QVERIFY2(db.open(), qPrintable(db.errorString()));
}

void expectRefused(const QString &path, const QString &expectedPhrase)
{
    const QByteArray before = fingerprint(path);
    const QStringList filesBefore = QFileInfo(path).dir().entryList(QDir::Files | QDir::Hidden);
    Database db(path);
    QVERIFY(!db.open());
    QVERIFY2(db.errorString().contains(expectedPhrase, Qt::CaseInsensitive),
             qPrintable(db.errorString()));
    QCOMPARE(fingerprint(path), before);
    // no journal, WAL or probe files left behind either
    QCOMPARE(QFileInfo(path).dir().entryList(QDir::Files | QDir::Hidden), filesBefore);
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteRowBindsLikeQSqlQuery()
    {
        MASIR_FILE_ONLY("columns without a type");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QSqlDatabase db = ws.db().connection();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (a, b, c, d, e, f)")));
        const QVariantList values = {QVariant(),         QString(),
                                     QStringLiteral(""), QStringLiteral("سلام ی"),
                                     qint64(1) << 40,    2.5};
        const PackedRow row(values);
        QCOMPARE(row.size(), 6);
        QCOMPARE(row.value(3).toString(), QStringLiteral("سلام ی"));
        QCOMPARE(row.text(3), QStringLiteral("سلام ی").toUtf8());
        QCOMPARE(row.value(4).toLongLong(), qint64(1) << 40);
        QVERIFY(row.value(1).isNull());
        // Text is encoded in place: byte for byte what QString::toUtf8() gives,
        // for 1-, 2-, 3- and 4-byte characters and a lone surrogate.
        QString lone = QStringLiteral("a");
        lone.append(QChar(0xD800));
        lone.append(QLatin1Char('b'));
        for (const QString &text :
             {QStringLiteral("plain"), QStringLiteral("Gdańsk"), QStringLiteral("مسیر ۱۴۰۳"),
              QStringLiteral("東京 👋 ok"), lone}) {
            PackedRow built;
            built.appendInteger(7);
            built.appendText(text);
            built.appendText(QString());
            QCOMPARE(built.text(1), text.toUtf8());
            QCOMPARE(built.value(0).toLongLong(), 7);
            QCOMPARE(built.text(2), QByteArray());
        }
        PreparedStatement insert(db, QStringLiteral("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)"));
        QVERIFY2(insert.isValid(), qPrintable(insert.errorString()));
        insert.bindAll(row);
        QVERIFY(insert.exec());
        insert.clearBindings();
        QVERIFY(q.exec(QStringLiteral("SELECT typeof(a), typeof(b), typeof(c), d, e, f FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("null"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("null")); // a null QString is NULL
        QCOMPARE(q.value(2).toString(), QStringLiteral("text")); // an empty one is ''
        QCOMPARE(q.value(3).toString(), QStringLiteral("سلام ی"));
        QCOMPARE(q.value(4).toLongLong(), qint64(1) << 40);
        QCOMPARE(q.value(5).toDouble(), 2.5);
        q.finish();
        PreparedStatement select(db, QStringLiteral("SELECT d, e FROM t WHERE d = ?"));
        select.bind(1, QVariant(QStringLiteral("سلام ی")));
        QCOMPARE(select.step(), PreparedStatement::Result::Row);
        QCOMPARE(select.value(0), QVariant(QStringLiteral("سلام ی")));
        QCOMPARE(select.columnInt64(1), qint64(1) << 40);
        QCOMPARE(select.step(), PreparedStatement::Result::Done);
        select.reset();
        PreparedStatement broken(db, QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!broken.isValid());
        QVERIFY(broken.errorString().contains(QStringLiteral("no_such_table")));
    }

    void sqliteRowReusedCopiedAndCompared()
    {
        PackedRow row;
        row.appendText(QStringLiteral("first value, long enough to need room"));
        row.appendInteger(1);
        row.clear();
        QVERIFY(row.isEmpty());
        row.appendText(QStringLiteral("x"));
        row.appendNull();
        QCOMPARE(row.size(), 2);
        QCOMPARE(row.text(0), QByteArray("x"));
        QVERIFY(row.value(1).isNull());

        // A copy keeps its values when the row it came from is refilled.
        const PackedRow copy = row;
        row.clear();
        row.appendText(QStringLiteral("y"));
        QCOMPARE(copy.text(0), QByteArray("x"));
        QCOMPARE(row.text(0), QByteArray("y"));
        // Growing past its room keeps what the row holds.
        const QString big(5000, QLatin1Char('z'));
        row.appendText(big);
        row.appendInteger(7);
        QCOMPARE(row.value(1).toString(), big);
        QCOMPARE(row.value(2).toLongLong(), 7);

        // A value read where it starts compares by type and bytes, and can be
        // appended to another row as it is.
        auto make = [](const QVariantList &values) { return PackedRow(values); };
        const PackedRow a = make({QStringLiteral("a"), qint64(5), QStringLiteral("same")});
        const PackedRow b = make({QStringLiteral("5"), QVariant(), QStringLiteral("same")});
        PackedRow out;
        std::vector<PackedRow::Cell> cells;
        for (const PackedRow *r : {&a, &b}) {
            for (const PackedRow::Cell &c : r->cells()) {
                const qsizetype at = out.byteSize();
                out.appendCell(c);
                QVERIFY(out.cellAt(at) == c);
                cells.push_back(c);
            }
        }
        QCOMPARE(out.values(), a.values() + b.values());
        QVERIFY(cells[2] == cells[5]);    // 'same' and 'same'
        QVERIFY(!(cells[1] == cells[3])); // 5 and '5' differ
        QVERIFY(!(cells[1] == cells[4])); // 5 and NULL
        QVERIFY(!(cells[0] == cells[3])); // 'a' and '5'
    }

    void sharedRowsWriteWhatRowWrites()
    {
        // Columns shared by an import's rows are copied from its first row when a
        // contact holds the first contact's own string, encoded and compared when
        // it holds an equal or another one; the bytes are row()'s either way.
        std::vector<bool> shared(ContactColumns::names().size(), false);
        for (const char *column : {"source", "country", "birthday", "created_at"})
            shared[size_t(ContactColumns::names().indexOf(QLatin1String(column)))] = true;
        ContactColumns::SharedRows rows(shared);
        const QString source = QStringLiteral("customers.csv");
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        auto contact = [&](const QString &first, const QString &from, const QString &country) {
            Contact c;
            c.firstName = first;
            c.email = first + QStringLiteral("@example.com");
            c.source = from;
            c.country = country;
            c.createdAt = c.updatedAt = when;
            return c;
        };
        Contact later = contact(QStringLiteral("f"), source, QString());
        later.createdAt = when.addSecs(1);
        Contact born = contact(QStringLiteral("g"), source, QString());
        born.birthday = QDate(1990, 5, 17);
        const Contact cases[] = {
            contact(QStringLiteral("a"), source, QString()), // the first
            contact(QStringLiteral("b"), source, QString()), // the same strings
            contact(QStringLiteral("c"), QStringLiteral("customers.csv"), QString()), // equal
            contact(QStringLiteral("d"), QStringLiteral("other.csv"), QString()),     // another
            contact(QStringLiteral("e"), source, QStringLiteral("IR")),
            later,                                           // another time
            born,                                            // a date where the first had none
            contact(QStringLiteral("h"), source, QString()), // the first's values again
        };
        const bool same[] = {true, true, true, false, false, false, false, true};
        for (size_t i = 0; i < std::size(cases); ++i) {
            PackedRow expected;
            ContactColumns::row(cases[i], expected);
            PackedRow written;
            QCOMPARE(rows.row(cases[i], written), same[i]);
            QCOMPARE(written.values(), expected.values());
        }
    }

    void sharedPlaceholdersBindOnce()
    {
        MASIR_FILE_ONLY("columns without a type");
        // Three rows into a contacts-like insert where the second column is shared:
        // the first row binds every value, the others all but the shared one.
        const std::vector<bool> shared = {false, false, false, false, false, false,
                                          false, false, false, false, false, true};
        const QString sql = ContactColumns::insertSql({QStringLiteral("import_id")}, 3, shared);
        const int columns = int(ContactColumns::names().size()) + 1;
        QVERIFY2(sql.contains(QStringLiteral("(?1,?2,")), qPrintable(sql));
        // row 2 starts after row 1's placeholders; its 12th column is row 1's
        QVERIFY2(sql.contains(QStringLiteral(",(?%1,").arg(columns + 1)), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("?%1,?12,?%2").arg(columns + 11).arg(columns + 12)),
                 qPrintable(sql));
        QCOMPARE(sql.count(QLatin1Char('?')), 3 * columns);

        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QSqlDatabase db = ws.db().connection();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (a, b, c)")));
        PreparedStatement insert(db,
                                 QStringLiteral("INSERT INTO t VALUES (?1, ?2, ?3), (?4, ?2, ?5)"));
        QVERIFY2(insert.isValid(), qPrintable(insert.errorString()));
        const PackedRow one({QStringLiteral("a1"), QStringLiteral("both"), qint64(1)});
        const PackedRow two({QStringLiteral("a2"), QStringLiteral("ignored"), qint64(2)});
        QCOMPARE(insert.bindAll(one, 1), 4);
        const quint64 skipSecond = PackedRow::mask({false, true, false});
        QCOMPARE(skipSecond, quint64(2));
        QCOMPARE(insert.bindAll(two, 4, skipSecond), 6);
        QVERIFY2(insert.exec(), qPrintable(insert.errorString()));
        insert.clearBindings();
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(a || b || c, ' ') FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("a1both1 a2both2"));
    }

    void newWorkspaceHasSchemaAndPragmas()
    {
        MASIR_FILE_ONLY("its PRAGMAs");
        test::TestWorkspace ws;
        QVERIFY2(ws.opened(), qPrintable(ws.db().errorString()));
        QCOMPARE(ws.db().schemaVersion(), Migrations::latestVersion());
        QCOMPARE(pragma(ws.db(), "journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(ws.db(), "foreign_keys").toInt(), 1);
        QCOMPARE(pragma(ws.db(), "busy_timeout").toInt(), 5000);
        QCOMPARE(pragma(ws.db(), "synchronous").toInt(), 1); // NORMAL
        QCOMPARE(pragma(ws.db(), "application_id").toInt(), Database::applicationId);
        QVERIFY(ws.db().integrityProblems().isEmpty());
    }

    // Cache scopes nest: an inner one smaller than the outer leaves it alone,
    // a larger one gives the outer's size back, the outer gives the default.
    void cacheScopesNest()
    {
        MASIR_FILE_ONLY("its page cache");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QSqlDatabase db = ws.db().connection();
        const qint64 kib = -qint64(Database::defaultCacheKiB);
        QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), kib);
        {
            const ScopedCacheSize outer(db, 64 * 1024);
            QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -64 * 1024);
            {
                const ScopedCacheSize smaller(db, 16 * 1024);
                QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -64 * 1024);
            }
            QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -64 * 1024);
            {
                const ScopedCacheSize larger(db, 128 * 1024);
                QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -128 * 1024);
            }
            QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -64 * 1024);
            {
                const ScopedCacheSize exactly(db, 2048, ScopedCacheSize::Size::Exactly);
                QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -2048);
            }
            QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), -64 * 1024);
        }
        QCOMPARE(pragma(ws.db(), "cache_size").toLongLong(), kib);
    }

    // INSERT ... RETURNING id is run without the clause on SQLite: the id
    // still comes back, and 0 when ON CONFLICT DO NOTHING wrote nothing.
    void returningIdWithoutTheClause()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        PreparedStatement tag(ws.db().connection(),
                              QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES "
                                             "(?, ?, 0) ON CONFLICT DO NOTHING RETURNING id"));
        QVERIFY2(tag.isValid(), qPrintable(tag.errorString()));
        const auto add = [&tag](const QByteArray &name) {
            tag.bind(1, name);
            tag.bind(2, name);
            return tag.execReturningId();
        };
        const auto first = add("vip");
        QVERIFY(first && *first > 0);
        QCOMPARE(add("press"), std::optional<qint64>(*first + 1));
        QCOMPARE(add("vip"), std::optional<qint64>(0));
        QSqlQuery q(ws.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT max(id) FROM tags")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), *first + 1);
    }

    // While a WalCheckpointer lives, the writer's connection leaves checkpoints
    // to it: a commit that leaves 1,000 pages or more in the log wakes its
    // thread (the writer says nothing), and what the writer commits reaches the
    // database file all the same.
    void walCheckpointerCopiesTheLogOnItsThread()
    {
        MASIR_FILE_ONLY("its write-ahead log");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QSqlDatabase db = ws.db().connection();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
        auto autoCheckpoint = [&] {
            return q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && q.next()
                       ? q.value(0).toInt()
                       : -1;
        };
        const QString blob = QString(1000, QLatin1Char('x'));
        {
            WalCheckpointer checkpointer(db);
            QVERIFY(checkpointer.isActive());
            QCOMPARE(autoCheckpoint(), 0);
            for (int batch = 0; batch < 10; ++batch) { // 20 MB: 1,250 pages of 16 KiB
                QVERIFY(db.transaction());
                q.prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
                for (int i = 0; i < 2000; ++i) {
                    q.addBindValue(QString(blob + QString::number(i)));
                    QVERIFY(q.exec());
                }
                QVERIFY(db.commit());
            }
            // The thread checkpoints while the writer goes on (or has stopped).
            QTRY_VERIFY(checkpointer.checkpoints() >= 1);
        }
        QCOMPARE(autoCheckpoint(), 1000);
        // The database file holds every row without its log: nothing else has
        // checkpointed since the writer's automatic checkpoints were turned off.
        Database copy(ws.filePath(QStringLiteral("copy.masir")));
        QVERIFY(QFile::copy(ws.path(), ws.filePath(QStringLiteral("copy.masir"))));
        QVERIFY(copy.open());
        QSqlQuery c(copy.connection());
        QVERIFY(c.exec(QStringLiteral("SELECT count(*) FROM t")) && c.next());
        QCOMPARE(c.value(0).toInt(), 20000);
    }

    // New files get 16 KiB pages; a file made with SQLite's 4 KiB default (every
    // workspace before that change) keeps its pages and opens as before.
    void pageSizeOfNewAndOlderFiles()
    {
        MASIR_FILE_ONLY("its page size");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QCOMPARE(pragma(ws.db(), "page_size").toInt(), Database::newFilePageSize);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("older.masir"));
        rawExec(path, {QStringLiteral("PRAGMA page_size = 4096"),
                       QStringLiteral("PRAGMA application_id = %1").arg(Database::applicationId)});
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QCOMPARE(pragma(db, "page_size").toInt(), 4096);
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    }

    void rebuildableIndexesMatchTheMigrations()
    {
        MASIR_FILE_ONLY("the indexes a bulk write drops (a server keeps them)");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        auto definitions = [&] {
            QStringList sql;
            QSqlQuery q(ws.db().connection());
            q.exec(QStringLiteral(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "ORDER BY name"));
            while (q.next())
                sql << q.value(0).toString().simplified();
            return sql;
        };
        const QStringList migrated = definitions();
        QVERIFY(ws.db().dropRebuildableIndexes());
        QCOMPARE(definitions().size(), migrated.size() - Database::rebuildableIndexes().size());
        // One alone, for a bulk write that needs it after all; the rest stay away
        // until ensureIndexes(), and the trigger with them.
        QVERIFY(ws.db().ensureIndex(QStringLiteral("contacts_phone")));
        QVERIFY(ws.db().ensureIndex(QStringLiteral("contacts_phone"))); // there: nothing to do
        QCOMPARE(definitions().size(), migrated.size() - Database::rebuildableIndexes().size() + 1);
        QSqlQuery q(ws.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                      "('contacts_phone', 'contacts_score_row')")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        QVERIFY(ws.db().ensureIndexes());
        // IF NOT EXISTS is not kept in sqlite_master, so the two must read the same
        QStringList rebuilt = definitions();
        for (QString &sql : rebuilt)
            sql.remove(QStringLiteral("IF NOT EXISTS "));
        QCOMPARE(rebuilt, migrated);
    }

    // A bulk write drops the trigger that makes each contact's score row; the rows
    // it did not make are made when it comes back, and it is as the migration made it.
    void scoreRowsComeBackWithTheTrigger()
    {
        MASIR_FILE_ONLY("the trigger a bulk write drops (a server keeps it)");
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        auto scalar = [&](const QString &sql) {
            QSqlQuery q(ws.db().connection());
            return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
        };
        const QString trigger = QStringLiteral(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'contacts_score_row'");
        const QString migrated = scalar(trigger);
        QCOMPARE(migrated, Database::scoreRowTrigger());
        QSqlQuery q(ws.db().connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (email, created_at, updated_at) "
                                      "VALUES ('before@example.com', 1, 1)")));
        QVERIFY(q.exec(QStringLiteral("UPDATE contact_scores SET score = 9")));
        QVERIFY(ws.db().dropRebuildableIndexes());
        QVERIFY(scalar(trigger).isEmpty());
        for (int i = 0; i < 3; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (email, created_at, updated_at) "
                                          "VALUES ('bulk%1@example.com', 1, 1)")
                               .arg(i)));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_scores")), u"1"_qs);
        QVERIFY(ws.db().ensureIndexes());
        QCOMPARE(scalar(trigger), migrated);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) || ' ' || sum(score) FROM contact_scores")),
                 u"4 9"_qs);
        QVERIFY(ws.db().ensureIndexes()); // nothing to do twice
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_scores")), u"4"_qs);
    }

    void reopenKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        {
            Database db(path);
            QVERIFY(db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")));
        }
        Database db(path);
        QVERIFY(db.open());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'k'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("v"));
    }

    void oneConnectionPerThread()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        const QString mainName = ws.db().connection().connectionName();
        QString threadName;
        int threadCount = -1;
        QThread *thread = QThread::create([&] {
            QSqlDatabase db = ws.db().connection();
            threadName = db.connectionName();
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next())
                threadCount = q.value(0).toInt();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QCOMPARE(threadCount, 0);
        QVERIFY(!threadName.isEmpty());
        QVERIFY(threadName != mainName);
        // the thread's connection went away with the thread
        QVERIFY(!QSqlDatabase::connectionNames().contains(threadName));
        QVERIFY(QSqlDatabase::connectionNames().contains(mainName));
    }

    void refusesNonSqliteFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.csv.masir"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,email\nAli,ali@example.com\n");
        f.close();
        expectRefused(path, QStringLiteral("not an SQLite database"));
    }

    void refusesDamagedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        makeWorkspace(path);
        // Keep the 100-byte header, scribble over the schema on page 1.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write(QByteArray(3000, '\xA5'));
        f.close();
        expectRefused(path, QStringLiteral("damaged"));
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        makeWorkspace(path);
        rawExec(path,
                {QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() + 1)});
        expectRefused(path, QStringLiteral("newer version of Masir"));
    }

    void refusesOtherProgramsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        rawExec(path, {QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)"),
                       QStringLiteral("INSERT INTO orders (total) VALUES (12.5)")});
        expectRefused(path, QStringLiteral("another program"));

        const QString tagged = dir.filePath(QStringLiteral("tagged.db"));
        rawExec(tagged, {QStringLiteral("PRAGMA application_id = 42")});
        expectRefused(tagged, QStringLiteral("another program"));
    }

    void refusesMissingFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/w.masir"));
        Database db(path);
        QVERIFY(!db.open());
        QVERIFY2(db.errorString().contains(QStringLiteral("does not exist")),
                 qPrintable(db.errorString()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
    }

    void refusesFolderAsFile()
    {
        QTemporaryDir dir;
        Database db(dir.path());
        QVERIFY(!db.open());
        QVERIFY2(db.errorString().contains(QStringLiteral("is a folder")),
                 qPrintable(db.errorString()));
    }

    void refusesReadOnlyFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkdir(folder));
        const QString existing = folder + QStringLiteral("/w.masir");
        makeWorkspace(existing);
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        auto restore = qScopeGuard([&] {
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        });
        if (::geteuid() == 0) {
            // An administrator may write anywhere; a read-only file system stops even
            // root, so check that case instead.
            Database db(QStringLiteral("/proc/masir-test.masir"));
            QVERIFY(!db.open());
            QVERIFY2(db.errorString().contains(QStringLiteral("read-only")),
                     qPrintable(db.errorString()));
            return;
        }
        expectRefused(existing, QStringLiteral("read-only"));
        Database fresh(folder + QStringLiteral("/new.masir"));
        QVERIFY(!fresh.open());
        QVERIFY(fresh.errorString().contains(QStringLiteral("read-only")));
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/new.masir")));
    }

    void readOnlyModeNeverCreates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        Database db(path, Database::Mode::ReadOnly);
        QVERIFY(!db.open());
        QVERIFY(!QFileInfo::exists(path));
    }

    void emptyFileBecomesWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.masir"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
