#include "contacts/ContactListModel.h"
#include "demo/DemoWorkspace.h"

#include "TestWorkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace masir;

namespace {

QList<qint64> idsInOrder(const Database &db, const QString &orderBy)
{
    QList<qint64> ids;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id FROM contacts ORDER BY ") + orderBy)) {
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    return ids;
}

} // namespace

class tst_ContactListModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

private Q_SLOTS:
    void initTestCase()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        DemoWorkspace demo(m_ws->db());
        DemoWorkspace::Options options;
        options.contacts = 1537; // not a multiple of the page size
        options.events = false;
        QVERIFY2(demo.populate(options), qPrintable(demo.errorString()));
    }

    void modelTester()
    {
        ContactListModel model(m_ws->db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1537);
        QCOMPARE(model.columnCount(), int(ContactListModel::ColumnCount));
        model.sort(ContactListModel::NameColumn, Qt::AscendingOrder);
        model.setSearch(QStringLiteral("example.org"));
        model.setSearch(QString());
        model.sort(ContactListModel::ScoreColumn, Qt::DescendingOrder);
        model.refresh();
    }

    void scrollingReadsEveryRowInOrder()
    {
        ContactListModel model(m_ws->db());
        model.sort(ContactListModel::NameColumn, Qt::AscendingOrder);
        const QList<qint64> expected = idsInOrder(m_ws->db(), QStringLiteral("last_name, id"));
        QList<qint64> seen;
        for (int row = 0; row < model.rowCount(); ++row)
            seen << model.data(model.index(row, 0), ContactListModel::IdRole).toLongLong();
        QCOMPARE(seen, expected);
        QVERIFY(model.cachedPageCount() <= ContactListModel::maxCachedPages());
    }

    void jumpsAndScrollingUp()
    {
        ContactListModel model(m_ws->db());
        model.sort(ContactListModel::CreatedColumn, Qt::DescendingOrder);
        const QList<qint64> expected = idsInOrder(m_ws->db(), QStringLiteral("id DESC"));
        const int last = model.rowCount() - 1;
        QCOMPARE(model.contactId(last), expected.at(last)); // jump to the end
        QCOMPARE(model.contactId(700), expected.at(700));   // jump into the middle
        for (int row = last; row >= 0; row -= 3)            // scroll up from the end
            QCOMPARE(model.contactId(row), expected.at(row));
        QCOMPARE(model.contactId(0), expected.first());
    }

    void unsortableColumnIsIgnored()
    {
        ContactListModel model(m_ws->db());
        model.sort(ContactListModel::CompanyColumn, Qt::AscendingOrder);
        QCOMPARE(model.sortColumn(), int(ContactListModel::CompanyColumn));
        model.sort(ContactListModel::EmailColumn, Qt::AscendingOrder);
        QCOMPARE(model.sortColumn(), int(ContactListModel::CompanyColumn));
        QVERIFY(!ContactListModel::isSortable(ContactListModel::EmailColumn));
        QVERIFY(model
                    .headerData(ContactListModel::NameColumn, Qt::Horizontal,
                                ContactListModel::SortableRole)
                    .toBool());
    }

    void searchFiltersAndCounts()
    {
        ContactListModel model(m_ws->db());
        QSignalSpy total(&model, &ContactListModel::totalChanged);
        QSignalSpy finished(&model, &ContactListModel::searchFinished);
        model.setSearch(QStringLiteral("علي")); // typed with an Arabic yeh
        QVERIFY(model.isSearching());
        QVERIFY(finished.wait(10000));
        QVERIFY(!model.isSearching());
        QCOMPARE(total.size(), 1);
        QCOMPARE(finished.first().first().toLongLong(), qint64(model.rowCount()));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < 1537);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.data(model.index(row, ContactListModel::NameColumn))
                        .toString()
                        .contains(QStringLiteral("علی")));
    }

    void typingPastASearchDropsIt()
    {
        ContactListModel model(m_ws->db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &ContactListModel::searchFinished);
        model.setSearch(QStringLiteral("a"));
        model.setSearch(QStringLiteral("al"));
        model.setSearch(QStringLiteral("example.org"));
        QVERIFY(finished.wait(10000));
        QTest::qWait(200); // nothing stale may arrive afterwards
        QCOMPARE(finished.size(), 1);
        for (int row = 0; row < model.rowCount(); row += 37)
            QVERIFY(model.data(model.index(row, ContactListModel::EmailColumn))
                        .toString()
                        .endsWith(QStringLiteral("example.org")));
        model.setSearch(QString()); // clearing is immediate
        QCOMPARE(model.rowCount(), 1537);
    }

    void sortingWhileSearching()
    {
        ContactListModel model(m_ws->db());
        QSignalSpy finished(&model, &ContactListModel::searchFinished);
        model.setSearch(QStringLiteral("example.com"));
        model.sort(ContactListModel::NameColumn, Qt::AscendingOrder); // before the results came
        QVERIFY(finished.wait(10000));
        QTest::qWait(100);
        QVERIFY(model.rowCount() > ContactListModel::pageSize());
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString email =
                model.data(model.index(row, ContactListModel::EmailColumn)).toString();
            QVERIFY(email.endsWith(QStringLiteral("example.com")));
        }
        const QList<qint64> sorted = idsInOrder(m_ws->db(), QStringLiteral("last_name, id"));
        qint64 lastPos = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 pos = sorted.indexOf(model.contactId(row));
            QVERIFY(pos > lastPos); // rows come in last-name order
            lastPos = pos;
        }
    }

    void memoryStaysBounded()
    {
        ContactListModel model(m_ws->db());
        for (int row = 0; row < model.rowCount(); row += 50)
            model.contactId(row);
        QVERIFY(model.cachedPageCount() <= ContactListModel::maxCachedPages());
    }
};

QTEST_GUILESS_MAIN(tst_ContactListModel)
#include "tst_ContactListModel.moc"
