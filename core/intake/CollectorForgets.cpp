#include "intake/CollectorForgets.h"

#include "common/Logging.h"
#include "storage/SqlExec.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace masir {

CollectorForgets::CollectorForgets(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool CollectorForgets::add(const QString &subject, const QList<qint64> &outboxIds, qint64 atMs)
{
    QJsonArray ids;
    for (const qint64 id : outboxIds)
        ids.append(double(id));
    QSqlQuery q(m_db);
    return Sql::exec(
        lcCollector(), q,
        QStringLiteral("INSERT INTO collector_forgets (subject, outbox, created_at) "
                       "VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET "
                       "outbox = excluded.outbox"),
        {subject, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)), atMs},
        &m_error);
}

QJsonArray CollectorForgets::pending(int limit) const
{
    QJsonArray out;
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCollector(), q,
                   QStringLiteral("SELECT subject, outbox FROM collector_forgets ORDER BY "
                                  "created_at, subject LIMIT ?"),
                   {limit}, &error))
        return out;
    while (q.next())
        out.append(QJsonObject{{QStringLiteral("subject"), q.value(0).toString()},
                               {QStringLiteral("outbox"),
                                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array()}});
    return out;
}

bool CollectorForgets::done(const QJsonArray &forgotten)
{
    QSqlQuery q(m_db);
    for (const QJsonValue &v : forgotten) {
        if (!Sql::exec(lcCollector(), q,
                       QStringLiteral("DELETE FROM collector_forgets WHERE subject = ?"),
                       {v.toObject().value(QStringLiteral("subject")).toString()}, &m_error))
            return false;
    }
    return true;
}

} // namespace masir
