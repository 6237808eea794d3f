#include "reports/RevenueReport.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "i18n/Formatter.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

namespace masir {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QVariantList slotRange(const ReportPeriod &p)
{
    return {p.fromMs() / EventTally::kSlotMs, p.toMs() / EventTally::kSlotMs};
}

QJsonArray linesJson(const QList<RevenueLine> &lines)
{
    QJsonArray out;
    for (const RevenueLine &l : lines) {
        QJsonObject o{{QStringLiteral("key"), l.key},
                      {QStringLiteral("name"), l.name},
                      {QStringLiteral("purchases"), l.purchases},
                      {QStringLiteral("revenue"), l.revenue},
                      {QStringLiteral("messages"), l.messages},
                      {QStringLiteral("cost"), l.cost}};
        if (const auto roi = l.roi())
            o.insert(QStringLiteral("roi"), *roi);
        out.append(o);
    }
    return out;
}

QList<QStringList> linesRows(const QString &what, const QList<RevenueLine> &lines)
{
    QList<QStringList> rows{{what, QStringLiteral("name"), QStringLiteral("purchases"),
                             QStringLiteral("revenue"), QStringLiteral("messages"),
                             QStringLiteral("cost"), QStringLiteral("roi")}};
    for (const RevenueLine &l : lines)
        rows << QStringList{l.key,
                            l.name,
                            QString::number(l.purchases),
                            QString::number(l.revenue, 'f', 2),
                            QString::number(l.messages),
                            QString::number(l.cost, 'f', 2),
                            l.roi() ? QString::number(*l.roi(), 'f', 4) : QString()};
    return rows;
}

} // namespace

std::optional<double> RevenueLine::roi() const
{
    if (cost <= 0)
        return std::nullopt;
    return (revenue - cost) / cost;
}

std::optional<double> Acquisition::cac() const
{
    if (newCustomers <= 0 || cost <= 0)
        return std::nullopt;
    return cost / double(newCustomers);
}

QJsonObject Revenue::toJson() const
{
    QJsonArray acquisitionList;
    for (const Acquisition &a : acquisition) {
        QJsonObject o{{QStringLiteral("source"), a.source},
                      {QStringLiteral("newCustomers"), a.newCustomers},
                      {QStringLiteral("cost"), a.cost}};
        if (const auto cac = a.cac())
            o.insert(QStringLiteral("cac"), *cac);
        acquisitionList.append(o);
    }
    QJsonArray segmentList;
    for (const SegmentValue &s : segments)
        segmentList.append(QJsonObject{{QStringLiteral("segment"), s.name},
                                       {QStringLiteral("revenue"), s.revenue},
                                       {QStringLiteral("customers"), s.customers},
                                       {QStringLiteral("ltv"), s.lifetime},
                                       {QStringLiteral("ltv12Months"), s.firstYear}});
    QJsonArray monthList;
    for (const RevenueMonth &m : months)
        monthList.append(QJsonObject{{QStringLiteral("from"), m.first.toString(Qt::ISODate)},
                                     {QStringLiteral("email"), m.email},
                                     {QStringLiteral("sms"), m.sms},
                                     {QStringLiteral("direct"), m.direct}});
    return {{QStringLiteral("from"), period.first.toString(Qt::ISODate)},
            {QStringLiteral("to"), period.last.toString(Qt::ISODate)},
            {QStringLiteral("revenue"), total},
            {QStringLiteral("purchases"), purchases},
            {QStringLiteral("channels"), linesJson(channels)},
            {QStringLiteral("campaigns"), linesJson(campaigns)},
            {QStringLiteral("journeys"), linesJson(journeys)},
            {QStringLiteral("acquisition"), acquisitionList},
            {QStringLiteral("segments"), segmentList},
            {QStringLiteral("months"), monthList}};
}

