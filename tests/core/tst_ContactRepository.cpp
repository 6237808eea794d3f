#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "crm/ContactTimeline.h"
#include "settings/WorkspaceSettings.h"

#include "TestWorkspace.h"

#include <QSqlQuery>
#include <QTest>

using namespace masir;

namespace {

Contact person(const QString &first, const QString &last, const QString &email,
               const QString &phone = QString())
{
    Contact c;
    c.firstName = first;
    c.lastName = last;
    c.email = email;
    c.phone = phone;
    return c;
}

QStringList eventTypes(const QList<Event> &events)
{
    QStringList types;
    for (const Event &e : events)
        types << e.type;
    return types;
}

bool hasError(const QList<FieldError> &errors, const QString &field)
{
    return std::any_of(errors.cbegin(), errors.cend(), [&](const FieldError &e) {
        return e.field == field && !e.message.isEmpty();
    });
}

} // namespace

class tst_ContactRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    std::unique_ptr<ContactRepository> m_repo;

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        WorkspaceSettings(m_ws->db())
            .setValue(WorkspaceSettings::Key::DefaultRegion, QStringLiteral("IR"));
        m_repo = std::make_unique<ContactRepository>(m_ws->db());
    }
    void cleanup()
    {
        m_repo.reset();
        m_ws.reset();
    }

    void createNormalises()
    {
        Contact c =
            person(QStringLiteral("  علي "), QStringLiteral("كريمي"),
                   QStringLiteral(" Ali.Karimi@Example.COM "), QStringLiteral("۰۹۱۲ ۱۲۳ ۴۵۶۷"));
        c.tags = {QStringLiteral("VIP"), QStringLiteral("vip"), QStringLiteral(" newsletter ")};
        QVERIFY2(m_repo->create(c), qPrintable(m_repo->errorString()));
        QVERIFY(c.id > 0);
        const auto stored = m_repo->find(c.id);
        QVERIFY(stored);
        QCOMPARE(stored->firstName, QStringLiteral("علی"));
        QCOMPARE(stored->lastName, QStringLiteral("کریمی"));
        QCOMPARE(stored->email, QStringLiteral("ali.karimi@example.com"));
        QCOMPARE(stored->phone, QStringLiteral("+989121234567"));
        QCOMPARE(stored->tags, (QStringList{QStringLiteral("VIP"), QStringLiteral("newsletter")}));
        QCOMPARE(stored->status, ContactStatus::Active);
        QVERIFY(stored->createdAt.isValid());
        QCOMPARE(eventTypes(ContactTimeline(m_ws->db()).entries(c.id)),
                 QStringList{EventType::ContactCreated});
    }

    void validationNamesTheField()
    {
        Contact bad =
            person(QStringLiteral("Ali"), QString(), QStringLiteral("ali@"), QStringLiteral("12"));
        QVERIFY(!m_repo->create(bad));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("email")));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("phone")));
        QCOMPARE(m_repo->count(), 0);

        Contact empty;
        QVERIFY(!m_repo->create(empty));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("first_name")));

        Contact future = person(QStringLiteral("Sara"), QString(), QString());
        future.birthday = QDate::currentDate().addDays(3);
        future.country = QStringLiteral("Iran");
        QVERIFY(!m_repo->create(future));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("birthday")));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("country")));
    }

    void emailIsUniqueCaseInsensitively()
    {
        Contact a = person(QStringLiteral("A"), QString(), QStringLiteral("shop@example.com"));
        QVERIFY(m_repo->create(a));
        Contact b = person(QStringLiteral("B"), QString(), QStringLiteral("SHOP@example.com"));
        QVERIFY(!m_repo->create(b));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("email")));
        QCOMPARE(m_repo->findIdByEmail(QStringLiteral("Shop@Example.com")), a.id);
        // contacts without email do not collide
        Contact p1 =
            person(QStringLiteral("P1"), QString(), QString(), QStringLiteral("09121111111"));
        Contact p2 =
            person(QStringLiteral("P2"), QString(), QString(), QStringLiteral("09122222222"));
        QVERIFY(m_repo->create(p1));
        QVERIFY(m_repo->create(p2));
        QCOMPARE(m_repo->findIdsByPhone(QStringLiteral("+989121111111")), QList<qint64>{p1.id});
    }

    void updateRecordsWhatChanged()
    {
        Contact c = person(QStringLiteral("Maria"), QStringLiteral("Nowak"),
                           QStringLiteral("m@example.pl"));
        c.tags = {QStringLiteral("newsletter")};
        QVERIFY(m_repo->create(c));
        Contact edited = *m_repo->find(c.id);
        edited.city = QStringLiteral("Kraków");
        edited.stage = QStringLiteral("customer");
        edited.tags = {QStringLiteral("vip")};
        edited.emailConsent.status = ConsentStatus::Granted;
        edited.emailConsent.source = QStringLiteral("shop counter");
        QVERIFY2(m_repo->update(edited), qPrintable(m_repo->errorString()));
        const Contact stored = *m_repo->find(c.id);
        QCOMPARE(stored.city, QStringLiteral("Kraków"));
        QCOMPARE(stored.tags, QStringList{QStringLiteral("vip")});
        QCOMPARE(stored.emailConsent.status, ConsentStatus::Granted);
        QVERIFY(stored.emailConsent.changedAt.isValid());
        QCOMPARE(stored.emailConsent.source, QStringLiteral("shop counter"));
        const QStringList types = eventTypes(ContactTimeline(m_ws->db()).entries(c.id));
        for (const QString &t :
             {EventType::ContactUpdated, EventType::StageChanged, EventType::TagAdded,
              EventType::TagRemoved, EventType::ConsentChanged, EventType::ContactCreated})
            QVERIFY2(types.contains(t), qPrintable(t));
        // a refused update changes nothing
        Contact broken = stored;
        broken.email = QStringLiteral("not-an-address");
        QVERIFY(!m_repo->update(broken));
        QCOMPARE(m_repo->find(c.id)->email, QStringLiteral("m@example.pl"));
    }

    void aTagIsTakenByTheOneTheContactHas()
    {
        // A tag stored by an older Masir under a key made another way (two
        // spaces kept): the editor's save takes that very tag off, once, and
        // leaves the names that are no tag (only ZWNJ) out.
        Contact c = person(QStringLiteral("Sara"), QString(), QStringLiteral("s@example.ir"));
        QVERIFY(m_repo->create(c));
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES "
                                      "('old  friend', 'old  friend', 0)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id, added_at) "
                                      "SELECT %1, id, 0 FROM tags WHERE name = 'old  friend'")
                           .arg(c.id)));
        Contact edited = *m_repo->find(c.id);
        QCOMPARE(edited.tags, QStringList{QStringLiteral("old  friend")});
        edited.tags = {QStringLiteral("\u200c")};
        QVERIFY2(m_repo->update(edited), qPrintable(m_repo->errorString()));
        QCOMPARE(m_repo->find(c.id)->tags, QStringList());
        const QList<Event> events = ContactTimeline(m_ws->db()).entries(c.id);
        QCOMPARE(eventTypes(events).count(EventType::TagRemoved), 1);
        QCOMPARE(eventTypes(events).count(EventType::TagAdded), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tags")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void customFieldsAreTyped()
    {
        CustomFieldRepository fields(m_ws->db());
        FieldDefinition level{0,
                              QStringLiteral("vip_level"),
                              QStringLiteral("VIP level"),
                              FieldType::Choice,
                              {QStringLiteral("gold"), QStringLiteral("silver")}};
        FieldDefinition spend{
            0, QStringLiteral("spend"), QStringLiteral("Spend"), FieldType::Number, {}};
        FieldDefinition since{
            0, QStringLiteral("since"), QStringLiteral("Customer since"), FieldType::Date, {}};
        FieldDefinition wholesale{
            0, QStringLiteral("wholesale"), QStringLiteral("Wholesale"), FieldType::Boolean, {}};
        QVERIFY(fields.add(level) && fields.add(spend) && fields.add(since) &&
                fields.add(wholesale));
        FieldDefinition dup = level;
        QVERIFY(!fields.add(dup));
        FieldDefinition badKey{
            0, QStringLiteral("Bad Key"), QStringLiteral("x"), FieldType::Text, {}};
        QVERIFY(!fields.add(badKey));

        Contact c = person(QStringLiteral("Ali"), QString(), QStringLiteral("a@example.com"));
        c.custom = {{QStringLiteral("vip_level"), QStringLiteral("gold")},
                    {QStringLiteral("spend"), QStringLiteral("۱۲۵۰٫۵")},
                    {QStringLiteral("since"), QStringLiteral("2023-04-01")},
                    {QStringLiteral("wholesale"), QStringLiteral("بله")}};
        QVERIFY2(m_repo->create(c), qPrintable(m_repo->errorString()));
        const Contact stored = *m_repo->find(c.id);
        QCOMPARE(stored.custom.value(QStringLiteral("spend")), QStringLiteral("1250.5"));
        QCOMPARE(stored.custom.value(QStringLiteral("wholesale")), QStringLiteral("1"));
        QCOMPARE(stored.custom.value(QStringLiteral("since")), QStringLiteral("2023-04-01"));

        Contact bad = person(QStringLiteral("B"), QString(), QStringLiteral("b@example.com"));
        bad.custom = {{QStringLiteral("vip_level"), QStringLiteral("platinum")},
                      {QStringLiteral("spend"), QStringLiteral("lots")},
                      {QStringLiteral("nope"), QStringLiteral("x")}};
        QVERIFY(!m_repo->create(bad));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("custom.vip_level")));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("custom.spend")));
        QVERIFY(hasError(m_repo->errors(), QStringLiteral("custom.nope")));
    }

    void searchMatchesNormalisedPersian()
    {
        Contact a = person(QStringLiteral("علی"), QStringLiteral("میرزایی"),
                           QStringLiteral("ali@example.com"), QStringLiteral("09121234567"));
        Contact b = person(QStringLiteral("کاوه"), QStringLiteral("می‌رزایی"), QString(),
                           QStringLiteral("09351112233"));
        Contact c = person(QStringLiteral("Maria"), QStringLiteral("Nowak"),
                           QStringLiteral("maria@example.pl"));
        QVERIFY(m_repo->create(a) && m_repo->create(b) && m_repo->create(c));
        auto count = [&](const QString &text) {
            ContactQuery q;
            q.search = text;
            return m_repo->count(q);
        };
        QCOMPARE(count(QStringLiteral("علي")), 1);     // Arabic yeh finds Persian yeh
        QCOMPARE(count(QStringLiteral("كاوه")), 1);    // Arabic kaf
        QCOMPARE(count(QStringLiteral("میرزایی")), 2); // with and without ZWNJ
        QCOMPARE(count(QStringLiteral("MARIA")), 1);
        QCOMPARE(count(QStringLiteral("example.pl")), 1);
        QCOMPARE(count(QStringLiteral("0912 123")), 1); // national digits, two words
        QCOMPARE(count(QStringLiteral("۰۹۳۵")), 1);     // Persian digits
        QCOMPARE(count(QStringLiteral("989121234567")), 1);
        QCOMPARE(count(QStringLiteral("maria nowak")), 1);
        QCOMPARE(count(QStringLiteral("maria kaveh")), 0);
        QCOMPARE(count(QStringLiteral("%")), 0); // LIKE wildcards are literal
        QCOMPARE(count(QStringLiteral("_")), 0);
        QCOMPARE(count(QStringLiteral("'; DROP TABLE contacts; --")), 0);
        QCOMPARE(m_repo->count(), 3);
    }

    // The import writes the search text of an all-ASCII contact without the
    // strings in between: byte for byte what searchTextFor() makes.
    void asciiSearchTextAsSearchTextFor()
    {
        auto contact = [](const char *first, const char *last, const char *company,
                          const char *email, const char *phone) {
            Contact c;
            c.firstName = QString::fromUtf8(first);
            c.lastName = QString::fromUtf8(last);
            c.company = QString::fromUtf8(company);
            c.email = QString::fromUtf8(email);
            c.phone = QString::fromUtf8(phone);
            return c;
        };
        const QList<Contact> ascii = {
            contact("Piotr", "Brown", "Company 0", "user0@example.com", "+989121000000"),
            contact("", "", "", "", ""),
            contact("", "", "", "", "+12125550123"),
            contact("ANNA", "", "", "a@b.pl", ""),
            contact("x", "", "", "", "+0123"), // no calling code: "0 " after the digits
        };
        for (const Contact &c : ascii) {
            char out[512];
            const qsizetype n = ContactRepository::asciiSearchTextFor(c, out, sizeof out);
            QCOMPARE(QByteArray(out, n), ContactRepository::searchTextFor(c).toUtf8());
            // Exactly the room it needs is enough; a byte less is not.
            QCOMPARE(ContactRepository::asciiSearchTextFor(c, out, n), n);
            QCOMPARE(ContactRepository::asciiSearchTextFor(c, out, n - 1), -1);
        }
        char out[512];
        QCOMPARE(
            ContactRepository::asciiSearchTextFor(contact("علی", "", "", "", ""), out, sizeof out),
            -1);
        QCOMPARE(
            ContactRepository::asciiSearchTextFor(contact("Zoë", "", "", "", ""), out, sizeof out),
            -1);
    }

    void deleteAndRestore()
    {
        Contact a = person(QStringLiteral("A"), QString(), QStringLiteral("a@example.com"));
        a.tags = {QStringLiteral("vip")};
        a.score = 17;
        Contact b = person(QStringLiteral("B"), QString(), QStringLiteral("b@example.com"));
        QVERIFY(m_repo->create(a) && m_repo->create(b));
        QCOMPARE(m_repo->find(a.id)->score, 17);
        const ContactSnapshot snap = m_repo->snapshot({a.id, b.id});
        QCOMPARE(snap.contactCount(), 2);
        QVERIFY(m_repo->remove({a.id, b.id}));
        QCOMPARE(m_repo->count(), 0);
        QVERIFY(ContactTimeline(m_ws->db()).entries(a.id).isEmpty()); // cascaded
        QVERIFY2(m_repo->restore(snap), qPrintable(m_repo->errorString()));
        QCOMPARE(m_repo->count(), 2);
        const Contact back = *m_repo->find(a.id);
        QCOMPARE(back.tags, QStringList{QStringLiteral("vip")});
        QCOMPARE(back.score, 17); // its score row comes back too
        QCOMPARE(eventTypes(ContactTimeline(m_ws->db()).entries(a.id)),
                 QStringList{EventType::ContactCreated});
        // ids are never reused, so a restore cannot collide with a newer contact
        QVERIFY(m_repo->remove({b.id}));
        Contact c = person(QStringLiteral("C"), QString(), QStringLiteral("c@example.com"));
        QVERIFY(m_repo->create(c));
        QVERIFY(c.id > b.id);
    }

    void mergeKeepsEverything()
    {
        Contact keep =
            person(QStringLiteral("Reza"), QString(), QStringLiteral("reza@example.com"));
        keep.tags = {QStringLiteral("vip")};
        Contact other =
            person(QString(), QStringLiteral("Karimi"), QStringLiteral("r.karimi@example.com"),
                   QStringLiteral("09121234567"));
        other.tags = {QStringLiteral("wholesale")};
        other.status = ContactStatus::Unsubscribed;
        QVERIFY(m_repo->create(keep) && m_repo->create(other));
        QVERIFY2(m_repo->merge(keep.id, other.id), qPrintable(m_repo->errorString()));
        QCOMPARE(m_repo->count(), 1);
        const Contact merged = *m_repo->find(keep.id);
        QCOMPARE(merged.email, QStringLiteral("reza@example.com"));
        QCOMPARE(merged.lastName, QStringLiteral("Karimi"));
        QCOMPARE(merged.phone, QStringLiteral("+989121234567"));
        QCOMPARE(merged.status, ContactStatus::Unsubscribed);
        QVERIFY(merged.tags.contains(QStringLiteral("vip")) &&
                merged.tags.contains(QStringLiteral("wholesale")));
        const QStringList types = eventTypes(ContactTimeline(m_ws->db()).entries(keep.id));
        QCOMPARE(types.count(EventType::ContactCreated), 2); // both timelines
        QVERIFY(types.contains(EventType::ContactsMerged));
        QVERIFY(!m_repo->merge(keep.id, keep.id));
        QVERIFY(!m_repo->merge(keep.id, other.id)); // gone
    }

    void keysetPagingMatchesOrder_data()
    {
        QTest::addColumn<int>("sortKey");
        QTest::addColumn<bool>("descending");
        QTest::newRow("created") << int(ContactQuery::SortKey::Created) << false;
        QTest::newRow("created desc") << int(ContactQuery::SortKey::Created) << true;
        QTest::newRow("last name") << int(ContactQuery::SortKey::LastName) << false;
        QTest::newRow("last name desc") << int(ContactQuery::SortKey::LastName) << true;
        QTest::newRow("company") << int(ContactQuery::SortKey::Company) << false;
        QTest::newRow("score desc") << int(ContactQuery::SortKey::Score) << true;
    }
    void keysetPagingMatchesOrder()
    {
        QFETCH(int, sortKey);
        QFETCH(bool, descending);
        // 237 contacts with many equal sort values, so ties are broken by id
        for (int i = 0; i < 237; ++i) {
            Contact c = person(QStringLiteral("N%1").arg(i), QStringLiteral("Last%1").arg(i % 7),
                               QStringLiteral("p%1@example.com").arg(i));
            c.company = QStringLiteral("Co%1").arg(i % 5);
            c.score = i % 11;
            QVERIFY(m_repo->create(c));
        }
        ContactQuery q;
        q.sortKey = ContactQuery::SortKey(sortKey);
        q.descending = descending;
        // the whole list in one go
        PageRequest all;
        all.limit = 1000;
        const QList<ContactListRow> expected = m_repo->page(q, all);
        QCOMPARE(expected.size(), 237);

        // forward by key, 50 at a time
        QList<qint64> forward;
        PageRequest req;
        req.limit = 50;
        for (;;) {
            const QList<ContactListRow> rows = m_repo->page(q, req);
            for (const auto &r : rows)
                forward << r.id;
            if (rows.size() < 50)
                break;
            req.from = PageRequest::From::After;
            req.anchorValue = rows.last().sortValue;
            req.anchorId = rows.last().id;
        }
        QList<qint64> expectedIds;
        for (const auto &r : expected)
            expectedIds << r.id;
        QCOMPARE(forward, expectedIds);

        // backward by key from the end
        QList<qint64> backward;
        req = PageRequest();
        req.from = PageRequest::From::End;
        req.limit = 50;
        for (;;) {
            const QList<ContactListRow> rows = m_repo->page(q, req);
            QList<qint64> ids;
            for (const auto &r : rows)
                ids << r.id;
            backward = ids + backward;
            if (rows.size() < 50)
                break;
            req.from = PageRequest::From::Before;
            req.anchorValue = rows.first().sortValue;
            req.anchorId = rows.first().id;
        }
        QCOMPARE(backward, expectedIds);

        // offsets from either end
        PageRequest mid;
        mid.offset = 100;
        mid.limit = 10;
        QCOMPARE(m_repo->page(q, mid).first().id, expectedIds.at(100));
        mid.from = PageRequest::From::End;
        mid.offset = 7;
        mid.limit = 3;
        QCOMPARE(m_repo->page(q, mid).last().id, expectedIds.at(237 - 8));
    }
};

QTEST_GUILESS_MAIN(tst_ContactRepository)
#include "tst_ContactRepository.moc"
