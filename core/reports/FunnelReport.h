#pragma once

#include "reports/DashboardReport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace masir {

class Database;

/// One step of the lifecycle funnel.
struct FunnelStep
{
    QString stage;           ///< subscriber, lead, mql, sql, opportunity, customer
    qint64 contacts = 0;     ///< who reached it (a cohort: it or a later stage)
    double fromPrevious = 0; ///< contacts / the previous step's (the first: 1)
    double fromFirst = 0;    ///< contacts / the first step's
    /// The median time from the previous stage to this one, over the contacts
    /// with both on record; -1 when there are none.
    qint64 medianMs = -1;
    qint64 timed = 0; ///< the contacts that median is over
};

struct Funnel
{
    enum class Basis
    {
        /// Stages reached (for the first time) in the period: a flow.
        Period,
        /// The contacts who came in the period, and how far they have got by now.
        Cohort,
    };
    ReportPeriod period;
    Basis basis = Basis::Period;
    QList<FunnelStep> steps;

    QJsonObject toJson() const;
    /// As rows (a header first).
    QList<QStringList> rows() const;
};

/// The lifecycle funnel: subscriber → lead → MQL → SQL → opportunity →
/// customer, from stage_reached (the first time each contact reached each
/// stage, the day it came, and the time since the stage before, noted by
/// StageChanges), with the conversion between steps and the median time from
/// one to the next. `masir-cli report funnel` and Reports → Funnel.
class FunnelReport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::FunnelReport)

public:
    explicit FunnelReport(const Database &db);

    /// The stages the funnel walks, in order.
    static QStringList stages();

    std::optional<Funnel> build(const ReportPeriod &period, Funnel::Basis basis);
    QString errorString() const { return m_error; }

private:
    bool count(Funnel &f);
    bool countPeriod(Funnel &f);
    bool countCohort(Funnel &f);
    static void setMedian(FunnelStep &s, std::vector<qint64> &spans);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
