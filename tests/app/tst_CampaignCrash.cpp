// Crash trial for campaigns: a campaign to every contact of a segment,
// `masir-cli worker run` SIGKILLed again and again while it freezes the
// audience, fans it out into the outbox (in small batches, so that kills land
// inside the fan-out) and sends to a real SMTP server; then it is let finish.
// Every recipient must get exactly one message, or one listed as interrupted;
// the campaign's report must match what the server received.
//
// The CI runs 2,000 recipients; MASIR_CRASH_RECIPIENTS=10000 the full trial.

#include "storage/Database.h"

#include "CliProcess.h"
#include "TestServers.h"
#include "TestWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace masir;
using namespace masir::test;

class tst_CampaignCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SmtpSink m_smtp;

    void writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_dir.filePath(QStringLiteral("secrets.json")).toUtf8());
        QVERIFY2(m_smtp.start(1), "the SMTP test server did not start");
    }

    void killDuringFanOutAndSend()
    {
        const int recipients = envInt("MASIR_CRASH_RECIPIENTS", 2000);
        const int kills = envInt("MASIR_CRASH_KILLS", 4);
        const QString ws = m_dir.filePath(QStringLiteral("campaign.masir"));
        const QStringList w = {QStringLiteral("--workspace"), ws};
        QCOMPARE(runCli(w + QStringList{QStringLiteral("demo"), QStringLiteral("--contacts"),
                                        QString::number(recipients * 5 / 4),
                                        QStringLiteral("--no-events")}),
                 0);
        for (const auto &[key, value] :
             {std::pair{"postal-address", "Tehran, Valiasr 12"},
              std::pair{"unsubscribe-url", "https://shop.test/u/{token}"},
              std::pair{"emails-per-day", "0"}})
            QCOMPARE(runCli(w + QStringList{QStringLiteral("settings"), QStringLiteral("set"),
                                            QLatin1String(key), QString::fromUtf8(value)}),
                     0);
        const QString body = m_dir.filePath(QStringLiteral("body.md"));
        writeFile(body, "# Hello {{first_name|default:\"friend\"}}\n\nThis week's offer.\n");
        QCOMPARE(runCli(w + QStringList{QStringLiteral("template"), QStringLiteral("add"),
                                        QStringLiteral("--name"), QStringLiteral("offer"),
                                        QStringLiteral("--subject"), QStringLiteral("Offer"),
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
                                        QStringLiteral("--connections"), QStringLiteral("4")}),
                 0);
        qunsetenv("MASIR_SMTP_PASSWORD");
        // The audience: everyone with an email address, minus a static list.
        const QString rule = m_dir.filePath(QStringLiteral("rule.json"));
        writeFile(rule, R"({"formatVersion": 1, "match": "all", "conditions": [
            {"kind": "field", "field": "email", "op": "not_empty"}]})");
        QCOMPARE(
            runCli(w + QStringList{QStringLiteral("segment"), QStringLiteral("save"),
                                   QStringLiteral("With email"), QStringLiteral("--rule"), rule}),
            0);
        QByteArray created;
        QCOMPARE(runCli(w + QStringList{QStringLiteral("campaign"), QStringLiteral("create"),
                                        QStringLiteral("--name"), QStringLiteral("Thursday offer"),
                                        QStringLiteral("--audience"), QStringLiteral("With email"),
                                        QStringLiteral("--template"), QStringLiteral("offer"),
                                        QStringLiteral("--json")},
                        &created),
                 0);
        const QJsonObject counts =
            QJsonDocument::fromJson(created).object().value(QStringLiteral("counts")).toObject();
        const qint64 sendable = counts.value(QStringLiteral("sendable")).toInteger();
        QVERIFY2(sendable > recipients / 2, created.constData());

        QRandomGenerator random(2112);
        int killed = 0, duringFanOut = 0, duringSend = 0;
        qint64 lastWritten = 0;
        const auto fannedOut = [&] {
            return scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id IS "
                                               "NOT NULL"));
        };
        for (int round = 0; killed < kills && round < kills * 3; ++round) {
            QProcess worker;
            worker.start(QStringLiteral(MASIR_CLI_PATH),
                         w + QStringList{QStringLiteral("worker"), QStringLiteral("run"),
                                         QStringLiteral("--campaign-batch"), QStringLiteral("13")});
            QVERIFY(worker.waitForStarted());
            if (round < 2) {
                // The first kills land inside the fan-out: as soon as it has begun.
                for (int waited = 0; waited < 10000 && worker.state() == QProcess::Running &&
                                     fannedOut() == (round == 0 ? 0 : lastWritten);
                     waited += 2)
                    QTest::qWait(2);
            } else {
                // The later ones while it sends: once the fan-out is over.
                for (int waited = 0; waited < 60000 && worker.state() == QProcess::Running &&
                                     fannedOut() < sendable;
                     waited += 5)
                    QTest::qWait(5);
                QTest::qWait(int(random.bounded(20, 300)));
            }
            if (worker.state() == QProcess::Running) {
                worker.kill();
                ++killed;
            }
            worker.waitForFinished();
            const qint64 written = fannedOut();
            lastWritten = written;
            duringFanOut += written > 0 && written < sendable;
            duringSend += written == sendable &&
                          scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox WHERE state "
                                                      "IN ('queued', 'sending')")) > 0;
        }
        QCOMPARE(killed, kills);
        QVERIFY2(duringFanOut > 0, "no kill landed inside the fan-out");
        QVERIFY2(duringSend > 0, "no kill landed while sending");
        QByteArray said;
        for (int i = 0; i < 30 && scalarIn(ws, QStringLiteral("SELECT count(*) FROM campaigns "
                                                              "WHERE state <> 'done'")) > 0;
             ++i)
            QCOMPARE(
                runCli(w + QStringList{QStringLiteral("worker"), QStringLiteral("run"),
                                       QStringLiteral("--once"), QStringLiteral("--send-budget"),
                                       QStringLiteral("60000")},
                       &said),
                0);
        QVERIFY2(scalarIn(ws, QStringLiteral("SELECT count(*) FROM campaigns WHERE state = "
                                             "'done'")) == 1,
                 qPrintable(QStringLiteral("queued %1, sending %2; the last run said: %3")
                                .arg(scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox "
                                                                 "WHERE state = 'queued'")))
                                .arg(scalarIn(ws, QStringLiteral("SELECT count(*) FROM outbox "
                                                                 "WHERE state = 'sending'")))
                                .arg(QString::fromUtf8(said))));

        // What the server received, by X-Masir-Id, against the frozen audience.
        QHash<qint64, int> received;
        for (const QJsonObject &m : m_smtp.messages())
            received[m.value(QStringLiteral("masir_id")).toString().toLongLong()] += 1;
        Database db(ws, Database::Mode::ReadOnly);
        QVERIFY(db.open());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT r.contact_id, count(o.id), sum(CASE WHEN o.state = 'sent' THEN 1 ELSE 0 END), "
            "sum(CASE WHEN o.state = 'interrupted' THEN 1 ELSE 0 END), min(o.id) FROM "
            "campaign_recipients r LEFT JOIN outbox o ON o.campaign_id = r.campaign_id AND "
            "o.contact_id = r.contact_id GROUP BY r.contact_id")));
        qint64 frozen = 0, once = 0, interrupted = 0, missing = 0, twice = 0, lost = 0;
        while (q.next()) {
            ++frozen;
            const int rows = q.value(1).toInt();
            const qint64 id = q.value(4).toLongLong();
            if (rows == 0)
                ++missing;
            else if (rows > 1)
                ++twice;
            else if (q.value(2).toInt() == 1)
                received.value(id) == 1 ? ++once : (received.value(id) > 1 ? ++twice : ++lost);
            else if (q.value(3).toInt() == 1)
                ++interrupted;
            else
                ++lost;
        }
        qint64 atServer = 0;
        for (auto it = received.cbegin(); it != received.cend(); ++it)
            atServer += it.value();
        QByteArray report;
        QCOMPARE(runCli(w + QStringList{QStringLiteral("campaign"), QStringLiteral("report"),
                                        QStringLiteral("Thursday offer"), QStringLiteral("--json")},
                        &report),
                 0);
        const qint64 reportedSent = QJsonDocument::fromJson(report)
                                        .object()
                                        .value(QStringLiteral("total"))
                                        .toObject()
                                        .value(QStringLiteral("sent"))
                                        .toInteger();
        qInfo().noquote() << QStringLiteral(
                                 "campaign crash trial: %1 recipients frozen, %2 SIGKILLs (%3 in "
                                 "the fan-out, %4 while sending); received once %5, interrupted "
                                 "%6, missing %7, twice %8, lost %9; server %10, report %11")
                                 .arg(frozen)
                                 .arg(killed)
                                 .arg(duringFanOut)
                                 .arg(duringSend)
                                 .arg(once)
                                 .arg(interrupted)
                                 .arg(missing)
                                 .arg(twice)
                                 .arg(lost)
                                 .arg(atServer)
                                 .arg(reportedSent);
        QCOMPARE(frozen, sendable);
        QCOMPARE(missing, 0);
        QCOMPARE(twice, 0);
        QCOMPARE(lost, 0);
        QCOMPARE(once + interrupted, frozen);
        QCOMPARE(reportedSent, once);
        QVERIFY(interrupted <= killed * 4);
    }
};

QTEST_GUILESS_MAIN(tst_CampaignCrash)
#include "tst_CampaignCrash.moc"
