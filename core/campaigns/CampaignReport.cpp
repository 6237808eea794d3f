#include "campaigns/CampaignReport.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace masir {

void CampaignFigures::add(const CampaignFigures &o)
{
    for (auto it = o.states.cbegin(); it != o.states.cend(); ++it)
        states[it.key()] += it.value();
    sent += o.sent;
    failed += o.failed;
    bounced += o.bounced;
    delivered += o.delivered;
    uniqueOpens += o.uniqueOpens;
    opens += o.opens;
    machineOpens += o.machineOpens;
    uniqueClicks += o.uniqueClicks;
    clicks += o.clicks;
    machineClicks += o.machineClicks;
    unsubscribes += o.unsubscribes;
    complaints += o.complaints;
    conversions += o.conversions;
    revenue += o.revenue;
    revenueSquares += o.revenueSquares;
}

QJsonObject CampaignFigures::toJson() const
{
    QJsonObject messages;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        messages.insert(it.key(), it.value());
    return {{QStringLiteral("variant"), variant},
            {QStringLiteral("messages"), messages},
            {QStringLiteral("sent"), sent},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("bounced"), bounced},
            {QStringLiteral("delivered"), delivered},
            {QStringLiteral("uniqueOpens"), uniqueOpens},
            {QStringLiteral("opens"), opens},
            {QStringLiteral("machineOpens"), machineOpens},
            {QStringLiteral("uniqueClicks"), uniqueClicks},
            {QStringLiteral("clicks"), clicks},
            {QStringLiteral("machineClicks"), machineClicks},
            {QStringLiteral("unsubscribes"), unsubscribes},
            {QStringLiteral("complaints"), complaints},
            {QStringLiteral("conversions"), conversions},
            {QStringLiteral("revenue"), revenue}};
}

CampaignReport::CampaignReport(const Database &db)
    : m_db(db)
{}

CampaignFigures &CampaignReport::figuresOf(CampaignReportData &r, int variant)
{
    for (CampaignFigures &f : r.variants)
        if (f.variant == variant)
            return f;
    CampaignFigures f;
    f.variant = variant;
    auto it = std::lower_bound(r.variants.begin(), r.variants.end(), variant,
                               [](const CampaignFigures &a, int v) { return a.variant < v; });
    return *r.variants.insert(it, f);
}

std::optional<CampaignReportData> CampaignReport::build(qint64 campaignId)
{
    CampaignReportData r;
    // One state of the workspace for both reads.
    Transaction tx(m_db.connection(), Transaction::Mode::ReadSnapshot);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT variant, state, count(*) FROM outbox WHERE "
                                  "campaign_id = ? GROUP BY variant, state"),
                   {campaignId}, &m_error))
        return std::nullopt;
    while (q.next()) {
        CampaignFigures &f = figuresOf(r, q.value(0).toInt());
        const QString state = q.value(1).toString();
        const qint64 n = q.value(2).toLongLong();
        f.states[state] += n;
        if (state == QLatin1String("sent"))
            f.sent += n;
        else if (state == QLatin1String("failed"))
            f.failed += n;
    }
    // What recipients did, added up per variant as it was counted
    // (CampaignActivity), purchases included (last touch, at the time).
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT variant, unique_opens, opens, machine_opens, "
                                  "unique_clicks, clicks, machine_clicks, unsubscribes, "
                                  "complaints, bounces, conversions, revenue, revenue_squares "
                                  "FROM campaign_totals WHERE campaign_id = ?"),
                   {campaignId}, &m_error))
        return std::nullopt;
    while (q.next()) {
        CampaignFigures &f = figuresOf(r, q.value(0).toInt());
        f.uniqueOpens = q.value(1).toLongLong();
        f.opens = q.value(2).toLongLong();
        f.machineOpens = q.value(3).toLongLong();
        f.uniqueClicks = q.value(4).toLongLong();
        f.clicks = q.value(5).toLongLong();
        f.machineClicks = q.value(6).toLongLong();
        f.unsubscribes = q.value(7).toLongLong();
        f.complaints = q.value(8).toLongLong();
        f.bounced = q.value(9).toLongLong();
        f.conversions = q.value(10).toLongLong();
        f.revenue = q.value(11).toDouble();
        f.revenueSquares = q.value(12).toDouble();
    }
    for (CampaignFigures &f : r.variants) {
        f.delivered = std::max<qint64>(0, f.sent - f.bounced);
        r.total.add(f);
    }
    r.total.variant = -1;
    return r;
}

} // namespace masir
