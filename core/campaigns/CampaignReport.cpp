#include "campaigns/CampaignReport.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
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

std::optional<CampaignReportData> CampaignReport::build(qint64 campaignId, qint64 startedAtMs,
                                                        qint64 attributionMs)
{
    CampaignReportData r;
    r.attributionMs = attributionMs;
    // One state of the workspace for all three reads.
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
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral(
                       "SELECT variant, sum(CASE WHEN opens > 0 THEN 1 ELSE 0 END), sum(opens), "
                       "sum(machine_opens), sum(CASE WHEN clicks > 0 THEN 1 ELSE 0 END), "
                       "sum(clicks), sum(machine_clicks), sum(unsubscribed), sum(complained), "
                       "sum(bounced) FROM campaign_activity WHERE campaign_id = ? GROUP BY "
                       "variant"),
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
    }
    // Purchases after a message of this campaign, within the window, with no
    // other marketing message to that contact in between (last touch).
    const QString amount = SqlDialect::toNumber(SqlDialect::jsonValue(QStringLiteral("e.payload")));
    // Read from the purchases since the campaign started (few), each joined to
    // its contact's message of this campaign, not from the campaign's messages.
    if (!Sql::exec(
            lcCampaigns(), q,
            QStringLiteral(
                "SELECT o.variant, count(*), sum(COALESCE(%1, 0)), "
                "sum(COALESCE(%1, 0) * COALESCE(%1, 0)) FROM events e CROSS JOIN outbox o "
                "WHERE e.type = 'purchase' AND e.occurred_at >= ? AND o.contact_id = "
                "e.contact_id AND o.campaign_id = ? AND o.state = 'sent' AND o.sent_at <= "
                "e.occurred_at AND e.occurred_at <= o.sent_at + ? AND NOT EXISTS (SELECT 1 "
                "FROM outbox o2 WHERE o2.contact_id = o.contact_id AND o2.state = 'sent' AND "
                "o2.marketing = 1 AND o2.sent_at > o.sent_at AND o2.sent_at <= e.occurred_at) "
                "GROUP BY o.variant")
                .arg(amount),
            {SqlDialect::jsonPath(QStringLiteral("amount")),
             SqlDialect::jsonPath(QStringLiteral("amount")),
             SqlDialect::jsonPath(QStringLiteral("amount")), startedAtMs, campaignId,
             attributionMs},
            &m_error))
        return std::nullopt;
    while (q.next()) {
        CampaignFigures &f = figuresOf(r, q.value(0).toInt());
        f.conversions = q.value(1).toLongLong();
        f.revenue = q.value(2).toDouble();
        f.revenueSquares = q.value(3).toDouble();
    }
    for (CampaignFigures &f : r.variants) {
        f.delivered = std::max<qint64>(0, f.sent - f.bounced);
        r.total.add(f);
    }
    r.total.variant = -1;
    return r;
}

} // namespace masir
