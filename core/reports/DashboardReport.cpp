#include "reports/DashboardReport.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

namespace masir {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
const QDate kEpoch(1970, 1, 1);

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

/// The zone's offset at the period's start: days are cut at its midnight.
qint64 offsetMs(const ReportPeriod &p)
{
    return qint64(p.zone.offsetFromUtc(QDateTime(p.first, QTime(0, 0), p.zone))) * 1000;
}

QString dayExpression(const QString &column)
{
    return QStringLiteral("(%1 + ?) / %2").arg(column).arg(kDayMs);
}

} // namespace

qint64 ReportPeriod::fromMs() const
{
    return QDateTime(first, QTime(0, 0), zone).toMSecsSinceEpoch();
}

qint64 ReportPeriod::toMs() const
{
    return QDateTime(last.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
}

QString ReportPeriod::problem() const
{
    if (!first.isValid() || !last.isValid() || last < first)
        return tr("The period must start on or before the day it ends.");
    return QString();
}

ReportRead::ReportRead(const Database &db, const ReportPeriod *period)
    : m_problem(period ? period->problem() : QString())
{
    if (m_problem.isEmpty())
        m_snapshot =
            std::make_unique<Transaction>(db.connection(), Transaction::Mode::ReadSnapshot);
}

ReportRead::~ReportRead() = default;

bool ReportRead::started(QString &error) const
{
    error = m_snapshot ? m_snapshot->errorString() : m_problem;
    return m_snapshot && m_snapshot->isActive();
}

ReportPeriod ReportPeriod::previous() const
{
    return {first.addDays(-days()), first.addDays(-1), zone};
}

ReportPeriod ReportPeriod::lastDays(int days, QDate today, const QTimeZone &zone)
{
    return {today.addDays(1 - std::max(days, 1)), today, zone};
}

qint64 DashboardFigures::delivered() const
{
    return std::max<qint64>(0, emailsSent - bounces);
}

double DashboardFigures::deliveryRate() const
{
    return ratio(delivered(), emailsSent);
}

double DashboardFigures::openRate() const
{
    return ratio(uniqueOpens, delivered());
}

double DashboardFigures::clickRate() const
{
    return ratio(uniqueClicks, delivered());
}

QJsonObject DashboardFigures::toJson() const
{
    return {{QStringLiteral("newContacts"), newContacts},
            {QStringLiteral("leads"), leads},
            {QStringLiteral("mqls"), mqls},
            {QStringLiteral("sqls"), sqls},
            {QStringLiteral("customers"), customers},
            {QStringLiteral("emailsSent"), emailsSent},
            {QStringLiteral("smsSent"), smsSent},
            {QStringLiteral("bounces"), bounces},
            {QStringLiteral("complaints"), complaints},
            {QStringLiteral("unsubscribes"), unsubscribes},
            {QStringLiteral("delivered"), delivered()},
            {QStringLiteral("uniqueOpens"), uniqueOpens},
            {QStringLiteral("uniqueClicks"), uniqueClicks},
            {QStringLiteral("deliveryRate"), deliveryRate()},
            {QStringLiteral("openRate"), openRate()},
            {QStringLiteral("clickRate"), clickRate()},
            {QStringLiteral("purchases"), purchases},
            {QStringLiteral("revenue"), revenue}};
}

QJsonObject Dashboard::toJson() const
{
    QJsonArray dayList;
    for (const DashboardDay &d : days)
        dayList.append(QJsonObject{{QStringLiteral("day"), d.day.toString(Qt::ISODate)},
                                   {QStringLiteral("emailsSent"), d.emailsSent},
                                   {QStringLiteral("opens"), d.opens},
                                   {QStringLiteral("clicks"), d.clicks},
                                   {QStringLiteral("newContacts"), d.newContacts},
                                   {QStringLiteral("revenue"), d.revenue}});
    QJsonArray sourceList;
    for (const DashboardSource &s : sources)
        sourceList.append(QJsonObject{{QStringLiteral("source"), s.source},
                                      {QStringLiteral("contacts"), s.contacts}});
    QJsonArray campaignList;
    for (const DashboardCampaign &c : campaigns)
        campaignList.append(QJsonObject{{QStringLiteral("name"), c.name},
                                        {QStringLiteral("recipients"), c.recipients},
                                        {QStringLiteral("conversions"), c.conversions},
                                        {QStringLiteral("revenue"), c.revenue}});
    QJsonArray journeyList;
    for (const DashboardJourney &j : journeys)
        journeyList.append(QJsonObject{{QStringLiteral("name"), j.name},
                                       {QStringLiteral("conversions"), j.conversions},
                                       {QStringLiteral("revenue"), j.revenue}});
    return {{QStringLiteral("from"), period.first.toString(Qt::ISODate)},
            {QStringLiteral("to"), period.last.toString(Qt::ISODate)},
            {QStringLiteral("figures"), figures.toJson()},
            {QStringLiteral("previous"), before.toJson()},
            {QStringLiteral("days"), dayList},
            {QStringLiteral("sources"), sourceList},
            {QStringLiteral("campaigns"), campaignList},
            {QStringLiteral("journeys"), journeyList}};
}

QList<QStringList> Dashboard::figureRows() const
{
    QList<QStringList> rows{{QStringLiteral("metric"),
                             period.first.toString(Qt::ISODate) + QStringLiteral("..") +
                                 period.last.toString(Qt::ISODate),
                             QStringLiteral("previous")}};
    const QJsonObject now = figures.toJson();
    const QJsonObject then = before.toJson();
    for (auto it = now.constBegin(); it != now.constEnd(); ++it)
        rows << QStringList{it.key(), QString::number(it.value().toDouble(), 'g', 12),
                            QString::number(then.value(it.key()).toDouble(), 'g', 12)};
    return rows;
}

QList<QStringList> Dashboard::dayRows() const
{
    QList<QStringList> rows{{QStringLiteral("day"), QStringLiteral("emailsSent"),
                             QStringLiteral("opens"), QStringLiteral("clicks"),
                             QStringLiteral("newContacts"), QStringLiteral("revenue")}};
    for (const DashboardDay &d : days)
        rows << QStringList{d.day.toString(Qt::ISODate),    QString::number(d.emailsSent),
                            QString::number(d.opens),       QString::number(d.clicks),
                            QString::number(d.newContacts), QString::number(d.revenue, 'f', 2)};
    return rows;
}

DashboardReport::DashboardReport(const Database &db)
    : m_db(db)
{}

std::optional<Dashboard> DashboardReport::build(const ReportPeriod &period)
{
    const ReportRead read(m_db, &period); // every part sees the same workspace
    if (!read.started(m_error))
        return std::nullopt;
    Dashboard d;
    d.period = period;
    if (!figures(period, d.figures) || !figures(period.previous(), d.before) ||
        !daily(period, d.days) || !sources(period, d.sources) || !campaigns(period, d.campaigns) ||
        !journeys(period, d.journeys))
        return std::nullopt;
    return d;
}

bool DashboardReport::figures(const ReportPeriod &p, DashboardFigures &out)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT kind, sum(events), sum(firsts), sum(amount) FROM "
                                  "event_tallies WHERE slot >= ? AND slot < ? GROUP BY kind"),
                   {p.fromMs() / EventTally::kSlotMs, p.toMs() / EventTally::kSlotMs}, &m_error))
        return false;
    const QHash<QString, qint64 DashboardFigures::*> counted{
        {EventType::EmailSent, &DashboardFigures::emailsSent},
        {EventType::SmsSent, &DashboardFigures::smsSent},
        {EventType::EmailBounced, &DashboardFigures::bounces},
        {EventType::EmailComplained, &DashboardFigures::complaints},
        {EventType::Unsubscribed, &DashboardFigures::unsubscribes},
        {EventType::Purchase, &DashboardFigures::purchases}};
    // contacts who reached a stage for the first time
    const QHash<QString, qint64 DashboardFigures::*> reached{
        {EventType::StageChanged + QStringLiteral(":lead"), &DashboardFigures::leads},
        {EventType::StageChanged + QStringLiteral(":mql"), &DashboardFigures::mqls},
        {EventType::StageChanged + QStringLiteral(":sql"), &DashboardFigures::sqls},
        {EventType::StageChanged + QStringLiteral(":customer"), &DashboardFigures::customers}};
    while (q.next()) {
        const QString kind = q.value(0).toString();
        if (const auto it = counted.constFind(kind); it != counted.cend())
            out.*(*it) = q.value(1).toLongLong();
        else if (const auto st = reached.constFind(kind); st != reached.cend())
            out.*(*st) = q.value(2).toLongLong();
        if (kind == EventType::EmailOpened)
            out.uniqueOpens = q.value(2).toLongLong();
        else if (kind == EventType::EmailClicked)
            out.uniqueClicks = q.value(2).toLongLong();
        else if (kind == EventType::Purchase)
            out.revenue = q.value(3).toDouble();
    }
    q.finish();
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT count(*) FROM contacts WHERE created_at >= ? AND "
                                  "created_at < ?"),
                   {p.fromMs(), p.toMs()}, &m_error) ||
        !q.next())
        return false;
    out.newContacts = q.value(0).toLongLong();
    return true;
}

