#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// What winning customers from one source cost in one month.
struct AcquisitionCost
{
    QDate month; ///< the first day of the month, in the user's calendar
    QString source;
    double amount = 0;
};

/// The costs a user enters per month and source, for the cost of acquiring a
/// customer (CAC): acquisition_costs' one writer.
class AcquisitionCosts final
{
    Q_DECLARE_TR_FUNCTIONS(masir::AcquisitionCosts)

public:
    explicit AcquisitionCosts(const Database &db);

    std::optional<QList<AcquisitionCost>> list() const;
    /// Sets (or replaces) a month's cost for a source; a negative amount or an
    /// empty source is refused with errorString().
    bool set(const AcquisitionCost &cost);
    bool remove(QDate month, const QString &source);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    mutable QString m_error;
};

} // namespace masir
