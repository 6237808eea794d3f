#include "render/ReportDocument.h"

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
    sources.chart.kind = ChartSpec::Kind::Bars;
    sources.table << QStringList{tr("Source"), tr("New contacts")};
    sources.numeric = {false, true};
    QList<double> counts;
    for (const DashboardSource &s : d.sources) {
        const QString name = s.source.isEmpty() ? tr("Not known") : s.source;
        sources.chart.categories << name;
        counts << double(s.contacts);
        sources.table << QStringList{name, Formatter::number(s.contacts)};
    }
    sources.chart.series = {{tr("New contacts"), counts}};
    doc.sections << sources;

    ReportSection campaigns;
    campaigns.heading = tr("Top campaigns by revenue (started in the period)");
    campaigns.table << QStringList{tr("Campaign"), tr("Recipients"), tr("Conversions"),
                                   tr("Revenue")};
    campaigns.numeric = {false, true, true, true};
    for (const DashboardCampaign &c : d.campaigns)
        campaigns.table << QStringList{c.name, Formatter::number(c.recipients),
                                       Formatter::number(c.conversions), money(c.revenue)};
    doc.sections << campaigns;
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

} // namespace masir::ui
