#include "reports/AcquisitionCosts.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QSqlQuery>

#include <cmath>

namespace masir {

AcquisitionCosts::AcquisitionCosts(const Database &db)
    : m_db(db)
{}

std::optional<QList<AcquisitionCost>> AcquisitionCosts::list() const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT month, source, amount FROM acquisition_costs ORDER BY "
                                  "month DESC, source"),
                   {}, &m_error))
        return std::nullopt;
    QList<AcquisitionCost> out;
    while (q.next())
        out << AcquisitionCost{QDate::fromString(q.value(0).toString(), Qt::ISODate),
                               q.value(1).toString(), q.value(2).toDouble()};
    return out;
}

bool AcquisitionCosts::set(const AcquisitionCost &cost)
{
    const QString source = cost.source.trimmed();
    if (!cost.month.isValid()) {
        m_error = tr("Choose the month the cost is for.");
        return false;
    }
    if (source.isEmpty()) {
        m_error = tr("Name the source the cost is for, as contacts have it (\"instagram\").");
        return false;
    }
    if (!std::isfinite(cost.amount) || cost.amount < 0) {
        m_error = tr("A cost is an amount of 0 or more.");
        return false;
    }
    QSqlQuery q(m_db.connection());
    return Sql::exec(lcReports(), q,
                     QStringLiteral("INSERT INTO acquisition_costs (month, source, amount) VALUES "
                                    "(?, ?, ?) ON CONFLICT (month, source) DO UPDATE SET amount = "
                                    "excluded.amount"),
                     {cost.month.toString(Qt::ISODate), source, cost.amount}, &m_error);
}

bool AcquisitionCosts::remove(QDate month, const QString &source)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(lcReports(), q,
                     QStringLiteral("DELETE FROM acquisition_costs WHERE month = ? AND source = ?"),
                     {month.toString(Qt::ISODate), source}, &m_error);
}

} // namespace masir
