#include "crm/Tasks.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

namespace masir {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT t.id, t.contact_id, t.deal_id, t.title, t.owner, t.details, t.priority, t.due_at, "
    "COALESCE(t.remind_at, t.due_at), t.done_at, t.created_at, c.first_name, c.last_name, "
    "c.email, c.phone, d.title FROM tasks t LEFT JOIN contacts c ON c.id = t.contact_id "
    "LEFT JOIN deals d ON d.id = t.deal_id ");

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

Task taskOf(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.contactId = q.value(1).toLongLong();
    t.dealId = q.value(2).toLongLong();
    t.title = q.value(3).toString();
    t.owner = q.value(4).toString();
    t.details = q.value(5).toString();
    t.priority = TaskPriority(std::clamp(q.value(6).toInt(), 0, 2));
    t.dueAt = timeOf(q.value(7));
    t.remindAt = timeOf(q.value(8));
    t.doneAt = timeOf(q.value(9));
    t.createdAt = timeOf(q.value(10));
    const QString name =
        QString(q.value(11).toString() + QLatin1Char(' ') + q.value(12).toString()).trimmed();
    t.contactName = !name.isEmpty()                     ? name
                    : !q.value(13).toString().isEmpty() ? q.value(13).toString()
                                                        : q.value(14).toString();
    t.dealTitle = q.value(15).toString();
    return t;
}

/// Open tasks of an owner and nobody's, or everyone's: the SQL and its value.
QString ownerClause(const QString &owner, QVariantList &binds)
{
    if (owner.isEmpty())
        return {};
    binds << owner;
    return QStringLiteral(" AND (t.owner = ? OR t.owner = '')");
}

} // namespace

Tasks::Tasks(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<StatementCache>(m_db))
    , m_events(std::make_unique<EventStore>(m_db))
{}

Tasks::~Tasks() = default;

QString Tasks::priorityLabel(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low:
        return tr("Low");
    case TaskPriority::Normal:
        return tr("Normal");
    case TaskPriority::High:
        return tr("High");
    }
    return {};
}

std::optional<qint64> Tasks::create(const NewTask &task, const QJsonObject &extra)
{
    if (task.title.trimmed().isEmpty()) {
        m_error = tr("A task needs a title.");
        return std::nullopt;
    }
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO tasks (contact_id, deal_id, title, owner, details, priority, "
                       "due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        &m_error);
    if (!st)
        return std::nullopt;
    auto bindOrNull = [st](int index, qint64 value) {
        if (value)
            st->bind(index, value);
        else
            st->bindNull(index);
    };
    bindOrNull(1, task.contactId);
    bindOrNull(2, task.dealId);
    st->bind(3, task.title.trimmed().toUtf8());
    st->bind(4, task.owner.toUtf8());
    st->bind(5, task.details.toUtf8());
    st->bind(6, qint64(task.priority));
    bindOrNull(7, task.dueAtMs);
    st->bind(8, task.createdAtMs);
    const auto id = st->execReturningId();
    if (!id) {
        m_error = st->errorString();
        qCWarning(lcCrm) << "cannot write a task for contact" << task.contactId << m_error;
        return std::nullopt;
    }
    if (task.contactId) {
        QJsonObject payload = extra;
        payload.insert(QStringLiteral("title"), task.title.trimmed());
        payload.insert(QStringLiteral("owner"), task.owner);
        payload.insert(QStringLiteral("task"), *id);
        if (!m_events->append(task.contactId, EventType::TaskCreated, task.createdAtMs, payload)) {
            m_error = m_events->errorString();
            return std::nullopt;
        }
    }
    return id;
}

bool Tasks::update(const Task &task)
{
    if (task.title.trimmed().isEmpty()) {
        m_error = tr("A task needs a title.");
        return false;
    }
    QSqlQuery q(m_db);
    const qint64 due = task.dueAt.isValid() ? task.dueAt.toMSecsSinceEpoch() : 0;
    // A due time that moved reminds again, at the new time.
    return Sql::exec(lcCrm(), q,
                     QStringLiteral("UPDATE tasks SET title = ?, details = ?, owner = ?, "
                                    "priority = ?, remind_at = CASE WHEN COALESCE(due_at, 0) = ? "
                                    "THEN remind_at END, notified_at = CASE WHEN "
                                    "COALESCE(due_at, 0) = ? THEN notified_at END, due_at = ? "
                                    "WHERE id = ?"),
                     {task.title.trimmed(), SqlValues::text(task.details),
                      SqlValues::text(task.owner), int(task.priority), due, due,
                      SqlValues::orNull(due), task.id},
                     &m_error);
}

bool Tasks::appendEvent(qint64 taskId, const QString &type, qint64 atMs)
{
    const std::optional<Task> task = find(taskId);
    if (!task) {
        m_error = tr("The task no longer exists.");
        return false;
    }
    if (!task->contactId)
        return true;
    if (!m_events->append(
            task->contactId, type, atMs,
            {{QStringLiteral("title"), task->title}, {QStringLiteral("task"), taskId}})) {
        m_error = m_events->errorString();
        return false;
    }
    return true;
}

bool Tasks::setDone(qint64 taskId, bool done, qint64 atMs)
{
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(m_db);
    if (!Sql::exec(lcCrm(), q,
                   done ? QStringLiteral("UPDATE tasks SET done_at = ? WHERE id = ? AND done_at "
                                         "IS NULL")
                        : QStringLiteral("UPDATE tasks SET done_at = NULL WHERE id = ? AND "
                                         "done_at IS NOT NULL"),
                   done ? QVariantList{atMs, taskId} : QVariantList{taskId}, &m_error))
        return false;
    if (q.numRowsAffected() > 0 && done && !appendEvent(taskId, EventType::TaskDone, atMs))
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool Tasks::snooze(qint64 taskId, qint64 untilMs)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcCrm(), q,
                     QStringLiteral("UPDATE tasks SET remind_at = ?, notified_at = NULL WHERE "
                                    "id = ?"),
                     {untilMs, taskId}, &m_error);
}

