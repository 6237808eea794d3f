// Returned mail read from a real IMAP server (Debian's dovecot, started by the
// test): a campaign goes out through the real SMTP test server, the delivery
// reports of many mail systems (tests/data/bounces) come back about its
// messages, and the worker's poller classifies each, ties it to its message,
// acts on it once, counts it for the campaign and leaves people's mail unread.

#include "campaigns/CampaignChecks.h"
#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "contacts/ContactRepository.h"
#include "intake/MailboxPoller.h"
#include "intake/ReturnedMail.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/ImapMailbox.h"
#include "messaging/MessageTemplate.h"
#include "messaging/Outbox.h"
#include "messaging/OutboxSender.h"
#include "messaging/SecretStore.h"
#include "messaging/UnsubscribeTokens.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/SqlExec.h"

#include "CliProcess.h"
#include "TestServers.h"
#include "TestWorkspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace masir;
using namespace masir::test;

namespace {

struct Fixture
{
    const char *file;
    qint64 id; ///< the Masir message id the fixture names (0: none)
    const char *recipient;
    const char *inFile = nullptr; ///< the address the file names, when the test sends to another
};

const Fixture kFixtures[] = {
    {"postfix_dsn_hard.eml", 101, "nobody@example.ir"},
    {"postfix_dsn_delayed.eml", 102, "slow@example.com"},
    {"exim_text.eml", 103, "ghost@example.org"},
    {"qmail_text.eml", 104, "old@example.net"},
    {"exchange_dsn.eml", 105, "left.company@contoso.test"},
    {"gmail_dsn.eml", 106, "no.such.person@gmail.com"},
    {"yahoo_text.eml", 107, "closed.account@yahoo.com"},
    {"outlook_mailbox_full.eml", 108, "full.box@outlook.com"},
    // the SMTP test server refuses bounce* at once: the report comes back about another
    {"ses_dsn.eml", 109, "gone@ses.example", "bounce@simulator.amazonses.com"},
    {"arf_yahoo.eml", 110, "angry@yahoo.com"},
    {"arf_microsoft_jmrp.eml", 111, "upset@hotmail.com"},
    {"ooo_outlook.eml", 112, "reza@company.test"},
    {"gmail_vacation.eml", 113, "sara@gmail.com"},
    {"unsubscribe.eml", 0, "maryam@example.com"},
    {"human_reply.eml", 115, "ali@example.com"},
    {"persian_subject_dsn.eml", 116, "ali.rezaei@example.ir"},
    {"garbled_bounce.eml", 0, nullptr},
};

QByteArray fixture(const char *file)
{
    QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/") + QLatin1String(file));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The fixture as it would come back about message \a to instead of \a from.
QByteArray about(QByteArray message, qint64 from, qint64 to)
{
    const QByteArray f = QByteArray::number(from);
    const QByteArray t = QByteArray::number(to);
    message.replace(QByteArray("X-Masir-Id: " + f), QByteArray("X-Masir-Id: " + t));
    message.replace(QByteArray("<masir." + f + '.'), QByteArray("<masir." + t + '.'));
    return message;
}

} // namespace

class tst_Mailbox : public QObject
{
    Q_OBJECT

