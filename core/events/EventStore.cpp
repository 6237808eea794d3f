#include "events/EventStore.h"

#include "common/Logging.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"

#include <QHash>
#include <QJsonDocument>
#include <QVariant>

#include <QSqlError>
#include <QSqlQuery>
#include <cmath>

namespace masir {

namespace {

constexpr qint64 kYearMs = 365LL * 24 * 3600 * 1000; ///< a customer's first year

/// The tally holds open on this thread's connections, by connection name.
thread_local QHash<QString, EventTallyHold *> openHolds;

} // namespace

EventStore::EventStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

EventStore::~EventStore() = default;

bool EventStore::insert(const QString &sql, qint64 contactId, const QString &type, qint64 whenMs,
                        const QByteArray &payloadJson, bool onlyIfPresent, bool first)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db);
    PreparedStatement *st = m_statements->get(sql, &m_error);
    if (st) {
        st->bind(1, contactId);
        st->bind(2, type.toUtf8());
        st->bind(3, whenMs);
        st->bind(4, payloadJson);
        if (onlyIfPresent)
            st->bind(5, contactId);
        if (st->exec()) {
            if (onlyIfPresent && st->changes() == 0)
                return true; // the contact was deleted meanwhile
            if (tally(contactId, type, whenMs, payloadJson, first))
                return true;
        } else {
            m_error = st->errorString();
        }
    }
    qCWarning(lcEvents) << "cannot record" << type << "for contact" << contactId << m_error;
    return false;
}

double EventStore::purchaseAmount(const QJsonObject &payload)
{
    // as masir_number() reads it: a number, or text that is one
    const QJsonValue amount = payload.value(QStringLiteral("amount"));
    bool ok = amount.isDouble();
    const double value = ok ? amount.toDouble() : amount.toString().trimmed().toDouble(&ok);
    return ok && std::isfinite(value) ? value : 0.0;
}

EventTally EventStore::tallyOf(const QString &type, qint64 whenMs, const QByteArray &payloadJson,
                               bool first)
{
    EventTally t{whenMs / EventTally::kSlotMs, type};
    const bool purchase = type == EventType::Purchase;
    const bool stage = type == EventType::StageChanged;
    const bool engagement = type == EventType::EmailOpened || type == EventType::EmailClicked ||
                            type == EventType::SmsClicked;
    if (!purchase && !stage && !engagement)
        return t;
    const QJsonObject payload = QJsonDocument::fromJson(payloadJson).object();
    if (purchase) {
        t.amount = purchaseAmount(payload);
    } else if (stage) {
        t.kind += QLatin1Char(':') + payload.value(QStringLiteral("to")).toString();
        t.first = first; // the contact's first time at the stage
    } else {
        // an open or click not tied to a message counts as its message's first
        t.first = first || !payload.contains(QStringLiteral("outbox"));
    }
    return t;
}

bool EventStore::tally(qint64 contactId, const QString &type, qint64 whenMs,
                       const QByteArray &payloadJson, bool first)
{
    const EventTally t = tallyOf(type, whenMs, payloadJson, first);
    if (type == EventType::Purchase && !addPurchase(contactId, t.amount, whenMs))
        return false;
    if (EventTallyHold *hold = openHolds.value(m_db.connectionName())) {
        hold->add(t);
        return true;
    }
    return writeTally(t.slot, t.kind, 1, t.first ? 1 : 0, t.amount);
}

bool EventStore::writeTally(qint64 slot, const QString &kind, qint64 events, qint64 firsts,
                            double amount)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db);
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO event_tallies (slot, kind, events, firsts, amount) VALUES (?, "
                       "?, ?, ?, ?) ON CONFLICT (slot, kind) DO UPDATE SET events = "
                       "event_tallies.events + excluded.events, firsts = event_tallies.firsts + "
                       "excluded.firsts, amount = event_tallies.amount + excluded.amount"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, slot);
    st->bind(2, kind.toUtf8());
    st->bind(3, events);
    st->bind(4, firsts);
    st->bind(5, QVariant(amount));
    if (st->exec())
        return true;
    m_error = st->errorString();
    return false;
}

