#include "contacts/StageChanges.h"

#include "common/Logging.h"
#include "contacts/ContactColumns.h"
#include "events/EventStore.h"
#include "storage/StatementCache.h"

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
    SqliteStatement *st = m_statements->get(ContactColumns::stageUpsertSql(), &m_error);
    if (!st)
        return false;
    st->bind(1, contactId);
    st->bind(2, to.toUtf8());
    if (!st->exec()) {
        m_error = st->errorString();
        qCWarning(lcContacts) << "cannot change the stage of contact" << contactId << m_error;
        return false;
    }
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("from"), from);
    payload.insert(QStringLiteral("to"), to);
    if (!m_events->append(contactId, EventType::StageChanged, atMs, payload)) {
        m_error = m_events->errorString();
        return false;
    }
    return true;
}

} // namespace masir
