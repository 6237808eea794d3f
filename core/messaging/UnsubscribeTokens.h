#pragma once

#include "messaging/MessageRenderer.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Signed unsubscribe tokens ("<contact id>.<HMAC>"), the links and addresses
/// built from them, and what happens when one is used.
class UnsubscribeTokens final
{
    Q_DECLARE_TR_FUNCTIONS(masir::UnsubscribeTokens)

public:
    explicit UnsubscribeTokens(const Database &db);

    QString token(qint64 contactId);
    /// The contact a token belongs to, when its signature is right.
    std::optional<qint64> verify(const QString &token);

    /// The unsubscribe page for a contact, or empty when none is set.
    QString url(qint64 contactId);
    /// "mailto:...?subject=unsubscribe%20TOKEN", or empty.
    QString mailto(qint64 contactId);
    /// The business name, postal address and unsubscribe settings.
    SenderInfo senderInfo() const;

    /// Unsubscribes the token's contact: status, consent, suppression of its
    /// email address, pending marketing cancelled, and an event.
    bool unsubscribe(const QString &token, const QString &source);
    /// The same for \a contactId, inside the caller's transaction: an
    /// unsubscribe from the collector's page or a one-click POST.
    bool unsubscribeContact(qint64 contactId, const QString &source, qint64 atMs,
                            const QJsonObject &extra = {});
    /// A contact who chose, on their own preference page, to hear from the
    /// business again: active, email consent granted, the unsubscribe
    /// suppression lifted. In the caller's transaction.
    bool resubscribeContact(qint64 contactId, const QString &source, qint64 atMs);
    /// Grants or withdraws a contact's SMS consent (suppressing or freeing the
    /// phone number), from their preference page. In the caller's transaction.
    bool setSmsConsent(qint64 contactId, bool granted, const QString &source, qint64 atMs);
    QString errorString() const { return m_error; }

private:
    QByteArray secret();
    const SenderInfo &senderSettings();

    const Database &m_db;
    QByteArray m_secret;
    std::optional<SenderInfo> m_sender;
    QString m_error;
};

} // namespace masir
