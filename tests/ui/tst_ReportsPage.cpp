// The Reports page offscreen on the demo workspace, in English and in Persian:
// it reads off the UI thread, fills its tiles, charts and tables with the
// dashboard's numbers, copies them and exports CSV; screenshots are saved
// beside the build for a person to look at.

#include "demo/DemoWorkspace.h"
#include "i18n/Translations.h"
#include "render/ReportDocument.h"
#include "reports/ReportsPage.h"
#include "settings/WorkspaceSettings.h"

#include "PdfCheck.h"
#include "TestWorkspace.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
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
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_ReportsPage)
#include "tst_ReportsPage.moc"