QList<QList<QStringList>> Revenue::tables() const
{
    QList<QStringList> acquisitionRows{{QStringLiteral("source"), QStringLiteral("newCustomers"),
                                        QStringLiteral("cost"), QStringLiteral("cac")}};
    for (const Acquisition &a : acquisition)
        acquisitionRows << QStringList{a.source, QString::number(a.newCustomers),
                                       QString::number(a.cost, 'f', 2),
                                       a.cac() ? QString::number(*a.cac(), 'f', 2) : QString()};
    QList<QStringList> segmentRows{{QStringLiteral("segment"), QStringLiteral("revenue"),
                                    QStringLiteral("customers"), QStringLiteral("ltv"),
                                    QStringLiteral("ltv12Months")}};
    for (const SegmentValue &s : segments)
        segmentRows << QStringList{
            s.name, QString::number(s.revenue, 'f', 2), QString::number(s.customers),
            QString::number(s.lifetime, 'f', 2), QString::number(s.firstYear, 'f', 2)};
    return {linesRows(QStringLiteral("channel"), channels),
            linesRows(QStringLiteral("campaign"), campaigns),
            linesRows(QStringLiteral("journey"), journeys), acquisitionRows, segmentRows};
}

RevenueReport::RevenueReport(const Database &db)
    : m_db(db)
{}

std::optional<Revenue> RevenueReport::build(const ReportPeriod &period)
{
    const ReportRead read(m_db, &period); // every part sees the same workspace
    if (!read.started(m_error))
        return std::nullopt;
    Revenue r;
    r.period = period;
    const WorkspaceSettings settings(m_db);
    r.costPerEmail = settings.value(WorkspaceSettings::Key::CostPerEmail).toDouble();
    r.costPerSms = settings.value(WorkspaceSettings::Key::CostPerSms).toDouble();
    if (!channels(r) || !campaigns(r) || !journeys(r) || !acquisition(r) || !segments(r) ||
        !months(r))
        return std::nullopt;
    return r;
}

bool RevenueReport::channels(Revenue &r)
{
    // every purchase from the tallies; what a channel's message came last
    // before from attributed_revenue; the rest came without one (direct)
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT kind, sum(events), sum(amount) FROM event_tallies "
                                  "WHERE slot >= ? AND slot < ? AND kind IN (?, ?, ?) GROUP BY "
                                  "kind"),
                   slotRange(r.period) +
                       QVariantList{EventType::Purchase, EventType::EmailSent, EventType::SmsSent},
                   &m_error))
        return false;
    RevenueLine email, sms, direct;
    email.key = QStringLiteral("email");
    sms.key = QStringLiteral("sms");
    direct.key = QStringLiteral("direct");
    while (q.next()) {
        const QString kind = q.value(0).toString();
        if (kind == EventType::Purchase) {
            r.purchases = q.value(1).toLongLong();
            r.total = q.value(2).toDouble();
        } else if (kind == EventType::EmailSent) {
            email.messages = q.value(1).toLongLong();
        } else {
            sms.messages = q.value(1).toLongLong();
        }
    }
    q.finish();
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT channel, sum(conversions), sum(revenue) FROM "
                                  "attributed_revenue WHERE slot >= ? AND slot < ? AND channel "
                                  "<> '' GROUP BY channel"),
                   slotRange(r.period), &m_error))
        return false;
    while (q.next()) {
        RevenueLine &line = q.value(0).toString() == QLatin1String("sms") ? sms : email;
        line.purchases += q.value(1).toLongLong();
        line.revenue += q.value(2).toDouble();
    }
    email.cost = double(email.messages) * r.costPerEmail;
    sms.cost = double(sms.messages) * r.costPerSms;
    direct.purchases = std::max<qint64>(0, r.purchases - email.purchases - sms.purchases);
    direct.revenue = r.total - email.revenue - sms.revenue;
    r.channels = {email, sms, direct};
    return true;
}

