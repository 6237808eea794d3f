// The Reports page offscreen on the demo workspace, in English and in Persian:
// it reads off the UI thread, fills its tiles, charts and tables with the
// dashboard's numbers, copies them and exports CSV; screenshots are saved
// beside the build for a person to look at.

#include "campaigns/CampaignActivity.h"
#include "campaigns/CampaignRepository.h"
#include "demo/DemoWorkspace.h"
#include "i18n/Translations.h"
#include "messaging/Outbox.h"
#include "render/ReportDocument.h"
#include "reports/AcquisitionCostsDialog.h"
#include "reports/ReportView.h"
#include "reports/ReportsPage.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"

#include "PdfCheck.h"
#include "TestWorkspace.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

using namespace masir;

class tst_ReportsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

    void shown(ui::ReportsPage &page)
    {
        QSignalSpy delivered(&page, &ui::ReportsPage::reportShown);
        page.refresh();
        QVERIFY(delivered.wait(20000));
        QVERIFY(!page.isBusy());
    }

    /// A campaign sent to 40 of the demo's contacts two days ago, with A and
    /// B: people's opens and clicks on two links, a machine's opens, a purchase.
    qint64 sentCampaign()
    {
        Campaign c;
        c.name = QStringLiteral("Autumn sale");
        c.templateName = QStringLiteral("autumn");
        c.ab.variants = {AbVariant(), AbVariant{QString(), QStringLiteral("B"), QString(), 0}};
        CampaignRepository campaigns(m_ws->db());
        if (!campaigns.save(c))
            return 0;
        const qint64 sent = QDateTime::currentMSecsSinceEpoch() - 2 * 86400000LL;
        QSqlQuery q(m_ws->db().connection());
        q.prepare(QStringLiteral("UPDATE campaigns SET state = 'done', started_at = ?, "
                                 "recipients = 40 WHERE id = ?"));
        q.addBindValue(sent);
        q.addBindValue(c.id);
        if (!q.exec())
            return 0;
        Outbox outbox(m_ws->db());
        CampaignActivity activity(m_ws->db().connection());
        if (!q.exec(QStringLiteral("SELECT id FROM contacts ORDER BY id LIMIT 40")))
            return 0;
        QList<qint64> contacts;
        while (q.next())
            contacts << q.value(0).toLongLong();
        for (qsizetype i = 0; i < contacts.size(); ++i) {
            const int variant = 1 + int(i % 2);
            OutboxEntry e;
            e.idempotencyKey = QStringLiteral("campaign:%1:%2").arg(c.id).arg(contacts.at(i));
            e.channel = QStringLiteral("email");
            e.contactId = contacts.at(i);
            e.recipient = QStringLiteral("x%1@shop.test").arg(i);
            e.templateName = c.templateName;
            e.dueAtMs = e.createdAtMs = sent;
            const auto id = outbox.add(e);
            QSqlQuery u(m_ws->db().connection());
            u.prepare(QStringLiteral("UPDATE outbox SET campaign_id = ?, variant = ?, state = "
                                     "'sent', sent_at = ? WHERE id = ?"));
            u.addBindValue(c.id);
            u.addBindValue(variant);
            u.addBindValue(sent);
            u.addBindValue(id.value_or(0));
            if (!id || !u.exec())
                return 0;
            const bool opened = i % 3 == 0;
            const bool clicked = i % 6 == 0;
            using Kind = CampaignActivity::Kind;
            if ((opened &&
                 !activity.count(c.id, variant, e.contactId, Kind::Open, sent + 3600000)) ||
                (opened && !activity.engaged(c.id, variant, false, i % 5, -1, QString())) ||
                (clicked &&
                 !activity.count(c.id, variant, e.contactId, Kind::Click, sent + 7200000)) ||
                (clicked &&
                 !activity.engaged(c.id, variant, true, 2 + i % 4, int((i / 6) % 2),
                                   QStringLiteral("https://shop.example/p/%1").arg((i / 6) % 2))) ||
                (i % 7 == 0 &&
                 !activity.count(c.id, variant, e.contactId, Kind::MachineOpen, sent + 1000)))
                return 0;
        }
        if (!activity.purchase(contacts.first(), 250, sent + 86400000, 7 * 86400000LL))
            return 0;
        return c.id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        DemoWorkspace demo(m_ws->db());
        DemoWorkspace::Options options;
        options.contacts = 400;
        QVERIFY2(demo.populate(options), qPrintable(demo.errorString()));
        QVERIFY(
            WorkspaceSettings(m_ws->db())
                .setValue(WorkspaceSettings::Key::BusinessName, QStringLiteral("Golestan Bakery")));
    }

    void showsTheDashboardsNumbers()
    {
        ui::ReportsPage page(m_ws->db());
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setPreset(ui::ReportsPage::Last90);
        shown(page);
        QVERIFY(page.dashboard());
        const Dashboard &d = *page.dashboard();
        QCOMPARE(d.period.days(), 90);
        QVERIFY(d.figures.emailsSent > 0);
        QCOMPARE(page.tile(QStringLiteral("emailsSent"))->text(),
                 QLocale().toString(d.figures.emailsSent));
        QCOMPARE(page.daysTable()->rowCount(), 90);
        QCOMPARE(page.sourcesTable()->rowCount(), int(d.sources.size()));
        page.copyToClipboard();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("Emails sent")));
        const QString csv = m_ws->filePath(QStringLiteral("dashboard.csv"));
        QVERIFY(page.exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("\xEF\xBB\xBF")); // a BOM, for Excel
        QVERIFY(
            text.contains(QByteArray("emailsSent," + QByteArray::number(d.figures.emailsSent))));
        QTest::qWait(200); // the charts lay their axes out on the next pass
        page.grab().toImage().save(
            QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("reports_en.png")));

        // as PDF: the title, the business, the figures and the tables, every page drawn
        const QString pdf = m_ws->filePath(QStringLiteral("dashboard.pdf"));
        QVERIFY(page.exportPdf(pdf));
        QString error;
        const auto facts = test::inspectPdf(
            pdf, QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("report_en")),
            &error);
        QVERIFY2(facts, qPrintable(error));
        QVERIFY(facts->pages >= 2);
        QVERIFY2(facts->notEmbedded.isEmpty(), qPrintable(facts->notEmbedded.join(u' ')));
        for (const QString &words : {QStringLiteral("Dashboard"), QStringLiteral("Golestan Bakery"),
                                     QStringLiteral("Sending, opens and clicks per day"),
                                     QStringLiteral("New contacts by source")})
            QVERIFY2(facts->text.contains(words), qPrintable(words));
        QVERIFY(facts->text.contains(QLocale().toString(d.figures.emailsSent)));
    }

    void showsTheFunnel()
    {
        ui::ReportsPage page(m_ws->db());
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setPreset(ui::ReportsPage::Last90);
        page.showReport(ui::ReportsPage::FunnelReportTab);
        page.setFunnelBasis(Funnel::Basis::Cohort);
        shown(page);
        QVERIFY(page.funnel());
        const Funnel &f = *page.funnel();
        QCOMPARE(f.basis, Funnel::Basis::Cohort);
        QCOMPARE(page.funnelTable()->rowCount(), int(f.steps.size()));
        QVERIFY(f.steps.at(0).contacts > 0);
        QVERIFY(f.steps.at(1).contacts > 0); // the demo has leads
        QCOMPARE(page.funnelTable()->item(1, 1)->text(),
                 QLocale().toString(f.steps.at(1).contacts));
        const QString csv = m_ws->filePath(QStringLiteral("funnel.csv"));
        QVERIFY(page.exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(
            QByteArray("lead," + QByteArray::number(f.steps.at(1).contacts) + ",")));
        QTest::qWait(200);
        page.grab().toImage().save(
            QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("funnel_en.png")));
    }

    void showsTheCustomersAndSavesAGroup()
    {
        ui::ReportsPage page(m_ws->db());
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showReport(ui::ReportsPage::CustomersReportTab);
        shown(page);
        QVERIFY(page.rfm());
        const Rfm &r = *page.rfm();
        QVERIFY(r.customers > 0); // the demo's customers bought
        QCOMPARE(page.rfmTable()->rowCount(), int(r.groups.size()));
        QVERIFY(!page.findChild<QWidget *>(QStringLiteral("reportPeriod"))->isEnabled());
        // the first group with customers, saved: the segment holds them
        int row = 0;
        while (row < r.groups.size() && r.groups.at(row).customers == 0)
            ++row;
        QVERIFY(row < r.groups.size());
        QSignalSpy saved(&page, &ui::ReportsPage::segmentSaved);
        const QString name = page.saveGroupAsSegment(row);
        QVERIFY(!name.isEmpty());
        QCOMPARE(saved.size(), 1);
        SegmentRepository segments(m_ws->db());
        QCOMPARE(segments.count(saved.first().first().toLongLong()).value_or(-1),
                 r.groups.at(row).customers);
        // saved again: a second segment, named by the day
        QVERIFY(page.saveGroupAsSegment(row) != name);
        QTest::qWait(200);
        page.grab().toImage().save(
            QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("rfm_en.png")));
    }

    void showsACampaign()
    {
        const qint64 id = sentCampaign();
        QVERIFY(id);
        ui::ReportsPage page(m_ws->db());
        page.resize(1200, 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy delivered(&page, &ui::ReportsPage::reportShown);
        page.showCampaign(id);
        QVERIFY(delivered.wait(20000));
        QVERIFY(page.campaignReport());
        const CampaignReportData &r = *page.campaignReport();
        QCOMPARE(r.total.sent, 40);
        QCOMPARE(r.total.uniqueOpens, 14);
        QCOMPARE(r.total.uniqueClicks, 7);
        QCOMPARE(r.total.machineOpens, 6);
        QCOMPARE(r.variants.size(), 2);
        // the variants side by side: the measure, all, A and B
        QCOMPARE(page.campaignResultsTable()->columnCount(), 4);
        QCOMPARE(page.campaignLinksTable()->rowCount(), 2);
        QCOMPARE(page.tile(QStringLiteral("campaign.conversions"))->text(), QStringLiteral("1"));
        QTest::qWait(200);
        page.grab().toImage().save(
            QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("campaign_en.png")));
        const QString pdf = m_ws->filePath(QStringLiteral("campaign.pdf"));
        QVERIFY(page.exportPdf(pdf));
        QString error;
        const auto facts = test::inspectPdf(
            pdf, QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("campaign_en")),
            &error);
        QVERIFY2(facts, qPrintable(error));
        QVERIFY(facts->text.contains(QStringLiteral("Autumn sale")));
        QVERIFY(facts->text.contains(QStringLiteral("https://shop.example/p/0")));
    }

    void showsTheRevenueAndTakesCosts()
    {
        ui::AcquisitionCostsDialog costs(m_ws->db());
        QVERIFY(costs.setCost(QDate::currentDate(), QStringLiteral("instagram"), 120));
        QVERIFY(!costs.setCost(QDate::currentDate(), QString(), 5)); // no source: said why
        QCOMPARE(costs.table()->rowCount(), 1);
        ui::ReportsPage page(m_ws->db());
        page.resize(1200, 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setPreset(ui::ReportsPage::Last90);
        page.showReport(ui::ReportsPage::RevenueReportTab);
        shown(page);
        QVERIFY(page.revenue());
        const Revenue &r = *page.revenue();
        QCOMPARE(r.channels.size(), 3);
        QVERIFY(r.total != 0); // the demo's customers bought
        QCOMPARE(page.revenueView()->table(1)->rowCount(), 3);
        bool instagram = false;
        for (const Acquisition &a : r.acquisition)
            instagram = instagram || (a.source == QLatin1String("instagram") && a.cost == 120);
        QVERIFY(instagram);
        QTest::qWait(200);
        page.grab().toImage().save(
            QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("revenue_en.png")));
        QVERIFY(costs.table()->selectionModel());
        costs.table()->selectRow(0);
        QVERIFY(costs.removeSelected());
        QCOMPARE(costs.table()->rowCount(), 0);
    }

    void persianIsRightToLeftWithPersianDigits()
    {
        QCOMPARE(Translations::install(QStringLiteral("fa")), QStringLiteral("fa"));
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            ui::ReportsPage page(m_ws->db());
            page.resize(1200, 900);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.setPreset(ui::ReportsPage::Last30);
            shown(page);
            QCOMPARE(page.layoutDirection(), Qt::RightToLeft);
            const QString sent = page.tile(QStringLiteral("emailsSent"))->text();
            QVERIFY2(
                sent.contains(QChar(char16_t(0x06F0 + page.dashboard()->figures.emailsSent % 10))),
                qPrintable(sent));
            QTest::qWait(200);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("reports_fa.png")));

            // the PDF in Persian: its words, digits and Jalali dates, fonts embedded
            const QString pdf = m_ws->filePath(QStringLiteral("dashboard_fa.pdf"));
            QVERIFY(page.exportPdf(pdf));
            QString error;
            const auto facts = test::inspectPdf(
                pdf, QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("report_fa")),
                &error);
            QVERIFY2(facts, qPrintable(error));
            QVERIFY(facts->pages >= 1);
            QVERIFY2(facts->notEmbedded.isEmpty(), qPrintable(facts->notEmbedded.join(u' ')));
            // words come out of a right-to-left PDF whole (but for the zero-width
            // non-joiner), whichever order the lines are read in
            const QString text = QString(facts->text).remove(QChar(0x200C));
            QVERIFY(ui::ReportDocuments::tr("Dashboard") != QStringLiteral("Dashboard"));
            for (const QString &words :
                 {ui::ReportDocuments::tr("Dashboard"), ui::ReportDocuments::tr("New contacts"),
                  ui::ReportDocuments::tr("Emails sent")})
                for (const QString &word : words.normalized(QString::NormalizationForm_KC)
                                               .remove(QChar(0x200C))
                                               .split(u' ', Qt::SkipEmptyParts))
                    QVERIFY2(text.contains(word), qPrintable(word));
            QVERIFY(facts->text.contains(QChar(0x06F1)) || facts->text.contains(QChar(0x06F2)));

            page.showReport(ui::ReportsPage::FunnelReportTab);
            shown(page);
            QTest::qWait(200);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("funnel_fa.png")));
            QSignalSpy campaignShown(&page, &ui::ReportsPage::reportShown);
            page.showCampaign(
                CampaignRepository(m_ws->db()).find(QStringLiteral("Autumn sale"))->id);
            QVERIFY(campaignShown.wait(20000));
            QTest::qWait(200);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("campaign_fa.png")));
            const QString campaignPdf = m_ws->filePath(QStringLiteral("campaign_fa.pdf"));
            QVERIFY(page.exportPdf(campaignPdf));
            const auto campaignFacts = test::inspectPdf(
                campaignPdf,
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("campaign_fa")),
                &error);
            QVERIFY2(campaignFacts, qPrintable(error));
            QVERIFY(campaignFacts->pages >= 1);
            page.showReport(ui::ReportsPage::RevenueReportTab);
            shown(page);
            QTest::qWait(200);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("revenue_fa.png")));
            page.showReport(ui::ReportsPage::CustomersReportTab);
            shown(page);
            QTest::qWait(200);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("rfm_fa.png")));
            const QString rfmPdf = m_ws->filePath(QStringLiteral("rfm_fa.pdf"));
            QVERIFY(page.exportPdf(rfmPdf));
            const auto rfmFacts = test::inspectPdf(
                rfmPdf, QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("rfm_fa")),
                &error);
            QVERIFY2(rfmFacts, qPrintable(error));
            QVERIFY(rfmFacts->pages >= 1);
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_ReportsPage)
#include "tst_ReportsPage.moc"
