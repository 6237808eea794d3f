#include "render/ReportDocument.h"

#include "campaigns/CampaignActivity.h"
#include "contacts/Contact.h"
#include "i18n/Formatter.h"

#include <cmath>

namespace masir::ui {

QString ReportDocument::asText() const
{
    QStringList parts;
    if (!tiles.isEmpty()) {
        QStringList lines;
        for (const ReportTile &t : tiles)
            lines << t.name + QLatin1Char('\t') + t.value + QLatin1Char('\t') + t.change;
        parts << lines.join(QLatin1Char('\n'));
    }
    for (const ReportSection &s : sections) {
        QStringList lines{s.heading};
        for (const QStringList &row : s.table)
            lines << row.join(QLatin1Char('\t'));
        parts << lines.join(QLatin1Char('\n'));
    }
    return parts.join(QStringLiteral("\n\n"));
}

QString ReportDocuments::periodText(const ReportPeriod &period)
{
    return tr("%1 – %2").arg(Formatter::date(period.first), Formatter::date(period.last));
}

QString ReportDocuments::percent(double ratio)
{
    return Formatter::locale().toString(ratio * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString ReportDocuments::money(double value)
{
    return Formatter::locale().toString(value, 'f', value == std::floor(value) ? 0 : 2);
}

QString ReportDocuments::change(double now, double before)
{
    if (before == 0)
        return now == 0 ? QString() : tr("new");
    const double ratio = (now - before) / std::abs(before);
    return (ratio >= 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + percent(std::abs(ratio));
}

QString ReportDocuments::duration(qint64 ms)
{
    if (ms < 0)
        return QString();
    const double hours = double(ms) / 3.6e6;
    if (hours < 48)
        return tr("%1 h").arg(Formatter::locale().toString(hours, 'f', 1));
    return tr("%1 d").arg(Formatter::locale().toString(hours / 24.0, 'f', 1));
}

QString ReportDocuments::stageName(const QString &stage)
{
    return ContactVocabulary::stageLabel(stage);
}

ReportDocument ReportDocuments::dashboard(const Dashboard &d)
{
    ReportDocument doc;
    doc.title = tr("Dashboard");
    doc.period = periodText(d.period);
    const DashboardFigures &n = d.figures;
    const DashboardFigures &b = d.before;
    const auto tile = [&doc](const char *key, const QString &name, const QString &value, double now,
                             double before) {
        doc.tiles.append({QLatin1String(key), name, value, change(now, before)});
    };
    tile("newContacts", tr("New contacts"), Formatter::number(n.newContacts), double(n.newContacts),
         double(b.newContacts));
    const qint64 leads = n.leads + n.mqls + n.sqls;
    tile("leads", tr("New leads (MQL, SQL)"),
         tr("%1 (%2, %3)")
             .arg(Formatter::number(leads), Formatter::number(n.mqls), Formatter::number(n.sqls)),
         double(leads), double(b.leads + b.mqls + b.sqls));
    tile("emailsSent", tr("Emails sent"), Formatter::number(n.emailsSent), double(n.emailsSent),
         double(b.emailsSent));
    tile("deliveryRate", tr("Delivered"), percent(n.deliveryRate()), n.deliveryRate(),
         b.deliveryRate());
    tile("openRate", tr("Human open rate"), percent(n.openRate()), n.openRate(), b.openRate());
    tile("clickRate", tr("Human click rate"), percent(n.clickRate()), n.clickRate(), b.clickRate());
    tile("unsubscribes", tr("Unsubscribes"), Formatter::number(n.unsubscribes),
         double(n.unsubscribes), double(b.unsubscribes));
    tile("bounces", tr("Bounces and complaints"),
         tr("%1 · %2").arg(Formatter::number(n.bounces), Formatter::number(n.complaints)),
         double(n.bounces + n.complaints), double(b.bounces + b.complaints));
    tile("revenue", tr("Revenue"), money(n.revenue), n.revenue, b.revenue);

    ReportSection days;
    days.heading = tr("Sending, opens and clicks per day");
    days.empty =
        tr("Nothing was sent in this period. Choose a longer period above, or send a campaign.");
    days.chart.kind = ChartSpec::Kind::Lines;
    days.table << QStringList{tr("Day"),    tr("Emails sent"),  tr("Opens"),
                              tr("Clicks"), tr("New contacts"), tr("Revenue")};
    days.numeric = {false, true, true, true, true, true};
    QList<double> sent, opens, clicks;
    for (const DashboardDay &day : d.days) {
        days.chart.categories << Formatter::date(day.day);
        sent << double(day.emailsSent);
        opens << double(day.opens);
        clicks << double(day.clicks);
        days.table << QStringList{
            Formatter::date(day.day),           Formatter::number(day.emailsSent),
            Formatter::number(day.opens),       Formatter::number(day.clicks),
            Formatter::number(day.newContacts), money(day.revenue)};
    }
    days.chart.series = {{tr("Emails sent"), sent}, {tr("Opens"), opens}, {tr("Clicks"), clicks}};
    doc.sections << days;

    ReportSection sources;
    sources.heading = tr("New contacts by source");
    sources.empty =
        tr("No contact came in during this period. Import contacts, or choose a longer period.");
    sources.chart.kind = ChartSpec::Kind::Bars;
    sources.table << QStringList{tr("Source"), tr("New contacts")};
    sources.numeric = {false, true};
    QList<double> counts;
    for (const DashboardSource &s : d.sources) {
        const QString name =
            s.source.isEmpty() ? tr("Not known") : ContactVocabulary::sourceLabel(s.source);
        sources.chart.categories << name;
        counts << double(s.contacts);
        sources.table << QStringList{name, Formatter::number(s.contacts)};
    }
    sources.chart.series = {{tr("New contacts"), counts}};
    doc.sections << sources;

    ReportSection campaigns;
    campaigns.heading = tr("Top campaigns by revenue (started in the period)");
    campaigns.empty = tr("No campaign started in this period. Create one on the Campaigns page.");
    campaigns.table << QStringList{tr("Campaign"), tr("Recipients"), tr("Conversions"),
                                   tr("Revenue")};
    campaigns.numeric = {false, true, true, true};
    for (const DashboardCampaign &c : d.campaigns)
        campaigns.table << QStringList{c.name, Formatter::number(c.recipients),
                                       Formatter::number(c.conversions), money(c.revenue)};
    doc.sections << campaigns;

    ReportSection journeys;
    journeys.heading = tr("Top journeys by revenue (purchases in the period, last touch)");
    journeys.empty = tr("No purchase in this period came after a journey's message.");
    journeys.table << QStringList{tr("Journey"), tr("Purchases"), tr("Revenue")};
    journeys.numeric = {false, true, true};
    for (const DashboardJourney &j : d.journeys)
        journeys.table << QStringList{j.name, Formatter::number(j.conversions), money(j.revenue)};
    doc.sections << journeys;
    return doc;
}

ReportDocument ReportDocuments::funnel(const Funnel &f)
{
    ReportDocument doc;
    doc.title = f.basis == Funnel::Basis::Cohort ? tr("Lifecycle funnel: contacts who came")
                                                 : tr("Lifecycle funnel: stages reached");
    doc.period = periodText(f.period);
    ReportSection s;
    s.heading = f.basis == Funnel::Basis::Cohort
                    ? tr("How far the contacts who came in the period have got")
                    : tr("Contacts who reached each stage in the period, for the first time");
    s.chart.kind = ChartSpec::Kind::Funnel;
    s.table << QStringList{tr("Stage"), tr("Contacts"), tr("From the stage before"),
                           tr("From the first"), tr("Median time from the stage before")};
    s.numeric = {false, true, true, true, true};
    QList<double> values;
    for (int i = 0; i < f.steps.size(); ++i) {
        const FunnelStep &step = f.steps.at(i);
        s.chart.categories << stageName(step.stage);
        values << double(step.contacts);
        s.table << QStringList{stageName(step.stage), Formatter::number(step.contacts),
                               i == 0 ? QString() : percent(step.fromPrevious),
                               percent(step.fromFirst), duration(step.medianMs)};
    }
    s.chart.series = {{tr("Contacts"), values}};
    doc.sections << s;
    return doc;
}

QString ReportDocuments::variantName(int variant)
{
    return variant == 0 ? tr("Rest") : QString(QChar(u'A' + variant - 1));
}

ReportDocument ReportDocuments::campaign(const Campaign &c, const CampaignReportData &r,
                                         Touch touch, int attributionDays)
{
    const auto rate = [](qint64 part, qint64 whole) {
        return whole > 0 ? double(part) / double(whole) : 0.0;
    };
    const bool first = touch == Touch::First;
    ReportDocument doc;
    doc.title = tr("Campaign: %1").arg(c.name);
    doc.period = c.startedAtMs ? tr("Started %1")
                                     .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(
                                         c.startedAtMs, QTimeZone::utc())))
                               : tr("Not started");
    const CampaignFigures &t = r.total;
    const auto tile = [&doc](const char *key, const QString &name, const QString &value) {
        doc.tiles.append({QLatin1String(key), name, value, QString()});
    };
    tile("sent", tr("Sent"), Formatter::number(t.sent));
    tile("delivered", tr("Delivered"),
         tr("%1 (%2)").arg(Formatter::number(t.delivered), percent(rate(t.delivered, t.sent))));
    tile("openRate", tr("Human open rate"), percent(rate(t.uniqueOpens, t.delivered)));
    tile("clickRate", tr("Human click rate"), percent(rate(t.uniqueClicks, t.delivered)));
    tile("unsubscribeRate", tr("Unsubscribe rate"), percent(rate(t.unsubscribes, t.delivered)));
    tile("bounceRate", tr("Bounce rate"), percent(rate(t.bounced, t.sent)));
    tile("complaintRate", tr("Complaint rate"), percent(rate(t.complaints, t.delivered)));
    tile("conversions", first ? tr("Purchases (first touch)") : tr("Purchases (last touch)"),
         Formatter::number(first ? t.firstConversions : t.conversions));
    tile("revenue", tr("Revenue"), money(first ? t.firstRevenue : t.revenue));

    // the variants side by side (one column without a test)
    ReportSection results;
    results.heading = c.ab.isEnabled() ? tr("The variants side by side") : tr("Results");
    QList<CampaignFigures> columns = r.variants;
    if (columns.size() != 1)
        columns.prepend(r.total);
    QStringList header{tr("Measure")};
    for (const CampaignFigures &f : columns)
        header << (f.variant < 0 || !c.ab.isEnabled() ? tr("All") : variantName(f.variant));
    results.table << header;
    results.numeric = QList<bool>(header.size(), true);
    results.numeric[0] = false;
    const auto line = [&](const QString &name, const auto &value) {
        QStringList row{name};
        for (const CampaignFigures &f : columns)
            row << value(f);
        results.table << row;
    };
    const auto count = [](qint64 n) { return Formatter::number(n); };
    line(tr("Sent"), [&](const CampaignFigures &f) { return count(f.sent); });
    line(tr("Delivered"), [&](const CampaignFigures &f) { return count(f.delivered); });
    line(tr("Bounced"), [&](const CampaignFigures &f) { return count(f.bounced); });
    line(tr("Opened (people)"), [&](const CampaignFigures &f) {
        return tr("%1 (%2)").arg(count(f.uniqueOpens), percent(rate(f.uniqueOpens, f.delivered)));
    });
    line(tr("Opens by machines"), [&](const CampaignFigures &f) { return count(f.machineOpens); });
    line(tr("Clicked (people)"), [&](const CampaignFigures &f) {
        return tr("%1 (%2)").arg(count(f.uniqueClicks), percent(rate(f.uniqueClicks, f.delivered)));
    });
    line(tr("Clicks by machines"),
         [&](const CampaignFigures &f) { return count(f.machineClicks); });
    line(tr("Unsubscribed"), [&](const CampaignFigures &f) { return count(f.unsubscribes); });
    line(tr("Complained"), [&](const CampaignFigures &f) { return count(f.complaints); });
    line(tr("Purchases afterwards"), [&](const CampaignFigures &f) {
        return count(first ? f.firstConversions : f.conversions);
    });
    line(tr("Revenue"),
         [&](const CampaignFigures &f) { return money(first ? f.firstRevenue : f.revenue); });
    doc.sections << results;

    ReportSection hours;
    hours.heading = tr("Opens and clicks by people in the hours after sending");
    hours.empty = tr("No one has opened or clicked yet. Opens and clicks come in through tracking "
                     "(Settings, Tracking).");
    hours.chart.kind = ChartSpec::Kind::Lines;
    hours.table << QStringList{tr("Hours after sending"), tr("Opens"), tr("Clicks")};
    hours.numeric = {false, true, true};
    QList<double> opens, clicks;
    for (const CampaignHour &h : r.hours) {
        const QString when = h.hour >= CampaignActivity::kLastHour
                                 ? tr("%1 h or later").arg(Formatter::number(h.hour))
                                 : tr("%1 h").arg(Formatter::number(h.hour));
        hours.chart.categories << when;
        opens << double(h.opens);
        clicks << double(h.clicks);
        if (h.opens || h.clicks)
            hours.table << QStringList{when, count(h.opens), count(h.clicks)};
    }
    hours.chart.series = {{tr("Opens"), opens}, {tr("Clicks"), clicks}};
    if (r.hours.isEmpty())
        hours.chart.kind = ChartSpec::Kind::None;
    doc.sections << hours;

    ReportSection links;
    links.heading = tr("Clicks by people on each link (the click map)");
    links.empty = tr("No one has clicked a link yet.");
    links.chart.kind = r.links.isEmpty() ? ChartSpec::Kind::None : ChartSpec::Kind::Bars;
    links.table << QStringList{tr("Link"), tr("Address"), tr("Clicks"), tr("Share")};
    links.numeric = {false, false, true, true};
    qint64 all = 0;
    for (const CampaignLink &l : r.links)
        all += l.clicks;
    QList<double> perLink;
    for (const CampaignLink &l : r.links) {
        QString name = tr("Link %1").arg(Formatter::number(l.link + 1));
        if (c.ab.isEnabled())
            name = tr("%1, variant %2").arg(name, variantName(l.variant));
        links.chart.categories << name;
        perLink << double(l.clicks);
        links.table << QStringList{name, Formatter::leftToRight(l.url), count(l.clicks),
                                   percent(rate(l.clicks, all))};
    }
    links.chart.series = {{tr("Clicks"), perLink}};
    doc.sections << links;

    ReportSection note;
    note.heading = first ? tr("Purchases count for the campaign when its message was the first "
                              "marketing message in the %1 days before them.")
                               .arg(Formatter::number(attributionDays))
                         : tr("Purchases count for the campaign when its message was the last "
                              "marketing message in the %1 days before them.")
                               .arg(Formatter::number(attributionDays));
    doc.sections << note;
    return doc;
}

ReportDocument ReportDocuments::journey(const JourneyFigures &j)
{
    ReportDocument doc;
    doc.title = tr("Journey: %1").arg(j.name);
    doc.period = tr("Since it started, to now");
    const auto tile = [&doc](const char *key, const QString &name, const QString &value) {
        doc.tiles.append({QLatin1String(key), name, value, QString()});
    };
    tile("entered", tr("Entered"), Formatter::number(j.entered));
    tile("active", tr("In it now"), Formatter::number(j.active));
    tile("completed", tr("Finished"), Formatter::number(j.completed));
    tile("exited", tr("Left early"), Formatter::number(j.exited));
    tile("converted", tr("Reached a goal"),
         j.converted < 0
             ? tr("no goal")
             : tr("%1 (%2)").arg(Formatter::number(j.converted), percent(j.conversionRate())));
    tile("timeToGoal", tr("Median time to the goal"),
         j.medianToGoalMs < 0 ? QStringLiteral("–") : duration(j.medianToGoalMs));
    tile("purchases", tr("Purchases (last touch)"), Formatter::number(j.purchases));
    tile("revenue", tr("Revenue"), money(j.revenue));

    ReportSection steps;
    steps.heading = tr("Each step: the contacts waiting at it and gone through it");
    steps.empty = tr("No one has entered this journey yet.");
    steps.chart.kind = ChartSpec::Kind::Bars;
    steps.table << QStringList{tr("Step"), tr("What it does"), tr("Waiting now"), tr("Passed"),
                               tr("Of those, reached a goal")};
    steps.numeric = {false, false, true, true, true};
    QList<double> passed;
    for (int i = 0; i < j.steps.size(); ++i) {
        const JourneyStepFigures &s = j.steps.at(i);
        const QString name = tr("%1. %2").arg(Formatter::number(i + 1), s.label);
        steps.chart.categories << name;
        passed << double(s.passed);
        steps.table << QStringList{
            name, s.summary, Formatter::number(s.waiting), Formatter::number(s.passed),
            s.converted < 0 || s.passed == 0
                ? QString()
                : tr("%1 (%2)").arg(Formatter::number(s.converted),
                                    percent(double(s.converted) / double(s.passed)))};
    }
    steps.chart.series = {{tr("Passed"), passed}};
    doc.sections << steps;
    return doc;
}

ReportDocument ReportDocuments::revenue(const Revenue &r)
{
    ReportDocument doc;
    doc.title = tr("Revenue and return");
    doc.period = periodText(r.period);
    double cost = 0;
    for (const RevenueLine &l : r.channels)
        cost += l.cost;
    doc.tiles.append({QStringLiteral("revenue"), tr("Revenue"), money(r.total), QString()});
    doc.tiles.append(
        {QStringLiteral("purchases"), tr("Purchases"), Formatter::number(r.purchases), QString()});
    doc.tiles.append({QStringLiteral("cost"), tr("Cost of sending"), money(cost), QString()});
    const auto roi = [](const std::optional<double> &value) {
        return value ? percent(*value) : QStringLiteral("–");
    };
    const auto lineRow = [&](const QString &name, const RevenueLine &l) {
        return QStringList{name,
                           Formatter::number(l.purchases),
                           money(l.revenue),
                           Formatter::number(l.messages),
                           money(l.cost),
                           roi(l.roi())};
    };
    const QStringList lineHeader{tr("Purchases"), tr("Revenue"), tr("Messages sent"), tr("Cost"),
                                 tr("Return (ROI)")};

    ReportSection months;
    months.heading = tr("Revenue by month and by what came last before the purchase");
    months.empty = tr("No purchase in this period. Log one on a contact (Log a Purchase), or bring "
                      "in your shop's orders with masir-cli event import.");
    months.chart.kind = ChartSpec::Kind::Stacked;
    months.table << QStringList{tr("From"), tr("Email"), tr("SMS"), tr("No message")};
    months.numeric = {false, true, true, true};
    QList<double> email, sms, direct;
    for (const RevenueMonth &m : r.months) {
        months.chart.categories << Formatter::date(m.first);
        email << m.email;
        sms << m.sms;
        direct << m.direct;
        months.table << QStringList{Formatter::date(m.first), money(m.email), money(m.sms),
                                    money(m.direct)};
    }
    months.chart.series = {{tr("Email"), email}, {tr("SMS"), sms}, {tr("No message"), direct}};
    doc.sections << months;

    ReportSection channels;
    channels.heading = tr("By channel (last touch)");
    channels.table << QStringList{tr("Channel")} + lineHeader;
    channels.numeric = {false, true, true, true, true, true};
    const QStringList channelNames{tr("Email"), tr("SMS"), tr("No message")};
    for (qsizetype i = 0; i < r.channels.size(); ++i)
        channels.table << lineRow(channelNames.value(i), r.channels.at(i));
    doc.sections << channels;

    ReportSection campaigns;
    campaigns.heading = tr("By campaign (last touch; cost: every message it sent)");
    campaigns.chart.kind = r.campaigns.isEmpty() ? ChartSpec::Kind::None : ChartSpec::Kind::Bars;
    campaigns.table << QStringList{tr("Campaign")} + lineHeader;
    campaigns.numeric = {false, true, true, true, true, true};
    QList<double> campaignRevenue;
    for (const RevenueLine &l : r.campaigns) {
        campaigns.chart.categories << l.name;
        campaignRevenue << l.revenue;
        campaigns.table << lineRow(l.name, l);
    }
    campaigns.chart.series = {{tr("Revenue"), campaignRevenue}};
    doc.sections << campaigns;

    ReportSection journeys;
    journeys.heading = tr("By journey (last touch)");
    journeys.table << QStringList{tr("Journey"), tr("Purchases"), tr("Revenue")};
    journeys.numeric = {false, true, true};
    for (const RevenueLine &l : r.journeys)
        journeys.table << QStringList{l.name, Formatter::number(l.purchases), money(l.revenue)};
    doc.sections << journeys;

    ReportSection acquisition;
    acquisition.heading = tr("Cost of a new customer by source (CAC)");
    acquisition.empty = tr("No new customer in this period.");
    acquisition.table << QStringList{tr("Source"), tr("New customers"), tr("Cost"), tr("CAC")};
    acquisition.numeric = {false, true, true, true};
    for (const Acquisition &a : r.acquisition)
        acquisition.table << QStringList{
            a.source.isEmpty() ? tr("Not known") : ContactVocabulary::sourceLabel(a.source),
            Formatter::number(a.newCustomers), money(a.cost),
            a.cac() ? money(*a.cac()) : QStringLiteral("–")};
    doc.sections << acquisition;

    ReportSection segments;
    segments.heading = tr("By segment: revenue in the period, and lifetime value (revenue per "
                          "customer)");
    segments.chart.kind = r.segments.isEmpty() ? ChartSpec::Kind::None : ChartSpec::Kind::Bars;
    segments.table << QStringList{tr("Segment"), tr("Revenue in the period"), tr("Customers"),
                                  tr("Over their life"), tr("In their first 12 months")};
    segments.numeric = {false, true, true, true, true};
    QList<double> ltv;
    for (const SegmentValue &s : r.segments) {
        segments.chart.categories << s.name;
        ltv << s.lifetime;
        segments.table << QStringList{s.name, money(s.revenue), Formatter::number(s.customers),
                                      money(s.lifetime), money(s.firstYear)};
    }
    segments.chart.series = {{tr("Over their life"), ltv}};
    doc.sections << segments;
    return doc;
}

ReportDocument ReportDocuments::rfm(const Rfm &r)
{
    ReportDocument doc;
    doc.title = tr("Customers by recency, frequency and value (RFM)");
    doc.period = tr("As of %1, from every purchase")
                     .arg(Formatter::date(QDateTime::fromMSecsSinceEpoch(r.asOfMs).date()));
    doc.tiles.append(
        {QStringLiteral("customers"), tr("Customers"), Formatter::number(r.customers), QString()});
    doc.tiles.append({QStringLiteral("revenue"), tr("Revenue"), money(r.revenue), QString()});
    doc.tiles.append({QStringLiteral("perCustomer"), tr("Revenue per customer"),
                      money(r.customers ? r.revenue / double(r.customers) : 0.0), QString()});

    ReportSection groups;
    groups.heading = tr("The groups");
    groups.chart.kind = ChartSpec::Kind::Pie;
    groups.table << QStringList{tr("Group"),        tr("Customers"),
                                tr("Share"),        tr("Revenue"),
                                tr("Orders"),       tr("Days since the last purchase"),
                                tr("What it means")};
    groups.numeric = {false, true, true, true, true, true, false};
    QList<double> counts;
    for (const RfmGroup &g : r.groups) {
        const QString name = RfmReport::groupLabel(g.key);
        groups.chart.categories << name;
        counts << double(g.customers);
        groups.table << QStringList{
            name,
            Formatter::number(g.customers),
            percent(r.customers ? double(g.customers) / double(r.customers) : 0.0),
            money(g.revenue),
            Formatter::locale().toString(g.orders, 'f', 1),
            Formatter::locale().toString(g.recencyDays, 'f', 0),
            RfmReport::groupDescription(g.key)};
    }
    groups.chart.series = {{tr("Customers"), counts}};
    doc.sections << groups;

    ReportSection grid;
    grid.heading = tr("Customers by recency (rows, 5: the most recent) and frequency (columns, "
                      "5: the most orders)");
    QStringList header{tr("R \\ F")};
    for (int f = 1; f <= 5; ++f)
        header << Formatter::number(f);
    grid.table << header;
    grid.numeric = {false, true, true, true, true, true};
    for (int score = 5; score >= 1; --score) {
        QStringList row{Formatter::number(score)};
        for (int f = 1; f <= 5; ++f)
            row << Formatter::number(r.grid[score - 1][f - 1]);
        grid.table << row;
    }
    doc.sections << grid;
    return doc;
}

} // namespace masir::ui
