#include "crm/Tasks.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "storage/StatementCache.h"

namespace masir {

Tasks::Tasks(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<StatementCache>(m_db))
    , m_events(std::make_unique<EventStore>(m_db))
{}

Tasks::~Tasks() = default;

std::optional<qint64> Tasks::create(const NewTask &task, const QJsonObject &extra)
{
    SqliteStatement *st =
        m_statements->get(QStringLiteral("INSERT INTO tasks (contact_id, title, owner, due_at, "
                                         "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                          &m_error);
    if (!st)
        return std::nullopt;
    if (task.contactId)
        st->bind(1, task.contactId);
    else
        st->bindNull(1);
    st->bind(2, task.title.toUtf8());
    st->bind(3, task.owner.toUtf8());
    if (task.dueAtMs)
        st->bind(4, task.dueAtMs);
    else
        st->bindNull(4);
    st->bind(5, task.createdAtMs);
    const auto id = st->execReturningId();
    if (!id) {
        m_error = st->errorString();
        qCWarning(lcCrm) << "cannot write a task for contact" << task.contactId << m_error;
        return std::nullopt;
    }
    if (task.contactId) {
        QJsonObject payload = extra;
        payload.insert(QStringLiteral("title"), task.title);
        payload.insert(QStringLiteral("owner"), task.owner);
        if (!m_events->append(task.contactId, EventType::TaskCreated, task.createdAtMs, payload)) {
            m_error = m_events->errorString();
            return std::nullopt;
        }
    }
    return id;
}

} // namespace masir
