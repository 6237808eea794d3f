// The dashboard on a fixture workspace whose every number was counted by
// hand: the period's edges, machine opens left out, refunds, amounts that
// are not numbers, a contact deleted since, and the period before.

#include "contacts/ContactRepository.h"
#include "events/EventStore.h"
#include "reports/DashboardReport.h"

#include "TestWorkspace.h"

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

    void event(qint64 contact, const QString &type, qint64 when, const QJsonObject &payload = {})
    {
        EventStore events(m_ws->db().connection());
        QVERIFY2(events.append(contact, type, when, payload), qPrintable(events.errorString()));
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
        event(c1, EventType::EmailOpened, at(11, 2));
        event(c1, EventType::EmailOpened, at(11, 3));
        event(c2, EventType::EmailMachineOpened, at(11, 2)); // a machine: not a person
        event(c2, EventType::EmailClicked, at(11, 11));
        event(c3, EventType::EmailBounced, at(11, 5));
        event(c4, EventType::Unsubscribed, at(11, 30, 23, 59, 999));
        event(c3, EventType::Unsubscribed, at(12, 1, 0, 0)); // outside
        event(c1, EventType::Purchase, at(11, 4), {{QStringLiteral("amount"), 100}});
        event(c2, EventType::Purchase, at(11, 12), {{QStringLiteral("amount"), -30}}); // a refund
        event(c3, EventType::Purchase, at(11, 13),
              {{QStringLiteral("amount"), QStringLiteral("abc")}});
        event(c1, EventType::Purchase, at(10, 20),
              {{QStringLiteral("amount"), QStringLiteral("50")}});
        event(c1, EventType::StageChanged, at(11, 2),
              {{QStringLiteral("to"), QStringLiteral("lead")}});
        event(c1, EventType::StageChanged, at(11, 3),
              {{QStringLiteral("to"), QStringLiteral("mql")}});
        event(c2, EventType::StageChanged, at(11, 5),
              {{QStringLiteral("to"), QStringLiteral("lead")}});
        event(c2, EventType::StageChanged, at(11, 6),
              {{QStringLiteral("to"), QStringLiteral("lead")}});
        QVERIFY(ContactRepository(m_ws->db()).remove({gone})); // its events go with it
    }

    void figuresCountedByHand()
    {
        DashboardReport report(m_ws->db());
        const auto d = report.build({QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone::utc()});
        QVERIFY2(d, qPrintable(report.errorString()));
        const DashboardFigures &f = d->figures;
        QCOMPARE(f.newContacts, 4);
        QCOMPARE(f.emailsSent, 3);
        QCOMPARE(f.peopleEmailed, 2);
        QCOMPARE(f.peopleOpened, 1);
        QCOMPARE(f.peopleClicked, 1);
        QCOMPARE(f.bounces, 1);
        QCOMPARE(f.unsubscribes, 1);
        QCOMPARE(f.complaints, 0);
        QCOMPARE(f.leads, 2);
        QCOMPARE(f.mqls, 1);
        QCOMPARE(f.purchases, 3);
        QCOMPARE(f.revenue, 70.0);
        QCOMPARE(f.deliveryRate(), 2.0 / 3.0);
        QCOMPARE(f.openRate(), 0.5);
        QCOMPARE(f.clickRate(), 0.5);
        // the period before: October 2 to 31
        QCOMPARE(d->before.newContacts, 1);
        QCOMPARE(d->before.emailsSent, 1);
        QCOMPARE(d->before.revenue, 50.0);
        // the days
        QCOMPARE(d->days.size(), 30);
        QCOMPARE(d->days.at(0).newContacts, 1);
        QCOMPARE(d->days.at(1).emailsSent, 2);
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
};

QTEST_GUILESS_MAIN(tst_Reports)
#include "tst_Reports.moc"
