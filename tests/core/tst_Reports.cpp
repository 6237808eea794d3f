// The dashboard on a fixture workspace whose every number was counted by
// hand: the period's edges, machine opens left out, refunds, amounts that
// are not numbers, a contact deleted since, and the period before.

#include "campaigns/CampaignActivity.h"
#include "campaigns/CampaignRepository.h"
#include "contacts/ContactRepository.h"
#include "contacts/StageChanges.h"
#include "events/EventStore.h"
#include "intake/EventIntake.h"
#include "journeys/JourneyRepository.h"
#include "messaging/Outbox.h"
#include "reports/AcquisitionCosts.h"
#include "reports/DashboardReport.h"
#include "reports/FunnelReport.h"
#include "reports/JourneyReport.h"
#include "reports/ReportTallies.h"
#include "reports/RevenueReport.h"
#include "reports/RfmReport.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"

#include "TestWorkspace.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace masir;

namespace {

qint64 at(int month, int day, int hour = 12, int minute = 0, int ms = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute, 0, ms), QTimeZone::utc())
        .toMSecsSinceEpoch();
}

} // namespace

class tst_Reports : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    QList<qint64> m_contacts;

    qint64 contact(const QString &email, const QString &source, qint64 createdAt)
    {
        Contact c;
        c.email = email;
        c.source = source;
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE contacts SET created_at = ? WHERE id = ?"));
        q.addBindValue(createdAt);
        q.addBindValue(c.id);
        if (!q.exec())
            qWarning() << q.lastError();
        // its own "created" event is not one the dashboard counts
        return c.id;
    }

    void event(qint64 contact, const QString &type, qint64 when, const QJsonObject &payload = {},
               bool first = false)
    {
        EventStore events(m_ws->db().connection());
        QVERIFY2(events.append(contact, type, when, payload, first),
                 qPrintable(events.errorString()));
    }

    void stage(qint64 contact, const QString &from, const QString &to, qint64 when)
    {
        StageChanges stages(m_ws->db().connection());
        QVERIFY2(stages.change(contact, from, to, when), qPrintable(stages.errorString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        const qint64 c1 = contact(QStringLiteral("c1@shop.test"), QStringLiteral("instagram"),
                                  at(11, 1, 0, 0)); // the first millisecond of the period
        const qint64 c2 =
            contact(QStringLiteral("c2@shop.test"), QStringLiteral("instagram"), at(11, 15));
        const qint64 c3 = contact(QStringLiteral("c3@shop.test"), QStringLiteral("web"),
                                  at(11, 30, 23, 59, 999)); // the last
        const qint64 c4 = contact(QStringLiteral("c4@shop.test"), QString(), at(11, 20));
        contact(QStringLiteral("old@shop.test"), QStringLiteral("web"), at(10, 20));
        contact(QStringLiteral("late@shop.test"), QStringLiteral("web"),
                at(12, 1, 0, 0)); // the day after
        const qint64 gone =
            contact(QStringLiteral("gone@shop.test"), QStringLiteral("web"), at(11, 3));

        event(c1, EventType::EmailSent, at(11, 2));
        event(c2, EventType::EmailSent, at(11, 2));
        event(c1, EventType::EmailSent, at(11, 10));
        event(c1, EventType::EmailSent, at(10, 31, 23, 59)); // the period before
        event(gone, EventType::EmailSent, at(11, 4));
        // message 1 opened twice: once for the unique opens
        event(c1, EventType::EmailOpened, at(11, 2), {{QStringLiteral("outbox"), 1}}, true);
        event(c1, EventType::EmailOpened, at(11, 3), {{QStringLiteral("outbox"), 1}});
        event(c2, EventType::EmailMachineOpened, at(11, 2),
              {{QStringLiteral("outbox"), 2}}); // a machine: not a person
        event(c2, EventType::EmailClicked, at(11, 11), {{QStringLiteral("outbox"), 2}}, true);
        event(c3, EventType::EmailBounced, at(11, 5));
        event(c4, EventType::Unsubscribed, at(11, 30, 23, 59, 999));
        event(c3, EventType::Unsubscribed, at(12, 1, 0, 0)); // outside
        event(c1, EventType::Purchase, at(11, 4), {{QStringLiteral("amount"), 100}});
        event(c2, EventType::Purchase, at(11, 12), {{QStringLiteral("amount"), -30}}); // a refund
        event(c3, EventType::Purchase, at(11, 13),
              {{QStringLiteral("amount"), QStringLiteral("abc")}});
        event(c1, EventType::Purchase, at(10, 20),
              {{QStringLiteral("amount"), QStringLiteral("50")}});
        stage(c1, QStringLiteral("subscriber"), QStringLiteral("lead"), at(11, 2));
        stage(c1, QStringLiteral("lead"), QStringLiteral("mql"), at(11, 3));
        stage(c2, QStringLiteral("subscriber"), QStringLiteral("lead"), at(11, 5));
        // back and forth: a lead once
        stage(c2, QStringLiteral("lead"), QStringLiteral("subscriber"), at(11, 6));
        stage(c2, QStringLiteral("subscriber"), QStringLiteral("lead"), at(11, 7));
        // its events go with it, but what happened stays counted
        QVERIFY(ContactRepository(m_ws->db()).remove({gone}));
    }

    void figuresCountedByHand()
    {
        DashboardReport report(m_ws->db());
        const auto d = report.build({QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone::utc()});
        QVERIFY2(d, qPrintable(report.errorString()));
        const DashboardFigures &f = d->figures;
        QCOMPARE(f.newContacts, 4); // the contacts still here
        QCOMPARE(f.emailsSent, 4);  // the deleted contact's email included
        QCOMPARE(f.delivered(), 3);
        QCOMPARE(f.uniqueOpens, 1);
        QCOMPARE(f.uniqueClicks, 1);
        QCOMPARE(f.bounces, 1);
        QCOMPARE(f.unsubscribes, 1);
        QCOMPARE(f.complaints, 0);
        QCOMPARE(f.leads, 2);
        QCOMPARE(f.mqls, 1);
        QCOMPARE(f.purchases, 3);
        QCOMPARE(f.revenue, 70.0);
        QCOMPARE(f.deliveryRate(), 3.0 / 4.0);
        QCOMPARE(f.openRate(), 1.0 / 3.0);
        QCOMPARE(f.clickRate(), 1.0 / 3.0);
        // the period before: October 2 to 31
        QCOMPARE(d->before.newContacts, 1);
        QCOMPARE(d->before.emailsSent, 1);
        QCOMPARE(d->before.revenue, 50.0);
        // the days
        QCOMPARE(d->days.size(), 30);
        QCOMPARE(d->days.at(0).newContacts, 1);
        QCOMPARE(d->days.at(1).emailsSent, 2);
        QCOMPARE(d->days.at(3).emailsSent, 1);
        QCOMPARE(d->days.at(1).opens, 1);
        QCOMPARE(d->days.at(2).opens, 1);
        QCOMPARE(d->days.at(3).revenue, 100.0);
        QCOMPARE(d->days.at(10).clicks, 1);
        QCOMPARE(d->days.at(11).revenue, -30.0);
        QCOMPARE(d->days.at(29).newContacts, 1);
        // sources, most first
        QCOMPARE(d->sources.size(), 3);
        QCOMPARE(d->sources.at(0).source, QStringLiteral("instagram"));
        QCOMPARE(d->sources.at(0).contacts, 2);
        QCOMPARE(d->sources.at(1).contacts, 1);
    }

    void funnelCountedByHand()
    {
        // came in November, a customer in December without the stages between
        const qint64 c5 =
            contact(QStringLiteral("c5@shop.test"), QStringLiteral("web"), at(11, 20));
        stage(c5, QStringLiteral("subscriber"), QStringLiteral("customer"), at(12, 10));
        const ReportPeriod november{QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone::utc()};
        FunnelReport report(m_ws->db());

        // the stages reached in November
        auto f = report.build(november, Funnel::Basis::Period);
        QVERIFY2(f, qPrintable(report.errorString()));
        QCOMPARE(f->steps.size(), 6);
        QCOMPARE(f->steps.at(0).contacts, 5); // c1, c2, c3, c4, c5 came
        QCOMPARE(f->steps.at(1).contacts, 2); // c1 and c2 became leads (c2 twice: once)
        QCOMPARE(f->steps.at(2).contacts, 1); // c1 an MQL
        QCOMPARE(f->steps.at(5).contacts, 0); // c5 in December
        QCOMPARE(f->steps.at(1).fromPrevious, 0.4);
        QCOMPARE(f->steps.at(2).fromPrevious, 0.5);
        QCOMPARE(f->steps.at(2).fromFirst, 0.2);
        // c1: came Nov 1 00:00, a lead Nov 2 12:00; c2 a lead before its date
        // of coming (it was set by hand) has no time
        QCOMPARE(f->steps.at(1).timed, 1);
        QCOMPARE(f->steps.at(1).medianMs, 36 * 3600 * 1000LL);
        QCOMPARE(f->steps.at(2).medianMs, 24 * 3600 * 1000LL);
        QCOMPARE(f->steps.at(3).medianMs, -1);

        // November's newcomers to today: c5 passed every stage to customer
        f = report.build(november, Funnel::Basis::Cohort);
        QVERIFY(f);
        QCOMPARE(f->steps.at(0).contacts, 5);
        QCOMPARE(f->steps.at(1).contacts, 3);
        QCOMPARE(f->steps.at(2).contacts, 2);
        QCOMPARE(f->steps.at(3).contacts, 1);
        QCOMPARE(f->steps.at(4).contacts, 1);
        QCOMPARE(f->steps.at(5).contacts, 1);
        QCOMPARE(f->steps.at(5).fromPrevious, 1.0);
        QCOMPARE(f->steps.at(5).timed, 0); // no opportunity on record
        QCOMPARE(f->steps.at(5).medianMs, -1);
        QVERIFY(ContactRepository(m_ws->db()).remove({c5}));
    }

    void rfmCountedByHand()
    {
        // five customers of their own, a fifth in each quintile of each score
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        constexpr qint64 day = 24LL * 3600 * 1000;
        EventStore events(ws.db().connection());
        const auto customer = [&](const QString &email, int lastDaysAgo,
                                  const QList<double> &amounts) {
            Contact c;
            c.email = email;
            if (!ContactRepository(ws.db()).create(c))
                return qint64(0);
            for (qsizetype i = 0; i < amounts.size(); ++i)
                if (!events.append(c.id, EventType::Purchase,
                                   now - (lastDaysAgo + qint64(i) * 7) * day,
                                   {{QStringLiteral("amount"), amounts.at(i)}}))
                    return qint64(0);
            return c.id;
        };
        // A: 6 orders, one a refund: 600; bought yesterday
        QVERIFY(customer(QStringLiteral("a@shop.test"), 1, {130, 130, -50, 130, 130, 130}));
        QVERIFY(customer(QStringLiteral("b@shop.test"), 10, {75, 75, 75, 75}));
        QVERIFY(customer(QStringLiteral("c@shop.test"), 40, {100, 50, 50}));
        QVERIFY(customer(QStringLiteral("d@shop.test"), 100, {50, 50}));
        QVERIFY(customer(QStringLiteral("e@shop.test"), 300, {50}));
        Contact never;
        never.email = QStringLiteral("never@shop.test"); // bought nothing: not a customer
        QVERIFY(ContactRepository(ws.db()).create(never));

        RfmReport report(ws.db());
        const auto rfm = report.build(now);
        QVERIFY2(rfm, qPrintable(report.errorString()));
        QCOMPARE(rfm->customers, 5);
        QCOMPARE(rfm->revenue, 600.0 + 300 + 200 + 100 + 50);
        // recency cut at 1, 10, 40 and 100 days; orders at 1, 2, 3, 4
        QCOMPARE(rfm->recencyCuts[1], 10 * day);
        QCOMPARE(rfm->orderCuts[2], 3);
        // A (R5 F5) and B (R4 F4) are champions; C (R3 F3) needs attention;
        // D (R2 F2) hibernates; E (R1 F1) is lost
        const auto group = [&](const QString &key) {
            for (const RfmGroup &g : rfm->groups)
                if (g.key == key)
                    return g;
            return RfmGroup{};
        };
        QCOMPARE(group(QStringLiteral("champions")).customers, 2);
        QCOMPARE(group(QStringLiteral("champions")).revenue, 900.0);
        QCOMPARE(group(QStringLiteral("champions")).orders, 5.0);
        QCOMPARE(group(QStringLiteral("champions")).recencyDays, 5.5);
        QCOMPARE(group(QStringLiteral("attention")).customers, 1);
        QCOMPARE(group(QStringLiteral("hibernating")).customers, 1);
        QCOMPARE(group(QStringLiteral("lost")).customers, 1);
        QCOMPARE(rfm->grid[4][4], 1);
        QCOMPARE(rfm->grid[0][0], 1);
        QCOMPARE(rfm->byMonetary[4], 1);
        // saved as a segment, each group holds the same customers, live
        SegmentRepository segments(ws.db());
        for (const RfmGroup &g : rfm->groups) {
            const auto n = segments.count(RfmReport::segmentRule(*rfm, g));
            QVERIFY2(n, qPrintable(g.key));
            QVERIFY2(*n == g.customers,
                     qPrintable(
                         QStringLiteral("%1: %2 against %3").arg(g.key).arg(*n).arg(g.customers)));
        }
    }

    void stagesAndPurchasesFollowTheirContact()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        const auto scalar = [&](const QString &sql, const QVariantList &binds) {
            QSqlQuery q(ws.db().connection());
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
        };
        ContactRepository repo(ws.db());
        // created as a lead: a stage change, the contact's first
        Contact keep;
        keep.email = QStringLiteral("keep@shop.test");
        keep.stage = QStringLiteral("lead");
        QVERIFY(repo.create(keep));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stage_reached WHERE contact_id = ? "
                                       "AND stage = 'lead'"),
                        {keep.id}),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(firsts) FROM event_tallies WHERE kind = "
                                       "'stage_changed:lead'"),
                        {}),
                 1);
        Contact other;
        other.email = QStringLiteral("other@shop.test");
        QVERIFY(repo.create(other));
        StageChanges stages(ws.db().connection());
        QVERIFY(stages.change(other.id, QStringLiteral("subscriber"), QStringLiteral("lead"),
                              at(1, 1)));
        QVERIFY(stages.change(other.id, QStringLiteral("lead"), QStringLiteral("mql"), at(1, 2)));
        EventStore events(ws.db().connection());
        QVERIFY(events.append(other.id, EventType::Purchase, at(1, 3),
                              {{QStringLiteral("amount"), 40}}));
        QVERIFY(events.append(other.id, EventType::Purchase, at(1, 4),
                              {{QStringLiteral("amount"), QStringLiteral(" 2.5 ")}}));
        // a merge: the earliest time at each stage, the purchases added up
        QVERIFY2(repo.merge(keep.id, other.id), qPrintable(repo.errorString()));
        QCOMPARE(scalar(QStringLiteral("SELECT reached_at FROM stage_reached WHERE contact_id = ? "
                                       "AND stage = 'lead'"),
                        {keep.id}),
                 at(1, 1));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stage_reached WHERE contact_id = ?"),
                        {keep.id}),
                 2);
        QCOMPARE(scalar(QStringLiteral("SELECT orders FROM contact_purchases WHERE contact_id = ?"),
                        {keep.id}),
                 2);
        // deleted and brought back: its stages and purchases with it
        const ContactSnapshot snapshot = repo.snapshot({keep.id});
        QVERIFY(repo.remove({keep.id}));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_purchases"), {}), 0);
        QVERIFY2(repo.restore(snapshot), qPrintable(repo.errorString()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stage_reached WHERE contact_id = ?"),
                        {keep.id}),
                 2);
        QSqlQuery q(ws.db().connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT revenue, first_year_revenue FROM contact_purchases")) &&
            q.next());
        QCOMPARE(q.value(0).toDouble(), 42.5);
        QCOMPARE(q.value(1).toDouble(), 42.5);
        q.finish();
        // a purchase two years older, come in late: the first year is that one alone
        EventStore late(ws.db().connection());
        QVERIFY(late.append(keep.id, EventType::Purchase, at(1, 3) - 730 * 86400000LL,
                            {{QStringLiteral("amount"), 7}}));
        QVERIFY(
            q.exec(QStringLiteral("SELECT revenue, first_year_revenue FROM contact_purchases")) &&
            q.next());
        QCOMPARE(q.value(0).toDouble(), 49.5);
        QCOMPARE(q.value(1).toDouble(), 7.0);
    }

    void journeyCountedByHand()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        Journey j;
        j.name = QStringLiteral("Welcome");
        j.graph = QJsonDocument::fromJson(R"({"formatVersion": 1, "nodes": [
            {"id": "n1", "type": "trigger.manual", "config": {}, "x": 0, "y": 0},
            {"id": "n2", "type": "goal", "config": {}, "x": 0, "y": 200},
            {"id": "n3", "type": "exit", "config": {}, "x": 0, "y": 100}],
            "edges": [{"id": "e1", "from": "n1", "port": "next", "to": "n3"}]})")
                      .object();
        JourneyRepository journeys(ws.db());
        QVERIFY2(journeys.save(j), qPrintable(journeys.errorString()));
        QList<qint64> people;
        for (int i = 0; i < 3; ++i) {
            Contact c;
            c.email = QStringLiteral("j%1@shop.test").arg(i);
            QVERIFY(ContactRepository(ws.db()).create(c));
            people << c.id;
        }
        constexpr qint64 hour = 3600 * 1000;
        const qint64 t0 = at(11, 1);
        QSqlQuery q(ws.db().connection());
        const auto enrol = [&](qint64 contact, const char *state, const char *node) {
            q.prepare(QStringLiteral("INSERT INTO enrollments (journey_id, version, contact_id, "
                                     "state, node_id, node_since, entered_at, updated_at) VALUES "
                                     "(?, 1, ?, ?, ?, ?, ?, ?) RETURNING id"));
            for (const QVariant &v :
                 QVariantList{j.id, contact, QLatin1String(state), QLatin1String(node), t0, t0, t0})
                q.addBindValue(v);
            return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
        };
        const auto step = [&](qint64 enrolment, const char *node, qint64 at) {
            q.prepare(QStringLiteral("INSERT INTO journey_steps (enrollment_id, node_id, "
                                     "occurrence, ran_at) VALUES (?, ?, 1, ?)"));
            for (const QVariant &v : QVariantList{enrolment, QLatin1String(node), at})
                q.addBindValue(v);
            return q.exec();
        };
        // one reached the goal in 10 hours, one in 4; one waits at the exit
        const qint64 e1 = enrol(people.at(0), "completed", "n2");
        const qint64 e2 = enrol(people.at(1), "active", "n3");
        const qint64 e3 = enrol(people.at(2), "exited", "n2");
        QVERIFY(e1 && e2 && e3);
        QVERIFY(step(e1, "n1", t0) && step(e1, "n3", t0 + hour) && step(e1, "n2", t0 + 10 * hour));
        QVERIFY(step(e2, "n1", t0));
        QVERIFY(step(e3, "n1", t0) && step(e3, "n2", t0 + 4 * hour));
        // a purchase after the journey's email: the journey's, by last touch
        OutboxEntry e;
        e.idempotencyKey = QStringLiteral("journey-mail");
        e.channel = QStringLiteral("email");
        e.contactId = people.at(0);
        e.journeyId = j.id;
        e.recipient = QStringLiteral("j0@shop.test");
        e.dueAtMs = e.createdAtMs = t0;
        const auto message = Outbox(ws.db()).add(e);
        QVERIFY(message && *message);
        QVERIFY(
            q.exec(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = %1 WHERE id = %2")
                       .arg(t0)
                       .arg(*message)));
        CampaignActivity activity(ws.db().connection());
        QVERIFY(activity.purchase(people.at(0), 80, t0 + 2 * hour, 7 * 24 * hour));

        JourneyReport report(ws.db());
        const auto f = report.build(j.id);
        QVERIFY2(f, qPrintable(report.errorString()));
        QCOMPARE(f->entered, 3);
        QCOMPARE(f->active, 1);
        QCOMPARE(f->completed, 1);
        QCOMPARE(f->exited, 1);
        QCOMPARE(f->converted, 2);
        QCOMPARE(f->medianToGoalMs, 7 * hour);
        QCOMPARE(f->purchases, 1);
        QCOMPARE(f->revenue, 80.0);
        // the steps as drawn: trigger, exit, goal
        QCOMPARE(f->steps.size(), 3);
        QCOMPARE(f->steps.at(0).nodeId, QStringLiteral("n1"));
        QCOMPARE(f->steps.at(0).passed, 3);
        QCOMPARE(f->steps.at(0).converted, 2);
        QCOMPARE(f->steps.at(1).nodeId, QStringLiteral("n3"));
        QCOMPARE(f->steps.at(1).waiting, 1);
        QCOMPARE(f->steps.at(1).passed, 1);
        QCOMPARE(f->steps.at(2).passed, 2);
        // and the dashboard's journeys by revenue, for the period of the purchase
        DashboardReport dashboard(ws.db());
        const auto d = dashboard.build({QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone::utc()});
        QVERIFY(d);
        QCOMPARE(d->journeys.size(), 1);
        QCOMPARE(d->journeys.first().revenue, 80.0);
        const auto before =
            dashboard.build({QDate(2026, 10, 1), QDate(2026, 10, 31), QTimeZone::utc()});
        QVERIFY(before && before->journeys.isEmpty());
    }

    void revenueCountedByHand()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        WorkspaceSettings settings(ws.db());
        QVERIFY(settings.setValue(WorkspaceSettings::Key::CostPerEmail, 0.5));
        QVERIFY(settings.setValue(WorkspaceSettings::Key::CostPerSms, 2));
        const auto person = [&](const QString &email, const QString &source) {
            Contact c;
            c.email = email;
            c.source = source;
            return ContactRepository(ws.db()).create(c) ? c.id : 0;
        };
        const qint64 a = person(QStringLiteral("a@shop.test"), QStringLiteral("instagram"));
        const qint64 b = person(QStringLiteral("b@shop.test"), QStringLiteral("web"));
        const qint64 c = person(QStringLiteral("c@shop.test"), QStringLiteral("instagram"));
        Campaign campaign;
        campaign.name = QStringLiteral("November offer");
        campaign.templateName = QStringLiteral("offer");
        QVERIFY(CampaignRepository(ws.db()).save(campaign));
        Journey journey;
        journey.name = QStringLiteral("Reminders");
        QVERIFY(JourneyRepository(ws.db()).save(journey));
        const qint64 t0 = at(11, 2);
        constexpr qint64 day = 24LL * 3600 * 1000;
        // what was sent: the campaign's emails to a and b, the journey's SMS to c
        const auto sent = [&](qint64 contact, const char *channel, qint64 campaignId,
                              qint64 journeyId) {
            OutboxEntry e;
            e.idempotencyKey = QStringLiteral("m%1").arg(contact);
            e.channel = QLatin1String(channel);
            e.contactId = contact;
            e.journeyId = journeyId;
            e.recipient = QStringLiteral("r%1").arg(contact);
            e.dueAtMs = e.createdAtMs = t0;
            const auto id = Outbox(ws.db()).add(e);
            QSqlQuery q(ws.db().connection());
            q.prepare(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ?, campaign_id "
                                     "= ? WHERE id = ?"));
            q.addBindValue(t0);
            q.addBindValue(campaignId ? QVariant(campaignId) : QVariant());
            q.addBindValue(id.value_or(0));
            EventStore events(ws.db().connection());
            return id && q.exec() &&
                   events.append(contact,
                                 QLatin1String(channel) == QLatin1String("sms")
                                     ? EventType::SmsSent
                                     : EventType::EmailSent,
                                 t0);
        };
        QVERIFY(sent(a, "email", campaign.id, 0));
        QVERIFY(sent(b, "email", campaign.id, 0));
        QVERIFY(sent(c, "sms", 0, journey.id));
        EventIntake intake(ws.db().connection());
        const auto buy = [&](qint64 contact, double amount, qint64 when) {
            IncomingEvent e;
            e.contactId = contact;
            e.type = EventType::Purchase;
            e.atMs = when;
            e.payload = {{QStringLiteral("amount"), amount}};
            return intake.recordAlone(e).has_value();
        };
        QVERIFY(buy(a, 100, t0 + day));     // the campaign's, by email
        QVERIFY(buy(a, -10, t0 + 2 * day)); // a refund, the campaign's too
        QVERIFY(buy(c, 30, t0 + day));      // the journey's, by SMS
        QVERIFY(buy(b, 50, t0 + 20 * day)); // past the 7 days: no message's
        AcquisitionCosts costs(ws.db());
        QVERIFY(costs.set({QDate(2026, 11, 1), QStringLiteral("instagram"), 60}));
        QVERIFY(costs.set({QDate(2026, 11, 1), QStringLiteral("web"), 100}));
        QVERIFY(costs.set({QDate(2026, 10, 1), QStringLiteral("web"), 999})); // another month
        QVERIFY(!costs.set({QDate(2026, 11, 1), QStringLiteral("web"), -1}));
        Segment instagram;
        instagram.name = QStringLiteral("From Instagram");
        instagram.rule.root.children
            << SegmentNode::condition(QStringLiteral("field"), QStringLiteral("source"),
                                      QStringLiteral("equals"), QStringLiteral("instagram"));
        QVERIFY(SegmentRepository(ws.db()).save(instagram));

        RevenueReport report(ws.db());
        const auto r = report.build({QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone::utc()});
        QVERIFY2(r, qPrintable(report.errorString()));
        QCOMPARE(r->total, 170.0);
        QCOMPARE(r->purchases, 4);
        QCOMPARE(r->channels.size(), 3);
        const RevenueLine &email = r->channels.at(0);
        QCOMPARE(email.purchases, 2);
        QCOMPARE(email.revenue, 90.0);
        QCOMPARE(email.messages, 2);
        QCOMPARE(email.cost, 1.0);
        QCOMPARE(*email.roi(), 89.0);
        QCOMPARE(r->channels.at(1).revenue, 30.0);
        QCOMPARE(*r->channels.at(1).roi(), 14.0);
        QCOMPARE(r->channels.at(2).revenue, 50.0); // direct
        QVERIFY(!r->channels.at(2).roi());
        QCOMPARE(r->campaigns.size(), 1);
        QCOMPARE(r->campaigns.first().revenue, 90.0);
        QCOMPARE(r->campaigns.first().messages, 2);
        QCOMPARE(r->journeys.size(), 1);
        QCOMPARE(r->journeys.first().revenue, 30.0);
        // a and c were instagram's new customers in November, b the web's
        QCOMPARE(r->acquisition.size(), 2);
        QCOMPARE(r->acquisition.at(0).source, QStringLiteral("instagram"));
        QCOMPARE(r->acquisition.at(0).newCustomers, 2);
        QCOMPARE(*r->acquisition.at(0).cac(), 30.0);
        QCOMPARE(*r->acquisition.at(1).cac(), 100.0);
        QCOMPARE(r->segments.size(), 1);
        QCOMPARE(r->segments.first().customers, 2);
        QCOMPARE(r->segments.first().lifetime, 60.0);
        QCOMPARE(r->segments.first().firstYear, 60.0);
        QCOMPARE(r->segments.first().revenue, 120.0); // a's 90 and c's 30 in November
        QCOMPARE(r->months.size(), 1);
        QCOMPARE(r->months.first().email, 90.0);
        QCOMPARE(r->months.first().sms, 30.0);
        QCOMPARE(r->months.first().direct, 50.0);
        // recounted from the purchases and the messages: the same attribution
        QVERIFY(ReportTallies(ws.db()).recount());
        const auto again =
            report.build({QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone::utc()});
        QVERIFY(again);
        QCOMPARE(again->toJson(), r->toJson());
    }

    void daysAreCutInTheUsersZone()
    {
        // In Tehran (UTC+3:30), 21:00 UTC on November 1 is already November 2.
        const QTimeZone tehran("Asia/Tehran");
        QVERIFY(tehran.isValid());
        DashboardReport report(m_ws->db());
        const auto d = report.build({QDate(2026, 11, 1), QDate(2026, 11, 3), tehran});
        QVERIFY(d);
        // c1 came at 00:00 UTC on the 1st: 03:30 in Tehran, the same day
        QCOMPARE(d->days.at(0).newContacts, 1);
        QCOMPARE(d->days.at(1).emailsSent, 2);
    }

    void refusesABackwardPeriod()
    {
        DashboardReport report(m_ws->db());
        QVERIFY(!report.build({QDate(2026, 11, 30), QDate(2026, 11, 1), QTimeZone::utc()}));
        QVERIFY(!report.errorString().isEmpty());
    }

    // Last: recounted from the events, the tallies are what was written live,
    // but for the deleted contact's history, which left with its events.
    void recountMatchesTheLiveTallies()
    {
        const auto tallies = [this] {
            QSqlQuery q(m_ws->db().connection());
            QMap<QString, QString> rows;
            if (!q.exec(QStringLiteral("SELECT slot, kind, events, firsts, amount FROM "
                                       "event_tallies")))
                qWarning() << q.lastError();
            while (q.next())
                if (q.value(1).toString() != EventType::ContactCreated) // made now, by the fixture
                    rows.insert(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString(),
                                QStringLiteral("%1 %2 %3")
                                    .arg(q.value(2).toLongLong())
                                    .arg(q.value(3).toLongLong())
                                    .arg(q.value(4).toDouble()));
            return rows;
        };
        QMap<QString, QString> live = tallies();
        ReportTallies recount(m_ws->db());
        const auto rows = recount.recount();
        QVERIFY2(rows, qPrintable(recount.errorString()));
        const QString sentSlot = QString::number(at(11, 4) / EventTally::kSlotMs);
        QCOMPARE(live.take(sentSlot + QStringLiteral(" email_sent")), QStringLiteral("1 0 0"));
        // and the funnel's c5
        QCOMPARE(live.take(QString::number(at(12, 10) / EventTally::kSlotMs) +
                           QStringLiteral(" stage_changed:customer")),
                 QStringLiteral("1 1 0"));
        QCOMPARE(tallies(), live);
        QVERIFY(*rows > live.size()); // and the contacts' creations
    }
};

QTEST_GUILESS_MAIN(tst_Reports)
#include "tst_Reports.moc"