    SmtpSink m_smtp;
    ImapServer m_imap;
    QTemporaryDir m_secrets;
    SystemClock m_clock;
    std::unique_ptr<TestWorkspace> m_ws;
    QHash<QString, qint64> m_sent; ///< recipient → the campaign's message to them
    qint64 m_campaign = 0;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        QString error;
        if (!Sql::exec(lcSend(), q, sql, binds, &error) || !q.next()) {
            qWarning() << error;
            return -1;
        }
        return q.value(0).toLongLong();
    }
    QString text(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        QString error;
        if (!Sql::exec(lcSend(), q, sql, binds, &error) || !q.next())
            return error;
        return q.value(0).toString();
    }
    QString status(const QString &email)
    {
        return text(QStringLiteral("SELECT status FROM contacts WHERE email = ?"), {email});
    }
    qint64 events(const QString &type)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = ?"), {type});
    }
    bool suppressed(const QString &address)
    {
        return Outbox(m_ws->db())
            .isSuppressed(QStringLiteral("email"), address, true)
            .value_or(false);
    }
    MailboxStats poll()
    {
        MailboxPoller poller(m_ws->db(), m_clock);
        const auto stats = poller.poll(true);
        if (!stats)
            qWarning() << poller.errorString();
        return stats.value_or(MailboxStats{});
    }
    SendStats sendAll()
    {
        OutboxSender sender(m_ws->db(), m_clock);
        const auto stats = sender.run(20000);
        if (!stats)
            qWarning() << sender.errorString();
        return stats.value_or(SendStats{});
    }
    ChannelAccount account() { return *ChannelAccounts(m_ws->db()).find(QStringLiteral("shop")); }
    void setMailbox(const QString &url, const QString &password)
    {
        ChannelAccount a = account();
        a.config.insert(QStringLiteral("mailbox"),
                        MailboxSettings{url, m_imap.user, m_imap.certificate()}.toJson());
        ChannelAccounts accounts(m_ws->db());
        QVERIFY2(accounts.save(a), qPrintable(accounts.errorString()));
        QVERIFY(
            SecretStore(WorkspaceSettings(m_ws->db()).token(WorkspaceSettings::Key::WorkspaceId))
                .write(MailboxSettings::secretName(a.name), password));
    }
    ImapMailbox mailbox()
    {
        return ImapMailbox({m_imap.url(), m_imap.user, m_imap.certificate()}, m_imap.password);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_secrets.filePath(QStringLiteral("secrets.json")).toUtf8());
        QVERIFY2(m_smtp.start(), "the SMTP test server did not start (python3-aiosmtpd, openssl)");
        QVERIFY2(m_imap.start(), "dovecot did not start (dovecot-imapd)");

        // A campaign to everyone the reports will be about, sent for real.
        m_ws = std::make_unique<TestWorkspace>();
        QVERIFY(m_ws->opened());
        WorkspaceSettings settings(m_ws->db());
        settings.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("Valiasr 12"));
        settings.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                          QStringLiteral("https://shop.test/u/{token}"));
        MessageTemplate t;
        t.name = QStringLiteral("offer");
        t.subject = QStringLiteral("This week's sangak");
        t.body = QStringLiteral("Hello {{first_name}}, fresh bread on Thursday.");
        TemplateRepository templates(m_ws->db());
        QVERIFY2(templates.save(t), qPrintable(templates.errorString()));
        ChannelAccount a;
        a.name = QStringLiteral("shop");
        a.config = {{QStringLiteral("host"), QStringLiteral("localhost")},
                    {QStringLiteral("port"), m_smtp.starttlsPort},
                    {QStringLiteral("security"), QStringLiteral("starttls")},
                    {QStringLiteral("user"), m_smtp.user},
                    {QStringLiteral("from"), QStringLiteral("Shop <news@shop.test>")},
                    {QStringLiteral("caFile"), m_smtp.certificate()}};
        ChannelAccounts accounts(m_ws->db());
        QVERIFY2(accounts.save(a), qPrintable(accounts.errorString()));
        SecretStore(WorkspaceSettings(m_ws->db()).token(WorkspaceSettings::Key::WorkspaceId))
            .write(a.name, m_smtp.password);
        ContactRepository contacts(m_ws->db());
        for (const Fixture &f : kFixtures) {
            if (!f.recipient)
                continue;
            Contact c;
            c.email = QString::fromLatin1(f.recipient);
            c.firstName = c.email.section(QLatin1Char('@'), 0, 0);
            c.city = QStringLiteral("Tehran");
            QVERIFY2(contacts.create(c), qPrintable(contacts.errorString()));
        }
        Contact refused; // the SMTP server refuses it at once
        refused.email = QStringLiteral("bounce.now@shop.test");
        refused.city = QStringLiteral("Tehran");
        QVERIFY(contacts.create(refused));
        Segment everyone;
        everyone.name = QStringLiteral("Tehran");
        everyone.rule.root.children
            << SegmentNode::condition(QStringLiteral("field"), QStringLiteral("city"),
                                      QStringLiteral("equals"), QStringLiteral("Tehran"));
        QVERIFY(SegmentRepository(m_ws->db()).save(everyone));
        Campaign c;
        c.name = QStringLiteral("Sangak");
        c.templateName = QStringLiteral("offer");
        c.audience.include = {QStringLiteral("Tehran")};
        CampaignRepository campaigns(m_ws->db());
        QVERIFY(campaigns.save(c));
        QCOMPARE(CampaignChecks(m_ws->db(), m_clock).problems(c), QStringList());
        QVERIFY(campaigns.schedule(c.id));
        m_campaign = c.id;
        const auto run = CampaignRunner(m_ws->db(), m_clock).runOnce(60000, 100);
        QVERIFY(run);
        QCOMPARE(run->queued, 17);
        const SendStats sent = sendAll();
        QCOMPARE(sent.sent, 16);
        QCOMPARE(sent.bounced, 1);
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT recipient, id FROM outbox WHERE state = 'sent' AND "
                                      "campaign_id = ") +
                       QString::number(c.id)));
        while (q.next())
            m_sent.insert(q.value(0).toString(), q.value(1).toLongLong());
        QCOMPARE(m_sent.size(), 16);
    }

    void readsClassifiesAndActsOnce()
    {
        setMailbox(m_imap.url(), m_imap.password);
        // The reports come back about the messages the campaign sent.
        for (const Fixture &f : kFixtures) {
            const QByteArray raw = fixture(f.file);
            QVERIFY2(!raw.isEmpty(), f.file);
            const qint64 sent = f.recipient ? m_sent.value(QLatin1String(f.recipient)) : 0;
            QByteArray back = f.id ? about(raw, f.id, sent) : raw;
            if (f.inFile)
                back.replace(f.inFile, f.recipient);
            QVERIFY(m_imap.deliver(back));
        }
        const MailboxStats stats = poll();
        QVERIFY2(stats.errors.isEmpty(), qPrintable(stats.errors.join(QLatin1Char('\n'))));
        QCOMPARE(stats.mailboxes, 1);
        QCOMPARE(stats.read, 17);
        QCOMPARE(stats.hard, 8);
        QCOMPARE(stats.soft, 2);
        QCOMPARE(stats.complaints, 2);
        QCOMPARE(stats.unsubscribes, 1);
        QCOMPARE(stats.keptAside, 1);
        QCOMPARE(stats.ignored, 3);

        // Hard bounces: suppressed, the contact bounced, an event about its message.
        for (const char *hard :
             {"nobody@example.ir", "ghost@example.org", "old@example.net",
              "left.company@contoso.test", "no.such.person@gmail.com", "closed.account@yahoo.com",
              "gone@ses.example", "ali.rezaei@example.ir"}) {
            const QString address = QString::fromLatin1(hard);
            QVERIFY2(suppressed(address), hard);
            QCOMPARE(status(address), QStringLiteral("bounced"));
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events e JOIN contacts c ON "
                                           "c.id = e.contact_id WHERE c.email = ? AND e.type = "
                                           "'email_bounced' AND json_extract(e.payload, "
                                           "'$.outbox') = ?"),
                            {address, m_sent.value(address)}),
                     1);
            QCOMPARE(text(QStringLiteral("SELECT returned FROM outbox WHERE id = ?"),
                          {m_sent.value(address)}),
                     QStringLiteral("hard"));
        }
        // Complaints: the contact complained and is suppressed.
        for (const char *angry : {"angry@yahoo.com", "upset@hotmail.com"}) {
            QCOMPARE(status(QLatin1String(angry)), QStringLiteral("complained"));
            QVERIFY(suppressed(QLatin1String(angry)));
        }
        QCOMPARE(events(QStringLiteral("email_complained")), 2);
        // Soft bounces are counted, not suppressed (yet).
        for (const char *slow : {"slow@example.com", "full.box@outlook.com"}) {
            QCOMPARE(status(QLatin1String(slow)), QStringLiteral("active"));
            QVERIFY(!suppressed(QLatin1String(slow)));
            QCOMPARE(text(QStringLiteral("SELECT returned FROM outbox WHERE id = ?"),
                          {m_sent.value(QLatin1String(slow))}),
                     QStringLiteral("soft"));
        }
        QCOMPARE(events(QStringLiteral("email_soft_bounced")), 2);
        // The unsubscribe request: its token is not ours, its sender is a contact.
        QCOMPARE(status(QStringLiteral("maryam@example.com")), QStringLiteral("unsubscribed"));
        // Auto-replies and a person's reply change nothing.
        for (const char *person : {"reza@company.test", "sara@gmail.com", "ali@example.com"})
            QCOMPARE(status(QLatin1String(person)), QStringLiteral("active"));

        // The campaign's report counts what came back.
        const auto report = CampaignReport(m_ws->db()).build(m_campaign);
        QVERIFY(report);
        QCOMPARE(report->total.sent, 16);
        QCOMPARE(report->total.failed, 1); // refused at once: failed, not a bounce after delivery
        QCOMPARE(report->total.bounced, 8);
        QCOMPARE(report->total.delivered, 8);
        QCOMPARE(report->total.complaints, 2);
        QCOMPARE(report->total.unsubscribes, 1);

        // What could not be read is kept whole and listed; people's mail stays unread.
        const auto kept = ReturnedMail(m_ws->db()).list(true);
        QVERIFY(kept);
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().kind, QStringLiteral("unparsed"));
        QCOMPARE(ReturnedMail(m_ws->db()).raw(kept->first().id)->replace("\r\n", "\n"),
                 fixture("garbled_bounce.eml"));
        ImapMailbox imap = mailbox();
        const auto unread = imap.unreadIn(1, 1000);
        QVERIFY2(unread, qPrintable(imap.errorString()));
        QCOMPARE(unread->size(), 4); // two auto-replies, a person's reply, the garbled report
        QCOMPARE(ReturnedMail(m_ws->db()).list(false)->size(), 17);

        // Read again: nothing new, nothing acted on twice.
        const qint64 bounced = events(QStringLiteral("email_bounced"));
        QCOMPARE(poll().read, 0);
        // Renumbered by the server (a new UIDVALIDITY): the same messages are known.
        auto cursor = ReturnedMail(m_ws->db()).cursor(account().id);
        QVERIFY(cursor && cursor->uidValidity > 0 && cursor->error.isEmpty());
        cursor->uidValidity = 1;
        QVERIFY(ReturnedMail(m_ws->db()).saveCursor(*cursor));
        const MailboxStats again = poll();
        QCOMPARE(again.hard + again.soft + again.complaints + again.unsubscribes, 0);
        QCOMPARE(events(QStringLiteral("email_bounced")), bounced);
        QCOMPARE(CampaignReport(m_ws->db()).build(m_campaign)->total.bounced, 8);
    }

    void threeSoftBouncesInARowSuppress()
    {
        // slow@example.com soft-bounced the campaign; two more sends come back the same way.
        const QString slow = QStringLiteral("slow@example.com");
        const qint64 contact =
            scalar(QStringLiteral("SELECT id FROM contacts WHERE email = ?"), {slow});
        const QByteArray delayed = fixture("postfix_dsn_delayed.eml");
        for (int round = 2; round <= 3; ++round) {
            const auto id = Outbox(m_ws->db())
                                .enqueue(QStringLiteral("email"), contact, slow,
                                         QStringLiteral("offer"), false);
            QVERIFY(id);
            QCOMPARE(sendAll().sent, 1);
            QVERIFY(m_imap.deliver(about(delayed, 102, *id)));
            const MailboxStats stats = poll();
            QCOMPARE(stats.soft, 1);
            QCOMPARE(suppressed(slow), round == 3);
        }
        QCOMPARE(status(slow), QStringLiteral("bounced"));
        const QString outcome =
            text(QStringLiteral("SELECT outcome FROM returned_mail ORDER BY id DESC"));
        QVERIFY2(outcome.startsWith(
                     QStringLiteral("Suppressed slow@example.com: 3 sends in a row refused")),
                 qPrintable(outcome));
    }

    void mailboxTroubleIsNotedAndTheRestGoesOn()
    {
        setMailbox(m_imap.url(), QStringLiteral("wrong"));
        MailboxStats stats = poll();
        QCOMPARE(stats.errors.size(), 1);
        QVERIFY2(stats.errors.first().contains(QStringLiteral("refused the login")),
                 qPrintable(stats.errors.first()));
        QVERIFY(ReturnedMail(m_ws->db())
                    .cursor(account().id)
                    ->error.contains(QStringLiteral("refused the login")));
        // STARTTLS on the plain port, with the right password: read again, error cleared.
        setMailbox(m_imap.starttlsUrl(), m_imap.password);
        QVERIFY(m_imap.deliver(fixture("gmail_vacation.eml").replace("Sara", "Sarah")));
        stats = poll();
        QVERIFY2(stats.errors.isEmpty(), qPrintable(stats.errors.join(QLatin1Char('\n'))));
        QCOMPARE(stats.read, 1);
        QCOMPARE(stats.ignored, 1);
        QVERIFY(ReturnedMail(m_ws->db()).cursor(account().id)->error.isEmpty());
        // A certificate nobody trusts.
        ChannelAccount a = account();
        QJsonObject mailbox = a.config.value(QStringLiteral("mailbox")).toObject();
        mailbox.remove(QStringLiteral("caFile"));
        a.config.insert(QStringLiteral("mailbox"), mailbox);
        QVERIFY(ChannelAccounts(m_ws->db()).save(a));
        stats = poll();
        QCOMPARE(stats.errors.size(), 1);
        QVERIFY2(stats.errors.first().contains(QStringLiteral("not trusted")),
                 qPrintable(stats.errors.first()));
    }

    void manyMessagesAreReadInBatchesAndNoneIsLost()
    {
        // More than one search span (500 UIDs) and more than one poll's worth.
        setMailbox(m_imap.url(), m_imap.password);
        const QByteArray reply = fixture("human_reply.eml");
        const int count = MailboxPoller::kMaxMessagesPerPoll + 40;
        for (int i = 0; i < count; ++i)
            QVERIFY(m_imap.deliver("X-Copy: " + QByteArray::number(i) + "\r\n" + reply));
        // an unsubscribe request whose token's contact was deleted since: kept aside
        const qint64 gone = scalar(QStringLiteral("SELECT id FROM contacts WHERE email = ?"),
                                   {QStringLiteral("reza@company.test")});
        const QString token = UnsubscribeTokens(m_ws->db()).token(gone);
        QVERIFY(ContactRepository(m_ws->db()).remove({gone}));
        QByteArray request = fixture("unsubscribe.eml");
        request.replace("7f3a9c1b2d", token.toUtf8())
            .replace("maryam@example.com", "reza@company.test");
        QVERIFY(m_imap.deliver(request));
        const MailboxStats first = poll();
        QVERIFY2(first.errors.isEmpty(), qPrintable(first.errors.join(QLatin1Char('\n'))));
        QCOMPARE(first.read, MailboxPoller::kMaxMessagesPerPoll);
        const MailboxStats second = poll();
        QVERIFY2(second.errors.isEmpty(), qPrintable(second.errors.join(QLatin1Char('\n'))));
        QCOMPARE(second.read, 41);
        QCOMPARE(second.keptAside, 1);
        QCOMPARE(second.unsubscribes, 0);
        QCOMPARE(poll().read, 0);
        // every one of them is unread still: a person's mail
        ImapMailbox imap = mailbox();
        QVERIFY(imap.status());
        QCOMPARE(imap.unreadIn(1, 100000)->size(), 5 + count + 1);
    }

    void fromTheCommandLine()
    {
        const QString ws = m_ws->path();
        QByteArray out;
        qputenv("MASIR_IMAP_PASSWORD", "wrong");
        const QStringList mailbox = {QStringLiteral("--workspace"),
                                     ws,
                                     QStringLiteral("channel"),
                                     QStringLiteral("mailbox"),
                                     QStringLiteral("shop"),
                                     QStringLiteral("--url"),
                                     m_imap.url(),
                                     QStringLiteral("--user"),
                                     m_imap.user,
                                     QStringLiteral("--ca-file"),
                                     m_imap.certificate()};
        QCOMPARE(runCli(mailbox, &out), 1); // refused, and says so
        qputenv("MASIR_IMAP_PASSWORD", m_imap.password.toUtf8());
        QCOMPARE(runCli(mailbox, &out), 0);
        QVERIFY2(out.contains("The mailbox answers"), out.constData());
        qunsetenv("MASIR_IMAP_PASSWORD");
        // A bounce about the message sara@gmail.com was sent.
        const QString sara = QStringLiteral("sara@gmail.com");
        QByteArray bounce = fixture("gmail_dsn.eml");
        bounce.replace("no.such.person@gmail.com", sara.toUtf8());
        QVERIFY(m_imap.deliver(about(bounce, 106, m_sent.value(sara))));
        QCOMPARE(runCli({QStringLiteral("--workspace"), ws, QStringLiteral("bounces"),
                         QStringLiteral("check"), QStringLiteral("--json")},
                        &out),
                 0);
        const QJsonObject checked = QJsonDocument::fromJson(out).object();
        QCOMPARE(checked.value(QStringLiteral("read")).toInt(), 1);
        QCOMPARE(checked.value(QStringLiteral("hard")).toInt(), 1);
        QCOMPARE(status(sara), QStringLiteral("bounced"));
        // What needs a person, and its bytes as they came.
        QCOMPARE(
            runCli({QStringLiteral("--workspace"), ws, QStringLiteral("bounces"),
                    QStringLiteral("list"), QStringLiteral("--kept"), QStringLiteral("--json")},
                   &out),
            0);
        const QJsonArray kept = QJsonDocument::fromJson(out).array();
        QCOMPARE(kept.size(), 2); // the garbled report, the request of a contact deleted since
        const QJsonValue garbled = kept.last();
        QCOMPARE(garbled[QStringLiteral("kind")].toString(), QStringLiteral("unparsed"));
        QCOMPARE(runCli({QStringLiteral("--workspace"), ws, QStringLiteral("bounces"),
                         QStringLiteral("show"),
                         QString::number(garbled[QStringLiteral("id")].toInteger())},
                        &out),
                 0);
        QCOMPARE(out.replace("\r\n", "\n"), fixture("garbled_bounce.eml"));
    }

    void cleanupTestCase()
    {
        m_ws.reset();
        m_imap.stop();
        m_smtp.stop();
    }
};

QTEST_GUILESS_MAIN(tst_Mailbox)
#include "tst_Mailbox.moc"
