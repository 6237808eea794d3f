// Tracking without a network: tokens and keys, link rewriting, the rules that
// tell people from machines, hits turned into events, live scoring, and the
// one way in for events (EventIntake, EventImport).
#include "TestWorkspace.h"

#include "contacts/ContactRepository.h"
#include "intake/EventImport.h"
#include "intake/EventIntake.h"
#include "intake/HitApplier.h"
#include "messaging/Outbox.h"
#include "scoring/LeadScoring.h"
#include "settings/WorkspaceSettings.h"
#include "storage/SqlDialect.h"
#include "tracking/LinkTracker.h"
#include "tracking/MachineRules.h"
#include "tracking/TrackingHit.h"
#include "tracking/TrackingKeys.h"
#include "tracking/TrackingRequest.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrlQuery>

using namespace masir;

class tst_Tracking : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
    qint64 addContact(const QString &email)
    {
        Contact c;
        c.email = email;
        c.firstName = email.section(QLatin1Char('@'), 0, 0);
        c.owner = QStringLiteral("sara");
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        return c.id;
    }
    /// A marketing email to \a contact, as the sender leaves it: sent at \a sentAt.
    qint64 sentMessage(qint64 contact, qint64 sentAt, int links = 2)
    {
        OutboxEntry e;
        e.idempotencyKey = QStringLiteral("t:%1:%2").arg(contact).arg(sentAt);
        e.channel = QStringLiteral("email");
        e.contactId = contact;
        e.recipient = QStringLiteral("x@example.com");
        e.templateName = QStringLiteral("news");
        e.marketing = true;
        e.dueAtMs = e.createdAtMs = sentAt;
        const qint64 id = Outbox(m_ws->db()).add(e).value_or(0);
        QJsonArray list;
        for (int i = 0; i < links; ++i)
            list.append(QJsonObject{{QStringLiteral("index"), i}});
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ?, tracked = ? "
                                 "WHERE id = ?"));
        q.addBindValue(sentAt);
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("links"), list}}).toJson()));
        q.addBindValue(id);
        if (!q.exec())
            qWarning() << "cannot mark sent";
        return id;
    }
    TrackingHit hit(qint64 outbox, const QString &kind, qint64 at, int link = -1,
                    const QString &agent = QStringLiteral("Mozilla/5.0 (X11; Linux) Firefox/128"))
    {
        static qint64 id = 0;
        TrackingHit h;
        h.source = QStringLiteral("test");
        h.sourceId = ++id;
        h.kind = kind;
        h.outboxId = outbox;
        h.link = link;
        h.target = link >= 0 ? QStringLiteral("https://shop.test/p/%1").arg(link) : QString();
        h.atMs = at;
        h.ip = QStringLiteral("198.51.100.7");
        h.userAgent = agent;
        return h;
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
    }
    void cleanup() { m_ws.reset(); }

    void tokensVerifyAndRefuse()
    {
        const QByteArray secret = QByteArray(32, 'k');
        TrackingToken t;
        t.kind = TrackingToken::Kind::Click;
        t.kid = QStringLiteral("k1");
        t.outboxId = 42;
        t.link = 3;
        t.target = QStringLiteral("https://shop.test/کفش?size=42");
        const QString text = t.encode(secret);
        QVERIFY(!text.contains(QLatin1Char('/')) && !text.contains(QLatin1Char('+')));
        QVERIFY(!text.contains(QLatin1String("shop.test"))); // not readable without decoding
        const auto parts = TrackingToken::split(text);
        QVERIFY(parts);
        const auto back = TrackingToken::verify(*parts, secret);
        QVERIFY(back);
        QCOMPARE(back->outboxId, 42);
        QCOMPARE(back->link, 3);
        QCOMPARE(back->target, t.target);
        // a wrong secret, a flipped character anywhere, a truncated token: refused
        QVERIFY(!TrackingToken::verify(*parts, QByteArray(32, 'x')));
        for (int i = 0; i < text.size(); i += 3) {
            QString bad = text;
            bad[i] = bad[i] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
            const auto p = TrackingToken::split(bad);
            QVERIFY2(!p || !TrackingToken::verify(*p, secret), qPrintable(bad));
        }
        QVERIFY(!TrackingToken::split(text.left(text.size() - 4)) ||
                !TrackingToken::verify(*TrackingToken::split(text.left(text.size() - 4)), secret));
        QVERIFY(!TrackingToken::split(QString(5000, QLatin1Char('a'))));
        QVERIFY(!TrackingToken::split(QStringLiteral("../../etc/passwd")));
        // a changed target cannot be signed without the secret: the target is covered
        TrackingToken other = t;
        other.target = QStringLiteral("https://evil.test/");
        QVERIFY(other.encode(secret) != text);
        // the subject of a page token is a pseudonym, never the address or the id
        const QByteArray subject = TrackingToken::subjectOf(7, secret);
        QVERIFY(subject.size() >= 12);
        QVERIFY(subject != TrackingToken::subjectOf(8, secret));
        QCOMPARE(subject, TrackingToken::subjectOf(7, secret));
    }

    void rotatedKeysKeepWorkingForTheGracePeriod()
    {
        TrackingKeys keys(m_ws->db());
        const auto first = keys.current();
        QVERIFY2(first, qPrintable(keys.errorString()));
        TrackingToken t;
        t.kid = first->kid;
        t.outboxId = 9;
        const QString oldLink = t.encode(first->secret);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(keys.ring(now).verify(oldLink, now));
        const auto second = keys.rotate(now);
        QVERIFY(second && second->kid != first->kid);
        QCOMPARE(keys.current()->kid, second->kid);
        // within the grace period (180 days by default) the old link works
        const qint64 day = 24 * 3600 * 1000LL;
        QVERIFY(keys.ring(now + 179 * day).verify(oldLink, now + 179 * day));
        // after it, it does not; the new key's links still do
        QVERIFY(!keys.ring(now + 181 * day).verify(oldLink, now + 181 * day));
        t.kid = second->kid;
        QVERIFY(keys.ring(now + 181 * day).verify(t.encode(second->secret), now + 181 * day));
        // an unknown key id is refused like a bad MAC
        t.kid = QStringLiteral("nokey");
        QVERIFY(!keys.ring(now).verify(t.encode(second->secret), now));
        // the ring travels to a collector and back
        const KeyRing copy = KeyRing::fromJson(keys.ring(now).toJson());
        QVERIFY(copy.verify(oldLink, now));
    }

    void linksAreRewrittenExceptWhatMustStay()
    {
        TrackingPlan plan;
        plan.baseUrl = QStringLiteral("https://t.shop.test");
        plan.key = TrackingKey{QStringLiteral("k1"), QByteArray(32, 's'), 0, 0, 0};
        plan.outboxId = 5;
        plan.unsubscribeUrl = QStringLiteral("https://t.shop.test/u/abc");
        plan.utm.medium = QStringLiteral("email");
        plan.utm.campaign = QStringLiteral("Welcome");
        plan.utm.content = QStringLiteral("n2");
        const QString html =
            QStringLiteral("<html><body><a href=\"https://shop.test/a?utm_source=news\">A</a>"
                           "<a href='https://shop.test/b'>B</a>"
                           "<a href=\"mailto:hi@shop.test\">mail</a><a href=\"tel:+98912\">call</a>"
                           "<a href=\"https://t.shop.test/u/abc\">unsubscribe</a>"
                           "<a data-notrack href=\"https://shop.test/private\">p</a>"
                           "<a href=\"https://shop.test/c#notrack\">c</a></body></html>");
        const QString text =
            QStringLiteral("See https://shop.test/b and https://t.shop.test/u/abc");
        const TrackedMessage m = LinkTracker::apply(plan, html, text);
        QCOMPARE(m.links.size(), 2);
        QVERIFY(m.html.contains(QLatin1String("mailto:hi@shop.test")));
        QVERIFY(m.html.contains(QLatin1String("tel:+98912")));
        QVERIFY(m.html.contains(QLatin1String("href=\"https://t.shop.test/u/abc\"")));
        QVERIFY(m.html.contains(QLatin1String("https://shop.test/private")));
        QVERIFY(m.html.contains(QLatin1String("\"https://shop.test/c\"")));
        QVERIFY(!m.html.contains(QLatin1String("#notrack")));
        QVERIFY(!m.html.contains(QLatin1String("href=\"https://shop.test/a")));
        // the pixel is last in the body
        QVERIFY(m.html.indexOf(m.pixelUrl.toHtmlEscaped()) <
                m.html.indexOf(QLatin1String("</body>")));
        QVERIFY(m.pixelUrl.startsWith(QLatin1String("https://t.shop.test/o/")));
        // UTM added without repeating the link's own utm_source
        const QUrlQuery a(QUrl(m.links.at(0).target));
        QCOMPARE(a.allQueryItemValues(QStringLiteral("utm_source")),
                 QStringList{QStringLiteral("news")});
        QCOMPARE(a.queryItemValue(QStringLiteral("utm_campaign")), QStringLiteral("Welcome"));
        QCOMPARE(a.queryItemValue(QStringLiteral("utm_content")), QStringLiteral("n2"));
        QCOMPARE(QUrlQuery(QUrl(m.links.at(1).target)).queryItemValue(QStringLiteral("utm_medium")),
                 QStringLiteral("email"));
        // the plain-text part: the same link, tracked; the unsubscribe link left alone
        QVERIFY(m.text.contains(m.links.at(1).url));
        QVERIFY(m.text.contains(QLatin1String("https://t.shop.test/u/abc")));
        // each tracked address verifies and names its target
        const KeyRing ring({plan.key});
        for (const TrackedLink &l : m.links) {
            const QString token = l.url.section(QLatin1Char('/'), -1);
            const auto t = ring.verify(token, 1);
            QVERIFY(t);
            QCOMPARE(t->target, l.target);
            QCOMPARE(t->outboxId, 5);
        }
    }

    void machineRules_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<bool>("click");
        QTest::addColumn<qint64>("afterDelivery");
        QTest::addColumn<int>("linksInSecond");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("kind");
        const QString firefox = QStringLiteral("Mozilla/5.0 (Windows NT 10.0) Firefox/128.0");
        const int human = int(HitVerdict::Kind::Human), machine = int(HitVerdict::Kind::Machine),
                  proxied = int(HitVerdict::Kind::Proxied);
        QTest::newRow("person opens")
            << "GET" << firefox << "198.51.100.1" << false << 60000LL << 0 << "" << human;
        QTest::newRow("person clicks")
            << "GET" << firefox << "198.51.100.1" << true << 60000LL << 1 << "" << human;
        QTest::newRow("head") << "HEAD" << firefox << "198.51.100.1" << true << 60000LL << 1
                              << "head" << machine;
        QTest::newRow("no-agent") << "GET"
                                  << ""
                                  << "198.51.100.1" << false << 60000LL << 0 << "no-agent"
                                  << machine;
        QTest::newRow("scanner-agent")
            << "GET"
            << "Mozilla/5.0 Barracuda Sentinel"
            << "198.51.100.1" << true << 60000LL << 1 << "scanner-agent" << machine;
        QTest::newRow("scanner-range") << "GET" << firefox << "40.107.3.4" << true << 60000LL << 1
                                       << "scanner-range" << machine;
        QTest::newRow("apple-privacy")
            << "GET"
            << "Mozilla/5.0"
            << "17.58.1.1" << false << 500LL << 0 << "apple-privacy" << machine;
        QTest::newRow("image-proxy")
            << "GET"
            << "Mozilla/5.0 (via ggpht.com GoogleImageProxy)"
            << "66.249.1.1" << false << 60000LL << 0 << "image-proxy" << proxied;
        QTest::newRow("too-soon") << "GET" << firefox << "198.51.100.1" << true << 3000LL << 1
                                  << "too-soon" << machine;
        QTest::newRow("every-link") << "GET" << firefox << "198.51.100.1" << true << 60000LL << 3
                                    << "every-link" << machine;
    }
    void machineRules()
    {
        QFETCH(QString, method);
        QFETCH(QString, agent);
        QFETCH(QString, ip);
        QFETCH(bool, click);
        QFETCH(qint64, afterDelivery);
        QFETCH(int, linksInSecond);
        QFETCH(QString, rule);
        QFETCH(int, kind);
        HitFacts f;
        f.method = method;
        f.userAgent = agent;
        f.ip = ip;
        f.click = click;
        f.deliveredAtMs = 1000000;
        f.atMs = f.deliveredAtMs + afterDelivery;
        f.linksInMessage = 3;
        f.linksClickedInSecond = linksInSecond;
        const HitVerdict v = MachineRules::judge(f);
        QCOMPARE(v.rule, rule);
        QCOMPARE(int(v.kind), kind);
    }

    void clientAddressTrustsOnlyTrustedProxies()
    {
        QList<QPair<QHostAddress, int>> trusted;
        QString bad;
        QVERIFY(parseSubnets(QStringLiteral("10.0.0.0/8,127.0.0.1"), &trusted, &bad));
        QVERIFY(!parseSubnets(QStringLiteral("10.0.0.0/8,nonsense"), &trusted, &bad));
        QCOMPARE(bad, QStringLiteral("nonsense"));
        trusted.clear();
        parseSubnets(QStringLiteral("10.0.0.0/8"), &trusted, &bad);
        QCOMPARE(clientAddress(QHostAddress(QStringLiteral("10.1.2.3")), "203.0.113.9", trusted),
                 QStringLiteral("203.0.113.9"));
        // a client that is not a trusted proxy cannot claim another address
        QCOMPARE(
            clientAddress(QHostAddress(QStringLiteral("198.51.100.2")), "203.0.113.9", trusted),
            QStringLiteral("198.51.100.2"));
        // the proxy's nearest untrusted hop is the client, not what the client wrote first
        QCOMPARE(clientAddress(QHostAddress(QStringLiteral("10.1.2.3")), "1.2.3.4, 203.0.113.9",
                               trusted),
                 QStringLiteral("203.0.113.9"));
    }

    void formBodies()
    {
        const auto urlencoded = parseFormBody("List-Unsubscribe=One-Click&topic=1&topic=%E2%82%AC",
                                              "application/x-www-form-urlencoded");
        QCOMPARE(urlencoded.size(), 3);
        QCOMPARE(urlencoded.at(2).second, QStringLiteral("€"));
        const auto multipart = parseFormBody(
            "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
            "One-Click\r\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--b--",
            "multipart/form-data; boundary=\"b\"");
        QCOMPARE(multipart.size(), 2);
        QCOMPARE(multipart.at(0),
                 qMakePair(QStringLiteral("List-Unsubscribe"), QStringLiteral("One-Click")));
        QVERIFY(parseFormBody("--b\r\nno end", "multipart/form-data; boundary=b").isEmpty());
        QVERIFY(parseFormBody("x", "multipart/form-data").isEmpty());
    }

    void hitsBecomeEventsAndScoresMoveLive()
    {
        const qint64 ali = addContact(QStringLiteral("ali@example.com"));
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600000;
        const qint64 m = sentMessage(ali, t0);
        HitInbox inbox(m_ws->db());
        QVERIFY(inbox.add(
            {hit(m, QStringLiteral("open"), t0 + 60000),
             hit(m, QStringLiteral("open"), t0 + 61000, -1, QStringLiteral("Mozilla/5.0")),
             hit(m, QStringLiteral("click"), t0 + 2000, 0),
             hit(m, QStringLiteral("click"), t0 + 120000, 1)}));
        HitApplier applier(m_ws->db());
        const auto stats = applier.applyWaiting();
        QVERIFY2(stats, qPrintable(applier.errorString()));
        QCOMPARE(stats->hits, 4);
        QCOMPARE(stats->opens, 1);
        QCOMPARE(stats->clicks, 1);
        QCOMPARE(stats->machine, 2); // Apple's fetch and the click 2 s after delivery
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ? AND "
                                       "type = 'email_clicked'"),
                        {ali}),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type LIKE "
                                       "'email_machine_%'")),
                 2);
        // applied exactly once
        QCOMPARE(applier.applyWaiting()->hits, 0);
        // the same hits pulled again are not kept twice
        QVERIFY(inbox.add({}));
        // live scoring: +5 for the open, +10 for the click; machines give nothing
        LeadScoring scoring(m_ws->db());
        QVERIFY(scoring.scoreNewEvents());
        QCOMPARE(
            scalar(QStringLiteral("SELECT score FROM contact_scores WHERE contact_id = ?"), {ali}),
            15);
        // scored once: a second pass adds nothing
        QCOMPARE(*scoring.scoreNewEvents(), 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT score FROM contact_scores WHERE contact_id = ?"), {ali}),
            15);
        // a second human open of the message is no longer its first (the
        // reports' unique opens), the machines' never counted
        QVERIFY(inbox.add({hit(m, QStringLiteral("open"), t0 + 600000)}));
        QCOMPARE(applier.applyWaiting()->opens, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT engaged FROM outbox WHERE id = ?"), {m}), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(events) FROM event_tallies WHERE kind = "
                                       "'email_opened'")),
                 2);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(firsts) FROM event_tallies WHERE kind = "
                                       "'email_opened'")),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(firsts) FROM event_tallies WHERE kind = "
                                       "'email_clicked'")),
                 1);
    }

    void thresholdPromotesOnTheNextPass()
    {
        const qint64 id = addContact(QStringLiteral("dara@example.com"));
        EventIntake intake(m_ws->db().connection());
        LeadScoring scoring(m_ws->db());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 2; ++i)
            QVERIFY(intake.record({id, {}, QStringLiteral("form_submitted"), now + i, {}}));
        QVERIFY(scoring.scoreNewEvents());
        QCOMPARE(
            scalar(QStringLiteral("SELECT score FROM contact_scores WHERE contact_id = ?"), {id}),
            60);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_scores WHERE contact_id = ? "
                                       "AND stage = 'mql'"),
                        {id}),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE contact_id = ?"), {id}),
                 1);
    }

    void intakeRefusesBadEventsAtTheirField()
    {
        addContact(QStringLiteral("ali@example.com"));
        EventIntake intake(m_ws->db().connection());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(!intake.record(
            {0, QStringLiteral("ali@example.com"), QStringLiteral("Bad Type"), now, {}}));
        QCOMPARE(intake.errorField(), QStringLiteral("type"));
        QVERIFY(!intake.record(
            {0, QStringLiteral("nobody@example.com"), QStringLiteral("purchase"), now, {}}));
        QCOMPARE(intake.errorField(), QStringLiteral("email"));
        QVERIFY(!intake.isDatabaseError());
        QJsonObject big{{QStringLiteral("x"), QString(20000, QLatin1Char('a'))}};
        QVERIFY(!intake.record(
            {0, QStringLiteral("ali@example.com"), QStringLiteral("purchase"), now, big}));
        QCOMPARE(intake.errorField(), QStringLiteral("props"));
        QVERIFY(intake.record({0,
                               QStringLiteral("ALI@example.com"),
                               QStringLiteral("purchase"),
                               now,
                               {{QStringLiteral("amount"), 120}}}));
    }

    void eventImportReportsRowsAndSkipsRepeats()
    {
        addContact(QStringLiteral("ali@example.com"));
        addContact(QStringLiteral("sara@example.ir"));
        const QString path = m_ws->filePath(QStringLiteral("orders.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("order_id;email;total;currency;created_at\n"
                "1001;ali@example.com;120.50;EUR;2026-03-20T10:00:00Z\n"
                "1002;sara@example.ir;\xdb\xb2\xdb\xb4\xdb\xb0\xdb\xb0\xdb\xb0\xdb\xb0;IRR;"
                "\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb5/\xdb\xb0\xdb\xb1/\xdb\xb1\xdb\xb5\n"
                "1003;nobody@example.com;10;EUR;2026-03-20\n"
                "1004;ali@example.com;10;EUR;yesterday\n");
        f.close();
        EventImport import(m_ws->db(), QStringLiteral("purchase"));
        auto r = import.run(path);
        QVERIFY2(r, qPrintable(import.errorString()));
        QCOMPARE(r->rows, 4);
        QCOMPARE(r->imported, 2);
        QCOMPARE(r->rejected, 2);
        QCOMPARE(r->issues.at(0).row, 4);
        QCOMPARE(r->issues.at(0).field, QStringLiteral("email"));
        QCOMPARE(r->issues.at(1).row, 5);
        QCOMPARE(r->issues.at(1).field, QStringLiteral("at"));
        const SqlDialect dialect(m_ws->db().connection());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'purchase' AND "
                                       "%1 = 240000")
                            .arg(dialect.jsonNumber(QStringLiteral("payload"),
                                                    QStringLiteral("amount")))),
                 1);
        // the same export again doubles nothing
        r = import.run(path);
        QVERIFY(r);
        QCOMPARE(r->imported, 0);
        QCOMPARE(r->duplicates, 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'purchase'")), 2);
        // no type column and no default: said plainly, nothing imported
        EventImport untyped(m_ws->db());
        QVERIFY(!untyped.run(path));
        QVERIFY(untyped.errorString().contains(QLatin1String("--type")));
    }
};

QTEST_GUILESS_MAIN(tst_Tracking)
#include "tst_Tracking.moc"
