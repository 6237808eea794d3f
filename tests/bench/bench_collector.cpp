// The collector's benchmarks (see run_collector.sh).
//
//   bench_collector prepare WORKSPACE COLLECTOR_URL KEY DATA_DIR HITS
//     Connects the workspace to the collector, marks HITS marketing emails to
//     as many contacts sent an hour ago (tracked, two links each), writes one
//     hit per message into the collector's store (60 % opens, 40 % clicks, as
//     browsers), and prints the pixel and click paths of the first message
//     for wrk.
//   bench_collector pullapply WORKSPACE
//     Times one worker cycle's intake and journeys, as the worker runs them
//     (WorkerCycle): pull every hit from the collector, apply them, push the
//     choices, score them, and run a journey that starts on a click. Prints
//     JSON. Target: 100,000 hits into 1,000,000 contacts in at most 10 s.
#include "common/Clock.h"
#include "intake/CollectorStore.h"
#include "intake/CollectorSync.h"
#include "journeys/JourneyRepository.h"
#include "messaging/Outbox.h"
#include "scheduler/Worker.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tracking/LinkTracker.h"
#include "tracking/TrackingHit.h"
#include "tracking/TrackingKeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>

#include <cstdio>

using namespace masir;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

int prepare(Database &db, const QString &url, const QString &key, const QString &dataDir, int count)
{
    CollectorSync sync(db);
    if (!sync.connect(url, key))
        return fail(sync.errorString());
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch() - 3600000;
    QList<qint64> messages;
    {
        Transaction tx(db.connection(), Transaction::Mode::Write);
        QSqlQuery contacts(db.connection());
        contacts.exec(QStringLiteral("SELECT id, email FROM contacts WHERE email <> '' ORDER BY "
                                     "random() LIMIT %1")
                          .arg(count));
        Outbox outbox(db);
        const QString tracked = QStringLiteral(
            "{\"links\":[{\"index\":0},{\"index\":1}],\"subject\":\"Spring bread\"}");
        QSqlQuery mark(db.connection());
        mark.prepare(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ?, tracked = ? "
                                    "WHERE id = ?"));
        while (contacts.next()) {
            OutboxEntry e;
            e.idempotencyKey = QStringLiteral("bench:%1").arg(contacts.value(0).toLongLong());
            e.channel = QStringLiteral("email");
            e.contactId = contacts.value(0).toLongLong();
            e.recipient = contacts.value(1).toString();
            e.templateName = QStringLiteral("news");
            e.dueAtMs = e.createdAtMs = sentAt;
            const auto id = outbox.add(e);
            if (!id || !*id)
                return fail(outbox.errorString());
            mark.addBindValue(sentAt);
            mark.addBindValue(tracked);
            mark.addBindValue(*id);
            if (!mark.exec())
                return fail(QStringLiteral("cannot mark a message sent"));
            messages << *id;
        }
        if (!tx.commit())
            return fail(tx.errorString());
    }
    // A journey that starts on a click, so that the run has journey work too.
    JourneyGraph g;
    const QString t = g.addNode(QStringLiteral("trigger.event"),
                                {{QStringLiteral("event"), QStringLiteral("email_clicked")}});
    const QString tag = g.addNode(QStringLiteral("action.tag"),
                                  {{QStringLiteral("tag"), QStringLiteral("clicked")}});
    g.connectNodes(t, QStringLiteral("next"), tag);
    Journey j;
    j.name = QStringLiteral("Clickers");
    j.graph = g.toJson();
    JourneyRepository journeys(db);
    if (!journeys.save(j) || !journeys.activate(j.id))
        return fail(journeys.errorString());
    // One hit per message, as the collector's server would keep them.
    CollectorStore store(dataDir);
    if (!store.open())
        return fail(store.errorString());
    const QByteArray agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0";
    for (int i = 0; i < messages.size(); ++i) {
        TrackingHit h;
        h.kind = i % 5 < 3 ? QStringLiteral("open") : QStringLiteral("click");
        h.outboxId = messages.at(i);
        if (h.kind == QLatin1String("click")) {
            h.link = 0;
            h.target = QStringLiteral("https://shop.test/spring");
        }
        h.atMs = sentAt + 300000 + i;
        h.ip = QStringLiteral("198.51.100.%1").arg(i % 250 + 1);
        h.userAgent = QString::fromLatin1(agent);
        store.record(h);
    }
    store.flush();
    // The paths wrk asks for: the first message's pixel and first link.
    const auto k = TrackingKeys(db).current();
    TrackingPlan plan;
    plan.baseUrl = url;
    plan.key = *k;
    plan.outboxId = messages.value(0);
    std::printf(
        "%s %s\n", qPrintable(QUrl(LinkTracker::openUrl(plan)).path()),
        qPrintable(QUrl(LinkTracker::clickUrl(plan, 0, QStringLiteral("https://shop.test/spring")))
                       .path()));
    return 0;
}

int pullApply(Database &db)
{
    // One worker cycle's intake and journeys, as the worker runs them; the end
    // of the cycle's scope (the log left to checkpoint) counts too.
    SystemClock clock;
    WorkerCycle cycle(db, clock);
    QElapsedTimer t;
    t.start();
    std::optional<IntakeStats> in;
    std::optional<JourneyRunStats> run;
    qint64 intakeMs = 0;
    qint64 journeysMs = 0;
    {
        const auto scope = cycle.scope();
        in = cycle.intake();
        if (!in)
            return fail(cycle.errorString());
        if (!in->collectorError.isEmpty())
            return fail(in->collectorError);
        intakeMs = t.restart();
        run = cycle.run();
        if (!run)
            return fail(cycle.errorString());
        journeysMs = t.restart();
    }
    const qint64 endMs = t.restart();
    const QJsonObject out{{QStringLiteral("pulled"), double(in->collector.pulled)},
                          {QStringLiteral("opens"), double(in->hits.opens)},
                          {QStringLiteral("clicks"), double(in->hits.clicks)},
                          {QStringLiteral("machine"), double(in->hits.machine)},
                          {QStringLiteral("pushedChoices"), double(in->collector.pushedChoices)},
                          {QStringLiteral("scored"), double(in->scored)},
                          {QStringLiteral("enrolled"), double(run->enrolled)},
                          {QStringLiteral("steps"), double(run->steps)},
                          {QStringLiteral("pullMs"), double(in->pullMs)},
                          {QStringLiteral("applyMs"), double(in->applyMs)},
                          {QStringLiteral("scoreMs"), double(in->scoreMs)},
                          {QStringLiteral("pushWaitMs"), double(in->pushWaitMs)},
                          {QStringLiteral("journeysMs"), double(journeysMs)},
                          {QStringLiteral("cycleEndMs"), double(endMs)},
                          {QStringLiteral("totalMs"), double(intakeMs + journeysMs + endMs)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    masir::Database::configureLibrary();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2 || (args.at(0) == QLatin1String("prepare") && args.size() < 6)) {
        std::fprintf(stderr, "usage: bench_collector prepare WORKSPACE URL KEY DATA_DIR HITS\n"
                             "       bench_collector pullapply WORKSPACE\n");
        return 2;
    }
    Database db(args.at(1));
    if (!db.open())
        return fail(db.errorString());
    if (args.at(0) == QLatin1String("prepare"))
        return prepare(db, args.at(2), args.at(3), args.at(4), args.at(5).toInt());
    return pullApply(db);
}