bool DashboardReport::daily(const ReportPeriod &p, QList<DashboardDay> &out)
{
    const qint64 firstDay = kEpoch.daysTo(p.first);
    out.clear();
    for (int i = 0; i < p.days(); ++i)
        out << DashboardDay{p.first.addDays(i)};
    const auto at = [&](qint64 day) -> DashboardDay * {
        const qint64 i = day - firstDay;
        return i >= 0 && i < out.size() ? &out[i] : nullptr;
    };
    const qint64 offset = offsetMs(p);
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT (slot * %1 + ?) / %2 AS day, kind, sum(events), "
                                  "sum(amount) FROM event_tallies WHERE slot >= ? AND slot < ? "
                                  "AND kind IN (?, ?, ?, ?) GROUP BY day, kind")
                       .arg(EventTally::kSlotMs)
                       .arg(kDayMs),
                   {offset, p.fromMs() / EventTally::kSlotMs, p.toMs() / EventTally::kSlotMs,
                    EventType::EmailSent, EventType::EmailOpened, EventType::EmailClicked,
                    EventType::Purchase},
                   &m_error))
        return false;
    while (q.next()) {
        DashboardDay *d = at(q.value(0).toLongLong());
        if (!d)
            continue;
        const QString kind = q.value(1).toString();
        const qint64 n = q.value(2).toLongLong();
        if (kind == EventType::EmailSent)
            d->emailsSent = n;
        else if (kind == EventType::EmailOpened)
            d->opens = n;
        else if (kind == EventType::EmailClicked)
            d->clicks = n;
        else
            d->revenue = q.value(3).toDouble();
    }
    q.finish();
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT %1 AS day, count(*) FROM contacts WHERE created_at >= ? "
                                  "AND created_at < ? GROUP BY day")
                       .arg(dayExpression(QStringLiteral("created_at"))),
                   {offset, p.fromMs(), p.toMs()}, &m_error))
        return false;
    while (q.next())
        if (DashboardDay *d = at(q.value(0).toLongLong()))
            d->newContacts = q.value(1).toLongLong();
    return true;
}

