// The journeys page and the background worker in the main window, offscreen.

#include "contacts/ContactRepository.h"
#include "events/EventStore.h"
#include "i18n/Translations.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneysPage.h"
#include "mainwindow/MainWindow.h"
#include "scheduler/Worker.h"

#include "TestWorkspace.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace masir;

class tst_JourneysPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        ContactRepository repo(m_ws->db());
        for (int i = 0; i < 8; ++i) {
            Contact c;
            c.firstName = QStringLiteral("Person%1").arg(i);
            c.email = QStringLiteral("p%1@example.com").arg(i);
            QVERIFY(repo.create(c));
        }
    }

    void createStartSimulatePause()
    {
        ui::JourneysPage page(m_ws->db());
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const qint64 id =
            page.createFromTemplate(QStringLiteral("welcome"), QStringLiteral("Welcome"));
        QVERIFY(id);
        QCOMPARE(page.table()->model()->rowCount(), 1);
        QCOMPARE(page.selectedId(), id);
        QCOMPARE(page.table()->model()->index(0, 1).data().toString(),
                 ui::JourneysPage::tr("Draft"));
        QVERIFY(page.activateAction()->isEnabled());
        QVERIFY(!page.pauseAction()->isEnabled());

        QSignalSpy changed(&page, &ui::JourneysPage::journeysChanged);
        QVERIFY(page.activateSelected());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(page.table()->model()->index(0, 1).data().toString(),
                 ui::JourneysPage::tr("Running"));
        QVERIFY(page.pauseAction()->isEnabled());

        QSignalSpy simulated(&page, &ui::JourneysPage::simulationFinished);
        page.simulateSelected(5, 10);
        QVERIFY(simulated.wait(20000));
        QCOMPARE(page.simulation()->topLevelItemCount(), 5);
        // each contact: the trigger, the welcome email, the wait, then the reminder
        const QTreeWidgetItem *first = page.simulation()->topLevelItem(0);
        QVERIFY(first->childCount() >= 4);
        // nothing real happened
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        QVERIFY(page.pauseSelected());
        QCOMPARE(page.table()->model()->index(0, 1).data().toString(),
                 ui::JourneysPage::tr("Paused"));
        page.duplicateSelected();
        QCOMPARE(page.table()->model()->rowCount(), 2);
    }

    void mainWindowRunsTheWorker()
    {
        // A running journey with a manual trigger: the window's worker moves contacts on.
        JourneyRepository repo(m_ws->db());
        const auto welcome = repo.findByName(QStringLiteral("Welcome"));
        QVERIFY(welcome && repo.activate(welcome->id));
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *label = window.findChild<QLabel *>(QStringLiteral("workerLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), ui::MainWindow::tr("Journeys running"));
        QSignalSpy cycles(window.worker(), &Worker::cycleFinished);
        // a signup event enrols the contact; the worker sends the welcome email
        QVERIFY(EventStore(m_ws->db().connection())
                    .append(1, QStringLiteral("signup"), QDateTime::currentDateTimeUtc()));
        window.worker()->wake();
        QTRY_VERIFY_WITH_TIMEOUT(!cycles.isEmpty(), 10000);
        QSqlQuery q(m_ws->db().connection());
        QTRY_VERIFY_WITH_TIMEOUT(q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                       "template = 'welcome.hello'")) &&
                                     q.next() && q.value(0).toInt() == 1,
                                 10000);
        window.worker()->setPaused(true);
        QCOMPARE(label->text(), ui::MainWindow::tr("Journeys and sending paused"));
        window.worker()->setPaused(false);
    }

    void persianJourneysPage()
    {
        const QString used = Translations::install(QStringLiteral("fa"));
        QCOMPARE(used, QStringLiteral("fa"));
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            ui::JourneysPage page(m_ws->db());
            page.resize(1000, 700);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            const qint64 id =
                page.createFromTemplate(QStringLiteral("birthday"), QStringLiteral("زادروز"));
            QVERIFY(id);
            QSignalSpy simulated(&page, &ui::JourneysPage::simulationFinished);
            page.simulateSelected(3, 400);
            QVERIFY(simulated.wait(20000));
            QCOMPARE(page.layoutDirection(), Qt::RightToLeft);
            // each contact's own messages only: the welcome email sent for real earlier
            // counts towards the daily cap but is not shown as this journey's
            for (int i = 0; i < page.simulation()->topLevelItemCount(); ++i) {
                const QTreeWidgetItem *c = page.simulation()->topLevelItem(i);
                for (int k = 0; k < c->childCount(); ++k)
                    QVERIFY(!c->child(k)->text(0).contains(QLatin1String("welcome")));
            }
            const QImage shot = page.grab().toImage();
            QVERIFY(!shot.isNull());
            shot.save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("journeys_fa.png")));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_JourneysPage)
#include "tst_JourneysPage.moc"