EventTallyHold::EventTallyHold(QSqlDatabase db)
    : m_db(std::move(db))
{
    Q_ASSERT(!openHolds.contains(m_db.connectionName()));
    openHolds.insert(m_db.connectionName(), this);
}

EventTallyHold::~EventTallyHold()
{
    openHolds.remove(m_db.connectionName());
}

void EventTallyHold::add(const EventTally &t)
{
    Sum &sum = m_sums[{t.slot, t.kind}];
    ++sum.events;
    sum.firsts += t.first ? 1 : 0;
    sum.amount += t.amount;
}

bool EventTallyHold::flush()
{
    EventStore store(m_db);
    bool ok = true;
    for (const auto &[key, sum] : m_sums) {
        if (!store.writeTally(key.first, key.second, sum.events, sum.firsts, sum.amount)) {
            m_error = store.errorString();
            ok = false;
            break;
        }
    }
    m_sums.clear();
    return ok;
}

bool EventStore::addPurchase(qint64 contactId, double amount, qint64 whenMs)
{
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO contact_purchases (contact_id, orders, revenue, first_at, "
                       "last_at, first_year_revenue) VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT "
                       "(contact_id) DO UPDATE SET orders = contact_purchases.orders + 1, revenue "
                       "= contact_purchases.revenue + excluded.revenue, first_year_revenue = "
                       "contact_purchases.first_year_revenue + CASE WHEN excluded.last_at < "
                       "contact_purchases.first_at + 31536000000 THEN excluded.revenue ELSE 0 END, "
                       "first_at = CASE WHEN excluded.first_at < "
                       "contact_purchases.first_at THEN excluded.first_at ELSE "
                       "contact_purchases.first_at END, last_at = CASE WHEN excluded.last_at > "
                       "contact_purchases.last_at THEN excluded.last_at ELSE "
                       "contact_purchases.last_at END"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, contactId);
    st->bind(2, QVariant(amount));
    st->bind(3, whenMs);
    st->bind(4, whenMs);
    st->bind(5, QVariant(amount));
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    // a purchase older than the first one known moves the customer's first
    // year: it is counted again from the events
    PreparedStatement *first = m_statements->get(
        QStringLiteral(
            "SELECT orders FROM contact_purchases WHERE contact_id = ? AND first_at = ?"),
        &m_error);
    if (!first)
        return false;
    first->bind(1, contactId);
    first->bind(2, whenMs);
    const PreparedStatement::Result r = first->step();
    const bool moved = r == PreparedStatement::Result::Row && first->columnInt64(0) > 1;
    if (r == PreparedStatement::Result::Error)
        m_error = first->errorString();
    first->reset();
    if (r == PreparedStatement::Result::Error)
        return false;
    return !moved || recountFirstYear(contactId);
}

bool EventStore::recountFirstYear(qint64 contactId)
{
    QSqlQuery q(m_db);
    return Sql::exec(
        lcEvents(), q,
        QStringLiteral("UPDATE contact_purchases SET first_year_revenue = coalesce((SELECT "
                       "sum(%1) FROM events e WHERE e.contact_id = contact_purchases.contact_id "
                       "AND e.type = ? AND e.occurred_at < contact_purchases.first_at + %2), 0) "
                       "WHERE contact_id = ?")
            .arg(SqlDialect::toNumber(SqlDialect(m_db).jsonValue(QStringLiteral("e.payload"))))
            .arg(kYearMs),
        {SqlDialect(m_db).jsonPath(QStringLiteral("amount")), EventType::Purchase, contactId},
        &m_error);
}

