// Journey engine throughput (see run_journeys.sh): every contact of the
// workspace enrolled in a 6-node journey with all steps due at once; sends go
// only into the outbox. Target: at least 20,000 steps/s.
#include "common/Clock.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyRepository.h"
#include "messaging/MessageTemplate.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <cstdio>

using namespace masir;

int main(int argc, char **argv)
{
    masir::Database::configureLibrary();
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_journeys WORKSPACE [BATCH] [--prepare|--run]\n"
                             "  --prepare: make the journey and enrol everyone, then stop\n"
                             "  --run: only run the steps due (as one of several workers)\n");
        return 2;
    }
    const int batch = argc > 2 ? QByteArray(argv[2]).toInt() : 500;
    const QByteArray mode = argc > 3 ? QByteArray(argv[3]) : QByteArray();
    Database db(QString::fromLocal8Bit(argv[1]));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    SystemClock clock;
    JourneyEngine engine(db, clock);
    QElapsedTimer timer;
    if (mode == "--run") {
        timer.start();
        const auto stats = engine.runDue(batch);
        if (!stats) {
            std::fprintf(stderr, "%s\n", qPrintable(engine.errorString()));
            return 1;
        }
        std::printf("steps %lld in %.0f ms\n", stats->steps, timer.nsecsElapsed() / 1e6);
        return 0;
    }
    // every contact reachable, so that every step does its full work
    QSqlQuery(db.connection())
        .exec(QStringLiteral("UPDATE contacts SET status = 'active', email_consent = 'granted', "
                             "sms_consent = 'granted'"));

    JourneyGraph g;
    const QString t = g.addNode(QStringLiteral("trigger.manual"));
    const QString mail = g.addNode(QStringLiteral("action.email"),
                                   {{QStringLiteral("template"), QStringLiteral("welcome")}});
    const QString tag = g.addNode(QStringLiteral("action.tag"),
                                  {{QStringLiteral("tag"), QStringLiteral("welcomed")}});
    const QString score =
        g.addNode(QStringLiteral("action.score"), {{QStringLiteral("points"), 5}});
    const QString sms = g.addNode(QStringLiteral("action.sms"),
                                  {{QStringLiteral("template"), QStringLiteral("hello")}});
    const QString end = g.addNode(QStringLiteral("exit"));
    g.connectNodes(t, QStringLiteral("next"), mail);
    g.connectNodes(mail, QStringLiteral("next"), tag);
    g.connectNodes(tag, QStringLiteral("next"), score);
    g.connectNodes(score, QStringLiteral("next"), sms);
    g.connectNodes(sms, QStringLiteral("next"), end);
    Journey j;
    j.name = QStringLiteral("Benchmark %1").arg(QDateTime::currentMSecsSinceEpoch());
    j.graph = g.toJson();
    // the templates it sends: a journey cannot start without them
    TemplateRepository templates(db);
    for (const auto &[name, channel] : {std::pair{"welcome", "email"}, std::pair{"hello", "sms"}}) {
        MessageTemplate m;
        m.name = QLatin1String(name);
        m.channel = QLatin1String(channel);
        m.subject = QStringLiteral("Welcome");
        m.body = QStringLiteral("Hello {{first_name}}");
        m.marketing = false;
        if (!templates.find(m.name) && !templates.save(m)) {
            std::fprintf(stderr, "%s\n", qPrintable(templates.errorString()));
            return 1;
        }
    }
    JourneyRepository repo(db);
    if (!repo.save(j) || !repo.activate(j.id)) {
        std::fprintf(stderr, "%s\n", qPrintable(repo.errorString()));
        return 1;
    }
    QList<qint64> ids;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT id FROM contacts ORDER BY id"));
    while (q.next())
        ids << q.value(0).toLongLong();

    timer.start();
    const auto enrolled = engine.enrol(j.id, ids);
    const double enrolMs = timer.nsecsElapsed() / 1e6;
    if (!enrolled) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.errorString()));
        return 1;
    }
    if (mode == "--prepare") {
        std::printf("enrolled %lld contacts in %.0f ms\n", *enrolled, enrolMs);
        return 0;
    }
    timer.restart();
    const auto stats = engine.runDue(batch);
    const double runMs = timer.nsecsElapsed() / 1e6;
    if (!stats) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.errorString()));
        return 1;
    }
    std::printf("enrolled %lld contacts in %.0f ms\n", *enrolled, enrolMs);
    std::printf("ran %lld steps, %lld outbox rows, %lld finished in %.0f ms (batch %d)\n",
                stats->steps, stats->queued, stats->completed, runMs, batch);
    std::printf("throughput: %.0f steps/s (target >= 20000)\n", stats->steps / (runMs / 1000.0));
    return 0;
}
