// Campaigns on a real workspace file: the audience's counts and checks, the
// frozen audience and its fan-out into the outbox, pause, resume and cancel,
// the A/B test's decision on fixtures whose answer is known, the report and
// its last-touch revenue, and local-time schedules.

#include "campaigns/AbDecision.h"
#include "campaigns/BestSendTime.h"
#include "campaigns/CampaignActivity.h"
#include "campaigns/CampaignChecks.h"
#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "contacts/ContactRepository.h"
#include "events/EventStore.h"
#include "intake/EventIntake.h"
#include "intake/HitApplier.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "messaging/Outbox.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/SqlExec.h"
#include "tracking/TrackingHit.h"

#include "TestAccounts.h"
#include "TestWorkspace.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace masir;

class tst_Campaigns : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    std::unique_ptr<ManualClock> m_clock;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        QString error;
        if (!Sql::exec(lcCampaigns(), q, sql, binds, &error) || !q.next()) {
            qWarning() << error;
            return -1;
        }
        return q.value(0).toLongLong();
    }

    void exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        QString error;
        QVERIFY2(Sql::exec(lcCampaigns(), q, sql, binds, &error), qPrintable(error));
    }

    qint64 addContact(int n, const QString &city, const QString &zone = {})
    {
        Contact c;
        c.email = QStringLiteral("p%1@shop.test").arg(n);
        c.firstName = QStringLiteral("P%1").arg(n);
        c.city = city;
        c.timezone = zone;
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        return c.id;
    }

    void addTemplate(const QString &name, const QString &subject)
    {
        MessageTemplate t;
        t.name = name;
        t.subject = subject;
        t.body = QStringLiteral("Hello {{first_name}}, this week's offer.");
        TemplateRepository repo(m_ws->db());
        QVERIFY2(repo.save(t), qPrintable(repo.errorString()));
    }

    void addSegment(const QString &name, const QString &city)
    {
        Segment s;
        s.name = name;
        s.rule.root.children << SegmentNode::condition(
            QStringLiteral("field"), QStringLiteral("city"), QStringLiteral("equals"), city);
        SegmentRepository repo(m_ws->db());
        QVERIFY2(repo.save(s), qPrintable(repo.errorString()));
    }

    Campaign campaign(const QString &name, const QStringList &segments)
    {
        Campaign c;
        c.name = name;
        c.templateName = QStringLiteral("offer");
        c.audience.include = segments;
        return c;
    }

    /// Saves, checks and schedules; the runner starts it on its next run.
    qint64 schedule(Campaign c)
    {
        CampaignRepository repo(m_ws->db());
        if (!repo.save(c))
            return -1;
        const QStringList problems = CampaignChecks(m_ws->db(), *m_clock).problems(c);
        if (!problems.isEmpty()) {
            qWarning() << problems;
            return -1;
        }
        return repo.schedule(c.id) ? c.id : -1;
    }

    CampaignRunStats runAll()
    {
        CampaignRunner runner(m_ws->db(), *m_clock);
        CampaignRunStats total;
        for (int i = 0; i < 100; ++i) {
            const auto s = runner.runOnce(60000, 7);
            if (!s) {
                qWarning() << runner.errorString();
                break;
            }
            total.started += s->started;
            total.queued += s->queued;
            total.decided += s->decided;
            total.finished += s->finished;
            total.refused << s->refused;
            if (!s->more)
                break;
        }
        return total;
    }

    /// What a sender would have done: every queued message of the campaign sent.
    void sendAll(qint64 campaignId)
    {
        exec(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ?, claimed_at = ? WHERE "
                            "campaign_id = ? AND state = 'queued'"),
             {m_clock->nowMs(), m_clock->nowMs(), campaignId});
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        WorkspaceSettings settings(m_ws->db());
        settings.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("Valiasr 12"));
        settings.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                          QStringLiteral("https://shop.test/u/{token}"));
        addTemplate(QStringLiteral("offer"), QStringLiteral("This week"));
        addTemplate(QStringLiteral("offer.b"), QStringLiteral("Only this week"));
        ChannelAccount a = test::smtpAccount();
        ChannelAccounts accounts(m_ws->db());
        QVERIFY2(accounts.save(a), qPrintable(accounts.errorString()));
        addSegment(QStringLiteral("Tehran"), QStringLiteral("Tehran"));
        addSegment(QStringLiteral("Shiraz"), QStringLiteral("Shiraz"));
    }

    void checksSayWhatIsWrong()
    {
        CampaignChecks checks(m_ws->db(), *m_clock);
        Campaign c = campaign(QStringLiteral("Nobody"), {QStringLiteral("Tehran")});
        QVERIFY(checks.problems(c).join(QLatin1Char(' ')).contains(QStringLiteral("empty")));
        addContact(1, QStringLiteral("Tehran"));
        QVERIFY(checks.problems(c).isEmpty());
        c.templateName = QStringLiteral("nothing");
        QVERIFY(checks.problems(c).join(QLatin1Char(' ')).contains(QStringLiteral("nothing")));
        c.templateName = QStringLiteral("offer");
        c.audience.include = {QStringLiteral("Mashhad")};
        QVERIFY(checks.problems(c).join(QLatin1Char(' ')).contains(QStringLiteral("Mashhad")));
        c.audience.include = {QStringLiteral("Tehran")};
        c.schedule = Campaign::Schedule::At;
        c.sendAtMs = m_clock->nowMs() - 3600 * 1000;
        QVERIFY(checks.problems(c).join(QLatin1Char(' ')).contains(QStringLiteral("passed")));
        c.schedule = Campaign::Schedule::Now;
        c.account = QStringLiteral("other");
        QVERIFY(checks.problems(c).join(QLatin1Char(' ')).contains(QStringLiteral("other")));
        // Everyone in the audience unsubscribed: nothing to send, and it says why.
        c.account.clear();
        exec(QStringLiteral("UPDATE contacts SET status = 'unsubscribed'"));
        QVERIFY(checks.problems(c).join(QLatin1Char(' ')).contains(QStringLiteral("unsubscribed")));
    }

    void fanOutSendsOnceToWhoMayReceive()
    {
        for (int i = 0; i < 60; ++i)
            addContact(i, i < 50 ? QStringLiteral("Tehran") : QStringLiteral("Shiraz"));
        exec(QStringLiteral("UPDATE contacts SET status = 'unsubscribed' WHERE email = "
                            "'p1@shop.test'"));
        exec(QStringLiteral("UPDATE contacts SET email_consent = 'withdrawn' WHERE email = "
                            "'p2@shop.test'"));
        QVERIFY(Outbox(m_ws->db())
                    .suppress(QStringLiteral("email"), QStringLiteral("p3@shop.test"),
                              QStringLiteral("bounce")));
        Campaign c =
            campaign(QStringLiteral("Offer"), {QStringLiteral("Tehran"), QStringLiteral("Shiraz")});
        c.audience.exclude = {QStringLiteral("Shiraz")};
        const auto counts = CampaignChecks(m_ws->db(), *m_clock).count(c);
        QVERIFY(counts);
        QCOMPARE(counts->audience, 50);
        QCOMPARE(counts->unwilling, 2);
        QCOMPARE(counts->suppressed, 1);
        QCOMPARE(counts->sendable, 47);
        const qint64 id = schedule(c);
        QVERIFY(id > 0);
        const CampaignRunStats s = runAll();
        QCOMPARE(s.started, 1);
        QCOMPARE(s.queued, 47);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ?"), {id}),
                 47);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT contact_id) FROM outbox WHERE "
                                       "campaign_id = ?"),
                        {id}),
                 47);
        // A second fan-out over the same recipients writes nothing.
        CampaignBatch again;
        again.campaignId = id;
        again.channel = QStringLiteral("email");
        again.contents = {{0, QStringLiteral("offer"), {}, 0}};
        again.upToContactId = std::numeric_limits<qint64>::max();
        QSqlDatabase::database(m_ws->db().connection().connectionName()).transaction();
        QCOMPARE(Outbox(m_ws->db()).addCampaignRecipients(again), 0);
        QSqlDatabase::database(m_ws->db().connection().connectionName()).rollback();
        // Delivered: done.
        sendAll(id);
        QCOMPARE(runAll().finished, 1);
        QCOMPARE(CampaignRepository(m_ws->db()).find(id)->state, QStringLiteral("done"));
    }

    void pauseHoldsResumeReleasesCancelStops()
    {
        for (int i = 0; i < 20; ++i)
            addContact(i, QStringLiteral("Tehran"));
        const qint64 id = schedule(campaign(QStringLiteral("Offer"), {QStringLiteral("Tehran")}));
        QVERIFY(id > 0);
        runAll();
        CampaignRepository repo(m_ws->db());
        QVERIFY(!repo.resume(id)); // sending: nothing to resume
        QVERIFY(repo.pause(id));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND "
                                       "state = 'held'"),
                        {id}),
                 20);
        QVERIFY(repo.resume(id));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND "
                                       "state = 'queued'"),
                        {id}),
                 20);
        exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = (SELECT min(id) FROM "
                            "outbox WHERE campaign_id = ?)"),
             {id});
        QVERIFY(repo.cancel(id));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND "
                                       "state = 'cancelled'"),
                        {id}),
                 19);
        QVERIFY(!repo.cancel(id));
        // A started campaign cannot be edited; a duplicate can.
        Campaign c = *repo.find(id);
        c.templateName = QStringLiteral("offer.b");
        QVERIFY(!repo.save(c));
        const auto copy = repo.duplicate(id);
        QVERIFY(copy);
        QCOMPARE(copy->name, QStringLiteral("Offer (copy)"));
        QCOMPARE(copy->state, QStringLiteral("draft"));
        QCOMPARE(repo.duplicate(id)->name, QStringLiteral("Offer (copy 2)"));
    }

    void pauseDuringFanOutStopsIt()
    {
        for (int i = 0; i < 30; ++i)
            addContact(i, QStringLiteral("Tehran"));
        const qint64 id = schedule(campaign(QStringLiteral("Offer"), {QStringLiteral("Tehran")}));
        CampaignRunner runner(m_ws->db(), *m_clock);
        QVERIFY(runner.runOnce(0, 7)); // starts (freezes), no time left for batches
        QCOMPARE(CampaignRepository(m_ws->db()).find(id)->recipients, 30);
        QVERIFY(CampaignRepository(m_ws->db()).pause(id));
        QCOMPARE(runner.runOnce(60000, 7)->queued, 0);
        QVERIFY(CampaignRepository(m_ws->db()).resume(id));
        QCOMPARE(runner.runOnce(60000, 7)->queued, 30);
    }

    void abTestPicksTheClearWinner()
    {
        for (int i = 0; i < 2000; ++i)
            addContact(i, QStringLiteral("Tehran"));
        Campaign c = campaign(QStringLiteral("Subject test"), {QStringLiteral("Tehran")});
        QString error;
        c.ab =
            *AbTest::fromJson(QJsonDocument::fromJson(R"({"variants": [{}, {"template": "offer.b"}],
                "share": 50, "metric": "opens", "waitHours": 2})")
                                  .object(),
                              &error);
        const qint64 id = schedule(c);
        QVERIFY(id > 0);
        runAll();
        // About half in the test, split evenly; the rest waits.
        const qint64 a = scalar(
            QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND variant = 1"),
            {id});
        const qint64 b = scalar(
            QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND variant = 2"),
            {id});
        QVERIFY2(a > 400 && a < 600 && b > 400 && b < 600,
                 qPrintable(QStringLiteral("%1 %2").arg(a).arg(b)));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND "
                                       "variant = 0"),
                        {id}),
                 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND "
                                       "variant = 2 AND template <> 'offer.b'"),
                        {id}),
                 0);
        sendAll(id);
        // B opened twice as often; machine opens on A do not count.
        CampaignActivity activity(m_ws->db().connection());
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT contact_id, variant FROM outbox WHERE campaign_id = %1 "
                                  "ORDER BY contact_id")
                       .arg(id)));
        int seen[3] = {0, 0, 0};
        while (q.next()) {
            const int v = q.value(1).toInt();
            const int n = seen[v]++;
            const qint64 contact = q.value(0).toLongLong();
            if ((v == 1 && n % 5 == 0) || (v == 2 && n % 5 < 2))
                QVERIFY(
                    activity.count(id, v, contact, CampaignActivity::Kind::Open, m_clock->nowMs()));
            if (v == 1 && n % 5 == 1)
                QVERIFY(activity.count(id, v, contact, CampaignActivity::Kind::MachineOpen,
                                       m_clock->nowMs()));
        }
        QCOMPARE(runAll().decided, 0); // the wait is not over
        m_clock->advance(2 * 3600 * 1000 + 1000);
        const CampaignRunStats s = runAll();
        QCOMPARE(s.decided, 1);
        const Campaign done = *CampaignRepository(m_ws->db()).find(id);
        QCOMPARE(done.winner, 2);
        QVERIFY(done.decision.value(QStringLiteral("conclusive")).toBool());
        QVERIFY(done.decision.value(QStringLiteral("pValue")).toDouble() < 0.001);
        // The rest got B.
        const qint64 rest = scalar(
            QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND variant = 0"),
            {id});
        QCOMPARE(rest, 2000 - a - b);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ? AND "
                                       "variant = 0 AND template = 'offer.b'"),
                        {id}),
                 rest);
        // A second open and a repeated unsubscribe of one recipient count once as unique.
        const qint64 someone =
            scalar(QStringLiteral("SELECT min(contact_id) FROM outbox WHERE campaign_id = ? AND "
                                  "variant = 1"),
                   {id});
        const auto before = CampaignReport(m_ws->db()).build(id);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(activity.count(id, 1, someone, CampaignActivity::Kind::Open, m_clock->nowMs()));
            QVERIFY(activity.count(id, 1, someone, CampaignActivity::Kind::Unsubscribe,
                                   m_clock->nowMs()));
        }
        const auto report = CampaignReport(m_ws->db()).build(id);
        QVERIFY(report);
        QCOMPARE(report->variants.size(), 3);
        QCOMPARE(report->variants.at(1).machineOpens, (a + 4) / 5);
        QCOMPARE(report->variants.at(1).opens, before->variants.at(1).opens + 2);
        QCOMPARE(report->variants.at(1).uniqueOpens, before->variants.at(1).uniqueOpens);
        QCOMPARE(report->variants.at(1).unsubscribes, 1);
    }

    void abTestTieIsInconclusive()
    {
        AbTest test;
        test.variants = {{}, {}};
        CampaignFigures a, b;
        a.variant = 1;
        b.variant = 2;
        a.delivered = b.delivered = 1000;
        a.uniqueOpens = 250;
        b.uniqueOpens = 262;
        AbDecision d = AbDecision::decide(test, {a, b});
        QCOMPARE(d.best, 2);
        QVERIFY(!d.conclusive);
        QVERIFY(d.pValue > 0.5);
        QVERIFY(d.summary(test).startsWith(QStringLiteral("Inconclusive")));
        // Known value: 25 % against 31 % of 1,000 each is p ≈ 0.0029.
        b.uniqueOpens = 310;
        d = AbDecision::decide(test, {a, b});
        QVERIFY(d.conclusive);
        QVERIFY(qAbs(d.pValue - 0.0029) < 0.0005);
        // Revenue: the same mean is a tie.
        test.metric = AbTest::Metric::Revenue;
        a.revenue = b.revenue = 5000;
        a.revenueSquares = b.revenueSquares = 5000 * 50;
        QVERIFY(!AbDecision::decide(test, {a, b}).conclusive);
    }

    void reportCountsLastTouchRevenue()
    {
        for (int i = 0; i < 4; ++i)
            addContact(i, QStringLiteral("Tehran"));
        const qint64 first =
            schedule(campaign(QStringLiteral("First"), {QStringLiteral("Tehran")}));
        runAll();
        sendAll(first);
        m_clock->advance(3600 * 1000);
        EventIntake intake(m_ws->db().connection());
        const auto buy = [&](const QString &email, double amount) {
            IncomingEvent e;
            e.email = email;
            e.type = QStringLiteral("purchase");
            e.atMs = m_clock->nowMs();
            e.payload = {{QStringLiteral("amount"), amount}};
            return intake.recordAlone(e).has_value();
        };
        QVERIFY(buy(QStringLiteral("p0@shop.test"), 120.5));
        // Another campaign reaches p1 before p1 buys: that one gets the credit.
        const qint64 second =
            schedule(campaign(QStringLiteral("Second"), {QStringLiteral("Tehran")}));
        runAll();
        m_clock->advance(60 * 1000);
        sendAll(second);
        m_clock->advance(60 * 1000);
        QVERIFY(buy(QStringLiteral("p1@shop.test"), 80));
        QVERIFY(buy(QStringLiteral("p1@shop.test"), 20));
        // Outside the window: not counted.
        m_clock->advance(9 * 86400000LL);
        QVERIFY(buy(QStringLiteral("p2@shop.test"), 999));
        // p0 bought before the second campaign was sent: the first has it.
        const auto r1 = CampaignReport(m_ws->db()).build(first);
        QVERIFY(r1);
        QCOMPARE(r1->total.sent, 4);
        QCOMPARE(r1->total.conversions, 1);
        QCOMPARE(r1->total.revenue, 120.5);
        // p1 bought twice after the second: one recipient, two purchases, 100.
        const auto r2 = CampaignReport(m_ws->db()).build(second);
        QCOMPARE(r2->total.conversions, 2);
        QCOMPARE(r2->total.revenue, 100.0);
        QCOMPARE(r2->total.revenueSquares, 100.0 * 100.0);
        // By first touch the first campaign has all three: it reached p1 first.
        QCOMPARE(r1->total.firstConversions, 3);
        QCOMPARE(r1->total.firstRevenue, 220.5);
        QCOMPARE(r2->total.firstConversions, 0);
    }

    void attributionWindowEdges()
    {
        addContact(0, QStringLiteral("Tehran"));
        const qint64 id = schedule(campaign(QStringLiteral("Edges"), {QStringLiteral("Tehran")}));
        runAll();
        sendAll(id);
        const qint64 contact = scalar(QStringLiteral("SELECT min(id) FROM contacts"));
        const qint64 sentAt =
            scalar(QStringLiteral("SELECT sent_at FROM outbox WHERE campaign_id = ?"), {id});
        constexpr qint64 window = 7 * 86400000LL;
        CampaignActivity activity(m_ws->db().connection());
        // at the window's last millisecond it counts, one later it does not,
        // and a purchase before the message is not the message's
        QVERIFY(activity.purchase(contact, 10, sentAt + window, window));
        QVERIFY(activity.purchase(contact, 1000, sentAt + window + 1, window));
        QVERIFY(activity.purchase(contact, 500, sentAt - 1, window));
        QVERIFY(activity.purchase(contact, 5, sentAt, window)); // the same moment: after it
        const auto r = CampaignReport(m_ws->db()).build(id);
        QVERIFY(r);
        QCOMPARE(r->total.conversions, 2);
        QCOMPARE(r->total.revenue, 15.0);
        QCOMPARE(r->total.firstConversions, 2);
        QCOMPARE(r->total.firstRevenue, 15.0);
    }

    void clickMapAndHoursAfterSending()
    {
        for (int i = 0; i < 3; ++i)
            addContact(i, QStringLiteral("Tehran"));
        const qint64 id = schedule(campaign(QStringLiteral("Links"), {QStringLiteral("Tehran")}));
        runAll();
        sendAll(id);
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET tracked = '{\"links\":[{\"index\":0},"
                                      "{\"index\":1}]}' WHERE campaign_id = %1")
                           .arg(id)));
        QVERIFY(q.exec(QStringLiteral("SELECT id, sent_at FROM outbox WHERE campaign_id = %1 "
                                      "ORDER BY id")
                           .arg(id)));
        QList<std::pair<qint64, qint64>> messages;
        while (q.next())
            messages.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        QCOMPARE(messages.size(), 3);
        qint64 serial = 0;
        const auto hit = [&](int message, const QString &kind, qint64 afterMs, int link = -1) {
            TrackingHit h;
            h.source = QStringLiteral("test");
            h.sourceId = ++serial;
            h.kind = kind;
            h.outboxId = messages.at(message).first;
            h.link = link;
            h.target = link >= 0 ? QStringLiteral("https://shop.test/p/%1").arg(link) : QString();
            h.atMs = messages.at(message).second + afterMs;
            h.ip = QStringLiteral("198.51.100.7");
            h.userAgent = QStringLiteral("Mozilla/5.0 (X11; Linux) Firefox/128");
            return h;
        };
        constexpr qint64 hour = 3600 * 1000;
        HitInbox inbox(m_ws->db());
        QVERIFY(inbox.add({hit(0, QStringLiteral("open"), 60000),
                           hit(0, QStringLiteral("click"), 2 * hour + 5000, 1),
                           hit(1, QStringLiteral("click"), 3 * hour, 1),
                           hit(1, QStringLiteral("click"), 3 * hour + 300000, 0),
                           hit(2, QStringLiteral("open"), 200 * hour)}));
        HitApplier applier(m_ws->db());
        const auto applied = applier.applyWaiting();
        QVERIFY2(applied, qPrintable(applier.errorString()));
        QCOMPARE(applied->machine, 0);
        const auto r = CampaignReport(m_ws->db()).build(id);
        QVERIFY(r);
        // the click map, most clicked first
        QCOMPARE(r->links.size(), 2);
        QCOMPARE(r->links.at(0).link, 1);
        QCOMPARE(r->links.at(0).clicks, 2);
        QCOMPARE(r->links.at(0).url, QStringLiteral("https://shop.test/p/1"));
        QCOMPARE(r->links.at(1).clicks, 1);
        // by the hour after each message was sent; a week and later in the last
        QCOMPARE(r->hours.size(), int(CampaignActivity::kLastHour) + 1);
        QCOMPARE(r->hours.at(0).opens, 1);
        QCOMPARE(r->hours.at(2).clicks, 1);
        QCOMPARE(r->hours.at(3).clicks, 2);
        QCOMPARE(r->hours.at(1).opens + r->hours.at(1).clicks, 0);
        QCOMPARE(r->hours.last().opens, 1);
        QCOMPARE(r->total.uniqueClicks, 2);
    }

    void bestHourFromEachContactsOpens()
    {
        const qint64 early = addContact(1, QStringLiteral("Tehran"), QStringLiteral("Asia/Tehran"));
        const qint64 late = addContact(2, QStringLiteral("Tehran"));
        const qint64 none = addContact(3, QStringLiteral("Tehran"));
        // A Monday, noon UTC.
        m_clock->set(QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC));
        const qint64 monday =
            QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(BestSendTime::hourOfWeek(monday), 0);
        EventStore events(m_ws->db().connection());
        const auto at = [&](int day, int hour) { return monday + (day * 24 + hour) * 3600000LL; };
        // early: Tuesdays 06:00 UTC (09:30 in Tehran) three times, once Friday 20:00.
        for (int week = 0; week < 3; ++week)
            QVERIFY(events.append(early, QStringLiteral("email_opened"), at(1 - 7 * week, 6)));
        QVERIFY(events.append(early, QStringLiteral("email_clicked"), at(4, 20)));
        // late: evenings, 21:00 UTC; machine opens at 03:00 do not count.
        QVERIFY(events.append(late, QStringLiteral("email_opened"), at(2, 21)));
        for (int i = 0; i < 5; ++i)
            QVERIFY(events.append(late, QStringLiteral("email_machine_opened"), at(3, 3)));
        BestSendTime best(m_ws->db(), *m_clock);
        QVERIFY(best.isDue());
        QCOMPARE(best.refresh().value_or(-1), 2);
        QVERIFY(!best.isDue());
        QCOMPARE(best.ofContact(early).value_or(-1), 24 + 6);
        QCOMPARE(best.ofContact(late).value_or(-1), 2 * 24 + 21);
        QVERIFY(!best.ofContact(none));
        QCOMPARE(best.ofWorkspace().value_or(-1), 24 + 6);
        QCOMPARE(BestSendTime::describe(24 + 6, QTimeZone("Asia/Tehran")),
                 QStringLiteral("Tuesday 09:30"));

        // In the 24 hours from Monday 12:00 UTC: early at 06:00 Tuesday, late at 21:00
        // Monday, the one with no history at the workspace's hour (06:00).
        Campaign c = campaign(QStringLiteral("Best"), {QStringLiteral("Tehran")});
        c.schedule = Campaign::Schedule::BestHour;
        const qint64 id = schedule(c);
        QVERIFY(id > 0);
        QCOMPARE(runAll().started, 1);
        const auto due = [&](qint64 contact) {
            return scalar(QStringLiteral("SELECT due_at FROM outbox WHERE campaign_id = ? AND "
                                         "contact_id = ?"),
                          {id, contact});
        };
        const qint64 tuesday6 =
            QDateTime(QDate(2026, 12, 8), QTime(6, 0), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(due(early), tuesday6);
        QCOMPARE(due(late),
                 QDateTime(QDate(2026, 12, 7), QTime(21, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(due(none), tuesday6);
    }

    void localTimeFollowsEachContactsZone()
    {
        addContact(1, QStringLiteral("Tehran"), QStringLiteral("Asia/Tehran"));
        addContact(2, QStringLiteral("Tehran"), QStringLiteral("America/New_York"));
        Campaign c = campaign(QStringLiteral("Morning"), {QStringLiteral("Tehran")});
        c.schedule = Campaign::Schedule::LocalTime;
        c.localTime = QStringLiteral("09:30");
        const QDate day = m_clock->now().date().addDays(2);
        c.sendAtMs = QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
        const qint64 id = schedule(c);
        QVERIFY(id > 0);
        QCOMPARE(runAll().started, 0); // not yet: two days ahead
        m_clock->set(QDateTime(day.addDays(-1), QTime(19, 0), Qt::UTC));
        QCOMPARE(runAll().started, 0);
        // When 09:30 comes in the first zone (UTC+14, the evening before in UTC), it starts.
        m_clock->set(QDateTime(day.addDays(-1), QTime(19, 31), Qt::UTC));
        QCOMPARE(runAll().started, 1);
        const qint64 tehran = scalar(QStringLiteral("SELECT due_at FROM outbox WHERE recipient = "
                                                    "'p1@shop.test'"));
        const qint64 newYork = scalar(QStringLiteral("SELECT due_at FROM outbox WHERE recipient = "
                                                     "'p2@shop.test'"));
        QCOMPARE(tehran,
                 QDateTime(day, QTime(9, 30), QTimeZone("Asia/Tehran")).toMSecsSinceEpoch());
        QCOMPARE(newYork,
                 QDateTime(day, QTime(9, 30), QTimeZone("America/New_York")).toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(tst_Campaigns)
#include "tst_Campaigns.moc"
