#pragma once

#include "segments/SegmentRule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace masir {

class Database;

/// One of the usual RFM groups: a box of recency (R) and frequency (F)
/// scores, 1 to 5; the boxes cover the grid without overlapping.
struct RfmGroup
{
    QString key; ///< champions, loyal, cant_lose, at_risk, potential, attention, ...
    int rLow = 1, rHigh = 5, fLow = 1, fHigh = 5;
    qint64 customers = 0;
    double revenue = 0;
    double recencyDays = 0; ///< on average, since the last purchase
    double orders = 0;      ///< on average
    double monetary = 0;    ///< revenue per customer
};

/// Customers in quintiles of recency, frequency and monetary value, as of
/// a moment, and in the named groups.
struct Rfm
{
    qint64 asOfMs = 0;
    qint64 customers = 0;
    double revenue = 0;
    /// Where the quintiles are cut (20, 40, 60, 80 %): time since the last
    /// purchase (ms, ascending), orders and revenue.
    std::array<qint64, 4> recencyCuts{};
    std::array<qint64, 4> orderCuts{};
    std::array<double, 4> revenueCuts{};
    QList<RfmGroup> groups;
    std::array<std::array<qint64, 5>, 5> grid{}; ///< customers by [R - 1][F - 1]
    std::array<qint64, 5> byMonetary{};          ///< customers by M score

    QJsonObject toJson() const;
    QList<QStringList> rows() const;
};

/// The RFM view of the customers (Reports → Customers, `masir-cli report
/// rfm`), from contact_purchases (what each customer bought, kept by
/// EventStore): each customer's R, F and M scores, 5 the best, and the
/// groups; a group saved as a segment follows its thresholds live.
class RfmReport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::RfmReport)

public:
    explicit RfmReport(const Database &db);

    static QList<RfmGroup> groupDefinitions();
    static QString groupLabel(const QString &key);
    static QString groupDescription(const QString &key);

    std::optional<Rfm> build(qint64 asOfMs);
    /// The rule of a segment with the customers of \a group: purchases in or
    /// not in the last days and at least (or fewer than) a number of times,
    /// at \a rfm's thresholds (by the day).
    static SegmentRule segmentRule(const Rfm &rfm, const RfmGroup &group);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
