#include "crm/ContactTimeline.h"

#include "contacts/Contact.h"
#include "events/ScoreHistory.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

namespace masir {

ContactTimeline::ContactTimeline(const Database &db)
    : m_db(db)
{}

QList<Event> ContactTimeline::entries(qint64 id, int limit) const
{
    QSqlDatabase db = m_db.connection();
    QList<Event> events = EventStore(db).timeline(id, limit);
    // Score changes have a table of their own; the timeline shows them in place.
    const QList<Event> scores = ScoreHistory(db).timeline(id, limit);
    if (!scores.isEmpty()) {
        QList<Event> merged;
        merged.reserve(events.size() + scores.size());
        std::merge(events.cbegin(), events.cend(), scores.cbegin(), scores.cend(),
                   std::back_inserter(merged), [](const Event &a, const Event &b) {
                       return a.occurredAt > b.occurredAt; // newest first
                   });
        events = merged.mid(0, limit);
    }
    // A contact an import created has no event row for that (a million-row import
    // would double its writes); its entry comes from the import record.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT c.created_at, i.file_name FROM contacts c "
                             "JOIN imports i ON i.id = c.import_id WHERE c.id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next() && events.size() < limit) {
        Event imported;
        imported.contactId = id;
        imported.type = EventType::ContactImported;
        imported.occurredAt = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
        imported.payload.insert(QStringLiteral("file"), q.value(1).toString());
        events << imported; // the oldest entry
    }
    return events;
}

QString ContactTimeline::machineRuleLabel(const QString &rule)
{
    if (rule == QLatin1String("head"))
        return tr("a link checker");
    if (rule == QLatin1String("no-agent"))
        return tr("no browser named");
    if (rule == QLatin1String("scanner-agent") || rule == QLatin1String("scanner-range"))
        return tr("a mail security scanner");
    if (rule == QLatin1String("apple-privacy"))
        return tr("Apple Mail Privacy Protection");
    if (rule == QLatin1String("too-soon"))
        return tr("within seconds of delivery");
    if (rule == QLatin1String("every-link"))
        return tr("every link at once");
    return rule;
}

QString ContactTimeline::describe(const Event &event)
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
    // a message is named by its subject, or its template when the subject is not known
    const QString message =
        subject.isEmpty() ? p.value(QLatin1String("template")).toString() : subject;
    const QString url = p.value(QLatin1String("url")).toString();
    if (t == EventType::EmailSent)
        return tr("Email sent: %1").arg(message);
    if (t == EventType::EmailOpened)
        return p.value(QLatin1String("proxied")).toBool()
                   ? tr("Opened email (through an image proxy): %1").arg(message)
                   : tr("Opened email: %1").arg(message);
    if (t == EventType::EmailClicked)
        return tr("Clicked %1 in: %2").arg(url, message);
    if (t == EventType::SmsClicked)
        return tr("Clicked %1 in an SMS").arg(url);
    if (t == EventType::EmailMachineOpened)
        return tr("Email fetched by a machine, not counted as an open (%1): %2")
            .arg(machineRuleLabel(p.value(QLatin1String("rule")).toString()), message);
    if (t == EventType::EmailMachineClicked)
        return tr("Link followed by a machine, not counted as a click (%1): %2")
            .arg(machineRuleLabel(p.value(QLatin1String("rule")).toString()), url);
    if (t == EventType::EmailBounced)
        return tr("Email bounced: %1").arg(p.value(QLatin1String("reply")).toString());
    if (t == EventType::EmailSoftBounced)
        return tr("Email refused for now: %1").arg(p.value(QLatin1String("reply")).toString());
    if (t == EventType::EmailComplained)
        return tr("Marked an email as spam");
    if (t == EventType::Unsubscribed)
        return tr("Unsubscribed (%1)").arg(p.value(QLatin1String("source")).toString());
    if (t == EventType::PreferencesChanged) {
        QStringList lists;
        for (const auto &v : p.value(QLatin1String("lists")).toArray())
            lists << v.toString();
        return tr("Changed their preferences: email %1, SMS %2, lists: %3")
            .arg(p.value(QLatin1String("email")).toBool() ? tr("on") : tr("off"),
                 p.value(QLatin1String("sms")).toBool() ? tr("on") : tr("off"),
                 lists.isEmpty() ? tr("none") : lists.join(QStringLiteral(", ")));
    }
    if (t == EventType::SmsSent)
        return tr("SMS sent");
    if (t == EventType::FormSubmitted)
        return tr("Submitted form: %1").arg(name);
    if (t == EventType::PageViewed)
        return tr("Viewed page: %1").arg(p.value(QLatin1String("url")).toString());
    if (t == EventType::TaskCreated)
        return tr("Task: %1").arg(p.value(QLatin1String("title")).toString());
    if (t == EventType::NoteAdded)
        return tr("Note: %1").arg(p.value(QLatin1String("text")).toString());
    if (t == EventType::Purchase) {
        const double amount = p.value(QLatin1String("amount")).toDouble();
        const QString currency = p.value(QLatin1String("currency")).toString();
        return tr("Purchase: %1 %2").arg(QLocale().toString(amount, 'f', 0), currency);
    }
    // an event of the business's own kind ("cart_abandoned"): its name in words
    QString words = t;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

} // namespace masir
