#pragma once

#include "reports/DashboardReport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Revenue owed to one channel, campaign or journey in the period (last
/// touch), against what its messages cost.
struct RevenueLine
{
    QString key;  ///< "email", "sms", "" (no message: direct); a campaign's or journey's id
    QString name; ///< a campaign's or journey's name
    qint64 purchases = 0;
    double revenue = 0;
    qint64 messages = 0; ///< sent: in the period for a channel, in all for a campaign
    double cost = 0;     ///< messages at the cost per message of their channel
    /// (revenue - cost) / cost; nullopt without a cost
    std::optional<double> roi() const;
};

/// The cost of winning a customer from one source in the period.
struct Acquisition
{
    QString source;
    qint64 newCustomers = 0; ///< whose first purchase fell in the period
    double cost = 0;         ///< the costs entered for the months it touches
    std::optional<double> cac() const;
};

/// Lifetime value of one segment's customers.
struct SegmentValue
{
    qint64 segmentId = 0;
    QString name;
    qint64 customers = 0;
    double lifetime = 0;  ///< average revenue per customer, over their life
    double firstYear = 0; ///< ... in the year from their first purchase
    double revenue = 0;   ///< what the segment's contacts bought in the period
};

/// Revenue in one month of the period, by channel (the stacked chart).
struct RevenueMonth
{
    QDate first; ///< the month's first day in the period
    double email = 0;
    double sms = 0;
    double direct = 0;
};

struct Revenue
{
    ReportPeriod period;
    double total = 0;
    qint64 purchases = 0;
    double costPerEmail = 0;
    double costPerSms = 0;
    QList<RevenueLine> channels; ///< email, sms, direct
    QList<RevenueLine> campaigns;
    QList<RevenueLine> journeys;
    QList<Acquisition> acquisition;
    QList<SegmentValue> segments;
    QList<RevenueMonth> months;

    QJsonObject toJson() const;
    /// The tables, raw (a header first), for CSV.
    QList<QList<QStringList>> tables() const;
};

/// Money (Reports → Revenue, `masir-cli report revenue`): a period's revenue
/// per channel, campaign and journey by last touch (attributed_revenue) with
/// ROI from the cost per message the user enters; the cost of acquiring a
/// customer per source from the monthly costs entered (AcquisitionCosts);
/// lifetime value per segment (contact_purchases), over their life and their
/// first year.
class RevenueReport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::RevenueReport)

public:
    explicit RevenueReport(const Database &db);

    static constexpr int kMaxSegments = 12;

    std::optional<Revenue> build(const ReportPeriod &period);
    QString errorString() const { return m_error; }

private:
    bool channels(Revenue &r);
    bool campaigns(Revenue &r);
    bool journeys(Revenue &r);
    bool acquisition(Revenue &r);
    bool segments(Revenue &r);
    bool months(Revenue &r);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
