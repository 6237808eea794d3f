// The main window on a real demo workspace, on the offscreen platform.

#include "contacts/ContactDetailPane.h"
#include "contacts/ContactEditorDialog.h"
#include "contacts/ContactListModel.h"
#include "contacts/ContactRepository.h"
#include "contacts/ContactsPage.h"
#include "demo/DemoWorkspace.h"
#include "i18n/Translations.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/OpenServerDialog.h"
#include "scoring/ScoringDialog.h"
#include "segments/SegmentsPage.h"
#include "settings/AppSettings.h"
#include "settings/ChannelsDialog.h"
#include "settings/WorkspaceSettings.h"
#include "storage/WorkspaceAddress.h"
#include "widgets/WheelGuard.h"

#include "TestWorkspace.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>

using namespace masir;

class tst_MainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings goes to a test location
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        DemoWorkspace demo(m_ws->db());
        QVERIFY2(demo.populate({}), qPrintable(demo.errorString()));
    }

    void listShowsDemoWorkspace()
    {
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactsPage *page = window.contactsPage();
        QAbstractItemModelTester tester(page->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->view()->model()->rowCount(), 2000);
        QCOMPARE(window.navigation()->count(), int(ui::MainWindow::PageCount));
        QVERIFY(window.windowTitle().contains(QStringLiteral("demo")));
        // every sidebar page opens; the contacts' count shows on their page only
        auto *total = window.findChild<QLabel *>(QStringLiteral("totalLabel"));
        QVERIFY(total);
        for (int i = 0; i < ui::MainWindow::PageCount; ++i) {
            window.showPage(ui::MainWindow::Page(i));
            QCOMPARE(window.currentPage(), ui::MainWindow::Page(i));
            QCOMPARE(total->isVisible(), i == ui::MainWindow::ContactsPageIndex);
        }
        window.showPage(ui::MainWindow::ContactsPageIndex);
        QVERIFY(total->isVisible());
    }

    void searchAsYouType()
    {
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactsPage *page = window.contactsPage();
        // Typed key by key, with an Arabic yeh as an Arabic keyboard gives it.
        for (const QChar ch : QStringLiteral("علي"))
            QTest::sendKeyEvent(QTest::Click, page->searchField(), Qt::Key_unknown, QString(ch),
                                Qt::NoModifier);
        QCOMPARE(page->searchField()->text(), QStringLiteral("علي"));
        QTRY_VERIFY(page->model()->rowCount() < 2000);
        const int found = page->model()->rowCount();
        QVERIFY(found > 0);
        for (int row = 0; row < found; ++row)
            QVERIFY(page->model()
                        ->data(page->model()->index(row, 0))
                        .toString()
                        .contains(QStringLiteral("علی")));
        page->searchField()->clear();
        QTRY_COMPARE(page->model()->rowCount(), 2000);
    }

    void selectionShowsDetailsAndTimeline()
    {
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactsPage *page = window.contactsPage();
        page->view()->selectRow(0);
        const qint64 id = page->model()->contactId(0);
        QCOMPARE(page->detailPane()->contactId(), id);
        QVERIFY(page->detailPane()->timelineCount() >= 1);
        page->view()->selectionModel()->select(
            QItemSelection(page->model()->index(0, 0), page->model()->index(4, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(page->selectedCount(), 5);
        QCOMPARE(page->detailPane()->contactId(), 0);
    }

    void editorChoosesCountriesAndZonesByName()
    {
        ui::ContactEditorDialog dialog(Contact(), {},
                                       [](Contact &) { return QList<FieldError>{}; });
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *country = dialog.findChild<QLineEdit *>(QStringLiteral("country"));
        auto *zone = dialog.findChild<QLineEdit *>(QStringLiteral("timezone"));
        QVERIFY(country && country->completer() && zone && zone->completer());
        // part of a name offers it, and choosing it puts its code in the field
        country->setFocus();
        QTest::keyClicks(country, QStringLiteral("polan"));
        QCompleter *completer = country->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 1);
        QVERIFY(completer->currentCompletion().isEmpty() ||
                completer->currentCompletion() == QStringLiteral("PL"));
        QVERIFY(completer->popup()->model()->index(0, 0).data().toString().startsWith(
            QStringLiteral("Poland")));
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(country->text(), QStringLiteral("PL"));
        // a whole name typed out becomes its code when the field is left
        zone->setFocus();
        QTest::keyClicks(zone, QStringLiteral("iran standard time"));
        if (zone->completer()->popup()->isVisible())
            QTest::keyClick(zone->completer()->popup(), Qt::Key_Escape);
        country->setFocus();
        QCOMPARE(zone->text(), QStringLiteral("Asia/Tehran"));
    }

    void editorShowsValidationNextToFields()
    {
        ContactRepository repo(m_ws->db());
        ui::ContactEditorDialog dialog(Contact(), {}, [&](Contact &c) -> QList<FieldError> {
            if (!repo.create(c))
                return repo.errors();
            return {};
        });
        dialog.show();
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("email"));
        auto *phone = dialog.findChild<QLineEdit *>(QStringLiteral("phone"));
        auto *first = dialog.findChild<QLineEdit *>(QStringLiteral("first_name"));
        QVERIFY(email && phone && first);
        first->setText(QStringLiteral("Test"));
        email->setText(QStringLiteral("test@"));
        phone->setText(QStringLiteral("0912"));
        const qint64 before = repo.count();
        dialog.accept();
        QVERIFY(dialog.isVisible()); // stays open
        QVERIFY(!dialog.errorText(QStringLiteral("email")).isEmpty());
        QVERIFY(!dialog.errorText(QStringLiteral("phone")).isEmpty());
        auto *emailError = dialog.findChild<QLabel *>(QStringLiteral("email_error"));
        QVERIFY(emailError && emailError->isVisible());
        QCOMPARE(repo.count(), before);

        email->setText(QStringLiteral("Test.Editor@Example.com"));
        phone->setText(QStringLiteral("۰۹۱۲ ۳۴۵ ۶۷۸۹"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(repo.count(), before + 1);
        const auto id = repo.findIdByEmail(QStringLiteral("test.editor@example.com"));
        QVERIFY(id);
        QCOMPARE(repo.find(*id)->phone, QStringLiteral("+989123456789"));
        QVERIFY(repo.remove({*id}));
    }

    // Cancel closes an untouched editor at once; with a change, it asks: Cancel
    // goes on editing, Discard closes, Save saves.
    // The settings dialogs that edit ask too: unchanged, Cancel closes; edited,
    // it asks first.
    void settingsDialogsAskBeforeDiscarding()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        {
            ui::ChannelAccountDialog account(ws.db(), ChannelAccount());
            account.show();
            QVERIFY(!account.isModified());
            QLineEdit *first = account.findChildren<QLineEdit *>().first();
            first->setFocus();
            QTest::keyClicks(first, QStringLiteral("x"));
            QVERIFY(account.isModified());
            QTimer::singleShot(0, [] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(QMessageBox::Cancel)->click();
            });
            account.reject();
            QVERIFY(account.isVisible()); // kept, with the edit
        }
        ui::ScoringDialog scoring(ws.db());
        scoring.show();
        QVERIFY(!scoring.isModified());
        for (QPushButton *b : scoring.findChildren<QPushButton *>())
            if (b->text().contains(QLatin1String("Add Rule")))
                b->click();
        QVERIFY(scoring.isModified());
    }

    void cancellingAnEditedContactAsks()
    {
        int saves = 0;
        Contact c;
        c.firstName = QStringLiteral("Sara");
        c.email = QStringLiteral("sara@example.com");
        auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(button)->click();
            });
        };
        {
            ui::ContactEditorDialog dialog(c, {}, [&](Contact &) { return QList<FieldError>{}; });
            dialog.show();
            dialog.reject();
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(!dialog.isVisible());
        }
        ui::ContactEditorDialog dialog(c, {}, [&](Contact &) {
            ++saves;
            return QList<FieldError>{};
        });
        dialog.show();
        auto *first = dialog.findChild<QLineEdit *>(QStringLiteral("first_name"));
        QVERIFY(first);
        first->setText(QStringLiteral("Sarah"));
        QVERIFY(dialog.isModified());
        answer(QMessageBox::Cancel);
        dialog.reject();
        QVERIFY(dialog.isVisible()); // still editing
        answer(QMessageBox::Save);
        dialog.reject();
        QCOMPARE(saves, 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        dialog.show();
        first->setText(QStringLiteral("Sahar"));
        answer(QMessageBox::Discard);
        dialog.reject();
        QCOMPARE(saves, 1);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    // An edited segment not yet saved marks the window's title; saving clears it.
    void unsavedEditsMarkTheWindow()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ui::MainWindow window(ws.db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isWindowModified());
        window.showPage(ui::MainWindow::SegmentsPageIndex);
        window.segmentsPage()->newSegmentAction()->trigger();
        auto *name = window.segmentsPage()->findChild<QLineEdit *>(QStringLiteral("segmentName"));
        QVERIFY(name);
        name->setText(QStringLiteral("Regulars"));
        QTRY_VERIFY(window.isWindowModified());
        QVERIFY(window.windowTitle().endsWith(QLatin1String("[*]")));
    }

    // File → Open Recent lists the other workspaces opened lately (the
    // latest first, those that still exist) and asks for the one chosen.
    void recentWorkspacesAreOffered()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        QTemporaryDir dir;
        const QString older = dir.filePath(QStringLiteral("bakery.masir"));
        const QString newer = dir.filePath(QStringLiteral("tutoring.masir"));
        const QString gone = dir.filePath(QStringLiteral("gone.masir"));
        for (const QString &path : {older, newer}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        AppSettings settings;
        settings.clearRecentWorkspaces();
        const QString server = QStringLiteral("postgresql://staff@db.example.com/shop");
        for (const QString &path : {gone, server, older, newer, ws.db().path()})
            settings.addRecentWorkspace(path);
        settings.addRecentWorkspace(older); // opened again: first
        // a server's address is kept as it is (it has no file to exist)
        QCOMPARE(settings.recentWorkspaces(),
                 (QStringList{older, QFileInfo(ws.db().path()).absoluteFilePath(), newer, server}));

        ui::MainWindow window(ws.db());
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentWorkspaces"));
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        QStringList names;
        for (QAction *a : recent->actions())
            names << a->text();
        // this workspace is not offered, nor the file that is gone
        QCOMPARE(names.mid(0, 3),
                 (QStringList{QStringLiteral("bakery"), QStringLiteral("tutoring"), server}));
        QSignalSpy requested(&window, &ui::MainWindow::workspaceRequested);
        recent->actions().at(1)->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), newer);
        settings.clearRecentWorkspaces();
        QVERIFY(settings.recentWorkspaces().isEmpty());
    }

    // File → Open Server Workspace: an address is checked as it is typed, the
    // password goes into the address to open and, when asked, into the
    // keychain (here its file stand-in), never into the address kept.
    void serverWorkspaceAddressAndPassword()
    {
        QTemporaryDir dir;
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", dir.filePath(QStringLiteral("secrets.json")).toUtf8());
        const auto restore = qScopeGuard([] {
            qunsetenv("MASIR_SECRETS");
            qunsetenv("MASIR_SECRETS_FILE");
        });
        const QString address = QStringLiteral("postgresql://staff@db.example.com/shop");
        QCOMPARE(ui::OpenServerDialog::withSavedPassword(address), address);
        ui::OpenServerDialog dialog(address, QStringLiteral("The server refused the login."));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("serverProblem"));
        auto *field = dialog.findChild<QLineEdit *>(QStringLiteral("serverAddress"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("serverPassword"));
        auto *open = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
        QVERIFY(problem && field && password && open);
        QCOMPARE(problem->text(), QStringLiteral("The server refused the login."));
        QVERIFY(open->isEnabled());
        field->setText(QStringLiteral("db.example.com/shop"));
        QVERIFY(!open->isEnabled());
        QVERIFY(problem->text().contains(QStringLiteral("postgresql://")));
        field->setText(QStringLiteral("postgresql://staff@db.example.com/shop?colour=blue"));
        QVERIFY(!open->isEnabled()); // libpq's options are checked too
        field->setText(address);
        QVERIFY(open->isEnabled());
        password->setText(QStringLiteral("s3cret"));
        QCOMPARE(dialog.address(), QStringLiteral("postgresql://staff:s3cret@db.example.com/shop"));
        dialog.findChild<QCheckBox *>()->setChecked(true);
        QString error;
        QVERIFY2(dialog.savePassword(&error), qPrintable(error));
        QCOMPARE(ui::OpenServerDialog::withSavedPassword(address),
                 QStringLiteral("postgresql://staff:s3cret@db.example.com/shop"));
        // chosen in a dialog, a password is kept only once its workspace opened
        ui::OpenServerDialog asked(QStringLiteral("postgresql://sales@db.example.com/shop"));
        asked.findChild<QLineEdit *>(QStringLiteral("serverPassword"))
            ->setText(QStringLiteral("wrong"));
        asked.findChild<QCheckBox *>()->setChecked(true);
        asked.saveOnceOpened();
        const QString sales = QStringLiteral("postgresql://sales@db.example.com/shop");
        QCOMPARE(ui::OpenServerDialog::withSavedPassword(sales), sales); // not yet
        ui::OpenServerDialog::opened(
            nullptr, QStringLiteral("postgresql://sales:other@db.example.com/shop"));
        QCOMPARE(ui::OpenServerDialog::withSavedPassword(sales), sales); // another password opened
        ui::OpenServerDialog::opened(nullptr, asked.address());
        QCOMPARE(ui::OpenServerDialog::withSavedPassword(sales), asked.address());
        // a second look finds it; unticked, it is forgotten
        ui::OpenServerDialog again(address);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("serverPassword"))->text(),
                 QStringLiteral("s3cret"));
        again.findChild<QCheckBox *>()->setChecked(false);
        QVERIFY(again.savePassword(&error));
        QCOMPARE(ui::OpenServerDialog::withSavedPassword(address), address);
        // kept under the address in one spelling, whatever way it was typed; a
        // password with a space and a % in it goes into the address to open
        ui::OpenServerDialog other(QStringLiteral("postgres://staff@db.example.com:5432/shop"));
        other.findChild<QLineEdit *>(QStringLiteral("serverPassword"))
            ->setText(QStringLiteral("two words 100%"));
        other.findChild<QCheckBox *>()->setChecked(true);
        QVERIFY(other.savePassword(&error));
        const QString opened = ui::OpenServerDialog::withSavedPassword(
            QStringLiteral("postgresql://staff@db.example.com:5432/shop"));
        const auto parsed = WorkspaceAddress::parse(opened, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->password(), QStringLiteral("two words 100%"));
        QCOMPARE(parsed->database(), QStringLiteral("shop"));
    }

    // A wheel over a list box that does not have the focus scrolls the form
    // around it and leaves the box as it was; without the guard it changes it.
    void wheelOverAFieldScrollsTheForm()
    {
        auto wheel = [](QWidget *w) {
            const QPointF at(w->width() / 2.0, w->height() / 2.0);
            QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(w, &e);
        };
        QScrollArea area;
        auto *form = new QWidget;
        form->setMinimumHeight(2000);
        auto *status = new QComboBox(form);
        status->addItems({QStringLiteral("Active"), QStringLiteral("Unsubscribed"),
                          QStringLiteral("Bounced"), QStringLiteral("Complained")});
        area.setWidget(form);
        area.resize(300, 200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        status->clearFocus();
        wheel(status);
        QCOMPARE(status->currentIndex(), 1); // what the guard is for
        status->setCurrentIndex(0);
        ui::WheelGuard::install(QCoreApplication::instance());
        const int top = area.verticalScrollBar()->value();
        wheel(status);
        QCOMPARE(status->currentIndex(), 0);
        QVERIFY(area.verticalScrollBar()->value() > top); // the form scrolled instead
    }

    void deleteAndUndo()
    {
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactsPage *page = window.contactsPage();
        const int total = page->model()->rowCount();
        page->view()->setFocus();
        page->view()->selectRow(3);
        const qint64 id = page->model()->contactId(3);
        QTest::keyClick(page->view(), Qt::Key_Delete); // one contact: no question asked
        QCOMPARE(page->model()->rowCount(), total - 1);
        QVERIFY(!ContactRepository(m_ws->db()).find(id));
        window.undoStack()->undo();
        QCOMPARE(page->model()->rowCount(), total);
        QVERIFY(ContactRepository(m_ws->db()).find(id));
        window.undoStack()->redo();
        QCOMPARE(page->model()->rowCount(), total - 1);
        window.undoStack()->undo();
        QCOMPARE(page->model()->rowCount(), total);
    }

    void sortingByHeader()
    {
        ui::MainWindow window(m_ws->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ContactsPage *page = window.contactsPage();
        QHeaderView *header = page->view()->horizontalHeader();
        Q_EMIT header->sectionClicked(ContactListModel::NameColumn);
        QCOMPARE(page->model()->sortColumn(), int(ContactListModel::NameColumn));
        QCOMPARE(header->sortIndicatorSection(), int(ContactListModel::NameColumn));
        Q_EMIT header->sectionClicked(ContactListModel::EmailColumn); // not indexed
        QCOMPARE(page->model()->sortColumn(), int(ContactListModel::NameColumn));
        QCOMPARE(header->sortIndicatorSection(), int(ContactListModel::NameColumn));
    }

    void persianIsRightToLeft()
    {
        const QString used = Translations::install(QStringLiteral("fa"));
        QCOMPARE(used, QStringLiteral("fa"));
        QApplication::setLayoutDirection(Translations::localeFor(used).textDirection());
        {
            ui::MainWindow window(m_ws->db());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
            QCOMPARE(window.navigation()->item(0)->text(), QStringLiteral("مخاطبان"));
            const QImage shot = window.grab().toImage();
            QVERIFY(!shot.isNull());
            shot.save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                          .filePath(QStringLiteral("mainwindow_fa.png")));
            window.showPage(ui::MainWindow::ReportsPageIndex);
            QApplication::processEvents();
            window.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR))
                    .filePath(QStringLiteral("mainwindow_reports_fa.png")));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
