// masir-cli: reports.

#include "CliCommand.h"

#include "exporting/CsvWriter.h"
#include "reports/DashboardReport.h"
#include "reports/FunnelReport.h"
#include "reports/ReportTallies.h"

#include "settings/WorkspaceSettings.h"

#ifdef MASIR_HAVE_RENDER
#include "render/ReportDocument.h"
#include "render/ReportPdf.h"
#endif

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

namespace masir {

namespace {

/// What every report over a period takes: the period, and how to write it.
class PeriodReport : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    PeriodReport(const QString &name, const QString &summary,
                 const QList<QCommandLineOption> &options = {})
        : CliCommand({name,
                      QStringLiteral("[--from DATE --to DATE | --days N] [--json | --csv FILE "
                                     "[--bom] | --pdf FILE]"),
                      summary, periodOptions() + options})
    {}

    int check(CliRun &run) const override
    {
        if (!run.words.isEmpty())
            return run.usageError(tr("%1 takes only options.").arg(definition().name));
        if (run.isSet(QStringLiteral("from")) != run.isSet(QStringLiteral("to")))
            return run.usageError(tr("Give both --from and --to, or neither."));
        for (const char *option : {"from", "to"})
            if (run.isSet(QLatin1String(option)) &&
                !QDate::fromString(run.value(QLatin1String(option)), Qt::ISODate).isValid())
                return run.usageError(
                    tr("--%1 needs a date such as 2026-12-01.").arg(QLatin1String(option)));
        int outputs = 0;
        for (const char *option : {"json", "csv", "pdf"})
            outputs += run.isSet(QLatin1String(option)) ? 1 : 0;
        if (outputs > 1)
            return run.usageError(tr("Choose one of --json, --csv and --pdf."));
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
    static QList<QCommandLineOption> periodOptions()
    {
        return {{QStringLiteral("json"), tr("Print JSON.")},
                {QStringLiteral("from"),
                 tr("The first day (YYYY-MM-DD), in this computer's time "
                    "zone."),
                 QStringLiteral("DATE")},
                {QStringLiteral("to"), tr("The last day (YYYY-MM-DD), included."),
                 QStringLiteral("DATE")},
                {QStringLiteral("days"), tr("The last N days up to today (default 30)."),
                 QStringLiteral("N"), QStringLiteral("30")},
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
    commands.push_back(std::make_unique<ReportRecount>());
}

} // namespace masir
