#include "events/ScoreHistory.h"

#include "common/Logging.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

ScoreHistory::~ScoreHistory() = default;

ScoreHistory::ScoreHistory(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ScoreHistory::insertSql(int rows)
{
    return QStringLiteral("INSERT INTO score_changes (contact_id, occurred_at, from_score, "
                          "to_score, reason) VALUES ") +
           QStringList(rows, QStringLiteral("(?, ?, ?, ?, ?)")).join(QStringLiteral(", "));
}

bool ScoreHistory::moveContact(qint64 fromContact, qint64 toContact)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcScoring(), q,
                     QStringLiteral("UPDATE score_changes SET contact_id = ? WHERE contact_id = ?"),
                     {toContact, fromContact}, &m_error);
}

bool ScoreHistory::append(qint64 contactId, const QDateTime &when, qint64 from, qint64 to,
                          const QString &reason)
{
    // prepared once: live scoring appends one change per scored event
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db);
    PreparedStatement *st = m_statements->get(insertSql(), &m_error);
    if (!st)
        return false;
    st->bind(1, contactId);
    st->bind(2, when.toMSecsSinceEpoch());
    st->bind(3, from);
    st->bind(4, to);
    st->bind(5, reason.toUtf8());
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    return true;
}

QList<Event> ScoreHistory::timeline(qint64 contactId, int limit, const TimelineBefore &before) const
{
    QList<Event> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, occurred_at, from_score, to_score, reason FROM "
                             "score_changes WHERE contact_id = ? AND occurred_at <= ? AND "
                             "NOT (occurred_at = ? AND id >= ?) ORDER BY occurred_at DESC, "
                             "id DESC LIMIT ?"));
    q.addBindValue(contactId);
    q.addBindValue(before.atMs);
    q.addBindValue(before.atMs);
    q.addBindValue(before.id);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        Event e;
        e.id = q.value(0).toLongLong();
        e.contactId = contactId;
        e.type = EventType::ScoreChanged;
        e.occurredAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        const qint64 from = q.value(2).toLongLong();
        const qint64 to = q.value(3).toLongLong();
        e.payload = {{QStringLiteral("from"), from},
                     {QStringLiteral("to"), to},
                     {QStringLiteral("points"), to - from},
                     {QStringLiteral("reason"), q.value(4).toString()}};
        out << e;
    }
    return out;
}

} // namespace masir