bool EventStore::append(qint64 contactId, const QString &type, qint64 whenMs,
                        const QJsonObject &payload, bool first)
{
    return appendJson(contactId, type, whenMs,
                      QJsonDocument(payload).toJson(QJsonDocument::Compact), first);
}

bool EventStore::appendJson(qint64 contactId, const QString &type, qint64 whenMs,
                            const QByteArray &payloadJson, bool first)
{
    return insert(QStringLiteral("INSERT INTO events (contact_id, type, occurred_at, payload) "
                                 "VALUES (?, ?, ?, ?)"),
                  contactId, type, whenMs, payloadJson, false, first);
}

bool EventStore::moveContact(qint64 fromContact, qint64 toContact)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcEvents(), q,
                     QStringLiteral("UPDATE events SET contact_id = ? WHERE contact_id = ?"),
                     {toContact, fromContact}, &m_error) &&
           // and what the one bought, added to the other's
           Sql::exec(lcEvents(), q,
                     QStringLiteral(
                         "INSERT INTO contact_purchases (contact_id, orders, revenue, first_at, "
                         "last_at, first_year_revenue) SELECT ?, orders, revenue, first_at, "
                         "last_at, first_year_revenue FROM contact_purchases WHERE contact_id = ? "
                         "ON CONFLICT (contact_id) DO UPDATE SET orders = contact_purchases.orders "
                         "+ excluded.orders, revenue = contact_purchases.revenue + "
                         "excluded.revenue, first_year_revenue = "
                         "contact_purchases.first_year_revenue + excluded.first_year_revenue, "
                         "first_at = CASE WHEN "
                         "excluded.first_at < contact_purchases.first_at THEN excluded.first_at "
                         "ELSE contact_purchases.first_at END, last_at = CASE WHEN "
                         "excluded.last_at > contact_purchases.last_at THEN excluded.last_at ELSE "
                         "contact_purchases.last_at END"),
                     {toContact, fromContact}, &m_error) &&
           Sql::exec(lcEvents(), q,
                     QStringLiteral("DELETE FROM contact_purchases WHERE contact_id = ?"),
                     {fromContact}, &m_error) &&
           recountFirstYear(toContact); // the two years started apart
}

bool EventStore::append(qint64 contactId, const QString &type, const QDateTime &when,
                        const QJsonObject &payload)
{
    return append(contactId, type, when.toMSecsSinceEpoch(), payload);
}

bool EventStore::appendIfPresent(qint64 contactId, const QString &type, const QDateTime &when,
                                 const QJsonObject &payload)
{
    return insert(QStringLiteral("INSERT INTO events (contact_id, type, occurred_at, payload) "
                                 "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contacts WHERE "
                                 "id = ?)"),
                  contactId, type, when.toMSecsSinceEpoch(),
                  QJsonDocument(payload).toJson(QJsonDocument::Compact), true);
}

QList<Event> EventStore::timeline(qint64 contactId, int limit, const TimelineBefore &before,
                                  const TypeFilter &filter) const
{
    QList<Event> out;
    QString types;
    if (!filter.types.isEmpty())
        types = QStringLiteral(" AND type %1 IN (%2)")
                    .arg(filter.exclude ? QStringLiteral("NOT") : QString(),
                         Sql::placeholders(filter.types.size()));
    else if (!filter.exclude)
        return out; // only the types of an empty list: none
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // "<= at" is the index's range; the rest leaves out what came before the cursor.
    q.prepare(QStringLiteral("SELECT id, type, occurred_at, payload FROM events "
                             "WHERE contact_id = ? AND occurred_at <= ? AND NOT (occurred_at = ? "
                             "AND id >= ?)%1 ORDER BY occurred_at DESC, id DESC LIMIT ?")
                  .arg(types));
    q.addBindValue(contactId);
    q.addBindValue(before.atMs);
    q.addBindValue(before.atMs);
    q.addBindValue(before.id);
    for (const QString &type : filter.types)
        q.addBindValue(type);
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

} // namespace masir
