// Segments and scoring benchmark on a large workspace (see run_segments.sh):
// the count of a 3-condition segment (field + tag + behaviour in the last 30
// days), materialising its membership, and recomputing every score.
#include "scoring/LeadScoring.h"
#include "segments/SegmentRepository.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace masir;

namespace {

template<typename F> double medianMs(int runs, F &&f)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times << t.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    masir::Database::configureLibrary();
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_segments WORKSPACE [--no-recompute]\n");
        return 2;
    }
    Database db(QString::fromLocal8Bit(argv[1]));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    SegmentNode opened =
        SegmentNode::condition(QStringLiteral("event"), QString(), QStringLiteral("did"));
    opened.event = QStringLiteral("email_opened");
    opened.days = 30;
    Segment segment;
    segment.name = QStringLiteral("bench: engaged VIPs in Tehran");
    segment.rule.root = SegmentNode::group(
        false, {SegmentNode::condition(QStringLiteral("field"), QStringLiteral("city"),
                                       QStringLiteral("equals"), QStringLiteral("تهران")),
                SegmentNode::condition(QStringLiteral("tag"), QString(), QStringLiteral("has_any"),
                                       QJsonArray{QStringLiteral("vip")}),
                opened});
    SegmentRepository repo(db);
    if (const auto old = repo.findByName(segment.name))
        segment.id = old->id;
    if (!repo.save(segment)) {
        std::fprintf(stderr, "%s\n", qPrintable(repo.errorString()));
        return 1;
    }
    qint64 count = 0;
    const double countMs = medianMs(5, [&] { count = repo.count(segment.rule).value_or(-1); });
    std::printf("3-condition segment count: %lld contacts, median %.1f ms (target <= 300 ms)\n",
                count, countMs);
    qint64 members = 0;
    const double materializeMs =
        medianMs(3, [&] { members = repo.materialize(segment.id).value_or(-1); });
    std::printf("materialise membership: %lld members, median %.1f ms (target <= 2000 ms)\n",
                members, materializeMs);
    if (argc > 2 && QByteArray(argv[2]) == "--no-recompute")
        return 0;
    LeadScoring scoring(db);
    LeadScoring::RecomputeResult result;
    const double recomputeMs =
        medianMs(1, [&] { result = scoring.recomputeAll().value_or(result); });
    std::printf("recompute all scores: %lld changed, %lld promoted, %.1f ms (target <= 10000 ms)\n",
                result.contacts, result.promoted, recomputeMs);
    const double again = medianMs(1, [&] { result = scoring.recomputeAll().value_or(result); });
    std::printf("recompute again (nothing changes): %lld changed, %.1f ms\n", result.contacts,
                again);
    return 0;
}
