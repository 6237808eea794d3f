#include "events/ScoreHistory.h"

#include "common/Logging.h"
#include "storage/SqlExec.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

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
    QSqlQuery q(m_db);
    q.prepare(insertSql());
    q.addBindValue(contactId);
    q.addBindValue(when.toMSecsSinceEpoch());
    q.addBindValue(from);
    q.addBindValue(to);
    q.addBindValue(reason);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QList<Event> ScoreHistory::timeline(qint64 contactId, int limit) const
{
    QList<Event> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, occurred_at, from_score, to_score, reason FROM "
                             "score_changes WHERE contact_id = ? ORDER BY occurred_at DESC, "
                             "id DESC LIMIT ?"));
    q.addBindValue(contactId);
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
