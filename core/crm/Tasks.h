#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class EventStore;
class StatementCache;

/// A task for a salesperson, about a contact.
struct NewTask
{
    qint64 contactId = 0;
    QString title;
    QString owner;
    qint64 dueAtMs = 0;
    qint64 createdAtMs = 0;
};

/// The one writer of the tasks table. A task made for a contact is recorded on
/// the contact's timeline (task_created) in the same transaction, whoever made
/// it: a score threshold, a journey, the user.
class Tasks final
{
    Q_DISABLE_COPY_MOVE(Tasks)

public:
    explicit Tasks(QSqlDatabase db);
    ~Tasks();

    /// Writes \a task, inside the caller's transaction, with \a extra (the
    /// journey that made it) in its event's payload. Its id, or nullopt with
    /// errorString().
    std::optional<qint64> create(const NewTask &task, const QJsonObject &extra = {});

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<EventStore> m_events;
    QString m_error;
};

} // namespace masir
