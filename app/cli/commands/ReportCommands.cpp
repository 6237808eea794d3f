// masir-cli: reports.

#include "CliCommand.h"

#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "exporting/CsvWriter.h"
#include "journeys/JourneyRepository.h"
#include "reports/DashboardReport.h"
#include "reports/FunnelReport.h"
#include "reports/JourneyReport.h"
#include "reports/ReportTallies.h"
#include "reports/RevenueReport.h"
#include "reports/RfmReport.h"
#include "segments/SegmentRepository.h"

#include "settings/WorkspaceSettings.h"

#ifdef MASIR_HAVE_RENDER
#include "render/ReportDocument.h"
#include "render/ReportPdf.h"

#include <QApplication>
#endif

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

namespace masir {

namespace {

/// What every report takes: how to write it, and for most a period.
class PeriodReport : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    enum class Period
    {
        Asked,    ///< --from and --to, or --days
        AsOfNow,  ///< the report is as of now
        Campaign, ///< a campaign's or a journey's, named by the one word
    };

    PeriodReport(const QString &name, const QString &summary,
                 const QList<QCommandLineOption> &options = {}, Period period = Period::Asked)
        : CliCommand(
              {name,
               argumentsOf(period) + QStringLiteral("[--json | --csv FILE [--bom] | --pdf FILE]"),
               summary,
               (period == Period::Asked ? periodOptions() : QList<QCommandLineOption>{}) +
                   outputOptions() + options})
        , m_period(period)
    {}

    int check(CliRun &run) const override
    {
        if (m_period == Period::Campaign && run.words.size() != 1)
            return run.usageError(
                tr("%1 takes a name (in quotes if it has spaces).").arg(definition().name));
        if (m_period != Period::Campaign && !run.words.isEmpty())
            return run.usageError(tr("%1 takes only options.").arg(definition().name));
        int outputs = 0;
        for (const char *option : {"json", "csv", "pdf"})
            outputs += run.isSet(QLatin1String(option)) ? 1 : 0;
        if (outputs > 1)
            return run.usageError(tr("Choose one of --json, --csv and --pdf."));
        if (m_period != Period::Asked)
            return Proceed;
        if (run.isSet(QStringLiteral("from")) != run.isSet(QStringLiteral("to")))
            return run.usageError(tr("Give both --from and --to, or neither."));
        for (const char *option : {"from", "to"})
            if (run.isSet(QLatin1String(option)) &&
                !QDate::fromString(run.value(QLatin1String(option)), Qt::ISODate).isValid())
                return run.usageError(
                    tr("--%1 needs a date such as 2026-12-01.").arg(QLatin1String(option)));
        return run.number(QStringLiteral("days"), 1) ? Proceed : 2;
    }

protected:
    static ReportPeriod period(const CliRun &run)
    {
        const QTimeZone zone = QTimeZone::systemTimeZone();
        if (run.isSet(QStringLiteral("from")))
            return {QDate::fromString(run.value(QStringLiteral("from")), Qt::ISODate),
                    QDate::fromString(run.value(QStringLiteral("to")), Qt::ISODate), zone};
        return ReportPeriod::lastDays(run.value(QStringLiteral("days")).toInt(),
                                      QDate::currentDate(), zone);
    }

    /// Prints the report as asked: JSON, a CSV file of \a tables (an empty
    /// row between them), a PDF of \a document, or the first table as
    /// tab-separated text.
    template<typename MakeDocument>
    static int write(CliRun &run, const QJsonObject &json, const QList<QList<QStringList>> &tables,
                     MakeDocument &&document)
    {
        if (run.isSet(QStringLiteral("csv")))
            return writeCsv(run, tables);
        if (run.isSet(QStringLiteral("pdf")))
            return writePdf(run, document);
        if (run.json()) {
            run.printJson(json, true);
            return 0;
        }
        for (const QStringList &row : tables.value(0))
            run.out << row.join(QLatin1Char('\t')) << '\n';
        return 0;
    }

private:
    static QString argumentsOf(Period period)
    {
        switch (period) {
        case Period::Asked:
            return QStringLiteral("[--from DATE --to DATE | --days N] ");
        case Period::Campaign:
            return QStringLiteral("NAME ");
        case Period::AsOfNow:
            break;
        }
        return QString();
    }