bool Tasks::remove(qint64 taskId)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcCrm(), q, QStringLiteral("DELETE FROM tasks WHERE id = ?"), {taskId},
                     &m_error);
}

std::optional<Task> Tasks::find(qint64 taskId) const
{
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q, kSelect + QStringLiteral("WHERE t.id = ?"), {taskId}, &error) ||
        !q.next())
        return std::nullopt;
    return taskOf(q);
}

QList<Task> Tasks::list(const TaskQuery &query) const
{
    QString where;
    QVariantList binds;
    switch (query.state) {
    case TaskQuery::State::Open:
        where = QStringLiteral("WHERE t.done_at IS NULL");
        break;
    case TaskQuery::State::Done:
        where = QStringLiteral("WHERE t.done_at IS NOT NULL");
        break;
    case TaskQuery::State::All:
        where = QStringLiteral("WHERE 1 = 1");
        break;
    }
    if (query.contactId) {
        where += QStringLiteral(" AND t.contact_id = ?");
        binds << query.contactId;
    }
    if (query.dealId) {
        where += QStringLiteral(" AND t.deal_id = ?");
        binds << query.dealId;
    }
    where += ownerClause(query.owner, binds);
    const QString order =
        query.state == TaskQuery::State::Done
            ? QStringLiteral(" ORDER BY t.done_at DESC, t.id DESC")
            : QStringLiteral(" ORDER BY t.done_at IS NOT NULL, t.due_at IS NULL, t.due_at, "
                             "t.priority DESC, t.id");
    binds << query.limit;
    QList<Task> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString error;
    if (!Sql::exec(lcCrm(), q, kSelect + where + order + QStringLiteral(" LIMIT ?"), binds, &error))
        return out;
    while (q.next())
        out << taskOf(q);
    return out;
}

qint64 Tasks::countDue(const QString &owner, qint64 beforeMs) const
{
    QVariantList binds{beforeMs};
    const QString owned = ownerClause(owner, binds);
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT count(*) FROM tasks t WHERE t.done_at IS NULL AND "
                                  "t.due_at < ?") +
                       owned,
                   binds, &error) ||
        !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QList<Task> Tasks::takeReminders(const QString &owner, qint64 nowMs)
{
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return {};
    }
    QVariantList binds{nowMs};
    const QString owned = ownerClause(owner, binds);
    QList<Task> due;
    QSqlQuery q(m_db);
    if (!Sql::exec(lcCrm(), q,
                   kSelect +
                       QStringLiteral("WHERE t.done_at IS NULL AND t.notified_at IS NULL "
                                      "AND COALESCE(t.remind_at, t.due_at) <= ?") +
                       owned + QStringLiteral(" ORDER BY t.due_at LIMIT 100"),
                   binds, &m_error))
        return {};
    while (q.next())
        due << taskOf(q);
    for (const Task &t : std::as_const(due)) {
        if (!Sql::exec(lcCrm(), q, QStringLiteral("UPDATE tasks SET notified_at = ? WHERE id = ?"),
                       {nowMs, t.id}, &m_error))
            return {};
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return {};
    }
    return due;
}

} // namespace masir
