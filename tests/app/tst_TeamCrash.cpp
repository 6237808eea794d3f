// Chaos trial for a team workspace on PostgreSQL: three `masir-cli worker run`
// processes on one server workspace send a queue of messages over two SMTP
// accounts to a real SMTP server (STARTTLS + AUTH) while they are SIGKILLed and
// restarted again and again, while two other processes enrol every contact in
// a journey that mails them (one by hand, one through events its trigger
// reads), the sending one's connections are cut with
// pg_terminate_backend(), and the sending one is stopped (SIGSTOP) past its
// lease. At the end, from the SMTP server's log and the database: no message
// received twice, none lost, every row final, the accounts' per-second limits
// kept, no contact with two active enrolments.
//
// The CI runs a short form (300 messages, 400 contacts in the journey, 10
// kills); tests/crash/team_crash_trial.sh
// runs the full one (10,000 messages) through MASIR_CRASH_MESSAGES / MASIR_CRASH_KILLS.

#include "storage/Database.h"

#include "CliProcess.h"
#include "TestPostgres.h"
#include "TestServers.h"
#include "TestWorkspace.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <csignal>
#include <memory>

#include <signal.h>

using namespace masir;
using namespace masir::test;

namespace {

constexpr int kWorkers = 3;
constexpr int kLeaseSeconds = 10; // the least a person may set
const std::pair<const char *, int> kAccounts[] = {{"a", 20}, {"b", 10}}; // name, per second

/// The most claims of one account within any 1,000 ms, by the database's claimed_at.
int busiestSecond(const QList<qint64> &times)
{
    QList<qint64> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    int most = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        while (sorted.at(i) - sorted.at(first) >= 1000)
            ++first;
        most = std::max(most, int(i - first + 1));
    }
    return most;
}

} // namespace