    static QList<QCommandLineOption> periodOptions()
    {
        return {{QStringLiteral("from"),
                 tr("The first day (YYYY-MM-DD), in this computer's time "
                    "zone."),
                 QStringLiteral("DATE")},
                {QStringLiteral("to"), tr("The last day (YYYY-MM-DD), included."),
                 QStringLiteral("DATE")},
                {QStringLiteral("days"), tr("The last N days up to today (default 30)."),
                 QStringLiteral("N"), QStringLiteral("30")}};
    }

    static QList<QCommandLineOption> outputOptions()
    {
        return {{QStringLiteral("json"), tr("Print JSON.")},
                {QStringLiteral("csv"), tr("Write the report's tables to a CSV file."),
                 QStringLiteral("FILE")},
                {QStringLiteral("bom"), tr("Start the CSV with a byte order mark (for Excel).")},
                {QStringLiteral("pdf"),
                 tr("Write the report with its charts to a PDF file, in the language of "
                    "--lang."),
                 QStringLiteral("FILE")}};
    }

    template<typename MakeDocument> static int writePdf(CliRun &run, MakeDocument &&document)
    {
        const QString path = run.value(QStringLiteral("pdf"));
#ifdef MASIR_HAVE_RENDER
        if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
            return run.fail(tr("Cannot write %1: the charts could not be drawn here.").arg(path));
        const QString business =
            WorkspaceSettings(*run.db).value(WorkspaceSettings::Key::BusinessName).toString();
        const ui::ReportDocument doc = document();
        ui::ReportPdf pdf(doc, business);
        if (!pdf.write(path))
            return run.fail(pdf.errorString());
        run.out << tr("Wrote %1.").arg(path) << '\n';
        return 0;
#else
        Q_UNUSED(document)
        return run.fail(tr("Cannot write %1: this masir-cli was built without the GUI, which "
                           "draws the charts. Use --csv or --json.")
                            .arg(path));
#endif
    }

    static int writeCsv(CliRun &run, const QList<QList<QStringList>> &tables)
    {
        const QString path = run.value(QStringLiteral("csv"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return run.fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
        CsvWriter csv(&file);
        if (run.isSet(QStringLiteral("bom")))
            csv.writeBom();
        bool ok = true;
        for (qsizetype i = 0; i < tables.size(); ++i) {
            if (i > 0)
                ok = ok && csv.writeRow({});
            for (const QStringList &row : tables.at(i))
                ok = ok && csv.writeRow(row);
        }
        if (!ok || !file.commit())
            return run.fail(
                tr("Cannot write %1: %2").arg(path, ok ? file.errorString() : csv.errorString()));
        run.out << tr("Wrote %1.").arg(path) << '\n';
        return 0;
    }

    Period m_period;
};

/// report dashboard: a period compared with the one before it.
class ReportDashboard final : public PeriodReport
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportDashboard()
        : PeriodReport(QStringLiteral("report dashboard"),
                       tr("new contacts, leads, sending, opens, clicks and revenue for a period, "
                          "with the period before it"))
    {}

    int execute(CliRun &run) const override
    {
        DashboardReport report(*run.db);
        const auto d = report.build(period(run));
        if (!d)
            return run.fail(report.errorString());
#ifdef MASIR_HAVE_RENDER
        return write(run, d->toJson(), {d->figureRows(), d->dayRows()},
                     [&] { return ui::ReportDocuments::dashboard(*d); });
#else
        return write(run, d->toJson(), {d->figureRows(), d->dayRows()}, nullptr);
#endif
    }
};

/// report funnel: the lifecycle stages, their conversion and the time between them.
class ReportFunnel final : public PeriodReport
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportFunnel()
        : PeriodReport(QStringLiteral("report funnel"),
                       tr("the lifecycle funnel: contacts at each stage, the conversion and the "
                          "median time from the stage before"),
                       {{QStringLiteral("cohort"),
                         tr("Follow the contacts who came in the period to today, instead of "
                            "the stages reached in the period.")}})
    {}

