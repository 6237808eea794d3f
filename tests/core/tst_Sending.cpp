// Sending against real servers on loopback: an SMTP server with STARTTLS,
// implicit TLS and AUTH, and an HTTP server shaped like Twilio and Kavenegar.
// Received mail is read back with Python's email package, not with our code.
#include "TestServers.h"
#include "TestWorkspace.h"
#include "common/Logging.h"

#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "messaging/MimeMessage.h"
#include "messaging/Outbox.h"
#include "messaging/OutboxSender.h"
#include "messaging/SecretStore.h"
#include "messaging/TestSend.h"
#include "messaging/UnsubscribeTokens.h"
#include "scheduler/Worker.h"
#include "settings/WorkspaceSettings.h"
#include "storage/SqlExec.h"
#include "storage/WorkerHeartbeat.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>

#include <thread>

using namespace masir;
using namespace masir::test;

class tst_Sending : public QObject
{
    Q_OBJECT

    SmtpSink m_smtp;
    HttpSink m_http;
    QTemporaryDir m_secrets;
    SystemClock m_clock;

    qint64 scalar(TestWorkspace &ws, const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(ws.db().connection());
        QString error;
        if (!Sql::exec(lcSend(), q, sql, binds, &error) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    QString text(TestWorkspace &ws, const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(ws.db().connection());
        QString error;
        if (!Sql::exec(lcSend(), q, sql, binds, &error) || !q.next())
            return error;
        return q.value(0).toString();
    }

    qint64 addContact(TestWorkspace &ws, const QString &email, const QString &first,
                      const QString &phone = {})
    {
        Contact c;
        c.email = email;
        c.firstName = first;
        c.phone = phone;
        ContactRepository repo(ws.db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        return c.id;
    }

    void prepare(TestWorkspace &ws)
    {
        QVERIFY(ws.opened());
        WorkspaceSettings s(ws.db());
        s.setValue(WorkspaceSettings::Key::BusinessName, QStringLiteral("فروشگاه نان"));
        s.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("Tehran, Valiasr 12"));
        s.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                   QStringLiteral("https://shop.test/u/{token}"));
        s.setValue(WorkspaceSettings::Key::UnsubscribeMailto, QStringLiteral("unsub@shop.test"));
        s.setValue(WorkspaceSettings::Key::DefaultRegion, QStringLiteral("IR"));
        MessageTemplate t;
        t.name = QStringLiteral("welcome");
        t.subject = QStringLiteral("خوش آمدید {{first_name}} جان");
        t.preheader = QStringLiteral("یک هدیه کوچک");
        t.body = QStringLiteral("# سلام {{first_name|default:\"دوست\"}}\n\n"
                                "{% if tag \"vip\" %}مشتری ویژه{% else %}کد تخفیف: NAN10{% endif %}"
                                "\n\n[فروشگاه](https://shop.test/)\n");
        TemplateRepository templates(ws.db());
        QVERIFY2(templates.save(t), qPrintable(templates.errorString()));
        MessageTemplate sms;
        sms.name = QStringLiteral("sms");
        sms.channel = QStringLiteral("sms");
        sms.body = QStringLiteral("{{first_name}} عزیز، سفارش شما آماده است.");
        QVERIFY(templates.save(sms));
    }

    ChannelAccount smtpAccount(TestWorkspace &ws, const QString &name, const QString &security,
                               const QString &secret, bool trusted = true,
                               const QString &auth = QStringLiteral("auto"), int connections = 1)
    {
        ChannelAccount a;
        a.name = name;
        a.kind = QStringLiteral("smtp");
        a.connections = connections;
        a.config =
            QJsonObject{{QStringLiteral("host"), QStringLiteral("localhost")},
                        {QStringLiteral("port"),
                         security == QLatin1String("tls") ? m_smtp.tlsPort : m_smtp.starttlsPort},
                        {QStringLiteral("security"), security},
                        {QStringLiteral("user"), m_smtp.user},
                        {QStringLiteral("auth"), auth},
                        {QStringLiteral("from"), QStringLiteral("نان بربری <news@shop.test>")},
                        {QStringLiteral("caFile"), trusted ? m_smtp.certificate() : QString()}};
        ChannelAccounts accounts(ws.db());
        if (!accounts.save(a))
            qWarning() << accounts.errorString();
        SecretStore(WorkspaceSettings(ws.db()).token(WorkspaceSettings::Key::WorkspaceId))
            .write(name, secret);
        return a;
    }

    /// A Twilio-shaped gateway on the HTTP test server, with its token stored.
    ChannelAccount twilioAccount(TestWorkspace &ws)
    {
        ChannelAccount twilio;
        twilio.name = QStringLiteral("twilio");
        twilio.kind = QStringLiteral("sms");
        twilio.config = ChannelAccounts::smsPreset(QStringLiteral("twilio"), m_http.base());
        twilio.config.insert(QStringLiteral("username"), QStringLiteral("AC0001"));
        twilio.config.insert(QStringLiteral("sender"), QStringLiteral("+15005550006"));
        ChannelAccounts accounts(ws.db());
        if (!accounts.save(twilio))
            qWarning() << accounts.errorString();
        SecretStore(WorkspaceSettings(ws.db()).token(WorkspaceSettings::Key::WorkspaceId))
            .write(twilio.name, QStringLiteral("twtoken"));
        return twilio;
    }

    qint64 queue(TestWorkspace &ws, qint64 contact, const QString &to,
                 const QString &templateName = QStringLiteral("welcome"),
                 const QString &channel = QStringLiteral("email"))
    {
        const auto id = Outbox(ws.db()).enqueue(channel, contact, to, templateName, true);
        return id.value_or(0);
    }

    /// Runs a fresh sender (as after a restart) until nothing is due.
    SendStats sendAll(TestWorkspace &ws, OutboxSender *sender = nullptr)
    {
        std::unique_ptr<OutboxSender> own;
        if (!sender) {
            own = std::make_unique<OutboxSender>(ws.db(), m_clock);
            sender = own.get();
        }
        const auto stats = sender->run(10000);
        if (!stats)
            qWarning() << sender->errorString();
        return stats.value_or(SendStats{});
    }

    QString state(TestWorkspace &ws, qint64 id)
    {
        return text(ws, QStringLiteral("SELECT state FROM outbox WHERE id = ?"), {id});
    }
    QString error(TestWorkspace &ws, qint64 id)
    {
        return text(ws, QStringLiteral("SELECT error FROM outbox WHERE id = ?"), {id});
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_secrets.filePath(QStringLiteral("secrets.json")).toUtf8());
        QVERIFY2(m_smtp.start(), "the SMTP test server did not start (python3-aiosmtpd, openssl)");
        QVERIFY2(m_http.start(), "the HTTP test server did not start");
    }

