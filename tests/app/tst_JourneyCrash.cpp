// Kills `masir-cli worker run` with SIGKILL again and again while it moves
// 20,000 contacts through a journey, then lets it finish: every step must have
// run exactly once (none twice, none skipped) and the file must be sound.

#include "storage/Database.h"

#include "CliProcess.h"
#include "TestWorkspace.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace masir;
using namespace masir::test;

class tst_JourneyCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void killWorkerRepeatedly()
    {
        constexpr int contacts = 20000;
        const QString ws = m_dir.filePath(QStringLiteral("journey.masir"));
        const QStringList w = {QStringLiteral("--workspace"), ws};
        QCOMPARE(runCli(w + QStringList{QStringLiteral("demo"), QStringLiteral("--contacts"),
                                        QString::number(contacts), QStringLiteral("--no-events")}),
                 0);
        // the templates its two emails send: a journey naming none that exists cannot start
        const QString body = m_dir.filePath(QStringLiteral("body.md"));
        {
            QFile f(body);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Hello {{first_name}}\n");
        }
        for (const char *name : {"a", "b"})
            QCOMPARE(runCli(w + QStringList{QStringLiteral("template"), QStringLiteral("add"),
                                            QStringLiteral("--name"), QLatin1String(name),
                                            QStringLiteral("--subject"), QLatin1String(name),
                                            QStringLiteral("--body-file"), body,
                                            QStringLiteral("--transactional")}),
                     0);
        QCOMPARE(
            runCli(w + QStringList{QStringLiteral("journey"), QStringLiteral("import"),
                                   QStringLiteral(MASIR_TEST_DATA_DIR "/journeys/six_actions.json"),
                                   QStringLiteral("--activate")}),
            0);
        QByteArray out;
        QCOMPARE(runCli(w + QStringList{QStringLiteral("journey"), QStringLiteral("enrol"),
                                        QStringLiteral("Crash test"), QStringLiteral("--all")},
                        &out),
                 0);
        QCOMPARE(out.trimmed().toInt(), contacts);

        // Small batches, so that a kill lands between and inside many transactions.
        QRandomGenerator random(1403);
        int killed = 0;
        for (int round = 0; round < 8; ++round) {
            QProcess worker;
            worker.start(QStringLiteral(MASIR_CLI_PATH),
                         w + QStringList{QStringLiteral("worker"), QStringLiteral("run"),
                                         QStringLiteral("--batch"), QStringLiteral("7")});
            QVERIFY(worker.waitForStarted());
            QTest::qWait(int(random.bounded(60, 260)));
            if (worker.state() == QProcess::Running) {
                worker.kill(); // SIGKILL: no clean-up of any kind
                ++killed;
            }
            worker.waitForFinished();
        }
        QVERIFY2(killed >= 4, "the worker finished before it could be killed");
        const qint64 before =
            masir::test::scalarIn(ws, QStringLiteral("SELECT count(*) FROM enrollments WHERE "
                                                     "state = 'active'"));
        QVERIFY2(before > 0, "every contact finished before the last kill: nothing was tested");
        // the rest, without interruption
        QCOMPARE(runCli(w + QStringList{QStringLiteral("worker"), QStringLiteral("run"),
                                        QStringLiteral("--once")}),
                 0);

        masir::Database db(ws, masir::Database::Mode::ReadOnly);
        QVERIFY(db.open());
        QCOMPARE(db.integrityProblems(), QString());
        QSqlQuery q(db.connection());
        auto one = [&](const QString &sql) {
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
        };
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'active'")), 0);
        const qint64 completed =
            one(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'completed'"));
        const qint64 exited =
            one(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'exited'"));
        QCOMPARE(completed + exited, contacts);
        QVERIFY(completed > contacts / 2);
        // None skipped: a finished enrolment ran all seven nodes, each once.
        QCOMPARE(one(QStringLiteral(
                     "SELECT count(*) FROM enrollments e WHERE e.state = 'completed' AND (SELECT "
                     "count(DISTINCT node_id) FROM journey_steps s WHERE s.enrollment_id = e.id) "
                     "<> 7")),
                 0);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM journey_steps s JOIN enrollments e ON "
                                    "e.id = s.enrollment_id WHERE e.state = 'completed'")),
                 completed * 7);
        // None twice: an email for each send step that ran (contacts without an
        // address or consent are skipped, and say so), one score change, one tag.
        const qint64 sends = one(QStringLiteral(
            "SELECT count(*) FROM journey_steps WHERE node_id IN ('n2', 'n4') AND outcome = ''"));
        QVERIFY(sends > completed);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM outbox")), sends);
        QCOMPARE(one(QStringLiteral("SELECT count(DISTINCT contact_id || template) FROM outbox")),
                 sends);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM score_changes WHERE reason = "
                                    "'journey'")),
                 completed);
        QCOMPARE(one(QStringLiteral("SELECT count(*) FROM events WHERE type = 'tag_added' AND "
                                    "payload LIKE '%journeyed%'")),
                 completed);
    }
};

QTEST_GUILESS_MAIN(tst_JourneyCrash)
#include "tst_JourneyCrash.moc"