bool RevenueReport::campaigns(Revenue &r)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   // the cost of the messages sent in the period, as the revenue's
                   QStringLiteral("SELECT c.id, c.name, c.channel, sum(a.conversions), "
                                  "sum(a.revenue) AS revenue, (SELECT count(*) FROM outbox o "
                                  "WHERE o.campaign_id = c.id AND o.state = 'sent' AND "
                                  "o.sent_at >= ? AND o.sent_at < ?) FROM attributed_revenue a "
                                  "JOIN campaigns c ON c.id = a.campaign_id WHERE a.slot >= ? AND "
                                  "a.slot < ? GROUP BY c.id, c.name, c.channel ORDER BY revenue "
                                  "DESC, c.id"),
                   QVariantList{r.period.fromMs(), r.period.toMs()} + slotRange(r.period),
                   &m_error))
        return false;
    while (q.next()) {
        RevenueLine line;
        line.key = q.value(0).toString();
        line.name = q.value(1).toString();
        line.purchases = q.value(3).toLongLong();
        line.revenue = q.value(4).toDouble();
        line.messages = q.value(5).toLongLong();
        line.cost = double(line.messages) *
                    (q.value(2).toString() == QLatin1String("sms") ? r.costPerSms : r.costPerEmail);
        r.campaigns << line;
    }
    return true;
}

bool RevenueReport::journeys(Revenue &r)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT j.id, j.name, sum(a.conversions), sum(a.revenue) AS "
                                  "revenue FROM attributed_revenue a JOIN journeys j ON j.id = "
                                  "a.journey_id WHERE a.slot >= ? AND a.slot < ? GROUP BY j.id, "
                                  "j.name ORDER BY revenue DESC, j.id"),
                   slotRange(r.period), &m_error))
        return false;
    while (q.next()) {
        RevenueLine line;
        line.key = q.value(0).toString();
        line.name = q.value(1).toString();
        line.purchases = q.value(2).toLongLong();
        line.revenue = q.value(3).toDouble();
        r.journeys << line;
    }
    return true;
}

bool RevenueReport::acquisition(Revenue &r)
{
    // the costs of the months the period touches (a month is kept by its first
    // day in the user's calendar); sources matched whatever their case
    const QCalendar calendar = Formatter::calendar();
    const QCalendar::YearMonthDay start = calendar.partsFromDate(r.period.first);
    const QDate firstMonth = calendar.dateFromParts(start.year, start.month, 1);
    QHash<QString, Acquisition> bySource;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT lower(source), sum(amount) FROM acquisition_costs "
                                  "WHERE month >= ? AND month <= ? GROUP BY lower(source)"),
                   {firstMonth.toString(Qt::ISODate), r.period.last.toString(Qt::ISODate)},
                   &m_error))
        return false;
    while (q.next()) {
        Acquisition &a = bySource[q.value(0).toString()];
        a.source = q.value(0).toString();
        a.cost = q.value(1).toDouble();
    }
    q.finish();
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT lower(c.source), count(*) FROM contact_purchases p "
                                  "JOIN contacts c ON c.id = p.contact_id WHERE p.first_at >= ? "
                                  "AND p.first_at < ? GROUP BY lower(c.source)"),
                   {r.period.fromMs(), r.period.toMs()}, &m_error))
        return false;
    while (q.next()) {
        Acquisition &a = bySource[q.value(0).toString()];
        a.source = q.value(0).toString();
        a.newCustomers = q.value(1).toLongLong();
    }
    r.acquisition = bySource.values();
    std::sort(r.acquisition.begin(), r.acquisition.end(),
              [](const Acquisition &a, const Acquisition &b) {
                  return a.newCustomers != b.newCustomers ? a.newCustomers > b.newCustomers
                                                          : a.source < b.source;
              });
    return true;
}

