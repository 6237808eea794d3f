// The import wizard, offscreen, on real fixture files and a real workspace.

#include "contacts/ContactListModel.h"
#include "contacts/ContactRepository.h"
#include "contacts/ContactsPage.h"
#include "i18n/Translations.h"
#include "importwizard/ImportWizard.h"
#include "mainwindow/MainWindow.h"

#include "TestWorkspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace masir;

namespace {
QString fixture(const QString &name)
{
    return QStringLiteral(MASIR_TEST_DATA_DIR "/import/") + name;
}
} // namespace

class tst_ImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importsPolishFileEndToEnd()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ui::ImportWizard wizard(ws.db(), fixture(QStringLiteral("pl_cp1250_semicolon.csv")));
        wizard.show();
        QCOMPARE(wizard.currentId(), int(ui::ImportWizard::PreviewPage));
        QCOMPARE(Encodings::key(wizard.preview().encoding), QStringLiteral("windows-1250"));
        QCOMPARE(wizard.preview().delimiter, QLatin1Char(';'));
        auto *table = wizard.findChild<QTableWidget *>(QStringLiteral("previewTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Żółkiewska"));

        // Choosing another encoding re-decodes the preview at once.
        auto *encoding = wizard.findChild<QComboBox *>(QStringLiteral("encoding"));
        encoding->setCurrentIndex(encoding->findData(QStringLiteral("windows-1252")));
        QVERIFY(table->item(1, 1)->text() != QStringLiteral("Żółkiewska"));
        encoding->setCurrentIndex(encoding->findData(QStringLiteral("windows-1250")));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Żółkiewska"));

        wizard.next(); // mapping
        QCOMPARE(wizard.currentId(), int(ui::ImportWizard::MappingPage));
        auto *mapping = wizard.findChild<QTableWidget *>(QStringLiteral("mappingTable"));
        QCOMPARE(mapping->rowCount(), 6);
        auto *emailCombo = qobject_cast<QComboBox *>(mapping->cellWidget(2, 2));
        QCOMPARE(emailCombo->currentData().toString(), QStringLiteral("email"));
        wizard.next(); // options
        wizard.findChild<QLineEdit *>(QStringLiteral("importTag"))
            ->setText(QStringLiteral("klienci"));
        wizard.options().defaultRegion = QStringLiteral("PL");
        QSignalSpy finished(&wizard, &ui::ImportWizard::importFinished);
        wizard.next(); // progress: the import starts
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE(wizard.currentId(), int(ui::ImportWizard::SummaryPage));
        QCOMPARE(wizard.report().created, 3);
        const QString counts = wizard.findChild<QLabel *>(QStringLiteral("importCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("3 contacts created")), qPrintable(counts));
        ContactRepository repo(ws.db());
        QCOMPARE(repo.count(), 3);
        QCOMPARE(repo.find(*repo.findIdByEmail(QStringLiteral("zofia@example.pl")))->tags,
                 QStringList{QStringLiteral("klienci")});
    }

    void rejectedRowsAreListed()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ui::ImportWizard wizard(ws.db(), fixture(QStringLiteral("blank_lines_bad_rows.csv")));
        wizard.show();
        QSignalSpy finished(&wizard, &ui::ImportWizard::importFinished);
        wizard.next();
        wizard.next();
        wizard.next();
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE(wizard.currentId(), int(ui::ImportWizard::SummaryPage));
        auto *issues = wizard.findChild<QTableWidget *>(QStringLiteral("issuesTable"));
        QCOMPARE(issues->rowCount(), 2);
        QVERIFY(issues->item(0, 2)->text().contains(QStringLiteral("not-an-email")));
        QCOMPARE(issues->item(0, 3)->text(), QStringLiteral("not-an-email,Bad Email"));
    }

    void persianWizardIsRightToLeft()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        Translations::install(QStringLiteral("fa"));
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            ui::ImportWizard wizard(
                ws.db(), fixture(QStringLiteral("samples/shop_customers_fa_cp1256.csv")));
            wizard.show();
            QCOMPARE(wizard.layoutDirection(), Qt::RightToLeft);
            QCOMPARE(
                wizard.currentPage()->title(),
                QStringLiteral("ببینید پرونده چگونه خوانده می‌شود"));
            QCOMPARE(wizard.preview().headers.at(1), QStringLiteral("نام خانوادگی")); // ي read as ی
            wizard.grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                   .filePath(QStringLiteral("importwizard_fa_preview.png")));
            wizard.next();
            auto *mapping = wizard.findChild<QTableWidget *>(QStringLiteral("mappingTable"));
            auto *first = qobject_cast<QComboBox *>(mapping->cellWidget(0, 2));
            QCOMPARE(first->currentText(), QStringLiteral("نام"));
            wizard.grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                   .filePath(QStringLiteral("importwizard_fa_mapping.png")));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }

    void droppingAFileOnTheListOpensTheWizard()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ui::MainWindow window(ws.db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *viewport = window.contactsPage()->view()->viewport();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixture(QStringLiteral("quoted_newlines.csv")))});
        // as a drag from a file manager does: enter, then drop
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &drop);
        QTRY_VERIFY(window.findChild<ui::ImportWizard *>());
        auto *wizard = window.findChild<ui::ImportWizard *>();
        QCOMPARE(wizard->currentId(), int(ui::ImportWizard::PreviewPage));
        QCOMPARE(wizard->preview().headers.size(), 3);
        QSignalSpy finished(wizard, &ui::ImportWizard::importFinished);
        wizard->next();
        wizard->next();
        wizard->next();
        QVERIFY(finished.wait(30000));
        // the list shows the new contacts
        QTRY_COMPARE(window.contactsPage()->model()->rowCount(), 4);
        wizard->close();
    }
};

QTEST_MAIN(tst_ImportWizard)
#include "tst_ImportWizard.moc"
