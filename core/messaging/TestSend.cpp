#include "messaging/TestSend.h"

#include "contacts/Contact.h"
#include "contacts/ContactRepository.h"
#include "contacts/PhoneNumbers.h"
#include "messaging/MessageRenderer.h"
#include "messaging/MimeMessage.h"
#include "messaging/SecretStore.h"
#include "messaging/UnsubscribeTokens.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace masir {

DeliveryResult TestSend::send(const Database &db, const ChannelAccount &a, const QString &to,
                              const std::optional<MessageTemplate> &content,
                              const std::atomic<bool> *stop)
{
    DeliveryResult failed;
    failed.outcome = DeliveryResult::Outcome::Permanent;
    SecretStore secrets = SecretStore::ofWorkspace(db);
    QString secret;
    if (!a.isSmtp() || !a.config.value(QStringLiteral("user")).toString().isEmpty()) {
        const auto s = secrets.read(a.name);
        if (!s) {
            failed.reply = secrets.errorString();
            return failed;
        }
        secret = *s;
    }

    RenderedMessage rendered;
    if (content) {
        QStringList errors;
        const auto r = sample(db, *content, &errors);
        if (!r) {
            failed.reply = errors.join(QLatin1Char('\n'));
            return failed;
        }
        rendered = *r;
    }

    Delivery d;
    if (a.isSmtp()) {
        const Mailbox mailbox = Mailbox::parse(to);
        if (!mailbox.isValid()) {
            failed.reply = tr("\"%1\" is not an email address.").arg(to);
            return failed;
        }
        OutgoingEmail e;
        e.from = Mailbox::parse(a.config.value(QStringLiteral("from")).toString());
        e.to = mailbox;
        e.masirId = QStringLiteral("test");
        if (content) {
            e.subject = tr("[Test] %1").arg(rendered.subject);
            e.text = rendered.text;
            e.html = rendered.html;
        } else {
            e.subject = tr("Masir test email from %1").arg(a.name);
            e.text = tr("This is a test email from Masir. Your account \"%1\" works.").arg(a.name);
        }
        d.recipient = mailbox.address;
        d.content = MimeMessage::compose(e);
        return CurlPool::sendNow(*makeSmtpChannel(a, secret), d, stop);
    }
    QString error;
    const QString phone =
        PhoneNumbers::normalize(to, WorkspaceSettings(db).defaultRegion(), &error);
    if (phone.isEmpty()) {
        failed.reply = tr("\"%1\" is not a phone number: %2").arg(to, error);
        return failed;
    }
    d.recipient = phone;
    d.text =
        content ? rendered.text : tr("Masir test message: the gateway \"%1\" works.").arg(a.name);
    return CurlPool::sendNow(*makeSmsChannel(a, secret), d, stop);
}

std::optional<RenderedMessage> TestSend::sample(const Database &db, const MessageTemplate &t,
                                                QStringList *errors)
{
    UnsubscribeTokens tokens(db);
    const SenderInfo sender = tokens.senderInfo();
    const CompiledMessage m = MessageRenderer::compile(t, MergeVocabulary::of(db), sender);
    if (!m.isValid()) {
        *errors = m.errors;
        return std::nullopt;
    }
    Contact contact;
    contact.firstName = tr("Sample");
    contact.lastName = tr("Contact");
    return MessageRenderer::render(m, ContactMergeContext(contact, sender, tokens.url(0)), sender);
}

DeliveryResult TestSend::webhook(const Database &db, const QString &url, bool allowPrivate,
                                 const std::atomic<bool> *stop)
{
    const QJsonObject body{
        {QStringLiteral("test"), true},
        {QStringLiteral("contact"), 0},
        {QStringLiteral("email"), QStringLiteral("sample@example.com")},
        {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    Delivery d;
    d.recipient = url;
    d.content = QJsonDocument(body).toJson(QJsonDocument::Compact);
    d.allowPrivateNetwork = allowPrivate;
    const auto channel = makeWebhookChannel(
        WorkspaceSettings(db).token(WorkspaceSettings::Key::TokenSecret), allowPrivate);
    return CurlPool::sendNow(*channel, d, stop);
}

} // namespace masir
