#include "reports/RfmReport.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "reports/DashboardReport.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

namespace masir {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

struct Customer
{
    qint64 recency = 0;
    qint64 orders = 0;
    double revenue = 0;
};

/// The last value of each of the first four fifths of \a sorted.
template<typename T> std::array<T, 4> cutsOf(const std::vector<T> &sorted)
{
    std::array<T, 4> cuts{};
    const size_t n = sorted.size();
    for (size_t k = 1; k <= 4 && n > 0; ++k)
        cuts[k - 1] = sorted.at((n * k + 4) / 5 - 1);
    return cuts;
}

/// 1 + how many cuts \a value is above: 1 to 5.
template<typename T> int above(const std::array<T, 4> &cuts, T value)
{
    int n = 1;
    for (const T &c : cuts)
        n += value > c ? 1 : 0;
    return n;
}

SegmentNode purchased(const QString &op, int times, int days)
{
    SegmentNode n = SegmentNode::condition(QStringLiteral("event"), QString(), op);
    n.event = EventType::Purchase;
    n.times = times;
    n.days = days;
    return n;
}

} // namespace

QJsonObject Rfm::toJson() const
{
    QJsonArray list;
    for (const RfmGroup &g : groups)
        list.append(QJsonObject{{QStringLiteral("group"), g.key},
                                {QStringLiteral("recency"), QJsonArray{g.rLow, g.rHigh}},
                                {QStringLiteral("frequency"), QJsonArray{g.fLow, g.fHigh}},
                                {QStringLiteral("customers"), g.customers},
                                {QStringLiteral("revenue"), g.revenue},
                                {QStringLiteral("daysSinceLastPurchase"), g.recencyDays},
                                {QStringLiteral("orders"), g.orders},
                                {QStringLiteral("revenuePerCustomer"), g.monetary}});
    QJsonArray recencyList, orderList, revenueList;
    for (int k = 0; k < 4; ++k) {
        recencyList.append(double(recencyCuts[k]) / kDayMs);
        orderList.append(orderCuts[k]);
        revenueList.append(revenueCuts[k]);
    }
    return {{QStringLiteral("asOf"),
             QDateTime::fromMSecsSinceEpoch(asOfMs, QTimeZone::utc()).toString(Qt::ISODate)},
            {QStringLiteral("customers"), customers},
            {QStringLiteral("revenue"), revenue},
            {QStringLiteral("quintiles"),
             QJsonObject{{QStringLiteral("daysSinceLastPurchase"), recencyList},
                         {QStringLiteral("orders"), orderList},
                         {QStringLiteral("revenue"), revenueList}}},
            {QStringLiteral("groups"), list}};
}

QList<QStringList> Rfm::rows() const
{
    QList<QStringList> out{{QStringLiteral("group"), QStringLiteral("recency"),
                            QStringLiteral("frequency"), QStringLiteral("customers"),
                            QStringLiteral("revenue"), QStringLiteral("daysSinceLastPurchase"),
                            QStringLiteral("orders"), QStringLiteral("revenuePerCustomer")}};
    for (const RfmGroup &g : groups)
        out << QStringList{g.key,
                           QStringLiteral("%1-%2").arg(g.rLow).arg(g.rHigh),
                           QStringLiteral("%1-%2").arg(g.fLow).arg(g.fHigh),
                           QString::number(g.customers),
                           QString::number(g.revenue, 'f', 2),
                           QString::number(g.recencyDays, 'f', 1),
                           QString::number(g.orders, 'f', 2),
                           QString::number(g.monetary, 'f', 2)};
    return out;
}

RfmReport::RfmReport(const Database &db)
    : m_db(db)
{}

QList<RfmGroup> RfmReport::groupDefinitions()
{
    // R (rows) by F (columns): each cell in exactly one group
    return {
        {QStringLiteral("champions"), 4, 5, 4, 5}, {QStringLiteral("loyal"), 3, 3, 4, 5},
        {QStringLiteral("potential"), 4, 5, 2, 3}, {QStringLiteral("new"), 5, 5, 1, 1},
        {QStringLiteral("promising"), 4, 4, 1, 1}, {QStringLiteral("attention"), 3, 3, 3, 3},
        {QStringLiteral("sleeping"), 3, 3, 1, 2},  {QStringLiteral("cant_lose"), 1, 2, 5, 5},
        {QStringLiteral("at_risk"), 1, 2, 3, 4},   {QStringLiteral("hibernating"), 2, 2, 1, 2},
        {QStringLiteral("lost"), 1, 1, 1, 2},
    };
}

QString RfmReport::groupLabel(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("champions"), QT_TR_NOOP("Champions")},
        {QStringLiteral("loyal"), QT_TR_NOOP("Loyal customers")},
        {QStringLiteral("potential"), QT_TR_NOOP("Potential loyalists")},
        {QStringLiteral("new"), QT_TR_NOOP("New customers")},
        {QStringLiteral("promising"), QT_TR_NOOP("Promising")},
        {QStringLiteral("attention"), QT_TR_NOOP("Need attention")},
        {QStringLiteral("sleeping"), QT_TR_NOOP("About to sleep")},
        {QStringLiteral("cant_lose"), QT_TR_NOOP("Can't lose them")},
        {QStringLiteral("at_risk"), QT_TR_NOOP("At risk")},
        {QStringLiteral("hibernating"), QT_TR_NOOP("Hibernating")},
        {QStringLiteral("lost"), QT_TR_NOOP("Lost")}};
    const char *label = labels.value(key);
    return label ? tr(label) : key;
}

