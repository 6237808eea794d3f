// The journey engine on a real workspace and a virtual clock.

#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "contacts/StageChanges.h"
#include "crm/Deals.h"
#include "demo/DemoWorkspace.h"
#include "events/EventStore.h"
#include "events/ScoreHistory.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyReferences.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneySimulator.h"
#include "journeys/JourneyTemplates.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageRenderer.h"
#include "messaging/MessageTemplate.h"
#include "messaging/UnsubscribeTokens.h"
#include "scheduler/Worker.h"
#include "segments/SegmentRepository.h"
#include "segments/SegmentRule.h"
#include "settings/WorkspaceSettings.h"
#include "storage/PostgresWorkspace.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include "TestAccounts.h"
#include "TestWorkspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace masir;

namespace {
constexpr qint64 kHour = 3600000;
}

class tst_JourneyEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    std::unique_ptr<ManualClock> m_clock;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    qint64 addContact(const QString &name, const QString &city = QString(),
                      const QStringList &tags = {})
    {
        Contact c;
        c.firstName = name;
        c.email = name.toLower() + QStringLiteral("@example.com");
        c.phone = QString();
        c.city = city;
        c.tags = tags;
        c.owner = QStringLiteral("sara");
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        return c.id;
    }

    /// The templates \a g's messages name, so that it can start.
    void makeTemplates(const JourneyGraph &g)
    {
        TemplateRepository templates(m_ws->db());
        for (const JourneyNode &n : g.nodes()) {
            const QString name = n.config.value(QStringLiteral("template")).toString();
            if (name.isEmpty() || templates.find(name))
                continue;
            MessageTemplate t;
            t.name = name;
            t.channel = n.type == QLatin1String("action.sms") ? QStringLiteral("sms")
                                                              : QStringLiteral("email");
            t.subject = name;
            t.body = QStringLiteral("Hello {{first_name}}");
            if (!templates.save(t))
                qWarning() << templates.errorString();
        }
    }

    /// Saves and starts a journey built by \a build; returns its id.
    qint64 journey(const QString &name, const std::function<void(JourneyGraph &)> &build,
                   JourneyPolicy policy = JourneyPolicy())
    {
        JourneyGraph g;
        build(g);
        Journey j;
        j.name = name;
        j.graph = g.toJson();
        j.policy = policy;
        makeTemplates(g);
        JourneyRepository repo(m_ws->db());
        if (!repo.save(j) || !repo.activate(j.id)) {
            qWarning() << repo.errorString();
            for (const JourneyIssue &i : repo.issues())
                qWarning() << i.nodeId << i.message;
            return 0;
        }
        return j.id;
    }

    JourneyRunStats run()
    {
        JourneyEngine engine(m_ws->db(), *m_clock);
        const auto stats = engine.runOnce(100);
        if (!stats)
            qWarning() << engine.errorString();
        return stats.value_or(JourneyRunStats());
    }

    qint64 outboxFor(qint64 contact, const QString &templ)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE contact_id = ? AND "
                                     "template = ?"),
                      {contact, templ});
    }

    /// A journey of one trigger and one email.
    static std::function<void(JourneyGraph &)> single(const QString &type, const QJsonObject &cfg,
                                                      const QString &templ)
    {
        return [=](JourneyGraph &g) {
            const QString t = g.addNode(type, cfg);
            const QString m =
                g.addNode(QStringLiteral("action.email"), {{QStringLiteral("template"), templ}});
            g.connectNodes(t, QStringLiteral("next"), m);
        };
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        WorkspaceSettings(m_ws->db()).setValue(WorkspaceSettings::Key::EmailsPerDay, 0);
    }

    void welcomeSeriesEndToEnd()
    {
        // sign up -> welcome email -> opened within 2 days? -> discount : nothing
        const qint64 id = journey(QStringLiteral("Welcome"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.contact_created"));
            const QString hello =
                g.addNode(QStringLiteral("action.email"),
                          {{QStringLiteral("template"), QStringLiteral("welcome")}});
            const QString wait =
                g.addNode(QStringLiteral("wait.event"),
                          {{QStringLiteral("event"), QStringLiteral("email_opened")},
                           {QStringLiteral("timeoutHours"), 48}});
            const QString offer =
                g.addNode(QStringLiteral("action.email"),
                          {{QStringLiteral("template"), QStringLiteral("discount")}});
            g.connectNodes(t, QStringLiteral("next"), hello);
            g.connectNodes(hello, QStringLiteral("next"), wait);
            g.connectNodes(wait, QStringLiteral("yes"), offer);
        });
        QVERIFY(id);
        const qint64 sara = addContact(QStringLiteral("Sara"));
        const qint64 reza = addContact(QStringLiteral("Reza"));
        JourneyRunStats s = run();
        QCOMPARE(s.enrolled, 2);
        QCOMPARE(s.queued, 2);
        // "in a journey" as a segment condition: both wait in it now
        SegmentRule inWelcome;
        inWelcome.root.children << SegmentNode::condition(
            QStringLiteral("journey"), QString(), QStringLiteral("in"), QStringLiteral("Welcome"));
        QCOMPARE(SegmentRepository(m_ws->db()).count(inWelcome).value_or(-1), 2);
        QCOMPARE(outboxFor(sara, QStringLiteral("welcome")), 1);
        // running again changes nothing: every step ran once
        s = run();
        QCOMPARE(s.enrolled, 0);
        QCOMPARE(s.steps, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 2);

        // Sara opens the welcome email a day later: the discount goes at once
        m_clock->advance(24 * kHour);
        const qint64 welcomeId =
            scalar(QStringLiteral("SELECT id FROM outbox WHERE contact_id = ?"), {sara});
        QVERIFY(EventStore(m_ws->db().connection())
                    .append(sara, EventType::EmailOpened, m_clock->now(),
                            {{QStringLiteral("outbox"), welcomeId}}));
        s = run();
        QCOMPARE(outboxFor(sara, QStringLiteral("discount")), 1);
        QCOMPARE(outboxFor(reza, QStringLiteral("discount")), 0);
        // Reza never opens: after 48 hours he times out and the journey ends for him
        m_clock->advance(25 * kHour);
        s = run();
        QCOMPARE(outboxFor(reza, QStringLiteral("discount")), 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'completed'")),
            2);
        QCOMPARE(SegmentRepository(m_ws->db()).count(inWelcome).value_or(-1), 0);
        inWelcome.root.children.first().op = QStringLiteral("not_in");
        QCOMPARE(SegmentRepository(m_ws->db()).count(inWelcome).value_or(-1), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journey_steps s JOIN enrollments e ON "
                                       "e.id = s.enrollment_id WHERE e.contact_id = ? AND s.port "
                                       "= 'timeout'"),
                        {reza}),
                 1);
        // the step log holds each node once per enrolment
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM (SELECT enrollment_id, node_id, "
                                       "occurrence FROM journey_steps GROUP BY 1, 2, 3 "
                                       "HAVING count(*) > 1) AS repeated")),
                 0);
        const auto counts = JourneyRepository(m_ws->db()).counts(id);
        QVERIFY(!counts.isEmpty());
    }

    void conditionSplitGoalAndActions()
    {
        const qint64 id = journey(QStringLiteral("Nurture"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.manual"));
            SegmentRule tehran;
            tehran.root.children << SegmentNode::condition(
                QStringLiteral("field"), QStringLiteral("city"), QStringLiteral("equals"),
                QStringLiteral("Tehran"));
            const QString cond =
                g.addNode(QStringLiteral("condition"), {{QStringLiteral("rule"), tehran.toJson()}});
            const QString tag = g.addNode(QStringLiteral("action.tag"),
                                          {{QStringLiteral("tag"), QStringLiteral("Tehran lead")},
                                           {QStringLiteral("op"), QStringLiteral("add")}});
            const QString split = g.addNode(QStringLiteral("split"));
            const QString a = g.addNode(QStringLiteral("action.field"),
                                        {{QStringLiteral("field"), QStringLiteral("source")},
                                         {QStringLiteral("value"), QStringLiteral("variant A")}});
            const QString b =
                g.addNode(QStringLiteral("action.score"), {{QStringLiteral("points"), 7}});
            const QString stage = g.addNode(QStringLiteral("action.stage"),
                                            {{QStringLiteral("stage"), QStringLiteral("lead")}});
            const QString task =
                g.addNode(QStringLiteral("action.task"),
                          {{QStringLiteral("title"), QStringLiteral("Call them")}});
            const QString notify =
                g.addNode(QStringLiteral("action.notify"),
                          {{QStringLiteral("message"), QStringLiteral("New lead")}});
            const QString hook =
                g.addNode(QStringLiteral("action.webhook"),
                          {{QStringLiteral("url"), QStringLiteral("https://crm.example/hook")}});
            const QString wait = g.addNode(
                QStringLiteral("wait.duration"),
                {{QStringLiteral("amount"), 3}, {QStringLiteral("unit"), QStringLiteral("days")}});
            SegmentRule vip;
            vip.root.children << SegmentNode::condition(QStringLiteral("tag"), QString(),
                                                        QStringLiteral("has_any"),
                                                        QJsonArray{QStringLiteral("bought")});
            const QString goal =
                g.addNode(QStringLiteral("goal"), {{QStringLiteral("rule"), vip.toJson()}});
            const QString thanks =
                g.addNode(QStringLiteral("action.sms"),
                          {{QStringLiteral("template"), QStringLiteral("thanks")}});
            g.connectNodes(t, QStringLiteral("next"), cond);
            g.connectNodes(cond, QStringLiteral("yes"), tag);
            g.connectNodes(cond, QStringLiteral("no"), split);
            g.connectNodes(tag, QStringLiteral("next"), split);
            g.connectNodes(split, QStringLiteral("a"), a);
            g.connectNodes(split, QStringLiteral("b"), b);
            g.connectNodes(a, QStringLiteral("next"), stage);
            g.connectNodes(b, QStringLiteral("next"), stage);
            g.connectNodes(stage, QStringLiteral("next"), task);
            g.connectNodes(task, QStringLiteral("next"), notify);
            g.connectNodes(notify, QStringLiteral("next"), hook);
            g.connectNodes(hook, QStringLiteral("next"), wait);
            g.connectNodes(goal, QStringLiteral("next"), thanks);
        });
        QVERIFY(id);
        QList<qint64> people;
        for (int i = 0; i < 200; ++i)
            people << addContact(QStringLiteral("P%1").arg(i),
                                 i % 4 == 0 ? QStringLiteral("Tehran") : QStringLiteral("Shiraz"));
        JourneyEngine engine(m_ws->db(), *m_clock);
        QCOMPARE(engine.enrol(id, people).value_or(-1), 200);
        QCOMPARE(engine.enrol(id, people).value_or(-1), 0); // once per contact
        const JourneyRunStats s = *engine.runOnce(64);
        QCOMPARE(s.notifications.size(), 200);
        // the condition: a quarter in Tehran got the tag
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = "
                                       "ct.tag_id WHERE t.name = 'Tehran lead'")),
                 50);
        // the split: about half each way, and the same way again for the same enrolment
        const qint64 a =
            scalar(QStringLiteral("SELECT count(*) FROM contacts WHERE source = 'variant A'"));
        const qint64 b =
            scalar(QStringLiteral("SELECT count(*) FROM contact_scores WHERE score = 7"));
        QCOMPARE(a + b, 200);
        QVERIFY2(a > 70 && a < 130, qPrintable(QString::number(a)));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_scores WHERE stage = 'lead'")),
                 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE title = 'Call them' AND "
                                       "owner = 'sara'")),
                 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'webhook'")),
                 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'active'")),
                 200);

        // A purchase tags one contact "bought": the goal pulls them out of the wait.
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES "
                                      "('bought', 'bought', 0)")));
        q.prepare(
            QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id, added_at) SELECT ?, "
                           "id, 0 FROM tags WHERE name = 'bought'"));
        q.addBindValue(people.at(3));
        QVERIFY(q.exec());
        m_clock->advance(3 * 24 * kHour + 1);
        engine.runOnce(64);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE template = 'thanks'")),
                 0);
        // no phone numbers: the SMS step is skipped, not sent, and says why
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journey_steps WHERE outcome LIKE "
                                       "'skipped%'")),
                 1);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'completed'")),
            200);
        // Conversion on the canvas: of the 200 who passed the trigger, 1 reached the goal.
        const QList<JourneyNodeCount> counts = JourneyRepository(m_ws->db()).counts(id);
        bool trigger = false;
        for (const JourneyNodeCount &c : counts) {
            QVERIFY(c.converted >= 0 && c.converted <= c.passed);
            if (c.passed == 200 && c.converted == 1) {
                trigger = true;
                QCOMPARE(c.conversionPercent(), 0.5);
            }
        }
        QVERIFY(trigger);
    }

    void policiesQuietHoursAndDailyCap()
    {
        WorkspaceSettings(m_ws->db()).setValue(WorkspaceSettings::Key::EmailsPerDay, 1);
        JourneyPolicy always;
        always.entry = JourneyPolicy::Entry::Always;
        const qint64 cart = journey(
            QStringLiteral("Cart"),
            [](JourneyGraph &g) {
                const QString t = g.addNode(
                    QStringLiteral("trigger.event"),
                    {{QStringLiteral("event"), QStringLiteral("cart_abandoned")},
                     {QStringLiteral("filters"),
                      QJsonArray{QJsonObject{{QStringLiteral("property"), QStringLiteral("amount")},
                                             {QStringLiteral("op"), QStringLiteral("gt")},
                                             {QStringLiteral("value"), 100}}}}});
                const QString w = g.addNode(QStringLiteral("wait.duration"),
                                            {{QStringLiteral("amount"), 2},
                                             {QStringLiteral("unit"), QStringLiteral("hours")}});
                const QString m = g.addNode(QStringLiteral("action.email"),
                                            {{QStringLiteral("template"), QStringLiteral("cart")}});
                const QString m2 =
                    g.addNode(QStringLiteral("action.email"),
                              {{QStringLiteral("template"), QStringLiteral("cart2")}});
                g.connectNodes(t, QStringLiteral("next"), w);
                g.connectNodes(w, QStringLiteral("next"), m);
                g.connectNodes(m, QStringLiteral("next"), m2);
            },
            always);
        QVERIFY(cart);
        const qint64 anna = addContact(QStringLiteral("Anna"));
        EventStore ev(m_ws->db().connection());
        ev.append(anna, QStringLiteral("cart_abandoned"), m_clock->now(),
                  {{QStringLiteral("amount"), 50}});
        QCOMPARE(run().enrolled, 0); // the filter: amount > 100
        ev.append(anna, QStringLiteral("cart_abandoned"), m_clock->now(),
                  {{QStringLiteral("amount"), 150}});
        ev.append(anna, QStringLiteral("cart_abandoned"), m_clock->now(),
                  {{QStringLiteral("amount"), 180}});
        QCOMPARE(run().enrolled, 1); // "every time", but not twice at once
        m_clock->advance(2 * kHour);
        JourneyRunStats s = run();
        QCOMPARE(outboxFor(anna, QStringLiteral("cart")), 1);
        // the second email waits for the daily cap
        QCOMPARE(outboxFor(anna, QStringLiteral("cart2")), 0);
        QVERIFY(s.deferred >= 1);
        m_clock->advance(24 * kHour);
        run();
        QCOMPARE(outboxFor(anna, QStringLiteral("cart2")), 1);

        // unsubscribed contacts leave at their next step
        QSqlQuery q(m_ws->db().connection());
        ev.append(anna, QStringLiteral("cart_abandoned"), m_clock->now(),
                  {{QStringLiteral("amount"), 500}});
        QCOMPARE(run().enrolled, 1);
        q.prepare(QStringLiteral("UPDATE contacts SET status = 'unsubscribed' WHERE id = ?"));
        q.addBindValue(anna);
        QVERIFY(q.exec());
        m_clock->advance(3 * kHour);
        s = run();
        QCOMPARE(s.exited, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE exit_reason = "
                                       "'unsubscribed'")),
                 1);
        QCOMPARE(outboxFor(anna, QStringLiteral("cart")), 1);

        // quiet hours: nothing goes out at night in the contact's zone
        WorkspaceSettings(m_ws->db()).setValue(WorkspaceSettings::Key::EmailsPerDay, 0);
        JourneyPolicy quiet;
        quiet.quietFrom = QStringLiteral("21:00");
        quiet.quietTo = QStringLiteral("08:00");
        const qint64 night = journey(
            QStringLiteral("Night"),
            [](JourneyGraph &g) {
                const QString t = g.addNode(QStringLiteral("trigger.manual"));
                const QString m = g.addNode(QStringLiteral("action.email"),
                                            {{QStringLiteral("template"), QStringLiteral("late")}});
                g.connectNodes(t, QStringLiteral("next"), m);
            },
            quiet);
        const qint64 omid = addContact(QStringLiteral("Omid"));
        q.prepare(QStringLiteral("UPDATE contacts SET timezone = 'Asia/Tehran' WHERE id = ?"));
        q.addBindValue(omid);
        QVERIFY(q.exec());
        const QTimeZone tehran("Asia/Tehran");
        m_clock->set(QDateTime(QDate(2026, 6, 1), QTime(23, 30), tehran));
        JourneyEngine engine(m_ws->db(), *m_clock);
        QCOMPARE(engine.enrol(night, {omid}).value_or(-1), 1);
        engine.runOnce();
        QCOMPARE(outboxFor(omid, QStringLiteral("late")), 0);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(*engine.nextDueAt(), tehran).time(), QTime(8, 0));
        m_clock->set(QDateTime(QDate(2026, 6, 2), QTime(8, 0), tehran));
        engine.runOnce();
        QCOMPARE(outboxFor(omid, QStringLiteral("late")), 1);
    }

    void editingAnActiveJourneyMakesAVersion()
    {
        QString wait;
        QString first;
        const qint64 id = journey(QStringLiteral("Versions"), [&](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.manual"));
            first = g.addNode(
                QStringLiteral("wait.duration"),
                {{QStringLiteral("amount"), 1}, {QStringLiteral("unit"), QStringLiteral("days")}});
            wait = g.addNode(
                QStringLiteral("wait.duration"),
                {{QStringLiteral("amount"), 1}, {QStringLiteral("unit"), QStringLiteral("days")}});
            const QString m = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("v1")}});
            g.connectNodes(t, QStringLiteral("next"), first);
            g.connectNodes(first, QStringLiteral("next"), wait);
            g.connectNodes(wait, QStringLiteral("next"), m);
        });
        const qint64 early = addContact(QStringLiteral("Early"));
        JourneyEngine engine(m_ws->db(), *m_clock);
        engine.enrol(id, {early});
        engine.runOnce();
        m_clock->advance(24 * kHour + 1);
        engine.runOnce(); // Early now waits at the second wait
        const qint64 late = addContact(QStringLiteral("Late"));
        engine.enrol(id, {late});
        engine.runOnce(); // Late waits at the first wait

        // Version 2: the first wait is gone, and the email template changes.
        JourneyRepository repo(m_ws->db());
        Journey j = *repo.find(id);
        JourneyGraph g;
        QString error;
        QVERIFY(g.fromJson(j.graph, &error));
        const QString t = g.nodes().first().id;
        g.removeNode(first);
        QVERIFY(g.connectNodes(t, QStringLiteral("next"), wait));
        for (const JourneyNode &n : g.nodes())
            if (n.type == QLatin1String("action.email"))
                g.setConfig(n.id, {{QStringLiteral("template"), QStringLiteral("v2")}});
        j.graph = g.toJson();
        QVERIFY2(repo.save(j), qPrintable(repo.errorString()));
        QCOMPARE(repo.find(id)->version, 2);
        // Early's node exists in version 2: Early moves on to it; Late's does not: Late
        // finishes on version 1.
        QCOMPARE(
            scalar(QStringLiteral("SELECT version FROM enrollments WHERE contact_id = ?"), {early}),
            2);
        QCOMPARE(
            scalar(QStringLiteral("SELECT version FROM enrollments WHERE contact_id = ?"), {late}),
            1);
        m_clock->advance(2 * 24 * kHour + 2);
        engine.runOnce();
        m_clock->advance(2 * 24 * kHour + 2);
        engine.runOnce();
        QCOMPARE(outboxFor(early, QStringLiteral("v2")), 1);
        QCOMPARE(outboxFor(late, QStringLiteral("v1")), 1);
        // a journey with problems cannot start, and says where
        Journey broken;
        broken.name = QStringLiteral("Broken");
        JourneyGraph bg;
        const QString mail = bg.addNode(QStringLiteral("action.email"));
        broken.graph = bg.toJson();
        QVERIFY(repo.save(broken));
        QVERIFY(!repo.activate(broken.id));
        bool named = false;
        for (const JourneyIssue &i : repo.issues())
            named = named || i.nodeId == mail;
        QVERIFY(named);
    }

    void waitUntilBusinessHours()
    {
        const qint64 id = journey(QStringLiteral("Hours"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.manual"));
            const QString w = g.addNode(QStringLiteral("wait.until")); // Mon-Fri 09-17
            const QString m = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("office")}});
            g.connectNodes(t, QStringLiteral("next"), w);
            g.connectNodes(w, QStringLiteral("next"), m);
        });
        const qint64 c = addContact(QStringLiteral("Kasia"));
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE contacts SET timezone = 'Europe/Warsaw' WHERE id = ?"));
        q.addBindValue(c);
        QVERIFY(q.exec());
        const QTimeZone warsaw("Europe/Warsaw");
        m_clock->set(QDateTime(QDate(2026, 11, 21), QTime(12, 0), warsaw)); // a Saturday
        JourneyEngine engine(m_ws->db(), *m_clock);
        engine.enrol(id, {c});
        engine.runOnce();
        QCOMPARE(outboxFor(c, QStringLiteral("office")), 0);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(*engine.nextDueAt(), warsaw),
                 QDateTime(QDate(2026, 11, 23), QTime(9, 0), warsaw)); // Monday 09:00
        m_clock->set(QDateTime(QDate(2026, 11, 23), QTime(9, 0), warsaw));
        engine.runOnce();
        QCOMPARE(outboxFor(c, QStringLiteral("office")), 1);
    }

    void triggersFromTagsStagesScoresAndDates()
    {
        QVERIFY(journey(QStringLiteral("Tagged"),
                        single(QStringLiteral("trigger.tag"),
                               {{QStringLiteral("tag"), QStringLiteral("VIP")}},
                               QStringLiteral("tag"))));
        QVERIFY(
            journey(QStringLiteral("Lost"), single(QStringLiteral("trigger.stage_changed"),
                                                   {{QStringLiteral("to"), QStringLiteral("lost")}},
                                                   QStringLiteral("winback"))));
        QVERIFY(journey(QStringLiteral("Hot"),
                        single(QStringLiteral("trigger.score"), {{QStringLiteral("threshold"), 50}},
                               QStringLiteral("sales"))));
        const QDate today = m_clock->now().toLocalTime().date();
        QVERIFY(journey(QStringLiteral("Birthday"),
                        single(QStringLiteral("trigger.date"),
                               {{QStringLiteral("time"), QStringLiteral("00:00")}},
                               QStringLiteral("birthday"))));

        const qint64 mina = addContact(QStringLiteral("Mina"));
        ContactRepository repo(m_ws->db());
        Contact c = *repo.find(mina);
        c.tags = QStringList{QStringLiteral("vip")};
        c.stage = QStringLiteral("lost");
        c.birthday = QDate(1990, today.month(), today.day());
        QVERIFY(repo.update(c));
        QVERIFY(ScoreHistory(m_ws->db().connection())
                    .append(mina, m_clock->now(), 40, 55, QStringLiteral("manual")));
        run();
        QCOMPARE(outboxFor(mina, QStringLiteral("tag")), 1);
        QCOMPARE(outboxFor(mina, QStringLiteral("winback")), 1);
        QCOMPARE(outboxFor(mina, QStringLiteral("sales")), 1);
        QCOMPARE(outboxFor(mina, QStringLiteral("birthday")), 1);
        run(); // once a day, once per journey
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE contact_id = ?"), {mina}),
                 4);
    }

    // A deal entering a stage starts a journey: moved there on the board, or
    // made in it; a stage before it does not, nor one of another pipeline.
    void dealStageTriggerStartsJourneys()
    {
        QVERIFY(journey(QStringLiteral("Proposal"),
                        single(QStringLiteral("trigger.deal_stage"),
                               {{QStringLiteral("stage"), QStringLiteral("contract")}},
                               QStringLiteral("proposal"))));
        QVERIFY(journey(QStringLiteral("Lost deal"),
                        single(QStringLiteral("trigger.deal_stage"),
                               {{QStringLiteral("stage"), QStringLiteral("Lost")},
                                {QStringLiteral("pipeline"), QStringLiteral("sales")}},
                               QStringLiteral("winback"))));
        const qint64 mina = addContact(QStringLiteral("Mina"));
        const qint64 omid = addContact(QStringLiteral("Omid"));
        QSqlDatabase db = m_ws->db().connection();
        const Pipeline sales = *Pipelines(db).findByName(QString());
        Deals deals(db);
        Deal d;
        d.pipelineId = sales.id;
        d.contactId = mina;
        d.title = QStringLiteral("Website");
        d.amount = 1200;
        const auto id = deals.create(d, m_clock->nowMs());
        QVERIFY2(id, qPrintable(deals.errorString()));
        QVERIFY(deals.move(*id, sales.stageByKey(QStringLiteral("demo"))->id, m_clock->nowMs()));
        run();
        QCOMPARE(outboxFor(mina, QStringLiteral("proposal")), 0);
        QVERIFY(
            deals.move(*id, sales.stageByKey(QStringLiteral("contract"))->id, m_clock->nowMs()));
        d.contactId = omid;
        d.stageId = sales.stageByKey(QStringLiteral("lost"))->id;
        QVERIFY(deals.create(d, m_clock->nowMs()));
        run();
        QCOMPARE(outboxFor(mina, QStringLiteral("proposal")), 1);
        QCOMPARE(outboxFor(omid, QStringLiteral("winback")), 1);
        QCOMPARE(outboxFor(omid, QStringLiteral("proposal")), 0);
    }

    // An event trigger reads the events after its cursor by id; when it
    // reaches the newest, its cursor moves there even past events of other
    // types, so a rare trigger never reads the same events again.
    void eventTriggerCursorPassesOtherEvents()
    {
        const qint64 id = journey(QStringLiteral("Buyers"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.event"),
                                        {{QStringLiteral("event"), QStringLiteral("purchase")}});
            const QString m = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("thanks")}});
            g.connectNodes(t, QStringLiteral("next"), m);
        });
        QVERIFY(id);
        const qint64 mina = addContact(QStringLiteral("Mina"));
        EventStore events(m_ws->db().connection());
        for (int i = 0; i < 5; ++i)
            QVERIFY(events.append(mina, QStringLiteral("email_opened"), m_clock->now()));
        run();
        const qint64 newest = scalar(QStringLiteral("SELECT max(id) FROM events"), {});
        QCOMPARE(scalar(QStringLiteral("SELECT event_cursor FROM journeys WHERE id = ?"), {id}),
                 newest);
        QCOMPARE(outboxFor(mina, QStringLiteral("thanks")), 0);
        QVERIFY(events.append(mina, QStringLiteral("purchase"), m_clock->now()));
        QVERIFY(events.append(mina, QStringLiteral("email_opened"), m_clock->now()));
        run();
        QCOMPARE(outboxFor(mina, QStringLiteral("thanks")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT event_cursor FROM journeys WHERE id = ?"), {id}),
                 scalar(QStringLiteral("SELECT max(id) FROM events"), {}));
    }

    void workerThreadRunsCyclesAndPauses()
    {
        const qint64 id = journey(QStringLiteral("Worker"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.manual"));
            const QString m = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("w")}});
            g.connectNodes(t, QStringLiteral("next"), m);
        });
        const qint64 c = addContact(QStringLiteral("Worker"));
        Worker worker(m_ws->db(), *m_clock);
        QSignalSpy finished(&worker, &Worker::cycleFinished);
        QSignalSpy failed(&worker, &Worker::cycleFailed);
        worker.setPaused(true);
        worker.start();
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0); // paused: no cycle
        JourneyEngine(m_ws->db(), *m_clock).enrol(id, {c});
        worker.setPaused(false); // resuming wakes it
        QTRY_VERIFY(!finished.isEmpty());
        QTRY_COMPARE(outboxFor(c, QStringLiteral("w")), 1);
        QCOMPARE(failed.size(), 0);
        qint64 steps = 0;
        for (const QList<QVariant> &args : std::as_const(finished))
            steps += args.at(0).value<JourneyRunStats>().steps;
        QCOMPARE(steps, 2);
        worker.stop();
        QVERIFY(!worker.isRunning());
    }

    void simulatorShowsPathsAndChangesNothing()
    {
        // lead nurturing: guide, 10 days of education, then an offer to those who clicked
        JourneyGraph g;
        const QString t = g.addNode(QStringLiteral("trigger.event"),
                                    {{QStringLiteral("event"), QStringLiteral("form_submitted")}});
        const QString guide = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("guide")}});
        const QString wait = g.addNode(
            QStringLiteral("wait.duration"),
            {{QStringLiteral("amount"), 10}, {QStringLiteral("unit"), QStringLiteral("days")}});
        const QString clicked = g.addNode(QStringLiteral("condition"),
                                          {{QStringLiteral("message"), guide},
                                           {QStringLiteral("outcome"), QStringLiteral("clicked")}});
        const QString offer = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("offer")}});
        const QString sms = g.addNode(QStringLiteral("action.sms"),
                                      {{QStringLiteral("template"), QStringLiteral("nudge")}});
        g.connectNodes(t, QStringLiteral("next"), guide);
        g.connectNodes(guide, QStringLiteral("next"), wait);
        g.connectNodes(wait, QStringLiteral("next"), clicked);
        g.connectNodes(clicked, QStringLiteral("yes"), offer);
        g.connectNodes(clicked, QStringLiteral("no"), sms);
        Journey j;
        j.name = QStringLiteral("Nurture draft");
        j.graph = g.toJson();
        JourneyRepository repo(m_ws->db());
        QVERIFY(repo.save(j)); // a draft: never started
        const qint64 a = addContact(QStringLiteral("Ava"));
        const qint64 b = addContact(QStringLiteral("Ben"));
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE contacts SET phone = '+989121234567' WHERE id = ?"));
        q.addBindValue(b);
        QVERIFY(q.exec());
        const qint64 outboxBefore = scalar(QStringLiteral("SELECT count(*) FROM outbox"));

        const QDateTime start(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        JourneySimulator sim(m_ws->db());
        const auto runs = sim.run(j.id, {a, b}, start, 30);
        QVERIFY2(runs, qPrintable(sim.errorString()));
        QCOMPARE(runs->size(), 2);
        for (const JourneySimulator::ContactRun &r : *runs) {
            QCOMPARE(r.state, QStringLiteral("completed"));
            QCOMPARE(r.path.size(), 5); // trigger, guide, wait, condition, sms
            QCOMPARE(r.path.at(3).port, QStringLiteral("no"));
            QCOMPARE(r.path.at(0).at, start);
            QCOMPARE(r.path.at(3).at, start.addDays(10));
        }
        const JourneySimulator::ContactRun &ben = runs->at(1);
        QCOMPARE(ben.messages.size(), 2);
        QCOMPARE(ben.messages.at(1).channel, QStringLiteral("sms"));
        QCOMPARE(ben.messages.at(1).to, QStringLiteral("+989121234567"));
        QCOMPARE(ben.messages.at(1).at, start.addDays(10));
        QCOMPARE(runs->at(0).messages.size(), 1); // Ava has no phone: the SMS step is skipped
        QVERIFY(runs->at(0).path.last().outcome.startsWith(QLatin1String("skipped")));
        // the real workspace is untouched
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM enrollments e JOIN journeys j ON "
                                       "j.id = e.journey_id WHERE j.name = 'Nurture draft'")),
                 0);
        QCOMPARE(repo.find(j.id)->status, QStringLiteral("draft"));
        // Its templates do not exist: the simulator says so, and it cannot start,
        // the problem on the node that names it.
        QVERIFY(ben.messages.at(0).problem.contains(QLatin1String("\"guide\"")));
        QCOMPARE(sim.problems().size(), 3); // guide, offer, nudge
        QCOMPARE(sim.problems().at(0).nodeId, guide);
        QVERIFY(!repo.activate(j.id));
        bool onGuide = false;
        for (const JourneyIssue &i : repo.issues())
            onGuide =
                onGuide || (i.nodeId == guide && i.message.contains(QLatin1String("\"guide\"")));
        QVERIFY(onGuide);
        makeTemplates(g);
        const auto again = sim.run(j.id, {b}, start, 30);
        QVERIFY(again);
        QVERIFY(sim.problems().isEmpty());
        // the templates exist; no email account does: the message would wait,
        // and the journey may start with that warning on its email nodes
        QVERIFY2(again->at(0).messages.at(0).problem.contains(QLatin1String("No email account")),
                 qPrintable(again->at(0).messages.at(0).problem));
        const QList<JourneyIssue> warnings = JourneyReferences::warnings(m_ws->db(), g);
        QCOMPARE(warnings.size(), 3); // guide and offer: email; nudge: SMS
        ChannelAccounts accounts(m_ws->db());
        ChannelAccount smtp = test::smtpAccount();
        QVERIFY2(accounts.save(smtp), qPrintable(accounts.errorString()));
        QCOMPARE(JourneyReferences::warnings(m_ws->db(), g).size(), 1); // the SMS one
        const auto sent = sim.run(j.id, {b}, start, 30);
        QVERIFY(sent && sent->at(0).messages.at(0).problem.isEmpty());
        QVERIFY(accounts.remove(smtp.id));
        QVERIFY2(repo.activate(j.id), qPrintable(repo.errorString()));
    }

    // A field a node names must exist: a custom field by its key, a date
    // trigger's a date; the journey cannot start, the problem on the node.
    void missingFieldsStopAStart()
    {
        JourneyGraph g;
        const QString t = g.addNode(QStringLiteral("trigger.date"),
                                    {{QStringLiteral("field"), QStringLiteral("custom.renewal")},
                                     {QStringLiteral("time"), QStringLiteral("09:00")}});
        const QString set = g.addNode(QStringLiteral("action.field"),
                                      {{QStringLiteral("field"), QStringLiteral("custom.tier")},
                                       {QStringLiteral("value"), QStringLiteral("gold")}});
        const QString own = g.addNode(QStringLiteral("action.field"),
                                      {{QStringLiteral("field"), QStringLiteral("email")},
                                       {QStringLiteral("value"), QStringLiteral("x")}});
        g.connectNodes(t, QStringLiteral("next"), set);
        g.connectNodes(set, QStringLiteral("next"), own);
        Journey j;
        j.name = QStringLiteral("Renewals");
        j.graph = g.toJson();
        JourneyRepository repo(m_ws->db());
        QVERIFY(repo.save(j));
        QVERIFY(!repo.activate(j.id));
        QHash<QString, QString> byNode;
        for (const JourneyIssue &i : repo.issues())
            byNode.insert(i.nodeId, i.message);
        QVERIFY2(byNode.value(t).contains(QLatin1String("\"renewal\"")),
                 qPrintable(byNode.value(t)));
        QVERIFY(byNode.value(set).contains(QLatin1String("\"tier\"")));
        QVERIFY(byNode.value(own).contains(QLatin1String("\"email\"")));
        CustomFieldRepository fields(m_ws->db());
        FieldDefinition renewal;
        renewal.key = QStringLiteral("renewal");
        renewal.label = QStringLiteral("Renewal");
        renewal.type = FieldType::Text;
        FieldDefinition tier;
        tier.key = QStringLiteral("tier");
        tier.label = QStringLiteral("Tier");
        QVERIFY(fields.add(renewal) && fields.add(tier));
        QVERIFY(!repo.activate(j.id));
        byNode.clear();
        for (const JourneyIssue &i : repo.issues())
            byNode.insert(i.nodeId, i.message);
        QVERIFY(byNode.value(t).contains(QLatin1String("not a date field")));
        QVERIFY(!byNode.contains(set));
        QVERIFY(byNode.contains(own));
    }

    // The simulator's copy keeps each contact's stage (it lives beside the
    // score): a condition on it takes the branch the workspace would take.
    void simulatorKeepsStages()
    {
        const qint64 vera = addContact(QStringLiteral("Vera"));
        QVERIFY(StageChanges(m_ws->db().connection())
                    .change(vera, QStringLiteral("subscriber"), QStringLiteral("customer"), 1000));
        JourneyGraph g;
        const QString t = g.addNode(QStringLiteral("trigger.manual"));
        SegmentRule customers;
        customers.root.children << SegmentNode::condition(
            QStringLiteral("field"), QStringLiteral("stage"), QStringLiteral("is"),
            QJsonArray{QStringLiteral("customer")});
        const QString cond =
            g.addNode(QStringLiteral("condition"), {{QStringLiteral("rule"), customers.toJson()}});
        const QString yes = g.addNode(QStringLiteral("action.tag"),
                                      {{QStringLiteral("tag"), QStringLiteral("vip")},
                                       {QStringLiteral("op"), QStringLiteral("add")}});
        const QString no = g.addNode(QStringLiteral("action.tag"),
                                     {{QStringLiteral("tag"), QStringLiteral("other")},
                                      {QStringLiteral("op"), QStringLiteral("add")}});
        g.connectNodes(t, QStringLiteral("next"), cond);
        g.connectNodes(cond, QStringLiteral("yes"), yes);
        g.connectNodes(cond, QStringLiteral("no"), no);
        Journey j;
        j.name = QStringLiteral("Stage draft");
        j.graph = g.toJson();
        QVERIFY(JourneyRepository(m_ws->db()).save(j));
        JourneySimulator sim(m_ws->db());
        const auto runs =
            sim.run(j.id, {vera}, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC), 1);
        QVERIFY2(runs, qPrintable(sim.errorString()));
        QCOMPARE(runs->at(0).path.at(1).nodeId, cond);
        QCOMPARE(runs->at(0).path.at(1).port, QStringLiteral("yes"));
    }

    void demoSamples()
    {
        DemoWorkspace demo(m_ws->db());
        DemoWorkspace::Options options;
        options.contacts = 200;
        QVERIFY(demo.populate(options));
        QVERIFY2(demo.addSamples(QStringLiteral("fa")), qPrintable(demo.errorString()));
        QVERIFY(demo.addSamples(QStringLiteral("fa"))); // again: nothing twice
        const QList<Segment> segments = SegmentRepository(m_ws->db()).list();
        QCOMPARE(segments.size(), 4);
        for (const Segment &s : segments)
            QVERIFY(SegmentRepository(m_ws->db()).count(s.id).has_value());
        const QList<Journey> journeys = JourneyRepository(m_ws->db()).list();
        QCOMPARE(journeys.size(), 3);
        int running = 0;
        for (const Journey &j : journeys)
            running += j.status == QLatin1String("active");
        QCOMPARE(running, 1);
        // The running journey has people at several of its steps, and the
        // Persian journeys flow from the right.
        QSqlQuery at(m_ws->db().connection());
        QVERIFY(at.exec(
            QStringLiteral("SELECT count(DISTINCT node_id), count(*), "
                           "sum(CASE WHEN state = 'active' THEN 1 ELSE 0 END) FROM enrollments")));
        QVERIFY(at.next());
        QVERIFY2(at.value(0).toInt() >= 2, qPrintable(at.value(0).toString()));
        QVERIFY(at.value(1).toInt() >= 20);
        QVERIFY(at.value(2).toInt() > 0 && at.value(2).toInt() < at.value(1).toInt());
        for (const Journey &j : journeys) {
            JourneyGraph g;
            QString error;
            QVERIFY(g.fromJson(j.graph, &error));
            for (const JourneyNode &n : g.nodes())
                QVERIFY2(n.position.x() <= 0, qPrintable(j.name + n.id));
        }
        // Every message a journey sends exists, in Persian, and previews:
        // the sender's name, address and a way to unsubscribe are set.
        static const QRegularExpression persian(QStringLiteral("[\\x{0600}-\\x{06FF}]"));
        const TemplateRepository templates(m_ws->db());
        const SenderInfo sender = UnsubscribeTokens(m_ws->db()).senderInfo();
        int named = 0;
        for (const Journey &j : journeys) {
            for (const QJsonValue &n : j.graph.value(QStringLiteral("nodes")).toArray()) {
                const QString name =
                    n[QStringLiteral("config")][QStringLiteral("template")].toString();
                if (name.isEmpty())
                    continue;
                ++named;
                const auto t = templates.find(name);
                QVERIFY2(t, qPrintable(name));
                QVERIFY2(t->body.contains(persian), qPrintable(name));
                const CompiledMessage m = MessageRenderer::compile(*t, MergeVocabulary(), sender);
                QVERIFY2(m.isValid(), qPrintable(name + QLatin1Char(' ') + m.errors.join(u' ')));
            }
        }
        QCOMPARE(named, 7); // welcome 3, cart 2, birthday 2
        // "In Tehran" finds the demo's people in Tehran, whatever the language.
        const QString tehranName = DemoWorkspace::tr("In Tehran");
        for (const Segment &s : segments) {
            if (s.name == tehranName)
                QVERIFY(*SegmentRepository(m_ws->db()).count(s.id) > 0);
        }
    }

    void templatesAreCompleteInBothLanguages()
    {
        const QList<JourneyTemplate> en = JourneyTemplates::all(QStringLiteral("en"));
        const QList<JourneyTemplate> fa = JourneyTemplates::all(QStringLiteral("fa"));
        QCOMPARE(en.size(), 8);
        QCOMPARE(fa.size(), 8);
        static const QRegularExpression persian(QStringLiteral("[\\x{0600}-\\x{06FF}]"));
        for (int i = 0; i < en.size(); ++i) {
            QCOMPARE(en[i].key, fa[i].key);
            QVERIFY(!en[i].name.isEmpty() && !en[i].description.isEmpty());
            QVERIFY2(persian.match(fa[i].name).hasMatch(), qPrintable(fa[i].key));
            QVERIFY2(persian.match(fa[i].description).hasMatch(), qPrintable(fa[i].key));
            for (const JourneyTemplate &t : {en[i], fa[i]}) {
                JourneyGraph g;
                QString error;
                QVERIFY2(g.fromJson(t.graph, &error), qPrintable(t.key + error));
                const QList<JourneyIssue> issues = g.validate();
                QVERIFY2(issues.isEmpty(),
                         qPrintable(t.key + QLatin1Char(' ') +
                                    (issues.isEmpty() ? QString() : issues.first().message)));
                for (const JourneyNode &n : g.nodes()) {
                    if (n.type != QLatin1String("action.email") &&
                        n.type != QLatin1String("action.sms"))
                        continue;
                    const QJsonObject m =
                        t.messages.value(n.config.value(QStringLiteral("template")).toString())
                            .toObject();
                    QVERIFY2(!m.isEmpty(), qPrintable(t.key + QLatin1Char(' ') + n.id));
                    QVERIFY(persian
                                .match(m.value(QStringLiteral("fa"))
                                           .toObject()
                                           .value(QStringLiteral("body"))
                                           .toString())
                                .hasMatch());
                }
            }
        }
    }

    void abandonedCartTemplateOnAVirtualClock()
    {
        const auto t =
            JourneyTemplates::find(QStringLiteral("abandoned_cart"), QStringLiteral("en"));
        QVERIFY(t);
        // Made as the app makes it: with the templates its messages name.
        QString error;
        const auto id = JourneyTemplates::create(m_ws->db(), *t, t->name, &error);
        QVERIFY2(id, qPrintable(error));
        QVERIFY(TemplateRepository(m_ws->db()).find(QStringLiteral("cart.reminder")));
        JourneyRepository repo(m_ws->db());
        QVERIFY2(repo.activate(*id), qPrintable(repo.errorString()));
        Journey j = *repo.find(*id);
        const qint64 buyer = addContact(QStringLiteral("Buyer"));
        const qint64 browser = addContact(QStringLiteral("Browser"));
        EventStore ev(m_ws->db().connection());
        ev.append(buyer, QStringLiteral("cart_abandoned"), m_clock->now());
        ev.append(browser, QStringLiteral("cart_abandoned"), m_clock->now());
        QCOMPARE(run().enrolled, 2);
        m_clock->advance(kHour);
        ev.append(buyer, EventType::Purchase, m_clock->now(), {{QStringLiteral("amount"), 120}});
        run(); // the purchase wakes the buyer: the journey ends, no reminder
        m_clock->advance(kHour + 1);
        run();
        QCOMPARE(outboxFor(buyer, QStringLiteral("cart.reminder")), 0);
        QCOMPARE(outboxFor(browser, QStringLiteral("cart.reminder")), 1);
        m_clock->advance(22 * kHour);
        run();
        QCOMPARE(outboxFor(browser, QStringLiteral("cart.coupon")), 1);
        QCOMPARE(outboxFor(buyer, QStringLiteral("cart.coupon")), 0);
    }

    void segmentFieldDateMessageEnrolAndRemove()
    {
        // A journey another one enrols into, and that removes its contacts at once.
        QVERIFY(journey(QStringLiteral("Follow-up"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.manual"));
            const QString m = g.addNode(QStringLiteral("action.email"),
                                        {{QStringLiteral("template"), QStringLiteral("follow")}});
            const QString out = g.addNode(QStringLiteral("action.remove"));
            g.connectNodes(t, QStringLiteral("next"), m);
            g.connectNodes(m, QStringLiteral("next"), out);
        }));
        // Segment "Tehran": entering it starts the journey.
        SegmentRule tehran;
        tehran.root.children << SegmentNode::condition(
            QStringLiteral("field"), QStringLiteral("city"), QStringLiteral("equals"),
            QStringLiteral("Tehran"));
        Segment seg;
        seg.name = QStringLiteral("Tehran");
        seg.rule = tehran;
        QVERIFY(SegmentRepository(m_ws->db()).save(seg));
        const QString until = m_clock->now().addDays(2).toString(Qt::ISODate);
        QVERIFY(journey(QStringLiteral("Arrivals"), [&](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.segment"),
                                        {{QStringLiteral("segment"), QStringLiteral("Tehran")},
                                         {QStringLiteral("change"), QStringLiteral("entered")}});
            const QString hello =
                g.addNode(QStringLiteral("action.email"),
                          {{QStringLiteral("template"), QStringLiteral("salam")}});
            const QString w = g.addNode(QStringLiteral("wait.until"),
                                        {{QStringLiteral("mode"), QStringLiteral("datetime")},
                                         {QStringLiteral("at"), until}});
            const QString clicked =
                g.addNode(QStringLiteral("condition"),
                          {{QStringLiteral("message"), hello},
                           {QStringLiteral("outcome"), QStringLiteral("clicked")}});
            const QString enrol =
                g.addNode(QStringLiteral("action.enrol"),
                          {{QStringLiteral("journey"), QStringLiteral("Follow-up")}});
            g.connectNodes(t, QStringLiteral("next"), hello);
            g.connectNodes(hello, QStringLiteral("next"), w);
            g.connectNodes(w, QStringLiteral("next"), clicked);
            g.connectNodes(clicked, QStringLiteral("yes"), enrol);
        }));
        QVERIFY(journey(QStringLiteral("Moved away"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.field_changed"),
                                        {{QStringLiteral("field"), QStringLiteral("city")}});
            const QString tag = g.addNode(QStringLiteral("action.tag"),
                                          {{QStringLiteral("tag"), QStringLiteral("moved")}});
            g.connectNodes(t, QStringLiteral("next"), tag);
        }));
        const qint64 early = addContact(QStringLiteral("Early"), QStringLiteral("Tehran"));
        run(); // the first look only takes the picture: Early was already in
        QCOMPARE(outboxFor(early, QStringLiteral("salam")), 0);

        const qint64 nima = addContact(QStringLiteral("Nima"), QStringLiteral("Shiraz"));
        const qint64 sara = addContact(QStringLiteral("Sara"), QStringLiteral("Shiraz"));
        ContactRepository repo(m_ws->db());
        for (const qint64 id : {nima, sara}) {
            Contact c = *repo.find(id);
            c.city = QStringLiteral("Tehran");
            QVERIFY(repo.update(c)); // a field change, and now in the segment
        }
        m_clock->advance(61000);
        run();
        QCOMPARE(outboxFor(nima, QStringLiteral("salam")), 1);
        QCOMPARE(outboxFor(sara, QStringLiteral("salam")), 1);
        QCOMPARE(outboxFor(early, QStringLiteral("salam")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON "
                                       "t.id = ct.tag_id WHERE t.name = 'moved'")),
                 2);
        // Nima clicks the email; after the date both go on, only Nima to the follow-up.
        const qint64 sent = scalar(QStringLiteral("SELECT id FROM outbox WHERE contact_id = ? AND "
                                                  "template = 'salam'"),
                                   {nima});
        EventStore(m_ws->db().connection())
            .append(nima, EventType::EmailClicked, m_clock->now(),
                    {{QStringLiteral("outbox"), sent}});
        run();
        QCOMPARE(outboxFor(nima, QStringLiteral("follow")), 0); // still waiting for the date
        m_clock->advance(2 * 24 * kHour);
        run();
        run(); // the follow-up journey's own steps
        QCOMPARE(outboxFor(nima, QStringLiteral("follow")), 1);
        QCOMPARE(outboxFor(sara, QStringLiteral("follow")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM enrollments e JOIN journeys j ON j.id "
                                       "= e.journey_id WHERE j.name = 'Follow-up' AND e.state = "
                                       "'exited' AND e.exit_reason = 'removed'")),
                 1);
    }

    void aBatchPassesOverStepsAnotherWorkerClaimed()
    {
        // On a server, workers run their batches of steps beside each other: a
        // batch claims its enrolments and their contacts, and another batch
        // passes over what is claimed instead of waiting for it.
        const qint64 id = journey(QStringLiteral("Claimed"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.manual"));
            const QString tag = g.addNode(QStringLiteral("action.tag"),
                                          {{QStringLiteral("tag"), QStringLiteral("moved")}});
            g.connectNodes(t, QStringLiteral("next"), tag);
        });
        QVERIFY(id);
        const QList<qint64> contacts{
            addContact(QStringLiteral("Ava")), addContact(QStringLiteral("Bita")),
            addContact(QStringLiteral("Cyrus")), addContact(QStringLiteral("Dara"))};
        JourneyEngine engine(m_ws->db(), *m_clock);
        QCOMPARE(engine.enrol(id, contacts).value_or(-1), 4);
        auto tagged = [this] {
            return scalar(QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON "
                                         "t.id = ct.tag_id WHERE t.name = 'moved'"));
        };

        // Another worker holds the first two contacts' steps (on a file, one
        // writer at a time: nothing to hold beside the engine's batch)
        if (!test::onPostgres())
            QSKIP("A server's: a file lets one writer in at a time.");
        Database other(m_ws->path());
        QVERIFY2(other.open(), qPrintable(other.errorString()));
        {
            Transaction held(other.connection(), Transaction::Mode::Claim);
            QVERIFY2(held.isActive(), qPrintable(held.errorString()));
            QSqlQuery claim(other.connection());
            QVERIFY(claim.exec(QStringLiteral("SELECT e.id FROM enrollments e JOIN contact_scores "
                                              "s ON s.contact_id = e.contact_id WHERE "
                                              "e.contact_id IN (%1, %2)")
                                   .arg(contacts[0])
                                   .arg(contacts[1]) +
                               SqlDialect(other.connection()).claim(QStringLiteral("e, s"))));
            int claimed = 0;
            while (claim.next())
                ++claimed;
            QCOMPARE(claimed, 2);

            QElapsedTimer waited;
            waited.start();
            const auto stats = engine.runDue(100);
            QVERIFY2(stats, qPrintable(engine.errorString()));
            QVERIFY2(waited.elapsed() < PostgresWorkspace::kWriteWaitMs / 2,
                     "the batch waited for the other worker's claim");
            QCOMPARE(stats->completed, 2);
            QCOMPARE(tagged(), 2);
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = "
                                           "'active' AND contact_id IN (?, ?)"),
                            {contacts[0], contacts[1]}),
                     2);
            // a writer that is not a claim writer waits for every claim writer
            QSqlQuery writer(m_ws->db().connection());
            QVERIFY(writer.exec(QStringLiteral("BEGIN")));
            QVERIFY(writer.exec(QStringLiteral("SET LOCAL lock_timeout = '200ms'")));
            QVERIFY(!writer.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)")
                                     .arg(PostgresWorkspace::kWriteLock)));
            QVERIFY(writer.exec(QStringLiteral("ROLLBACK")));
        } // the other worker gives its claim back, having moved nothing
        const auto rest = engine.runDue(100);
        QVERIFY2(rest, qPrintable(engine.errorString()));
        QCOMPARE(rest->completed, 2);
        QCOMPARE(tagged(), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'active'")),
                 0);
        // every step tallied once, though the batches held their tallies to the end
        QCOMPARE(scalar(QStringLiteral("SELECT sum(events) FROM event_tallies WHERE kind = ?"),
                        {EventType::TagAdded}),
                 4);
    }
};

QTEST_GUILESS_MAIN(tst_JourneyEngine)
#include "tst_JourneyEngine.moc"
