// masir-cli: reports.

#include "CliCommand.h"

#include "exporting/CsvWriter.h"
#include "reports/DashboardReport.h"

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

namespace masir {

namespace {

/// report dashboard: a period compared with the one before it.
class ReportDashboard final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ReportDashboard()
        : CliCommand(
              {QStringLiteral("report dashboard"),
               QStringLiteral("[--from DATE --to DATE | --days N] [--json | --csv FILE [--bom]]"),
               tr("new contacts, leads, sending, opens, clicks and revenue for a period, with "
                  "the period before it"),
               {{QStringLiteral("json"), tr("Print JSON.")},
                {QStringLiteral("from"),
                 tr("The first day (YYYY-MM-DD), in this computer's time "
                    "zone."),
                 QStringLiteral("DATE")},
                {QStringLiteral("to"), tr("The last day (YYYY-MM-DD), included."),
                 QStringLiteral("DATE")},
                {QStringLiteral("days"), tr("The last N days up to today (default 30)."),
                 QStringLiteral("N"), QStringLiteral("30")},
                {QStringLiteral("csv"), tr("Write the figures and the days to a CSV file."),
                 QStringLiteral("FILE")},
                {QStringLiteral("bom"), tr("Start the CSV with a byte order mark (for Excel).")}}})
    {}

    int check(CliRun &run) const override
    {
        if (!run.words.isEmpty())
            return run.usageError(tr("report dashboard takes only options."));
        if (run.isSet(QStringLiteral("from")) != run.isSet(QStringLiteral("to")))
            return run.usageError(tr("Give both --from and --to, or neither."));
        for (const char *option : {"from", "to"})
            if (run.isSet(QLatin1String(option)) &&
                !QDate::fromString(run.value(QLatin1String(option)), Qt::ISODate).isValid())
                return run.usageError(
                    tr("--%1 needs a date such as 2026-12-01.").arg(QLatin1String(option)));
        return run.number(QStringLiteral("days"), 1) ? Proceed : 2;
    }

    int execute(CliRun &run) const override
    {
        const QTimeZone zone = QTimeZone::systemTimeZone();
        ReportPeriod period = ReportPeriod::lastDays(run.value(QStringLiteral("days")).toInt(),
                                                     QDate::currentDate(), zone);
        if (run.isSet(QStringLiteral("from")))
            period = {QDate::fromString(run.value(QStringLiteral("from")), Qt::ISODate),
                      QDate::fromString(run.value(QStringLiteral("to")), Qt::ISODate), zone};
        DashboardReport report(*run.db);
        const auto d = report.build(period);
        if (!d)
            return run.fail(report.errorString());
        if (run.isSet(QStringLiteral("csv")))
            return writeCsv(run, *d);
        if (run.json()) {
            run.printJson(d->toJson(), true);
            return 0;
        }
        for (const QStringList &row : d->figureRows())
            run.out << row.join(QLatin1Char('\t')) << '\n';
        return 0;
    }

private:
    static int writeCsv(CliRun &run, const Dashboard &d)
    {
        const QString path = run.value(QStringLiteral("csv"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return run.fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
        CsvWriter csv(&file);
        if (run.isSet(QStringLiteral("bom")))
            csv.writeBom();
        bool ok = true;
        for (const QStringList &row : d.figureRows())
            ok = ok && csv.writeRow(row);
        ok = ok && csv.writeRow({});
        for (const QStringList &row : d.dayRows())
            ok = ok && csv.writeRow(row);
        if (!ok || !file.commit())
            return run.fail(
                tr("Cannot write %1: %2").arg(path, ok ? file.errorString() : csv.errorString()));
        run.out << tr("Wrote %1.").arg(path) << '\n';
        return 0;
    }
};

} // namespace

void addReportCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<ReportDashboard>());
}

} // namespace masir
