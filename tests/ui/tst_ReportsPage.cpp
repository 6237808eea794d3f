// The Reports page offscreen on the demo workspace, in English and in Persian:
// it reads off the UI thread, fills its tiles, charts and tables with the
// dashboard's numbers, copies them and exports CSV; screenshots are saved
// beside the build for a person to look at.

#include "demo/DemoWorkspace.h"
#include "i18n/Translations.h"
#include "reports/ReportsPage.h"

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
        QSignalSpy delivered(&page, &ui::ReportsPage::dashboardShown);
        page.refresh();
        QVERIFY(delivered.wait(20000));
        QVERIFY(!page.isBusy());
        QVERIFY(page.dashboard());
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
    }

    void showsTheDashboardsNumbers()
    {
        ui::ReportsPage page(m_ws->db());
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setPreset(ui::ReportsPage::Last90);
        shown(page);
        const Dashboard &d = *page.dashboard();
        QCOMPARE(d.period.days(), 90);
        QVERIFY(d.figures.emailsSent > 0);
        QCOMPARE(page.tile(QStringLiteral("emailsSent"))->text(),
                 QLocale().toString(d.figures.emailsSent));
        QCOMPARE(page.daysTable()->rowCount(), 90);
        QCOMPARE(page.sourcesTable()->rowCount(), int(d.sources.size()));
        page.copyToClipboard();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("emailsSent")));
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
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_ReportsPage)
#include "tst_ReportsPage.moc"
