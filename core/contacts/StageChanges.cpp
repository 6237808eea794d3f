#include "contacts/StageChanges.h"

#include "common/Logging.h"
#include "contacts/Contact.h"
#include "contacts/ContactColumns.h"
#include "events/EventStore.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"

#include <QSqlQuery>

namespace masir {

StageChanges::StageChanges(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<StatementCache>(m_db))
    , m_events(std::make_unique<EventStore>(m_db))
{}

StageChanges::~StageChanges() = default;

bool StageChanges::change(qint64 contactId, const QString &from, const QString &to, qint64 atMs,
                          const QJsonObject &extra)
{
    if (from == to)
        return true;
    PreparedStatement *st = m_statements->get(ContactColumns::stageUpsertSql(), &m_error);
    if (!st)
        return false;
    st->bind(1, contactId);
    st->bind(2, to.toUtf8());
    if (!st->exec()) {
        m_error = st->errorString();
        qCWarning(lcContacts) << "cannot change the stage of contact" << contactId << m_error;
        return false;
    }
    const auto first = noteReached(contactId, to, atMs);
    if (!first)
        return false;
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("from"), from);
    payload.insert(QStringLiteral("to"), to);
    if (!m_events->append(contactId, EventType::StageChanged, atMs, payload, *first)) {
        m_error = m_events->errorString();
        return false;
    }
    return true;
}

std::optional<bool> StageChanges::noteReached(qint64 contactId, const QString &stage, qint64 atMs)
{
    // the time since the stage before it in the funnel (a lead's: since it came)
    const QStringList funnel = ContactVocabulary::funnelStages();
    const qsizetype at = funnel.indexOf(stage);
    const QString previous = at > 0 ? funnel.at(at - 1) : QString();
    PreparedStatement *since = m_statements->get(
        QStringLiteral("SELECT c.created_at, (SELECT p.reached_at FROM stage_reached p WHERE "
                       "p.contact_id = c.id AND p.stage = ?) FROM contacts c WHERE c.id = ?"),
        &m_error);
    if (!since)
        return std::nullopt;
    since->bind(1, previous.toUtf8());
    since->bind(2, contactId);
    const PreparedStatement::Result row = since->step();
    if (row == PreparedStatement::Result::Error) {
        m_error = since->errorString();
        since->reset();
        return std::nullopt;
    }
    const bool found = row == PreparedStatement::Result::Row;
    const qint64 cameAt = found ? since->columnInt64(0) : atMs;
    std::optional<qint64> from;
    if (found && previous == QLatin1String("subscriber"))
        from = cameAt;
    else if (found && !previous.isEmpty() && !since->columnIsNull(1))
        from = since->columnInt64(1);
    since->reset();

    PreparedStatement *insert = m_statements->get(
        QStringLiteral("INSERT INTO stage_reached (contact_id, stage, reached_at, came_at, "
                       "since_previous) VALUES (?, ?, ?, ?, ?) ON CONFLICT (contact_id, stage) "
                       "DO NOTHING"),
        &m_error);
    if (!insert)
        return std::nullopt;
    insert->bind(1, contactId);
    insert->bind(2, stage.toUtf8());
    insert->bind(3, atMs);
    insert->bind(4, cameAt);
    if (from && *from <= atMs)
        insert->bind(5, atMs - *from);
    else
        insert->bindNull(5);
    if (!insert->exec()) {
        m_error = insert->errorString();
        return std::nullopt;
    }
    return insert->changes() > 0;
}

bool StageChanges::moveContact(qint64 fromContact, qint64 toContact)
{
    // each stage at its earliest; the day of coming is the kept contact's
    QSqlQuery q(m_db);
    return Sql::exec(lcContacts(), q,
                     QStringLiteral(
                         "INSERT INTO stage_reached (contact_id, stage, reached_at, came_at, "
                         "since_previous) SELECT ?, stage, reached_at, came_at, NULL FROM "
                         "stage_reached WHERE contact_id = ? ON CONFLICT (contact_id, stage) DO "
                         "UPDATE SET reached_at = excluded.reached_at, since_previous = NULL "
                         "WHERE excluded.reached_at < stage_reached.reached_at"),
                     {toContact, fromContact}, &m_error) &&
           Sql::exec(lcContacts(), q,
                     QStringLiteral("DELETE FROM stage_reached WHERE contact_id = ?"),
                     {fromContact}, &m_error) &&
           Sql::exec(lcContacts(), q,
                     QStringLiteral("UPDATE stage_reached SET came_at = (SELECT min(created_at) "
                                    "FROM contacts WHERE id IN (?, ?)) WHERE contact_id = ?"),
                     {fromContact, toContact, toContact}, &m_error);
}

} // namespace masir
