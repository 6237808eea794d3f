// The segment builder, the contact list's segment filter and lists, the tags
// manager and the scoring dialog, on a real workspace, offscreen.

#include "contacts/ContactListModel.h"
#include "contacts/ContactRepository.h"
#include "contacts/ContactsPage.h"
#include "contacts/TagRepository.h"
#include "contacts/TagsDialog.h"
#include "i18n/Translations.h"
#include "mainwindow/MainWindow.h"
#include "scoring/LeadScoring.h"
#include "scoring/ScoringDialog.h"
#include "segments/RuleBuilder.h"
#include "segments/SegmentLiveCount.h"
#include "segments/SegmentsPage.h"
#include "settings/WorkspaceSettings.h"

#include "TestWorkspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace masir;

namespace {

// The rows of the outermost group, in order.
QList<QFrame *> conditionRows(ui::RuleBuilder *builder)
{
    QList<QFrame *> rows;
    for (QFrame *f : builder->findChildren<QFrame *>(QStringLiteral("ruleCondition")))
        if (!f->isHidden()) // removed rows are hidden until deleted
            rows << f;
    std::sort(rows.begin(), rows.end(), [](QFrame *a, QFrame *b) {
        return a->mapToGlobal(QPoint()).y() < b->mapToGlobal(QPoint()).y();
    });
    return rows;
}

QComboBox *subjectOf(QFrame *row)
{
    for (QComboBox *c : row->findChildren<QComboBox *>())
        if (c->accessibleName() == ui::RuleBuilder::tr("Condition subject"))
            return c;
    return nullptr;
}

QComboBox *operatorOf(QFrame *row)
{
    for (QComboBox *c : row->findChildren<QComboBox *>())
        if (c->accessibleName() == ui::RuleBuilder::tr("Operator"))
            return c;
    return nullptr;
}

QLineEdit *valueOf(QFrame *row)
{
    for (QLineEdit *e : row->findChildren<QLineEdit *>())
        if (e->accessibleName() == ui::RuleBuilder::tr("Value"))
            return e;
    return nullptr;
}

void choose(QComboBox *box, const QString &data)
{
    const int at = box->findData(data);
    QVERIFY2(at >= 0, qPrintable(data));
    box->setCurrentIndex(at);
}

} // namespace

