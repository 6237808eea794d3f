// Kills `masir-cli import` part-way through, as a crash or power cut would, and
// checks that the workspace is sound and that importing again gives exactly the
// file's contacts. The long form (5 kills on 1,000,000 rows) is
// tests/support/import_crash_trials.sh.

#include "storage/Database.h"

#include "TestWorkspace.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_ImportCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString makeCsv(int rows)
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.csv"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("email,first_name,last_name,phone,city\n");
        for (int i = 0; i < rows; ++i) {
            f.write(QStringLiteral("c%1@example.com,First%1,Last%2,+98912%3,City%4\n")
                        .arg(i)
                        .arg(i % 50)
                        .arg(1000000 + i)
                        .arg(i % 9)
                        .toUtf8());
            if (i % 10 == 0) // duplicates inside the file, by email in another case
                f.write(QStringLiteral("C%1@Example.com,,,,\n").arg(i).toUtf8());
        }
        return path;
    }

private Q_SLOTS:
    void killAndRerun()
    {
        constexpr int rows = 120000;
        const QString csv = makeCsv(rows);
        const QString ws = m_dir.filePath(QStringLiteral("crash.masir"));
        const QStringList importArgs = {QStringLiteral("--workspace"), ws,
                                        QStringLiteral("import"),      csv,
                                        QStringLiteral("--batch"),     QStringLiteral("4000"),
                                        QStringLiteral("--json")};
        for (int trial = 0; trial < 2; ++trial) {
            // This trial's import only: the one killed before may still say
            // "running" (until this one starts) and have read enough already.
            const qint64 before =
                QFile::exists(ws)
                    ? masir::test::scalarIn(
                          ws, QStringLiteral("SELECT coalesce(max(id), 0) FROM imports"))
                    : 0;
            QProcess p;
            p.start(QStringLiteral(MASIR_CLI_PATH), importArgs);
            QVERIFY(p.waitForStarted());
            // Wait until some batches are in, then kill without warning.
            bool committed = false;
            for (int i = 0; i < 600 && p.state() == QProcess::Running; ++i) {
                QTest::qWait(25);
                if (masir::test::scalarIn(
                        ws, QStringLiteral("SELECT coalesce(sum(rows_read), 0) FROM imports "
                                           "WHERE status = 'running' AND id > %1")
                                .arg(before)) >= 8000) {
                    committed = true;
                    break;
                }
            }
            QVERIFY2(committed, "the import finished before it could be killed; use a larger file");
            ::kill(pid_t(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished());
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);

            QCOMPARE(masir::test::scalarIn(
                         ws, QStringLiteral("SELECT count(*) FROM pragma_integrity_check WHERE "
                                            "integrity_check <> 'ok'")),
                     0);
            const qint64 contacts =
                masir::test::scalarIn(ws, QStringLiteral("SELECT count(*) FROM contacts"));
            QVERIFY(contacts > 0 && contacts < rows);
            // each committed batch made its contacts' score rows, trigger or not
            QCOMPARE(
                masir::test::scalarIn(ws, QStringLiteral("SELECT count(*) FROM contact_scores")),
                contacts);
        }
        // Run to the end: exactly the file's unique contacts, no duplicates.
        QProcess p;
        p.start(QStringLiteral(MASIR_CLI_PATH), importArgs);
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(masir::test::scalarIn(ws, QStringLiteral("SELECT count(*) FROM contacts")), rows);
        QCOMPARE(
            masir::test::scalarIn(ws, QStringLiteral("SELECT count(DISTINCT email) FROM contacts")),
            rows);
        QCOMPARE(
            masir::test::scalarIn(
                ws,
                QStringLiteral(
                    "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")),
            0);
        // the killed imports are shown as interrupted, not as running forever
        QProcess list;
        list.start(QStringLiteral(MASIR_CLI_PATH),
                   {QStringLiteral("--workspace"), ws, QStringLiteral("imports")});
        QVERIFY(list.waitForFinished());
        const QString out = QString::fromUtf8(list.readAllStandardOutput());
        QCOMPARE(out.count(QStringLiteral("interrupted")), 2);
        QCOMPARE(out.count(QStringLiteral("\tdone\t")), 1);
        // every secondary index is back
        QCOMPARE(masir::test::scalarIn(
                     ws, QStringLiteral(
                             "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                             "('contacts_email', 'contacts_phone', 'contacts_last_name', "
                             "'contacts_company', 'contact_scores_score')")),
                 5);
        // and so is the score-row trigger, with a score row for every contact
        QCOMPARE(masir::test::scalarIn(ws, QStringLiteral("SELECT count(*) FROM sqlite_master "
                                                          "WHERE name = 'contacts_score_row'")),
                 1);
        QCOMPARE(masir::test::scalarIn(
                     ws, QStringLiteral("SELECT count(*) FROM contacts WHERE NOT EXISTS (SELECT 1 "
                                        "FROM contact_scores s WHERE s.contact_id = contacts.id)")),
                 0);
    }
};

QTEST_GUILESS_MAIN(tst_ImportCrash)
#include "tst_ImportCrash.moc"
