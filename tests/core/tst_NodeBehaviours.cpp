// Each journey node type run on its own, without the engine: its registration
// (ports, settings, summary) and its behaviour (decide, then apply) on a real
// workspace, with the engine's services played by the test.

#include "contacts/ContactRepository.h"
#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"
#include "journeys/NodeBehaviour.h"
#include "journeys/NodeTypes.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Transaction.h"

#include "TestWorkspace.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace masir;

namespace {

constexpr qint64 kHour = 3600000;
constexpr qint64 kDay = 24 * kHour;

/// The engine's side, as the test wants it.
class FakeServices final : public StepServices
{
public:
    bool ruleMatches = false;
    bool otherRuns = false;
    QStringList enrolled;

    std::optional<bool> matchesRule(const QString &, qint64) override { return ruleMatches; }
    bool canEnrolInto(const QString &, qint64) override { return otherRuns; }
    std::optional<qint64> enrolInto(const QString &name, qint64, qint64) override
    {
        enrolled << name;
        return 1;
    }
};

} // namespace

class tst_NodeBehaviours : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    qint64 m_contact = 0;
    Journey m_journey;
    Enrolment m_enrolment;
    FakeServices m_services;
    JourneyRunStats m_stats;
    /// 2024-03-20 10:00 UTC, a Wednesday
    const qint64 m_now =
        QDateTime(QDate(2024, 3, 20), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    /// Runs a node of \a type with \a config: decide(), then, unless it waits,
    /// apply(), in one transaction as the engine would.
    StepDecision run(const QString &type, const QJsonObject &config = {}, bool *applied = nullptr)
    {
        const NodeType *t = NodeTypes::find(type);
        if (!t) {
            qWarning() << "no type" << type;
            return {};
        }
        JourneyNode node;
        node.id = QStringLiteral("n7");
        node.type = type;
        node.config = t->defaults;
        for (auto it = config.begin(); it != config.end(); ++it)
            node.config.insert(it.key(), it.value());
        Transaction tx(m_ws->db().connection(), Transaction::Mode::Write);
        StepWriters writers(m_ws->db());
        StepContext c{m_journey, node, m_enrolment, 3, m_now, writers, m_services, m_stats, {}};
        const auto d = t->behaviour->decide(c);
        if (!d) {
            qWarning() << "decide failed:" << c.error;
            return {};
        }
        const bool apply = d->waitUntil <= m_now;
        if (apply && !t->behaviour->apply(c, *d))
            qWarning() << "apply failed:" << c.error;
        if (applied)
            *applied = apply;
        tx.commit();
        return *d;
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        Contact c;
        c.firstName = QStringLiteral("Sara");
        c.email = QStringLiteral("sara@example.com");
        c.phone = QStringLiteral("+989121234567");
        c.owner = QStringLiteral("reza");
        ContactRepository repo(m_ws->db());
        QVERIFY2(repo.create(c), qPrintable(repo.errorString()));
        m_contact = c.id;
        m_journey = Journey();
        m_journey.id = 1;
        m_journey.name = QStringLiteral("Welcome");
        m_enrolment = Enrolment();
        m_enrolment.id = 11;
        m_enrolment.journeyId = 1;
        m_enrolment.contactId = m_contact;
        m_enrolment.nodeId = QStringLiteral("n7");
        m_enrolment.nodeSince = m_now - kHour;
        m_enrolment.status = QStringLiteral("active");
        m_enrolment.email = c.email;
        m_enrolment.phone = c.phone;
        m_enrolment.emailConsent = QStringLiteral("unknown");
        m_enrolment.smsConsent = QStringLiteral("unknown");
        m_enrolment.timezone = QStringLiteral("UTC");
        m_enrolment.owner = c.owner;
        m_enrolment.stage = QStringLiteral("subscriber");
        m_services = FakeServices();
        m_stats = JourneyRunStats();
    }

    void cleanup() { m_ws.reset(); }

    void everyTypeIsComplete()
    {
        QSet<QString> keys;
        for (const NodeType &t : NodeTypes::all()) {
            QVERIFY2(!keys.contains(t.key), qPrintable(t.key));
            keys.insert(t.key);
            QVERIFY2(t.behaviour && t.ports && t.portLabel && t.validate && t.summary,
                     qPrintable(t.key));
            QCOMPARE(t.hasInput, t.category != NodeType::Category::Trigger);
            QCOMPARE(t.trigger.kind != TriggerSource::Kind::None,
                     t.category == NodeType::Category::Trigger);
            if (t.trigger.kind == TriggerSource::Kind::Events)
                QVERIFY2(t.trigger.eventTypes && t.trigger.matches, qPrintable(t.key));
            // the defaults need at most what the validator names
            for (const ConfigField &f : t.fields)
                QVERIFY2(!f.label().isEmpty(), qPrintable(t.key + QLatin1Char('/') + f.key));
        }
        QCOMPARE(keys.size(), 28);
    }

    void triggersPassTheContactOn()
    {
        for (const NodeType &t : NodeTypes::all()) {
            if (t.category != NodeType::Category::Trigger)
                continue;
            const StepDecision d = run(t.key);
            QCOMPARE(d.port, QStringLiteral("next"));
            QCOMPARE(d.waitUntil, 0);
        }
    }

    void eventTriggersMatchTheirEvents()
    {
        const NodeType *tag = NodeTypes::find(QStringLiteral("trigger.tag"));
        const QJsonObject vip{{QStringLiteral("tag"), QStringLiteral("VIP")},
                              {QStringLiteral("change"), QStringLiteral("removed")}};
        QCOMPARE(tag->trigger.eventTypes(vip), QStringList{QStringLiteral("tag_removed")});
        QVERIFY(tag->trigger.matches(vip, {{QStringLiteral("tag"), QStringLiteral("vip")}}));
        QVERIFY(!tag->trigger.matches(vip, {{QStringLiteral("tag"), QStringLiteral("new")}}));

        const NodeType *event = NodeTypes::find(QStringLiteral("trigger.event"));
        const QJsonObject big{
            {QStringLiteral("event"), QStringLiteral("purchase")},
            {QStringLiteral("filters"),
             QJsonArray{QJsonObject{{QStringLiteral("property"), QStringLiteral("amount")},
                                    {QStringLiteral("op"), QStringLiteral("gt")},
                                    {QStringLiteral("value"), 100}}}}};
        QCOMPARE(event->trigger.eventTypes(big), QStringList{QStringLiteral("purchase")});
        QVERIFY(event->trigger.matches(big, {{QStringLiteral("amount"), 150}}));
        QVERIFY(event->trigger.matches(big, {{QStringLiteral("amount"), QStringLiteral("150")}}));
        QVERIFY(!event->trigger.matches(big, {{QStringLiteral("amount"), 90}}));

        const NodeType *stage = NodeTypes::find(QStringLiteral("trigger.stage_changed"));
        const QJsonObject toCustomer{{QStringLiteral("to"), QStringLiteral("customer")}};
        QVERIFY(stage->trigger.matches(toCustomer,
                                       {{QStringLiteral("from"), QStringLiteral("sql")},
                                        {QStringLiteral("to"), QStringLiteral("customer")}}));
        QVERIFY(
            !stage->trigger.matches(toCustomer, {{QStringLiteral("to"), QStringLiteral("lost")}}));

        const NodeType *field = NodeTypes::find(QStringLiteral("trigger.field_changed"));
        QVERIFY(field->trigger.matches(
            {{QStringLiteral("field"), QStringLiteral("city")}},
            {{QStringLiteral("fields"), QJsonArray{QStringLiteral("city")}}}));
    }

    void waitDurationWaitsFromWhenTheContactArrived()
    {
        StepDecision d =
            run(QStringLiteral("wait.duration"),
                {{QStringLiteral("amount"), 2}, {QStringLiteral("unit"), QStringLiteral("hours")}});
        QCOMPARE(d.waitUntil, m_enrolment.nodeSince + 2 * kHour);
        m_enrolment.nodeSince = m_now - 3 * kHour;
        d = run(QStringLiteral("wait.duration"),
                {{QStringLiteral("amount"), 2}, {QStringLiteral("unit"), QStringLiteral("hours")}});
        QCOMPARE(d.waitUntil, 0);
        QCOMPARE(d.port, QStringLiteral("next"));
    }

    void waitUntilOpensTheNextWindowInTheContactsZone()
    {
        // Wednesday 10:00 UTC is 13:30 in Tehran: outside 09:00-12:00, so Thursday 09:00 there
        m_enrolment.timezone = QStringLiteral("Asia/Tehran");
        const StepDecision d =
            run(QStringLiteral("wait.until"), {{QStringLiteral("days"), QJsonArray{4}},
                                               {QStringLiteral("from"), QStringLiteral("09:00")},
                                               {QStringLiteral("to"), QStringLiteral("12:00")}});
        const QTimeZone tehran("Asia/Tehran");
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(d.waitUntil, tehran),
                 QDateTime(QDate(2024, 3, 21), QTime(9, 0), tehran));
        // inside the window: on at once
        const StepDecision now =
            run(QStringLiteral("wait.until"), {{QStringLiteral("days"), QJsonArray{3}},
                                               {QStringLiteral("from"), QStringLiteral("13:00")},
                                               {QStringLiteral("to"), QStringLiteral("14:00")}});
        QCOMPARE(now.waitUntil, 0);
    }

    void waitEventGoesOnWhenTheEventHappened()
    {
        const QJsonObject opened{{QStringLiteral("event"), QStringLiteral("email_opened")},
                                 {QStringLiteral("timeoutHours"), 48}};
        StepDecision d = run(QStringLiteral("wait.event"), opened);
        QCOMPARE(d.waitUntil, m_enrolment.nodeSince + 48 * kHour);
        QCOMPARE(d.waitEvent, QStringLiteral("email_opened"));
        EventStore(m_ws->db().connection())
            .append(m_contact, QStringLiteral("email_opened"), m_now - 1);
        d = run(QStringLiteral("wait.event"), opened);
        QCOMPARE(d.port, QStringLiteral("yes"));
        m_enrolment.nodeSince = m_now - 49 * kHour;
        EventStore(m_ws->db().connection())
            .append(m_contact, QStringLiteral("email_opened"), m_now - 49 * kHour - 1); // before
        QSqlQuery(m_ws->db().connection())
            .exec(QStringLiteral("DELETE FROM events WHERE occurred_at = %1").arg(m_now - 1));
        d = run(QStringLiteral("wait.event"), opened);
        QCOMPARE(d.port, QStringLiteral("timeout"));
    }

    void conditionAsksTheRuleOrTheMessage()
    {
        m_services.ruleMatches = true;
        QCOMPARE(run(QStringLiteral("condition")).port, QStringLiteral("yes"));
        m_services.ruleMatches = false;
        QCOMPARE(run(QStringLiteral("condition")).port, QStringLiteral("no"));

        // "was the email of node n2 opened?": its outbox row, then its events
        const QJsonObject wasOpened{{QStringLiteral("message"), QStringLiteral("n2")},
                                    {QStringLiteral("outcome"), QStringLiteral("opened")}};
        QCOMPARE(run(QStringLiteral("condition"), wasOpened).port, QStringLiteral("no"));
        OutboxEntry e;
        e.idempotencyKey = QStringLiteral("k1");
        e.channel = QStringLiteral("email");
        e.contactId = m_contact;
        e.enrollmentId = m_enrolment.id;
        e.nodeId = QStringLiteral("n2");
        const auto id = Outbox(m_ws->db()).add(e);
        QVERIFY(id && *id > 0);
        EventStore(m_ws->db().connection())
            .append(m_contact, QStringLiteral("email_opened"), m_now,
                    {{QStringLiteral("outbox"), *id}});
        QCOMPARE(run(QStringLiteral("condition"), wasOpened).port, QStringLiteral("yes"));
        QJsonObject neither = wasOpened;
        neither.insert(QStringLiteral("outcome"), QStringLiteral("neither"));
        QCOMPARE(run(QStringLiteral("condition"), neither).port, QStringLiteral("no"));
    }

    void splitIsStableForAnEnrolment()
    {
        const QString first = run(QStringLiteral("split")).port;
        QVERIFY(first == QLatin1String("a") || first == QLatin1String("b"));
        QCOMPARE(run(QStringLiteral("split")).port, first);
        // shares are respected over many enrolments
        int a = 0;
        for (qint64 e = 1; e <= 1000; ++e) {
            m_enrolment.id = e;
            a += run(QStringLiteral("split"),
                     {{QStringLiteral("branches"),
                       QJsonArray{QJsonObject{{QStringLiteral("percent"), 20}},
                                  QJsonObject{{QStringLiteral("percent"), 80}}}}})
                     .port == QLatin1String("a");
        }
        QVERIFY2(a > 150 && a < 250, qPrintable(QString::number(a)));
    }

    void goalAndExitEndOrPassOn()
    {
        QCOMPARE(run(QStringLiteral("goal")).port, QStringLiteral("next"));
        const StepDecision exit = run(QStringLiteral("exit"));
        QVERIFY(exit.port.isEmpty());
        QCOMPARE(exit.end, StepDecision::End::Complete);
        const StepDecision remove = run(QStringLiteral("action.remove"));
        QCOMPARE(remove.end, StepDecision::End::Remove);
    }

    void emailGoesToTheOutboxOnce()
    {
        bool applied = false;
        run(QStringLiteral("action.email"),
            {{QStringLiteral("template"), QStringLiteral("welcome.hello")}}, &applied);
        QVERIFY(applied);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email' AND "
                                       "template = 'welcome.hello' AND recipient = ? AND "
                                       "idempotency_key = 'journey:11:n7:3'"),
                        {m_enrolment.email}),
                 1);
        QCOMPARE(m_stats.queued, 1);
        // the same step again writes nothing
        run(QStringLiteral("action.email"),
            {{QStringLiteral("template"), QStringLiteral("welcome.hello")}});
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 1);
        QCOMPARE(m_stats.queued, 1);
    }

    void sendsSkipWhomTheyCannotReachAndWaitOutQuietHours()
    {
        m_enrolment.smsConsent = QStringLiteral("withdrawn");
        StepDecision d =
            run(QStringLiteral("action.sms"), {{QStringLiteral("template"), QStringLiteral("s")}});
        QCOMPARE(d.outcome, QStringLiteral("skipped: not reachable on this channel"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);

        m_journey.policy.quietFrom = QStringLiteral("09:00");
        m_journey.policy.quietTo = QStringLiteral("11:00");
        d = run(QStringLiteral("action.email"),
                {{QStringLiteral("template"), QStringLiteral("t")}});
        QVERIFY(d.deferred);
        QCOMPARE(d.waitUntil, m_now + kHour); // 11:00 UTC
    }

    void dailyCapMovesMarketingEmailToTomorrow()
    {
        QVERIFY(WorkspaceSettings(m_ws->db()).setValue(WorkspaceSettings::Key::EmailsPerDay, 1));
        run(QStringLiteral("action.email"), {{QStringLiteral("template"), QStringLiteral("t")}});
        m_enrolment.id = 12;
        const StepDecision d = run(QStringLiteral("action.email"),
                                   {{QStringLiteral("template"), QStringLiteral("t")}});
        QVERIFY(d.deferred);
        QCOMPARE(d.waitUntil, m_now + kDay);
        // transactional mail has no cap
        const StepDecision t =
            run(QStringLiteral("action.email"), {{QStringLiteral("template"), QStringLiteral("t")},
                                                 {QStringLiteral("transactional"), true}});
        QCOMPARE(t.waitUntil, 0);
    }

    void webhookIsAnOutboxRow()
    {
        run(QStringLiteral("action.webhook"),
            {{QStringLiteral("url"), QStringLiteral("https://shop.test/hook")}});
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'webhook' AND "
                                       "recipient = 'https://shop.test/hook' AND marketing = 0")),
                 1);
    }

    void tagAddsAndRemovesWithTheirEvents()
    {
        run(QStringLiteral("action.tag"), {{QStringLiteral("tag"), QStringLiteral("VIP")}});
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags WHERE contact_id = ?"),
                        {m_contact}),
                 1);
        run(QStringLiteral("action.tag"),
            {{QStringLiteral("tag"), QStringLiteral("vip")}}); // has it
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'tag_added'")), 1);
        run(QStringLiteral("action.tag"), {{QStringLiteral("tag"), QStringLiteral("VIP")},
                                           {QStringLiteral("op"), QStringLiteral("remove")}});
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags WHERE contact_id = ?"),
                        {m_contact}),
                 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'tag_removed' AND "
                                       "payload LIKE '%Welcome%'")),
                 1);
    }

    void fieldSetsAKnownFieldOnly()
    {
        run(QStringLiteral("action.field"), {{QStringLiteral("field"), QStringLiteral("city")},
                                             {QStringLiteral("value"), QStringLiteral("كرج")}});
        QCOMPARE(ContactRepository(m_ws->db()).find(m_contact)->city, QStringLiteral("کرج"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'contact_updated'")),
            1);
        const StepDecision d = run(QStringLiteral("action.field"),
                                   {{QStringLiteral("field"), QStringLiteral("password")},
                                    {QStringLiteral("value"), QStringLiteral("x")}});
        QCOMPARE(d.outcome, QStringLiteral("skipped: unknown field"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'contact_updated'")),
            1);
    }

    void stageChangesWithItsEvent()
    {
        run(QStringLiteral("action.stage"), {{QStringLiteral("stage"), QStringLiteral("lead")}});
        QCOMPARE(ContactRepository(m_ws->db()).find(m_contact)->stage, QStringLiteral("lead"));
        QCOMPARE(m_enrolment.stage, QStringLiteral("lead"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'stage_changed'")),
                 1);
        run(QStringLiteral("action.stage"),
            {{QStringLiteral("stage"), QStringLiteral("lead")}}); // no change
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'stage_changed'")),
                 1);
    }

    void scoreMovesWithItsHistory()
    {
        run(QStringLiteral("action.score"), {{QStringLiteral("points"), 15}});
        QCOMPARE(scalar(QStringLiteral("SELECT score FROM contact_scores WHERE contact_id = ?"),
                        {m_contact}),
                 15);
        QCOMPARE(
            scalar(QStringLiteral("SELECT to_score FROM score_changes WHERE reason = 'journey'")),
            15);
        QCOMPARE(m_enrolment.score, 15);
    }

    void taskIsForTheOwnerAndOnTheTimeline()
    {
        run(QStringLiteral("action.task"),
            {{QStringLiteral("title"), QStringLiteral("Call")}, {QStringLiteral("dueDays"), 2}});
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT due_at FROM tasks WHERE owner = 'reza' AND title = 'Call'")),
                 m_now + 2 * kDay);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'task_created'")),
                 1);
    }

    void notifyKeepsTheMessage()
    {
        run(QStringLiteral("action.notify"),
            {{QStringLiteral("message"), QStringLiteral("Hot lead")}});
        QCOMPARE(m_stats.notifications, QStringList{QStringLiteral("Hot lead")});
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM notifications WHERE source = 'Welcome'")),
            1);
    }

    void enrolAsksTheOtherJourney()
    {
        const QJsonObject other{{QStringLiteral("journey"), QStringLiteral("Nurture")}};
        QCOMPARE(run(QStringLiteral("action.enrol"), other).outcome,
                 QStringLiteral("skipped: the other journey is not running"));
        QVERIFY(m_services.enrolled.isEmpty());
        m_services.otherRuns = true;
        QVERIFY(run(QStringLiteral("action.enrol"), other).outcome.isEmpty());
        QCOMPARE(m_services.enrolled, QStringList{QStringLiteral("Nurture")});
        QCOMPARE(m_stats.enrolled, 1);
    }

    void summariesSayWhatANodeDoes()
    {
        auto summary = [](const char *type, const QJsonObject &config) {
            return NodeTypes::find(QLatin1String(type))->summary(config);
        };
        QCOMPARE(summary("wait.duration", {{QStringLiteral("amount"), 3},
                                           {QStringLiteral("unit"), QStringLiteral("days")}}),
                 NodeTypes::tr("%n day(s)", nullptr, 3));
        QCOMPARE(summary("action.email",
                         {{QStringLiteral("template"), QStringLiteral("welcome.hello")}}),
                 QStringLiteral("welcome.hello"));
        QCOMPARE(summary("condition", {}), QStringLiteral("if they match the rule"));
    }
};

QTEST_GUILESS_MAIN(tst_NodeBehaviours)
#include "tst_NodeBehaviours.moc"
