// The import's pure parts on their own, with no workspace: the row parser (one
// CSV record into a contact, with every problem at its field) and the merge
// policy (what a row does to a contact that exists).

#include "importing/ImportPlan.h"
#include "importing/MergePolicy.h"
#include "importing/RowParser.h"

#include <QTest>

using namespace masir;

namespace {

/// A plan as the planner would make it for \a targets (one per column).
ImportPlan planFor(const QStringList &targets)
{
    ImportPlan plan;
    plan.fileName = QStringLiteral("customers.csv");
    plan.targets = targets;
    for (qsizetype c = 0; c < targets.size(); ++c) {
        plan.headers << targets.at(c);
        if (targets.at(c) == QLatin1String("tags"))
            plan.columns.tags << int(c);
        else
            plan.columns.standard.insert(targets.at(c), int(c));
    }
    plan.region = QStringLiteral("IR");
    plan.source = plan.fileName;
    plan.consentSource = QStringLiteral("import: customers.csv");
    plan.now = QDateTime(QDate(2024, 3, 20), QTime(10, 0), Qt::UTC);
    plan.shared = std::vector<bool>(ContactColumns::names().size() + 1, false);
    return plan;
}

CsvReader::Record record(const QStringList &fields, qint64 row = 2)
{
    CsvReader::Record r;
    r.fields = fields;
    r.row = row;
    r.line = row;
    return r;
}

/// A stored contact as MergePolicy::unchanged() reads it.
struct FakeStored
{
    PackedRow row;
    qint64 storedScore = 0;
    QByteArray storedStage;
    QByteArrayView column(int index) const
    {
        const PackedRow::Cell c = row.cells()[size_t(index)];
        return QByteArrayView(c.data, c.size);
    }
    qint64 score() const { return storedScore; }
    QByteArrayView stage() const { return storedStage; }
};

FakeStored stored(const Contact &c)
{
    FakeStored s;
    ContactColumns::row(c, s.row);
    s.storedScore = c.score;
    s.storedStage = c.stage.toUtf8();
    return s;
}

} // namespace

