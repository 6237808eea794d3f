// The Campaigns page and its editor, offscreen: a campaign made in the
// editor with its live audience count, refused with the reason when it cannot
// start, scheduled, started by the runner, paused and resumed from the page,
// its report shown; and the page and editor in Persian, right to left.
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/CampaignListModel.h"
#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "campaigns/CampaignsPage.h"
#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "i18n/Translations.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "widgets/MessageLabel.h"

#include "TestAccounts.h"
#include "TestWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace masir;

class tst_CampaignsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    SystemClock m_clock;

    static void checkItem(QListWidget *list, const QString &name)
    {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == name)
                list->item(i)->setCheckState(Qt::Checked);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        WorkspaceSettings s(m_ws->db());
        s.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("تهران، ولیعصر ۱۲"));
        s.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                   QStringLiteral("https://shop.test/u/{token}"));
        ContactRepository contacts(m_ws->db());
        for (int i = 0; i < 30; ++i) {
            Contact c;
            c.firstName = QStringLiteral("سارا %1").arg(i);
            c.email = QStringLiteral("sara%1@example.net").arg(i);
            c.city = i < 20 ? QStringLiteral("تهران") : QStringLiteral("شیراز");
            if (i == 3)
                c.status = ContactStatus::Unsubscribed;
            QVERIFY(contacts.create(c));
        }
        for (const auto &[name, city] :
             {std::pair{"Tehran", "تهران"}, std::pair{"Shiraz", "شیراز"}}) {
            Segment seg;
            seg.name = QLatin1String(name);
            seg.rule.root.children
                << SegmentNode::condition(QStringLiteral("field"), QStringLiteral("city"),
                                          QStringLiteral("equals"), QString::fromUtf8(city));
            QVERIFY(SegmentRepository(m_ws->db()).save(seg));
        }
        MessageTemplate t;
        t.name = QStringLiteral("offer");
        t.subject = QStringLiteral("This week");
        t.body = QStringLiteral("Hello {{first_name}}");
        QVERIFY(TemplateRepository(m_ws->db()).save(t));
    }

    void editorCountsRefusesThenSchedules()
    {
        ui::CampaignEditorDialog dialog(m_ws->db(), m_clock, Campaign());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QLineEdit *>(QStringLiteral("campaignName"))
            ->setText(QStringLiteral("Offer"));
        auto *include = dialog.findChild<QListWidget *>(QStringLiteral("audienceInclude"));
        checkItem(include, QStringLiteral("Tehran"));
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.countLabel()->text().contains(QStringLiteral("19 can be sent")), 5000);
        QVERIFY(dialog.isModified());
        // No account yet: it is saved as a draft and says what to do.
        dialog.scheduleButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.problemsLabel()->text().contains(QStringLiteral("Settings")), 5000);
        QVERIFY(dialog.isVisible());
        const auto draft = CampaignRepository(m_ws->db()).find(QStringLiteral("Offer"));
        QVERIFY(draft);
        QCOMPARE(draft->state, QStringLiteral("draft"));
        ChannelAccount a = test::smtpAccount();
        QVERIFY(ChannelAccounts(m_ws->db()).save(a));
        dialog.scheduleButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 5000);
        QVERIFY(dialog.scheduled());
        QCOMPARE(CampaignRepository(m_ws->db()).find(QStringLiteral("Offer"))->state,
                 QStringLiteral("scheduled"));
    }

    void pageShowsProgressPausesAndReports()
    {
        ui::CampaignsPage page(m_ws->db(), m_clock);
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 5000);
        QVERIFY(CampaignRunner(m_ws->db(), m_clock).runOnce());
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()
                                     ->index(0, CampaignListModel::ProgressColumn)
                                     .data()
                                     .toString()
                                     .contains(QStringLiteral("0 of 19 sent")),
                                 5000);
        page.selectId(page.model()->rows().constFirst().campaign.id);
        QTRY_VERIFY(page.pauseAction()->isEnabled());
        QVERIFY(!page.resumeAction()->isEnabled());
        page.pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page.resumeAction()->isEnabled(), 5000);
        QCOMPARE(CampaignRepository(m_ws->db()).find(QStringLiteral("Offer"))->state,
                 QStringLiteral("paused"));
        page.resumeAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page.pauseAction()->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(page.report()->toPlainText().contains(QStringLiteral("Sent")),
                                 5000);
    }

    void persianRightToLeft()
    {
        QVERIFY(!Translations::install(QStringLiteral("fa")).isEmpty());
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            ui::CampaignsPage page(m_ws->db(), m_clock);
            page.resize(1280, 800);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 5000);
            page.selectId(page.model()->rows().constFirst().campaign.id);
            QTRY_VERIFY_WITH_TIMEOUT(!page.report()->toPlainText().isEmpty(), 5000);
            QVERIFY(page.report()->toHtml().contains(QStringLiteral("rtl")) ||
                    page.report()->layoutDirection() == Qt::RightToLeft);
            page.grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                 .filePath(QStringLiteral("campaigns_fa.png")));
            Campaign c;
            c.name = QStringLiteral("پیشنهاد پنجشنبه");
            ui::CampaignEditorDialog dialog(m_ws->db(), m_clock, c, &page);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(dialog.layoutDirection(), Qt::RightToLeft);
            // Every label's text fits its label.
            for (const QLabel *label : dialog.findChildren<QLabel *>())
                if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty())
                    QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <=
                                 label->width() + 1,
                             qPrintable(label->text()));
            // The A/B test unfolds when switched on.
            dialog.findChild<QGroupBox *>(QStringLiteral("abTest"))->setChecked(true);
            QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("abContent"))->isVisible());
            for (const QLabel *label : dialog.findChildren<QLabel *>())
                if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty())
                    QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <=
                                 label->width() + 1,
                             qPrintable(label->text()));
            dialog.grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                   .filePath(QStringLiteral("campaign_editor_fa.png")));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_CampaignsPage)
#include "tst_CampaignsPage.moc"