bool DashboardReport::sources(const ReportPeriod &p, QList<DashboardSource> &out)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcReports(), q,
            QStringLiteral("SELECT source, count(*) AS n FROM contacts WHERE created_at >= ? "
                           "AND created_at < ? GROUP BY source ORDER BY n DESC, source"),
            {p.fromMs(), p.toMs()}, &m_error))
        return false;
    out.clear();
    DashboardSource others{tr("Others"), 0};
    while (q.next()) {
        if (out.size() < kTopSources)
            out << DashboardSource{q.value(0).toString(), q.value(1).toLongLong()};
        else
            others.contacts += q.value(1).toLongLong();
    }
    if (others.contacts)
        out << others;
    return true;
}

bool DashboardReport::campaigns(const ReportPeriod &p, QList<DashboardCampaign> &out)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT c.id, c.name, c.recipients, coalesce(sum(t.conversions), "
                                  "0), coalesce(sum(t.revenue), 0) AS revenue FROM campaigns c "
                                  "LEFT JOIN campaign_totals t ON t.campaign_id = c.id WHERE "
                                  "c.started_at >= ? AND c.started_at < ? GROUP BY c.id, c.name, "
                                  "c.recipients ORDER BY revenue DESC, c.id LIMIT ?"),
                   {p.fromMs(), p.toMs(), kTopCampaigns}, &m_error))
        return false;
    out.clear();
    while (q.next())
        out << DashboardCampaign{q.value(0).toLongLong(), q.value(1).toString(),
                                 q.value(2).toLongLong(), q.value(3).toLongLong(),
                                 q.value(4).toDouble()};
    return true;
}

bool DashboardReport::journeys(const ReportPeriod &p, QList<DashboardJourney> &out)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcReports(), q,
            QStringLiteral("SELECT j.id, j.name, sum(r.conversions), sum(r.revenue) AS "
                           "revenue FROM attributed_revenue r JOIN journeys j ON j.id = "
                           "r.journey_id WHERE r.slot >= ? AND r.slot < ? GROUP BY j.id, "
                           "j.name ORDER BY revenue DESC, j.id LIMIT ?"),
            {p.fromMs() / EventTally::kSlotMs, p.toMs() / EventTally::kSlotMs, kTopCampaigns},
            &m_error))
        return false;
    out.clear();
    while (q.next())
        out << DashboardJourney{q.value(0).toLongLong(), q.value(1).toString(),
                                q.value(2).toLongLong(), q.value(3).toDouble()};
    return true;
}

} // namespace masir