bool RevenueReport::segments(Revenue &r)
{
    SegmentRepository repository(m_db);
    const QList<Segment> all = repository.list();
    for (const Segment &segment : all) {
        if (r.segments.size() >= kMaxSegments)
            break;
        const CompiledSegment filter = repository.filter(segment.id);
        if (!filter.ok())
            continue; // a rule that no longer reads: the Segments page says why
        QSqlQuery q(m_db.connection());
        if (!Sql::exec(lcReports(), q,
                       QStringLiteral("SELECT count(*), coalesce(avg(p.revenue), 0), "
                                      "coalesce(avg(p.first_year_revenue), 0) FROM contacts JOIN "
                                      "contact_purchases p ON p.contact_id = contacts.id WHERE %1")
                           .arg(filter.where),
                       filter.binds, &m_error) ||
            !q.next())
            return false;
        SegmentValue value{segment.id, segment.name, q.value(0).toLongLong(), q.value(1).toDouble(),
                           q.value(2).toDouble()};
        q.finish();
        // and what they bought in the period: the period's purchases, then who
        if (!Sql::exec(lcReports(), q,
                       QStringLiteral("SELECT coalesce(sum(%1), 0) FROM events e JOIN contacts ON "
                                      "contacts.id = e.contact_id WHERE e.type = ? AND "
                                      "e.occurred_at >= ? AND e.occurred_at < ? AND (%2)")
                           .arg(SqlDialect::toNumber(
                                    SqlDialect(q.driver()).jsonValue(QStringLiteral("e.payload"))),
                                filter.where),
                       QVariantList{SqlDialect(q.driver()).jsonPath(QStringLiteral("amount")),
                                    EventType::Purchase, r.period.fromMs(), r.period.toMs()} +
                           filter.binds,
                       &m_error) ||
            !q.next())
            return false;
        value.revenue = q.value(0).toDouble();
        r.segments << value;
    }
    return true;
}

bool RevenueReport::months(Revenue &r)
{
    // the period's months in the user's calendar, cut at their first days
    const QCalendar calendar = Formatter::calendar();
    for (QDate day = r.period.first; day <= r.period.last; day = day.addDays(1)) {
        const QCalendar::YearMonthDay ymd = calendar.partsFromDate(day);
        if (r.months.isEmpty() || ymd.day == 1)
            r.months << RevenueMonth{day};
    }
    const auto monthOf = [&r](QDate day) -> RevenueMonth * {
        for (qsizetype i = r.months.size() - 1; i >= 0; --i)
            if (r.months.at(i).first <= day)
                return &r.months[i];
        return nullptr;
    };
    const qint64 offset =
        qint64(r.period.zone.offsetFromUtc(QDateTime(r.period.first, QTime(0, 0), r.period.zone))) *
        1000;
    const QDate epoch(1970, 1, 1);
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT (slot * %1 + ?) / %2 AS day, kind, sum(amount) FROM "
                                  "event_tallies WHERE slot >= ? AND slot < ? AND kind = ? GROUP "
                                  "BY day, kind")
                       .arg(EventTally::kSlotMs)
                       .arg(kDayMs),
                   QVariantList{offset} + slotRange(r.period) + QVariantList{EventType::Purchase},
                   &m_error))
        return false;
    while (q.next())
        if (RevenueMonth *m = monthOf(epoch.addDays(q.value(0).toLongLong())))
            m->direct += q.value(2).toDouble(); // all, until the channels are taken out
    q.finish();
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT (slot * %1 + ?) / %2 AS day, channel, sum(revenue) FROM "
                                  "attributed_revenue WHERE slot >= ? AND slot < ? AND channel "
                                  "<> '' GROUP BY day, channel")
                       .arg(EventTally::kSlotMs)
                       .arg(kDayMs),
                   QVariantList{offset} + slotRange(r.period), &m_error))
        return false;
    while (q.next()) {
        RevenueMonth *m = monthOf(epoch.addDays(q.value(0).toLongLong()));
        if (!m)
            continue;
        const double amount = q.value(2).toDouble();
        (q.value(1).toString() == QLatin1String("sms") ? m->sms : m->email) += amount;
        m->direct -= amount;
    }
    return true;
}

} // namespace masir
