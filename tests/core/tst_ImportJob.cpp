#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "crm/ContactTimeline.h"
#include "importing/ImportHistory.h"
#include "importing/ImportJob.h"
#include "settings/WorkspaceSettings.h"

#include "TestWorkspace.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace masir;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(MASIR_TEST_DATA_DIR "/import/") + name;
}

qint64 scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// A generated file of \a rows unique contacts.
QString generate(const QString &dir, int rows)
{
    const QString path = dir + QStringLiteral("/generated.csv");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("email,first_name,last_name,phone,city,company\n");
    for (int i = 0; i < rows; ++i)
        f.write(QStringLiteral("person%1@example.com,Name%1,Last%2,+98912%3,City%4,Co%5\n")
                    .arg(i)
                    .arg(i % 97)
                    .arg(1000000 + i)
                    .arg(i % 13)
                    .arg(i % 7)
                    .toUtf8());
    return path;
}

} // namespace

class tst_ImportJob : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

    ImportReport import(const QString &path, ImportOptions options = {})
    {
        options.path = path;
        if (options.defaultRegion.isEmpty())
            options.defaultRegion = QStringLiteral("IR");
        return ImportJob(m_ws->db(), options).run();
    }

    // Writes \a text to \a name in the workspace's folder (replacing it); its path.
    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = m_ws->dir() + QLatin1Char('/') + name;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }

    // Makes the insert of every contact named \a name fail, as a full disk or a
    // constraint would: the import rejects that row and goes on.
    void failInsertsNamed(const QString &name)
    {
        refuse(QStringLiteral("fail_insert"), QStringLiteral("contacts"), {"INSERT"},
               QStringLiteral("NEW.first_name = '%1'").arg(name));
    }

    // A trigger that refuses the rows of \a table that meet \a condition, on
    // either engine.
    void refuse(const QString &name, const QString &table, const QList<const char *> &events,
                const QString &condition)
    {
        QSqlQuery q(m_ws->db().connection());
        QStringList statements;
        if (test::onPostgres()) {
            statements << QStringLiteral("CREATE OR REPLACE FUNCTION test_refuse() RETURNS "
                                         "trigger LANGUAGE plpgsql AS $$ BEGIN RAISE "
                                         "EXCEPTION 'refused'; END $$");
            QStringList on;
            for (const char *event : events)
                on << QLatin1String(event);
            statements << QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW WHEN "
                                         "(%4) EXECUTE FUNCTION test_refuse()")
                              .arg(name, on.join(QStringLiteral(" OR ")), table, condition);
        } else {
            for (const char *event : events)
                statements << QStringLiteral("CREATE TRIGGER %1_%2 BEFORE %2 ON %3 WHEN %4 "
                                             "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                                  .arg(name, QLatin1String(event), table, condition);
        }
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }

    // Whether the index or trigger \a name is there (on a server, never dropped).
    qint64 inSchema(const QString &name)
    {
        if (test::onPostgres())
            return 1;
        return scalar(
            m_ws->db(),
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(name));
    }

    // Rows of a test run row by row (indexes kept) and as a bulk import.
    static void bulkOrNot()
    {
        QTest::addColumn<bool>("bulk");
        QTest::newRow("row by row") << false;
        QTest::newRow("bulk") << true;
    }

    // The same, and a third: into a workspace that has a contact already, where
    // every lookup asks the table (the behaviour the other two must match).
    static void threePaths()
    {
        QTest::addColumn<bool>("bulk");
        QTest::addColumn<bool>("seeded");
        QTest::newRow("row by row") << false << false;
        QTest::newRow("bulk") << true << false;
        QTest::newRow("into a workspace with contacts") << false << true;
    }
    // Options that make an import of any size row by row, or bulk.
    static ImportOptions optionsFor(bool bulk)
    {
        ImportOptions o;
        o.bulkFromBytes = bulk ? 0 : std::numeric_limits<qint64>::max();
        return o;
    }
    void seedAContact()
    {
        Contact other;
        other.email = QStringLiteral("other@example.com");
        QVERIFY(ContactRepository(m_ws->db()).create(other));
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
    }
    void cleanup() { m_ws.reset(); }

    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("region");
        QTest::addColumn<int>("created");
        QTest::addColumn<int>("rejected");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("persian cp1256") << "fa_cp1256_excel.csv"
                                        << "IR" << 4 << 0 << "windows-1256"
                                        << ",";
        QTest::newRow("polish cp1250") << "pl_cp1250_semicolon.csv"
                                       << "PL" << 3 << 0 << "windows-1250"
                                       << ";";
        QTest::newRow("utf-16 tab") << "utf16le_tab_bom.txt"
                                    << "MY" << 2 << 0 << "utf-16le"
                                    << "\t";
        QTest::newRow("quoted newlines") << "quoted_newlines.csv"
                                         << "IR" << 4 << 0 << "utf-8"
                                         << ",";
        QTest::newRow("unterminated quote") << "unterminated_quote.csv"
                                            << "IR" << 3 << 1 << "utf-8"
                                            << ",";
        QTest::newRow("nul bytes") << "nul_bytes.csv"
                                   << "IR" << 2 << 0 << "utf-8"
                                   << ",";
        QTest::newRow("header only") << "header_only.csv"
                                     << "IR" << 0 << 0 << "utf-8"
                                     << ",";
        QTest::newRow("empty") << "empty.csv"
                               << "IR" << 0 << 0 << "utf-8"
                               << ",";
        QTest::newRow("blank lines, bad rows") << "blank_lines_bad_rows.csv"
                                               << "IR" << 2 << 2 << "utf-8"
                                               << ",";
        QTest::newRow("google contacts") << "samples/google_contacts_export.csv"
                                         << "US" << 50 << 0 << "utf-8"
                                         << ",";
        QTest::newRow("mailchimp") << "samples/mailchimp_audience_export.csv"
                                   << "US" << 50 << 0 << "utf-8"
                                   << ",";
        QTest::newRow("outlook") << "samples/outlook_unicode_text_utf16.txt"
                                 << "GB" << 40 << 0 << "utf-16le"
                                 << "\t";
        QTest::newRow("malay bom") << "samples/pelanggan_ms_utf8_bom.csv"
                                   << "MY" << 60 << 0 << "utf-8"
                                   << ",";
        QTest::newRow("persian digits") << "samples/google_sheets_fa_utf8_persian_digits.csv"
                                        << "IR" << 80 << 0 << "utf-8"
                                        << ",";
        QTest::newRow("shop cp1256") << "samples/shop_customers_fa_cp1256.csv"
                                     << "IR" << 120 << 0 << "windows-1256"
                                     << ",";
        QTest::newRow("klienci cp1250") << "samples/klienci_pl_cp1250_semicolon.csv"
                                        << "PL" << 80 << 0 << "windows-1250"
                                        << ";";
    }
    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, region);
        QFETCH(int, created);
        QFETCH(int, rejected);
        QFETCH(QString, encoding);
        QFETCH(QString, delimiter);
        ImportOptions o;
        o.defaultRegion = region;
        const ImportReport r = import(fixture(file), o);
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.created, created);
        QCOMPARE(r.rejected, rejected);
        QCOMPARE(Encodings::key(r.encoding), encoding);
        QCOMPARE(QString(r.delimiter), delimiter);
        // every data row is accounted for
        QCOMPARE(r.created + r.updated + r.skipped + r.rejected, r.rows);
        QCOMPARE(ContactRepository(m_ws->db()).count(), created);
        QCOMPARE(scalar(m_ws->db(),
                        QStringLiteral(
                            "SELECT count(*) FROM import_issues WHERE severity = 'rejected'")),
                 rejected);
    }

    void persianIsNormalised()
    {
        const ImportReport r = import(fixture(QStringLiteral("fa_cp1256_excel.csv")));
        QCOMPARE(r.created, 4);
        ContactRepository repo(m_ws->db());
        const auto ali = repo.find(*repo.findIdByEmail(QStringLiteral("ali@example.ir")));
        QCOMPARE(ali->firstName, QStringLiteral("علی"));  // Arabic yeh became Persian yeh
        QCOMPARE(ali->lastName, QStringLiteral("کریمی")); // and Arabic kaf Persian kaf
        QCOMPARE(ali->city, QStringLiteral("کرج"));
        QCOMPARE(ali->phone, QStringLiteral("+989121234567"));
        QCOMPARE(ali->birthday, QDate(1986, 7, 3)); // 1365/04/12 in the Jalali calendar
        QCOMPARE(repo.findIdsByPhone(QStringLiteral("+989127654321")).size(), 1); // "0098 912 ..."
        ContactQuery q;
        q.search = QStringLiteral("علي");
        QCOMPARE(repo.count(q), 1);
        // the timeline says where the contact came from
        const QList<Event> timeline = ContactTimeline(m_ws->db()).entries(ali->id);
        QCOMPARE(timeline.size(), 1);
        QCOMPARE(timeline.first().type, EventType::ContactImported);
        QVERIFY(ContactTimeline::describe(timeline.first())
                    .contains(QStringLiteral("fa_cp1256_excel.csv")));
    }

    void polishConsentAndLetters()
    {
        ImportOptions o;
        o.defaultRegion = QStringLiteral("PL");
        QCOMPARE(import(fixture(QStringLiteral("pl_cp1250_semicolon.csv")), o).created, 3);
        ContactRepository repo(m_ws->db());
        const auto zofia = repo.find(*repo.findIdByEmail(QStringLiteral("zofia@example.pl")));
        QCOMPARE(zofia->lastName, QStringLiteral("Żółkiewska"));
        QCOMPARE(zofia->emailConsent.status, ConsentStatus::Withdrawn);
        QVERIFY(zofia->emailConsent.source.contains(QStringLiteral("pl_cp1250_semicolon.csv")));
        const auto lukasz = repo.find(*repo.findIdByEmail(QStringLiteral("lukasz@example.pl")));
        QCOMPARE(lukasz->emailConsent.status, ConsentStatus::Granted);
        QCOMPARE(lukasz->phone, QStringLiteral("+48601234567"));
    }

    void duplicatesInsideOneFile_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("batch");
        QTest::addColumn<bool>("bulk");
        QTest::addColumn<int>("updated");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QString>("aliLastName");
        const int fill = int(ImportOptions::Policy::Fill);
        const int skip = int(ImportOptions::Policy::Skip);
        const int overwrite = int(ImportOptions::Policy::Overwrite);
        const QString karimi = QStringLiteral("Karimi");
        QTest::newRow("fill") << fill << 25000 << false << 2 << 0 << karimi;
        QTest::newRow("fill, tiny batches") << fill << 1 << false << 2 << 0 << karimi;
        QTest::newRow("skip") << skip << 25000 << false << 0 << 2 << QString();
        QTest::newRow("overwrite") << overwrite << 2 << false << 2 << 0 << karimi;
        // without indexes: the duplicates are found by the ids kept in memory
        QTest::newRow("fill, bulk") << fill << 25000 << true << 2 << 0 << karimi;
        QTest::newRow("skip, bulk") << skip << 1 << true << 0 << 2 << QString();
        QTest::newRow("overwrite, bulk") << overwrite << 2 << true << 2 << 0 << karimi;
    }
    void duplicatesInsideOneFile()
    {
        QFETCH(int, policy);
        QFETCH(int, batch);
        QFETCH(bool, bulk);
        QFETCH(int, updated);
        QFETCH(int, skipped);
        QFETCH(QString, aliLastName);
        ImportOptions o = optionsFor(bulk);
        o.policy = ImportOptions::Policy(policy);
        o.batchSize = batch;
        const ImportReport r = import(fixture(QStringLiteral("duplicates.csv")), o);
        QCOMPARE(r.created, 3);
        QCOMPARE(r.updated, updated);
        QCOMPARE(r.skipped, skipped);
        ContactRepository repo(m_ws->db());
        QCOMPARE(repo.count(), 3);
        QCOMPARE(repo.find(*repo.findIdByEmail(QStringLiteral("ali@example.com")))->lastName,
                 aliLastName);
        QCOMPARE(repo.findIdsByPhone(QStringLiteral("+989121112233")).size(), 1);
        // the indexes are all back
        QCOMPARE(inSchema(QStringLiteral("contacts_email")), 1);
    }

    // A new row can wait for its group while many rows after it only update
    // contacts already written: chunks of rows go back to the reader meanwhile,
    // and the waiting row must keep its own data.
    void rowWaitsAcrossChunks_data() { bulkOrNot(); }
    void rowWaitsAcrossChunks()
    {
        QFETCH(bool, bulk);
        QByteArray body = "email,first_name,tags\n";
        for (int i = 0; i < 64; ++i) // one full group, written at once
            body += QStringLiteral("p%1@example.com,Name%1,t%1\n").arg(i).toUtf8();
        body += "waiting@example.com,Waits,w\n";
        // Updates, more than the reader can have read ahead (64 chunks of 512
        // rows), so that it refills chunks the writer gave back.
        constexpr int updates = 40000;
        for (int i = 0; i < updates; ++i)
            body += QStringLiteral("p%1@example.com,,\n").arg(i % 64).toUtf8();
        for (int i = 0; i < 70; ++i) // rows after it, new ones that take the reused rows
            body += QStringLiteral("q%1@example.com,Other%1,o\n").arg(i).toUtf8();
        const QString path = writeFile(QStringLiteral("waits.csv"), body);
        ImportOptions o = optionsFor(bulk);
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.created, 64 + 1 + 70);
        QCOMPARE(r.updated, updates);
        ContactRepository repo(m_ws->db());
        const auto id = repo.findIdByEmail(QStringLiteral("waiting@example.com"));
        QVERIFY(id);
        const auto c = repo.find(*id);
        QCOMPARE(c->firstName, QStringLiteral("Waits"));
        QCOMPARE(c->tags, QStringList{QStringLiteral("w")});
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(DISTINCT email) FROM contacts")),
                 64 + 1 + 70);
    }

    // A contact that takes an address from a later row (found by its phone) is
    // found by that address by the rows after: one contact, whether the import
    // asks the table (row by row) or its own memory (bulk), and the unique index
    // on emails is there at the end.
    void addressTakenInAMergeIsFoundLater_data() { bulkOrNot(); }
    void addressTakenInAMergeIsFoundLater()
    {
        QFETCH(bool, bulk);
        const QString path =
            writeFile(QStringLiteral("taken.csv"), "email,phone,first_name\n"
                                                   ",09121111111,Sara\n"
                                                   "sara@example.com,09121111111,\n"
                                                   "sara@example.com,,Sara K\n"
                                                   ",09122222222,Reza\n"
                                                   "reza@example.com,09122222222,\n"
                                                   ",09122222222,\n");
        ImportOptions o = optionsFor(bulk);
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.created, 2);
        QCOMPARE(r.updated, 4);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts")), 2);
        QCOMPARE(
            scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE email = "
                                              "'sara@example.com' AND phone = '+989121111111'")),
            1);
        QCOMPARE(inSchema(QStringLiteral("contacts_email")), 1);
    }

    // A row whose insert fails leaves its email and its phone to the rows after:
    // a row with only its phone, then two with only its email, make two contacts.
    void failedRowLeavesItsAddresses_data() { bulkOrNot(); }
    void failedRowLeavesItsAddresses()
    {
        QFETCH(bool, bulk);
        failInsertsNamed(QStringLiteral("Boom"));
        const QString path =
            writeFile(QStringLiteral("failed.csv"), "email,phone,first_name\n"
                                                    "sara@example.com,09121111111,Boom\n"
                                                    ",09121111111,ByPhone\n"
                                                    "sara@example.com,,ByEmail\n"
                                                    "sara@example.com,,Again\n");
        ImportOptions o = optionsFor(bulk);
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rejected, 1);
        QCOMPARE(r.created, 2);
        QCOMPARE(r.updated, 1);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE email = "
                                                   "'sara@example.com'")),
                 1);
    }

    // A contact can take an address (in a merge) while a row with that address
    // still waits to be written; if that row then fails, the rows after find
    // the contact that took it.
    void addressTakenWhileItsRowWaits_data() { bulkOrNot(); }
    void addressTakenWhileItsRowWaits()
    {
        QFETCH(bool, bulk);
        failInsertsNamed(QStringLiteral("Boom"));
        QByteArray body = "email,phone,first_name\n"
                          "reza@example.com,,Reza\n";
        for (int i = 1; i < 64; ++i) // fills the group: Reza is written
            body += QStringLiteral("p%1@example.com,,Name%1\n").arg(i).toUtf8();
        body += ",09122222222,Boom\n"             // waits, and will fail
                "reza@example.com,09122222222,\n" // Reza takes the phone
                ",09122222222,Later\n";           // Reza's
        const QString path = writeFile(QStringLiteral("waits-fails.csv"), body);
        ImportOptions o = optionsFor(bulk);
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rejected, 1);
        QCOMPARE(r.created, 64);
        QCOMPARE(r.updated, 2);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE phone = "
                                                   "'+989122222222'")),
                 1);
    }

    // Of two contacts with a phone, a later row finds the one with the lowest id,
    // as a lookup in the table does, even when that one took the phone from a
    // row after the other was created with it: the same contacts whether the
    // import asks the table (a workspace with contacts) or its own memory.
    void phoneOfTwoContactsFindsTheOlder_data() { threePaths(); }
    void phoneOfTwoContactsFindsTheOlder()
    {
        QFETCH(bool, bulk);
        QFETCH(bool, seeded);
        if (seeded)
            seedAContact();
        const QString path =
            writeFile(QStringLiteral("older.csv"), "email,phone,first_name\n"
                                                   "yas@example.com,,Yas\n"
                                                   ",09121111111,Xerxes\n"
                                                   "yas@example.com,09121111111,\n" // Yas takes it
                                                   "zal@example.com,09121111111,Zal\n");
        ImportOptions o = optionsFor(bulk);
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        // Zal's phone finds Yas, who has another email: another person.
        QCOMPARE(r.created, 3);
        QCOMPARE(r.updated, 1);
        ContactRepository repo(m_ws->db());
        const auto zal = repo.findIdByEmail(QStringLiteral("zal@example.com"));
        QVERIFY(zal);
        QCOMPARE(repo.find(*zal)->firstName, QStringLiteral("Zal"));
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE "
                                                   "first_name = 'Xerxes' AND email = ''")),
                 1);
    }

    // Overwritten phones: a contact gives up its phone, and the rows after with
    // that phone ask the table, which has no one with it (a bulk import builds
    // the phone index for them after a few asks). Each old phone makes one new
    // contact, found again by the row after it.
    void overwrittenPhonesAskTheTable_data() { threePaths(); }
    void overwrittenPhonesAskTheTable()
    {
        QFETCH(bool, bulk);
        QFETCH(bool, seeded);
        if (seeded)
            seedAContact();
        constexpr int people = 20;
        QByteArray body = "email,phone,first_name\n";
        for (int i = 0; i < people; ++i) {
            body += QStringLiteral("e%1@example.com,0912100%2,A%1\n"
                                   "e%1@example.com,0912200%2,\n" // another phone
                                   ",0912100%2,Later%1\n"
                                   ",0912100%2,\n")
                        .arg(i)
                        .arg(i, 4, 10, QLatin1Char('0'))
                        .toUtf8();
        }
        const QString path = writeFile(QStringLiteral("overwritten.csv"), body);
        ImportOptions o = optionsFor(bulk);
        o.policy = ImportOptions::Policy::Overwrite;
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.created, 2 * people);
        QCOMPARE(r.updated, 2 * people);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE phone "
                                                   "LIKE '+98912100%' AND first_name LIKE "
                                                   "'Later%' AND email = ''")),
                 people);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE phone "
                                                   "LIKE '+98912200%' AND email LIKE 'e%'")),
                 people);
    }

    // A merge that gives a contact an address is in the table even when the
    // row's score then fails to save: rows after it find the contact by it.
    void addressTakenBeforeTheScoreFails_data() { threePaths(); }
    void addressTakenBeforeTheScoreFails()
    {
        QFETCH(bool, bulk);
        QFETCH(bool, seeded);
        if (seeded)
            seedAContact();
        refuse(QStringLiteral("fail_score"), QStringLiteral("contact_scores"), {"INSERT", "UPDATE"},
               QStringLiteral("NEW.score = 5"));
        const QString path = writeFile(QStringLiteral("score-fails.csv"),
                                       "email,phone,first_name,lead score\n"
                                       ",09121111111,Ann,\n"
                                       "ann@example.com,09121111111,,5\n" // score refused
                                       "ann@example.com,,Ann B,\n");
        ImportOptions o = optionsFor(bulk);
        o.policy = ImportOptions::Policy::Overwrite;
        const ImportReport r = import(path, o);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.created, 1);
        QCOMPARE(r.rejected, 1);
        QCOMPARE(r.updated, 1);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contacts WHERE email = "
                                                   "'ann@example.com' AND phone = '+989121111111' "
                                                   "AND first_name = 'Ann B'")),
                 1);
    }

    // New contacts of an import into an empty workspace go into the table 64 to a
    // statement. Each must still get its own tags, fields and score, and a row
    // that repeats an address still waiting to be written must merge into it.
    void groupedInsertsKeepEachRowsData_data() { bulkOrNot(); }
    void groupedInsertsKeepEachRowsData()
    {
        QFETCH(bool, bulk);
        constexpr int rows = 150; // two full groups of 64 and a short one
        QByteArray body = "email,phone,first_name,tags,lead score\n";
        for (int i = 0; i < rows; ++i) {
            body += QStringLiteral("p%1@example.com,,Name%1,tag%1,%2\n").arg(i).arg(i + 1).toUtf8();
            if (i == 80) // repeats p70, which waits in the group of rows 64-127
                body += "P70@example.com,,Again,again,\n";
        }
        body += "p149@example.com,,Last,late,\n"; // repeats a row of the short last group
        const QString path = writeFile(QStringLiteral("grouped.csv"), body);
        ImportOptions o = optionsFor(bulk);
        o.batchSize = 100; // a batch boundary inside a group
        const ImportReport r = import(path, o);
        QCOMPARE(r.created, rows);
        QCOMPARE(r.updated, 2);
        ContactRepository repo(m_ws->db());
        for (int i = 0; i < rows; ++i) {
            const auto id = repo.findIdByEmail(QStringLiteral("p%1@example.com").arg(i));
            QVERIFY(id);
            const auto c = repo.find(*id);
            QCOMPARE(c->firstName, QStringLiteral("Name%1").arg(i));
            QCOMPARE(c->score, i + 1);
            QStringList expected{QStringLiteral("tag%1").arg(i)};
            if (i == 70)
                expected << QStringLiteral("again");
            if (i == rows - 1)
                expected << QStringLiteral("late");
            QStringList tags = c->tags;
            tags.sort();
            expected.sort();
            QCOMPARE(tags, expected);
        }
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contact_scores")), rows);
    }

    // Text a server's bulk writer must escape in COPY's form arrives as it does
    // in a file workspace: a backslash, "\N" that is not NULL, and the tabs
    // and line breaks the parser leaves (it makes spaces of those in names);
    // a repeat of a row in the same group updates the contact.
    void awkwardTextArrivesIntact()
    {
        const QString path =
            writeFile(QStringLiteral("awkward.csv"),
                      "email,first_name,last_name,company\n"
                      "tab@example.com,A\tB,\"line one\nline two\",\"back\\slash \\N\"\n"
                      "cr@example.com,\"carriage\rreturn\",\\N,\\\\\n"
                      "TAB@example.com,,Again,\n");
        const ImportReport r = import(path);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.created, 2);
        QCOMPARE(r.updated, 1);
        ContactRepository repo(m_ws->db());
        const auto tab = repo.find(*repo.findIdByEmail(QStringLiteral("tab@example.com")));
        const auto cr = repo.find(*repo.findIdByEmail(QStringLiteral("cr@example.com")));
        QCOMPARE(tab->firstName, QStringLiteral("A B"));
        QCOMPARE(tab->lastName, QStringLiteral("line one line two"));
        QCOMPARE(tab->company, QStringLiteral("back\\slash \\N"));
        QCOMPARE(cr->firstName, QStringLiteral("carriage return"));
        QCOMPARE(cr->lastName, QStringLiteral("\\N"));
        QCOMPARE(cr->company, QStringLiteral("\\\\"));
    }

    // A NUL in a field (which a server takes in no text, not even in COPY)
    // never reaches the writer: the row is imported without it, on both engines.
    void aNulInAFieldIsDropped()
    {
        QByteArray body = "email,first_name\n";
        for (int i = 0; i < 40; ++i) {
            body += "n" + QByteArray::number(i) + "@example.com,";
            body += i == 20 ? QByteArray("Nu\0ll", 5) : QByteArray("Name");
            body += "\n";
        }
        const ImportReport r = import(writeFile(QStringLiteral("nul.csv"), body));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.created, 40);
        ContactRepository repo(m_ws->db());
        const auto c = repo.find(*repo.findIdByEmail(QStringLiteral("n20@example.com")));
        QVERIFY(!c->firstName.contains(QChar(0)));
        QVERIFY(c->firstName.startsWith(QStringLiteral("Nu")));
    }

    // A row that matches a contact holding the same values writes nothing (its
    // row is compared before it is decoded); one that brings something new, in
    // any column merge() takes, still changes the contact.
    void knownRowsChangeOnlyWhereTheFileDiffers()
    {
        const QString path = m_ws->dir() + QStringLiteral("/known.csv");
        auto write = [&](const QByteArray &text) { writeFile(QStringLiteral("known.csv"), text); };
        ContactRepository repo(m_ws->db());
        auto ali = [&] { return *repo.find(*repo.findIdByEmail(QStringLiteral("a@example.com"))); };
        write("email,first_name,city\na@example.com,Ali,\n");
        QCOMPARE(import(path, {}).created, 1);
        const QDateTime first = ali().updatedAt;
        QTest::qWait(5); // a rewrite would show in updated_at
        QCOMPARE(import(path, {}).updated, 1);
        QCOMPARE(ali().updatedAt, first);

        // One new value at a time: each alone must be enough.
        write("email,first_name,city\na@example.com,Ali,Shiraz\n");
        QCOMPARE(import(path, {}).updated, 1); // fill: the empty city
        QCOMPARE(ali().city, QStringLiteral("Shiraz"));
        QVERIFY(ali().updatedAt > first);
        write("email,first_name,newsletter\na@example.com,Ali,yes\n");
        QCOMPARE(import(path, {}).updated, 1);
        QCOMPARE(ali().emailConsent.status, ConsentStatus::Granted);

        write("email,first_name,stage\na@example.com,Ali,customer\n");
        ImportOptions o;
        o.policy = ImportOptions::Policy::Overwrite;
        QCOMPARE(import(path, o).updated, 1);
        QCOMPARE(ali().stage, QStringLiteral("customer"));
        QCOMPARE(ali().city, QStringLiteral("Shiraz"));
    }

    // "Overwrite" replaces what the file says, and only that: a file without a
    // stage column leaves each contact's stage alone.
    void overwriteKeepsWhatTheFileDoesNotSay()
    {
        const QString path = m_ws->dir() + QStringLiteral("/stage.csv");
        auto write = [&](const QByteArray &text) { writeFile(QStringLiteral("stage.csv"), text); };
        write("email,first_name,stage\na@example.com,Ali,customer\n");
        QCOMPARE(import(path, {}).created, 1);
        write("email,first_name\na@example.com,Alireza\n");
        ImportOptions o;
        o.policy = ImportOptions::Policy::Overwrite;
        QCOMPARE(import(path, o).updated, 1);
        ContactRepository repo(m_ws->db());
        const auto c = repo.find(*repo.findIdByEmail(QStringLiteral("a@example.com")));
        QCOMPARE(c->firstName, QStringLiteral("Alireza"));
        QCOMPARE(c->stage, QStringLiteral("customer"));
    }

    void runningAgainMatchesEverything()
    {
        const QString path = generate(m_ws->dir(), 3000);
        ImportOptions o;
        o.batchSize = 500;
        const ImportReport first = import(path, o);
        QCOMPARE(first.created, 3000);
        const ImportReport second = import(path, o);
        QCOMPARE(second.created, 0);
        QCOMPARE(second.updated, 3000);
        QCOMPARE(ContactRepository(m_ws->db()).count(), 3000);
        QCOMPARE(scalar(m_ws->db(),
                        QStringLiteral("SELECT count(*) FROM imports WHERE status = 'done'")),
                 2);
    }

    // The score is not a column of contacts (it lives in contact_scores): an
    // imported score lands there, and "overwrite" replaces it on a second import.
    // A bulk import sets the trigger that makes score rows aside.
    void scoreColumn_data() { bulkOrNot(); }
    void scoreColumn()
    {
        QFETCH(bool, bulk);
        const QString path = m_ws->dir() + QStringLiteral("/scores.csv");
        auto write = [&](const QByteArray &body) {
            writeFile(QStringLiteral("scores.csv"), "email,first_name,lead score\n" + body);
        };
        write("a@example.com,Ali,35\nb@example.com,Beata,\na@example.com,Ali,36\n");
        ImportOptions o = optionsFor(bulk);
        const ImportReport first = import(path, o);
        QCOMPARE(first.created, 2);
        QCOMPARE(first.updated, 1); // the same file's second Ali: "fill" keeps 35
        ContactRepository repo(m_ws->db());
        const qint64 a = *repo.findIdByEmail(QStringLiteral("a@example.com"));
        const qint64 b = *repo.findIdByEmail(QStringLiteral("b@example.com"));
        QCOMPARE(repo.find(a)->score, 35);
        QCOMPARE(repo.find(b)->score, 0);
        write("a@example.com,Ali,80\nb@example.com,Beata,12\n");
        o.policy = ImportOptions::Policy::Fill; // a score is never "empty": kept
        QCOMPARE(import(path, o).updated, 2);
        QCOMPARE(repo.find(a)->score, 35);
        o.policy = ImportOptions::Policy::Overwrite;
        QCOMPARE(import(path, o).updated, 2);
        QCOMPARE(repo.find(a)->score, 80);
        QCOMPARE(repo.find(b)->score, 12);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contact_scores")), 2);
        QCOMPARE(inSchema(QStringLiteral("contacts_score_row")), 1);
    }

    void tagSourceAndStaticList()
    {
        ImportOptions o;
        o.tag = QStringLiteral("fair 2026");
        o.staticList = QStringLiteral("Fair visitors");
        o.source = QStringLiteral("book fair");
        const ImportReport r = import(fixture(QStringLiteral("quoted_newlines.csv")), o);
        QCOMPARE(r.created, 4);
        ContactRepository repo(m_ws->db());
        const auto c = repo.find(*repo.findIdByEmail(QStringLiteral("ali@example.com")));
        QCOMPARE(c->tags, QStringList{QStringLiteral("fair 2026")});
        QCOMPARE(c->source, QStringLiteral("book fair"));
        QCOMPARE(c->firstName, QStringLiteral("Karimi,")); // "Karimi, Ali" split as a full name
        QCOMPARE(scalar(m_ws->db(),
                        QStringLiteral("SELECT count(*) FROM segment_members m JOIN segments s "
                                       "ON s.id = m.segment_id WHERE s.name = 'Fair visitors' "
                                       "AND s.kind = 'static'")),
                 4);
    }

    void customFieldFromAColumn()
    {
        ImportOptions o;
        o.overrides.insert(QStringLiteral("مبلغ خرید"), QStringLiteral("custom.spend"));
        o.newFields << FieldDefinition{
            0, QStringLiteral("spend"), QStringLiteral("مبلغ خرید"), FieldType::Number, {}};
        const ImportReport r =
            import(fixture(QStringLiteral("samples/google_sheets_fa_utf8_persian_digits.csv")), o);
        QCOMPARE(r.created, 80);
        QVERIFY(CustomFieldRepository(m_ws->db()).field(QStringLiteral("spend")));
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM contact_values")), 80);
        QCOMPARE(
            scalar(m_ws->db(),
                   QStringLiteral("SELECT value FROM contact_values ORDER BY contact_id LIMIT 1")),
            240000); // ۲۴۰۰۰۰
        // the mapping is remembered for the same headers
        ImportOptions again;
        again.path = fixture(QStringLiteral("samples/google_sheets_fa_utf8_persian_digits.csv"));
        const ImportPreview p = ImportJob::preview(m_ws->db(), again);
        QVERIFY(p.targets.contains(QStringLiteral("custom.spend")));
    }

    void dryRunWritesNothing()
    {
        ImportOptions o;
        o.dryRun = true;
        const ImportReport r = import(fixture(QStringLiteral("duplicates.csv")), o);
        QCOMPARE(r.created, 3);
        QCOMPARE(r.updated, 2);
        QCOMPARE(ContactRepository(m_ws->db()).count(), 0);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT count(*) FROM imports")), 0);
    }

    void cancelLeavesWholeBatches()
    {
        // a server takes each row in a round trip: a tenth of the rows there
        const int rows = test::onPostgres() ? 6000 : 60000;
        const QString path = generate(m_ws->dir(), rows);
        ImportOptions o;
        o.path = path;
        o.batchSize = test::onPostgres() ? 100 : 1000;
        std::atomic<bool> cancel{false};
        const ImportReport r =
            ImportJob(m_ws->db(), o).run([&](const ImportProgress &) { cancel = true; }, &cancel);
        QVERIFY(r.cancelled);
        const qint64 count = ContactRepository(m_ws->db()).count();
        QVERIFY(count < rows);
        QCOMPARE(count % o.batchSize, 0); // no half batch
        QCOMPARE(count, r.created);
        QCOMPARE(scalar(m_ws->db(), QStringLiteral("SELECT status = 'cancelled' FROM imports")), 1);
        // running it again completes it, without duplicates
        const ImportReport again = import(path);
        QCOMPARE(again.created + again.updated, rows);
        QCOMPARE(ContactRepository(m_ws->db()).count(), rows);
    }

    void undoRemovesWhatItCreated()
    {
        ContactRepository repo(m_ws->db());
        Contact existing;
        existing.email = QStringLiteral("ali@example.com");
        QVERIFY(repo.create(existing));
        const ImportReport r = import(fixture(QStringLiteral("duplicates.csv")));
        QCOMPARE(r.created, 2);
        QCOMPARE(r.updated, 3);
        ImportHistory history(m_ws->db());
        QCOMPARE(history.undo(r.importId), 2);
        QCOMPARE(repo.count(), 1); // the contact that was there before stays
        QCOMPARE(history.find(r.importId)->status, QStringLiteral("undone"));
        QCOMPARE(history.undo(r.importId), -1);
        QVERIFY(!history.errorString().isEmpty());
    }

    void rejectedRowsAreReported()
    {
        const ImportReport r = import(fixture(QStringLiteral("blank_lines_bad_rows.csv")));
        ImportHistory history(m_ws->db());
        const QList<ImportIssue> issues = history.issues(r.importId);
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues[0].row, 3);
        QCOMPARE(issues[0].line, 5);
        QCOMPARE(issues[0].field, QStringLiteral("email"));
        QVERIFY(issues[0].message.contains(QStringLiteral("not-an-email")));
        QCOMPARE(issues[0].raw, QStringLiteral("not-an-email,Bad Email"));
        const QString out = m_ws->filePath(QStringLiteral("rejects.csv"));
        QVERIFY(history.exportIssues(r.importId, out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 3);
    }

    void unknownMappingIsAClearError()
    {
        ImportOptions o;
        o.overrides.insert(QStringLiteral("email"), QStringLiteral("custom.nope"));
        const ImportReport r = import(fixture(QStringLiteral("blank_lines_bad_rows.csv")), o);
        QVERIFY(r.failed);
        QVERIFY(r.error.contains(QStringLiteral("nope")));
        QCOMPARE(ContactRepository(m_ws->db()).count(), 0);
        o.overrides.clear();
        o.overrides.insert(QStringLiteral("email"), QStringLiteral("skip"));
        o.overrides.insert(QStringLiteral("name"), QStringLiteral("skip"));
        QVERIFY(import(fixture(QStringLiteral("blank_lines_bad_rows.csv")), o)
                    .error.contains(QStringLiteral("email")));
    }
};

QTEST_GUILESS_MAIN(tst_ImportJob)
#include "tst_ImportJob.moc"