class tst_ImportParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserCleansARow()
    {
        const ImportPlan plan =
            planFor({QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("full_name"),
                     QStringLiteral("stage"), QStringLiteral("tags")});
        ImportOptions options;
        options.tag = QStringLiteral(" spring ");
        RowParser parser(plan, options);
        PreparedRow row;
        parser.parse(record({QStringLiteral(" Ali@Example.COM "), QStringLiteral("۰۹۱۲ ۱۲۳ ۴۵۶۷"),
                             QStringLiteral("علي رضا كريمي"), QStringLiteral("Lead"),
                             QStringLiteral("vip; news")}),
                     row);
        QVERIFY(row.ok);
        QVERIFY(row.issues.isEmpty());
        const Contact c = ContactColumns::read(row.contact, 0);
        QCOMPARE(c.email, QStringLiteral("ali@example.com"));
        QCOMPARE(c.phone, QStringLiteral("+989121234567"));
        QCOMPARE(c.firstName, QStringLiteral("علی رضا")); // Arabic yeh and kaf made Persian
        QCOMPARE(c.lastName, QStringLiteral("کریمی"));
        QCOMPARE(row.stage, QStringLiteral("lead")); // not among the columns
        QVERIFY(row.stageGiven);
        QCOMPARE(c.source, QStringLiteral("customers.csv"));
        QCOMPARE(row.tags, (QStringList{QStringLiteral("vip"), QStringLiteral("news"),
                                        QStringLiteral("spring")}));
        QCOMPARE(row.email(), QByteArray("ali@example.com"));
        QVERIFY(row.emailKey != 0 && row.phoneKey != 0 && row.emailKey != row.phoneKey);
    }

    void parserRejectsARowThatMakesNoContact()
    {
        const ImportPlan plan = planFor({QStringLiteral("email"), QStringLiteral("phone")});
        RowParser parser(plan, ImportOptions());
        PreparedRow row;
        parser.parse(record({QStringLiteral("not an address"), QString()}, 7), row);
        QVERIFY(!row.ok);
        QCOMPARE(row.issues.size(), 1);
        QCOMPARE(row.issues.first().row, 7);
        QCOMPARE(row.issues.first().field, QStringLiteral("email"));
        QVERIFY(row.issues.first().rejected);

        row.clear();
        parser.parse(record({QString(), QStringLiteral("12")}, 8), row);
        QVERIFY(!row.ok);
        QVERIFY(row.issues.last().message.contains(QStringLiteral("\"12\"")));
    }

    void parserKeepsARowWithABadValueAndSaysWhich()
    {
        const ImportPlan plan = planFor({QStringLiteral("email"), QStringLiteral("birthday"),
                                         QStringLiteral("country"), QStringLiteral("gender")});
        RowParser parser(plan, ImportOptions());
        PreparedRow row;
        parser.parse(record({QStringLiteral("a@b.co"), QStringLiteral("sometime in spring"),
                             QStringLiteral("Atlantis"), QStringLiteral("زن")}),
                     row);
        QVERIFY(row.ok);
        QStringList fields;
        for (const ImportIssue &i : row.issues) {
            QVERIFY(!i.rejected);
            fields << i.field;
        }
        QCOMPARE(fields, (QStringList{QStringLiteral("country"), QStringLiteral("birthday")}));
        QCOMPARE(ContactColumns::read(row.contact, 0).gender, QStringLiteral("female"));
        QCOMPARE(RowParser::countryCode(QStringLiteral("ایران")), QStringLiteral("IR"));
        QCOMPARE(RowParser::countryCode(QStringLiteral("pl")), QStringLiteral("PL"));
    }

    void parserWarnsOfExtraFields()
    {
        const ImportPlan plan = planFor({QStringLiteral("email")});
        RowParser parser(plan, ImportOptions());
        PreparedRow row;
        parser.parse(record({QStringLiteral("a@b.co"), QStringLiteral("stray")}), row);
        QVERIFY(row.ok);
        QCOMPARE(row.issues.size(), 1);
        QVERIFY(row.issues.first().message.contains(QStringLiteral("extra fields")));
    }

    void fillTakesOnlyEmptyFields()
    {
        MergePolicy fill(ImportOptions::Policy::Fill);
        Contact existing;
        existing.email = QStringLiteral("a@b.co");
        existing.city = QStringLiteral("Tehran");
        Contact incoming;
        incoming.city = QStringLiteral("Karaj");
        incoming.company = QStringLiteral("Nan");
        QVERIFY(fill.merge(existing, incoming));
        QCOMPARE(existing.city, QStringLiteral("Tehran"));
        QCOMPARE(existing.company, QStringLiteral("Nan"));
        QVERIFY(!fill.merge(existing, incoming)); // nothing left to fill
    }

    void overwriteReplacesButKeepsAnotherContactsEmail()
    {
        MergePolicy overwrite(ImportOptions::Policy::Overwrite);
        const ImportPlan plan = planFor({QStringLiteral("email"), QStringLiteral("city")});
        RowParser parser(plan, ImportOptions());
        PreparedRow row;
        parser.parse(record({QStringLiteral("new@b.co"), QStringLiteral("Karaj")}), row);
        Contact existing;
        existing.email = QStringLiteral("old@b.co");
        existing.city = QStringLiteral("Tehran");
        existing.stage = QStringLiteral("customer");
        const Contact incoming = overwrite.incoming(row, existing);
        QVERIFY(incoming.email.isEmpty()); // found by phone, say: the address is another's
        QVERIFY(
            incoming.stage.isEmpty()); // the file names none: a new contact's stage is not taken
        QVERIFY(overwrite.merge(existing, incoming));
        QCOMPARE(existing.city, QStringLiteral("Karaj"));
        QCOMPARE(existing.email, QStringLiteral("old@b.co"));
        QCOMPARE(existing.stage, QStringLiteral("customer"));
    }

    void unchangedComparesOnlyWhatTheFileFills()
    {
        const ImportPlan plan = planFor({QStringLiteral("email"), QStringLiteral("city")});
        RowParser parser(plan, ImportOptions());
        PreparedRow row;
        parser.parse(record({QStringLiteral("a@b.co"), QStringLiteral("Tehran")}), row);
        MergePolicy fill(ImportOptions::Policy::Fill);
        Contact same;
        same.email = QStringLiteral("a@b.co");
        same.city = QStringLiteral("Tehran");
        same.company = QStringLiteral("Nan"); // the file says nothing of it
        same.stage = QStringLiteral("customer");
        QVERIFY(fill.unchanged(row, stored(same)));
        Contact moved = same;
        moved.city = QStringLiteral("Karaj");
        QVERIFY(!fill.unchanged(row, stored(moved)));
        // A stage the file names is compared too (it lives apart from the columns).
        const ImportPlan withStage = planFor({QStringLiteral("email"), QStringLiteral("stage")});
        RowParser stageParser(withStage, ImportOptions());
        PreparedRow staged;
        stageParser.parse(record({QStringLiteral("a@b.co"), QStringLiteral("customer")}), staged);
        QVERIFY(fill.unchanged(staged, stored(same)));
        Contact lead = same;
        lead.stage = QStringLiteral("lead");
        QVERIFY(!fill.unchanged(staged, stored(lead)));
        QVERIFY(!fill.skipsExisting());
        QVERIFY(MergePolicy(ImportOptions::Policy::Skip).skipsExisting());
    }
};

QTEST_GUILESS_MAIN(tst_ImportParts)
#include "tst_ImportParts.moc"
