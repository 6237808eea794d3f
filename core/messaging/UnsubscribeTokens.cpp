#include "messaging/UnsubscribeTokens.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "messaging/Outbox.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

namespace masir {

UnsubscribeTokens::UnsubscribeTokens(const Database &db)
    : m_db(db)
{}

QByteArray UnsubscribeTokens::secret()
{
    if (m_secret.isEmpty())
        m_secret = WorkspaceSettings(m_db).token(WorkspaceSettings::Key::TokenSecret).toUtf8();
    return m_secret;
}

QString UnsubscribeTokens::token(qint64 contactId)
{
    const QByteArray id = QByteArray::number(contactId);
    const QByteArray mac =
        QMessageAuthenticationCode::hash("unsubscribe:" + id, secret(), QCryptographicHash::Sha256)
            .left(16)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(id + '.' + mac);
}

std::optional<qint64> UnsubscribeTokens::verify(const QString &token)
{
    bool ok = false;
    const qint64 id = token.section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
    if (!ok || id <= 0 || this->token(id) != token.trimmed())
        return std::nullopt;
    return id;
}

const SenderInfo &UnsubscribeTokens::senderSettings()
{
    // Read once: one sender run builds links for many messages.
    if (!m_sender)
        m_sender = senderInfo();
    return *m_sender;
}

SenderInfo UnsubscribeTokens::senderInfo() const
{
    WorkspaceSettings s(m_db);
    SenderInfo info;
    info.businessName = s.value(WorkspaceSettings::Key::BusinessName).toString();
    info.postalAddress = s.value(WorkspaceSettings::Key::PostalAddress).toString();
    info.unsubscribeUrl = s.value(WorkspaceSettings::Key::UnsubscribeUrl).toString();
    info.unsubscribeMailto = s.value(WorkspaceSettings::Key::UnsubscribeMailto).toString();
    info.hostedUnsubscribe =
        !s.value(WorkspaceSettings::Key::TrackingPublicUrl).toString().trimmed().isEmpty();
    return info;
}

QString UnsubscribeTokens::url(qint64 contactId)
{
    const QString page = senderSettings().unsubscribeUrl;
    if (page.isEmpty())
        return mailto(contactId);
    QString url = page;
    const QString t = token(contactId);
    if (url.contains(QLatin1String("{token}")))
        url.replace(QLatin1String("{token}"), t);
    else
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
               QStringLiteral("t=") + t;
    return url;
}

QString UnsubscribeTokens::mailto(qint64 contactId)
{
    const QString address = senderSettings().unsubscribeMailto;
    if (address.isEmpty())
        return {};
    return QStringLiteral("mailto:") + address + QStringLiteral("?subject=unsubscribe%20") +
           token(contactId);
}

bool UnsubscribeTokens::unsubscribe(const QString &token, const QString &source)
{
    const auto id = verify(token);
    if (!id) {
        m_error = tr("This unsubscribe link is not valid for this workspace.");
        return false;
    }
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    if (!unsubscribeContact(*id, source, QDateTime::currentMSecsSinceEpoch()))
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool UnsubscribeTokens::unsubscribeContact(qint64 contactId, const QString &source, qint64 atMs,
                                           const QJsonObject &extra)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT email, status FROM contacts WHERE id = ?"),
                   {contactId}, &m_error))
        return false;
    if (!q.next()) {
        m_error = tr("The contact of this link no longer exists.");
        return false;
    }
    const QString email = q.value(0).toString();
    const bool already = q.value(1).toString() == QLatin1String("unsubscribed");
    q.finish();
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE contacts SET status = 'unsubscribed', email_consent = "
                                  "'withdrawn', email_consent_at = ?, email_consent_source = ?, "
                                  "updated_at = ? WHERE id = ?"),
                   {atMs, source, atMs, contactId}, &m_error))
        return false;
    if (!email.isEmpty()) {
        Outbox outbox(m_db);
        if (!outbox.suppress(QStringLiteral("email"), email, QStringLiteral("unsubscribe"),
                             source)) {
            m_error = outbox.errorString();
            return false;
        }
    }
    if (!already) {
        QJsonObject payload = extra;
        payload.insert(QStringLiteral("source"), source);
        EventStore events(m_db.connection());
        if (!events.append(contactId, EventType::Unsubscribed, atMs, payload)) {
            m_error = events.errorString();
            return false;
        }
    }
    return true;
}

bool UnsubscribeTokens::resubscribeContact(qint64 contactId, const QString &source, qint64 atMs)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT email FROM contacts WHERE id = ?"),
                   {contactId}, &m_error))
        return false;
    if (!q.next())
        return true; // deleted meanwhile
    const QString email = q.value(0).toString();
    q.finish();
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE contacts SET status = 'active', email_consent = "
                                  "'granted', email_consent_at = ?, email_consent_source = ?, "
                                  "updated_at = ? WHERE id = ?"),
                   {atMs, source, atMs, contactId}, &m_error))
        return false;
    Outbox outbox(m_db);
    if (!email.isEmpty() &&
        !outbox.unsuppress(QStringLiteral("email"), email, QStringLiteral("unsubscribe"))) {
        m_error = outbox.errorString();
        return false;
    }
    return true;
}

bool UnsubscribeTokens::setSmsConsent(qint64 contactId, bool granted, const QString &source,
                                      qint64 atMs)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT phone FROM contacts WHERE id = ?"),
                   {contactId}, &m_error))
        return false;
    if (!q.next())
        return true;
    const QString phone = q.value(0).toString();
    q.finish();
    if (phone.isEmpty())
        return true;
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE contacts SET sms_consent = ?, sms_consent_at = ?, "
                                  "sms_consent_source = ?, updated_at = ? WHERE id = ?"),
                   {granted ? QStringLiteral("granted") : QStringLiteral("withdrawn"), atMs, source,
                    atMs, contactId},
                   &m_error))
        return false;
    Outbox outbox(m_db);
    const bool ok =
        granted
            ? outbox.unsuppress(QStringLiteral("sms"), phone, QStringLiteral("unsubscribe"))
            : outbox.suppress(QStringLiteral("sms"), phone, QStringLiteral("unsubscribe"), source);
    if (!ok)
        m_error = outbox.errorString();
    return ok;
}

} // namespace masir