class tst_TeamCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SmtpSink m_smtp;
    QString m_url;
    std::array<std::unique_ptr<QProcess>, kWorkers> m_workers;

    void startWorker(int i)
    {
        m_workers[i] = std::make_unique<QProcess>();
        m_workers[i]->setStandardOutputFile(QProcess::nullDevice());
        m_workers[i]->setStandardErrorFile(QProcess::nullDevice());
        m_workers[i]->start(QStringLiteral(MASIR_CLI_PATH),
                            {QStringLiteral("--workspace"), m_url, QStringLiteral("worker"),
                             QStringLiteral("run")});
        QVERIFY(m_workers[i]->waitForStarted());
    }
    qint64 scalar(const QString &sql) const { return scalarIn(m_url, sql); }
    qint64 unfinished() const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('queued', "
                                     "'sending')"));
    }
    /// Which of the workers holds the sender lock, by its heartbeat; -1 if none yet.
    int sender() const
    {
        const qint64 pid = scalar(QStringLiteral("SELECT pid FROM workers WHERE state = "
                                                 "'sending' ORDER BY heartbeat_at DESC LIMIT 1"));
        for (int i = 0; i < kWorkers; ++i)
            if (m_workers[i] && m_workers[i]->processId() == pid)
                return i;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestPostgres::serverUrl().isEmpty())
            QSKIP("no test PostgreSQL server (ctest starts one: the postgres fixture)");
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_dir.filePath(QStringLiteral("secrets.json")).toUtf8());
        QVERIFY2(m_smtp.start(4), "the SMTP test server did not start");
    }

    void workersKilledCutAndStopped()
    {
        const int messages = envInt("MASIR_CRASH_MESSAGES", 300);
        const int kills = envInt("MASIR_CRASH_KILLS", 10);
        TestPostgres pg;
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        m_url = pg.url();
        const QStringList w = {QStringLiteral("--workspace"), m_url};
        QCOMPARE(runCli(w + QStringList{QStringLiteral("demo"), QStringLiteral("--contacts"),
                                        QString::number(messages + messages / 3),
                                        QStringLiteral("--no-events")}),
                 0);
        for (const auto &[key, value] :
             {std::pair{"postal-address", "Tehran, Valiasr 12"},
              std::pair{"unsubscribe-url", "https://shop.test/u/{token}"},
              std::pair{"emails-per-day", "0"}, std::pair{"sending-paused", "false"},
              std::pair{"sender-lease-seconds", "10"}}) // kLeaseSeconds
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
        // the demo's own accounts are turned off, two of the test server's come
        {
            Database db(m_url);
            QVERIFY(db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE channel_accounts SET enabled = 0")));
        }
        qputenv("MASIR_SMTP_PASSWORD", m_smtp.password.toUtf8());
        for (const auto &[name, perSecond] : kAccounts)
            QCOMPARE(runCli(w + QStringList{QStringLiteral("channel"),
                                            QStringLiteral("add"),
                                            QStringLiteral("smtp"),
                                            QStringLiteral("--name"),
                                            QLatin1String(name),
                                            QStringLiteral("--host"),
                                            QStringLiteral("localhost"),
                                            QStringLiteral("--port"),
                                            QString::number(m_smtp.starttlsPort),
                                            QStringLiteral("--security"),
                                            QStringLiteral("starttls"),
                                            QStringLiteral("--user"),
                                            m_smtp.user,
                                            QStringLiteral("--from"),
                                            QStringLiteral("%1@shop.test").arg(QLatin1String(name)),
                                            QStringLiteral("--ca-file"),
                                            m_smtp.certificate(),
                                            QStringLiteral("--connections"),
                                            QStringLiteral("2"),
                                            QStringLiteral("--per-second"),
                                            QString::number(perSecond)}),
                     0);
        qunsetenv("MASIR_SMTP_PASSWORD");
        // A journey that mails whoever signs up, once; everyone with an address will.
        QCOMPARE(runCli(w + QStringList{QStringLiteral("template"), QStringLiteral("add"),
                                        QStringLiteral("--name"), QStringLiteral("welcome"),
                                        QStringLiteral("--subject"), QStringLiteral("Welcome"),
                                        QStringLiteral("--body-file"), body,
                                        QStringLiteral("--transactional")}),
                 0);
        const QString journey = m_dir.filePath(QStringLiteral("journey.json"));
        {
            QFile f(journey);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"name": "Signed up", "policy": {"entry": "once"}, "graph": {
                "formatVersion": 1, "nodes": [
                {"id": "n1", "type": "trigger.event", "config": {"event": "signed_up"}},
                {"id": "n2", "type": "action.email", "config": {"template": "welcome",
                 "transactional": true}},
                {"id": "n3", "type": "exit", "config": {}}],
                "edges": [{"id": "e1", "from": "n1", "port": "next", "to": "n2"},
                          {"id": "e2", "from": "n2", "port": "next", "to": "n3"}]}})");
        }
        QCOMPARE(runCli(w + QStringList{QStringLiteral("journey"), QStringLiteral("import"),
                                        journey, QStringLiteral("--activate")}),
                 0);
        const QString rule = m_dir.filePath(QStringLiteral("rule.json"));
        {
            QFile f(rule);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"formatVersion": 1, "match": "all", "conditions": [
                {"kind": "field", "field": "email", "op": "not_empty"}]})");
        }
        QCOMPARE(
            runCli(w + QStringList{QStringLiteral("segment"), QStringLiteral("save"),
                                   QStringLiteral("With email"), QStringLiteral("--rule"), rule}),
            0);
        // every address signs up twice: the journey takes each contact once
        const QString signups = m_dir.filePath(QStringLiteral("signups.csv"));
        qint64 joining = 0;
        {
            Database db(m_url);
            QVERIFY(db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT email FROM contacts WHERE email <> '' ORDER BY "
                                          "id")));
            QFile f(signups);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("email,type\n");
            QByteArray again;
            while (q.next()) {
                const QByteArray line = q.value(0).toString().toUtf8() + ",signed_up\n";
                f.write(line);
                again += line;
                ++joining;
            }
            f.write(again);
        }
        {
            // one message to each of the first contacts with an email address
            Database db(m_url);
            QVERIFY(db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (idempotency_key, channel, "
                                          "contact_id, template, marketing, due_at, created_at, "
                                          "updated_at, recipient) SELECT 'trial:' || id, 'email', "
                                          "id, 'news', 1, 0, 0, 0, email FROM contacts WHERE "
                                          "email <> '' AND status = 'active' AND email_consent "
                                          "<> 'withdrawn' ORDER BY id LIMIT ") +
                           QString::number(messages)));
        }
        const qint64 queued = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        // the journey mails those it may reach (active, consent not withdrawn)
        const qint64 reachable =
            scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE email <> '' AND status = "
                                  "'active' AND email_consent <> 'withdrawn'"));
        QCOMPARE(queued, qint64(messages));

        for (int i = 0; i < kWorkers; ++i)
            startWorker(i);

        // 1. The sender stops without dying, past its lease: another takes over.
        QTRY_VERIFY_WITH_TIMEOUT(sender() >= 0, 20000);
        const int stopped = sender();
        const qint64 stoppedPid = m_workers[stopped]->processId();
        QVERIFY(::kill(pid_t(stoppedPid), SIGSTOP) == 0);
        QElapsedTimer silence;
        silence.start();
        QTRY_VERIFY_WITH_TIMEOUT(sender() >= 0 && sender() != stopped, (kLeaseSeconds + 15) * 1000);
        const qint64 takeoverMs = silence.elapsed();
        QVERIFY(::kill(pid_t(stoppedPid), SIGCONT) == 0);

        // Meanwhile, two more processes enrol everyone: by hand, and by events.
        QProcess byHand;
        byHand.start(QStringLiteral(MASIR_CLI_PATH),
                     w + QStringList{QStringLiteral("journey"), QStringLiteral("enrol"),
                                     QStringLiteral("Signed up"), QStringLiteral("--segment"),
                                     QStringLiteral("With email")});
        QProcess byEvents;
        byEvents.start(QStringLiteral(MASIR_CLI_PATH),
                       w + QStringList{QStringLiteral("event"), QStringLiteral("import"), signups});

        // 2. Kills and restarts, and once the sender's connections cut.
        QRandomGenerator random(1403);
        int killed = 0;
        int landed = 0; // kills that found messages still to send
        bool cut = false;
        while (killed < kills) {
            QTest::qWait(int(random.bounded(150, 500)));
            const int i = int(random.bounded(kWorkers));
            m_workers[i]->kill(); // SIGKILL: no clean-up of any kind
            m_workers[i]->waitForFinished();
            ++killed;
            landed += unfinished() > 0;
            startWorker(i);
            if (!cut && killed == kills / 2) {
                // the sender's lock session ("MSIR" in the key's high half; not
                // a writer's lock: a one-shot loader whose connection is cut
                // fails, as it should, and the trial would not count its rows)
                QVERIFY(pg.admin(QStringLiteral("SELECT pg_terminate_backend(l.pid) FROM "
                                                "pg_locks l JOIN pg_stat_activity s ON s.pid = "
                                                "l.pid WHERE l.locktype = 'advisory' AND "
                                                "l.granted AND l.classid = %2 AND "
                                                "s.datname = '%1'")
                                     .arg(pg.name())
                                     .arg(0x4D534952u)));
                cut = true;
            }
        }
        QVERIFY2(landed > 0, "everything went out before the first kill: nothing tested");

        // 3. The rest, with the workers left alone.
        for (QProcess *loader : {&byHand, &byEvents}) {
            QVERIFY(loader->state() == QProcess::NotRunning || loader->waitForFinished(120000));
            QVERIFY2(loader->exitStatus() == QProcess::NormalExit && loader->exitCode() == 0,
                     qPrintable(loader->arguments().join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                QString::fromUtf8(loader->readAllStandardError())));
        }
        const auto journeyDone = [&] {
            return unfinished() == 0 &&
                   scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = "
                                         "'active'")) == 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(journeyDone(), 240000);
        for (auto &worker : m_workers) {
            worker->terminate(); // SIGTERM: a clean stop
            QVERIFY(worker->waitForFinished(30000));
        }

        // What the server received, by X-Masir-Id.
        QHash<qint64, int> received;
        QHash<QString, QList<qint64>> arrivals; // per sender address, ms
        for (const QJsonObject &m : m_smtp.messages()) {
            received[m.value(QStringLiteral("masir_id")).toString().toLongLong()] += 1;
            arrivals[m.value(QStringLiteral("mail_from")).toString()]
                << qint64(m.value(QStringLiteral("t")).toDouble() * 1000);
        }
        int twice = 0;
        for (auto it = received.cbegin(); it != received.cend(); ++it)
            twice += it.value() > 1;
        Database db(m_url, Database::Mode::ReadOnly);
        QVERIFY(db.open());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT o.id, o.state, a.name, o.claimed_at FROM outbox o "
                                      "LEFT JOIN channel_accounts a ON a.id = o.account_id")));
        int sent = 0, interrupted = 0, interruptedDelivered = 0, lost = 0, other = 0;
        QHash<QString, QList<qint64>> claims;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const QString state = q.value(1).toString();
            if (state == QLatin1String("sent")) {
                ++sent;
                lost += !received.contains(id);
            } else if (state == QLatin1String("interrupted")) {
                ++interrupted;
                interruptedDelivered += received.contains(id);
            } else {
                ++other;
                qWarning() << "row" << id << "ended as" << state;
            }
            if (!q.value(3).isNull())
                claims[q.value(2).toString()] << q.value(3).toLongLong();
        }
        int unknown = 0;
        for (auto it = received.cbegin(); it != received.cend(); ++it)
            unknown +=
                scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE id = %1").arg(it.key())) !=
                1;
        // the journey's policy is "once": one enrolment, one welcome each
        const qint64 doubleEnrolled =
            scalar(QStringLiteral("SELECT count(*) FROM (SELECT journey_id, contact_id FROM "
                                  "enrollments GROUP BY journey_id, contact_id HAVING count(*) "
                                  "> 1) d"));
        const qint64 enrolled = scalar(QStringLiteral("SELECT count(*) FROM enrollments"));
        const qint64 welcomes =
            scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE template = 'welcome'"));
        const qint64 total = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        QStringList limits;
        bool overLimit = false;
        for (const auto &[name, perSecond] : kAccounts) {
            const int busiest = busiestSecond(claims.value(QLatin1String(name)));
            const int arrived = busiestSecond(
                arrivals.value(QStringLiteral("%1@shop.test").arg(QLatin1String(name))));
            overLimit |= busiest > perSecond;
            limits << QStringLiteral("%1: at most %2 a second, claimed %3, arrived %4")
                          .arg(QLatin1String(name))
                          .arg(perSecond)
                          .arg(busiest)
                          .arg(arrived);
        }
        qInfo().noquote()
            << QStringLiteral(
                   "team crash trial: %1 messages and %16 contacts joining a journey "
                   "(%17 enrolled, %18 welcomes), %2 workers, %3 SIGKILLs (%4 "
                   "while sending), the sender's lock session cut, a sender stopped and replaced "
                   "after %5 s (lease %6 s); sent %7, interrupted %8 (of which the "
                   "server had received %9); received twice %10, lost %11, other "
                   "states %12, unknown at the server %13, contacts enrolled twice "
                   "%14; %15")
                   .arg(queued)
                   .arg(kWorkers)
                   .arg(killed)
                   .arg(landed)
                   .arg(double(takeoverMs) / 1000, 0, 'f', 1)
                   .arg(kLeaseSeconds)
                   .arg(sent)
                   .arg(interrupted)
                   .arg(interruptedDelivered)
                   .arg(twice)
                   .arg(lost)
                   .arg(other)
                   .arg(unknown)
                   .arg(doubleEnrolled)
                   .arg(limits.join(QLatin1String("; ")))
                   .arg(joining)
                   .arg(enrolled)
                   .arg(welcomes);
        QCOMPARE(twice, 0);
        QCOMPARE(lost, 0);
        QCOMPARE(other, 0);
        QCOMPARE(unknown, 0);
        QCOMPARE(sent + interrupted, int(total));
        QCOMPARE(total, queued + reachable);
        QCOMPARE(doubleEnrolled, 0);
        QCOMPARE(enrolled, joining);
        QCOMPARE(welcomes, reachable);
        QVERIFY2(!overLimit, qPrintable(limits.join(QLatin1String("; "))));
        // the stopped sender was replaced once its last heartbeat (at most 5 s
        // before the stop) was older than the lease, not before
        QVERIFY(takeoverMs >= kLeaseSeconds * 1000 - 5000);
        // a kill or a cut interrupts only what was on the wire: two connections an account
        QVERIFY(interrupted <= (killed + 2) * 4);
    }
};

QTEST_GUILESS_MAIN(tst_TeamCrash)
#include "tst_TeamCrash.moc"
