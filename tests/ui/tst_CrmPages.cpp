// The light CRM in the main window, offscreen, in English and Persian: the
// tasks list and its badge, the deal board with a drag between stages and its
// undo, the forecast, and the contact's 360° timeline with its kinds and
// actions. Screenshots are kept beside the tests.

#include "connectors/CrmSync.h"
#include "contacts/ContactDetailPane.h"
#include "contacts/ContactRepository.h"
#include "contacts/ContactsPage.h"
#include "crm/Deals.h"
#include "crm/DealsPage.h"
#include "crm/Notes.h"
#include "crm/Pipelines.h"
#include "crm/Tasks.h"
#include "crm/TasksPage.h"
#include "demo/DemoWorkspace.h"
#include "events/EventStore.h"
#include "i18n/Translations.h"
#include "importing/ColumnMapper.h"
#include "mainwindow/MainWindow.h"
#include "scoring/LeadScoring.h"
#include "settings/CrmDialog.h"
#include "settings/CrmMappingDialog.h"

#include "TestWorkspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace masir;

class tst_CrmPages : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    qint64 m_mina = 0;

    double revenue()
    {
        QSqlQuery q(m_ws->db().connection());
        return q.exec(QStringLiteral("SELECT COALESCE(sum(amount), 0) FROM event_tallies WHERE "
                                     "kind = 'purchase'")) &&
                       q.next()
                   ? q.value(0).toDouble()
                   : -1;
    }
    static void save(QWidget *w, const QString &name)
    {
        QTest::qWait(100);
        w->grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(name));
    }
    /// Every visible label without word wrap shows its whole text.
    static void checkLabelsFit(QWidget *root)
    {
        for (const QLabel *label : root->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->wordWrap() || label->text().isEmpty() ||
                label->textFormat() == Qt::RichText || label->text().contains(QLatin1Char('<')))
                continue;
            QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <= label->width() + 1,
                     qPrintable(label->text()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        DemoWorkspace demo(m_ws->db());
        DemoWorkspace::Options options;
        options.contacts = 200;
        QVERIFY2(demo.populate(options), qPrintable(demo.errorString()));
        QVERIFY2(demo.addSamples(QStringLiteral("en")), qPrintable(demo.errorString()));
        Contact c;
        c.email = QStringLiteral("mina@example.com");
        c.firstName = QStringLiteral("Mina");
        c.lastName = QStringLiteral("Rahimi");
        ContactRepository repo(m_ws->db());
        QVERIFY(repo.create(c));
        m_mina = c.id;
        // a long history: 300 events, a note, a task
        EventStore events(m_ws->db().connection());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 300; ++i)
            QVERIFY(events.append(
                m_mina, EventType::PageViewed, now - i * 60000,
                {{QStringLiteral("url"), QStringLiteral("https://shop.example/p/%1").arg(i)}}));
        QVERIFY(Notes(m_ws->db().connection())
                    .add(m_mina, QStringLiteral("Wants samples"), QStringLiteral("sara"), now));
        // Live scoring of the demo's history makes follow-up tasks of its own:
        // scored and ticked off here, so that the worker adds none meanwhile.
        LeadScoring scoring(m_ws->db());
        while (true) {
            const auto scored = scoring.scoreNewEvents();
            QVERIFY2(scored, qPrintable(scoring.errorString()));
            if (*scored == 0)
                break;
        }
        Tasks tasks(m_ws->db().connection());
        TaskQuery open;
        for (const Task &t : tasks.list(open)) {
            if (t.title.startsWith(QStringLiteral("Follow up")))
                QVERIFY(tasks.setDone(t.id, true, now));
        }
    }

    void tasksListTicksAndBadge()
    {
        ui::MainWindow window(m_ws->db());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::TasksPage *page = window.tasksPage();
        window.showPage(ui::MainWindow::TasksPageIndex);
        // the demo's: one overdue, one today, one upcoming (and a journey's, by now)
        QTreeWidget *list = page->list();
        QVERIFY(list->topLevelItemCount() >= 3);
        QVERIFY(list->topLevelItem(0)->text(0).startsWith(QStringLiteral("Overdue")));
        QVERIFY(page->dueCount() >= 2);
        // The badge: the tasks due by the end of today (the worker may add a
        // journey's task meanwhile).
        auto badge = [&] {
            const qint64 endOfToday =
                QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
            return QStringLiteral("Tasks (%1)")
                .arg(Tasks(m_ws->db().connection()).countDue(ui::TasksPage::me(), endOfToday));
        };
        QTRY_COMPARE(window.navigation()->item(ui::MainWindow::TasksPageIndex)->text(), badge());
        save(&window, QStringLiteral("tasks_en.png"));
        checkLabelsFit(&window);
        // Ticking the overdue one off: done, and the badge goes down.
        QTreeWidgetItem *overdue = list->topLevelItem(0)->child(0);
        const qint64 id = overdue->data(0, Qt::UserRole).toLongLong();
        overdue->setCheckState(0, Qt::Checked);
        QVERIFY(Tasks(m_ws->db().connection()).find(id)->isDone());
        QTest::qWait(50);
        QTRY_COMPARE(window.navigation()->item(ui::MainWindow::TasksPageIndex)->text(), badge());
        QVERIFY(!Tasks(m_ws->db().connection()).list({}).isEmpty());
        // A reminder is taken once.
        window.remindTasks();
        QCOMPARE(Tasks(m_ws->db().connection())
                     .takeReminders(ui::TasksPage::me(), QDateTime::currentMSecsSinceEpoch())
                     .size(),
                 0);
        QVERIFY(Tasks(m_ws->db().connection()).setDone(id, false, 0));
    }

    void dealBoardDragAndUndo()
    {
        ui::MainWindow window(m_ws->db());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(ui::MainWindow::DealsPageIndex);
        ui::DealsPage *page = window.dealsPage();
        const QList<ui::StageColumn *> columns = page->columns();
        QCOMPARE(columns.size(), 6);
        ui::StageColumn *from = columns.at(3); // contract: the hotel's bread
        ui::StageColumn *won = columns.at(4);
        QCOMPARE(from->count(), 1);
        QVERIFY(from->item(0)->text().contains(QStringLiteral("Hotel bread supply")));
        const qint64 deal = from->item(0)->data(Qt::UserRole).toLongLong();
        save(&window, QStringLiteral("deals_en.png"));
        checkLabelsFit(&window);

        // Dragged from "contract" to "won": the list's own drag data, dropped.
        const double before = revenue();
        std::unique_ptr<QMimeData> mime(from->model()->mimeData({from->model()->index(0, 0)}));
        // As the window system delivers a drag: enter over the column, then drop.
        const QPointF at = won->viewport()->mapTo(&window, QPoint(30, 30));
        QDragEnterEvent enter(at.toPoint(), Qt::MoveAction, mime.get(), Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window.windowHandle(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.windowHandle(), &drop);
        QVERIFY(drop.isAccepted());
        QTRY_COMPARE(page->columns().at(4)->count(), 2);
        Deals deals(m_ws->db().connection());
        const Pipeline sales = *Pipelines(m_ws->db().connection()).findByName(QString());
        QCOMPARE(deals.find(deal)->stageId, sales.stageByKey(QStringLiteral("won"))->id);
        QCOMPARE(revenue(), before + 7800);
        // Undo (Ctrl+Z): back in contract, the revenue taken back; redo again.
        QVERIFY(window.undoStack()->canUndo());
        window.undoStack()->undo();
        QCOMPARE(deals.find(deal)->stageId, sales.stageByKey(QStringLiteral("contract"))->id);
        QCOMPARE(revenue(), before);
        QTRY_COMPARE(page->columns().at(3)->count(), 1);
        window.undoStack()->redo();
        QCOMPARE(deals.find(deal)->stageId, sales.stageByKey(QStringLiteral("won"))->id);
        window.undoStack()->undo();

        // The list and the forecast: the open deals' amounts by month, weighted.
        page->tabs()->setCurrentIndex(1);
        QCOMPARE(page->listView()->rowCount(), 7);
        page->tabs()->setCurrentIndex(2);
        QVERIFY(page->forecastView()->rowCount() >= 2);
        save(&window, QStringLiteral("forecast_en.png"));
    }

    void contactTimelineKindsAndActions()
    {
        ui::MainWindow window(m_ws->db());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactDetailPane *pane = window.contactsPage()->detailPane();
        pane->showContact(m_mina);
        // the newest page of 300 events, more as the list scrolls
        QCOMPARE(pane->timeline()->rowCount(), 100);
        QVERIFY(pane->timeline()->canFetchMore({}));
        pane->timelineKind()->setCurrentIndex(
            pane->timelineKind()->findData(int(TimelineKind::Notes)));
        QCOMPARE(pane->timeline()->rowCount(), 1);
        QVERIFY(
            pane->timeline()->index(0).data().toString().contains(QStringLiteral("Wants samples")));
        QVERIFY(pane->addNote(QStringLiteral("Called: will order on Thursday")));
        QCOMPARE(pane->timeline()->rowCount(), 2);
        const qint64 note = pane->timeline()
                                ->index(0, 0)
                                .data(TimelineModel::PayloadRole)
                                .toJsonObject()
                                .value(QStringLiteral("note"))
                                .toInteger();
        QVERIFY(pane->editNote(note, QStringLiteral("Called: will order on Friday")));
        QVERIFY(pane->timeline()->index(0, 0).data().toString().contains(QStringLiteral("Friday")));
        QVERIFY(pane->logPurchase(45, QStringLiteral("USD"), QStringLiteral("A-1"),
                                  QDateTime::currentDateTimeUtc()));
        pane->timelineKind()->setCurrentIndex(
            pane->timelineKind()->findData(int(TimelineKind::Purchases)));
        QCOMPARE(pane->timeline()->rowCount(), 1);
        QVERIFY(pane->timeline()->index(0).data().toString().contains(QStringLiteral("45")));
        pane->timelineKind()->setCurrentIndex(0);
        QVERIFY(pane->addNoteAction()->isEnabled());
        QVERIFY(pane->eraseAction()->isEnabled());
        save(&window, QStringLiteral("contact360_en.png"));
        const QString html = m_ws->filePath(QStringLiteral("mina.html"));
        QVERIFY(pane->exportData(html));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("Called: will order on Friday"));
    }

    void persian()
    {
        QVERIFY(!Translations::install(QStringLiteral("fa")).isEmpty());
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            ui::MainWindow window(m_ws->db());
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(ui::MainWindow::TasksPageIndex);
            QVERIFY(window.navigation()
                        ->item(ui::MainWindow::TasksPageIndex)
                        ->text()
                        .startsWith(QStringLiteral("کارها")));
            save(&window, QStringLiteral("tasks_fa.png"));
            checkLabelsFit(&window);
            window.showPage(ui::MainWindow::DealsPageIndex);
            QCOMPARE(window.dealsPage()->columns().size(), 6);
            save(&window, QStringLiteral("deals_fa.png"));
            checkLabelsFit(&window);
            window.dealsPage()->tabs()->setCurrentIndex(2);
            save(&window, QStringLiteral("forecast_fa.png"));
            window.showPage(ui::MainWindow::ContactsPageIndex);
            window.contactsPage()->detailPane()->showContact(m_mina);
            save(&window, QStringLiteral("contact360_fa.png"));
            checkLabelsFit(&window);
            ui::CrmDialog crm(m_ws->db(), &window);
            crm.show();
            QVERIFY(QTest::qWaitForWindowExposed(&crm));
            save(&crm, QStringLiteral("crm_sync_fa.png"));
            checkLabelsFit(&crm);
            ui::CrmMappingDialog mapping(m_ws->db(), QStringLiteral("hubspot"), &window);
            mapping.show();
            QVERIFY(QTest::qWaitForWindowExposed(&mapping));
            save(&mapping, QStringLiteral("crm_columns_fa.png"));
            checkLabelsFit(&mapping);
            // The city goes nowhere from now on: remembered for the next syncs.
            auto *city = qobject_cast<QComboBox *>(mapping.table()->cellWidget(6, 1));
            city->setCurrentIndex(city->findData(QStringLiteral("skip")));
            mapping.accept();
            QCOMPARE(
                ColumnMapper::remembered(m_ws->db(), CrmSync::headers(QStringLiteral("HubSpot")))
                    .value(6),
                QStringLiteral("skip"));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_CrmPages)
#include "tst_CrmPages.moc"
