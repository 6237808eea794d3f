#include "campaigns/CampaignReport.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QJsonArray>
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
    firstConversions += o.firstConversions;
    firstRevenue += o.firstRevenue;
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
            {QStringLiteral("revenue"), revenue},
            {QStringLiteral("firstTouchConversions"), firstConversions},
            {QStringLiteral("firstTouchRevenue"), firstRevenue}};
}

QList<QList<QStringList>> CampaignReportData::tables() const
{
    QList<CampaignFigures> columns = variants;
    columns.prepend(total);
    QList<QStringList> figures{{QStringLiteral("measure")}};
    for (const CampaignFigures &f : columns)
        figures.first() << (f.variant < 0 ? QStringLiteral("all")
                                          : QStringLiteral("variant %1").arg(f.variant));
    const QJsonObject first = columns.first().toJson();
    for (auto it = first.constBegin(); it != first.constEnd(); ++it) {
        if (!it.value().isDouble() || it.key() == QLatin1String("variant"))
            continue;
        QStringList row{it.key()};
        for (const CampaignFigures &f : columns)
            row << QString::number(f.toJson().value(it.key()).toDouble(), 'g', 15);
        figures << row;
    }
    QList<QStringList> linkRows{{QStringLiteral("variant"), QStringLiteral("link"),
                                 QStringLiteral("url"), QStringLiteral("clicks")}};
    for (const CampaignLink &l : links)
        linkRows << QStringList{QString::number(l.variant), QString::number(l.link + 1), l.url,
                                QString::number(l.clicks)};
    QList<QStringList> hourRows{
        {QStringLiteral("hoursAfterSending"), QStringLiteral("opens"), QStringLiteral("clicks")}};
    for (const CampaignHour &h : hours)
        hourRows << QStringList{QString::number(h.hour), QString::number(h.opens),
                                QString::number(h.clicks)};
    return {figures, linkRows, hourRows};
}

QJsonObject CampaignReportData::toJson() const
{
    QJsonArray variantList;
    for (const CampaignFigures &f : variants)
        variantList.append(f.toJson());
    QJsonArray linkList;
    for (const CampaignLink &l : links)
        linkList.append(QJsonObject{{QStringLiteral("variant"), l.variant},
                                    {QStringLiteral("link"), l.link},
                                    {QStringLiteral("url"), l.url},
                                    {QStringLiteral("clicks"), l.clicks}});
    QJsonArray hourList;
    for (const CampaignHour &h : hours)
        hourList.append(QJsonObject{{QStringLiteral("hour"), h.hour},
                                    {QStringLiteral("opens"), h.opens},
                                    {QStringLiteral("clicks"), h.clicks}});
    QJsonObject all = total.toJson();
    all.remove(QStringLiteral("variant"));
    return {{QStringLiteral("total"), all},
            {QStringLiteral("variants"), variantList},
            {QStringLiteral("links"), linkList},
            {QStringLiteral("hours"), hourList}};
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
                                  "complaints, bounces, conversions, revenue, revenue_squares, "
                                  "first_conversions, first_revenue FROM campaign_totals WHERE "
                                  "campaign_id = ?"),
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
        f.firstConversions = q.value(13).toLongLong();
        f.firstRevenue = q.value(14).toDouble();
    }
    if (!readLinks(campaignId, r) || !readHours(campaignId, r))
        return std::nullopt;
    for (CampaignFigures &f : r.variants) {
        f.delivered = std::max<qint64>(0, f.sent - f.bounced);
        r.total.add(f);
    }
    r.total.variant = -1;
    return r;
}

bool CampaignReport::readLinks(qint64 campaignId, CampaignReportData &r)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT variant, link, url, clicks FROM campaign_links WHERE "
                                  "campaign_id = ? ORDER BY clicks DESC, link, variant"),
                   {campaignId}, &m_error))
        return false;
    while (q.next())
        r.links << CampaignLink{q.value(0).toInt(), q.value(1).toInt(), q.value(2).toString(),
                                q.value(3).toLongLong()};
    return true;
}

bool CampaignReport::readHours(qint64 campaignId, CampaignReportData &r)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT hour, sum(opens), sum(clicks) FROM campaign_hours WHERE "
                                  "campaign_id = ? GROUP BY hour ORDER BY hour"),
                   {campaignId}, &m_error))
        return false;
    while (q.next()) {
        const int hour = q.value(0).toInt();
        while (r.hours.size() < hour) // the quiet hours too, for the chart
            r.hours << CampaignHour{int(r.hours.size())};
        r.hours << CampaignHour{hour, q.value(1).toLongLong(), q.value(2).toLongLong()};
    }
    return true;
}

} // namespace masir
