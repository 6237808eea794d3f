#include "privacy/PrivacyLog.h"

#include "common/Logging.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

namespace masir {

PrivacyLog::PrivacyLog(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool PrivacyLog::record(const QString &action, const QString &subjectHash, const QString &byUser,
                        const QString &detail, qint64 atMs)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcCrm(), q,
                     QStringLiteral("INSERT INTO privacy_log (action, subject_hash, by_user, "
                                    "detail, created_at) VALUES (?, ?, ?, ?, ?)"),
                     {action, subjectHash, SqlValues::text(byUser), SqlValues::text(detail), atMs},
                     &m_error);
}

QList<PrivacyLogEntry> PrivacyLog::entries(int limit) const
{
    QList<PrivacyLogEntry> out;
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT created_at, action, subject_hash, by_user, detail FROM "
                                  "privacy_log ORDER BY id DESC LIMIT ?"),
                   {limit}, &error))
        return out;
    while (q.next())
        out << PrivacyLogEntry{QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC),
                               q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                               q.value(4).toString()};
    return out;
}

} // namespace masir
