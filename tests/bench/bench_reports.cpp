// The dashboard on a large workspace: the 90 days up to today, five times, the
// median, against counting every event of the workspace in the same run (the
// reference: a scan no report can beat without a summary table).
//
//   bench_reports WORKSPACE
//
// Prints JSON. Target: ≤ 500 ms with 1,000,000 contacts and 5,000,000 events
// (tests/bench/run_reports.sh makes that workspace). Also what the tallies cost
// whoever writes events: appending through EventStore against inserting alone.
#include "events/EventStore.h"
#include "reports/DashboardReport.h"
#include "reports/FunnelReport.h"
#include "reports/RfmReport.h"
#include "storage/Database.h"
#include "storage/PreparedStatement.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdio>

using namespace masir;

namespace {

/// What the tallies cost a writer: 100,000 opens and purchases appended through
/// EventStore (event and tally), against the same rows inserted into events
/// alone, each in a transaction rolled back. In time order, as they come in
/// (an older purchase arriving late recounts its customer's first year).
std::pair<qint64, qint64> writeCost(const Database &db)
{
    constexpr int kEvents = 100000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray open = R"({"outbox":12,"first":true})";
    const QByteArray purchase = R"({"amount":25})";
    QElapsedTimer timer;
    qint64 appendMs = 0;
    {
        Transaction tx(db.connection(), Transaction::Mode::Write);
        EventStore events(db.connection());
        timer.start();
        for (int i = 0; i < kEvents; ++i)
            if (!events.appendJson(1 + i % 1000,
                                   i % 10 ? EventType::EmailOpened : EventType::Purchase,
                                   now - (kEvents - i) * 1000LL, i % 10 ? open : purchase))
                std::fprintf(stderr, "%s\n", qPrintable(events.errorString()));
        appendMs = timer.elapsed();
        tx.rollback();
    }
    Transaction tx(db.connection(), Transaction::Mode::Write);
    PreparedStatement insert(db.connection(),
                             QStringLiteral("INSERT INTO events (contact_id, type, occurred_at, "
                                            "payload) VALUES (?, ?, ?, ?)"));
    const QByteArray openType = EventType::EmailOpened.toUtf8();
    const QByteArray purchaseType = EventType::Purchase.toUtf8();
    timer.restart();
    for (int i = 0; i < kEvents; ++i) {
        insert.bind(1, qint64(1 + i % 1000));
        insert.bind(2, i % 10 ? openType : purchaseType);
        insert.bind(3, now - (kEvents - i) * 1000LL);
        insert.bind(4, i % 10 ? open : purchase);
        insert.exec();
    }
    const qint64 insertMs = timer.elapsed();
    tx.rollback();
    return {appendMs, insertMs};
}

} // namespace

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
    const auto funnelMs = [&](Funnel::Basis basis) -> qint64 {
        QList<qint64> times;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            FunnelReport report(db);
            if (!report.build(period, basis))
                std::fprintf(stderr, "%s\n", qPrintable(report.errorString()));
            times << timer.elapsed();
        }
        std::sort(times.begin(), times.end());
        return times.at(2);
    };
    const qint64 funnelPeriodMs = funnelMs(Funnel::Basis::Period);
    const qint64 funnelCohortMs = funnelMs(Funnel::Basis::Cohort);
    QList<qint64> rfmRuns;
    qint64 customers = 0;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        RfmReport report(db);
        const auto r = report.build(QDateTime::currentMSecsSinceEpoch());
        rfmRuns << timer.elapsed();
        if (!r)
            std::fprintf(stderr, "%s\n", qPrintable(report.errorString()));
        else
            customers = r->customers;
    }
    std::sort(rfmRuns.begin(), rfmRuns.end());
    QSqlQuery q(db.connection());
    timer.restart();
    q.exec(QStringLiteral("SELECT count(*) FROM events"));
    q.next();
    const qint64 countMs = timer.elapsed();
    const qint64 events = q.value(0).toLongLong();
    q.finish();
    q.exec(QStringLiteral("SELECT count(*) FROM contacts"));
    q.next();
    const qint64 contacts = q.value(0).toLongLong();
    q.finish();
    const auto [appendMs, insertMs] = writeCost(db);
    const QJsonObject out{{QStringLiteral("contacts"), contacts},
                          {QStringLiteral("events"), events},
                          {QStringLiteral("dashboardMedianMs"), runs.at(2)},
                          {QStringLiteral("dashboardMinMs"), runs.first()},
                          {QStringLiteral("dashboardMaxMs"), runs.last()},
                          {QStringLiteral("countEventsMs"), countMs},
                          {QStringLiteral("uniqueOpens"), d->figures.uniqueOpens},
                          {QStringLiteral("revenue"), d->figures.revenue},
                          {QStringLiteral("targetMs"), 500},
                          {QStringLiteral("funnelPeriodMedianMs"), funnelPeriodMs},
                          {QStringLiteral("funnelCohortMedianMs"), funnelCohortMs},
                          {QStringLiteral("rfmMedianMs"), rfmRuns.at(2)},
                          {QStringLiteral("rfmTargetMs"), 2000},
                          {QStringLiteral("customers"), customers},
                          {QStringLiteral("append100kMs"), appendMs},
                          {QStringLiteral("insertOnly100kMs"), insertMs}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
