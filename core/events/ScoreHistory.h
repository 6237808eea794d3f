#pragma once

#include "events/EventStore.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace masir {

/// Every change of a contact's score, in its own narrow table (score_changes)
/// rather than among the events: a recomputation can change a million scores,
/// and a row of five numbers each costs a fraction of an event with its two
/// indexes. The timeline shows them among the events, as score_changed.
class StatementCache;

class ScoreHistory final
{
public:
    explicit ScoreHistory(QSqlDatabase db);
    ~ScoreHistory();

    /// \a reason: the event type that scored, "journey", "recompute" or "manual".
    bool append(qint64 contactId, const QDateTime &when, qint64 from, qint64 to,
                const QString &reason);
    /// Gives every score change of \a fromContact to \a toContact (a merge).
    bool moveContact(qint64 fromContact, qint64 toContact);
    /// Newest first, as events of type score_changed ({from, to, points, reason}).
    QList<Event> timeline(qint64 contactId, int limit, const TimelineBefore &before = {}) const;
    QString errorString() const { return m_error; }

    /// The statement append() runs, for \a rows rows: each binds contact id,
    /// time (ms), from, to and reason, kInsertColumns values.
    static QString insertSql(int rows = 1);
    static constexpr int kInsertColumns = 5;

private:
    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    QString m_error;
};

} // namespace masir
