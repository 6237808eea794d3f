// Messages that come back to a sending mailbox, as real mail systems write
// them (tests/data/bounces): each is classified, its failed recipient found
// with the enhanced status and SMTP reply codes, and tied to its Masir
// message where the report allows.
#include "messaging/BounceParser.h"

#include <QFile>
#include <QTest>

using namespace masir;

class tst_BounceParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("reply");
        QTest::addColumn<qint64>("message");
        const auto row = [](const char *file, const char *kind, const char *recipient,
                            const char *status, int reply, qint64 message) {
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(kind)
                                << QString::fromLatin1(recipient) << QString::fromLatin1(status)
                                << reply << message;
        };
        row("postfix_dsn_hard.eml", "hard", "nobody@example.ir", "5.1.1", 550, 101);
        row("postfix_dsn_delayed.eml", "soft", "slow@example.com", "4.4.1", 0, 102);
        row("exim_text.eml", "hard", "ghost@example.org", "5.1.1", 550, 103);
        row("qmail_text.eml", "hard", "old@example.net", "5.1.1", 550, 104);
        row("exchange_dsn.eml", "hard", "left.company@contoso.test", "5.1.10", 550, 105);
        row("gmail_dsn.eml", "hard", "no.such.person@gmail.com", "5.1.1", 550, 106);
        row("yahoo_text.eml", "hard", "closed.account@yahoo.com", "", 554, 107);
        row("outlook_mailbox_full.eml", "soft", "full.box@outlook.com", "5.2.2", 554, 108);
        row("ses_dsn.eml", "hard", "bounce@simulator.amazonses.com", "5.1.1", 550, 109);
        row("arf_yahoo.eml", "complaint", "angry@yahoo.com", "", 0, 110);
        row("arf_microsoft_jmrp.eml", "complaint", "upset@hotmail.com", "", 0, 111);
        row("ooo_outlook.eml", "auto_reply", "reza@company.test", "", 0, 112);
        row("gmail_vacation.eml", "auto_reply", "sara@gmail.com", "", 0, 113);
        row("unsubscribe.eml", "unsubscribe", "maryam@example.com", "", 0, 0);
        row("human_reply.eml", "not_bounce", "ali@example.com", "", 0, 115);
        row("persian_subject_dsn.eml", "hard", "ali.rezaei@example.ir", "5.1.1", 550, 116);
    }

    void classifies()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, recipient);
        QFETCH(QString, status);
        QFETCH(int, reply);
        QFETCH(qint64, message);
        QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/") + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QList<BounceFinding> found = BounceParser::parse(f.readAll());
        QCOMPARE(found.size(), 1);
        const BounceFinding &b = found.first();
        QCOMPARE(BounceFinding::kindKey(b.kind), kind);
        QCOMPARE(b.recipient, recipient);
        QCOMPARE(b.status, status);
        QCOMPARE(b.reply, reply);
        QCOMPARE(b.outboxId, message);
    }

    void unsubscribeCarriesItsToken()
    {
        QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/unsubscribe.eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(BounceParser::parse(f.readAll()).first().token, QStringLiteral("7f3a9c1b2d"));
    }

    void oneFindingPerFailedRecipient()
    {
        const QByteArray dsn =
            "From: MAILER-DAEMON@mx.test\r\nSubject: Undelivered Mail\r\nContent-Type: "
            "multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.test\r\n\r\n"
            "Final-Recipient: rfc822; a@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            "Final-Recipient: rfc822; b@example.com\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n"
            "Final-Recipient: rfc822; c@example.com\r\nAction: failed\r\nStatus: 4.2.2\r\n\r\n"
            "--b--\r\n";
        const QList<BounceFinding> found = BounceParser::parse(dsn);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).recipient, QStringLiteral("a@example.com"));
        QCOMPARE(found.at(0).kind, BounceFinding::Kind::Hard);
        QCOMPARE(found.at(1).recipient, QStringLiteral("c@example.com"));
        QCOMPARE(found.at(1).kind, BounceFinding::Kind::Soft);
    }

    void addressesAndRepliesAreNotMistaken()
    {
        // A remote IP is not an enhanced status code: greylisting stays temporary.
        const QByteArray exim =
            "From: Mail Delivery System <Mailer-Daemon@mx.test>\r\nSubject: Warning: message "
            "delayed\r\n\r\n  someone@example.com\r\n    host mx.example.com [5.9.140.10]: "
            "451 4.7.1 greylisted, try again later\r\n";
        const QList<BounceFinding> delayed = BounceParser::parse(exim);
        QCOMPARE(delayed.size(), 1);
        QCOMPARE(delayed.first().status, QStringLiteral("4.7.1"));
        QCOMPARE(delayed.first().kind, BounceFinding::Kind::Soft);
        // A person writing about a delivery, with an address on a line of its own.
        const QByteArray person = "From: Ali <ali@example.com>\r\nSubject: Re: delivery "
                                  "notification for my order\r\n\r\nWhere is it?\r\n\r\n"
                                  "ali.work@example.com\r\n";
        QCOMPARE(BounceParser::parse(person).first().kind, BounceFinding::Kind::NotBounce);
    }

    void whatCannotBeReadIsKeptAside()
    {
        QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/garbled_bounce.eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<BounceFinding> garbled = BounceParser::parse(f.readAll());
        QCOMPARE(garbled.size(), 1);
        QCOMPARE(garbled.first().kind, BounceFinding::Kind::Unparsed);
        QVERIFY(garbled.first().recipient.isEmpty());
        // a report that says something failed but not for whom
        const QByteArray noRecipient =
            "From: postmaster@mx.test\r\nContent-Type: multipart/report; "
            "report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: "
            "message/delivery-status\r\n\r\nReporting-MTA: dns; mx.test\r\n\r\nAction: "
            "failed\r\nStatus: 5.0.0\r\n\r\n--b--\r\n";
        QCOMPARE(BounceParser::parse(noRecipient).first().kind, BounceFinding::Kind::Unparsed);
        // good news is not a bounce
        QByteArray delivered = noRecipient;
        delivered.replace("Action: failed\r\nStatus: 5.0.0",
                          "Final-Recipient: rfc822; a@example.com\r\nAction: delivered\r\n"
                          "Status: 2.0.0");
        QCOMPARE(BounceParser::parse(delivered).first().kind, BounceFinding::Kind::NotBounce);
    }

    void headline()
    {
        QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/persian_subject_dsn.eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray raw = f.readAll();
        raw.replace("\r\n", "\n").replace("\n", "\r\n"); // as an IMAP server sends it
        const BounceParser::Headline h = BounceParser::headline(raw);
        QCOMPARE(h.subject, QStringLiteral("تحویل ناموفق"));
        QVERIFY2(h.from.contains(QLatin1String("mailer-daemon@mail.example.ir")),
                 qPrintable(h.from));
        QVERIFY(!h.date.isValid()); // the report has none; its returned message's is not its own
        QFile g(QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/garbled_bounce.eml"));
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(BounceParser::headline(g.readAll()).date,
                 QDateTime(QDate(2026, 12, 3), QTime(6, 45), Qt::UTC));
    }

    void garbageIsNotABounce()
    {
        for (const QByteArray &junk : {QByteArray(), QByteArray("\r\n\r\n"),
                                       QByteArray("Content-Type: multipart/report; "
                                                  "boundary=\"x\"\r\n\r\n--x\r\n--x"),
                                       QByteArray(5000, '-')})
            QCOMPARE(BounceParser::parse(junk).first().kind, BounceFinding::Kind::NotBounce);
    }
};

QTEST_GUILESS_MAIN(tst_BounceParser)
#include "tst_BounceParser.moc"
