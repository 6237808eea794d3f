#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "events/EventStore.h"
#include "segments/SegmentCompiler.h"
#include "segments/SegmentRepository.h"

#include "TestWorkspace.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace masir;

namespace {

// 2026-03-20 21:00 UTC is 2026-03-21 00:30 in Tehran: "today" differs.
const QDateTime kNow = QDateTime(QDate(2026, 3, 20), QTime(21, 0), Qt::UTC);

SegmentRule ruleOf(QList<SegmentNode> conditions, bool any = false)
{
    SegmentRule r;
    r.root = SegmentNode::group(any, std::move(conditions));
    return r;
}

SegmentNode field(const QString &f, const QString &op, const QJsonValue &v = {})
{
    return SegmentNode::condition(QStringLiteral("field"), f, op, v);
}

} // namespace

class tst_SegmentCompiler : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    QHash<QString, qint64> m_ids; // first name -> id

    qint64 add(Contact c)
    {
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        m_ids.insert(c.firstName, c.id);
        return c.id;
    }

    void setCreated(const QString &name, const QDateTime &when)
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE contacts SET created_at = ? WHERE id = ?"));
        q.addBindValue(when.toMSecsSinceEpoch());
        q.addBindValue(m_ids.value(name));
        QVERIFY(q.exec());
    }

    // The first names of the contacts a rule matches, sorted; "ERROR: ..." if it fails.
    QStringList match(const SegmentRule &rule, const QTimeZone &zone = QTimeZone::utc())
    {
        SegmentContext ctx;
        ctx.now = kNow;
        ctx.zone = zone;
        const CompiledSegment c = SegmentCompiler(m_ws->db(), ctx).compile(rule);
        if (!c.ok())
            return {QString(QStringLiteral("ERROR: ") + c.errorText())};
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("SELECT first_name FROM contacts WHERE ") + c.where +
                  QStringLiteral(" ORDER BY first_name"));
        for (const QVariant &b : c.binds)
            q.addBindValue(b);
        if (!q.exec())
            return {QString(QStringLiteral("SQL: ") + q.lastError().text())};
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        return names;
    }
    QStringList match(const SegmentNode &condition, const QTimeZone &zone = QTimeZone::utc())
    {
        return match(ruleOf({condition}), zone);
    }

    static QStringList names(const char *list)
    {
        return QString::fromUtf8(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        m_ids.clear();
        CustomFieldRepository fields(m_ws->db());
        FieldDefinition plan{0,
                             QStringLiteral("plan"),
                             QStringLiteral("Plan"),
                             FieldType::Choice,
                             {QStringLiteral("free"), QStringLiteral("pro")}};
        FieldDefinition seats{
            0, QStringLiteral("seats"), QStringLiteral("Seats"), FieldType::Number, {}};
        FieldDefinition renewal{
            0, QStringLiteral("renewal"), QStringLiteral("Renewal"), FieldType::Date, {}};
        FieldDefinition vip{
            0, QStringLiteral("vip"), QStringLiteral("VIP"), FieldType::Boolean, {}};
        QVERIFY(fields.add(plan) && fields.add(seats) && fields.add(renewal) && fields.add(vip));

        Contact a;
        a.firstName = QStringLiteral("Ali");
        a.email = QStringLiteral("ali@example.com");
        a.city = QStringLiteral("کرج"); // stored with the Persian kaf
        a.stage = QStringLiteral("lead");
        a.score = 40;
        a.birthday = QDate(1990, 3, 21);
        a.tags = {QStringLiteral("vip"), QStringLiteral("newsletter")};
        a.custom = {{QStringLiteral("plan"), QStringLiteral("pro")},
                    {QStringLiteral("seats"), QStringLiteral("12")},
                    {QStringLiteral("renewal"), QStringLiteral("2026-04-01")},
                    {QStringLiteral("vip"), QStringLiteral("1")}};
        add(a);
        Contact b;
        b.firstName = QStringLiteral("Beata");
        b.email = QStringLiteral("beata@example.pl");
        b.city = QStringLiteral("Kraków");
        b.stage = QStringLiteral("customer");
        b.score = 120;
        b.birthday = QDate(1985, 12, 30);
        b.tags = {QStringLiteral("newsletter")};
        b.custom = {{QStringLiteral("plan"), QStringLiteral("free")},
                    {QStringLiteral("seats"), QStringLiteral("2")},
                    {QStringLiteral("vip"), QStringLiteral("0")}};
        add(b);
        Contact c;
        c.firstName = QStringLiteral("Chen");
        c.phone = QStringLiteral("+60123456789");
        c.city = QStringLiteral("Kuala Lumpur");
        c.score = 0;
        c.emailConsent.status = ConsentStatus::Granted;
        add(c);
        setCreated(QStringLiteral("Ali"), QDateTime(QDate(2026, 3, 20), QTime(20, 0), Qt::UTC));
        setCreated(QStringLiteral("Beata"), QDateTime(QDate(2026, 3, 20), QTime(21, 10), Qt::UTC));
        setCreated(QStringLiteral("Chen"), QDateTime(QDate(2025, 1, 5), QTime(9, 0), Qt::UTC));

        EventStore events(m_ws->db().connection());
        auto at = [](int daysAgo) { return kNow.addDays(-daysAgo); };
        events.append(m_ids[QStringLiteral("Ali")], EventType::Purchase, at(3),
                      {{QStringLiteral("amount"), 250}});
        events.append(m_ids[QStringLiteral("Ali")], EventType::Purchase, at(10),
                      {{QStringLiteral("amount"), 50}});
        events.append(m_ids[QStringLiteral("Beata")], EventType::Purchase, at(45),
                      {{QStringLiteral("amount"), 500}});
        events.append(m_ids[QStringLiteral("Beata")], EventType::EmailOpened, at(1));
        events.append(m_ids[QStringLiteral("Chen")], QStringLiteral("cart_abandoned"), at(2),
                      {{QStringLiteral("product"), QStringLiteral("Kettle XL")}});
    }
    void cleanup() { m_ws.reset(); }

    void textOperators_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("equals, any case") << "equals" << QJsonValue(QStringLiteral("KRAKÓW"))
                                          << QStringList(); // LIKE folds ASCII only
        QTest::newRow("equals") << "equals" << QJsonValue(QStringLiteral("Kuala lumpur"))
                                << names("Chen");
        QTest::newRow("not equals")
            << "not_equals" << QJsonValue(QStringLiteral("Kraków")) << names("Ali Chen");
        QTest::newRow("contains") << "contains" << QJsonValue(QStringLiteral("ak"))
                                  << names("Beata");
        QTest::newRow("not contains")
            << "not_contains" << QJsonValue(QStringLiteral("ak")) << names("Ali Chen");
        QTest::newRow("starts with")
            << "starts_with" << QJsonValue(QStringLiteral("kua")) << names("Chen");
        QTest::newRow("ends with")
            << "ends_with" << QJsonValue(QStringLiteral("ów")) << names("Beata");
        QTest::newRow("in") << "in"
                            << QJsonValue(QJsonArray{QStringLiteral("Kraków"), QStringLiteral("x")})
                            << names("Beata");
        QTest::newRow("Arabic kaf finds Persian kaf")
            << "equals" << QJsonValue(QStringLiteral("كرج")) << names("Ali");
        QTest::newRow("wildcards are literal")
            << "contains" << QJsonValue(QStringLiteral("%")) << QStringList();
        QTest::newRow("injection")
            << "equals" << QJsonValue(QStringLiteral("x' OR '1'='1")) << QStringList();
        QTest::newRow("injection 2")
            << "contains" << QJsonValue(QStringLiteral("'); DROP TABLE contacts; --"))
            << QStringList();
    }
    void textOperators()
    {
        QFETCH(QString, op);
        QFETCH(QJsonValue, value);
        QFETCH(QStringList, expected);
        // PostgreSQL's ILIKE folds every letter's case, not only ASCII's
        if (test::onPostgres() && qstrcmp(QTest::currentDataTag(), "equals, any case") == 0)
            expected = names("Beata");
        QCOMPARE(match(field(QStringLiteral("city"), op, value)), expected);
        QCOMPARE(ContactRepository(m_ws->db()).count(), 3); // nothing was dropped
    }

    void emptyAndNotEmpty()
    {
        QCOMPARE(match(field(QStringLiteral("email"), QStringLiteral("empty"))), names("Chen"));
        QCOMPARE(match(field(QStringLiteral("email"), QStringLiteral("not_empty"))),
                 names("Ali Beata"));
        QCOMPARE(match(field(QStringLiteral("birthday"), QStringLiteral("empty"))), names("Chen"));
        QCOMPARE(match(field(QStringLiteral("custom.renewal"), QStringLiteral("empty"))),
                 names("Beata Chen"));
        QCOMPARE(match(field(QStringLiteral("custom.plan"), QStringLiteral("not_empty"))),
                 names("Ali Beata"));
    }

    void numberOperators_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QStringList>("expected");
        const QString score = QStringLiteral("score");
        const QString seats = QStringLiteral("custom.seats");
        QTest::newRow("=") << score << "eq" << QJsonValue(40) << names("Ali");
        QTest::newRow("≠") << score << "ne" << QJsonValue(40) << names("Beata Chen");
        QTest::newRow("<") << score << "lt" << QJsonValue(40) << names("Chen");
        QTest::newRow("≤") << score << "le" << QJsonValue(40) << names("Ali Chen");
        QTest::newRow(">") << score << "gt" << QJsonValue(40) << names("Beata");
        QTest::newRow("≥") << score << "ge" << QJsonValue(40) << names("Ali Beata");
        QTest::newRow("between, either order")
            << score << "between" << QJsonValue(QJsonArray{100, 30}) << names("Ali");
        QTest::newRow("Persian digits")
            << score << "eq" << QJsonValue(QStringLiteral("۴۰")) << names("Ali");
        QTest::newRow("custom >") << seats << "gt" << QJsonValue(5) << names("Ali");
        QTest::newRow("custom ≠ (no value counts)")
            << seats << "ne" << QJsonValue(2) << names("Ali Chen");
        QTest::newRow("custom numeric, not text, order")
            << seats << "lt" << QJsonValue(3) << names("Beata");
    }
    void numberOperators()
    {
        QFETCH(QString, field);
        QFETCH(QString, op);
        QFETCH(QJsonValue, value);
        QFETCH(QStringList, expected);
        QCOMPARE(match(::field(field, op, value)), expected);
    }

    void dateOperators_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QStringList>("expected");
        const QString bd = QStringLiteral("birthday");
        const QString created = QStringLiteral("created_at");
        const QString utc = QStringLiteral("UTC");
        const QString tehran = QStringLiteral("Asia/Tehran");
        QTest::newRow("before") << bd << "before" << QJsonValue(QStringLiteral("1990-01-01")) << utc
                                << names("Beata");
        QTest::newRow("after") << bd << "after" << QJsonValue(QStringLiteral("1990-03-20")) << utc
                               << names("Ali");
        QTest::newRow("on") << bd << "on" << QJsonValue(QStringLiteral("1990-03-21")) << utc
                            << names("Ali");
        QTest::newRow("on, Jalali")
            << bd << "on" << QJsonValue(QStringLiteral("۱۳۶۹/۰۱/۰۱")) << utc << names("Ali");
        QTest::newRow("custom date after")
            << QStringLiteral("custom.renewal") << "after"
            << QJsonValue(QStringLiteral("2026-03-31")) << utc << names("Ali");
        QTest::newRow("custom date next 30 days") << QStringLiteral("custom.renewal") << "next_days"
                                                  << QJsonValue(30) << utc << names("Ali");
        // birthdays: Ali 03-21, Beata 12-30. Today is 03-20 in UTC, 03-21 in Tehran.
        QTest::newRow("anniversary this month")
            << bd << "anniversary_this_month" << QJsonValue() << utc << names("Ali");
        QTest::newRow("anniversary within 0 days, UTC")
            << bd << "anniversary_within" << QJsonValue(0) << utc << QStringList();
        QTest::newRow("anniversary within 0 days, Tehran")
            << bd << "anniversary_within" << QJsonValue(0) << tehran << names("Ali");
        QTest::newRow("anniversary within 300 days, across New Year")
            << bd << "anniversary_within" << QJsonValue(300) << utc << names("Ali Beata");
        // created: Ali 03-20 20:00 UTC (23:30 Tehran), Beata 03-20 21:10 UTC (00:40 Tehran, 03-21)
        QTest::newRow("today, UTC")
            << created << "today" << QJsonValue() << utc << names("Ali Beata");
        QTest::newRow("today, Tehran")
            << created << "today" << QJsonValue() << tehran << names("Beata");
        QTest::newRow("on, Tehran") << created << "on" << QJsonValue(QStringLiteral("2026-03-20"))
                                    << tehran << names("Ali");
        QTest::newRow("last 7 days")
            << created << "last_days" << QJsonValue(7) << utc << names("Ali Beata");
        QTest::newRow("this month, UTC")
            << created << "this_month" << QJsonValue() << utc << names("Ali Beata");
        QTest::newRow("this year")
            << created << "this_year" << QJsonValue() << utc << names("Ali Beata");
        QTest::newRow("before, Tehran")
            << created << "before" << QJsonValue(QStringLiteral("2026-03-21")) << tehran
            << names("Ali Chen");
        QTest::newRow("this week (Monday first)")
            << created << "this_week" << QJsonValue() << utc << names("Ali Beata");
    }
    void dateOperators()
    {
        QFETCH(QString, field);
        QFETCH(QString, op);
        QFETCH(QJsonValue, value);
        QFETCH(QString, zone);
        QFETCH(QStringList, expected);
        QCOMPARE(match(::field(field, op, value), QTimeZone(zone.toUtf8())), expected);
    }

    void booleanAndChoice()
    {
        QCOMPARE(match(field(QStringLiteral("custom.vip"), QStringLiteral("is_true"))),
                 names("Ali"));
        QCOMPARE(match(field(QStringLiteral("custom.vip"), QStringLiteral("is_false"))),
                 names("Beata"));
        QCOMPARE(match(field(QStringLiteral("custom.vip"), QStringLiteral("empty"))),
                 names("Chen"));
        QCOMPARE(match(field(QStringLiteral("stage"), QStringLiteral("is"),
                             QJsonArray{QStringLiteral("lead"), QStringLiteral("customer")})),
                 names("Ali Beata"));
        QCOMPARE(match(field(QStringLiteral("stage"), QStringLiteral("is_not"),
                             QJsonArray{QStringLiteral("lead")})),
                 names("Beata Chen"));
        QCOMPARE(match(field(QStringLiteral("email_consent"), QStringLiteral("is"),
                             QJsonArray{QStringLiteral("granted")})),
                 names("Chen"));
        QCOMPARE(match(field(QStringLiteral("status"), QStringLiteral("is"),
                             QJsonArray{QStringLiteral("active")})),
                 names("Ali Beata Chen"));
        QCOMPARE(match(field(QStringLiteral("custom.plan"), QStringLiteral("is_not"),
                             QJsonArray{QStringLiteral("pro")})),
                 names("Beata Chen"));
        // a choice that does not exist is an error, not an empty result
        QVERIFY(match(field(QStringLiteral("stage"), QStringLiteral("is"),
                            QJsonArray{QStringLiteral("vip' --")}))
                    .first()
                    .startsWith(QStringLiteral("ERROR: Condition 1: Stage")));
    }

    void tags()
    {
        auto tag = [](const char *op, QJsonArray v) {
            return SegmentNode::condition(QStringLiteral("tag"), QString(), QLatin1String(op), v);
        };
        QCOMPARE(match(tag("has_any", {QStringLiteral("VIP"), QStringLiteral("nothing")})),
                 names("Ali"));
        QCOMPARE(match(tag("has_all", {QStringLiteral("vip"), QStringLiteral("newsletter")})),
                 names("Ali"));
        QCOMPARE(match(tag("has_all", {QStringLiteral("newsletter")})), names("Ali Beata"));
        QCOMPARE(match(tag("has_none", {QStringLiteral("vip")})), names("Beata Chen"));
    }

    void behaviour()
    {
        auto did = [](const char *op, const QString &type, int times, int days,
                      QJsonArray filters = {}) {
            SegmentNode n =
                SegmentNode::condition(QStringLiteral("event"), QString(), QLatin1String(op));
            n.event = type;
            n.times = times;
            n.days = days;
            n.filters = filters;
            return n;
        };
        QCOMPARE(match(did("did", EventType::Purchase, 1, 30)), names("Ali"));
        QCOMPARE(match(did("did", EventType::Purchase, 1, 0)), names("Ali Beata"));
        QCOMPARE(match(did("did", EventType::Purchase, 2, 30)), names("Ali"));
        QCOMPARE(match(did("did", EventType::Purchase, 3, 0)), QStringList());
        QCOMPARE(match(did("did_not", EventType::Purchase, 1, 30)), names("Beata Chen"));
        const QJsonArray over100{QJsonObject{{QStringLiteral("property"), QStringLiteral("amount")},
                                             {QStringLiteral("op"), QStringLiteral("gt")},
                                             {QStringLiteral("value"), 100}}};
        QCOMPARE(match(did("did", EventType::Purchase, 1, 0, over100)), names("Ali Beata"));
        QCOMPARE(match(did("did", EventType::Purchase, 2, 0, over100)), QStringList());
        const QJsonArray kettle{QJsonObject{{QStringLiteral("property"), QStringLiteral("product")},
                                            {QStringLiteral("op"), QStringLiteral("contains")},
                                            {QStringLiteral("value"), QStringLiteral("kettle")}}};
        QCOMPARE(match(did("did", QStringLiteral("cart_abandoned"), 1, 7, kettle)), names("Chen"));
        // names and properties are checked, never pasted
        QVERIFY(match(did("did", QStringLiteral("x' OR 1=1 --"), 1, 0))
                    .first()
                    .contains(QStringLiteral("not an event name")));
        const QJsonArray badProperty{
            QJsonObject{{QStringLiteral("property"), QStringLiteral("a') OR 1=1 --")},
                        {QStringLiteral("op"), QStringLiteral("eq")},
                        {QStringLiteral("value"), 1}}};
        QVERIFY(match(did("did", EventType::Purchase, 1, 0, badProperty))
                    .first()
                    .contains(QStringLiteral("not a property name")));
    }

    void groupsAndThreeConditions()
    {
        // field + tag + behaviour in the last 30 days, and an OR group
        const SegmentRule rule = ruleOf(
            {field(QStringLiteral("score"), QStringLiteral("ge"), 10),
             SegmentNode::condition(QStringLiteral("tag"), QString(), QStringLiteral("has_any"),
                                    QJsonArray{QStringLiteral("newsletter")}),
             SegmentNode::group(true, {field(QStringLiteral("city"), QStringLiteral("equals"),
                                             QStringLiteral("Kraków")),
                                       field(QStringLiteral("stage"), QStringLiteral("is"),
                                             QJsonArray{QStringLiteral("lead")})})});
        QCOMPARE(match(rule), names("Ali Beata"));
        QCOMPARE(match(ruleOf({})), names("Ali Beata Chen")); // an empty rule: everyone
    }

    void segmentsInSegments()
    {
        SegmentRepository repo(m_ws->db());
        Segment customers;
        customers.name = QStringLiteral("Customers");
        customers.rule = ruleOf({field(QStringLiteral("stage"), QStringLiteral("is"),
                                       QJsonArray{QStringLiteral("customer")})});
        QVERIFY2(repo.save(customers), qPrintable(repo.errorString()));
        const qint64 list = repo.ensureList(QStringLiteral("Fair 2026"));
        QVERIFY(list > 0);
        QCOMPARE(repo.addMembers(list, {m_ids[QStringLiteral("Chen")]}), 1);
        auto in = [](const char *op, const QString &name) {
            return SegmentNode::condition(QStringLiteral("segment"), QString(), QLatin1String(op),
                                          name);
        };
        QCOMPARE(match(in("in", QStringLiteral("Customers"))), names("Beata"));
        QCOMPARE(match(in("not_in", QStringLiteral("Customers"))), names("Ali Chen"));
        QCOMPARE(match(in("in", QStringLiteral("Fair 2026"))), names("Chen"));
        QVERIFY(match(in("in", QStringLiteral("Nope"))).first().contains(QStringLiteral("Nope")));

        // A segment that includes itself, directly or through another, is refused.
        customers.rule = ruleOf({in("in", QStringLiteral("Customers"))});
        QVERIFY(!repo.save(customers));
        QVERIFY(repo.errorString().contains(QStringLiteral("includes itself")));
        QCOMPARE(repo.findByName(QStringLiteral("Customers"))->rule.conditionCount(), 1);
        QCOMPARE(repo.findByName(QStringLiteral("Customers"))->rule.root.children.first().kind,
                 QStringLiteral("field")); // the old rule was kept

        // counts, materialised members and the contact list filter agree
        QCOMPARE(repo.count(customers.id).value_or(-1), 1);
        QCOMPARE(repo.materialize(customers.id).value_or(-1), 1);
        ContactQuery query;
        query.filter = repo.contactFilter(customers.id);
        QCOMPARE(ContactRepository(m_ws->db()).count(query), 1);
        query.filter = repo.contactFilter(list);
        QCOMPARE(ContactRepository(m_ws->db()).count(query), 1);
    }

    void errorsNameTheCondition()
    {
        const SegmentRule rule = ruleOf(
            {field(QStringLiteral("city"), QStringLiteral("equals"), QStringLiteral("x")),
             SegmentNode::group(false, {field(QStringLiteral("score"), QStringLiteral("gt"),
                                              QStringLiteral("many")),
                                        field(QStringLiteral("city; DROP TABLE contacts"),
                                              QStringLiteral("equals"), QStringLiteral("x"))})});
        const CompiledSegment c = SegmentCompiler(m_ws->db()).compile(rule);
        QCOMPARE(c.errors.size(), 2);
        QCOMPARE(c.errors.at(0).path, QStringLiteral("2.1"));
        QVERIFY(c.errors.at(0).message.contains(QStringLiteral("\"many\" is not a number")));
        QCOMPARE(c.errors.at(1).path, QStringLiteral("2.2"));
        QVERIFY(c.where.isEmpty());
        // an operator that does not fit the type
        QVERIFY(match(field(QStringLiteral("score"), QStringLiteral("contains"), 1))
                    .first()
                    .contains(QStringLiteral("not an operator")));
        QVERIFY(match(field(QStringLiteral("score"), QStringLiteral("between"), 1))
                    .first()
                    .contains(QStringLiteral("two values")));
    }

    void jsonRoundTrip()
    {
        SegmentNode event =
            SegmentNode::condition(QStringLiteral("event"), QString(), QStringLiteral("did"));
        event.event = EventType::Purchase;
        event.times = 2;
        event.days = 30;
        const SegmentRule rule =
            ruleOf({field(QStringLiteral("city"), QStringLiteral("in"),
                          QJsonArray{QStringLiteral("تهران"), QStringLiteral("Kraków")}),
                    SegmentNode::group(true, {event})},
                   true);
        QString error;
        const auto back = SegmentRule::fromJsonBytes(rule.toJsonBytes(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, rule);
        QCOMPARE(rule.toJson().value(QStringLiteral("formatVersion")).toInt(), 1);

        QJsonObject newer = rule.toJson();
        newer.insert(QStringLiteral("formatVersion"), 99);
        QVERIFY(!SegmentRule::fromJson(newer, &error));
        QVERIFY(error.contains(QStringLiteral("newer")));
        QVERIFY(!SegmentRule::fromJsonBytes("{\"formatVersion\":1,\"conditions\":[1]}", &error));
        QVERIFY(error.contains(QStringLiteral("Condition 1")));
        QVERIFY(!SegmentRule::fromJsonBytes("not json", &error));
    }

    void aRuleReadsBackAsItWasSaved()
    {
        // found by fuzz_segmentrule: activity settings on a condition of another
        // kind were read, then dropped on saving, so the rule changed on a round trip
        QString error;
        const auto rule = SegmentRule::fromJsonBytes(
            R"({"formatVersion":1,"conditions":[{"kind":"field","field":"city","op":"equals",)"
            R"("value":"Tehran","event":"purchase","times":2,"days":30}]})",
            &error);
        QVERIFY2(rule, qPrintable(error));
        const auto back = SegmentRule::fromJsonBytes(rule->toJsonBytes(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, *rule);
        QCOMPARE(rule->root.children.first().times, 1);
    }
};

QTEST_GUILESS_MAIN(tst_SegmentCompiler)
#include "tst_SegmentCompiler.moc"
