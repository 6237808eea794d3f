// The campaigns' benchmarks (see run_campaign.sh).
//
//   bench_campaign fanout WORKSPACE
//     A campaign to everyone with an email address (1,000,000 on the bench
//     workspace), started and fanned out into the outbox as the worker does
//     (CampaignRunner: the audience frozen, then batches). Reference, in the
//     same run and file: the bare copy of the same contacts' ids and
//     addresses into a new table by one INSERT ... SELECT. Target: ≤ 10 s.
//   bench_campaign report WORKSPACE EVENTS
//     Marks the campaign's messages sent, writes EVENTS events (opens,
//     clicks, machine opens, unsubscribes and purchases of the recipients,
//     with the activity counters the intake keeps), then times `campaign
//     report` (CampaignReport::build) five times. Reference: counting the
//     events table once. Target: ≤ 500 ms with 5,000,000 events.
// Both print JSON.
#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "common/Clock.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "scheduler/Worker.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

using namespace masir;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
}

bool exec(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

int fanout(Database &db)
{
    WorkspaceSettings settings(db);
    settings.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("Valiasr 12, Tehran"));
    settings.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                      QStringLiteral("https://shop.test/u/{token}"));
    MessageTemplate t;
    t.name = QStringLiteral("bench.offer");
    t.subject = QStringLiteral("This week's bread");
    t.body = QStringLiteral("Hello {{first_name}}, fresh sangak on Thursday.");
    if (!TemplateRepository(db).find(t.name) && !TemplateRepository(db).save(t))
        return fail(QStringLiteral("template"));
    ChannelAccount a;
    a.name = QStringLiteral("bench");
    a.config = {{QStringLiteral("host"), QStringLiteral("smtp.shop.test")},
                {QStringLiteral("port"), 587},
                {QStringLiteral("security"), QStringLiteral("starttls")},
                {QStringLiteral("from"), QStringLiteral("Shop <news@shop.test>")}};
    if (!ChannelAccounts(db).find(a.name) && !ChannelAccounts(db).save(a))
        return fail(QStringLiteral("account"));
    Segment everyone;
    everyone.name = QStringLiteral("Bench everyone");
    everyone.rule.root.children << SegmentNode::condition(
        QStringLiteral("field"), QStringLiteral("email"), QStringLiteral("not_empty"));
    if (!SegmentRepository(db).save(everyone))
        return fail(QStringLiteral("segment"));
    // Everyone may be mailed (the demo data has some who may not, or have no
    // address; the bench wants the full million).
    if (!exec(db, QStringLiteral("UPDATE contacts SET email = 'bench' || id || '@shop.test' "
                                 "WHERE email = ''")) ||
        !exec(db, QStringLiteral("UPDATE contacts SET status = 'active', email_consent = "
                                 "'granted' WHERE status <> 'active' OR email_consent = "
                                 "'withdrawn'")) ||
        !exec(db, QStringLiteral("DELETE FROM suppressions")))
        return 1;
    Campaign c;
    c.name = QStringLiteral("Bench campaign");
    c.templateName = t.name;
    c.audience.include = {everyone.name};
    CampaignRepository campaigns(db);
    if (!campaigns.save(c) || !campaigns.schedule(c.id))
        return fail(campaigns.errorString());

    SystemClock clock;
    WorkerCycle cycle(db, clock);
    QElapsedTimer timer;
    timer.start();
    CampaignRunStats total;
    {
        const auto scope = cycle.scope();
        for (;;) {
            const auto s = cycle.campaigns(60000);
            if (!s)
                return fail(cycle.errorString());
            total.queued += s->queued;
            if (!s->more)
                break;
        }
    }
    const qint64 fanoutMs = timer.elapsed();

    timer.restart();
    if (!exec(db, QStringLiteral("CREATE TABLE bench_copy (id INTEGER PRIMARY KEY, email TEXT)")) ||
        !exec(db, QStringLiteral("INSERT INTO bench_copy SELECT id, email FROM contacts WHERE "
                                 "email <> ''")))
        return 1;
    const qint64 referenceMs = timer.elapsed();
    exec(db, QStringLiteral("DROP TABLE bench_copy"));
    print({{QStringLiteral("recipients"), total.queued},
           {QStringLiteral("fanoutMs"), fanoutMs},
           {QStringLiteral("bareCopyMs"), referenceMs},
           {QStringLiteral("ratio"), double(fanoutMs) / double(std::max<qint64>(1, referenceMs))},
           {QStringLiteral("targetMs"), 10000}});
    return total.queued > 0 ? 0 : 1;
}

