// The light CRM on a real workspace: tasks and their reminders, notes, deals
// on a pipeline (revenue when won, taken back when reopened), the weighted
// forecast, follow-ups of deals left alone, and the paged 360° timeline.

#include "contacts/ContactRepository.h"
#include "crm/ContactTimeline.h"
#include "crm/Deals.h"
#include "crm/Notes.h"
#include "crm/Pipelines.h"
#include "crm/Tasks.h"
#include "crm/TimelineModel.h"
#include "events/EventStore.h"
#include "events/ScoreHistory.h"

#include "TestWorkspace.h"

#include <QCalendar>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace masir;

namespace {

qint64 at(int month, int day, int hour = 12)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class tst_Crm : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

    qint64 contact(const QString &email)
    {
        Contact c;
        c.email = email;
        c.firstName = email.section(QLatin1Char('@'), 0, 0);
        ContactRepository repo(m_ws->db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        return c.id;
    }
    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    double real(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toDouble() : -1;
    }
    QSqlDatabase db() { return m_ws->db().connection(); }
    Pipeline sales() { return *Pipelines(db()).findByName(QStringLiteral("Sales")); }
    qint64 stage(const QString &key) { return sales().stageByKey(key)->id; }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
    }

    void tasksListRemindSnoozeAndFinish()
    {
        const qint64 mina = contact(QStringLiteral("mina@example.com"));
        Tasks tasks(db());
        auto task = [&](const QString &title, qint64 due, const QString &owner,
                        TaskPriority priority = TaskPriority::Normal) {
            NewTask t;
            t.contactId = mina;
            t.title = title;
            t.owner = owner;
            t.dueAtMs = due;
            t.createdAtMs = at(3, 1);
            t.priority = priority;
            const auto id = tasks.create(t);
            if (!id)
                qWarning() << tasks.errorString();
            return id.value_or(0);
        };
        const qint64 call = task(QStringLiteral("Call Mina"), at(3, 2), QStringLiteral("sara"));
        const qint64 quote = task(QStringLiteral("Send the quote"), at(3, 5), QStringLiteral("ali"),
                                  TaskPriority::High);
        const qint64 anyone = task(QStringLiteral("Check the order"), at(3, 3), QString());
        const qint64 someday = task(QStringLiteral("Ask for a review"), 0, QStringLiteral("sara"));
        QVERIFY(call && quote && anyone && someday);
        NewTask empty;
        empty.title = QStringLiteral("  ");
        QVERIFY(!tasks.create(empty));
        QVERIFY(!tasks.errorString().isEmpty());

        // Sara's list: hers and nobody's, by due time, the undated last.
        TaskQuery mine;
        mine.owner = QStringLiteral("sara");
        QList<qint64> ids;
        for (const Task &t : tasks.list(mine))
            ids << t.id;
        QCOMPARE(ids, (QList<qint64>{call, anyone, someday}));
        QCOMPARE(tasks.list(mine).first().contactName, QStringLiteral("mina"));
        QCOMPARE(tasks.countDue(QStringLiteral("sara"), at(3, 4)), 2);
        QCOMPARE(tasks.countDue(QString(), at(3, 6)), 3);

        // Each reminds once when due; a snooze reminds again later.
        QCOMPARE(tasks.takeReminders(QStringLiteral("sara"), at(3, 1)).size(), 0);
        const QList<Task> due = tasks.takeReminders(QStringLiteral("sara"), at(3, 4));
        QCOMPARE(due.size(), 2);
        QCOMPARE(tasks.takeReminders(QStringLiteral("sara"), at(3, 4)).size(), 0);
        QVERIFY(tasks.snooze(call, at(3, 4) + 3600000));
        QCOMPARE(tasks.takeReminders(QStringLiteral("sara"), at(3, 4) + 1800000).size(), 0);
        const QList<Task> again = tasks.takeReminders(QStringLiteral("sara"), at(3, 4) + 3600000);
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().id, call);
        // A new due time reminds at the new time.
        Task moved = *tasks.find(anyone);
        moved.dueAt = QDateTime::fromMSecsSinceEpoch(at(3, 10), Qt::UTC);
        QVERIFY(tasks.update(moved));
        QCOMPARE(tasks.takeReminders(QString(), at(3, 9)).size(), 1); // Ali's quote
        QCOMPARE(tasks.takeReminders(QString(), at(3, 10)).first().id, anyone);

