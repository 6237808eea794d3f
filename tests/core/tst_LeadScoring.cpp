#include "contacts/ContactRepository.h"
#include "contacts/TagRepository.h"
#include "crm/ContactTimeline.h"
#include "events/EventStore.h"
#include "intake/EventIntake.h"
#include "scoring/LeadScoring.h"

#include "TestWorkspace.h"

#include <QSqlQuery>
#include <QTest>

using namespace masir;

class tst_LeadScoring : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    const QDateTime m_t0 = QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);

    qint64 addContact(const QString &name, const QStringList &tags = {})
    {
        Contact c;
        c.firstName = name;
        c.email = name.toLower() + QStringLiteral("@example.com");
        c.owner = QStringLiteral("sara");
        c.tags = tags;
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE contacts SET created_at = ? WHERE id = ?"));
        q.addBindValue(m_t0.addDays(-100).toMSecsSinceEpoch());
        q.addBindValue(c.id);
        q.exec();
        return c.id;
    }
    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
    qint64 score(qint64 id)
    {
        return scalar(QStringLiteral("SELECT COALESCE((SELECT score FROM contact_scores "
                                     "WHERE contact_id = ?), 0)"),
                      {id});
    }
    QString stage(qint64 id)
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("SELECT stage FROM contact_scores WHERE contact_id = ?"));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    /// An event in through the one way in, then one cycle of live scoring;
    /// the points it gave (the score's change), or nullopt on a failure.
    std::optional<int> record(LeadScoring &scoring, qint64 id, const QString &type,
                              const QDateTime &at, const QJsonObject &payload = {})
    {
        const qint64 before = score(id);
        EventIntake intake(m_ws->db().connection());
        IncomingEvent e;
        e.contactId = id;
        e.type = type;
        e.atMs = at.toMSecsSinceEpoch();
        e.payload = payload;
        if (!intake.record(e)) {
            qWarning() << intake.errorString();
            return std::nullopt;
        }
        if (!scoring.scoreNewEvents()) {
            qWarning() << scoring.errorString();
            return std::nullopt;
        }
        return int(score(id) - before);
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
    }
    void cleanup() { m_ws.reset(); }

    void defaultsFromResearch()
    {
        const QList<ScoringRule> rules = LeadScoring(m_ws->db()).rules();
        auto points = [&](const char *type) {
            for (const ScoringRule &r : rules)
                if (r.eventType == QLatin1String(type))
                    return r.points;
            return 0;
        };
        QCOMPARE(points("email_opened"), 5);
        QCOMPARE(points("email_clicked"), 10);
        QCOMPARE(points("form_submitted"), 30);
        QCOMPARE(points("unsubscribed"), -50);
        QVERIFY(std::any_of(rules.cbegin(), rules.cend(), [](const ScoringRule &r) {
            return r.kind == ScoringRule::Kind::Inactivity && r.points < 0;
        }));
    }

    void liveScoringCapsAndThresholds()
    {
        LeadScoring scoring(m_ws->db());
        const qint64 id = addContact(QStringLiteral("Ali"));
        // opens: +5 each, at most 25 per 30 days
        QList<int> given;
        for (int i = 0; i < 7; ++i)
            given
                << record(scoring, id, EventType::EmailOpened, m_t0.addSecs(i * 60)).value_or(-99);
        QCOMPARE(given, QList<int>({5, 5, 5, 5, 5, 0, 0}));
        QCOMPARE(score(id), 25);
        QCOMPARE(stage(id), QStringLiteral("subscriber"));
        // a demo request: +30 crosses 50, the lead becomes MQL with a task for the owner
        QCOMPARE(record(scoring, id, EventType::FormSubmitted, m_t0.addSecs(3600)).value_or(-99),
                 30);
        QCOMPARE(score(id), 55);
        QCOMPARE(stage(id), QStringLiteral("mql"));
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT count(*) FROM tasks WHERE contact_id = ? AND owner = 'sara'"),
                        {id}),
                 1);
        QCOMPARE(
            scalar(
                QStringLiteral(
                    "SELECT count(*) FROM events WHERE contact_id = ? AND type = 'stage_changed'"),
                {id}),
            1);
        QCOMPARE(
            scalar(QStringLiteral(
                       "SELECT count(*) FROM score_changes WHERE contact_id = ? AND reason <> ''"),
                   {id}),
            6);
        // clicks in a new 30-day period count again; 100 makes it SQL
        for (int i = 0; i < 5; ++i)
            record(scoring, id, EventType::EmailClicked, m_t0.addDays(40).addSecs(i));
        QCOMPARE(score(id), 55 + 50);
        QCOMPARE(stage(id), QStringLiteral("sql"));
        // an unsubscribe takes 50 away, but never moves the stage back
        QCOMPARE(record(scoring, id, EventType::Unsubscribed, m_t0.addDays(41)).value_or(-99), -50);
        QCOMPARE(score(id), 55);
        QCOMPARE(stage(id), QStringLiteral("sql"));
        // events no rule knows give nothing and change nothing
        QCOMPARE(record(scoring, id, EventType::PageViewed, m_t0.addDays(41)).value_or(-99), 0);
    }

    void propertyFilter()
    {
        LeadScoring scoring(m_ws->db());
        ScoringRule big;
        big.eventType = EventType::Purchase;
        big.property = QStringLiteral("amount");
        big.op = QStringLiteral("gt");
        big.value = 100;
        big.points = 20;
        QVERIFY2(scoring.saveRule(big), qPrintable(scoring.errorString()));
        const qint64 id = addContact(QStringLiteral("Beata"));
        QCOMPARE(record(scoring, id, EventType::Purchase, m_t0,
                        QJsonObject{{QStringLiteral("amount"), 50}})
                     .value_or(-99),
                 0);
        QCOMPARE(record(scoring, id, EventType::Purchase, m_t0,
                        QJsonObject{{QStringLiteral("amount"), 150}})
                     .value_or(-99),
                 20);
        ScoringRule bad;
        bad.eventType = EventType::Purchase;
        bad.property = QStringLiteral("amount') --");
        bad.op = QStringLiteral("gt");
        bad.points = 1;
        QVERIFY(!scoring.saveRule(bad));
    }

    void recomputeMatchesLiveScoring()
    {
        LeadScoring scoring(m_ws->db());
        const qint64 a = addContact(QStringLiteral("Ali"));
        const qint64 b = addContact(QStringLiteral("Beata"));
        const qint64 idle = addContact(QStringLiteral("Chen"));
        for (int i = 0; i < 7; ++i)
            record(scoring, a, EventType::EmailOpened, m_t0.addSecs(i));
        record(scoring, a, EventType::FormSubmitted, m_t0.addSecs(10));
        record(scoring, b, EventType::EmailClicked, m_t0);
        record(scoring, b, EventType::Unsubscribed, m_t0.addSecs(5));
        const qint64 liveA = score(a), liveB = score(b);
        QCOMPARE(liveA, 55);
        QCOMPARE(liveB, -40);
        // wipe the scores, then rebuild them from history at the same moment
        QSqlQuery(m_ws->db().connection())
            .exec(QStringLiteral("UPDATE contact_scores SET score = 0"));
        const auto r = scoring.recomputeAll(m_t0.addSecs(60));
        QVERIFY2(r, qPrintable(scoring.errorString()));
        QCOMPARE(score(a), liveA);
        QCOMPARE(score(b), liveB);
        // Chen has done nothing for 100 days: three full months of decay (-5 each)
        QCOMPARE(score(idle), -15);
        QCOMPARE(r->contacts, 3);
        // each change is in the score history, and on the timeline
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM score_changes WHERE reason = "
                                       "'recompute' AND from_score = 0 AND to_score = ?"),
                        {liveB}),
                 1);
        const QList<Event> timeline = ContactTimeline(m_ws->db()).entries(idle);
        const auto change = std::find_if(timeline.cbegin(), timeline.cend(), [](const Event &e) {
            return e.type == EventType::ScoreChanged;
        });
        QVERIFY(change != timeline.cend());
        QCOMPARE(change->payload.value(QStringLiteral("to")).toInt(), -15);
        QCOMPARE(ContactTimeline::describe(*change), QStringLiteral("Score 0 → -15"));
        // recomputing again changes nothing and records nothing
        const qint64 events = scalar(QStringLiteral("SELECT count(*) FROM events"));
        const qint64 changes = scalar(QStringLiteral("SELECT count(*) FROM score_changes"));
        QCOMPARE(scoring.recomputeAll(m_t0.addSecs(60))->contacts, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events")), events);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM score_changes")), changes);
    }

    void recomputePromotes()
    {
        LeadScoring scoring(m_ws->db());
        const qint64 id = addContact(QStringLiteral("Dara"));
        EventStore store(m_ws->db().connection());
        for (int i = 0; i < 4; ++i)
            store.append(id, EventType::FormSubmitted, m_t0.addDays(-i)); // +120, no caps
        const auto r = scoring.recomputeAll(m_t0);
        QVERIFY(r);
        QCOMPARE(score(id), 120);
        QCOMPARE(stage(id), QStringLiteral("sql"));
        QCOMPARE(r->promoted, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE contact_id = ?"), {id}),
                 1);
    }

    void stagesAndFunnel()
    {
        LifecycleStages stages(m_ws->db());
        QCOMPARE(stages.keys().first(), QStringLiteral("subscriber"));
        QString error;
        QVERIFY(!stages.setKeys({QStringLiteral("Bad Key")}, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(stages.setKeys(
            {QStringLiteral("subscriber"), QStringLiteral("trial"), QStringLiteral("customer")},
            &error));
        addContact(QStringLiteral("A"));
        addContact(QStringLiteral("B"));
        const auto funnel = stages.funnel();
        QCOMPARE(funnel.size(), 3);
        QCOMPARE(funnel.at(0), qMakePair(QStringLiteral("subscriber"), qint64(2)));
        QCOMPARE(funnel.at(1), qMakePair(QStringLiteral("trial"), qint64(0)));
    }

    void tagsManager()
    {
        addContact(QStringLiteral("A"), {QStringLiteral("VIP"), QStringLiteral("مشتری")});
        addContact(QStringLiteral("B"), {QStringLiteral("vip-old")});
        addContact(QStringLiteral("C"), {QStringLiteral("vip-old"), QStringLiteral("VIP")});
        TagRepository tags(m_ws->db());
        auto find = [&](const QString &name) {
            for (const TagInfo &t : tags.list())
                if (t.name == name)
                    return t;
            return TagInfo();
        };
        QCOMPARE(find(QStringLiteral("VIP")).contacts, 2);
        // renaming onto an existing name merges: C is not counted twice
        QVERIFY(tags.rename(find(QStringLiteral("vip-old")).id, QStringLiteral("vip")));
        QCOMPARE(find(QStringLiteral("vip")).contacts, 3);
        QCOMPARE(tags.list().size(), 2);
        // Arabic yeh/kaf spellings are the same tag
        QVERIFY(tags.rename(find(QStringLiteral("مشتری")).id, QStringLiteral("مشتري ويژه")));
        QCOMPARE(find(QStringLiteral("مشتری ویژه")).contacts, 1);
        QVERIFY(tags.remove(find(QStringLiteral("vip")).id));
        QCOMPARE(tags.list().size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_tags")), 1);
    }
};

QTEST_GUILESS_MAIN(tst_LeadScoring)
#include "tst_LeadScoring.moc"