QString RfmReport::groupDescription(const QString &key)
{
    static const QHash<QString, const char *> texts{
        {QStringLiteral("champions"), QT_TR_NOOP("Bought recently and often: reward them.")},
        {QStringLiteral("loyal"), QT_TR_NOOP("Buy often; not in the last while.")},
        {QStringLiteral("potential"), QT_TR_NOOP("Recent customers who came back.")},
        {QStringLiteral("new"), QT_TR_NOOP("Bought once, very recently.")},
        {QStringLiteral("promising"), QT_TR_NOOP("Bought once, recently.")},
        {QStringLiteral("attention"), QT_TR_NOOP("Average on both: a nudge helps.")},
        {QStringLiteral("sleeping"), QT_TR_NOOP("Few orders, fading.")},
        {QStringLiteral("cant_lose"), QT_TR_NOOP("Bought the most, long ago: win them back.")},
        {QStringLiteral("at_risk"), QT_TR_NOOP("Bought often, long ago.")},
        {QStringLiteral("hibernating"), QT_TR_NOOP("Few orders, long ago.")},
        {QStringLiteral("lost"), QT_TR_NOOP("One or two orders, longest ago.")}};
    const char *text = texts.value(key);
    return text ? tr(text) : QString();
}

std::optional<Rfm> RfmReport::build(qint64 asOfMs)
{
    const ReportRead read(m_db);
    if (!read.started(m_error))
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT last_at, orders, revenue FROM contact_purchases WHERE "
                                  "orders > 0 AND first_at <= ?"),
                   {asOfMs}, &m_error))
        return std::nullopt;
    std::vector<Customer> customers;
    while (q.next())
        customers.push_back({std::max<qint64>(0, asOfMs - q.value(0).toLongLong()),
                             q.value(1).toLongLong(), q.value(2).toDouble()});
    q.finish();

    Rfm r;
    r.asOfMs = asOfMs;
    r.customers = qint64(customers.size());
    std::vector<qint64> recency, orders;
    std::vector<double> revenue;
    recency.reserve(customers.size());
    orders.reserve(customers.size());
    revenue.reserve(customers.size());
    for (const Customer &c : customers) {
        recency.push_back(c.recency);
        orders.push_back(c.orders);
        revenue.push_back(c.revenue);
        r.revenue += c.revenue;
    }
    std::sort(recency.begin(), recency.end());
    std::sort(orders.begin(), orders.end());
    std::sort(revenue.begin(), revenue.end());
    r.recencyCuts = cutsOf(recency);
    r.orderCuts = cutsOf(orders);
    r.revenueCuts = cutsOf(revenue);

    r.groups = groupDefinitions();
    for (const Customer &c : customers) {
        const int score = 6 - above(r.recencyCuts, c.recency); // the most recent: 5
        const int f = above(r.orderCuts, c.orders);
        ++r.grid[score - 1][f - 1];
        ++r.byMonetary[above(r.revenueCuts, c.revenue) - 1];
        for (RfmGroup &g : r.groups) {
            if (score < g.rLow || score > g.rHigh || f < g.fLow || f > g.fHigh)
                continue;
            ++g.customers;
            g.revenue += c.revenue;
            g.recencyDays += double(c.recency) / kDayMs;
            g.orders += double(c.orders);
            break;
        }
    }
    for (RfmGroup &g : r.groups) {
        if (!g.customers)
            continue;
        g.recencyDays /= double(g.customers);
        g.orders /= double(g.customers);
        g.monetary = g.revenue / double(g.customers);
    }
    return r;
}

SegmentRule RfmReport::segmentRule(const Rfm &rfm, const RfmGroup &group)
{
    // R at least k: the last purchase within the (5 - k)th recency cut
    const auto days = [&rfm](int score) {
        return std::max(1, int(std::ceil(double(rfm.recencyCuts[5 - score]) / kDayMs)));
    };
    // F at least k: more orders than the (k - 2)th cut
    const auto times = [&rfm](int score) { return int(rfm.orderCuts[score - 2] + 1); };
    SegmentRule rule;
    rule.root.children << purchased(QStringLiteral("did"), 1, 0); // customers only
    if (group.rLow > 1)
        rule.root.children << purchased(QStringLiteral("did"), 1, days(group.rLow));
    if (group.rHigh < 5)
        rule.root.children << purchased(QStringLiteral("did_not"), 1, days(group.rHigh + 1));
    if (group.fLow > 1)
        rule.root.children << purchased(QStringLiteral("did"), times(group.fLow), 0);
    if (group.fHigh < 5)
        rule.root.children << purchased(QStringLiteral("did_not"), times(group.fHigh + 1), 0);
    return rule;
}

} // namespace masir