int report(Database &db, qint64 events)
{
    const auto c = CampaignRepository(db).find(QStringLiteral("Bench campaign"));
    if (!c)
        return fail(QStringLiteral("run fanout first"));
    const qint64 sentAt = c->startedAtMs + 60000;
    const qint64 recipients = c->recipients;
    // Each recipient i gets events_per = EVENTS / recipients events: opens,
    // some clicks, machine opens, a few unsubscribes and purchases.
    const qint64 per = std::max<qint64>(1, events / std::max<qint64>(1, recipients));
    {
        Transaction tx(db.connection(), Transaction::Mode::Write);
        if (!exec(db, QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = %1, "
                                     "claimed_at = %1 WHERE campaign_id = %2")
                          .arg(sentAt)
                          .arg(c->id)) ||
            !exec(db, QStringLiteral(
                          "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE "
                          "n + 1 < %1) INSERT INTO events (contact_id, type, occurred_at, "
                          "payload) SELECT r.contact_id, CASE WHEN k.n = %1 - 1 AND "
                          "r.contact_id %% 50 = 0 THEN 'purchase' WHEN k.n %% 3 = 1 THEN "
                          "'email_clicked' WHEN k.n %% 5 = 4 THEN 'email_machine_opened' ELSE "
                          "'email_opened' END, %2 + k.n * 60000 + r.contact_id %% 1000, CASE "
                          "WHEN k.n = %1 - 1 AND r.contact_id %% 50 = 0 THEN "
                          "'{\"amount\": 25.5}' ELSE '{\"outbox\": 0, \"campaign\": %3}' END "
                          "FROM campaign_recipients r CROSS JOIN k WHERE r.campaign_id = %3")
                          .arg(per)
                          .arg(sentAt)
                          .arg(c->id)
                          .replace(QStringLiteral("%%"), QStringLiteral("%"))) ||
            !exec(db, QStringLiteral("INSERT INTO campaign_activity (campaign_id, contact_id, "
                                     "variant, opens, machine_opens, clicks, unsubscribed, "
                                     "first_open_at) SELECT campaign_id, contact_id, variant, "
                                     "%1, 1, CASE WHEN contact_id %% 3 = 0 THEN 1 ELSE 0 END, "
                                     "CASE WHEN contact_id %% 200 = 0 THEN 1 ELSE 0 END, %2 FROM "
                                     "campaign_recipients WHERE campaign_id = %3 AND contact_id "
                                     "%% 10 < 4 ON CONFLICT DO NOTHING")
                          .arg(per)
                          .arg(sentAt)
                          .arg(c->id)
                          .replace(QStringLiteral("%%"), QStringLiteral("%"))) ||
            // What CampaignActivity keeps as the hits and purchases come in.
            !exec(db, QStringLiteral("INSERT INTO campaign_totals (campaign_id, variant, "
                                     "unique_opens, opens, machine_opens, unique_clicks, clicks, "
                                     "unsubscribes, conversions, revenue, revenue_squares) "
                                     "SELECT campaign_id, variant, count(*), sum(opens), "
                                     "sum(machine_opens), sum(clicks), sum(clicks), "
                                     "sum(unsubscribed), %1, %1 * 25.5, %1 * 25.5 * 25.5 FROM "
                                     "campaign_activity WHERE campaign_id = %2 GROUP BY "
                                     "campaign_id, variant ON CONFLICT DO NOTHING")
                          .arg(recipients / 50)
                          .arg(c->id)))
            return 1;
        if (!tx.commit())
            return fail(tx.errorString());
    }
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT count(*) FROM events"));
    q.next();
    const qint64 eventCount = q.value(0).toLongLong();
    q.finish();

    QElapsedTimer timer;
    QList<qint64> runs;
    std::optional<CampaignReportData> data;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        data = CampaignReport(db).build(c->id);
        runs << timer.elapsed();
        if (!data)
            return fail(QStringLiteral("report failed"));
    }
    std::sort(runs.begin(), runs.end());
    timer.restart();
    q.exec(QStringLiteral("SELECT count(*) FROM events"));
    q.next();
    const qint64 countMs = timer.elapsed();
    print({{QStringLiteral("events"), eventCount},
           {QStringLiteral("recipients"), recipients},
           {QStringLiteral("reportMedianMs"), runs.at(2)},
           {QStringLiteral("reportMinMs"), runs.first()},
           {QStringLiteral("reportMaxMs"), runs.last()},
           {QStringLiteral("countEventsMs"), countMs},
           {QStringLiteral("sent"), data->total.sent},
           {QStringLiteral("uniqueOpens"), data->total.uniqueOpens},
           {QStringLiteral("conversions"), data->total.conversions},
           {QStringLiteral("targetMs"), 500}});
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return fail(
            QStringLiteral("usage: bench_campaign fanout WORKSPACE | report WORKSPACE EVENTS"));
    Database db(args.at(2));
    if (!db.open())
        return fail(db.errorString());
    if (args.at(1) == QLatin1String("fanout"))
        return fanout(db);
    if (args.at(1) == QLatin1String("report") && args.size() > 3)
        return report(db, args.at(3).toLongLong());
    return fail(QStringLiteral("unknown command"));
}
