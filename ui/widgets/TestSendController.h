#pragma once

#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "messaging/channels/Transport.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

/// The one "send a test" flow: asks for the recipient (offering the last one
/// per channel), sends in the background through a real account, tells when
/// it starts and ends, and shows the server's exact reply in a box the user
/// can copy from. The Templates page tests a template, the Channels dialog an
/// account, the journey canvas a webhook.
class TestSendController final : public QObject
{
    Q_OBJECT

public:
    TestSendController(const Database &db, QWidget *parent);

    bool isSending() const { return m_sending; }
    /// An enabled account of \a channel ("email" or "sms"): asks which when
    /// there are several; says what to do when there is none. nullopt: none,
    /// or the user cancelled.
    std::optional<ChannelAccount> chooseAccount(const QString &channel);
    /// Sends template \a t through \a account; false when the user cancelled.
    bool sendTemplate(const ChannelAccount &account, const MessageTemplate &t);
    /// Sends the account's own test message; false when the user cancelled.
    bool sendAccountTest(const ChannelAccount &account);
    /// Calls a webhook address once with a sample contact.
    void callWebhook(const QString &url, bool allowPrivate);

Q_SIGNALS:
    void started(const QString &accountName);
    void finished(const masir::DeliveryResult &result);

private:
    /// The recipient for \a channel, asked with \a prompt; empty if cancelled.
    /// What is tested, for the titles of its dialogs and its result.
    enum class Kind
    {
        Template,
        Account,
        Webhook
    };
    static QString title(Kind kind);
    QString askRecipient(const QString &channel, const QString &prompt, Kind kind);
    void run(const QString &accountName, std::function<DeliveryResult()> send, Kind kind);
    void showResult(const DeliveryResult &result, Kind kind);

    const Database &m_db;
    QWidget *m_parent;
    BackgroundTasks *m_tasks;
    QString m_lastEmail;
    QString m_lastPhone;
    bool m_sending = false;
};

} // namespace masir::ui
