// The Templates page, the Outbox page and the Channels dialog, offscreen.
#include "contacts/ContactRepository.h"
#include "i18n/Translations.h"
#include "intake/ReturnedMail.h"
#include "mainwindow/TrackingHost.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/ImapMailbox.h"
#include "messaging/MessageTemplate.h"
#include "messaging/Outbox.h"
#include "messaging/SecretStore.h"
#include "outbox/OutboxPage.h"
#include "outbox/ReturnedMailPanel.h"
#include "settings/ChannelsDialog.h"
#include "settings/TrackingDialog.h"
#include "settings/WorkspaceSettings.h"
#include "templates/TemplatesPage.h"
#include "widgets/MessageLabel.h"
#include "widgets/Selection.h"

#include "TestWorkspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFrame>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTextBrowser>
#include <QTimeEdit>
#include <QTimer>

using namespace masir;

class tst_SendingPages : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MASIR_SECRETS", "file");
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        qputenv("MASIR_SECRETS_FILE", m_ws->filePath(QStringLiteral("secrets.json")).toUtf8());
        WorkspaceSettings s(m_ws->db());
        s.setValue(WorkspaceSettings::Key::BusinessName, QStringLiteral("نان بربری"));
        s.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("تهران، ولیعصر ۱۲"));
        s.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                   QStringLiteral("https://shop.test/u/{token}"));
        Contact c;
        c.firstName = QStringLiteral("سارا");
        c.email = QStringLiteral("sara@example.net");
        QVERIFY(ContactRepository(m_ws->db()).create(c));
    }

    void writesAnEmailWithLiveErrorsAndPreview()
    {
        ui::TemplatesPage page(m_ws->db());
        page.resize(1100, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.newTemplate(QStringLiteral("email"));
        auto *name = page.findChild<QLineEdit *>(QStringLiteral("templateName"));
        auto *subject = page.findChild<QLineEdit *>(QStringLiteral("subject"));
        auto *body = page.findChild<QPlainTextEdit *>(QStringLiteral("body"));
        auto *errors = page.findChild<QLabel *>(QStringLiteral("templateErrors"));
        auto *preview = page.findChild<QTextBrowser *>(QStringLiteral("preview"));
        QVERIFY(name && subject && body && errors && preview);
        name->setText(QStringLiteral("welcome"));
        subject->setText(QStringLiteral("Welcome {{first_name}}"));
        body->setPlainText(QStringLiteral("# Hi {{frist_name}}\n\nThanks."));
        page.updateChecks();
        QVERIFY2(errors->text().contains(QStringLiteral("1:8")), qPrintable(errors->text()));
        QVERIFY(errors->text().contains(QStringLiteral("frist_name")));
        body->setPlainText(QStringLiteral("# Hi {{first_name|default:\"friend\"}}\n\nThanks."));
        page.updateChecks();
        QVERIFY2(errors->text().isEmpty() || !errors->isVisible(), qPrintable(errors->text()));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Hi ")));
        QVERIFY(page.save());
        const auto saved = TemplateRepository(m_ws->db()).find(QStringLiteral("welcome"));
        QVERIFY(saved);
        QCOMPARE(saved->subject, QStringLiteral("Welcome {{first_name}}"));
        QVERIFY(saved->marketing);
    }

    void smsCounterCountsParts()
    {
        ui::TemplatesPage page(m_ws->db());
        page.show();
        page.newTemplate(QStringLiteral("sms"));
        page.findChild<QLineEdit *>(QStringLiteral("templateName"))->setText(QStringLiteral("sms"));
        auto *body = page.findChild<QPlainTextEdit *>(QStringLiteral("body"));
        auto *counter = page.findChild<QLabel *>(QStringLiteral("smsCounter"));
        QVERIFY(body && counter);
        body->setPlainText(QString(71, QChar(0x0633)));
        page.updateChecks();
        QVERIFY2(counter->text().contains(QStringLiteral("71")), qPrintable(counter->text()));
        QVERIFY(counter->text().contains(QStringLiteral("UCS-2")));
        QVERIFY(counter->text().contains(QStringLiteral("2")));
        body->setPlainText(QString(160, QLatin1Char('a')));
        page.updateChecks();
        QVERIFY(counter->text().contains(QStringLiteral("GSM-7")));
        QVERIFY(page.save());
    }

    void outboxShowsInterruptedAndResends()
    {
        const qint64 contact =
            *ContactRepository(m_ws->db()).findIdByEmail(QStringLiteral("sara@example.net"));
        const auto id =
            Outbox(m_ws->db())
                .enqueue(QStringLiteral("email"), contact, QStringLiteral("sara@example.net"),
                         QStringLiteral("welcome"), true);
        QVERIFY(id);
        QSqlQuery q(m_ws->db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'interrupted' WHERE id = ") +
                       QString::number(*id)));
        ui::OutboxPage page(m_ws->db());
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.refresh();
        auto *banner = page.findChild<QLabel *>(QStringLiteral("interruptedBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("1")));
        page.setStateFilter(QStringLiteral("interrupted"));
        auto *table = page.findChild<QTableView *>(QStringLiteral("outboxTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 1);
        page.selectIds({*id});
        // "Cancel 1 message?" is answered yes.
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes) ? box->button(QMessageBox::Yes)->click()
                                              : box->accept();
        });
        page.cancelSelected();
        QCOMPARE(Outbox(m_ws->db()).countsByState().value(QStringLiteral("cancelled")), 1);
        page.refresh();
        QVERIFY(!banner->isVisible());
    }

    void outboxSaysSendingIsPausedAndResumes()
    {
        WorkspaceSettings settings(m_ws->db());
        QVERIFY(settings.setValue(WorkspaceSettings::Key::SendingPaused, true));
        ui::OutboxPage page(m_ws->db());
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.refresh();
        auto *banner = page.findChild<QFrame *>(QStringLiteral("sendingPausedBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QSignalSpy woke(&page, &ui::OutboxPage::outboxChanged);
        auto *resume = page.findChild<QPushButton *>(QStringLiteral("resumeSending"));
        QVERIFY(resume);
        resume->click();
        QVERIFY(!settings.value(WorkspaceSettings::Key::SendingPaused).toBool());
        QVERIFY(!banner->isVisible());
        QCOMPARE(woke.size(), 1);
    }

    void channelsDialogKeepsSecretsOutOfTheWorkspace()
    {
        ui::ChannelsDialog dialog(m_ws->db());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *where = dialog.findChild<QLabel *>(QStringLiteral("secretsLocation"));
        QVERIFY(where);
        QVERIFY2(where->text().contains(QStringLiteral("secrets.json")), qPrintable(where->text()));
        auto *postal = dialog.findChild<QPlainTextEdit *>(QStringLiteral("postalAddress"));
        QVERIFY(postal);
        QCOMPARE(postal->toPlainText(), QStringLiteral("تهران، ولیعصر ۱۲"));
        // Quiet hours go to the workspace as HH:mm, and away again.
        auto *quiet = dialog.findChild<QCheckBox *>(QStringLiteral("quietHours"));
        auto *from = dialog.findChild<QTimeEdit *>(QStringLiteral("quietFrom"));
        QVERIFY(quiet && from);
        quiet->setChecked(true);
        from->setTime(QTime(22, 30));
        WorkspaceSettings settings(m_ws->db());
        QCOMPARE(settings.value(WorkspaceSettings::Key::QuietFrom).toString(),
                 QStringLiteral("22:30"));
        QCOMPARE(settings.value(WorkspaceSettings::Key::QuietTo).toString(),
                 QStringLiteral("08:00"));
        quiet->setChecked(false);
        QVERIFY(settings.value(WorkspaceSettings::Key::QuietFrom).toString().isEmpty());
    }

    void returnedMailIsListedAndMailboxesAreSetUp()
    {
        // An email account whose mailbox Masir reads, set up in its dialog.
        ChannelAccount a;
        a.name = QStringLiteral("news");
        a.config = {{QStringLiteral("host"), QStringLiteral("smtp.shop.test")},
                    {QStringLiteral("port"), 587},
                    {QStringLiteral("security"), QStringLiteral("starttls")},
                    {QStringLiteral("user"), QStringLiteral("news@shop.test")},
                    {QStringLiteral("from"), QStringLiteral("Shop <news@shop.test>")}};
        QVERIFY(ChannelAccounts(m_ws->db()).save(a));
        {
            ui::ChannelAccountDialog dialog(m_ws->db(), a);
            auto *group = dialog.findChild<QGroupBox *>(QStringLiteral("mailboxGroup"));
            auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("mailboxUrl"));
            auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("mailboxUser"));
            auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("mailboxPassword"));
            QVERIFY(group && url && user && password);
            QVERIFY(!group->isChecked());
            group->setChecked(true); // filled in from the SMTP account
            QCOMPARE(url->text(), QStringLiteral("imaps://imap.shop.test/INBOX"));
            QCOMPARE(user->text(), QStringLiteral("news@shop.test"));
            QVERIFY(dialog.problems().contains(QStringLiteral("Enter the mailbox's password.")));
            url->setText(QStringLiteral("pop3://shop.test"));
            QVERIFY(dialog.problems()
                        .join(QLatin1Char(' '))
                        .contains(QStringLiteral("not a mailbox address")));
            url->setText(QStringLiteral("imaps://imap.shop.test:993/INBOX"));
            password->setText(QStringLiteral("imap-secret"));
            QCOMPARE(dialog.problems(), QStringList());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        a = *ChannelAccounts(m_ws->db()).find(QStringLiteral("news"));
        QCOMPARE(MailboxSettings::of(a).url, QStringLiteral("imaps://imap.shop.test:993/INBOX"));
        QCOMPARE(
            SecretStore(WorkspaceSettings(m_ws->db()).token(WorkspaceSettings::Key::WorkspaceId))
                .read(MailboxSettings::secretName(a.name)),
            std::optional<QString>(QStringLiteral("imap-secret")));

        // What came back, and what could not be read.
        ReturnedMail log(m_ws->db());
        ReturnedMessage bounce;
        bounce.accountId = a.id;
        bounce.receivedAt = QDateTime::currentMSecsSinceEpoch();
        bounce.sender = QStringLiteral("MAILER-DAEMON@mx.test");
        bounce.subject = QStringLiteral("Undelivered Mail Returned to Sender");
        bounce.kind = QStringLiteral("hard");
        bounce.outcome = QStringLiteral("Suppressed nobody@example.ir: hard bounce (5.1.1 550).");
        QVERIFY(log.add(bounce, "bounce bytes").value_or(0) > 0);
        ReturnedMessage garbled = bounce;
        garbled.kind = QStringLiteral("unparsed");
        garbled.keptAside = true;
        garbled.outcome = QStringLiteral("kept aside");
        QVERIFY(log.add(garbled, "garbled bytes").value_or(0) > 0);
        QVERIFY(
            log.saveCursor({a.id, 7, 2, QDateTime::currentMSecsSinceEpoch(),
                            QStringLiteral("The mail server imap.shop.test refused the login")}));

        ui::OutboxPage page(m_ws->db());
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.tabs()->setCurrentIndex(1);
        ui::ReturnedMailPanel *panel = page.returnedMail();
        QCOMPARE(panel->table()->rowCount(), 2);
        QVERIFY2(panel->summary()->text().contains(QStringLiteral("refused the login")),
                 qPrintable(panel->summary()->text()));
        QVERIFY(panel->checkButton()->isEnabled());
        auto *save = panel->findChild<QPushButton *>(QStringLiteral("saveReturned"));
        QVERIFY(save);
        panel->keptAsideOnly()->setChecked(true);
        QCOMPARE(panel->table()->rowCount(), 1);
        ui::selectWholeRow(panel->table(), 0);
        QVERIFY(save->isEnabled());
        QCOMPARE(panel->table()->item(0, 2)->text(), QStringLiteral("Cannot be read · kept aside"));
    }

    void trackingDialogSaysWhatItCannotTrackAndServes()
    {
        WorkspaceSettings s(m_ws->db());
        s.setValue(WorkspaceSettings::Key::TrackingPublicUrl, QString());
        ui::TrackingDialog dialog(m_ws->db());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // no public address: it says plainly that nothing is tracked
        QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("no public address")));
        // serving from this computer, at a public address
        const int port = [] {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost);
            return int(probe.serverPort());
        }();
        auto *serve = dialog.findChild<QCheckBox *>(QStringLiteral("trackingServe"));
        auto *listen = dialog.findChild<QLineEdit *>(QStringLiteral("trackingListen"));
        auto *publicUrl = dialog.findChild<QLineEdit *>(QStringLiteral("trackingPublicUrl"));
        QVERIFY(serve && listen && publicUrl);
        listen->setText(QStringLiteral("127.0.0.1:%1").arg(port));
        Q_EMIT listen->editingFinished();
        publicUrl->setText(QStringLiteral("http://127.0.0.1:%1").arg(port));
        Q_EMIT publicUrl->editingFinished();
        QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("nothing here answers")));
        serve->setChecked(true);
        QVERIFY2(dialog.statusLabel()->text().contains(QLatin1String("are tracked through")),
                 qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(s.value(WorkspaceSettings::Key::TrackingServe).toBool(), true);
        // the app's own server starts as the settings say, and stops when told
        ui::TrackingHost host(m_ws->db());
        host.apply();
        QVERIFY2(host.isServing(), qPrintable(host.problem()));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, quint16(port));
        QVERIFY(client.waitForConnected(3000));
        client.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(client.waitForReadyRead(3000));
        QVERIFY(client.readAll().startsWith("HTTP/1.1 200"));
        serve->setChecked(false);
        host.apply();
        QVERIFY(!host.isServing());
        // a bad public address is refused where it is typed
        publicUrl->setText(QStringLiteral("not a url"));
        Q_EMIT publicUrl->editingFinished();
        QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("web address")));
        QCOMPARE(s.value(WorkspaceSettings::Key::TrackingPublicUrl).toString(),
                 QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    void persianTemplatesPageIsRightToLeft()
    {
        QCOMPARE(Translations::install(QStringLiteral("fa")), QStringLiteral("fa"));
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            MessageTemplate t;
            t.name = QStringLiteral("خوش‌آمد");
            t.subject = QStringLiteral("خوش آمدید {{first_name}}");
            t.body = QStringLiteral("# سلام {{first_name}}\n\nبه **نان بربری** خوش آمدید.\n\n"
                                    "- نان تازه هر صبح\n- ارسال رایگان");
            QVERIFY(TemplateRepository(m_ws->db()).save(t));
            ui::TemplatesPage page(m_ws->db());
            page.resize(1100, 720);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QVERIFY(page.open(t.id));
            page.updateChecks();
            auto *preview = page.findChild<QTextBrowser *>(QStringLiteral("preview"));
            QVERIFY(preview->toPlainText().contains(QStringLiteral("سلام")));
            QCOMPARE(page.layoutDirection(), Qt::RightToLeft);
            QTest::qWait(50);
            const QImage shot = page.grab().toImage();
            QVERIFY(!shot.isNull());
            shot.save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                          .filePath(QStringLiteral("templates_fa.png")));
        }
        {
            ui::OutboxPage page(m_ws->db());
            page.resize(1000, 420);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.refresh();
            QCOMPARE(page.layoutDirection(), Qt::RightToLeft);
            page.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("outbox_fa.png")));
            page.tabs()->setCurrentIndex(1);
            page.returnedMail()->keptAsideOnly()->setChecked(false);
            QTest::qWait(50);
            page.grab().toImage().save(QDir(QStringLiteral(MASIR_BINARY_DIR))
                                           .filePath(QStringLiteral("returned_mail_fa.png")));
        }
        {
            ui::ChannelAccountDialog dialog(
                m_ws->db(), *ChannelAccounts(m_ws->db()).find(QStringLiteral("news")));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::qWait(50);
            dialog.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("account_fa.png")));
        }
        {
            ui::TrackingDialog dialog(m_ws->db());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(dialog.layoutDirection(), Qt::RightToLeft);
            QTest::qWait(50);
            dialog.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("tracking_fa.png")));
        }
        {
            ui::ChannelsDialog dialog(m_ws->db());
            dialog.resize(900, 700);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(dialog.layoutDirection(), Qt::RightToLeft);
            dialog.grab().toImage().save(
                QDir(QStringLiteral(MASIR_BINARY_DIR)).filePath(QStringLiteral("channels_fa.png")));
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_SendingPages)
#include "tst_SendingPages.moc"
