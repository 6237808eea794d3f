#include "messaging/BounceRecorder.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace masir {

BounceRecorder::BounceRecorder(const Database &db)
    : m_db(db)
    , m_outbox(db)
    , m_events(std::make_unique<EventStore>(db.connection()))
{}

BounceRecorder::~BounceRecorder() = default;

std::optional<qint64> BounceRecorder::contactOf(const SentEmail &message, const QString &address)
{
    if (message.contactId)
        return message.contactId;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT id FROM contacts WHERE email = ?"),
                   {address}, &m_error))
        return std::nullopt;
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<bool> BounceRecorder::exists(qint64 contactId)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"), {contactId},
                   &m_error))
        return std::nullopt;
    return q.next();
}

std::optional<qint64> BounceRecorder::record(const SentEmail &message, const QString &address,
                                             const QString &reason, const QString &detail,
                                             const QString &status, const QString &eventType,
                                             const QJsonObject &payload, qint64 atMs)
{
    if (!m_outbox.suppress(QStringLiteral("email"), address, reason, detail) ||
        (message.id && !m_outbox.markReturned(message.id, reason == QLatin1String("bounce")
                                                              ? QStringLiteral("hard")
                                                              : reason))) {
        m_error = m_outbox.errorString();
        return std::nullopt;
    }
    const auto contact = contactOf(message, address);
    if (!contact || !*contact)
        return contact;
    // a complaint outweighs a bounce, both an unsubscribe; the address must still be the contact's
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE contacts SET status = ?, updated_at = ? WHERE id = ? AND "
                                  "email = ? AND (status IN ('active', 'unsubscribed') OR (? = "
                                  "'complained' AND status = 'bounced'))"),
                   {status, atMs, *contact, address, status}, &m_error))
        return std::nullopt;
    QJsonObject p = payload;
    if (message.id)
        p.insert(QStringLiteral("outbox"), message.id);
    if (message.campaignId)
        p.insert(QStringLiteral("campaign"), message.campaignId);
    if (!m_events->appendIfPresent(*contact, eventType,
                                   QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC), p)) {
        m_error = m_events->errorString();
        return std::nullopt;
    }
    return contact;
}

std::optional<qint64> BounceRecorder::hardBounce(const SentEmail &message, const QString &address,
                                                 const QString &reply, const QString &source,
                                                 qint64 atMs)
{
    return record(message, address, QStringLiteral("bounce"), reply, QStringLiteral("bounced"),
                  EventType::EmailBounced,
                  {{QStringLiteral("reply"), reply},
                   {QStringLiteral("kind"), QStringLiteral("hard")},
                   {QStringLiteral("source"), source}},
                  atMs);
}

std::optional<qint64> BounceRecorder::complaint(const SentEmail &message, const QString &address,
                                                const QString &feedback, qint64 atMs)
{
    return record(message, address, QStringLiteral("complaint"), feedback,
                  QStringLiteral("complained"), EventType::EmailComplained,
                  {{QStringLiteral("feedback"), feedback},
                   {QStringLiteral("source"), QStringLiteral("mailbox")}},
                  atMs);
}

} // namespace masir
