#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class EventStore;
class StatementCache;

enum class TaskPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
};

/// A task for a salesperson, about a contact, a deal, or neither.
struct NewTask
{
    qint64 contactId = 0;
    qint64 dealId = 0;
    QString title;
    QString owner;
    QString details;
    qint64 dueAtMs = 0; ///< 0: no due time
    qint64 createdAtMs = 0;
    TaskPriority priority = TaskPriority::Normal;
};

struct Task
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 dealId = 0;
    QString title;
    QString owner;
    QString details;
    QString contactName; ///< who it is about, as the lists show it
    QString dealTitle;
    TaskPriority priority = TaskPriority::Normal;
    QDateTime dueAt;    ///< invalid: no due time
    QDateTime remindAt; ///< when it reminds next: the due time, or later when snoozed
    QDateTime doneAt;   ///< invalid: open
    QDateTime createdAt;
    bool isDone() const { return doneAt.isValid(); }
};

/// Which tasks a list shows.
struct TaskQuery
{
    enum class State
    {
        Open,
        Done,
        All,
    };
    State state = State::Open;
    qint64 contactId = 0; ///< 0: any
    qint64 dealId = 0;    ///< 0: any
    QString owner;        ///< empty: anyone's; else this owner's and nobody's
    int limit = 1000;
};

/// The one writer of the tasks table, and its reader. A task made for a contact
/// is recorded on the contact's timeline (task_created) in the same transaction,
/// whoever made it: a score threshold, a journey, a stale deal, the user; so is
/// one done (task_done).
class Tasks final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Tasks)
    Q_DISABLE_COPY_MOVE(Tasks)

public:
    explicit Tasks(QSqlDatabase db);
    ~Tasks();

    /// Writes \a task, inside the caller's transaction, with \a extra (the
    /// journey that made it) in its event's payload. Its id, or nullopt with
    /// errorString().
    std::optional<qint64> create(const NewTask &task, const QJsonObject &extra = {});
    /// Changes what the user may change: title, details, owner, due time and
    /// priority. A new due time reminds again.
    bool update(const Task &task);
    /// Done (at \a atMs) or open again.
    bool setDone(qint64 taskId, bool done, qint64 atMs);
    /// Reminds again at \a untilMs.
    bool snooze(qint64 taskId, qint64 untilMs);
    bool remove(qint64 taskId);

    std::optional<Task> find(qint64 taskId) const;
    /// Open tasks by due time (those without one last); done ones newest first.
    QList<Task> list(const TaskQuery &query) const;
    /// Open tasks of \a owner (and nobody's; all when empty) due before \a beforeMs.
    qint64 countDue(const QString &owner, qint64 beforeMs) const;
    /// The open tasks whose reminder time has come and that were not yet
    /// reminded of, marked reminded: each reminds once (until snoozed).
    QList<Task> takeReminders(const QString &owner, qint64 nowMs);

    static QString priorityLabel(TaskPriority priority);

    QString errorString() const { return m_error; }

private:
    bool appendEvent(qint64 taskId, const QString &type, qint64 atMs);

    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<EventStore> m_events;
    QString m_error;
};

} // namespace masir
