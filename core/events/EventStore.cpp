#include "events/EventStore.h"

#include "contacts/Contact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

EventStore::EventStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool EventStore::append(qint64 contactId, const QString &type, const QDateTime &when,
                        const QJsonObject &payload)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO events (contact_id, type, occurred_at, payload) VALUES (?, ?, ?, ?)"));
    q.addBindValue(contactId);
    q.addBindValue(type);
    q.addBindValue(when.toMSecsSinceEpoch());
    q.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool EventStore::appendIfPresent(qint64 contactId, const QString &type, const QDateTime &when,
                                 const QJsonObject &payload)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO events (contact_id, type, occurred_at, payload) "
                       "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ?)"));
    q.addBindValue(contactId);
    q.addBindValue(type);
    q.addBindValue(when.toMSecsSinceEpoch());
    q.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    q.addBindValue(contactId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<Event> EventStore::timeline(qint64 contactId, int limit, qint64 beforeId) const
{
    QList<Event> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, type, occurred_at, payload FROM events "
                             "WHERE contact_id = ? AND (? = 0 OR id < ?) "
                             "ORDER BY occurred_at DESC, id DESC LIMIT ?"));
    q.addBindValue(contactId);
    q.addBindValue(beforeId);
    q.addBindValue(beforeId);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        Event e;
        e.id = q.value(0).toLongLong();
        e.contactId = contactId;
        e.type = q.value(1).toString();
        e.occurredAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        e.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        out << e;
    }
    return out;
}

qint64 EventStore::countFor(qint64 contactId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ?"));
    q.addBindValue(contactId);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return 0;
}

QString EventStore::describe(const Event &event)
{
    const QJsonObject &p = event.payload;
    const QString subject = p.value(QLatin1String("subject")).toString();
    const QString name = p.value(QLatin1String("name")).toString();
    const QString t = event.type;
    if (t == EventType::ContactCreated) {
        const QString source = p.value(QLatin1String("source")).toString();
        return source.isEmpty() ? tr("Contact created") : tr("Contact created (%1)").arg(source);
    }
    if (t == EventType::ContactImported)
        return tr("Imported from %1").arg(p.value(QLatin1String("file")).toString());
    if (t == EventType::ContactUpdated) {
        QStringList fields;
        for (const auto &v : p.value(QLatin1String("fields")).toArray())
            fields << v.toString();
        return fields.isEmpty() ? tr("Contact edited")
                                : tr("Contact edited: %1").arg(fields.join(QStringLiteral(", ")));
    }
    if (t == EventType::ContactsMerged)
        return tr("Merged with %1").arg(p.value(QLatin1String("merged")).toString());
    if (t == EventType::TagAdded)
        return tr("Tag added: %1").arg(p.value(QLatin1String("tag")).toString());
    if (t == EventType::TagRemoved)
        return tr("Tag removed: %1").arg(p.value(QLatin1String("tag")).toString());
    if (t == EventType::ConsentChanged) {
        const Channel channel = p.value(QLatin1String("channel")).toString() == QLatin1String("sms")
                                    ? Channel::Sms
                                    : Channel::Email;
        const ConsentStatus status =
            ContactVocabulary::consentFromKey(p.value(QLatin1String("status")).toString());
        return tr("%1 consent: %2")
            .arg(ContactVocabulary::channelLabel(channel), ContactVocabulary::consentLabel(status));
    }
    if (t == EventType::StageChanged)
        return tr("Stage changed to %1")
            .arg(ContactVocabulary::stageLabel(p.value(QLatin1String("to")).toString()));
    if (t == EventType::ScoreChanged)
        return tr("Score %1 → %2")
            .arg(QLocale().toString(p.value(QLatin1String("from")).toInteger()),
                 QLocale().toString(p.value(QLatin1String("to")).toInteger()));
    if (t == EventType::EmailSent)
        return tr("Email sent: %1").arg(subject);
    if (t == EventType::EmailOpened)
        return tr("Opened email: %1").arg(subject);
    if (t == EventType::EmailClicked)
        return tr("Clicked a link in: %1").arg(subject);
    if (t == EventType::SmsSent)
        return tr("SMS sent");
    if (t == EventType::FormSubmitted)
        return tr("Submitted form: %1").arg(name);
    if (t == EventType::PageViewed)
        return tr("Viewed page: %1").arg(p.value(QLatin1String("url")).toString());
    if (t == EventType::NoteAdded)
        return tr("Note: %1").arg(p.value(QLatin1String("text")).toString());
    if (t == EventType::Purchase) {
        const double amount = p.value(QLatin1String("amount")).toDouble();
        const QString currency = p.value(QLatin1String("currency")).toString();
        return tr("Purchase: %1 %2").arg(QLocale().toString(amount, 'f', 0), currency);
    }
    return t;
}

} // namespace masir
