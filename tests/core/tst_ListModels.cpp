// The list models the pages show (templates, segments, journeys, the outbox),
// each under QAbstractItemModelTester while it loads, reloads and counts in
// the background, on a real workspace.

#include "contacts/ContactRepository.h"
#include "journeys/JourneyListModel.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneyTemplates.h"
#include "messaging/Outbox.h"
#include "messaging/OutboxListModel.h"
#include "messaging/TemplateListModel.h"
#include "segments/SegmentListModel.h"
#include "segments/SegmentRepository.h"

#include "TestWorkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace masir;

class tst_ListModels : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

    qint64 addContact(const QString &name, const QString &city)
    {
        Contact c;
        c.firstName = name;
        c.email = name.toLower() + QStringLiteral("@example.com");
        c.city = city;
        ContactRepository repo(m_ws->db());
        return repo.create(c) ? c.id : 0;
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
    }
    void cleanup() { m_ws.reset(); }

    void templates()
    {
        TemplateListModel model(m_ws->db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        TemplateRepository repo(m_ws->db());
        MessageTemplate hello;
        hello.name = QStringLiteral("welcome.hello");
        hello.subject = QStringLiteral("Hello");
        hello.body = QStringLiteral("Hi {{first_name}}");
        QVERIFY(repo.save(hello));
        MessageTemplate sms;
        sms.name = QStringLiteral("cart.sms");
        sms.channel = QStringLiteral("sms");
        sms.body = QStringLiteral("Your cart waits");
        QVERIFY(repo.save(sms));
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        const int row = model.rowOf(hello.id);
        QVERIFY(row >= 0);
        const QModelIndex i = model.index(row);
        QCOMPARE(i.data(TemplateListModel::NameRole).toString(), hello.name);
        QCOMPARE(i.data(TemplateListModel::ChannelRole).toString(), QStringLiteral("email"));
        QVERIFY(i.data().toString().startsWith(hello.name));
        QCOMPARE(model.rowOf(12345), -1);
    }

    void segmentsCountInTheBackground()
    {
        addContact(QStringLiteral("Sara"), QStringLiteral("Tehran"));
        addContact(QStringLiteral("Reza"), QStringLiteral("Tehran"));
        addContact(QStringLiteral("Anna"), QStringLiteral("Kraków"));
        SegmentRepository repo(m_ws->db());
        Segment tehran;
        tehran.name = QStringLiteral("In Tehran");
        tehran.rule.root.children << SegmentNode::condition(
            QStringLiteral("field"), QStringLiteral("city"), QStringLiteral("equals"),
            QStringLiteral("Tehran"));
        QVERIFY2(repo.save(tehran), qPrintable(repo.errorString()));
        QVERIFY(repo.ensureList(QStringLiteral("VIP")));

        SegmentListModel model(m_ws->db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy done(&model, &SegmentListModel::countsDone);
        QVERIFY(done.wait(10000));
        const QModelIndex t = model.index(model.rowOf(tehran.id));
        QCOMPARE(t.data(SegmentListModel::CountRole).toLongLong(), 2);
        QVERIFY(t.data().toString().contains(QLatin1String("2")));
        QCOMPARE(model.index(model.rowOf(repo.findByName(QStringLiteral("VIP"))->id))
                     .data(SegmentListModel::StaticRole)
                     .toBool(),
                 true);
        // a reload made while counting wins; the model stays sound
        model.reload();
        model.reload();
        QVERIFY(done.wait(10000));
        QCOMPARE(model.index(model.rowOf(tehran.id)).data(SegmentListModel::CountRole).toLongLong(),
                 2);
        model.setCount(tehran.id, 7);
        QCOMPARE(model.index(model.rowOf(tehran.id)).data(SegmentListModel::CountRole).toLongLong(),
                 7);
    }

    void journeysWithTheirCounts()
    {
        JourneyRepository repo(m_ws->db());
        QString error;
        const auto made = JourneyTemplates::create(
            m_ws->db(), *JourneyTemplates::find(QStringLiteral("welcome"), QStringLiteral("en")),
            QStringLiteral("Welcome"), &error);
        QVERIFY2(made, qPrintable(error));
        Journey j = *repo.find(*made);
        JourneyListModel model(m_ws->db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &JourneyListModel::countsLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(JourneyListModel::ColumnCount));
        const QModelIndex status = model.index(0, JourneyListModel::StatusColumn);
        QCOMPARE(status.data().toString(), JourneyListModel::tr("Draft"));
        QCOMPARE(status.data(JourneyListModel::StatusRole).toString(), QStringLiteral("draft"));
        QCOMPARE(model.index(0, JourneyListModel::InJourneyColumn).data().toString(),
                 QStringLiteral("0"));
        QVERIFY(repo.activate(j.id));
        model.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.index(0, JourneyListModel::StatusColumn)
                     .data(JourneyListModel::StatusRole)
                     .toString(),
                 QStringLiteral("active"));
        QCOMPARE(model.rowOf(j.id), 0);
    }

    void outboxFiltersByState()
    {
        const qint64 sara = addContact(QStringLiteral("Sara"), QString());
        Outbox outbox(m_ws->db());
        const auto first =
            outbox.enqueue(QStringLiteral("email"), sara, QStringLiteral("sara@example.com"),
                           QStringLiteral("t"), true);
        const auto second =
            outbox.enqueue(QStringLiteral("sms"), sara, QStringLiteral("+989121234567"),
                           QStringLiteral("s"), true);
        QVERIFY(first && second);
        QCOMPARE(outbox.cancel({*second}), 1);
        OutboxListModel model(m_ws->db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(OutboxListModel::IdRole).toLongLong(),
                 *second); // newest first
        OutboxFilter cancelled;
        cancelled.state = QStringLiteral("cancelled");
        model.setFilter(cancelled);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, OutboxListModel::StateColumn).data().toString(),
                 Outbox::stateLabel(QStringLiteral("cancelled")));
        QCOMPARE(model.index(0, OutboxListModel::ChannelColumn).data().toString(),
                 OutboxListModel::tr("SMS"));
        QCOMPARE(model.rowOf(*first), -1);
    }
};

QTEST_GUILESS_MAIN(tst_ListModels)
#include "tst_ListModels.moc"
