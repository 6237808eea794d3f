// The dashboard on a large workspace: the 90 days up to today, five times, the
// median, against counting every event of the workspace in the same run (the
// reference: a scan no report can beat without a summary table).
//
//   bench_reports WORKSPACE
//
// Prints JSON. Target: ≤ 500 ms with 1,000,000 contacts and 5,000,000 events
// (tests/bench/run_reports.sh makes that workspace).
#include "reports/DashboardReport.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdio>

using namespace masir;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_reports WORKSPACE\n");
        return 2;
    }
    Database db(app.arguments().at(1));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    const ReportPeriod period =
        ReportPeriod::lastDays(90, QDate::currentDate(), QTimeZone::systemTimeZone());
    QElapsedTimer timer;
    QList<qint64> runs;
    std::optional<Dashboard> d;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        DashboardReport report(db);
        d = report.build(period);
        runs << timer.elapsed();
        if (!d) {
            std::fprintf(stderr, "%s\n", qPrintable(report.errorString()));
            return 1;
        }
    }
    std::sort(runs.begin(), runs.end());
    QSqlQuery q(db.connection());
    timer.restart();
    q.exec(QStringLiteral("SELECT count(*) FROM events"));
    q.next();
    const qint64 countMs = timer.elapsed();
    const qint64 events = q.value(0).toLongLong();
    q.finish();
    q.exec(QStringLiteral("SELECT count(*) FROM contacts"));
    q.next();
    const QJsonObject out{{QStringLiteral("contacts"), q.value(0).toLongLong()},
                          {QStringLiteral("events"), events},
                          {QStringLiteral("dashboardMedianMs"), runs.at(2)},
                          {QStringLiteral("dashboardMinMs"), runs.first()},
                          {QStringLiteral("dashboardMaxMs"), runs.last()},
                          {QStringLiteral("countEventsMs"), countMs},
                          {QStringLiteral("peopleOpened"), d->figures.peopleOpened},
                          {QStringLiteral("revenue"), d->figures.revenue},
                          {QStringLiteral("targetMs"), 500}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
