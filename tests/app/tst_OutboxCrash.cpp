// Crash trial for the outbox: queue messages, SIGKILL `masir-cli worker run`
// again and again while it sends to a real SMTP server, restart it each time,
// then let it finish. Every message must be sent once or listed as interrupted:
// none lost, none sent twice.
//
// The CI runs a short form; tests/crash/outbox_crash_trial.sh runs the full
// one (3,000 messages, 5 kills) through MASIR_CRASH_MESSAGES / MASIR_CRASH_KILLS.

#include "storage/Database.h"

#include "CliProcess.h"
#include "TestServers.h"
#include "TestWorkspace.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace masir;
using namespace masir::test;

class tst_OutboxCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SmtpSink m_smtp;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_dir.filePath(QStringLiteral("secrets.json")).toUtf8());
        // A little latency per message, so that kills land while messages are on the wire.
        QVERIFY2(m_smtp.start(4), "the SMTP test server did not start");
    }

    void killSenderRepeatedly()
    {
        const int messages = envInt("MASIR_CRASH_MESSAGES", 400);
        const int kills = envInt("MASIR_CRASH_KILLS", 3);
        const QString ws = m_dir.filePath(QStringLiteral("outbox.masir"));
        const QStringList w = {QStringLiteral("--workspace"), ws};
        QCOMPARE(runCli(w + QStringList{QStringLiteral("demo"), QStringLiteral("--contacts"),
                                        QString::number(messages + messages / 3),
                                        QStringLiteral("--no-events")}),
                 0);
        for (const auto &[key, value] :
             {std::pair{"postal-address", "Tehran, Valiasr 12"},
              std::pair{"unsubscribe-url", "https://shop.test/u/{token}"}})
            QCOMPARE(runCli(w + QStringList{QStringLiteral("settings"), QStringLiteral("set"),
                                            QLatin1String(key), QString::fromUtf8(value)}),
                     0);
        const QString body = m_dir.filePath(QStringLiteral("body.md"));
        {
            QFile f(body);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# Hello {{first_name|default:\"friend\"}}\n\nOur news.\n");
        }
        QCOMPARE(runCli(w + QStringList{QStringLiteral("template"), QStringLiteral("add"),
                                        QStringLiteral("--name"), QStringLiteral("news"),
                                        QStringLiteral("--subject"), QStringLiteral("News"),
                                        QStringLiteral("--body-file"), body}),
                 0);
        qputenv("MASIR_SMTP_PASSWORD", m_smtp.password.toUtf8());
        QCOMPARE(runCli(w + QStringList{QStringLiteral("channel"), QStringLiteral("add"),
                                        QStringLiteral("smtp"), QStringLiteral("--name"),
                                        QStringLiteral("sink"), QStringLiteral("--host"),
                                        QStringLiteral("localhost"), QStringLiteral("--port"),
                                        QString::number(m_smtp.starttlsPort),
                                        QStringLiteral("--security"), QStringLiteral("starttls"),
                                        QStringLiteral("--user"), m_smtp.user,
                                        QStringLiteral("--from"), QStringLiteral("news@shop.test"),
                                        QStringLiteral("--ca-file"), m_smtp.certificate(),
                                        QStringLiteral("--connections"), QStringLiteral("2")}),
                 0);
        qunsetenv("MASIR_SMTP_PASSWORD");
        {
            // One message to every contact with an email address, queued at once.
            Database db(ws);
            QVERIFY(db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (idempotency_key, channel, "
                                          "contact_id, template, marketing, "
                                          "due_at, created_at, updated_at, recipient) SELECT "
                                          "'trial:' || id, 'email', id, "
                                          "'news', 1, 0, 0, 0, email FROM contacts WHERE email <> "
                                          "'' AND status = 'active' "
                                          "AND email_consent <> 'withdrawn' ORDER BY id LIMIT ") +
                           QString::number(messages)));
        }
        const qint64 queued = scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox"));
        QCOMPARE(queued, qint64(messages));

        QRandomGenerator random(1403);
        int killed = 0;
        int landed = 0; // kills that found messages still to send
        for (int round = 0; killed < kills && round < kills * 3; ++round) {
            QProcess worker;
            worker.start(QStringLiteral(MASIR_CLI_PATH),
                         w + QStringList{QStringLiteral("worker"), QStringLiteral("run")});
            QVERIFY(worker.waitForStarted());
            QTest::qWait(int(random.bounded(150, 450)));
            if (worker.state() == QProcess::Running) {
                worker.kill(); // SIGKILL: no clean-up of any kind
                ++killed;
            }
            worker.waitForFinished();
            landed += scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox WHERE state IN "
                                                  "('queued', 'sending')")) > 0;
        }
        QCOMPARE(killed, kills);
        QVERIFY2(landed > 0, "everything went out before the first kill: nothing tested");
        // The rest, without interruption.
        for (int i = 0;
             i < 20 && scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                   "state IN ('queued', 'sending')")) > 0;
             ++i)
            QCOMPARE(
                runCli(w + QStringList{QStringLiteral("worker"), QStringLiteral("run"),
                                       QStringLiteral("--once"), QStringLiteral("--send-budget"),
                                       QStringLiteral("120000")}),
                0);

        // What the server received, by X-Masir-Id.
        QHash<QString, int> received;
        for (const QJsonObject &m : m_smtp.messages())
            received[m.value(QStringLiteral("masir_id")).toString()] += 1;
        int twice = 0;
        for (auto it = received.begin(); it != received.end(); ++it)
            twice += it.value() > 1;

        Database db(ws, Database::Mode::ReadOnly);
        QVERIFY(db.open());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id, state FROM outbox")));
        int sent = 0, interrupted = 0, interruptedDelivered = 0, lost = 0, other = 0;
        while (q.next()) {
            const QString id = q.value(0).toString();
            const QString state = q.value(1).toString();
            if (state == QLatin1String("sent")) {
                ++sent;
                lost += !received.contains(id); // counted as sent, never arrived
            } else if (state == QLatin1String("interrupted")) {
                ++interrupted;
                interruptedDelivered += received.contains(id);
            } else {
                ++other;
                qWarning() << "row" << id << "ended as" << state;
            }
        }
        // Nothing arrived that the outbox does not account for.
        int unknown = 0;
        for (auto it = received.begin(); it != received.end(); ++it)
            unknown += scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox WHERE id = %1")
                                        .arg(it.key().toLongLong())) != 1;

        QByteArray listed;
        QCOMPARE(runCli(w + QStringList{QStringLiteral("outbox"), QStringLiteral("list"),
                                        QStringLiteral("--state"), QStringLiteral("interrupted"),
                                        QStringLiteral("--json")},
                        &listed),
                 0);
        const int listedCount = int(QJsonDocument::fromJson(listed).array().size());

        qInfo().noquote()
            << QStringLiteral(
                   "outbox crash trial: %1 messages, %2 SIGKILLs (%11 while sending); sent %3, "
                   "interrupted %4 (of which the server had received %5), listed "
                   "interrupted %6; sent twice %7, lost %8, other states %9, "
                   "unknown at the server %10")
                   .arg(queued)
                   .arg(killed)
                   .arg(sent)
                   .arg(interrupted)
                   .arg(interruptedDelivered)
                   .arg(listedCount)
                   .arg(twice)
                   .arg(lost)
                   .arg(other)
                   .arg(unknown)
                   .arg(landed);
        QCOMPARE(twice, 0);
        QCOMPARE(lost, 0);
        QCOMPARE(other, 0);
        QCOMPARE(unknown, 0);
        QCOMPARE(sent + interrupted, int(queued));
        QCOMPARE(listedCount, interrupted);
        // A kill can only interrupt what was on the wire: at most one per connection.
        QVERIFY(interrupted <= killed * 2);
    }
};

QTEST_GUILESS_MAIN(tst_OutboxCrash)
#include "tst_OutboxCrash.moc"