    int execute(CliRun &run) const override
    {
        FunnelReport report(*run.db);
        const auto f =
            report.build(period(run), run.isSet(QStringLiteral("cohort")) ? Funnel::Basis::Cohort
                                                                          : Funnel::Basis::Period);
        if (!f)
            return run.fail(report.errorString());
#ifdef MASIR_HAVE_RENDER
        return write(run, f->toJson(), {f->rows()},
                     [&] { return ui::ReportDocuments::funnel(*f); });
#else
        return write(run, f->toJson(), {f->rows()}, nullptr);
#endif
    }
};

/// report rfm: the customers by recency, frequency and value.
class ReportRfm final : public PeriodReport
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportRfm()
        : PeriodReport(QStringLiteral("report rfm"),
                       tr("the customers as of now in recency, frequency and value quintiles, "
                          "and in the usual groups (champions, at risk, lost...)"),
                       {{QStringLiteral("save"),
                         tr("Save the customers of group G (champions, loyal, potential, new, "
                            "promising, attention, sleeping, cant_lose, at_risk, hibernating, "
                            "lost) as a segment named NAME that follows today's thresholds."),
                         QStringLiteral("G=NAME")}},
                       Period::AsOfNow)
    {}

    int execute(CliRun &run) const override
    {
        RfmReport report(*run.db);
        const auto r = report.build(QDateTime::currentMSecsSinceEpoch());
        if (!r)
            return run.fail(report.errorString());
        if (run.isSet(QStringLiteral("save")))
            return save(run, *r);
#ifdef MASIR_HAVE_RENDER
        return write(run, r->toJson(), {r->rows()}, [&] { return ui::ReportDocuments::rfm(*r); });
#else
        return write(run, r->toJson(), {r->rows()}, nullptr);
#endif
    }

private:
    static int save(CliRun &run, const Rfm &r)
    {
        const QString value = run.value(QStringLiteral("save"));
        const QString key = value.section(QLatin1Char('='), 0, 0).trimmed();
        const QString name = value.section(QLatin1Char('='), 1).trimmed();
        const auto group = std::find_if(r.groups.cbegin(), r.groups.cend(),
                                        [&](const RfmGroup &g) { return g.key == key; });
        if (group == r.groups.cend() || name.isEmpty())
            return run.usageError(
                tr("--save needs a group and a name, such as champions=\"Our champions\"."));
        SegmentRepository segments(*run.db);
        Segment segment;
        segment.name = name;
        segment.rule = RfmReport::segmentRule(r, *group);
        if (!segments.save(segment))
            return run.fail(segments.errorString());
        run.out << tr("Saved the segment \"%1\": %n customer(s) today.", nullptr,
                      int(group->customers))
                       .arg(name)
                << '\n';
        return 0;
    }
};

