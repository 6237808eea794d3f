#include "crm/ContactTimeline.h"

#include "contacts/Contact.h"
#include "events/ScoreHistory.h"
#include "i18n/Formatter.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace masir {

namespace {

enum Source
{
    Events = 0,
    Scores = 1,
    NoteRows = 2,
    Import = 3,
};

const QStringList &messageTypes()
{
    static const QStringList types{EventType::EmailSent,          EventType::EmailOpened,
                                   EventType::EmailClicked,       EventType::SmsSent,
                                   EventType::SmsClicked,         EventType::EmailBounced,
                                   EventType::EmailSoftBounced,   EventType::EmailComplained,
                                   EventType::EmailMachineOpened, EventType::EmailMachineClicked};
    return types;
}

const QStringList &changeTypes()
{
    static const QStringList types{
        EventType::ContactCreated, EventType::ContactUpdated, EventType::ContactsMerged,
        EventType::TagAdded,       EventType::TagRemoved,     EventType::ConsentChanged,
        EventType::StageChanged,   EventType::Unsubscribed,   EventType::PreferencesChanged};
    return types;
}

/// The event types of \a kind (Visits: all but the others').
TypeFilter filterOf(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::All:
        return {};
    case TimelineKind::Messages:
        return {messageTypes(), false};
    case TimelineKind::Purchases:
        return {{EventType::Purchase}, false};
    case TimelineKind::Notes:
        return {{EventType::NoteAdded}, false};
    case TimelineKind::Tasks:
        return {{EventType::TaskCreated, EventType::TaskDone}, false};
    case TimelineKind::Deals:
        return {{EventType::DealCreated, EventType::DealStageChanged, EventType::DealDeleted},
                false};
    case TimelineKind::Changes:
        return {changeTypes(), false};
    case TimelineKind::Visits:
        return {messageTypes() + changeTypes() +
                    QStringList{EventType::Purchase, EventType::NoteAdded, EventType::TaskCreated,
                                EventType::TaskDone, EventType::DealCreated,
                                EventType::DealStageChanged, EventType::DealDeleted},
                true};
    }
    return {};
}

/// The part of \a source's rows that come after \a cursor.
TimelineBefore beforeOf(const TimelineCursor &cursor, int source)
{
    if (source > cursor.source)
        return {cursor.atMs, std::numeric_limits<qint64>::max()};
    if (source < cursor.source)
        return {cursor.atMs, 0};
    return {cursor.atMs, cursor.id};
}

struct Entry
{
    Event event;
    int source = 0;
};

} // namespace

ContactTimeline::ContactTimeline(const Database &db)
    : m_db(db)
{}

QList<Event> ContactTimeline::entries(qint64 id, int limit) const
{
    return page(id, TimelineKind::All, {}, limit).entries;
}

QString ContactTimeline::kindLabel(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::All:
        return tr("Everything");
    case TimelineKind::Messages:
        return tr("Messages");
    case TimelineKind::Visits:
        return tr("Visits and forms");
    case TimelineKind::Purchases:
        return tr("Purchases");
    case TimelineKind::Notes:
        return tr("Notes");
    case TimelineKind::Tasks:
        return tr("Tasks");
    case TimelineKind::Deals:
        return tr("Deals");
    case TimelineKind::Changes:
        return tr("Changes");
    }
    return {};
}