class tst_SegmentsPage : public QObject
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
        const struct
        {
            const char *first;
            const char *email;
            const char *city;
            QStringList tags;
            int score;
        } people[] = {
            {"Sara", "sara@example.com", "Tehran", {QStringLiteral("vip")}, 60},
            {"Reza",
             "reza@example.com",
             "تهران",
             {QStringLiteral("vip"), QStringLiteral("b2b")},
             10},
            {"Anna", "anna@example.pl", "Kraków", {QStringLiteral("newsletter")}, 120},
            {"Aisyah", "aisyah@example.my", "Kuala Lumpur", {}, 0},
        };
        for (const auto &p : people) {
            Contact c;
            c.firstName = QString::fromUtf8(p.first);
            c.email = QString::fromUtf8(p.email);
            c.city = QString::fromUtf8(p.city);
            c.tags = p.tags;
            c.score = p.score;
            QVERIFY2(repo.create(c), qPrintable(repo.errorString()));
        }
    }

    void liveCountFollowsTheBuilder()
    {
        ui::SegmentsPage page(m_ws->db());
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.liveCount()->setDelay(10);
        page.newSegment(false);
        QVERIFY(page.isModified());
        QList<QFrame *> rows = conditionRows(page.builder());
        QCOMPARE(rows.size(), 1);

        // City is Tehran: the Persian spelling matches too (ي/ی, case and script folding).
        choose(subjectOf(rows[0]), QStringLiteral("field:city"));
        choose(operatorOf(rows[0]), QStringLiteral("contains"));
        QLineEdit *value = valueOf(rows[0]);
        QVERIFY(value);
        QSignalSpy counted(page.liveCount(), &SegmentLiveCount::counted);
        QTest::keyClicks(value, QStringLiteral("Tehran"));
        QVERIFY(counted.wait(5000) || !counted.isEmpty());
        QTRY_VERIFY(!page.liveCount()->isBusy());
        QTRY_VERIFY(page.countLabel()->text().contains(QLatin1String("1")));
        QCOMPARE(counted.last().at(0).toLongLong(), 1);
        QCOMPARE(page.preview()->rowCount(), 1);
        QCOMPARE(page.preview()->item(0, 1)->text(), QStringLiteral("sara@example.com"));

        // OR a tag: two more conditions in an "any" group, added from the builder.
        page.builder()->addCondition();
        rows = conditionRows(page.builder());
        QCOMPARE(rows.size(), 2);
        choose(subjectOf(rows[1]), QStringLiteral("tag"));
        choose(operatorOf(rows[1]), QStringLiteral("has_any"));
        QTest::keyClicks(valueOf(rows[1]), QStringLiteral("newsletter"));
        auto *match = page.builder()->findChild<QComboBox *>();
        QVERIFY(match);
        for (QComboBox *c : page.builder()->findChildren<QComboBox *>())
            if (c->accessibleName() == ui::RuleBuilder::tr("Match"))
                match = c;
        match->setCurrentIndex(1); // any
        counted.clear();
        QVERIFY(counted.wait(5000));
        QCOMPARE(counted.last().at(0).toLongLong(), 2);

        // the rule the builder holds is the one a file would hold
        const SegmentRule rule = page.builder()->rule();
        QVERIFY(rule.root.matchAny);
        QCOMPARE(rule.root.children.size(), 2);
        QCOMPARE(rule.root.children[0].field, QStringLiteral("city"));
        QCOMPARE(rule.root.children[1].value.toArray().at(0).toString(),
                 QStringLiteral("newsletter"));

        // reorder: the tag condition moves up
        auto *up = rows[1]->findChildren<QToolButton *>().at(0);
        QCOMPARE(up->accessibleName(), ui::RuleBuilder::tr("Move the condition up"));
        up->click();
        QCOMPARE(page.builder()->rule().root.children[0].kind, QStringLiteral("tag"));

        // save; it appears in the list with its count
        page.nameField()->setText(QStringLiteral("Tehran or newsletter"));
        QVERIFY(page.save());
        QVERIFY(!page.isModified());
        QCOMPARE(page.list()->model()->rowCount(), 1);
        QTRY_VERIFY(
            page.list()->model()->index(0, 0).data().toString().contains(QLatin1String("2")));
        const auto saved =
            SegmentRepository(m_ws->db()).findByName(QStringLiteral("Tehran or newsletter"));
        QVERIFY(saved);
        QCOMPARE(saved->rule, page.builder()->rule());
        QCOMPARE(*SegmentRepository(m_ws->db()).count(saved->id), 2);
    }

    void errorsAreShownAtTheCondition()
    {
        ui::SegmentsPage page(m_ws->db());
        page.show();
        page.liveCount()->setDelay(10);
        page.newSegment(false);
        QFrame *row = conditionRows(page.builder()).at(0);
        choose(subjectOf(row), QStringLiteral("field:score"));
        QSignalSpy failed(page.liveCount(), &SegmentLiveCount::failed);
        choose(operatorOf(row), QStringLiteral("gt"));
        // nothing typed yet: the count cannot be made, but the condition says nothing
        QVERIFY(failed.wait(5000));
        auto *error = row->findChild<QLabel *>(QStringLiteral("conditionError"));
        QVERIFY(error);
        QVERIFY(!error->isVisible());
        failed.clear();
        QTest::keyClicks(valueOf(row), QStringLiteral("abc"));
        QVERIFY(failed.wait(5000));
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("abc")), qPrintable(error->text()));
        // saving is refused with the reason; nothing is stored
        const int before = int(SegmentRepository(m_ws->db()).list().size());
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!page.save());
        QCOMPARE(int(SegmentRepository(m_ws->db()).list().size()), before);
        // Persian digits are numbers: the error goes away and the count is right
        QSignalSpy counted(page.liveCount(), &SegmentLiveCount::counted);
        valueOf(row)->setText(QStringLiteral("۵۰"));
        QVERIFY(counted.wait(5000));
        QCOMPARE(counted.last().at(0).toLongLong(), 2); // 60 and 120
        QVERIFY(!error->isVisible());
        page.deleteCurrent(); // the draft goes without a question
        QVERIFY(!page.isModified());
    }

    void groupsAndDatesRoundTrip()
    {
        ui::RuleBuilder builder(m_ws->db());
        SegmentRule rule;
        SegmentNode inner = SegmentNode::group(true);
        inner.children << SegmentNode::condition(
                              QStringLiteral("field"), QStringLiteral("birthday"),
                              QStringLiteral("before"), QStringLiteral("2000-03-20"))
                       << SegmentNode::condition(QStringLiteral("field"),
                                                 QStringLiteral("birthday"),
                                                 QStringLiteral("anniversary_within"), 7);
        SegmentNode event =
            SegmentNode::condition(QStringLiteral("event"), QString(), QStringLiteral("did"));
        event.event = QStringLiteral("purchase");
        event.times = 2;
        event.days = 30;
        event.filters =
            QJsonArray{QJsonObject{{QStringLiteral("property"), QStringLiteral("amount")},
                                   {QStringLiteral("op"), QStringLiteral("gt")},
                                   {QStringLiteral("value"), QStringLiteral("100")}}};
        rule.root.children << SegmentNode::condition(
                                  QStringLiteral("field"), QStringLiteral("stage"),
                                  QStringLiteral("is"),
                                  QJsonArray{QStringLiteral("lead"), QStringLiteral("mql")})
                           << inner << event;
        builder.setRule(rule);
        QCOMPARE(builder.rule(), rule);
        auto *date = builder.findChild<QDateEdit *>();
        QVERIFY(date);
        QCOMPARE(date->date(), QDate(2000, 3, 20));
    }

    void contactListFiltersBySegmentAndAddsToLists()
    {
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactsPage *contacts = window.contactsPage();
        QTRY_COMPARE(contacts->model()->rowCount(), 4);
        const auto segment =
            SegmentRepository(m_ws->db()).findByName(QStringLiteral("Tehran or newsletter"));
        QVERIFY(segment);
        contacts->setSegmentFilter(segment->id);
        QTRY_COMPARE(contacts->model()->rowCount(), 2);
        QVERIFY(contacts->model()->isFiltered());

        // select both, put them in a new list
        contacts->view()->selectAll();
        QCOMPARE(contacts->addSelectionToList(QStringLiteral("Call back")), 2);
        const auto list = SegmentRepository(m_ws->db()).findByName(QStringLiteral("Call back"));
        QVERIFY(list && list->isStatic);
        QCOMPARE(*SegmentRepository(m_ws->db()).count(list->id), 2);
        QVERIFY(contacts->segmentFilter()->findData(list->id) >= 0);
        // adding the same contacts again adds nobody twice
        QCOMPARE(contacts->addSelectionToList(QStringLiteral("Call back")), 0);

        contacts->setSegmentFilter(0);
        QTRY_COMPARE(contacts->model()->rowCount(), 4);

        // "Show in Contacts" from the segments page
        ui::SegmentsPage *segments = window.segmentsPage();
        segments->reload(list->id);
        QVERIFY(segments->open(list->id));
        Q_EMIT segments->showInContacts(list->id);
        QCOMPARE(window.currentPage(), ui::MainWindow::ContactsPageIndex);
        QTRY_COMPARE(contacts->model()->rowCount(), 2);
    }

    void tagsManagerRenamesMergesDeletes()
    {
        ui::TagsDialog dialog(m_ws->db());
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 3); // b2b, newsletter, vip
        auto rowOf = [&](const QString &name) {
            for (int r = 0; r < table->rowCount(); ++r)
                if (table->item(r, 0)->text().compare(name, Qt::CaseInsensitive) == 0)
                    return r;
            return -1;
        };
        QCOMPARE(table->item(rowOf(QStringLiteral("vip")), 1)->text(), QStringLiteral("2"));
        table->selectRow(rowOf(QStringLiteral("b2b")));
        QTimer::singleShot(0, [] {
            auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(input);
            input->setTextValue(QStringLiteral("VIP")); // an existing name: merges
            input->accept();
        });
        dialog.renameSelected();
        QVERIFY(dialog.hasChanged());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(rowOf(QStringLiteral("vip")), 1)->text(), QStringLiteral("2"));
        table->selectRow(rowOf(QStringLiteral("newsletter")));
        QTimer::singleShot(0, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Yes)->click();
        });
        dialog.deleteSelected();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(TagRepository(m_ws->db()).list().size(), 1);
    }

    void scoringDialogSavesRulesAndThresholds()
    {
        ui::ScoringDialog dialog(m_ws->db());
        const int before = dialog.rules()->rowCount();
        QCOMPARE(before, int(LeadScoring(m_ws->db()).rules().size()));
        ScoringRule demo;
        demo.eventType = QStringLiteral("form_submitted");
        demo.property = QStringLiteral("form");
        demo.op = QStringLiteral("eq");
        demo.value = 2;
        demo.points = 30;
        dialog.addRule(demo);
        dialog.mqlScore()->setValue(40);
        dialog.sqlScore()->setValue(90);
        QVERIFY(dialog.save());
        QCOMPARE(LeadScoring(m_ws->db()).rules().size(), before + 1);
        QCOMPARE(WorkspaceSettings(m_ws->db()).value(WorkspaceSettings::Key::MqlScore).toInt(), 40);

        // a bad stage list is refused, with the stages left as they were
        const QStringList stages = LifecycleStages(m_ws->db()).keys();
        dialog.stages()->setText(QStringLiteral("lead, lead"));
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!dialog.save());
        QCOMPARE(LifecycleStages(m_ws->db()).keys(), stages);
    }

    void persianBuilderIsRightToLeft()
    {
        const QString used = Translations::install(QStringLiteral("fa"));
        QCOMPARE(used, QStringLiteral("fa"));
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            ui::SegmentsPage page(m_ws->db());
            page.resize(1100, 700);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.liveCount()->setDelay(10);
            const auto segment =
                SegmentRepository(m_ws->db()).findByName(QStringLiteral("Tehran or newsletter"));
            QVERIFY(page.open(segment->id));
            page.builder()->addCondition();
            QFrame *row = conditionRows(page.builder()).last();
            choose(subjectOf(row), QStringLiteral("field:birthday"));
            choose(operatorOf(row), QStringLiteral("before"));
            auto *date = row->findChild<QDateEdit *>();
            QVERIFY(date);
            QCOMPARE(date->calendar().name(), QStringLiteral("Jalali"));
            date->setDate(QDate(2024, 3, 20)); // 1403/01/01
            QVERIFY2(date->text().contains(QStringLiteral("۱۴۰۳")), qPrintable(date->text()));
            QCOMPARE(page.layoutDirection(), Qt::RightToLeft);
            QTRY_VERIFY(!page.liveCount()->isBusy());
            QTest::qWait(50);
            const QImage shot = page.grab().toImage();
            QVERIFY(!shot.isNull());
            shot.save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("segments_fa.png")));
            // the rule still says 2024-03-20 in the file
            QCOMPARE(page.builder()->rule().root.children.last().value.toString(),
                     QStringLiteral("2024-03-20"));
            page.revertAction()->trigger(); // leave without the question about unsaved changes
            QVERIFY(!page.isModified());
            // a list subscribers may choose on their preference page
            Segment list;
            list.name = QStringLiteral("خبرنامهٔ نان تازه");
            list.isStatic = true;
            list.isPublic = true;
            QVERIFY(SegmentRepository(m_ws->db()).save(list));
            page.reload(list.id);
            QVERIFY(page.open(list.id));
            auto *publicList = page.findChild<QCheckBox *>(QStringLiteral("publicList"));
            QVERIFY(publicList && publicList->isVisibleTo(&page) && publicList->isChecked());
            publicList->setChecked(false);
            QVERIFY(page.isModified());
            page.saveAction()->trigger();
            QVERIFY(!SegmentRepository(m_ws->db()).find(list.id)->isPublic);
            QTest::qWait(50);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("lists_fa.png")));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_SegmentsPage)
#include "tst_SegmentsPage.moc"