/// report campaign NAME: one campaign's report.
class ReportCampaign final : public PeriodReport
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportCampaign()
        : PeriodReport(QStringLiteral("report campaign"),
                       tr("a campaign's delivery, opens and clicks (people and machines apart), "
                          "rates, purchases, variants, hours after sending and click map"),
                       {{QStringLiteral("first-touch"),
                         tr("Give purchases to the campaign whose message came first in the "
                            "attribution window (default: the workspace's choice).")},
                        {QStringLiteral("last-touch"),
                         tr("Give purchases to the campaign whose message came last.")}},
                       Period::Campaign)
    {}

    int execute(CliRun &run) const override
    {
        const auto c = CampaignRepository(*run.db).find(run.words.first());
        if (!c)
            return run.fail(tr("There is no campaign named \"%1\".").arg(run.words.first()));
        CampaignReport report(*run.db);
        const auto r = report.build(c->id);
        if (!r)
            return run.fail(report.errorString());
        QJsonObject json = r->toJson();
        json.insert(QStringLiteral("name"), c->name);
#ifdef MASIR_HAVE_RENDER
        const WorkspaceSettings settings(*run.db);
        const bool first = run.isSet(QStringLiteral("first-touch")) ||
                           (!run.isSet(QStringLiteral("last-touch")) &&
                            settings.value(WorkspaceSettings::Key::AttributionModel).toString() ==
                                QLatin1String("first"));
        const int days = settings.value(WorkspaceSettings::Key::AttributionDays).toInt();
        return write(run, json, r->tables(), [&] {
            return ui::ReportDocuments::campaign(
                *c, *r,
                first ? ui::ReportDocuments::Touch::First : ui::ReportDocuments::Touch::Last, days);
        });
#else
        return write(run, json, r->tables(), nullptr);
#endif
    }
};

/// report journey NAME: one journey's report.
class ReportJourney final : public PeriodReport
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportJourney()
        : PeriodReport(QStringLiteral("report journey"),
                       tr("a journey's contacts at and through each step, its goal, the median "
                          "time to it and its revenue"),
                       {}, Period::Campaign)
    {}

    int execute(CliRun &run) const override
    {
        const auto j = JourneyRepository(*run.db).findByName(run.words.first());
        if (!j)
            return run.fail(tr("There is no journey named \"%1\".").arg(run.words.first()));
        JourneyReport report(*run.db);
        const auto r = report.build(j->id);
        if (!r)
            return run.fail(report.errorString());
#ifdef MASIR_HAVE_RENDER
        return write(run, r->toJson(), {r->rows()},
                     [&] { return ui::ReportDocuments::journey(*r); });
#else
        return write(run, r->toJson(), {r->rows()}, nullptr);
#endif
    }
};

/// report revenue: money per channel, campaign, journey, source and segment.
class ReportRevenue final : public PeriodReport
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportRevenue()
        : PeriodReport(QStringLiteral("report revenue"),
                       tr("revenue per channel, campaign and journey with the return on the cost "
                          "of sending (settings cost-per-email, cost-per-sms), the cost of a new "
                          "customer per source, lifetime value per segment"))
    {}

    int execute(CliRun &run) const override
    {
        RevenueReport report(*run.db);
        const auto r = report.build(period(run));
        if (!r)
            return run.fail(report.errorString());
#ifdef MASIR_HAVE_RENDER
        return write(run, r->toJson(), r->tables(),
                     [&] { return ui::ReportDocuments::revenue(*r); });
#else
        return write(run, r->toJson(), r->tables(), nullptr);
#endif
    }
};

/// report recount: the tallies recounted from the events.
class ReportRecount final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportRecount()
        : CliCommand({QStringLiteral("report recount"),
                      QString(),
                      tr("recount the reports' tallies from the events (after events were "
                         "written around Masir); deleted contacts' history leaves them"),
                      {}})
    {}

    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? Proceed : run.usageError(tr("report recount takes no words."));
    }

    int execute(CliRun &run) const override
    {
        ReportTallies tallies(*run.db);
        const auto rows = tallies.recount();
        if (!rows)
            return run.fail(tallies.errorString());
        run.out << tr("Recounted the reports' tallies: %n row(s).", nullptr, int(*rows)) << '\n';
        return 0;
    }
};

} // namespace

void addReportCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<ReportDashboard>());
    commands.push_back(std::make_unique<ReportFunnel>());
    commands.push_back(std::make_unique<ReportRfm>());
    commands.push_back(std::make_unique<ReportCampaign>());
    commands.push_back(std::make_unique<ReportJourney>());
    commands.push_back(std::make_unique<ReportRevenue>());
    commands.push_back(std::make_unique<ReportRecount>());
}

} // namespace masir