TimelinePage ContactTimeline::page(qint64 id, TimelineKind kind, const TimelineCursor &after,
                                   int limit) const
{
    QSqlDatabase db = m_db.connection();
    QList<Entry> all;
    auto add = [&all](const QList<Event> &events, int source) {
        for (const Event &e : events)
            all << Entry{e, source};
    };
    const int take = limit + 1;
    add(EventStore(db).timeline(id, take, beforeOf(after, Events), filterOf(kind)), Events);
    if (kind == TimelineKind::All || kind == TimelineKind::Changes)
        add(ScoreHistory(db).timeline(id, take, beforeOf(after, Scores)), Scores);
    if (kind == TimelineKind::All || kind == TimelineKind::Notes) {
        const TimelineBefore before = beforeOf(after, NoteRows);
        QList<Event> notes;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id, created_at, body, author FROM notes WHERE "
                                 "contact_id = ? AND created_at <= ? AND NOT (created_at = ? AND "
                                 "id >= ?) ORDER BY created_at DESC, id DESC LIMIT ?"));
        for (const QVariant &v : QVariantList{id, before.atMs, before.atMs, before.id, take})
            q.addBindValue(v);
        if (q.exec()) {
            while (q.next()) {
                Event e;
                e.id = q.value(0).toLongLong();
                e.contactId = id;
                e.type = EventType::NoteAdded;
                e.occurredAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
                e.payload = {{QStringLiteral("text"), q.value(2).toString()},
                             {QStringLiteral("author"), q.value(3).toString()},
                             {QStringLiteral("note"), e.id}};
                notes << e;
            }
        }
        add(notes, NoteRows);
    }
    // A contact an import created has no event row for that (a million-row import
    // would double its writes); its entry comes from the import record.
    if (kind == TimelineKind::All || kind == TimelineKind::Changes) {
        const TimelineBefore before = beforeOf(after, Import);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT c.created_at, i.file_name FROM contacts c "
                                 "JOIN imports i ON i.id = c.import_id WHERE c.id = ?"));
        q.addBindValue(id);
        if (q.exec() && q.next()) {
            const qint64 at = q.value(0).toLongLong();
            if (at < before.atMs || (at == before.atMs && id < before.id)) {
                Event imported;
                imported.id = id;
                imported.contactId = id;
                imported.type = EventType::ContactImported;
                imported.occurredAt = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
                imported.payload.insert(QStringLiteral("file"), q.value(1).toString());
                all << Entry{imported, Import};
            }
        }
    }
    std::sort(all.begin(), all.end(), [](const Entry &a, const Entry &b) {
        const qint64 at = a.event.occurredAt.toMSecsSinceEpoch();
        const qint64 bt = b.event.occurredAt.toMSecsSinceEpoch();
        if (at != bt)
            return at > bt;
        if (a.source != b.source)
            return a.source < b.source;
        return a.event.id > b.event.id;
    });
    TimelinePage out;
    out.more = all.size() > limit;
    out.next = after;
    for (qsizetype i = 0; i < std::min<qsizetype>(limit, all.size()); ++i) {
        out.entries << all.at(i).event;
        out.next = {all.at(i).event.occurredAt.toMSecsSinceEpoch(), all.at(i).source,
                    all.at(i).event.id};
    }
    return out;
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
    // Names and subjects are isolated: a Persian subject in an English line
    // (or the reverse) keeps its own direction and leaves the line's alone.
    auto text = [&p](const char *key) {
        return Formatter::isolate(p.value(QLatin1String(key)).toString());
    };
    const QString subject = p.value(QLatin1String("subject")).toString();
    const QString name = text("name");
    const QString t = event.type;
    if (t == EventType::ContactCreated) {
        const QString source = p.value(QLatin1String("source")).toString();
        return source.isEmpty()
                   ? tr("Contact created")
                   : tr("Contact created (%1)").arg(ContactVocabulary::sourceLabel(source));
    }
    if (t == EventType::ContactImported)
        return tr("Imported from %1")
            .arg(Formatter::leftToRight(p.value(QLatin1String("file")).toString()));
    if (t == EventType::ContactUpdated) {
        QStringList fields;
        for (const auto &v : p.value(QLatin1String("fields")).toArray())
            fields << v.toString();
        return fields.isEmpty() ? tr("Contact edited")
                                : tr("Contact edited: %1").arg(fields.join(QStringLiteral(", ")));
    }
    if (t == EventType::ContactsMerged)
        return tr("Merged with %1").arg(text("merged"));
    if (t == EventType::TagAdded)
        return tr("Tag added: %1").arg(text("tag"));
    if (t == EventType::TagRemoved)
        return tr("Tag removed: %1").arg(text("tag"));
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
    const QString message = subject.isEmpty() ? text("template") : Formatter::isolate(subject);
    const QString url = Formatter::leftToRight(p.value(QLatin1String("url")).toString());
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
        return tr("Email bounced: %1").arg(text("reply"));
    if (t == EventType::EmailSoftBounced)
        return tr("Email refused for now: %1").arg(text("reply"));
    if (t == EventType::EmailComplained)
        return tr("Marked an email as spam");
    if (t == EventType::Unsubscribed)
        return tr("Unsubscribed (%1)").arg(text("source"));
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
        return tr("Viewed page: %1").arg(url);
    const QString title = text("title");
    if (t == EventType::TaskCreated)
        return tr("Task: %1").arg(title);
    if (t == EventType::TaskDone)
        return tr("Task done: %1").arg(title);
    if (t == EventType::NoteAdded) {
        const QString author = text("author");
        const QString note = text("text");
        return p.value(QLatin1String("author")).toString().isEmpty()
                   ? tr("Note: %1").arg(note)
                   : tr("Note by %1: %2").arg(author, note);
    }
    if (t == EventType::DealCreated)
        return tr("Deal opened: %1 (%2)").arg(title, text("to_name"));
    if (t == EventType::DealStageChanged)
        return tr("Deal %1 moved from %2 to %3").arg(title, text("from_name"), text("to_name"));
    if (t == EventType::DealDeleted)
        return tr("Deal deleted: %1").arg(title);
    if (t == EventType::Purchase) {
        const double amount = EventStore::purchaseAmount(p);
        const QString currency = p.value(QLatin1String("currency")).toString();
        const QString money =
            Formatter::leftToRight(QStringLiteral("%1 %2")
                                       .arg(QLocale().toString(std::abs(amount), 'f', 0), currency)
                                       .trimmed());
        if (p.value(QLatin1String("source")).toString() == QLatin1String("deal"))
            return amount < 0 ? tr("Revenue of deal %1 taken back: %2").arg(title, money)
                              : tr("Deal won: %1, %2").arg(title, money);
        return amount < 0 ? tr("Refund: %1").arg(money) : tr("Purchase: %1").arg(money);
    }
    // an event of the business's own kind ("cart_abandoned"): its name in words
    QString words = t;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

} // namespace masir
