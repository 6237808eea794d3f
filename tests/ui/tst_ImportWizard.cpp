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
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
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

    /// From the options page: the review (a dry run), then the import.
    static bool reviewThenImport(ui::ImportWizard &wizard)
    {
        QSignalSpy reviewed(&wizard, &ui::ImportWizard::reviewFinished);
        QSignalSpy finished(&wizard, &ui::ImportWizard::importFinished);
        wizard.next(); // the review
        if (wizard.currentId() != ui::ImportWizard::ReviewPage || !reviewed.wait(30000))
            return false;
        wizard.next(); // "Import"
        return finished.wait(30000);
    }

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
        // they agreed by email, at the shop: kept as the proof
        wizard.findChild<QRadioButton *>()->setChecked(false);
        for (QRadioButton *b : wizard.findChildren<QRadioButton *>())
            if (b->text().contains(QLatin1String("agreed to hear")))
                b->setChecked(true);
        wizard.findChild<QLineEdit *>(QStringLiteral("consentProof"))
            ->setText(QStringLiteral("loyalty card form, 2025"));
        // the review says what would happen, and nothing is written yet
        QSignalSpy reviewed(&wizard, &ui::ImportWizard::reviewFinished);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::ImportWizard::ReviewPage));
        QVERIFY(reviewed.wait(30000));
        const QString review = wizard.findChild<QLabel *>(QStringLiteral("reviewCounts"))->text();
        QVERIFY2(review.startsWith(QStringLiteral("3 new, 0 updates, 0 rejected")),
                 qPrintable(review));
        QCOMPARE(ContactRepository(ws.db()).count(), 0);
        QVERIFY(wizard.currentPage()->isComplete());
        QSignalSpy finished(&wizard, &ui::ImportWizard::importFinished);
        wizard.next(); // "Import": the import starts
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE(wizard.currentId(), int(ui::ImportWizard::SummaryPage));
        QCOMPARE(wizard.report().created, 3);
        const QString counts = wizard.findChild<QLabel *>(QStringLiteral("importCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("3 contacts created")), qPrintable(counts));
        ContactRepository repo(ws.db());
        QCOMPARE(repo.count(), 3);
        const Contact zofia = *repo.find(*repo.findIdByEmail(QStringLiteral("zofia@example.pl")));
        QCOMPARE(zofia.tags, QStringList{QStringLiteral("klienci")});
        // her own row says no: it wins over the answer for the whole file
        QCOMPARE(zofia.emailConsent.status, ConsentStatus::Withdrawn);
        QVERIFY(!zofia.emailConsent.source.contains(QLatin1String("loyalty")));
        // the file says nothing of text messages: the answer (email only) leaves them
        QCOMPARE(zofia.smsConsent.status, ConsentStatus::Unknown);
    }

    // Rows without a consent of their own get the answer, with its proof; an
    // existing contact's withdrawn consent stays withdrawn.
    void consentAnswerIsRecordedWithItsProof()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ContactRepository repo(ws.db());
        Contact refused;
        refused.email = QStringLiteral("bob@example.com");
        refused.emailConsent.status = ConsentStatus::Withdrawn;
        QVERIFY(repo.create(refused));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fair.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,email\nBob,bob@example.com\nAna,ana@example.com\nLeo,leo@example.com\n");
        }
        ui::ImportWizard wizard(ws.db(), path);
        wizard.show();
        wizard.next(); // mapping
        wizard.next(); // options
        for (QRadioButton *b : wizard.findChildren<QRadioButton *>())
            if (b->text().contains(QLatin1String("agreed to hear")))
                b->setChecked(true);
        auto *proof = wizard.findChild<QLineEdit *>(QStringLiteral("consentProof"));
        // without a proof, the page says what is missing and stays
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::ImportWizard::OptionsPage));
        proof->setText(QStringLiteral("newsletter form on our website, 2025"));
        QVERIFY(reviewThenImport(wizard));
        QCOMPARE(wizard.report().created, 2);
        QCOMPARE(repo.find(refused.id)->emailConsent.status, ConsentStatus::Withdrawn);
        for (const char *email : {"ana@example.com", "leo@example.com"}) {
            const Contact c = *repo.find(*repo.findIdByEmail(QLatin1String(email)));
            QCOMPARE(c.emailConsent.status, ConsentStatus::Granted);
            QVERIFY2(c.emailConsent.source.contains(
                         QLatin1String("newsletter form on our website, 2025")),
                     qPrintable(c.emailConsent.source));
        }
    }

    // The finish page opens the list on the import's new contacts.
    void showImportedContacts()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        Contact before;
        before.email = QStringLiteral("already@example.com");
        QVERIFY(ContactRepository(ws.db()).create(before));
        ui::MainWindow window(ws.db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.contactsPage()->importFile(fixture(QStringLiteral("quoted_newlines.csv")));
        QTRY_VERIFY(window.findChild<ui::ImportWizard *>());
        auto *wizard = window.findChild<ui::ImportWizard *>();
        wizard->next();
        wizard->next();
        QVERIFY(reviewThenImport(*wizard));
        QTRY_COMPARE(wizard->currentId(), int(ui::ImportWizard::SummaryPage));
        QTRY_COMPARE(window.contactsPage()->model()->rowCount(), 5);
        auto *show = wizard->findChild<QPushButton *>(QStringLiteral("showImported"));
        QVERIFY(show && show->isEnabled());
        show->click();
        QTRY_COMPARE(window.contactsPage()->model()->rowCount(), 4);
        auto *filter =
            window.contactsPage()->findChild<QComboBox *>(QStringLiteral("segmentFilter"));
        QVERIFY(filter->currentText().contains(QLatin1String("quoted_newlines.csv")));
    }

    void rejectedRowsAreListed()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ui::ImportWizard wizard(ws.db(), fixture(QStringLiteral("blank_lines_bad_rows.csv")));
        wizard.show();
        wizard.next();
        wizard.next();
        QVERIFY(reviewThenImport(wizard));
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
            wizard.next(); // options, with the consent question
            wizard.grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                   .filePath(QStringLiteral("importwizard_fa_options.png")));
            QSignalSpy reviewed(&wizard, &ui::ImportWizard::reviewFinished);
            wizard.next();
            QVERIFY(reviewed.wait(30000));
            const QString review =
                wizard.findChild<QLabel *>(QStringLiteral("reviewCounts"))->text();
            QVERIFY2(review.contains(QString::fromUtf8("تازه")), qPrintable(review));
            wizard.grab().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                   .filePath(QStringLiteral("importwizard_fa_review.png")));
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
        wizard->next();
        wizard->next();
        QVERIFY(reviewThenImport(*wizard));
        // the list shows the new contacts
        QTRY_COMPARE(window.contactsPage()->model()->rowCount(), 4);
        wizard->close();
    }
};

QTEST_MAIN(tst_ImportWizard)
#include "tst_ImportWizard.moc"