        // Done: off the open list, on the timeline; open again.
        QVERIFY(tasks.setDone(call, true, at(3, 4)));
        QVERIFY(tasks.setDone(call, true, at(3, 5))); // twice: one event
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'task_done'")), 1);
        QCOMPARE(tasks.list(mine).size(), 2);
        TaskQuery done;
        done.state = TaskQuery::State::Done;
        QCOMPARE(tasks.list(done).size(), 1);
        QCOMPARE(tasks.find(call)->doneAt.toMSecsSinceEpoch(), at(3, 4));
        QVERIFY(tasks.setDone(call, false, at(3, 6)));
        QVERIFY(!tasks.find(call)->isDone());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                       "'task_created' AND contact_id = ?"),
                        {mina}),
                 4);
        QVERIFY(tasks.remove(someday));
        QVERIFY(!tasks.find(someday));
    }

    void notesAreOnTheTimelineAsTheyAreNow()
    {
        const qint64 mina = contact(QStringLiteral("mina@example.com"));
        Notes notes(db());
        QVERIFY(!notes.add(mina, QStringLiteral("   "), QStringLiteral("sara"), at(3, 1)));
        const auto id = notes.add(mina, QStringLiteral("Wants a call after Nowruz"),
                                  QStringLiteral("sara"), at(3, 1));
        QVERIFY2(id, qPrintable(notes.errorString()));
        QVERIFY(notes.edit(*id, QStringLiteral("Wants a call on 5 April"), at(3, 2)));
        const QList<Event> timeline = ContactTimeline(m_ws->db()).entries(mina);
        const auto note = std::find_if(timeline.cbegin(), timeline.cend(), [](const Event &e) {
            return e.type == EventType::NoteAdded;
        });
        QVERIFY(note != timeline.cend());
        QCOMPARE(ContactTimeline::describe(*note),
                 QStringLiteral("Note by sara: Wants a call on 5 April"));
        QCOMPARE(note->occurredAt.toMSecsSinceEpoch(), at(3, 1));
        QCOMPARE(notes.find(*id)->body, QStringLiteral("Wants a call on 5 April"));
        QVERIFY(notes.remove(*id));
        QCOMPARE(ContactTimeline(m_ws->db()).page(mina, TimelineKind::Notes).entries.size(), 0);
    }

    // Won is revenue (a purchase the reports count), reopening takes it back,
    // and a changed amount of a won deal moves its revenue.
    void dealsMoveAndWinRevenue()
    {
        const qint64 mina = contact(QStringLiteral("mina@example.com"));
        Deals deals(db());
        Deal d;
        d.pipelineId = sales().id;
        d.contactId = mina;
        d.title = QStringLiteral("Annual plan");
        d.amount = 1200;
        d.currency = QStringLiteral("eur");
        d.expectedClose = QDate(2026, 4, 15);
        const auto id = deals.create(d, at(3, 1));
        QVERIFY2(id, qPrintable(deals.errorString()));
        QCOMPARE(deals.find(*id)->stageId, stage(QStringLiteral("initial_contact")));
        QCOMPARE(deals.find(*id)->currency, QStringLiteral("EUR"));
        d.title.clear();
        QVERIFY(!deals.create(d, at(3, 1)));

        const auto from = deals.move(*id, stage(QStringLiteral("won")), at(3, 10));
        QCOMPARE(from, stage(QStringLiteral("initial_contact")));
        QVERIFY(deals.find(*id)->closedAt.isValid());
        const QString revenue =
            QStringLiteral("SELECT COALESCE(sum(amount), 0) FROM event_tallies WHERE kind = "
                           "'purchase'");
        QCOMPARE(real(revenue), 1200.0);
        QCOMPARE(real(QStringLiteral("SELECT revenue FROM contact_purchases WHERE contact_id = ?"),
                      {mina}),
                 1200.0);
        // Undo on the board: back where it was; the revenue is taken back.
        QVERIFY(deals.move(*id, *from, at(3, 11)));
        QCOMPARE(real(revenue), 0.0);
        QVERIFY(!deals.find(*id)->closedAt.isValid());
        QVERIFY(deals.move(*id, stage(QStringLiteral("won")), at(3, 12)));
        Deal bigger = *deals.find(*id);
        bigger.amount = 1500;
        QVERIFY(deals.update(bigger, at(3, 13)));
        QCOMPARE(real(revenue), 1500.0);
        // A stage of another pipeline is refused.
        const auto other = Pipelines(db()).create(QStringLiteral("Partners"), at(3, 1));
        QVERIFY(other);
        const qint64 foreign = Pipelines(db()).find(*other)->stages.first().id;
        QVERIFY(!deals.move(*id, foreign, at(3, 14)));
        QVERIFY(!deals.errorString().isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                       "'deal_stage_changed' AND contact_id = ?"),
                        {mina}),
                 3);
        // Deleted while won: the revenue goes with it.
        QVERIFY(deals.remove(*id, at(3, 15)));
        QCOMPARE(real(revenue), 0.0);
        QVERIFY(!deals.find(*id));
    }

    void forecastWeighsOpenDealsByMonth()
    {
        const qint64 mina = contact(QStringLiteral("mina@example.com"));
        Deals deals(db());
        auto deal = [&](double amount, const QString &stageKey, QDate close) {
            Deal d;
            d.pipelineId = sales().id;
            d.stageId = stage(stageKey);
            d.contactId = mina;
            d.title = QStringLiteral("Deal %1").arg(amount);
            d.amount = amount;
            d.expectedClose = close;
            QVERIFY(deals.create(d, at(3, 1)));
        };
        deal(1000, QStringLiteral("demo"), QDate(2026, 4, 3));       // 30 %
        deal(2000, QStringLiteral("contract"), QDate(2026, 4, 28));  // 80 %
        deal(500, QStringLiteral("negotiation"), QDate(2026, 5, 1)); // 60 %
        deal(9000, QStringLiteral("won"), QDate(2026, 4, 10));       // closed: not forecast
        deal(700, QStringLiteral("initial_contact"), QDate());       // no date
        const QList<ForecastMonth> months = deals.forecast(sales().id, QCalendar());
        QCOMPARE(months.size(), 3);
        QVERIFY(!months.at(0).month.isValid());
        QCOMPARE(months.at(0).weighted, 70.0);
        QCOMPARE(months.at(1).month, QDate(2026, 4, 1));
        QCOMPARE(months.at(1).deals, 2);
        QCOMPARE(months.at(1).amount, 3000.0);
        QCOMPARE(months.at(1).weighted, 1900.0);
        QCOMPARE(months.at(2).weighted, 300.0);
        // In the Jalali calendar 3 and 28 April 2026 fall in two months
        // (Farvardin and Ordibehesht 1405), and 1 May with the second.
        const QList<ForecastMonth> jalali =
            deals.forecast(sales().id, QCalendar(QCalendar::System::Jalali));
        QCOMPARE(jalali.size(), 3);
        QCOMPARE(jalali.at(1).weighted, 300.0);
        QCOMPARE(jalali.at(2).weighted, 1600.0 + 300.0);
    }

    void staleDealsGetOneFollowUp()
    {
        const qint64 mina = contact(QStringLiteral("mina@example.com"));
        Deals deals(db());
        Deal d;
        d.pipelineId = sales().id;
        d.contactId = mina;
        d.title = QStringLiteral("Quiet deal");
        d.owner = QStringLiteral("sara");
        const auto quiet = deals.create(d, at(3, 1));
        d.title = QStringLiteral("Busy deal");
        const auto busy = deals.create(d, at(3, 1));
        d.title = QStringLiteral("Lost deal");
        d.stageId = stage(QStringLiteral("lost"));
        QVERIFY(deals.create(d, at(3, 1)));
        QVERIFY(quiet && busy);
        QVERIFY(deals.move(*busy, stage(QStringLiteral("demo")), at(3, 12)));
        QCOMPARE(deals.createFollowUps(at(3, 16), 14), 1);
        QCOMPARE(deals.createFollowUps(at(3, 17), 14), 0); // its task is still open
        Tasks tasks(db());
        TaskQuery ofDeal;
        ofDeal.dealId = *quiet;
        const QList<Task> open = tasks.list(ofDeal);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().owner, QStringLiteral("sara"));
        QCOMPARE(open.first().dealTitle, QStringLiteral("Quiet deal"));
        QVERIFY(open.first().title.contains(QStringLiteral("Quiet deal")));
        // Done: the deal had activity then, and is followed up 14 days later.
        QVERIFY(tasks.setDone(open.first().id, true, at(3, 17)));
        QCOMPARE(deals.createFollowUps(at(3, 30), 14), 1); // the busy one, untouched since 12th
        QCOMPARE(deals.createFollowUps(at(4, 1), 14), 1);  // the quiet one again
        QCOMPARE(deals.createFollowUps(at(4, 1), 0), 0);   // switched off
    }

    // A merge keeps the other contact's notes, tasks and deals; deleting a
    // contact and undoing it brings them back.
    void mergeAndUndoKeepTheCrm()
    {
        const qint64 keep = contact(QStringLiteral("mina@example.com"));
        const qint64 other = contact(QStringLiteral("mina.k@example.com"));
        QVERIFY(Notes(db()).add(other, QStringLiteral("VIP"), QString(), at(3, 1)));
        Deal d;
        d.pipelineId = sales().id;
        d.contactId = other;
        d.title = QStringLiteral("Plan");
        const auto deal = Deals(db()).create(d, at(3, 1));
        QVERIFY(deal);
        NewTask t;
        t.contactId = other;
        t.dealId = *deal;
        t.title = QStringLiteral("Call");
        QVERIFY(Tasks(db()).create(t));
        ContactRepository repo(m_ws->db());
        QVERIFY(repo.merge(keep, other));
        for (const char *table : {"notes", "deals", "tasks"})
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE contact_id = ?")
                                .arg(QLatin1String(table)),
                            {keep}),
                     1);
        const ContactSnapshot snap = repo.snapshot({keep});
        QVERIFY(repo.remove({keep}));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM deals")), 0);
        QVERIFY2(repo.restore(snap), qPrintable(repo.errorString()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM deals WHERE contact_id = ?"), {keep}),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE deal_id = ?"), {*deal}),
                 1);
    }

    void pipelineStagesAreConfigurable()
    {
        Pipelines pipelines(db());
        Pipeline p = sales();
        QCOMPARE(p.stages.size(), 6);
        QCOMPARE(p.stages.first().label(), QStringLiteral("Initial contact"));
        QCOMPARE(p.stages.at(3).probability, 80);
        // Rename one, add one, drop "demo".
        p.stages[2].name = QStringLiteral("Haggling");
        p.stages[2].probability = 55;
        PipelineStage trial;
        trial.name = QStringLiteral("Free trial");
        trial.probability = 40;
        p.stages.insert(1, trial);
        p.stages.removeAt(2); // demo
        QVERIFY2(pipelines.save(p), qPrintable(pipelines.errorString()));
        const Pipeline saved = sales();
        QStringList labels;
        for (const PipelineStage &s : saved.stages)
            labels << s.label();
        QCOMPARE(labels,
                 (QStringList{QStringLiteral("Initial contact"), QStringLiteral("Free trial"),
                              QStringLiteral("Haggling"), QStringLiteral("Contract"),
                              QStringLiteral("Won"), QStringLiteral("Lost")}));
        QCOMPARE(saved.stages.at(1).key, QStringLiteral("free_trial"));
        QCOMPARE(saved.stages.at(2).probability, 55);
        // A stage with a deal in it cannot go; nor can the last won stage.
        Deal d;
        d.pipelineId = saved.id;
        d.stageId = saved.stages.at(1).id;
        d.title = QStringLiteral("Trial");
        QVERIFY(Deals(db()).create(d, at(3, 1)));
        Pipeline without = saved;
        without.stages.removeAt(1);
        QVERIFY(!pipelines.save(without));
        QVERIFY(pipelines.errorString().contains(QStringLiteral("still has deals")));
        Pipeline noWon = saved;
        noWon.stages.removeAt(4);
        QVERIFY(!pipelines.save(noWon));
        QCOMPARE(sales().stages.size(), 6);
    }

    // Pages of a timeline put together are the whole timeline, newest first,
    // each entry once, across events, score changes and notes with equal times;
    // a kind shows only its own entries.
    void timelinePagesAndKinds()
    {
        const qint64 mina = contact(QStringLiteral("mina@example.com"));
        EventStore events(db());
        ScoreHistory scores(db());
        Notes notes(db());
        const qint64 base = at(3, 1);
        for (int i = 0; i < 250; ++i) {
            const qint64 when = base + (i / 3) * 60000; // three at each minute
            QVERIFY(events.append(mina, i % 2 ? EventType::EmailOpened : EventType::PageViewed,
                                  when, {{QStringLiteral("i"), i}}));
            if (i % 10 == 0) {
                QVERIFY(scores.append(mina, QDateTime::fromMSecsSinceEpoch(when, Qt::UTC), i, i + 5,
                                      QStringLiteral("email_opened")));
                QVERIFY(notes.add(mina, QStringLiteral("note %1").arg(i), QString(), when));
            }
        }
        QVERIFY(events.append(mina, QStringLiteral("cart_abandoned"), base + 5));
        ContactTimeline timeline(m_ws->db());
        QList<Event> all;
        TimelineCursor cursor;
        int pages = 0;
        for (;;) {
            const TimelinePage page = timeline.page(mina, TimelineKind::All, cursor, 40);
            all += page.entries;
            cursor = page.next;
            ++pages;
            if (!page.more)
                break;
            QCOMPARE(page.entries.size(), 40);
        }
        const qint64 total = 250 + 1 + 25 + 25 + 1; // + contact_created
        QCOMPARE(all.size(), total);
        QCOMPARE(pages, int((total + 39) / 40));
        QSet<QString> seen;
        for (qsizetype i = 0; i < all.size(); ++i) {
            QVERIFY(!seen.contains(all[i].type + QString::number(all[i].id)));
            seen.insert(all[i].type + QString::number(all[i].id));
            if (i > 0)
                QVERIFY(all[i - 1].occurredAt >= all[i].occurredAt);
        }
        // Kinds
        auto count = [&](TimelineKind kind) {
            return timeline.page(mina, kind, {}, 1000).entries.size();
        };
        QCOMPARE(count(TimelineKind::Messages), 125);
        QCOMPARE(count(TimelineKind::Visits), 126); // pages viewed and the cart
        QCOMPARE(count(TimelineKind::Notes), 25);
        QCOMPARE(count(TimelineKind::Changes), 26); // score changes and contact_created
        QCOMPARE(count(TimelineKind::Purchases), 0);
        for (const Event &e : timeline.page(mina, TimelineKind::Visits, {}, 1000).entries)
            QVERIFY2(e.type == EventType::PageViewed || e.type == QLatin1String("cart_abandoned"),
                     qPrintable(e.type));

        // The model reads a page at a time, as the view scrolls.
        TimelineModel model(m_ws->db());
        model.show(mina);
        QCOMPARE(model.rowCount(), TimelineModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), total);
        model.setKind(TimelineKind::Notes);
        QCOMPARE(model.rowCount(), 25);
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_GUILESS_MAIN(tst_Crm)
#include "tst_Crm.moc"
