#include "widgets/TestSendController.h"

#include "common/BackgroundTasks.h"
#include "messaging/TestSend.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QWidget>

namespace masir::ui {

TestSendController::TestSendController(const Database &db, QWidget *parent)
    : QObject(parent)
    , m_db(db)
    , m_parent(parent)
    , m_tasks(new BackgroundTasks(this))
{}

std::optional<ChannelAccount> TestSendController::chooseAccount(const QString &channel)
{
    QList<ChannelAccount> accounts;
    for (const ChannelAccount &a : ChannelAccounts(m_db).list())
        if (a.enabled && a.channel() == channel)
            accounts << a;
    const bool email = channel == QLatin1String("email");
    if (accounts.isEmpty()) {
        QMessageBox::information(
            m_parent, tr("Send Test"),
            email ? tr("There is no enabled email account. Add an SMTP account in Settings → "
                       "Channels.")
                  : tr("There is no enabled SMS gateway. Add one in Settings → Channels."));
        return std::nullopt;
    }
    if (accounts.size() == 1)
        return accounts.constFirst();
    QStringList names;
    for (const ChannelAccount &a : accounts)
        names << a.name;
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(m_parent, tr("Send Test"), tr("Send through:"), names, 0, false, &ok);
    if (!ok || !names.contains(chosen))
        return std::nullopt;
    return accounts.at(names.indexOf(chosen));
}

QString TestSendController::title(Kind kind)
{
    switch (kind) {
    case Kind::Account:
        return tr("Test Account");
    case Kind::Webhook:
        return tr("Webhook Test");
    case Kind::Template:
        break;
    }
    return tr("Send Test");
}

QString TestSendController::askRecipient(const QString &channel, const QString &prompt, Kind kind)
{
    QString &last = channel == QLatin1String("sms") ? m_lastPhone : m_lastEmail;
    bool ok = false;
    const QString to =
        QInputDialog::getText(m_parent, title(kind), prompt, QLineEdit::Normal, last, &ok)
            .trimmed();
    if (!ok || to.isEmpty())
        return {};
    last = to;
    return to;
}

bool TestSendController::sendTemplate(const ChannelAccount &account, const MessageTemplate &t)
{
    if (m_sending)
        return false;
    const QString to = askRecipient(t.channel,
                                    t.isEmail() ? tr("Send the test email to this address:")
                                                : tr("Send the test message to this phone "
                                                     "number:"),
                                    Kind::Template);
    if (to.isEmpty())
        return false;
    const Database *db = &m_db;
    const std::atomic<bool> *stop = m_tasks->stopping();
    run(
        account.name,
        [db, account, to, t, stop] { return TestSend::send(*db, account, to, t, stop); },
        Kind::Template);
    return true;
}

bool TestSendController::sendAccountTest(const ChannelAccount &account)
{
    if (m_sending)
        return false;
    const QString to = askRecipient(
        account.channel(),
        account.isSmtp()
            ? tr("Send a test email through \"%1\" to this address:").arg(account.name)
            : tr("Send a test message through \"%1\" to this phone number:").arg(account.name),
        Kind::Account);
    if (to.isEmpty())
        return false;
    const Database *db = &m_db;
    const std::atomic<bool> *stop = m_tasks->stopping();
    run(
        account.name,
        [db, account, to, stop] { return TestSend::send(*db, account, to, std::nullopt, stop); },
        Kind::Account);
    return true;
}

void TestSendController::callWebhook(const QString &url, bool allowPrivate)
{
    if (m_sending)
        return;
    const Database *db = &m_db;
    const std::atomic<bool> *stop = m_tasks->stopping();
    run(
        url,
        [db, url, allowPrivate, stop] { return TestSend::webhook(*db, url, allowPrivate, stop); },
        Kind::Webhook);
}

void TestSendController::run(const QString &accountName, std::function<DeliveryResult()> send,
                             Kind kind)
{
    m_sending = true;
    Q_EMIT started(accountName);
    // Blocks on the network (and perhaps the keychain): in the background.
    m_tasks->run(std::move(send), [this, kind](const DeliveryResult &result) {
        m_sending = false;
        Q_EMIT finished(result);
        showResult(result, kind);
    });
}

void TestSendController::showResult(const DeliveryResult &result, Kind kind)
{
    const bool webhook = kind == Kind::Webhook;
    // The server's exact reply, in a box the user can copy from.
    QMessageBox box(m_parent);
    box.setObjectName(QStringLiteral("testResult"));
    box.setWindowTitle(title(kind));
    box.setTextFormat(Qt::PlainText);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (result.ok()) {
        box.setIcon(QMessageBox::Information);
        box.setText(webhook ? tr("The address answered: %1").arg(result.reply)
                            : tr("Sent. The server said: %1").arg(result.reply));
    } else {
        box.setIcon(QMessageBox::Warning);
        QString text = webhook ? tr("The call failed: %1").arg(result.reply)
                               : tr("The test was not sent. The reply was: %1").arg(result.reply);
        if (result.code != 0 && !result.reply.contains(QString::number(result.code)))
            text += QLatin1Char('\n') + tr("Status code: %1").arg(result.code);
        box.setText(text);
    }
    box.exec();
}

} // namespace masir::ui
