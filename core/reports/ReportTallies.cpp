#include "reports/ReportTallies.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace masir {

ReportTallies::ReportTallies(const Database &db)
    : m_db(db)
{}

std::optional<qint64> ReportTallies::recount()
{
    m_error.clear();
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    for (const QString &sql : Migrations::tallyStatements(SqlDialect(m_db.connection())))
        if (!Sql::exec(lcReports(), q, sql, {}, &m_error))
            return std::nullopt;
    if (!Sql::exec(lcReports(), q, QStringLiteral("SELECT count(*) FROM event_tallies"), {},
                   &m_error) ||
        !q.next())
        return std::nullopt;
    const qint64 rows = q.value(0).toLongLong();
    q.finish();
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return rows;
}

} // namespace masir