    void persianEmailOverStartTls()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const qint64 contact =
            addContact(ws, QStringLiteral("sara@example.net"), QStringLiteral("سارا"));
        const qint64 id = queue(ws, contact, QStringLiteral("sara@example.net"));
        QVERIFY(id > 0);
        const SendStats stats = sendAll(ws);
        QCOMPARE(stats.sent, 1);
        QCOMPARE(state(ws, id), QStringLiteral("sent"));
        QVERIFY(text(ws, QStringLiteral("SELECT provider_id FROM outbox WHERE id = ?"), {id})
                    .startsWith(QLatin1Char('Q')));
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ? AND "
                                       "type = 'email_sent'"),
                        {contact}),
                 1);

        QJsonObject received;
        for (const QJsonObject &m : m_smtp.messages())
            if (m.value(QStringLiteral("masir_id")).toString() == QString::number(id))
                received = m;
        QVERIFY2(!received.isEmpty(), "the server did not get the message");
        QCOMPARE(received.value(QStringLiteral("auth_mech")).toString(), QStringLiteral("PLAIN"));
        QCOMPARE(received.value(QStringLiteral("listener")).toString(), QStringLiteral("starttls"));
        const QJsonObject mail = m_smtp.parsed(received.value(QStringLiteral("file")).toString());
        QCOMPARE(mail.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("خوش آمدید سارا جان"));
        QCOMPARE(mail.value(QStringLiteral("from")).toString(),
                 QStringLiteral("نان بربری <news@shop.test>"));
        QCOMPARE(mail.value(QStringLiteral("to")).toString(),
                 QStringLiteral("سارا <sara@example.net>"));
        QCOMPARE(mail.value(QStringLiteral("content_type")).toString(),
                 QStringLiteral("multipart/alternative"));
        QCOMPARE(mail.value(QStringLiteral("defects")).toArray().size(), 0);
        const QJsonObject headers = mail.value(QStringLiteral("headers")).toObject();
        QCOMPARE(
            headers.value(QStringLiteral("list-unsubscribe-post")).toArray().first().toString(),
            QStringLiteral("List-Unsubscribe=One-Click"));
        const QString listUnsubscribe =
            headers.value(QStringLiteral("list-unsubscribe")).toArray().first().toString();
        const QString token = UnsubscribeTokens(ws.db()).token(contact);
        QVERIFY2(listUnsubscribe.contains(QStringLiteral("<https://shop.test/u/") + token +
                                          QLatin1Char('>')),
                 qPrintable(listUnsubscribe));
        QVERIFY(listUnsubscribe.contains(QStringLiteral("<mailto:unsub@shop.test?subject=")));
        QCOMPARE(headers.value(QStringLiteral("x-masir-id")).toArray().first().toString(),
                 QString::number(id));
        QVERIFY(headers.contains(QStringLiteral("message-id")));
        QVERIFY(headers.contains(QStringLiteral("date")));

        const QString plain = mail.value(QStringLiteral("text")).toString();
        QVERIFY2(plain.contains(QStringLiteral("سلام سارا")), qPrintable(plain));
        QVERIFY(plain.contains(QStringLiteral("کد تخفیف: NAN10")));
        QVERIFY(plain.contains(QStringLiteral("Tehran, Valiasr 12")));
        QVERIFY(!plain.contains(QLatin1String("<h1")));
        const QString html = mail.value(QStringLiteral("html")).toString();
        QVERIFY(html.contains(QStringLiteral("dir=\"rtl\"")));
        QVERIFY(html.contains(QStringLiteral("سلام سارا</h1>")));
        QVERIFY(html.contains(QStringLiteral("یک هدیه کوچک"))); // the preheader
        QVERIFY(html.contains(QStringLiteral("https://shop.test/u/") + token));
    }

    void reusesConnectionsAndSendsInParallel()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("one"), QStringLiteral("starttls"), m_smtp.password);
        const qint64 before = m_smtp.connections().size();
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            const QString email = QStringLiteral("reuse%1@example.net").arg(i);
            ids << queue(ws, addContact(ws, email, QStringLiteral("R%1").arg(i)), email);
        }
        QCOMPARE(sendAll(ws).sent, 6);
        // One connection carried all six.
        QCOMPARE(m_smtp.connections().size() - before, 1);

        ChannelAccounts accounts(ws.db());
        ChannelAccount a = *accounts.find(QStringLiteral("one"));
        a.connections = 3;
        QVERIFY(accounts.save(a));
        const qint64 middle = m_smtp.connections().size();
        for (int i = 0; i < 12; ++i) {
            const QString email = QStringLiteral("parallel%1@example.net").arg(i);
            queue(ws, addContact(ws, email, QStringLiteral("P%1").arg(i)), email);
        }
        QCOMPARE(sendAll(ws).sent, 12);
        const qint64 opened = m_smtp.connections().size() - middle;
        QVERIFY2(opened >= 2 && opened <= 3, qPrintable(QString::number(opened)));
    }

    void wrongPasswordKeepsTheMessage()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), QStringLiteral("nope"));
        const qint64 id =
            queue(ws, addContact(ws, QStringLiteral("a@example.net"), QStringLiteral("A")),
                  QStringLiteral("a@example.net"));
        const SendStats stats = sendAll(ws);
        QCOMPARE(stats.sent, 0);
        QVERIFY(!stats.accountErrors.isEmpty());
        QVERIFY2(stats.accountErrors.join(QString()).contains(QStringLiteral("refused the login")),
                 qPrintable(stats.accountErrors.join(QString())));
        QVERIFY(stats.accountErrors.join(QString()).contains(QStringLiteral("535")));
        // Not the message's fault: it waits, its attempt not spent.
        QCOMPARE(state(ws, id), QStringLiteral("queued"));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT attempts FROM outbox WHERE id = ?"), {id}), 0);
        QVERIFY(error(ws, id).contains(QStringLiteral("535")));
    }

    void hardBounceSuppresses()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const QString address = QStringLiteral("bounce-me@example.net");
        const qint64 contact = addContact(ws, address, QStringLiteral("B"));
        const qint64 first = queue(ws, contact, address);
        const SendStats stats = sendAll(ws);
        QCOMPARE(stats.bounced, 1);
        QCOMPARE(state(ws, first), QStringLiteral("failed"));
        QVERIFY2(error(ws, first).startsWith(QStringLiteral("550 5.1.1")),
                 qPrintable(error(ws, first)));
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM suppressions WHERE channel = "
                                       "'email' AND address = ? AND reason = 'bounce'"),
                        {address}),
                 1);
        QCOMPARE(text(ws, QStringLiteral("SELECT status FROM contacts WHERE id = ?"), {contact}),
                 QStringLiteral("bounced"));
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ? AND "
                                       "type = 'email_bounced'"),
                        {contact}),
                 1);
        // Even a transactional message to it never goes out again.
        const auto again = Outbox(ws.db()).enqueue(QStringLiteral("email"), contact, address,
                                                   QStringLiteral("welcome"), false);
        QVERIFY(again);
        sendAll(ws);
        QCOMPARE(state(ws, *again), QStringLiteral("suppressed"));
    }

    void temporaryFailureIsRetriedLater()
    {
        TestWorkspace ws;
        prepare(ws);
        WorkspaceSettings(ws.db()).setValue(WorkspaceSettings::Key::RetryBaseMs, 300);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const QString address = QStringLiteral("greylist-retry@example.net");
        const qint64 id = queue(ws, addContact(ws, address, QStringLiteral("G")), address);
        OutboxSender sender(ws.db(), m_clock);
        SendStats stats = sendAll(ws, &sender);
        QCOMPARE(stats.retried, 1);
        QCOMPARE(state(ws, id), QStringLiteral("queued"));
        QVERIFY(error(ws, id).startsWith(QStringLiteral("451")));
        QVERIFY(scalar(ws, QStringLiteral("SELECT due_at FROM outbox WHERE id = ?"), {id}) >
                m_clock.nowMs());
        QVERIFY(sender.nextWakeAt().value_or(0) > m_clock.nowMs());
        QThread::msleep(400);
        stats = sendAll(ws, &sender);
        QCOMPARE(stats.sent, 1);
        QCOMPARE(state(ws, id), QStringLiteral("sent"));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT attempts FROM outbox WHERE id = ?"), {id}), 2);
    }

    void givesUpAfterMaxAttempts()
    {
        TestWorkspace ws;
        prepare(ws);
        WorkspaceSettings(ws.db()).setValue(WorkspaceSettings::Key::RetryBaseMs, 1);
        WorkspaceSettings(ws.db()).setValue(WorkspaceSettings::Key::MaxAttempts, 3);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const QString address = QStringLiteral("tempfail@example.net");
        const qint64 id = queue(ws, addContact(ws, address, QStringLiteral("T")), address);
        OutboxSender sender(ws.db(), m_clock);
        for (int i = 0; i < 3; ++i) {
            sendAll(ws, &sender);
            QThread::msleep(20);
        }
        QCOMPARE(state(ws, id), QStringLiteral("failed"));
        QVERIFY(error(ws, id).contains(QStringLiteral("3 attempts")));
    }

    void untrustedCertificateIsRefused()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("tls"), QStringLiteral("tls"), m_smtp.password, false);
        const QString address = QStringLiteral("cert@example.net");
        const qint64 id = queue(ws, addContact(ws, address, QStringLiteral("C")), address);
        SendStats stats = sendAll(ws);
        QCOMPARE(stats.sent, 0);
        QVERIFY2(stats.accountErrors.join(QString()).contains(QStringLiteral("not trusted")),
                 qPrintable(stats.accountErrors.join(QString())));
        QCOMPARE(state(ws, id), QStringLiteral("queued"));

        // The user trusts the server's certificate: implicit TLS then works.
        ChannelAccounts accounts(ws.db());
        ChannelAccount a = *accounts.find(QStringLiteral("tls"));
        a.config.insert(QStringLiteral("caFile"), m_smtp.certificate());
        QVERIFY(accounts.save(a));
        QVERIFY(
            QSqlQuery(ws.db().connection()).exec(QStringLiteral("UPDATE outbox SET due_at = 0")));
        stats = sendAll(ws);
        QCOMPARE(stats.sent, 1);
        QCOMPARE(state(ws, id), QStringLiteral("sent"));
    }

    void loginAndXoauth2()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("login"), QStringLiteral("starttls"), m_smtp.password, true,
                    QStringLiteral("login"));
        const QString address = QStringLiteral("mech@example.net");
        const qint64 contact = addContact(ws, address, QStringLiteral("M"));
        const qint64 a = queue(ws, contact, address);
        QCOMPARE(sendAll(ws).sent, 1);
        ChannelAccounts accounts(ws.db());
        ChannelAccount login = *accounts.find(QStringLiteral("login"));
        login.enabled = false;
        QVERIFY(accounts.save(login));
        smtpAccount(ws, QStringLiteral("oauth"), QStringLiteral("starttls"), m_smtp.password, true,
                    QStringLiteral("xoauth2"));
        const qint64 b = queue(ws, contact, address);
        QCOMPARE(sendAll(ws).sent, 1);
        QHash<QString, QString> mechanism;
        for (const QJsonObject &m : m_smtp.messages())
            mechanism.insert(m.value(QStringLiteral("masir_id")).toString(),
                             m.value(QStringLiteral("auth_mech")).toString());
        QCOMPARE(mechanism.value(QString::number(a)), QStringLiteral("LOGIN"));
        QCOMPARE(mechanism.value(QString::number(b)), QStringLiteral("XOAUTH2"));
    }

    void unsubscribeCancelsPendingWithinOneTick()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const QString address = QStringLiteral("leaving@example.net");
        const qint64 contact = addContact(ws, address, QStringLiteral("L"));
        const qint64 now = queue(ws, contact, address);
        const qint64 later = queue(ws, contact, address);
        const auto receipt = Outbox(ws.db()).enqueue(QStringLiteral("email"), contact, address,
                                                     QStringLiteral("welcome"), false);
        QVERIFY(
            QSqlQuery(ws.db().connection())
                .exec(QStringLiteral("UPDATE outbox SET due_at = due_at + 86400000 WHERE id = ") +
                      QString::number(later)));
        const QString token = UnsubscribeTokens(ws.db()).token(contact);
        QVERIFY(
            !UnsubscribeTokens(ws.db()).unsubscribe(token + QLatin1Char('x'), QStringLiteral("t")));
        UnsubscribeTokens tokens(ws.db());
        QVERIFY2(tokens.unsubscribe(token, QStringLiteral("link")),
                 qPrintable(tokens.errorString()));
        const SendStats stats = sendAll(ws);
        QCOMPARE(state(ws, now), QStringLiteral("suppressed"));
        QCOMPARE(state(ws, later), QStringLiteral("suppressed"));
        // A receipt still goes: unsubscribing stops marketing only.
        QCOMPARE(state(ws, *receipt), QStringLiteral("sent"));
        QCOMPARE(stats.sent, 1);
        QCOMPARE(
            text(ws, QStringLiteral("SELECT email_consent FROM contacts WHERE id = ?"), {contact}),
            QStringLiteral("withdrawn"));
    }

    void interruptedRowsWaitForAPerson()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const QString address = QStringLiteral("crash@example.net");
        const qint64 id = queue(ws, addContact(ws, address, QStringLiteral("C")), address);
        // A sender died after claiming it.
        QVERIFY(QSqlQuery(ws.db().connection())
                    .exec(QStringLiteral("UPDATE outbox SET state = 'sending', attempts = 1")));
        SendStats stats = sendAll(ws);
        QCOMPARE(stats.interrupted, 1);
        QCOMPARE(stats.sent, 0);
        QCOMPARE(state(ws, id), QStringLiteral("interrupted"));
        QVERIFY(error(ws, id).contains(QStringLiteral("may or may not")));
        QCOMPARE(Outbox(ws.db()).countsByState().value(QStringLiteral("interrupted")), 1);
        // Never resent on its own...
        QCOMPARE(sendAll(ws).sent, 0);
        // ...only when a person says so.
        QCOMPARE(Outbox(ws.db()).retry({id}), 1);
        QCOMPARE(sendAll(ws).sent, 1);
        QCOMPARE(state(ws, id), QStringLiteral("sent"));
    }

    void brokenTemplateFailsWithPosition()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        MessageTemplate t;
        t.name = QStringLiteral("broken");
        t.subject = QStringLiteral("Hi");
        t.body = QStringLiteral("Hello\n{{frist_name}}");
        QVERIFY(TemplateRepository(ws.db()).save(t));
        const QString address = QStringLiteral("tmpl@example.net");
        const qint64 id = queue(ws, addContact(ws, address, QStringLiteral("T")), address,
                                QStringLiteral("broken"));
        const qint64 before = m_smtp.messages().size();
        sendAll(ws);
        QCOMPARE(state(ws, id), QStringLiteral("failed"));
        QVERIFY2(error(ws, id).contains(QStringLiteral("2:3: unknown merge tag {{frist_name}}")),
                 qPrintable(error(ws, id)));
        QCOMPARE(m_smtp.messages().size(), before);
    }

    void smsThroughTwilioAndKavenegar()
    {
        TestWorkspace ws;
        prepare(ws);
        const qint64 contact = addContact(ws, QStringLiteral("sms@example.net"),
                                          QStringLiteral("مریم"), QStringLiteral("+989121234567"));
        SecretStore secrets(WorkspaceSettings(ws.db()).token(WorkspaceSettings::Key::WorkspaceId));
        ChannelAccounts accounts(ws.db());

        ChannelAccount twilio = twilioAccount(ws);
        QVERIFY(twilio.id > 0);
        const qint64 viaTwilio = queue(ws, contact, QStringLiteral("+989121234567"),
                                       QStringLiteral("sms"), QStringLiteral("sms"));
        QCOMPARE(sendAll(ws).sent, 1);
        QCOMPARE(state(ws, viaTwilio), QStringLiteral("sent"));
        QVERIFY(text(ws, QStringLiteral("SELECT provider_id FROM outbox WHERE id = ?"), {viaTwilio})
                    .startsWith(QStringLiteral("SM")));
        QJsonObject request = m_http.requests().last();
        QCOMPARE(request.value(QStringLiteral("path")).toString(),
                 QStringLiteral("/2010-04-01/Accounts/AC0001/Messages.json"));
        QJsonObject form = request.value(QStringLiteral("form")).toObject();
        QCOMPARE(form.value(QStringLiteral("To")).toArray().first().toString(),
                 QStringLiteral("+989121234567"));
        QCOMPARE(form.value(QStringLiteral("Body")).toArray().first().toString(),
                 QStringLiteral("مریم عزیز، سفارش شما آماده است."));

        twilio.enabled = false;
        QVERIFY(accounts.save(twilio));
        ChannelAccount kavenegar;
        kavenegar.name = QStringLiteral("kavenegar");
        kavenegar.kind = QStringLiteral("sms");
        kavenegar.config = ChannelAccounts::smsPreset(QStringLiteral("kavenegar"), m_http.base());
        kavenegar.config.insert(QStringLiteral("sender"), QStringLiteral("10004346"));
        QVERIFY(accounts.save(kavenegar));
        QVERIFY(secrets.write(kavenegar.name, QStringLiteral("wrong-key")));
        const qint64 viaKavenegar = queue(ws, contact, QStringLiteral("+989121234567"),
                                          QStringLiteral("sms"), QStringLiteral("sms"));
        SendStats stats = sendAll(ws);
        QCOMPARE(stats.sent, 0);
        QVERIFY2(stats.accountErrors.join(QString()).contains(QStringLiteral("403")),
                 qPrintable(stats.accountErrors.join(QString())));
        QCOMPARE(state(ws, viaKavenegar), QStringLiteral("queued"));

        QVERIFY(secrets.write(kavenegar.name, QStringLiteral("kvkey")));
        QVERIFY(
            QSqlQuery(ws.db().connection()).exec(QStringLiteral("UPDATE outbox SET due_at = 0")));
        stats = sendAll(ws);
        QCOMPARE(stats.sent, 1);
        QCOMPARE(state(ws, viaKavenegar), QStringLiteral("sent"));
        bool ok = false;
        text(ws, QStringLiteral("SELECT provider_id FROM outbox WHERE id = ?"), {viaKavenegar})
            .toLongLong(&ok);
        QVERIFY(ok);
        request = m_http.requests().last();
        QCOMPARE(request.value(QStringLiteral("path")).toString(),
                 QStringLiteral("/v1/kvkey/sms/send.json"));
        form = request.value(QStringLiteral("form")).toObject();
        // Iranian gateways want the national form.
        QCOMPARE(form.value(QStringLiteral("receptor")).toArray().first().toString(),
                 QStringLiteral("09121234567"));
        QCOMPARE(form.value(QStringLiteral("sender")).toArray().first().toString(),
                 QStringLiteral("10004346"));
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ? AND "
                                       "type = 'sms_sent'"),
                        {contact}),
                 2);
    }

    void smsTextNeverTakesTheSecretAndSlowGatewaysAreAmbiguous()
    {
        TestWorkspace ws;
        prepare(ws);
        // A contact who calls herself "{secret}" gets her name, not the API key.
        const qint64 contact =
            addContact(ws, QStringLiteral("curious@example.net"), QStringLiteral("{secret}"),
                       QStringLiteral("+989121112233"));
        SecretStore secrets(WorkspaceSettings(ws.db()).token(WorkspaceSettings::Key::WorkspaceId));
        ChannelAccounts accounts(ws.db());
        ChannelAccount twilio = twilioAccount(ws);
        QVERIFY(twilio.id > 0);
        const qint64 id = queue(ws, contact, QStringLiteral("+989121112233"), QStringLiteral("sms"),
                                QStringLiteral("sms"));
        QCOMPARE(sendAll(ws).sent, 1);
        const QString body = m_http.requests()
                                 .last()
                                 .value(QStringLiteral("form"))
                                 .toObject()
                                 .value(QStringLiteral("Body"))
                                 .toArray()
                                 .first()
                                 .toString();
        QVERIFY2(body.startsWith(QStringLiteral("{secret} ")), qPrintable(body));
        QVERIFY(!body.contains(QStringLiteral("twtoken")));
        QCOMPARE(state(ws, id), QStringLiteral("sent"));

        // A gateway that takes the request and never answers: it may have sent the
        // SMS, so the message is interrupted, not retried.
        twilio.enabled = false;
        QVERIFY(accounts.save(twilio));
        ChannelAccount slow;
        slow.name = QStringLiteral("slow");
        slow.kind = QStringLiteral("sms");
        slow.config = ChannelAccounts::smsPreset(QStringLiteral("custom"));
        slow.config.insert(QStringLiteral("url"),
                           QString(m_http.base() + QStringLiteral("/slow/send")));
        slow.config.insert(QStringLiteral("sender"), QStringLiteral("1000"));
        slow.config.insert(QStringLiteral("timeoutMs"), 800);
        QVERIFY2(accounts.save(slow), qPrintable(accounts.errorString()));
        QVERIFY(secrets.write(slow.name, QStringLiteral("k")));
        const qint64 ambiguous = queue(ws, contact, QStringLiteral("+989121112233"),
                                       QStringLiteral("sms"), QStringLiteral("sms"));
        const SendStats stats = sendAll(ws);
        QCOMPARE(stats.interrupted, 1);
        QCOMPARE(state(ws, ambiguous), QStringLiteral("interrupted"));
        QVERIFY2(error(ws, ambiguous).contains(QStringLiteral("may have been delivered")),
                 qPrintable(error(ws, ambiguous)));
    }

    void policyRefusalIsNotABounce()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        const QString address = QStringLiteral("policy-block@example.net");
        const qint64 contact = addContact(ws, address, QStringLiteral("P"));
        const qint64 id = queue(ws, contact, address);
        const SendStats stats = sendAll(ws);
        QCOMPARE(stats.failed, 1);
        QCOMPARE(stats.bounced, 0);
        QCOMPARE(state(ws, id), QStringLiteral("failed"));
        QVERIFY(error(ws, id).contains(QStringLiteral("5.7.1")));
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM suppressions")), 0);
        QCOMPARE(text(ws, QStringLiteral("SELECT status FROM contacts WHERE id = ?"), {contact}),
                 QStringLiteral("active"));
    }

    void webhooksAreSignedAndPrivateAddressesRefused()
    {
        TestWorkspace ws;
        prepare(ws);
        const qint64 contact =
            addContact(ws, QStringLiteral("hook@example.net"), QStringLiteral("H"));
        auto webhook = [&](const QString &key, bool allowPrivate) {
            const qint64 now = m_clock.nowMs();
            QSqlQuery q(ws.db().connection());
            QString e;
            QJsonObject body;
            body.insert(QStringLiteral("contact"), double(contact));
            QJsonObject payload;
            const QString url = m_http.base() + QStringLiteral("/status/200");
            payload.insert(QStringLiteral("url"), url);
            payload.insert(QStringLiteral("allowPrivate"), allowPrivate);
            payload.insert(QStringLiteral("body"), body);
            Sql::exec(lcSend(), q,
                      QStringLiteral("INSERT INTO outbox (idempotency_key, channel, contact_id, "
                                     "payload, marketing, due_at, created_at, updated_at, "
                                     "recipient) VALUES (?, 'webhook', ?, ?, 0, ?, ?, ?, ?)"),
                      {key, QVariant(contact),
                       QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                       now, now, now, url},
                      &e);
            return q.lastInsertId().toLongLong();
        };
        const qint64 refused = webhook(QStringLiteral("w1"), false);
        const qint64 before = m_http.requests().size();
        sendAll(ws);
        QCOMPARE(state(ws, refused), QStringLiteral("failed"));
        QVERIFY2(error(ws, refused).contains(QStringLiteral("127.0.0.1")),
                 qPrintable(error(ws, refused)));
        QCOMPARE(m_http.requests().size(), before); // refused before connecting

        const qint64 allowed = webhook(QStringLiteral("w2"), true);
        sendAll(ws);
        QCOMPARE(state(ws, allowed), QStringLiteral("sent"));
        const QJsonObject request = m_http.requests().last();
        const QJsonObject headers = request.value(QStringLiteral("headers")).toObject();
        const QByteArray timestamp =
            headers.value(QStringLiteral("X-Masir-Timestamp")).toString().toLatin1();
        const QByteArray body = request.value(QStringLiteral("body")).toString().toUtf8();
        const QByteArray expected =
            "sha256=" +
            QMessageAuthenticationCode::hash(
                timestamp + '.' + body,
                WorkspaceSettings(ws.db()).token(WorkspaceSettings::Key::TokenSecret).toUtf8(),
                QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(headers.value(QStringLiteral("X-Masir-Signature")).toString().toLatin1(),
                 expected);
    }

    void aTestSendIsGivenUpWhenItsPageCloses()
    {
        // "Send test" waits on the network off the UI thread; a page that closes
        // sets the flag and must not wait for the server (here: 5 s, then 200).
        TestWorkspace ws;
        prepare(ws);
        std::atomic<bool> stop{false};
        DeliveryResult result;
        std::thread call([&] {
            result = TestSend::webhook(ws.db(), m_http.base() + QStringLiteral("/slow/hook"), true,
                                       &stop);
        });
        const auto joined = qScopeGuard([&] {
            stop = true;
            if (call.joinable())
                call.join();
        });
        const auto arrived = [this] {
            const QList<QJsonObject> requests = m_http.requests();
            return std::any_of(requests.cbegin(), requests.cend(), [](const QJsonObject &r) {
                return r.value(QStringLiteral("path")).toString() == QLatin1String("/slow/hook");
            });
        };
        QTRY_VERIFY(arrived()); // the server has the request and sleeps on it
        stop = true;
        call.join();
        QCOMPARE(int(result.outcome), int(DeliveryResult::Outcome::Ambiguous));
        QVERIFY2(result.reply.contains(QStringLiteral("Stopped")), qPrintable(result.reply));
    }

    void quietHoursAndDailyCapHoldMarketingBack()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        Contact c;
        c.email = QStringLiteral("night@example.net");
        c.firstName = QStringLiteral("N");
        c.timezone = QStringLiteral("Asia/Tehran");
        QVERIFY(ContactRepository(ws.db()).create(c));
        // Quiet hours around "now" in Tehran.
        const QDateTime tehran =
            QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tehran")));
        WorkspaceSettings settings(ws.db());
        settings.setValue(WorkspaceSettings::Key::QuietFrom,
                          tehran.addSecs(-3600).time().toString(QStringLiteral("HH:mm")));
        settings.setValue(WorkspaceSettings::Key::QuietTo,
                          tehran.addSecs(3600).time().toString(QStringLiteral("HH:mm")));
        const qint64 marketing = queue(ws, c.id, c.email);
        const auto receipt = Outbox(ws.db()).enqueue(QStringLiteral("email"), c.id, c.email,
                                                     QStringLiteral("welcome"), false);
        SendStats stats = sendAll(ws);
        QCOMPARE(stats.deferred, 1);
        QCOMPARE(state(ws, *receipt), QStringLiteral("sent")); // receipts ignore quiet hours
        QCOMPARE(state(ws, marketing), QStringLiteral("queued"));
        QVERIFY(error(ws, marketing).contains(QStringLiteral("quiet hours")));
        const qint64 due =
            scalar(ws, QStringLiteral("SELECT due_at FROM outbox WHERE id = ?"), {marketing});
        QVERIFY(due > m_clock.nowMs() + 50 * 60 * 1000 && due <= m_clock.nowMs() + 3600 * 1000);

        // No quiet hours, at most one marketing email a day.
        settings.setValue(WorkspaceSettings::Key::QuietFrom, QString());
        settings.setValue(WorkspaceSettings::Key::EmailsPerDay, 1);
        QVERIFY(QSqlQuery(ws.db().connection())
                    .exec(QStringLiteral("UPDATE outbox SET due_at = 0 WHERE state = 'queued'")));
        const qint64 second = queue(ws, c.id, c.email);
        stats = sendAll(ws);
        QCOMPARE(stats.sent, 1);
        QCOMPARE(stats.deferred, 1);
        QCOMPARE(state(ws, marketing), QStringLiteral("sent"));
        QCOMPARE(state(ws, second), QStringLiteral("queued"));
        QVERIFY(error(ws, second).contains(QStringLiteral("a day")));
        QVERIFY(scalar(ws, QStringLiteral("SELECT due_at FROM outbox WHERE id = ?"), {second}) >
                m_clock.nowMs() + 23 * 3600 * 1000);
    }

    void accountsTakeTurns()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("first"), QStringLiteral("starttls"), m_smtp.password);
        smtpAccount(ws, QStringLiteral("second"), QStringLiteral("tls"), m_smtp.password);
        for (int i = 0; i < 8; ++i) {
            const QString email = QStringLiteral("turns%1@example.net").arg(i);
            queue(ws, addContact(ws, email, QStringLiteral("T%1").arg(i)), email);
        }
        QCOMPARE(sendAll(ws).sent, 8);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(DISTINCT account_id) FROM outbox")), 2);
        QVERIFY(scalar(ws, QStringLiteral("SELECT min(n) FROM (SELECT count(*) AS n FROM outbox "
                                          "GROUP BY account_id)")) >= 3);
    }

    void attachmentsAndNamesSurviveAnotherParser()
    {
        OutgoingEmail e;
        e.from = Mailbox::parse(QStringLiteral("فروشگاه نان <news@shop.test>"));
        e.to = {QStringLiteral("Łucja Kowalska"), QStringLiteral("lucja@example.pl")};
        e.subject = QStringLiteral("Faktura nr 12 — فاکتور شماره ۱۲");
        e.text = QStringLiteral("Dzień dobry,\nw załączniku faktura.\n");
        e.html = QStringLiteral("<p>Dzień dobry</p>");
        e.attachments << Attachment{QStringLiteral("فاکتور ۱۲.pdf"),
                                    QStringLiteral("application/pdf"),
                                    QByteArray("%PDF-1.4 sample\n", 16).repeated(100)};
        const QByteArray raw = MimeMessage::compose(e);
        // A name cannot add a header; a Persian domain goes as punycode.
        OutgoingEmail evil = e;
        evil.to = {QStringLiteral("x\r\nBcc: victim@example.com"), QStringLiteral("ali@ایران.ir")};
        const QByteArray evilRaw = MimeMessage::compose(evil);
        QVERIFY(!evilRaw.contains("\r\nBcc:"));
        QVERIFY(evilRaw.contains("<ali@xn--mgba3a4f16a.ir>"));
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("m.eml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(raw);
        f.close();
        QProcess p;
        p.start(systemPython(), {supportScript("parse_mime.py"), f.fileName()});
        QVERIFY(p.waitForFinished(30000));
        const QJsonObject mail = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(mail.value(QStringLiteral("subject")).toString(), e.subject);
        QCOMPARE(mail.value(QStringLiteral("to")).toString(),
                 QStringLiteral("Łucja Kowalska <lucja@example.pl>"));
        QCOMPARE(mail.value(QStringLiteral("content_type")).toString(),
                 QStringLiteral("multipart/mixed"));
        QCOMPARE(mail.value(QStringLiteral("defects")).toArray().size(), 0);
        bool found = false;
        for (const QJsonValue &part : mail.value(QStringLiteral("parts")).toArray()) {
            const QJsonObject o = part.toObject();
            if (o.value(QStringLiteral("filename")).toString() == QStringLiteral("فاکتور ۱۲.pdf")) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("size")).toInt(), 1600);
            }
        }
        QVERIFY(found);
        QVERIFY(
            mail.value(QStringLiteral("text")).toString().contains(QStringLiteral("załączniku")));
        // No header line is longer than 78 characters.
        for (const QByteArray &line : raw.left(raw.indexOf("\r\n\r\n")).split('\n'))
            QVERIFY2(line.size() <= 79, line.constData());
    }

    void oneSenderPerWorkspace()
    {
        TestWorkspace ws;
        prepare(ws);
        smtpAccount(ws, QStringLiteral("main"), QStringLiteral("starttls"), m_smtp.password);
        OutboxSender first(ws.db(), m_clock);
        QVERIFY(first.run(100));
        OutboxSender second(ws.db(), m_clock);
        const auto stats = second.run(100);
        QVERIFY(stats);
        QVERIFY(stats->otherSender);
    }

    // Each worker's heartbeat says what it does (the sender, a standby, one
    // that does not send here), and a worker that stops takes its row with it.
    void workersSayWhatTheyDo()
    {
        TestWorkspace ws;
        prepare(ws);
        QString error;
        const auto states = [&] {
            const auto workers = WorkerHeartbeat::list(ws.db(), &error);
            QStringList out{QStringLiteral("unreadable")};
            if (workers) {
                out.clear();
                for (const WorkerBeat &w : *workers)
                    out << w.state;
            }
            out.sort();
            return out;
        };
        {
            WorkerCycle sending(ws.db(), m_clock);
            QVERIFY(sending.send(50));
            WorkerCycle standing(ws.db(), m_clock);
            const auto stats = standing.send(50);
            QVERIFY(stats && stats->otherSender);
            WorkerCycle away(ws.db(), m_clock);
            away.setSending(false);
            const auto notHere = away.send(50);
            QVERIFY(notHere && notHere->notHere);
            QTRY_COMPARE(states(), (QStringList{QStringLiteral("off"), QStringLiteral("sending"),
                                                QStringLiteral("standby")}));
            const auto workers = WorkerHeartbeat::list(ws.db(), &error);
            QVERIFY2(workers, qPrintable(error));
            for (const WorkerBeat &w : *workers) {
                QCOMPARE(w.pid, QCoreApplication::applicationPid());
                QVERIFY2(w.silentMs >= 0 && w.silentMs < 60000,
                         qPrintable(QString::number(w.silentMs)));
            }
        }
        QCOMPARE(states(), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_Sending)
#include "tst_Sending.moc"
